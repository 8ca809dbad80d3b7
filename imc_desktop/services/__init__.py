"""Domain services: the only code that opens a Session. They return plain frozen dataclasses."""
