"""Synchronisation as the screens and the command line see it."""
