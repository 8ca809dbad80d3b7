"""Pedagogues: the registry, their jobs, education, стаж and courses."""
