"""The literature reports: накладная на выдачу / акт приёма-передачи, книга суммарного
учёта (three parts), обеспеченность учебниками, обменный фонд."""

from __future__ import annotations

from datetime import date
from typing import Any

from exports import CellValue, Report, ReportColumn, ReportTable, Signature, format_date
from exports.model import format_money
from imc_desktop import clock
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.reports import (
    ReportContext,
    ReportDefinition,
    ReportParam,
    param_place,
    register,
    short_name,
)
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature import report_data as rd
from imc_desktop.services.literature.book import Amounts, BookEntry, summary_book
from imc_desktop.services.literature.documents import ISSUE, OPENING, RECEIPT, WRITE_OFF
from imc_desktop.services.literature.exchange import ProvisionRow, exchange_fund, provision
from imc_desktop.services.organizations.records import organization_choices
from imc_desktop.services.organizations.reports import org_param, org_text
from imc_desktop.services.staff.report_data import per_organization

WAYBILL, BOOK, PROVISION, EXCHANGE = (
    "literature-waybill", "literature-summary-book", "literature-provision",
    "literature-exchange")
N = ReportColumn("№", 0.4, kind="int")
GROUP_TITLES = ("Учебники", "Учебные пособия", "Методич. литература", "Прочие")
BLANK = "________________"


def _today() -> str:
    return format_date(clock.today())


# ---------------------------------------------------------------- накладная / акт

WAYBILL_COLUMNS = (N, ReportColumn("Автор", 1.6), ReportColumn("Наименование", 3.0),
                   ReportColumn("Класс", 0.6, align="center"),
                   ReportColumn("Год", 0.6, kind="int", align="center"),
                   ReportColumn("ISBN", 1.5), ReportColumn("Кол-во, экз.", 0.8, kind="int",
                                                           total=True),
                   ReportColumn("Цена, руб.", 1.0, kind="money"),
                   ReportColumn("Сумма, руб.", 1.1, kind="money", total=True))


def _signature(role: str, side: rd.Side | None) -> Signature:
    if side is None:
        return Signature(f"{role}:", BLANK)
    position = f"{role}: {side.head_position}".rstrip()
    return Signature(position, short_name(side.head) if side.head else BLANK)


VERBS = {RECEIPT: "принято", OPENING: "принято", WRITE_OFF: "списано"}


def _signatures(p: rd.PrintedDocument) -> tuple[Signature, ...]:
    """Both sides sign; a write-off is signed by the holder and the commission's chair."""
    if p.document.kind == WRITE_OFF:
        return (_signature("Списал", p.sender), Signature("Председатель комиссии:", BLANK))
    if p.sender is None:
        return (_signature("Принял", p.receiver),)
    return (_signature("Сдал", p.sender), _signature("Принял", p.receiver))


def _lines(p: rd.PrintedDocument) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for i, line in enumerate(p.document.lines, 1):
        t = p.titles[line.title_id]
        rows.append([i, t.authors, t.title, t.grades, t.year, t.isbn, line.quantity,
                     line.price, line.amount])
    return rows


def _waybill(params: dict[str, Any], ctx: ReportContext) -> Report:
    document_id = rd.find_document(params["document"])
    if document_id is None:
        return Report(title=rd.TITLES[ISSUE],
                      paragraphs=("Проведённых документов выдачи, передачи или возврата нет.",))
    imc = rd.Side(ctx.organization, ctx.director_name, ctx.director_position)
    p = rd.printed_document(document_id, imc)
    d = p.document
    facts = [f"Сдал: {p.sender.name}" if p.sender else "",
             f"Принял: {p.receiver.name}" if p.receiver else "",
             f"Основание: {d.reason}" if d.reason else "",
             f"Вернуть до: {format_date(d.return_by)} (временная передача из обменного фонда)"
             if d.return_by else "",
             f"Накладная поставщика № {d.supplier_doc_number} от "
             f"{format_date(d.supplier_doc_date)}" if d.supplier_doc_number else "",
             "" if d.posted else "Черновик: документ не проведён."]
    return Report(
        title=f"{rd.TITLES[d.kind]} №\u00a0{d.number}", date=d.doc_date,  # № once, in the title
        paragraphs=tuple(x for x in facts if x),
        tables=(ReportTable(WAYBILL_COLUMNS, _lines(p), totals=True),),
        closing_paragraphs=(f"Всего {VERBS.get(d.kind, 'передано')} {d.quantity} экз. на "
                            f"сумму {format_money(d.amount)} руб.",),
        signatures=_signatures(p),
        landscape=True)


