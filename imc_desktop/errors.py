"""The base of every refusal the program explains to the user in plain Russian."""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal explained to the user."""
