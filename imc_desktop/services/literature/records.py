"""Literature: the catalogue of titles and the pupils of an ОО by grade.

Prices are kept in kopecks in the database and shown as roubles (`Decimal`, two decimals).
Documents and posting are in :mod:`literature_documents`, balances in
:mod:`literature_balances`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from sqlalchemy import func, or_, select

from imc_desktop import clock
from imc_desktop import validation as v
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import InUse, NotFound, ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.common.rows import bulk_allocation
from imc_desktop.services.literature import rules
from models import LiteratureLine, LiteratureTitle, Organization, OrganizationGradePupils
from models.literature import FPU_STATUSES, LEVELS, TITLE_KINDS

TITLES = "literature_titles"
PUPILS = "organization_grade_pupils"
KINDS, STATUSES = TITLE_KINDS, FPU_STATUSES
IN_LIST, EXCLUDED = FPU_STATUSES[1], FPU_STATUSES[2]
TEXTBOOK = TITLE_KINDS[0]
GRADES = range(1, 12)
IMC_FUND = "Фонд ИМЦ"
__all__ = ["LEVELS"]


def roubles(kopecks: int) -> Decimal:
    return (Decimal(kopecks) / 100).quantize(Decimal("0.01"))


def kopecks(value: Decimal | float | int | str | None) -> int:
    if value is None or value == "":
        return 0
    amount = Decimal(str(value).replace(",", ".").replace(" ", ""))
    return int((amount * 100).quantize(Decimal(1), ROUND_HALF_UP))


def grades_text(grade_from: int | None, grade_to: int | None) -> str:
    """«5», «10–11» or empty."""
    if grade_from is None:
        return ""
    if grade_to is None or grade_to == grade_from:
        return str(grade_from)
    return f"{grade_from}–{grade_to}"


_GRADES = re.compile(
    r"^\s*(\d{1,2})\s*(?:(?:-|–|—|\.\.)\s*(\d{1,2}))?\s*(?:кл\.?|класс[а-я]*)?\s*$")


def parse_grades(text: str) -> tuple[int | None, int | None] | None:
    """«5», «5 класс», «10-11», «10–11 кл.» → (from, to); empty → (None, None); else None."""
    if not text.strip():
        return None, None
    match = _GRADES.match(text.lower())
    if match is None:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if not (1 <= first <= last <= 11):
        return None
    return first, last


@dataclass(frozen=True)
class TitleData:
    """One title as the screens see it; `grades` is text like «5» or «10–11»."""

    id: str | None = None
    kind: str = TEXTBOOK
    authors: str = ""
    title: str = ""
    grades: str = ""
    subject: str = ""
    publisher: str = ""
    year: int | None = None
    isbn: str = ""
    fpu_number: str = ""
    level: str = ""
    fpu_status: str = ""
    use_until: date | None = None
    price: Decimal = Decimal("0.00")
    excluded_on: date | None = None

    @property
    def use_limit(self) -> date | None:
        """The last day of use: «use until», else 5 years after the exclusion."""
        return rules.use_limit(self.use_until, self.excluded_on) \
            if self.fpu_status == EXCLUDED else None

    @property
    def label(self) -> str:
        """«Виленкин Н.Я. Математика. 5 класс (2023)» for pickers and messages."""
        head = f"{self.authors.split(',')[0].strip()} " if self.authors.strip() else ""
        year = f" ({self.year})" if self.year else ""
        return f"{head}{self.title}{year}"


_PLAIN = [f.name for f in fields(TitleData) if f.name not in ("id", "grades", "price")]


def title_data(t: LiteratureTitle) -> TitleData:
    return TitleData(t.id, grades=grades_text(t.grade_from, t.grade_to),
                     price=roubles(t.price_kopecks), **{n: getattr(t, n) for n in _PLAIN})


def title_label(t: LiteratureTitle) -> str:
    return title_data(t).label


def validate_title(data: TitleData) -> dict[str, str]:
    """{field: Russian message}; empty when the title can be saved."""
    p: dict[str, str] = {}
    if not data.title.strip():
        p["title"] = "Укажите название."
    if data.kind not in TITLE_KINDS:
        p["kind"] = "Выберите вид издания из списка."
    if parse_grades(data.grades) is None:
        p["grades"] = "Классы: одно число от 1 до 11 или диапазон, например «10–11»."
    if data.isbn.strip() and not v.isbn_is_valid(data.isbn):
        p["isbn"] = "ISBN неверен: 10 или 13 цифр (в ISBN-10 последней может быть X, " \
                    "ISBN-13 начинается с 978 или 979) с верной контрольной цифрой."
    if data.year is not None and not 1900 <= data.year <= clock.today().year + 1:
        p["year"] = "Год издания — от 1900 до следующего года."
    if data.level not in LEVELS:
        p["level"] = "Уровень: базовый или углублённый."
    if data.fpu_status not in FPU_STATUSES:
        p["fpu_status"] = "Статус ФПУ: «в перечне» или «исключён»."
    if data.use_until is not None and data.fpu_status != EXCLUDED:
        p["use_until"] = "«Использовать до» указывают для учебника, исключённого из ФПУ."
    if data.excluded_on is not None and data.fpu_status != EXCLUDED:
        p["excluded_on"] = "Дату исключения указывают для учебника, исключённого из ФПУ."
    elif data.excluded_on is not None and data.excluded_on > clock.today():
        p["excluded_on"] = "Дата исключения из ФПУ в будущем."
    if data.price < 0:
        p["price"] = "Цена не может быть отрицательной."
    return p


def duplicate_of(data: TitleData) -> str | None:
    """The label of another title with the same ISBN or ФПУ number, if there is one."""
    isbn, number = v.digits(data.isbn), data.fpu_number.strip()
    with session_scope() as s:
        wanted = [LiteratureTitle.isbn != ""] if isbn else []
        if number:
            wanted.append(LiteratureTitle.fpu_number == number)
        if not wanted:
            return None
        for t in s.scalars(select(LiteratureTitle).where(or_(*wanted))):
            if t.id == data.id:
                continue
            if (number and t.fpu_number == number) or (isbn and v.digits(t.isbn) == isbn):
                return title_label(t)
    return None


def save_title(data: TitleData, loaded: TitleData | None = None, overwrite: bool = False
               ) -> str:
    """Create or update a title. A card passes the values it ``loaded``: only the fields
    changed on it are written, and one changed meanwhile elsewhere is
    :class:`ChangedMeanwhile` unless ``overwrite``."""
    problems = validate_title(data)
    if problems:
        raise ValidationFailed(problems)
    other = duplicate_of(data)
    if other is not None:
        raise ValidationFailed({"isbn": f"Такой ISBN или номер ФПУ уже есть: «{other}»."})
    with session_scope() as s:
        row = load_or_new(s, LiteratureTitle, data.id, "Издание не найдено: возможно, его удалили.")
        stored = _stored(data)
        base = _stored(loaded) if loaded is not None and data.id is not None else None
        write_fields(row, stored, base, vars(stored), TITLES, overwrite)
        s.add(row)
        s.flush()
        title_id = row.id
    return title_id


def _stored(data: TitleData) -> SimpleNamespace:
    """The title's values as the table keeps them."""
    grade_from, grade_to = parse_grades(data.grades) or (None, None)
    values = {name: getattr(data, name) for name in _PLAIN}
    values.update(title=data.title.strip(), authors=data.authors.strip(),
                  isbn=data.isbn.strip().upper(), grade_from=grade_from, grade_to=grade_to,
                  price_kopecks=kopecks(data.price))
    return SimpleNamespace(**values)


