"""Imports of literature from Excel.

«fpu» — the federal list of textbooks (ФПУ): a title is found by its position number and
updated (only the filled cells), or created; a «use until» date or a status «исключён»
marks it excluded. The summary counts created, updated and unchanged titles, and its
``details`` say which titles left the list (with the copies the ОО still hold), came back
to it, or got a new «use until» date.

«literature» — titles and opening balances: a title is found by ISBN, else by ФПУ number,
else by title, authors and year; its filled cells update it, or it is created when
missing. A quantity puts the copies on the holder's balance (the ОО named in the row, or
the ИМЦ fund when the cell is empty) through one posted «ввод остатков» document per
holder and date, so that balances still come only from documents. Importing the file
again updates that document (see :mod:`.openings`), it never adds the copies twice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop import validation as v
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.importers import normalise as norm
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature import rules
from imc_desktop.services.literature.openings import OpeningLine, Stock, post_openings
from models import LiteratureTitle

TABLES = {"literature_titles", "literature_documents", "literature_lines"}


def _f(name: str, title: str, kind: Any = "text", *aliases: str,
       required: bool = False) -> ImportField:
    return ImportField(name, title, kind, required, aliases)


TITLE_FIELDS = (
    _f("authors", "Авторы", "text", "Автор", "Автор/авторский коллектив", "Авторский коллектив"),
    _f("title", "Наименование", "text", "Наименование учебника", "Название", "Издание",
       "Наименование издания", required=True),
    _f("grades", "Класс", "text", "Классы", "Класс(ы)"),
    _f("subject", "Предмет", "text", "Учебный предмет", "Предметная область"),
    _f("publisher", "Издатель", "text", "Издательство", "Наименование издателя",
       "Наименование издателя(ей) учебника"),
    _f("isbn", "ISBN", "text", "Код ISBN"),
    _f("level", "Уровень", "text", "Уровень изучения"),
)
FPU_FIELDS = (
    _f("fpu_number", "Порядковый номер", "text", "Номер позиции", "№ в ФПУ", "Номер в ФПУ",
       "Порядковый номер учебника", "Номер по ФПУ", required=True),
    *TITLE_FIELDS,
    _f("use_until", "Использовать до", "date", "Срок использования", "Дата окончания "
       "использования", "Используется до", "Предельный срок использования"),
    _f("status", "Статус", "text", "Исключён", "Статус в ФПУ"),
    _f("excluded_on", "Дата исключения", "date", "Дата исключения из ФПУ", "Исключён с",
       "Дата исключения из перечня"),
)
STOCK_FIELDS = (
    _f("kind", "Вид издания", "text", "Вид", "Тип издания"),
    *TITLE_FIELDS,
    _f("year", "Год издания", "int", "Год"),
    _f("fpu_number", "Номер ФПУ", "text", "Номер в ФПУ", "№ в ФПУ", "Порядковый номер"),
    _f("price", "Цена", "number", "Цена, руб.", "Стоимость", "Цена за экземпляр"),
    _f("holder", "Держатель", "reference", "ОО", "Образовательная организация",
       "Где находится", "Организация"),
    _f("quantity", "Количество", "int", "Количество экземпляров", "Кол-во", "Экземпляров",
       "Остаток"),
    _f("on_date", "Дата остатков", "date", "Дата", "На дату"),
)


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def _level(text: str) -> str:
    t = text.lower()
    return "углублённый" if t.startswith("углуб") else "базовый" if t.startswith("баз") else t


def _excluded(values: dict[str, Any]) -> bool:
    status = _text(values, "status").lower()
    return values.get("use_until") is not None or values.get("excluded_on") is not None \
        or status.startswith(("искл", "да"))


def _title_problems(values: dict[str, Any]) -> dict[str, str]:
    p: dict[str, str] = {}
    if lit.parse_grades(_text(values, "grades")) is None:
        p["grades"] = "Класс: число от 1 до 11 или диапазон, например «10–11»."
    isbn = _text(values, "isbn")
    if isbn and not v.isbn_is_valid(isbn):
        p["isbn"] = (f"ISBN «{isbn}» неверен (длина, контрольная цифра; ISBN-13 "
                     "начинается с 978 или 979).")
    if _level(_text(values, "level")) not in lit.LEVELS:
        p["level"] = "Уровень: базовый или углублённый."
    return p


def _check_fpu(values: dict[str, Any]) -> dict[str, str]:
    return _title_problems(values)


def _check_stock(values: dict[str, Any]) -> dict[str, str]:
    p = _title_problems(values)
    kind = _text(values, "kind").lower()
    if kind and kind not in lit.KINDS:
        p["kind"] = "Вид издания: " + ", ".join(lit.KINDS) + "."
    if (values.get("quantity") or 0) < 0:
        p["quantity"] = "Количество не может быть отрицательным."
    if (values.get("price") or 0) < 0:
        p["price"] = "Цена не может быть отрицательной."
    return p


def _isbn_key(isbn: str) -> str:
    """An ISBN's digits (X as 0): «978-5-09-…» and «9785090…» are one ISBN."""
    return v.digits(isbn.upper().replace("X", "0"))


