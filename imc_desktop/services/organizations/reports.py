"""The reports of the ОО directory, and the «ОО» parameter that other modules' reports share."""

from __future__ import annotations

from typing import Any

from exports import Report, ReportColumn, ReportTable
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    register,
)
from imc_desktop.services.organizations import records as orgs

ALL_ORGS = ("", "все ОО")
ORG_TITLE = "Образовательная организация"


def org_choices() -> list[tuple[str, str]]:
    return [ALL_ORGS, *orgs.organization_choices()]


def org_param() -> ReportParam:
    """The «ОО» parameter of a report: one ОО or all of them (an empty id)."""
    return ReportParam("org", ORG_TITLE, "choice", lambda: "", org_choices)


def org_text(org_id: str) -> str:
    """The ОО parameter as the report's heading says it."""
    if not org_id:
        return "все"
    return dict(orgs.organization_choices()).get(org_id, org_id)


def _kinds() -> list[tuple[str, str]]:
    return [("", "все типы"), *((k, k) for k in orgs.KINDS)]


def _organizations(params: dict[str, Any], ctx: ReportContext) -> Report:
    kind, active = params["kind"], params["active"]
    rows = [o for o in orgs.list_organizations()
            if (not kind or o.kind == kind) and (o.is_active or not active)]
    order = {k: i for i, k in enumerate(orgs.KINDS)}
    rows.sort(key=lambda o: (order.get(o.kind, 99), o.short_name.casefold()))
    columns = (
        ReportColumn("Тип", 1.3),
        ReportColumn("№", 0.45, kind="int"),
        ReportColumn("Наименование", 3.0),
        ReportColumn("Руководитель", 2.4),
        ReportColumn("Телефон", 2.1),
        ReportColumn("Адрес", 3.4),
        ReportColumn("Обучающихся", 1.7, kind="int", total=True),
    )
    cells = [(o.kind, i, o.short_name, o.head_name, o.head_phone, o.actual_address, o.pupils)
             for i, o in enumerate(rows, 1)]
    scope = kind or "все типы"
    state = "действующие" if active else "включая реорганизованные"
    return Report(
        title="Справочник образовательных организаций",
        params_line=f"Тип: {scope}; {state}. Всего организаций: {len(rows)}.",
        tables=(ReportTable(columns, cells, group_by=0, totals=True),),
    )


register(ReportDefinition(
    name="organizations",
    title="Справочник образовательных организаций",
    params=(
        ReportParam("kind", "Тип организации", "choice", lambda: "", _kinds),
        ReportParam("active", "Только действующие", "bool", lambda: "да"),
    ),
    build=_organizations,
))
