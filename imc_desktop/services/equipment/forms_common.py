"""What the accounting forms share: people with their positions, the holder's codes, the
depreciation of an item by the budget accounting rules, and the heads of the forms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from exports import format_date
from exports.forms import HeaderRow, SignLine
from imc_desktop.services.common.reports import ReportContext, short_name
from imc_desktop.services.organizations import records as orgs

OKEI_RUB, OKEI_PIECE = "383", "796"
#: The lines of a signature that nobody has been named for yet (to fill in by hand).
BLANK = ""


@dataclass(frozen=True)
class Person:
    """A signer: the position and the full name, either may be unknown."""

    position: str
    name: str

    @property
    def short(self) -> str:
        return short_name(self.name)

    @property
    def text(self) -> str:
        """«директор Иванова Елена Петровна» for the head of a form."""
        return " ".join(x for x in (self.position, self.name) if x)

    def sign(self, role: str) -> SignLine:
        return SignLine(role, self.position, self.short)


def head_position(kind: str) -> str:
    """The head of a детский сад is a заведующий, of the others a директор."""
    return "Заведующий" if kind == "детский сад" else "Директор"


def person(text: str, org: orgs.OrganizationData | None = None) -> Person:
    """«Фамилия Имя Отчество, должность» (or «должность Фамилия И.О.»). A text starting with
    a small letter is a position alone; the ОО's head gets the head's position."""
    text = " ".join(text.split())
    if "," in text:
        name, position = (x.strip() for x in text.split(",", 1))
        return Person(position, name)
    if text and text[0].islower():
        return Person(text, "")
    if org is not None and text and text == org.head_name:
        return Person(head_position(org.kind), text)
    return Person("", text)


@dataclass(frozen=True)
class Holder:
    """The institution on the form (the ОО, or the centre itself) with its codes."""

    name: str
    okpo: str
    inn: str
    head: Person


def holder(org_id: str | None, ctx: ReportContext) -> Holder:
    if org_id:
        org = orgs.get_organization(org_id)
        return Holder(org.full_name or org.short_name, org.okpo, org.inn,
                      Person(head_position(org.kind), org.head_name))
    codes = ctx.form_codes
    return Holder(ctx.organization, codes.get("accounting/okpo", ""),
                  codes.get("accounting/inn", ""),
                  Person(ctx.director_position, ctx.director_name))


def chief_accountant(ctx: ReportContext) -> Person:
    return Person(ctx.form_codes.get("accounting/chief_position", ""),
                  ctx.form_codes.get("accounting/chief_name", ""))


def accountant(ctx: ReportContext) -> Person:
    return Person(ctx.form_codes.get("accounting/executor_position", ""), ctx.executor_name)


def dated(day: date | None) -> str:
    """«от 05 января 2026 г.» as the forms put it under their title."""
    if day is None:
        return "от «____» ____________ 20___ г."
    return f"от «{day.day:02d}» {MONTHS[day.month - 1]} {day.year} г."


MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")


def institution_rows(who: Holder, label: str = "Учреждение") -> tuple[HeaderRow, ...]:
    return (HeaderRow(label, who.name, "по ОКПО", who.okpo),
            HeaderRow("", "", "ИНН", who.inn))


def unit_row() -> HeaderRow:
    return HeaderRow("Единица измерения: руб. (с точностью до второго десятичного знака)",
                     "", "по ОКЕИ", OKEI_RUB)


def basis_text(number: str = "", day: date | None = None) -> str:
    """«Основание: приказ № … от …», blanks to fill in by hand when not known."""
    return (f"приказ (распоряжение) № {number or '________'} "
            f"от {format_date(day) if day else '«____» ____________ 20___ г.'}")


# ---------------------------------------------------------------- depreciation

#: Months of useful life by kind (ОКОФ groups: computers and their periphery, the second
#: group, over 2 to 3 years; the rest of the equipment, the third, over 3 to 5 years).
USEFUL_LIFE = {"ПК": 36, "ноутбук": 36, "моноблок": 36, "планшет": 36, "МФУ": 36,
               "принтер": 36, "сканер": 36, "сервер": 36}
DEFAULT_LIFE = 60


def useful_life_months(kind: str) -> int:
    return USEFUL_LIFE.get(kind, DEFAULT_LIFE)


def depreciation(cost: float | None, accepted_on: date | None, kind: str,
                 on: date) -> Decimal:
    """Amortisation charged by ``on`` (Инструкция 157н, п. 92): none up to 10 000 roubles,
    100 % when put into use up to 100 000, above that straight-line from the first day of
    the month after acceptance over the useful life."""
    value = Decimal(str(cost or 0)).quantize(Decimal("0.01"))
    if accepted_on is None or on < accepted_on or value <= 10_000:
        return Decimal(0)
    if value <= 100_000:
        return value
    months = (on.year - accepted_on.year) * 12 + on.month - accepted_on.month
    life = useful_life_months(kind)
    charged = value * min(max(months, 0), life) / life
    return min(value, charged.quantize(Decimal("0.01"), ROUND_HALF_UP))