_TITLE_NAMES = ("authors", "title", "subject", "publisher", "isbn", "fpu_number")


def _apply_values(t: LiteratureTitle, values: dict[str, Any]) -> bool:
    """Set the filled cells that differ; True when something changed."""
    wanted: dict[str, Any] = {n: _text(values, n) for n in _TITLE_NAMES if _text(values, n)}
    if _text(values, "grades"):
        wanted["grade_from"], wanted["grade_to"] = lit.parse_grades(_text(values, "grades")) \
            or (None, None)
    if _text(values, "level"):
        wanted["level"] = _level(_text(values, "level"))
    for name in ("year", "use_until", "excluded_on"):
        if values.get(name) is not None:
            wanted[name] = values[name]
    if values.get("price") is not None:
        wanted["price_kopecks"] = lit.kopecks(values["price"])
    if _text(values, "kind"):
        wanted["kind"] = _text(values, "kind").lower()
    if "isbn" in wanted and _isbn_key(wanted["isbn"]) == _isbn_key(t.isbn or ""):
        del wanted["isbn"]
    changed = {k: x for k, x in wanted.items() if getattr(t, k) != x}
    for name, value in changed.items():
        setattr(t, name, value)
    return bool(changed)


class _FpuChanges:
    """What a ФПУ import changed in the list: titles excluded, restored, given a new date."""

    def __init__(self) -> None:
        self.excluded: list[LiteratureTitle] = []
        self.restored: list[LiteratureTitle] = []
        self.redated: list[tuple[LiteratureTitle, date | None]] = []

    def note(self, t: LiteratureTitle, status: str | None, until: date | None) -> None:
        """``status`` and ``until`` as they were before the row (status None: a new title)."""
        if status is None:
            return
        if t.fpu_status == lit.EXCLUDED and status != lit.EXCLUDED:
            self.excluded.append(t)
        elif t.fpu_status == lit.IN_LIST and status == lit.EXCLUDED:
            self.restored.append(t)
        elif t.fpu_status == lit.EXCLUDED and t.use_until != until:
            self.redated.append((t, until))

    def lines(self, s: Session) -> tuple[str, ...]:
        held = bal.held_by_schools(s, [t.id for t in self.excluded], clock.today())
        lines = [f"Исключён из ФПУ: {_named(t)}, {_until(t)}; "
                 f"{_copies(held.get(t.id, 0))}" for t in self.excluded]
        if self.excluded:
            lines.append("Всего в ОО экземпляров учебников, исключённых этим импортом: "
                         f"{sum(held.values())}.")
        lines += [f"Возвращён в ФПУ: {_named(t)}." for t in self.restored]
        lines += [f"Новый срок «использовать до»: {_named(t)}: {_day(before)} → "
                  f"{_day(t.use_until)}." for t, before in self.redated]
        return tuple(lines)


def _named(t: LiteratureTitle) -> str:
    grades = lit.grades_text(t.grade_from, t.grade_to)
    return f"№ {t.fpu_number} «{lit.title_label(t)}»" + (f" ({grades} кл.)" if grades else "")


def _day(day: date | None) -> str:
    return v.format_date(day) if day is not None else "не указан"


def _until(t: LiteratureTitle) -> str:
    if t.use_until is not None:
        return f"использовать до {_day(t.use_until)}"
    limit = rules.use_limit(None, t.excluded_on)
    if limit is None:
        return "срок использования не указан"
    return (f"использовать до {_day(limit)} ({rules.EXCLUDED_USE_YEARS} лет от исключения "
            f"{_day(t.excluded_on)})")


def _copies(count: int) -> str:
    return f"в ОО на руках {count} экз." if count else "в ОО экземпляров нет."


