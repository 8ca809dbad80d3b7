"""Equipment documents and reports: инвентарная карточка, акт приёма-передачи, акт о
списании, инвентаризационная опись, ведомость расхождений, информатизация ОО. Form codes
come from the settings."""

from __future__ import annotations

from datetime import date
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, format_date
from exports.forms import FormDocument
from exports.model import ReportChart
from imc_desktop import clock
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
)
from imc_desktop.services.equipment import acts, forms, stats
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment import report_data as d

CARD, TRANSFER, WRITE_OFF, COUNT_LIST, DISCREPANCIES, INFORMATISATION = (
    "equipment-card", "equipment-transfer-act", "equipment-write-off-act",
    "inventory-count-list", "inventory-discrepancies", "informatisation")


def _empty(title: str, what: str) -> Report:
    return Report(title=title, paragraphs=(f"{what} пока нет.",))


# ---------------------------------------------------------------- инвентарная карточка

CARD_TITLE = "Инвентарная карточка учёта нефинансовых активов"


def _form_report(form: FormDocument, number: str = "") -> Report:
    """A report that is an official form: its title for lists and checks, the form itself."""
    return Report(title=form.title, number=number, form=form, landscape=form.landscape)


def _card(params: dict[str, Any], ctx: ReportContext) -> Report:
    item_id = d.find_item(params["item"], param_place(CARD, "item", "Инвентарный номер"))
    if item_id is None:
        return _empty(CARD_TITLE, "Оборудования в реестре")
    item = eq.get_item(item_id)
    return _form_report(forms.card_form(item, ctx), item.inventory_number)


register(ReportDefinition(
    name=CARD, title="Инвентарная карточка (0504031)",
    params=(ReportParam("item", "Инвентарный номер (пусто — первый в реестре)", "str",
                        lambda: ""),),
    build=_card))


# ---------------------------------------------------------------- акт приёма-передачи

TRANSFER_TITLE = "Акт о приеме-передаче объектов нефинансовых активов"


def _transfer(params: dict[str, Any], ctx: ReportContext) -> Report:
    act_id = d.find_act(params["act"], acts.ACT_TRANSFER,
                        param_place(TRANSFER, "act", "Номер акта"))
    if act_id is None:
        return _empty(TRANSFER_TITLE, "Актов приёма-передачи")
    a = acts.act_detail(act_id)
    return _form_report(forms.transfer_form(a, a.from_organization_id, a.to_organization_id,
                                            ctx), a.number)


register(ReportDefinition(
    name=TRANSFER, title="Акт о приеме-передаче (0504101)",
    params=(ReportParam("act", "Номер акта (пусто — последний)", "str", lambda: ""),),
    build=_transfer))


# ---------------------------------------------------------------- акт о списании

WRITE_OFF_TITLE = "Акт о списании объектов нефинансовых активов"


def _write_off(params: dict[str, Any], ctx: ReportContext) -> Report:
    act_id = d.find_act(params["act"], acts.ACT_WRITE_OFF,
                        param_place(WRITE_OFF, "act", "Номер акта"))
    if act_id is None:
        return _empty(WRITE_OFF_TITLE, "Актов о списании")
    a = acts.act_detail(act_id)
    return _form_report(forms.write_off_form(a, a.from_organization_id, ctx), a.number)


register(ReportDefinition(
    name=WRITE_OFF, title="Акт о списании оборудования (0504104)",
    params=(ReportParam("act", "Номер акта (пусто — последний)", "str", lambda: ""),),
    build=_write_off))


# ---------------------------------------------------------------- опись и ведомость

COUNT_TITLE = "Инвентаризационная опись (сличительная ведомость) по объектам нефинансовых активов"
DISCREPANCY_TITLE = "Ведомость расхождений по результатам инвентаризации"


def _session(params: dict[str, Any], report: str) -> inv.SessionDetail | None:
    session_id = d.find_session(params["session"], param_place(report, "session", "Номер"))
    return inv.session_detail(session_id) if session_id else None