def delete_title(title_id: str) -> None:
    with session_scope() as s:
        row = s.get(LiteratureTitle, title_id)
        if row is None:
            raise NotFound("Издание не найдено: возможно, его уже удалили.")
        used = s.scalar(select(func.count()).select_from(LiteratureLine).where(
            LiteratureLine.title_id == title_id)) or 0
        if used:
            raise InUse(f"«{title_label(row)}» есть в строках документов ({used}); "
                        "удалить издание нельзя.")
        s.delete(row)


def get_title(title_id: str) -> TitleData:
    with session_scope() as s:
        row = s.get(LiteratureTitle, title_id)
        if row is None:
            raise NotFound("Издание не найдено: возможно, его удалили.")
        return title_data(row)


def list_titles() -> list[TitleData]:
    with bulk_allocation(), session_scope() as s:
        rows = s.scalars(select(LiteratureTitle).order_by(
            LiteratureTitle.subject, LiteratureTitle.grade_from, LiteratureTitle.title))
        return [title_data(t) for t in rows]


def subjects() -> list[str]:
    with session_scope() as s:
        return [x for x in s.scalars(select(LiteratureTitle.subject).distinct().order_by(
            LiteratureTitle.subject)) if x]


def find_by_isbn(text: str) -> TitleData | None:
    wanted = v.digits(text.upper().replace("X", "0"))
    if len(wanted) not in (10, 13):
        return None
    with session_scope() as s:
        for t in s.scalars(select(LiteratureTitle).where(LiteratureTitle.isbn != "")):
            if v.digits(t.isbn.upper().replace("X", "0")) == wanted:
                return title_data(t)
    return None


def holder_choices() -> list[tuple[str, str]]:
    """(id, short name) of every active ОО, for the holder pickers; the ИМЦ fund is ""."""
    with session_scope() as s:
        return [(i, n) for i, n in s.execute(select(Organization.id, Organization.short_name)
                                             .where(Organization.is_active)
                                             .order_by(Organization.short_name))]


# ---------------------------------------------------------------- pupils by grade

def grade_pupils(org_id: str) -> dict[int, int]:
    with session_scope() as s:
        return {g: n for g, n in s.execute(select(
            OrganizationGradePupils.grade, OrganizationGradePupils.pupils).where(
            OrganizationGradePupils.organization_id == org_id))}


def save_grade_pupils(org_id: str, pupils: dict[int, int]) -> None:
    """Replace the ОО's pupils by grade (grades 1–11; a zero removes the grade)."""
    wrong = {f"grade_{g}": f"{g} класс: число обучающихся от 0 до 1000."
             for g, n in pupils.items() if g not in GRADES or not 0 <= n <= 1000}
    if wrong:
        raise ValidationFailed(wrong)
    with session_scope() as s:
        if s.get(Organization, org_id) is None:
            raise NotFound("Организация не найдена: возможно, её удалили.")
        existing = {x.grade: x for x in s.scalars(select(OrganizationGradePupils).where(
            OrganizationGradePupils.organization_id == org_id))}
        for grade, count in pupils.items():
            row = existing.pop(grade, None)
            if count == 0:
                if row is not None:
                    s.delete(row)
                continue
            row = row or OrganizationGradePupils(organization_id=org_id, grade=grade)
            row.pupils = count
            s.add(row)
        for row in existing.values():
            s.delete(row)


def all_grade_pupils() -> dict[str, dict[int, int]]:
    """{ОО id: {grade: pupils}} of the whole district."""
    result: dict[str, dict[int, int]] = {}
    with session_scope() as s:
        for org_id, grade, count in s.execute(select(
                OrganizationGradePupils.organization_id, OrganizationGradePupils.grade,
                OrganizationGradePupils.pupils)):
            result.setdefault(org_id, {})[grade] = count
    return result
