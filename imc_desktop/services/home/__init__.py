"""«Главная»: today's work across the modules, counted for the district and for each ОО."""