def _count_list(params: dict[str, Any], ctx: ReportContext) -> Report:
    detail = _session(params, COUNT_LIST)
    if detail is None:
        return _empty(COUNT_TITLE, "Инвентаризаций")
    return _form_report(forms.count_list_form(detail, ctx), detail.row.number)


def _discrepancies(params: dict[str, Any], ctx: ReportContext) -> Report:
    detail = _session(params, DISCREPANCIES)
    if detail is None:
        return _empty(DISCREPANCY_TITLE, "Инвентаризаций")
    return _form_report(forms.discrepancy_form(detail, ctx), detail.row.number)


_SESSION_PARAM = ReportParam("session", "Номер инвентаризации (пусто — последняя)", "str",
                             lambda: "")
register(ReportDefinition(name=COUNT_LIST, title="Инвентаризационная опись (0504087)",
                          params=(_SESSION_PARAM,), build=_count_list))
register(ReportDefinition(name=DISCREPANCIES, title="Ведомость расхождений (0504092)",
                          params=(_SESSION_PARAM,), build=_discrepancies))


# ---------------------------------------------------------------- информатизация

PUPILS_COLUMNS = (ReportColumn("ОО", 3.4), ReportColumn("Обучающихся", 1.2, kind="int"),
                  ReportColumn("Компьютеров", 1.2, kind="int"),
                  ReportColumn("Компьютеров на 100 обучающихся", 1.6, kind="number",
                               decimals=1),
                  ReportColumn("Обучающихся на 1 компьютер", 1.6, kind="number", decimals=1))
AGE_COLUMNS = (ReportColumn("Год принятия к учёту", 1.4, align="center"),
               ReportColumn("Компьютеры", 1.2, kind="int", total=True),
               ReportColumn("Прочее оборудование", 1.4, kind="int", total=True))
STATE_COLUMNS = (ReportColumn("ОО", 3.4), ReportColumn("Всего единиц", 1.1, kind="int"),
                 ReportColumn("В ремонте", 1.1, kind="int"),
                 ReportColumn("К списанию", 1.1, kind="int"),
                 ReportColumn("Неисправно, %", 1.2, kind="percent"))


def informatisation_tables(today: date, data: stats.Fleet) -> tuple[ReportTable, ...]:
    pupils: list[list[CellValue]] = [
        [r.organization, r.pupils, r.computers, r.per_100, r.pupils_per_computer]
        for r in stats.computers_per_pupil(data)]
    ages: list[list[CellValue]] = [
        [str(r.year), r.computers, r.other] for r in stats.fleet_age(today, data)]
    state: list[list[CellValue]] = [[r.organization, r.total, r.in_repair, r.to_write_off, r.share]
             for r in stats.out_of_order(data)]
    return (
        ReportTable(PUPILS_COLUMNS, pupils, title="Обеспеченность компьютерами",
                    chart=ReportChart("Компьютеров на 100 обучающихся", 0, (3,), "шт.")),
        ReportTable(AGE_COLUMNS, ages, title="Возраст парка по году принятия к учёту",
                    totals=True, chart=ReportChart("Парк по году принятия к учёту", 0, (1, 2),
                                                   "единиц")),
        ReportTable(STATE_COLUMNS, state, title="Оборудование в ремонте и к списанию",
                    chart=ReportChart("Доля неисправного оборудования", 0, (4,), "%")))


def _informatisation(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    data = stats.fleet(on)
    average = stats.average_age(on, data)
    age_text = f"{average:.1f}".replace(".", ",") if average is not None else "—"
    return Report(
        title="Информатизация образовательных организаций",
        params_line=f"По состоянию на {format_date(on)}: оборудование, принятое к учёту и не "
                    "списанное к этой дате, — в ОО и в состоянии на эту дату.",
        paragraphs=(f"Средний возраст компьютеров: {age_text} лет. Компьютеры — ПК, ноутбуки,"
                    " моноблоки и планшеты, кроме списанных и ожидающих списания.",),
        tables=informatisation_tables(on, data), landscape=True)


register(ReportDefinition(
    name=INFORMATISATION, title="Информатизация ОО",
    params=(ReportParam("date", "Дата", "date", lambda: format_date(clock.today())),),
    build=_informatisation))