register(ReportDefinition(
    name=WAYBILL, title="Накладная на выдачу / акт приёма-передачи литературы",
    params=(ReportParam("document", "Документ (вид и номер, например «выдача 12»; пусто — "
                                    "последняя проведённая выдача)", "str",
                        lambda: ""),),
    build=_waybill))


# ---------------------------------------------------------------- книга суммарного учёта

def _group_columns() -> tuple[ReportColumn, ...]:
    return tuple(ReportColumn(g, 1.15, kind="int", total=True) for g in GROUP_TITLES)


def _entry_columns(who: str) -> tuple[ReportColumn, ...]:
    return (ReportColumn("№ записи", 0.6, kind="int"), ReportColumn("Дата", 0.9, kind="date"),
            ReportColumn("Документ", 1.5), ReportColumn(who, 2.2),
            ReportColumn("Экз. всего", 0.8, kind="int", total=True),
            ReportColumn("Сумма, руб.", 1.1, kind="money", total=True), *_group_columns())


def _entry_rows(entries: list[BookEntry]) -> list[list[CellValue]]:
    return [[i, e.doc_date, e.document, e.counterpart, e.amounts.quantity, e.amounts.amount,
             *e.amounts.by_group] for i, e in enumerate(entries, 1)]


def _totals_row(title: str, a: Amounts) -> list[CellValue]:
    return [title, a.quantity, a.amount, *a.by_group]


def _book_scope(value: str) -> str | None:
    return {"": None, "imc": bal.IMC_HOLDER}.get(value, value)


def _scope_choices() -> list[tuple[str, str]]:
    return [("", "весь фонд округа"), ("imc", lit.IMC_FUND), *organization_choices()]


def _last_school_year() -> str:
    """1 July of the school year before this one: a whole school year and this one so far."""
    today = clock.today()
    return format_date(date(today.year - (1 if today.month >= 7 else 2), 7, 1))


def _book(params: dict[str, Any], ctx: ReportContext) -> Report:
    first, last = params["from"], params["to"]
    if first > last:
        raise ServiceError(f"{param_place(BOOK, 'from', 'Начало периода')}: {format_date(first)} "
                           f"позже конца периода {format_date(last)}.")
    book = summary_book(first, last, _book_scope(params["holder"]))
    part3 = (ReportColumn("Показатель", 3.0), ReportColumn("Экз.", 0.9, kind="int"),
             ReportColumn("Сумма, руб.", 1.2, kind="money"),
             *(ReportColumn(g, 1.15, kind="int") for g in GROUP_TITLES))
    totals = [_totals_row(f"Состояло на {format_date(first)}", book.opening),
              _totals_row("Поступило за период", book.received),
              _totals_row("Выбыло за период", book.disposed),
              _totals_row(f"Состоит на {format_date(last)}", book.closing)]
    return Report(
        title="Книга суммарного учёта библиотечного фонда учебной литературы",
        params_line=f"Период: с {format_date(first)} по {format_date(last)}; фонд: "
                    f"{book.scope}.",
        tables=(ReportTable(_entry_columns("Откуда поступило"), _entry_rows(book.receipts),
                            title="Часть 1. Поступление в фонд", totals=True),
                ReportTable(_entry_columns("Причина выбытия / куда"),
                            _entry_rows(book.disposals), title="Часть 2. Выбытие из фонда",
                            totals=True),
                ReportTable(part3, totals, title="Часть 3. Итоги движения фонда")),
        landscape=True,
        closing_paragraphs=("Учтены только проведённые документы; суммы — по ценам строк "
                            "документов. Для всего фонда округа выдача, возврат и передача "
                            "между ОО не меняют итогов и в книгу не входят.",))


register(ReportDefinition(
    name=BOOK, title="Книга суммарного учёта фонда литературы",
    params=(ReportParam("from", "Начало периода", "date",
                        _last_school_year),
            ReportParam("to", "Конец периода", "date", _today),
            ReportParam("holder", "Фонд", "choice", lambda: "", _scope_choices)),
    build=_book))


# ---------------------------------------------------------------- обеспеченность

PROVISION_COLUMNS = (N, ReportColumn("Класс", 0.7, kind="int", align="center"),
                     ReportColumn("Предмет", 2.6),
                     ReportColumn("Обучающихся", 1.6, kind="int", total=True),
                     ReportColumn("Учебников, экз.", 1.5, kind="int", total=True),
                     ReportColumn("Обеспеченность, %", 1.9, kind="percent"))


