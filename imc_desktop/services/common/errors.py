"""Errors a service raises for the user: the message is plain Russian."""

from __future__ import annotations

from imc_desktop.errors import ServiceError as ServiceError
from imc_desktop.storage_errors import StorageFailed as StorageFailed


class ValidationFailed(ServiceError):
    """Field-level problems: {field name: message}."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


class NotFound(ServiceError):
    pass


class InUse(ServiceError):
    """A record other records refer to cannot be deleted."""


class ChangedMeanwhile(ServiceError):
    """Fields the user changed in a form that were also changed elsewhere since the form was
    loaded (on another computer, by a synchronisation, in another window). Nothing was saved;
    saving again with ``overwrite`` puts the user's values over the others."""

    def __init__(self, clashes: list[tuple[str, object, object]]) -> None:
        self.clashes = list(clashes)  # (field title, the value now stored, the user's value)
        lines = [f"«{title}»: теперь «{_shown(now)}», у вас «{_shown(mine)}»"
                 for title, now, mine in self.clashes]
        super().__init__("Пока карточка была открыта, эти поля изменили в другом месте:\n"
                         + "\n".join(lines))


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return str(value.strftime("%d.%m.%Y"))
    if isinstance(value, bool):
        return "да" if value else "нет"
    return str(value)
