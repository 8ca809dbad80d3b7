"""The «Оборудование» tab: items, acts, inventory counts, duplicates, informatisation."""
