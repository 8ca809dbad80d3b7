"""Data for the equipment documents: finding the item, act or session a report is about,
and the tables of the опись and the ведомость расхождений."""

from __future__ import annotations

from collections.abc import Sequence

from exports import CellValue, ReportColumn, ReportTable, Signature, format_date, format_money
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import short_name
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq

NUMBER = ReportColumn("№ п/п", 0.5, kind="int")


def form_line(code: str) -> str:
    return f"Форма по ОКУД {code}" if code else ""


def find_item(text: str, where: str) -> str | None:
    """The item with this inventory number (or id); empty text: the first item."""
    text = text.strip()
    if not text:
        rows = eq.list_items()
        return rows[0].id if rows else None
    found = eq.find_by_number(text)
    if found and found[0].id:
        return found[0].id
    if any(x.id == text for x in eq.list_items()):
        return text
    raise ServiceError(f"{where}: нет оборудования с инвентарным номером «{text}».")


def find_act(text: str, kind: str, where: str) -> str | None:
    """The act of this kind with this number (or id); empty: the latest one."""
    text = text.strip()
    if not text:
        return acts.latest_act_id(kind)
    for row in acts.list_acts():
        if row.kind == kind and text in (row.number, row.id):
            return row.id
    raise ServiceError(f"{where}: нет акта {kind} с номером «{text}».")


def find_session(text: str, where: str) -> str | None:
    """The session with this number (or id); empty: the latest closed one (or any)."""
    text = text.strip()
    if not text:
        return inv.latest_session_id(closed=True) or inv.latest_session_id()
    for row in inv.list_sessions():
        if text in (row.number, row.id):
            return row.id
    raise ServiceError(f"{where}: нет инвентаризации с номером «{text}».")


def commission(chairman: str, members: Sequence[str]) -> tuple[Signature, ...]:
    lines = [Signature("Председатель комиссии", short_name(chairman))] if chairman else []
    lines += [Signature("Член комиссии", short_name(m)) for m in members]
    return tuple(lines)


def act_lines_table(lines: Sequence[acts.ActLine], with_place: bool) -> ReportTable:
    columns = (NUMBER, ReportColumn("Наименование, модель", 3.2),
               ReportColumn("Инвентарный номер", 1.6), ReportColumn("Заводской номер", 1.5),
               ReportColumn("Дата принятия к учёту", 1.2, kind="date"),
               *((ReportColumn("Откуда", 2.0),) if with_place else ()),
               ReportColumn("Кол-во", 0.7, kind="int", total=True),
               ReportColumn("Стоимость, руб.", 1.3, kind="money", total=True))
    rows: list[list[CellValue]] = []
    for i, x in enumerate(lines, 1):
        place = [", ".join(p for p in (x.organization, x.room) if p)] if with_place else []
        title = x.name if x.model in x.name else f"{x.name} {x.model}".strip()
        rows.append([i, title, x.inventory_number, x.serial_number,
                     x.accepted_on, *place, 1, x.cost or 0.0])
    return ReportTable(columns, rows, totals=True)


def count_list_table(detail: inv.SessionDetail) -> ReportTable:
    """The опись: each line with its actual presence and the register's figures."""
    columns = (NUMBER, ReportColumn("Наименование", 3.2), ReportColumn("Инвентарный номер", 1.6),
               ReportColumn("Заводской номер", 1.5),
               ReportColumn("Фактически, кол-во", 1.0, kind="int", total=True),
               ReportColumn("Фактически, сумма", 1.3, kind="money", total=True),
               ReportColumn("По учёту, кол-во", 1.0, kind="int", total=True),
               ReportColumn("По учёту, сумма", 1.3, kind="money", total=True))
    rows: list[list[CellValue]] = []
    for i, x in enumerate(detail.lines, 1):
        present = 1 if x.state in (inv.LINE_FOUND, inv.LINE_SURPLUS) else 0
        booked = 1 if x.expected else 0
        cost = x.cost or 0.0
        rows.append([i, x.name, x.inventory_number, x.serial_number, present, present * cost,
                     booked, booked * cost])
    return ReportTable(columns, rows, totals=True)


def discrepancy_table(detail: inv.SessionDetail) -> ReportTable:
    """The ведомость расхождений: surplus and missing lines only."""
    columns = (NUMBER, ReportColumn("Наименование", 3.2), ReportColumn("Инвентарный номер", 1.6),
               ReportColumn("Излишек, кол-во", 1.0, kind="int", total=True),
               ReportColumn("Излишек, сумма", 1.3, kind="money", total=True),
               ReportColumn("Недостача, кол-во", 1.0, kind="int", total=True),
               ReportColumn("Недостача, сумма", 1.3, kind="money", total=True),
               ReportColumn("Примечание", 1.8))
    odd = [x for x in detail.lines if x.state in (inv.LINE_MISSING, inv.LINE_SURPLUS)]
    rows: list[list[CellValue]] = []
    for i, x in enumerate(odd, 1):
        cost, surplus = x.cost or 0.0, x.state == inv.LINE_SURPLUS
        rows.append([i, x.name, x.inventory_number, int(surplus), cost if surplus else 0.0,
                     int(not surplus), 0.0 if surplus else cost, x.note])
    return ReportTable(columns, rows, totals=True)


def session_paragraphs(detail: inv.SessionDetail) -> tuple[str, ...]:
    row = detail.row
    closed = format_date(row.closed_on) if row.closed_on else "не закончена"
    return (f"Учреждение: {detail.organization_full or row.organization}.",
            f"Инвентаризация № {row.number or 'б/н'}: начата {format_date(row.started_on)}, "
            f"окончена {closed}.",
            f"Материально ответственное лицо: {detail.responsible.rstrip('.') or '—'}.",
            f"По учёту: {row.expected}; в наличии: {row.found}; недостача: {row.missing}; "
            f"излишки: {row.surplus}.")


def item_facts(item: eq.ItemData, organization: str) -> tuple[str, ...]:
    pairs = [
        ("Наименование объекта", item.name), ("Тип", item.kind),
        ("Изготовитель", item.manufacturer), ("Модель", item.model),
        ("Заводской (серийный) номер", item.serial_number),
        ("Инвентарный номер", item.inventory_number), ("Код ОКОФ", item.okof),
        ("Учреждение", organization), ("Помещение", item.room),
        ("Материально ответственное лицо", item.responsible),
        ("Пользователь", item.user_name),
        ("Дата принятия к учёту", format_date(item.accepted_on)),
        ("Балансовая стоимость, руб.", format_money(item.cost)),
        ("Источник финансирования", item.funding),
        ("Гарантия до", format_date(item.warranty_until)), ("Состояние", item.status)]
    return tuple(f"{k}: {v.rstrip('.')}." for k, v in pairs if v)


def characteristics(item: eq.ItemData) -> list[list[str]]:
    pairs = [("Процессор", item.cpu), ("Оперативная память", item.ram),
             ("Накопитель", item.disk), ("Операционная система", item.os),
             ("Прочие характеристики", item.characteristics)]
    return [[k, v] for k, v in pairs if v]
