"""Площадки: municipal and regional innovation sites, training sites and supporting schools
in the ОО, with the order, the term, the responsible and the yearly report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select

from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import NotFound, ValidationFailed
from imc_desktop.services.network import rules
from imc_desktop.services.network.records import names_of
from models import NetworkSite, Organization
from models.network import SITE_KINDS

KINDS = SITE_KINDS


@dataclass(frozen=True)
class SiteData:
    id: str | None = None
    kind: str = KINDS[0]
    organization_id: str | None = None
    theme: str = ""
    order_number: str = ""
    order_date: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    responsible_id: str | None = None
    report_received: bool = False
    report_received_on: date | None = None


_FIELDS = [f.name for f in fields(SiteData) if f.name != "id"]


@dataclass(frozen=True)
class SiteRow:
    data: SiteData
    organization: str
    responsible: str
    active: bool

    @property
    def id(self) -> str:
        return self.data.id or ""


def list_sites(today: date | None = None) -> list[SiteRow]:
    today = today or clock.today()
    with session_scope() as s:
        orgs = dict(s.execute(select(Organization.id, Organization.short_name)).all())
        found = list(s.scalars(select(NetworkSite)))
        names = names_of(s, [x.responsible_id for x in found])
        rows = [SiteRow(SiteData(x.id, **{n: getattr(x, n) for n in _FIELDS}),
                        orgs.get(x.organization_id, ""), names.get(x.responsible_id or "", ""),
                        (x.starts_on is None or x.starts_on <= today)
                        and (x.ends_on is None or today <= x.ends_on)) for x in found]
    return sorted(rows, key=lambda r: (r.data.kind, r.organization))


def validate_site(data: SiteData) -> dict[str, str]:
    p: dict[str, str] = {}
    if data.kind not in KINDS:
        p["kind"] = "Выберите вид площадки из списка."
    if not data.organization_id:
        p["organization_id"] = "Выберите образовательную организацию."
    if not data.theme.strip():
        p["theme"] = "Укажите тему площадки."
    dates = rules.dates_problem(data.starts_on, data.ends_on, "Срок площадки")
    if dates:
        p["ends_on"] = dates
    if data.report_received_on is not None and not data.report_received:
        p["report_received"] = "Дата отчёта указана, а отметка «Отчёт получен» не стоит."
    return p


def save_site(data: SiteData) -> str:
    data = replace(data, theme=data.theme.strip(), order_number=data.order_number.strip())
    problems = validate_site(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        if data.id is None:
            site = NetworkSite()
        else:
            found = s.get(NetworkSite, data.id)
            if found is None:
                raise NotFound("Площадка не найдена: возможно, её удалили.")
            site = found
        for name in _FIELDS:
            setattr(site, name, getattr(data, name))
        s.add(site)
        s.flush()
        return site.id


def delete_sites(ids: Sequence[str]) -> None:
    with session_scope() as s:
        for site in s.scalars(select(NetworkSite).where(NetworkSite.id.in_(list(ids)))):
            s.delete(site)
