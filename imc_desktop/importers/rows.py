"""One sheet row → an ImportRow: values converted by field kind, references resolved, the
kind's own checks and duplicates within the file, every problem with its row and field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from imc_desktop.importers.model import (
    FIO_FIELD,
    FIO_PARTS,
    ImportFailed,
    ImportField,
    ImportKind,
    ImportRow,
    RowProblem,
)
from imc_desktop.importers.text import normalise, shown
from imc_desktop.importers.values import (
    BadValue,
    convert,
    empty_value,
    is_empty,
    split_full_name,
    to_text,
)

UNCALCULATED = "формула без вычисленного значения — откройте файл в Excel и сохраните"
REQUIRED = "обязательное поле не заполнено"


class _Skip(Exception):
    """The user chose not to import rows with this value."""


class RowParser:
    def __init__(self, kind: ImportKind, mapping: Mapping[int, str],
                 references: Mapping[str, Mapping[str, str]],
                 value_map: Mapping[str, str | None],
                 uncalculated: frozenset[tuple[int, int]] = frozenset(),
                 defaults: Mapping[str, Any] | None = None) -> None:
        self.kind = kind
        self.defaults = dict(defaults or {})
        """Values for fields whose cell is empty or not mapped (the sheet's date)."""
        try:
            columns = [(col, kind.field(name)) for col, name in sorted(mapping.items())]
        except KeyError as exc:
            raise ImportFailed(f"В «{kind.title}» нет поля {exc}.") from None
        # the «ФИО» column last: separate name columns, when filled, take precedence
        self.columns = sorted(columns, key=lambda c: c[1].name == FIO_FIELD)
        self.mapped = {f.name for _c, f in columns}
        self.order = {f.name: i for i, (_c, f) in enumerate(columns)}
        self.field_names = {f.name for f in kind.fields}
        self.references = {name: {normalise(k): v for k, v in known.items()}
                           for name, known in references.items()}
        self.value_map = {normalise(k): v for k, v in value_map.items()}
        self.uncalculated = uncalculated
        self.unknown: dict[str, dict[str, str]] = {}
        self._keys: dict[tuple[str, str], int] = {}

    def is_empty(self, row: int, cells: Sequence[Any]) -> bool:
        """No mapped cell is filled (a formula without a value counts as filled)."""
        return all(is_empty(cells[c]) and (row, c + 1) not in self.uncalculated
                   for c, _f in self.columns if c < len(cells))

    def parse(self, row: int, cells: Sequence[Any]) -> ImportRow:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        skip: str | None = None
        for col, field in self.columns:
            raw = cells[col] if col < len(cells) else None
            try:
                self._read(row, col, raw, field, values)
            except BadValue as exc:
                problems[field.name] = str(exc)
            except _Skip as exc:
                skip = str(exc)
        if skip is not None:  # the user chose to leave the row out: its problems do not matter
            return ImportRow(row, values, (), skip)
        for name, value in self.defaults.items():
            if values.get(name) is None:
                values[name] = value
        self._required(values, problems)
        for name, message in self.kind.check_row(values).items():
            problems.setdefault(name, message)
        self._duplicate(row, values, problems)
        found = tuple(RowProblem(row, self.kind.title_of(n), problems[n])
                      for n in sorted(problems, key=lambda n: self.order.get(n, len(self.order))))
        return ImportRow(row, values, found, skip)

    def _read(self, row: int, col: int, raw: Any, field: ImportField,
              values: dict[str, Any]) -> None:
        if raw is None and (row, col + 1) in self.uncalculated:
            raise BadValue(UNCALCULATED)
        if field.name == FIO_FIELD:
            self._full_name(raw, values)
        elif is_empty(raw):
            values[field.name] = empty_value(field)
        elif field.kind == "reference":
            values[field.name] = self._reference(raw, field)
        else:
            values[field.name] = convert(raw, field)

    def _full_name(self, raw: Any, values: dict[str, Any]) -> None:
        parts = ("", "", "") if is_empty(raw) else split_full_name(raw)
        for name, part in zip(FIO_PARTS, parts, strict=True):
            if name in self.field_names and not values.get(name):
                values[name] = part

    def _reference(self, raw: Any, field: ImportField) -> str | None:
        text = to_text(raw, field)
        key = normalise(text)
        known = self.references.get(field.name, {})
        if key in known:
            return known[key]
        if key in self.value_map:
            target = self.value_map[key]
            if target is None:
                raise _Skip(f"{field.title} «{shown(text)}»: выбрано «не импортировать»")
            return target
        self.unknown.setdefault(field.name, {}).setdefault(key, text)
        raise BadValue(f"{field.title} «{shown(text)}» нет в справочнике")

    def _required(self, values: dict[str, Any], problems: dict[str, str]) -> None:
        for field in self.kind.fields:
            if not field.required or field.name in problems:
                continue
            by_fio = field.name in FIO_PARTS and FIO_FIELD in self.mapped
            if (field.name in self.mapped or by_fio) and is_empty(values.get(field.name)):
                where = FIO_FIELD if by_fio and field.name not in self.mapped else field.name
                problems.setdefault(where, REQUIRED)

    def _duplicate(self, row: int, values: dict[str, Any], problems: dict[str, str]) -> None:
        key = self.kind.duplicate_key(values) if self.kind.duplicate_key else None
        if key is None:
            return
        name, text = key
        first = self._keys.setdefault((name, normalise(text)), row)
        if first != row:
            problems.setdefault(name, f"«{shown(text)}» уже есть в строке {first}")

    def unknown_references(self) -> dict[str, set[str]]:
        return {name: set(texts.values()) for name, texts in self.unknown.items()}
