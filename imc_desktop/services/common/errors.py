"""Errors a service raises for the user: the message is plain Russian."""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal explained to the user."""


class ValidationFailed(ServiceError):
    """Field-level problems: {field name: message}."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class NotFound(ServiceError):
    pass


class InUse(ServiceError):
    """A record other records refer to cannot be deleted."""
