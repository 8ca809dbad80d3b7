"""What an import is made of: fields and kinds, parsed rows, their problems, the outcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

FieldKind = Literal["text", "int", "number", "date", "bool", "snils", "inn", "choice",
                    "reference"]
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]

FIO_FIELD = "_fio"
"""The pseudo-field of a «ФИО» column, split into last_name / first_name / middle_name."""
FIO_PARTS = ("last_name", "first_name", "middle_name")
FIO_TITLE = "ФИО"
FIO_ALIASES = ("Фамилия имя отчество", "ФИО педагога", "ФИО работника",
               "ФИО сотрудника", "ФИО полностью", "Фамилия, имя, отчество педагога")


class ImportFailed(Exception):
    """An import that cannot go on; ``str(exc)`` is a Russian message for the user."""


class ImportFileError(ImportFailed):
    """The file cannot be read as a workbook, or no table is found in it."""


class MappingIncomplete(ImportFailed):
    """Required fields have no column in the file."""


class ImportCancelled(ImportFailed):
    def __init__(self, message: str = "Импорт отменён; ничего не записано.") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class ImportField:
    """One field a kind accepts. ``aliases`` are other headings that mean it."""

    name: str
    title: str
    kind: FieldKind = "text"
    required: bool = False
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    max_length: int | None = None


@dataclass(frozen=True)
class RowProblem:
    row: int
    """The Excel row number."""
    field: str
    """The field's Russian title, or the column heading."""
    message: str


@dataclass(frozen=True)
class ImportRow:
    row: int
    values: dict[str, Any]
    """Parsed values of the mapped fields only: an update leaves the other fields alone."""
    problems: tuple[RowProblem, ...] = ()
    skip_reason: str | None = None
    """Set when the user chose not to import this row (a reference mapped to «skip»)."""

    @property
    def ok(self) -> bool:
        return not self.problems and self.skip_reason is None


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    skipped: tuple[tuple[int, str], ...] = ()
    """(Excel row, reason) of every row not written."""
    dry_run: bool = False
    unchanged: int = 0
    """Rows that matched a record already holding the same values."""
    aborted: bool = False
    """Nothing was written because rows had problems and only valid rows were not allowed."""
    details: tuple[str, ...] = ()
    """Russian lines on what changed, for the user to read (e.g. titles excluded from ФПУ);
    a kind that has nothing to tell leaves it empty."""
    more_skipped: int = 0
    """Rows not written beyond the first ones that ``skipped`` lists (they are counted)."""

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.more_skipped


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    valid_only: bool = False
    progress: ProgressFn | None = None
    cancelled: CancelledFn | None = None

    def report(self, done: int, total: int) -> None:
        """For ``apply``: show progress now and then; raise ImportCancelled if asked to stop."""
        if done % 200:
            return
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(done, total)


ApplyFn = Callable[[list[ImportRow], ImportOptions], ImportSummary]
CheckFn = Callable[[dict[str, Any]], dict[str, str]]
ReferencesFn = Callable[[str], dict[str, str]]
KeyFn = Callable[[dict[str, Any]], tuple[str, str] | None]


def _no_problems(_values: dict[str, Any]) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class ImportKind:
    """What one module imports: its fields and how a row is checked and written.

    ``apply(rows, options)`` writes the valid rows in ONE transaction (all or nothing),
    rolls it back for ``options.dry_run``, calls ``options.report(i, len(rows))`` as it
    goes (progress and cancel) and returns the counts. A row's ``values`` hold only the
    mapped fields: an update leaves the other fields alone.
    ``check_row(values)`` gives the domain's {field name: Russian message}.
    ``references(field)`` gives the known values of a "reference" field as
    {display name: id}; file values are matched to the names after normalisation.
    ``duplicate_key(values)`` gives (field name, value) that makes a row unique, e.g.
    ("inn", "7205…"); two rows of one file with the same key are a problem.
    With ``full_name_field`` a «ФИО» column fills last_name / first_name / middle_name.
    """

    name: str
    title: str
    fields: tuple[ImportField, ...]
    _: KW_ONLY
    apply: ApplyFn
    check_row: CheckFn = _no_problems
    full_name_field: bool = False
    references: ReferencesFn | None = None
    duplicate_key: KeyFn | None = None
    sheet_date_field: str | None = None
    """A date field filled from the sheet's title («по состоянию на 01.09.2025») in the
    rows whose own cell is empty or not mapped."""

    def field(self, name: str) -> ImportField:
        for item in self.fields:
            if item.name == name:
                return item
        if name == FIO_FIELD and self.splits_full_name:
            return ImportField(FIO_FIELD, FIO_TITLE, aliases=FIO_ALIASES)
        raise KeyError(name)

    @property
    def splits_full_name(self) -> bool:
        names = {f.name for f in self.fields}
        return self.full_name_field and {"last_name", "first_name"} <= names

    def choosable_fields(self) -> tuple[ImportField, ...]:
        """The fields a column may be mapped to, the «ФИО» pseudo-field first if it applies."""
        extra = (self.field(FIO_FIELD),) if self.splits_full_name else ()
        return extra + self.fields

    def title_of(self, name: str) -> str:
        try:
            return self.field(name).title
        except KeyError:
            return name


@dataclass(frozen=True)
class WorkbookInfo:
    path: Path
    sheets: tuple[str, ...]
    rows: dict[str, int]
    """Rows per sheet as the file declares them (0 for an empty sheet)."""


@dataclass(frozen=True)
class SheetHeader:
    """Where the table starts on a sheet, what its columns are called, its first values."""

    sheet: str
    first_row: int
    """Excel row number of the header's first row (two for a two-row header)."""
    header_row: int
    """Excel row number of the header's last row; data follow it."""
    headers: tuple[str, ...]
    samples: tuple[tuple[Any, ...], ...]
    total_rows: int
    """Rows on the sheet as the file declares them (an estimate for progress)."""
    as_of: date | None = None
    """The date the title above the table names («по состоянию на 01.09.2025»), if any."""


@dataclass(frozen=True)
class PreviewCounts:
    total: int
    valid: int
    invalid: int
    skipped: int


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    sheet: str
    kind: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]
    rows: list[ImportRow]
    unknown_references: dict[str, set[str]] = field(default_factory=dict)
    """{field name: texts of the file not found among the known values}."""

    @property
    def counts(self) -> PreviewCounts:
        invalid = sum(1 for r in self.rows if r.problems)
        skipped = sum(1 for r in self.rows if r.skip_reason is not None and not r.problems)
        return PreviewCounts(len(self.rows), len(self.rows) - invalid - skipped, invalid,
                             skipped)

    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]
