"""The ОО directory."""