def _fpu_row(title: LiteratureTitle, values: dict[str, Any]) -> bool:
    """Apply one row of the list to its title; True when something changed."""
    changed = _apply_values(title, values)
    status = lit.EXCLUDED if _excluded(values) else lit.IN_LIST
    if title.fpu_status != status:
        title.fpu_status, changed = status, True
        if status == lit.IN_LIST:
            title.use_until = title.excluded_on = None
        elif title.excluded_on is None:
            title.excluded_on = clock.today()
    return changed


def _apply_fpu(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    changes = _FpuChanges()
    with unit_of_work(options.dry_run) as s:
        by_number = {t.fpu_number: t for t in s.scalars(select(LiteratureTitle).where(
            LiteratureTitle.fpu_number != ""))}
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            number = _text(row.values, "fpu_number")
            title = by_number.get(number)
            before = (title.fpu_status, title.use_until) if title else (None, None)
            if title is None:
                title = by_number[number] = LiteratureTitle(kind=lit.TEXTBOOK, fpu_number=number)
                s.add(title)
            changed = _fpu_row(title, row.values)
            changes.note(title, *before)
            counts["created" if before[0] is None else "updated" if changed
                   else "unchanged"] += 1
        details = changes.lines(s)
    return ImportSummary(counts["created"], counts["updated"], (), options.dry_run,
                         counts["unchanged"], details=details)


class _Catalogue:
    """Titles by ISBN, ФПУ number and (title, authors, year)."""

    def __init__(self, s: Session) -> None:
        self.by_isbn: dict[str, LiteratureTitle] = {}
        self.by_number: dict[str, LiteratureTitle] = {}
        self.by_name: dict[tuple[str, str, int | None], LiteratureTitle] = {}
        for t in s.scalars(select(LiteratureTitle)):
            self.add(t)

    @staticmethod
    def _name(values: dict[str, Any] | LiteratureTitle) -> tuple[str, str, int | None]:
        get = values.get if isinstance(values, dict) else (lambda n: getattr(values, n))
        return norm(str(get("title") or "")), norm(str(get("authors") or "")), get("year")

    def add(self, t: LiteratureTitle) -> None:
        if t.isbn:
            self.by_isbn.setdefault(_isbn_key(t.isbn), t)
        if t.fpu_number:
            self.by_number.setdefault(t.fpu_number, t)
        self.by_name.setdefault(self._name(t), t)

    def find(self, values: dict[str, Any]) -> LiteratureTitle | None:
        isbn = _isbn_key(_text(values, "isbn"))
        return (self.by_isbn.get(isbn) if isbn else None) or \
            self.by_number.get(_text(values, "fpu_number")) or \
            self.by_name.get(self._name(values))


def _apply_stock(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    stock: Stock = {}
    with unit_of_work(options.dry_run) as s:
        catalogue = _Catalogue(s)
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            title = catalogue.find(row.values)
            if title is None:
                title = LiteratureTitle(kind=lit.TEXTBOOK)
                _apply_values(title, row.values)
                s.add(title)
                s.flush()
                counts["created"] += 1
            else:
                counts["updated" if _apply_values(title, row.values) else "unchanged"] += 1
            catalogue.add(title)
            _add_stock(stock, title, row)
        details = post_openings(s, stock)
    return ImportSummary(counts["created"], counts["updated"], (), options.dry_run,
                         counts["unchanged"], details=details)


def _add_stock(stock: Stock, title: LiteratureTitle, row: ImportRow) -> None:
    """Put the row's quantity (if any) on its holder's opening document of its date."""
    values = row.values
    quantity = values.get("quantity") or 0
    if quantity <= 0:
        return
    key = (_text(values, "holder") or None, values.get("on_date") or clock.today())
    price = title.price_kopecks if values.get("price") is None else \
        lit.kopecks(values["price"])
    line = stock.setdefault(key, {}).setdefault(title.id, OpeningLine(title, 0, price))
    line.quantity += quantity
    line.rows.append(row.row)


FPU = register(ImportKind(
    name="fpu", title="Федеральный перечень учебников (ФПУ)", fields=FPU_FIELDS,
    apply=_apply_fpu, check_row=_check_fpu,
    duplicate_key=lambda values: ("fpu_number", _text(values, "fpu_number"))))
LITERATURE = register(ImportKind(
    name="literature", title="Издания и остатки литературы", fields=STOCK_FIELDS,
    apply=_apply_stock, check_row=_check_stock, references=organization_references))
