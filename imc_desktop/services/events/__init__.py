"""The district's events calendar."""