SUMMARY_COLUMNS = (ReportColumn("ОО", 3.6),
                   ReportColumn("Нужно учебников", 1.5, kind="int", total=True),
                   ReportColumn("Обеспечено", 1.5, kind="int", total=True),
                   ReportColumn("Обеспеченность, %", 1.9, kind="percent"))


def _provision_summary(rows: list[ProvisionRow]) -> ReportTable:
    """Per ОО: copies needed (a pupil per subject), copies covering them (a surplus in one
    grade does not cover another), and the share."""
    totals: dict[str, list[int]] = {}
    for r in rows:
        need, covered = totals.setdefault(r.organization, [0, 0])
        totals[r.organization] = [need + r.pupils, covered + min(r.copies, r.pupils)]
    cells: list[list[CellValue]] = [
        [org, need, covered, round(100.0 * covered / need, 1) if need else 0.0]
        for org, (need, covered) in totals.items()]
    return ReportTable(SUMMARY_COLUMNS, cells, title="Итого по ОО", totals=True)


def _provision(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    rows = provision(on, params["org"])
    short = sum(1 for r in rows if r.copies < r.pupils)
    tables = per_organization(PROVISION_COLUMNS, (
        (r.organization, [r.grade, r.subject, r.pupils, r.copies, round(r.percent, 1)])
        for r in rows))
    return Report(
        title="Обеспеченность обучающихся учебниками",
        params_line=f"По состоянию на {format_date(on)}; ОО: {org_text(params['org'])}.",
        tables=(*tables, _provision_summary(rows)) if rows else tuple(tables),
        landscape=False,
        closing_paragraphs=(
            f"Строк с обеспеченностью ниже 100 %: {short} из {len(rows)}.",
            "Экземпляры учебника для нескольких классов разделены между ними пропорционально "
            "числу обучающихся; число обучающихся по классам — из карточки ОО "
            "(«Обучающиеся по классам»).",))


register(ReportDefinition(
    name=PROVISION, title="Обеспеченность учебниками",
    params=(ReportParam("date", "Дата", "date", _today), org_param()),
    build=_provision))


# ---------------------------------------------------------------- обменный фонд

def _holders(values: dict[str, int], names: dict[str, str]) -> str:
    return "; ".join(f"{names.get(k, k)} — {v}" for k, v in sorted(
        values.items(), key=lambda x: -x[1]))


def _exchange(params: dict[str, Any], ctx: ReportContext) -> Report:
    on: date = params["date"]
    entries = exchange_fund(on)
    names = {**dict(lit.holder_choices()), bal.IMC_HOLDER: lit.IMC_FUND}
    state: list[list[CellValue]] = [
        [i, e.label, e.grades, _holders(e.surplus, names), _holders(e.shortage, names)]
        for i, e in enumerate(entries, 1)]
    moves: list[list[CellValue]] = [
        [e.label, names.get(m.source, m.source), names.get(m.target, m.target), m.quantity]
        for e in entries for m in e.transfers]
    return Report(
        title="Обменный фонд учебников: излишки, нехватка и предлагаемые передачи",
        params_line=f"По состоянию на {format_date(on)}.",
        tables=(ReportTable((N, ReportColumn("Учебник", 3.0), ReportColumn("Классы", 0.6),
                             ReportColumn("Излишек (где — сколько)", 2.6),
                             ReportColumn("Нехватка (где — сколько)", 2.6)), state,
                            title="Излишки и нехватка"),
                ReportTable((N, ReportColumn("Учебник", 3.0), ReportColumn("Откуда", 2.2),
                             ReportColumn("Куда", 2.2),
                             ReportColumn("Экз.", 0.7, kind="int", total=True)),
                            [[i, *m] for i, m in enumerate(moves, 1)],
                            title="Предлагаемые передачи", totals=True)),
        landscape=True,
        closing_paragraphs=("Потребность ОО — по одному экземпляру на обучающегося классов "
                            "учебника; фонд ИМЦ весь считается излишком. Передачи покрывают "
                            "нехватку из излишков, начиная с наибольших, и никогда не "
                            "забирают больше излишка.",))


register(ReportDefinition(
    name=EXCHANGE, title="Обменный фонд учебников",
    params=(ReportParam("date", "Дата", "date", _today),),
    build=_exchange))
