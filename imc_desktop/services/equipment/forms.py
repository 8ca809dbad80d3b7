"""The official forms of the equipment documents, as the forms (приказ Минфина России
№ 52н in the version of № 194н; the 0504xxx forms kept by № 61н): 0504031 инвентарная
карточка, 0504087 инвентаризационная опись, 0504092 ведомость расхождений, 0504104 акт о
списании, 0504101 акт о приеме-передаче."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from exports import format_date, format_money
from exports.forms import (
    Approval,
    FormColumn,
    FormDocument,
    FormTable,
    HeaderRow,
    SignGroup,
    SignLine,
)
from exports.forms.model import FormCell
from exports.forms.words import count_in_words, rubles_in_words
from imc_desktop.services.common.reports import ReportContext
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment import report_data as d
from imc_desktop.services.equipment.forms_common import (
    OKEI_PIECE,
    Holder,
    Person,
    accountant,
    basis_text,
    chief_accountant,
    dated,
    depreciation,
    holder,
    institution_rows,
    person,
    unit_row,
    useful_life_months,
)
from imc_desktop.services.organizations import records as orgs

N = FormColumn("№ п/п", 0.45, "int")
UNIT = ("Единица измерения",)


def _code(ctx: ReportContext, key: str, default: str) -> str:
    return ctx.form_codes.get(key, "") or default


def commission(chairman: str, members: Sequence[str], org: orgs.OrganizationData | None
               ) -> SignGroup:
    lines = [person(chairman, org).sign("Председатель комиссии")] if chairman else []
    lines += [person(m, org).sign("Член комиссии" if i == 0 else "")
              for i, m in enumerate(members)]
    return SignGroup(tuple(lines) or (SignLine("Председатель комиссии"),), "Комиссия:")


def _org(org_id: str | None) -> orgs.OrganizationData | None:
    return orgs.get_organization(org_id) if org_id else None


def _chief(ctx: ReportContext) -> SignLine:
    chief = chief_accountant(ctx)
    return SignLine("", chief.position or "Главный бухгалтер", chief.short)


def _sum(values: Sequence[FormCell]) -> Decimal:
    return sum((Decimal(str(v)) for v in values if isinstance(v, int | float | Decimal)),
               Decimal(0))


# ---------------------------------------------------------------- 0504087, 0504092

COUNT_COLUMNS = (
    N, FormColumn("наименование, назначение", 2.5, groups=("Нефинансовые активы",)),
    FormColumn("инвентарный номер", 1.2, groups=("Нефинансовые активы",)),
    FormColumn("заводской номер", 1.1, groups=("Нефинансовые активы",)),
    FormColumn("наим.", 0.5, groups=UNIT), FormColumn("код по ОКЕИ", 0.55, groups=UNIT),
    FormColumn("Цена, руб.", 0.9, "money"),
    FormColumn("статус объекта учёта", 1.25, groups=("Фактическое наличие",)),
    FormColumn("кол-во", 0.6, "int", True, ("Фактическое наличие",)),
    FormColumn("сумма, руб.", 1.2, "money", True, ("Фактическое наличие",)),
    FormColumn("кол-во", 0.6, "int", True, ("По данным бухгалтерского учёта",)),
    FormColumn("сумма, руб.", 1.2, "money", True, ("По данным бухгалтерского учёта",)),
    FormColumn("кол-во", 0.6, "int", True, ("Результаты инвентаризации", "недостача")),
    FormColumn("сумма, руб.", 1.1, "money", True, ("Результаты инвентаризации", "недостача")),
    FormColumn("кол-во", 0.6, "int", True, ("Результаты инвентаризации", "излишки")),
    FormColumn("сумма, руб.", 1.1, "money", True, ("Результаты инвентаризации", "излишки")))


def _status(line: inv.LineRow) -> str:
    if line.state == inv.LINE_MISSING or line.item_id is None:
        return "не обнаружен" if line.state == inv.LINE_MISSING else "выявлен"
    return eq.get_item(line.item_id).status


def count_rows(detail: inv.SessionDetail) -> list[list[FormCell]]:
    rows: list[list[FormCell]] = []
    for i, x in enumerate(detail.lines, 1):
        price = Decimal(str(x.cost or 0))
        present = int(x.state in (inv.LINE_FOUND, inv.LINE_SURPLUS))
        booked = int(x.expected)
        missing, surplus = max(booked - present, 0), max(present - booked, 0)
        rows.append([i, x.name, x.inventory_number, x.serial_number, "шт", OKEI_PIECE, price,
                     _status(x), present, price * present, booked, price * booked, missing,
                     price * missing, surplus, price * surplus])
    return rows


def _session_head(detail: inv.SessionDetail, title: str, okud: str, who: Holder,
                  mol: Person) -> tuple[HeaderRow, ...]:
    row = detail.row
    day = row.closed_on or row.started_on
    return (HeaderRow(value=title, title=True, code_label="Форма по ОКУД", code=okud),
            HeaderRow(value="по объектам нефинансовых активов", title=True,
                      code_label="Дата", code=format_date(day)),
            HeaderRow(value=dated(day), title=True),
            *institution_rows(who),
            HeaderRow("Структурное подразделение", "", "Дата начала инвентаризации",
                      format_date(row.started_on)),
            HeaderRow("Материально ответственное лицо", mol.text or "",
                      "Дата окончания инвентаризации", format_date(row.closed_on)),
            HeaderRow("Вид имущества", "движимое имущество (оборудование)"),
            HeaderRow("Основание для проведения инвентаризации:", basis_text()),
            unit_row())


def count_list_form(detail: inv.SessionDetail, ctx: ReportContext) -> FormDocument:
    org = _org(detail.row.organization_id)
    who, mol = holder(detail.row.organization_id, ctx), person(detail.responsible, org)
    number = detail.row.number or "б/н"
    rows = count_rows(detail)
    table = FormTable(COUNT_COLUMNS, rows, page_totals=True, totals_label="Итого по описи")
    totals = table.sums()
    present, booked = int(totals[8] or 0), int(totals[10] or 0)
    mol_group = SignGroup((mol.sign("Материально ответственное лицо"),), dated=True)
    return FormDocument(
        okud=_code(ctx, "equipment/form_count_list", "0504087"),
        title=f"ИНВЕНТАРИЗАЦИОННАЯ ОПИСЬ (СЛИЧИТЕЛЬНАЯ ВЕДОМОСТЬ) № {number}",
        header=_session_head(detail, f"ИНВЕНТАРИЗАЦИОННАЯ ОПИСЬ (СЛИЧИТЕЛЬНАЯ ВЕДОМОСТЬ) "
                             f"№ {number}", _code(ctx, "equipment/form_count_list", "0504087"),
                             who, mol),
        blocks=(
            "РАСПИСКА. К началу проведения инвентаризации все расходные и приходные документы"
            " на нефинансовые активы сданы в бухгалтерию, и все нефинансовые активы, "
            "поступившие на мою (нашу) ответственность, оприходованы, а выбывшие — списаны "
            "в расход.", mol_group, table,
            f"Итого по описи: количество порядковых номеров — {count_in_words(len(rows))}; "
            f"общее количество единиц фактически — {count_in_words(present)}, на сумму "
            f"{rubles_in_words(totals[9] or 0)}; по данным бухгалтерского учёта — "
            f"{count_in_words(booked)}, на сумму {rubles_in_words(totals[11] or 0)}.",
            "Заключение комиссии: " + _conclusion(totals), commission(
                detail.chairman, detail.members, org),
            f"Все ценности, поименованные в настоящей описи с № 1 по № {len(rows)}, "
            "комиссией проверены в натуре в моём (нашем) присутствии и внесены в опись, в "
            "связи с чем претензий к инвентаризационной комиссии не имею (не имеем). "
            "Ценности, перечисленные в описи, находятся на моём (нашем) ответственном "
            "хранении.", mol_group, "Указанные в настоящей описи данные проверил:",
            SignGroup((accountant(ctx).sign("Исполнитель"),), dated=True)))


def _conclusion(totals: Sequence[Decimal | None]) -> str:
    missing, surplus = int(totals[12] or 0), int(totals[14] or 0)
    if not missing and not surplus:
        return ("расхождений между фактическим наличием и данными бухгалтерского учёта не "
                "выявлено.")
    parts = []
    if missing:
        parts.append(f"недостача — {count_in_words(missing)} ед. на сумму "
                     f"{rubles_in_words(totals[13] or 0)}")
    if surplus:
        parts.append(f"излишки — {count_in_words(surplus)} ед. на сумму "
                     f"{rubles_in_words(totals[15] or 0)}")
    return "выявлены " + "; ".join(parts) + ". Результаты отражены в ведомости расхождений."


DISCREPANCY_COLUMNS = (
    N, FormColumn("наименование", 3.0, groups=("Нефинансовые активы",)),
    FormColumn("инвентарный номер", 1.3, groups=("Нефинансовые активы",)),
    FormColumn("наим.", 0.6, groups=UNIT), FormColumn("код по ОКЕИ", 0.6, groups=UNIT),
    FormColumn("Цена, руб.", 1.0, "money"),
    FormColumn("кол-во", 0.7, "int", True, ("Результаты инвентаризации", "излишки")),
    FormColumn("сумма, руб.", 1.1, "money", True, ("Результаты инвентаризации", "излишки")),
    FormColumn("кол-во", 0.7, "int", True, ("Результаты инвентаризации", "недостача")),
    FormColumn("сумма, руб.", 1.1, "money", True, ("Результаты инвентаризации", "недостача")),
    FormColumn("Примечание", 1.6))


def discrepancy_form(detail: inv.SessionDetail, ctx: ReportContext) -> FormDocument:
    org = _org(detail.row.organization_id)
    who, mol = holder(detail.row.organization_id, ctx), person(detail.responsible, org)
    okud = _code(ctx, "equipment/form_discrepancies", "0504092")
    odd = [x for x in detail.lines if x.state in (inv.LINE_MISSING, inv.LINE_SURPLUS)]
    rows: list[list[FormCell]] = []
    for i, x in enumerate(odd, 1):
        price, surplus = Decimal(str(x.cost or 0)), x.state == inv.LINE_SURPLUS
        rows.append([i, x.name, x.inventory_number, "шт", OKEI_PIECE, price, int(surplus),
                     price if surplus else Decimal(0), int(not surplus),
                     Decimal(0) if surplus else price, x.note])
    table = FormTable(DISCREPANCY_COLUMNS, rows, page_totals=True)
    sums = table.sums()
    number = detail.row.number or "б/н"
    head = _session_head(detail, "ВЕДОМОСТЬ РАСХОЖДЕНИЙ ПО РЕЗУЛЬТАТАМ ИНВЕНТАРИЗАЦИИ", okud,
                         who, mol)
    day = detail.row.closed_on or detail.row.started_on
    head = (head[0], replace(head[1], value=f"{dated(day)} по инвентаризационной описи "
                                            f"№ {number}"), *head[3:])
    summary = (f"Итого излишков — {count_in_words(int(sums[6] or 0))} ед. на сумму "
               f"{rubles_in_words(sums[7] or 0)}; недостачи — "
               f"{count_in_words(int(sums[8] or 0))} ед. на сумму "
               f"{rubles_in_words(sums[9] or 0)}." if rows else
               "Расхождений по результатам инвентаризации не выявлено.")
    return FormDocument(
        okud=okud, title="ВЕДОМОСТЬ РАСХОЖДЕНИЙ ПО РЕЗУЛЬТАТАМ ИНВЕНТАРИЗАЦИИ", header=head,
        blocks=(table, summary, SignGroup((accountant(ctx).sign("Ответственный исполнитель"),
                                           _chief(ctx)),
                                          dated=True)))


# ---------------------------------------------------------------- 0504104, 0504101

def _object_columns(place: bool) -> tuple[FormColumn, ...]:
    obj = ("Объект нефинансовых активов",)
    return (N, FormColumn("наименование, модель, заводской номер", 2.8, groups=obj),
            FormColumn("инвентарный номер", 1.3, groups=obj),
            FormColumn("Дата принятия к учёту", 1.05, "date"),
            FormColumn("Срок полезного использования, мес.", 1.4, "int"),
            FormColumn("Кол-во, шт", 0.65, "int", True),
            FormColumn("Балансовая стоимость, руб.", 1.3, "money", True),
            FormColumn("Начисленная амортизация, руб.", 1.3, "money", True),
            FormColumn("Остаточная стоимость, руб.", 1.3, "money", True),
            *((FormColumn("Откуда передан", 1.6),) if place else ()))


COST, WORN, REST = 6, 7, 8  # the columns of the sums in an act's rows


def act_rows(a: acts.ActDetail, place: bool) -> list[list[FormCell]]:
    rows: list[list[FormCell]] = []
    for i, x in enumerate(a.lines, 1):
        cost = Decimal(str(x.cost or 0)).quantize(Decimal("0.01"))
        worn = depreciation(x.cost, x.accepted_on, x.kind, a.act_date)
        title = x.name if x.model in x.name else f"{x.name} {x.model}".strip()
        if x.serial_number:
            title += f", зав. № {x.serial_number}"
        where = [", ".join(p for p in (x.organization, x.room) if p)] if place else []
        rows.append([i, title, x.inventory_number, x.accepted_on,
                     useful_life_months(x.kind), 1, cost, worn, cost - worn, *where])
    return rows


def _act_summary(rows: list[list[FormCell]], what: str) -> str:
    return (f"Итого по акту: {what} — {count_in_words(len(rows))} ед., балансовой стоимостью "
            f"{rubles_in_words(_sum([r[COST] for r in rows]))}, начисленная амортизация "
            f"{rubles_in_words(_sum([r[WORN] for r in rows]))}, остаточная стоимость "
            f"{rubles_in_words(_sum([r[REST] for r in rows]))}.")


def write_off_form(a: acts.ActDetail, org_id: str | None, ctx: ReportContext) -> FormDocument:
    org = _org(org_id)
    who = holder(org_id, ctx)
    okud = _code(ctx, "equipment/form_write_off", "0504104")
    rows = act_rows(a, place=org_id is None)
    members = ", ".join(person(m, org).text for m in a.members)
    chair = person(a.chairman, org).text
    conclusion = (f"Заключение комиссии: объекты, перечисленные в акте, непригодны для "
                  f"дальнейшего использования (причина: {a.reason}); восстановление "
                  "экономически нецелесообразно. Объекты подлежат списанию с балансового "
                  "учёта, детали и материалы, пригодные к использованию, — оприходованию, "
                  "остальное — утилизации.")
    approved = (dated(a.confirmed_on)[3:] if a.confirmed_on
                else "«____» ____________ 20___ г.")
    return FormDocument(
        okud=okud, title=f"АКТ № {a.number} о списании объектов нефинансовых активов",
        draft=not a.confirmed,
        landscape=False,
        approvals=(Approval("УТВЕРЖДАЮ", "Руководитель учреждения", who.head.position,
                            who.head.short, approved),),
        header=(HeaderRow(value=f"АКТ № {a.number}", title=True),
                HeaderRow(value="о списании объектов нефинансовых активов", title=True,
                          code_label="Форма по ОКУД", code=okud),
                HeaderRow(value="(кроме транспортных средств)", title=True),
                HeaderRow(value=dated(a.act_date), title=True, code_label="Дата",
                          code=format_date(a.act_date)),
                *institution_rows(who), HeaderRow("Структурное подразделение", ""),
                HeaderRow("Вид имущества", "движимое имущество (оборудование)"),
                HeaderRow("Основание:", basis_text(a.basis_number, a.basis_date)), unit_row()),
        blocks=(f"Комиссия, назначенная приказом (распоряжением) № ________ от «____» "
                f"____________ 20___ г., в составе: председатель — {chair or '________'}; "
                f"члены комиссии — {members or '________'} — осмотрела объекты нефинансовых "
                "активов и установила, что они подлежат списанию.",
                FormTable(_object_columns(org_id is None), rows,
                          title="1. Сведения об объектах нефинансовых активов",
                          page_totals=True),
                _act_summary(rows, "списывается объектов"), conclusion,
                commission(a.chairman, a.members, org),
                "Отметка бухгалтерии о списании объектов в регистрах учёта:",
                SignGroup((accountant(ctx).sign("Исполнитель"),), dated=True)))


def transfer_form(a: acts.ActDetail, from_id: str | None, to_id: str | None,
                  ctx: ReportContext) -> FormDocument:
    source, target = holder(from_id, ctx) if from_id else None, holder(to_id, ctx)
    okud = _code(ctx, "equipment/form_transfer", "0504101")
    rows = act_rows(a, place=from_id is None)
    receiver = person(a.to_responsible, _org(to_id))
    giver = source.head if source else Person("", "")
    src_rows = (institution_rows(source, "Передающая сторона") if source else
                (HeaderRow("Передающая сторона", "несколько учреждений (графа 10)"),))
    return FormDocument(
        okud=okud, title=f"АКТ № {a.number} о приеме-передаче объектов нефинансовых активов",
        landscape=False,
        approvals=(Approval("УТВЕРЖДАЮ", "Руководитель передающей стороны", giver.position,
                            giver.short),
                   Approval("УТВЕРЖДАЮ", "Руководитель принимающей стороны",
                            target.head.position, target.head.short)),
        header=(HeaderRow(value=f"АКТ № {a.number}", title=True),
                HeaderRow(value="о приеме-передаче объектов нефинансовых активов",
                          title=True, code_label="Форма по ОКУД", code=okud),
                HeaderRow(value=dated(a.act_date), title=True, code_label="Дата",
                          code=format_date(a.act_date)),
                *src_rows, *institution_rows(target, "Принимающая сторона"),
                HeaderRow("Место нахождения у принимающей стороны", a.to_room),
                HeaderRow("Основание:", basis_text(a.basis_number, a.basis_date)), unit_row()),
        blocks=(FormTable(_object_columns(from_id is None), rows,
                          title="Сведения об объектах нефинансовых активов",
                          page_totals=True),
                _act_summary(rows, "передаётся объектов"),
                "Заключение комиссии: объекты переданы в исправном состоянии, комплектны, "
                "пригодны к дальнейшей эксплуатации; стороны претензий друг к другу не имеют.",
                SignGroup((giver.sign("Сдал"),), "Передающая сторона:", dated=True),
                SignGroup((receiver.sign("Принял"),), "Принимающая сторона:", dated=True),
                SignGroup((_chief(ctx),), "Отметка бухгалтерии:", dated=True)))


# ---------------------------------------------------------------- 0504031

def card_form(item: eq.ItemData, ctx: ReportContext) -> FormDocument:
    org = _org(item.organization_id)
    who = holder(item.organization_id, ctx)
    okud = _code(ctx, "equipment/form_card", "0504031")
    events = hist.history(item.id or "")
    closed = next((e.event_date for e in events if e.kind == "списание"), None)
    worn = depreciation(item.cost, item.accepted_on, item.kind, closed or ctx.today)
    cost = Decimal(str(item.cost or 0)).quantize(Decimal("0.01"))
    mol = person(item.responsible, org)
    life = useful_life_months(item.kind)
    return FormDocument(
        landscape=False,
        okud=okud, title=f"ИНВЕНТАРНАЯ КАРТОЧКА № {item.inventory_number} учёта "
                         "нефинансовых активов",
        header=(HeaderRow(value=f"ИНВЕНТАРНАЯ КАРТОЧКА № {item.inventory_number}", title=True),
                HeaderRow(value="учёта нефинансовых активов", title=True,
                          code_label="Форма по ОКУД", code=okud),
                HeaderRow("", "", "Дата открытия", format_date(item.accepted_on)),
                HeaderRow("", "", "Дата закрытия", format_date(closed)),
                *institution_rows(who, "Учреждение (балансодержатель)"),
                HeaderRow("Наименование объекта (полное)", _full_name(item),
                          "по ОКОФ", item.okof),
                HeaderRow("Организация-изготовитель", item.manufacturer),
                HeaderRow("Вид объекта", item.kind, "Номер (инвентарный)",
                          item.inventory_number),
                HeaderRow("Местонахождение объекта", item.room),
                HeaderRow("Ответственное (материально ответственное) лицо", mol.text),
                unit_row()),
        blocks=(
            FormTable((FormColumn("инвентарный", 1.2, groups=("Номер объекта",)),
                       FormColumn("заводской", 1.2, groups=("Номер объекта",)),
                       FormColumn("Дата принятия к учёту", 1.0, "date"),
                       FormColumn("Дата ввода в эксплуатацию", 1.0, "date"),
                       FormColumn("Дата выбытия", 0.9, "date"),
                       FormColumn("Срок полезного использования, мес.", 1.0, "int"),
                       FormColumn("Источник финансирования", 1.6),
                       FormColumn("Гарантия до", 0.9, "date")),
                      [[item.inventory_number, item.serial_number, item.accepted_on,
                        item.accepted_on, closed, life, item.funding, item.warranty_until]],
                      title="1. Сведения об объекте", totals=False),
            FormTable((FormColumn("Дата", 1.0, "date"),
                       FormColumn("Балансовая (первоначальная) стоимость, руб.", 1.4, "money"),
                       FormColumn("Сумма начисленной амортизации, руб.", 1.4, "money"),
                       FormColumn("Остаточная стоимость, руб.", 1.4, "money"),
                       FormColumn("Норма амортизации в месяц, %", 1.0)),
                      [[closed or ctx.today, cost, worn, cost - worn,
                        _rate(cost, life)]],
                      title="2. Стоимость объекта и амортизация", totals=False),
            FormTable((FormColumn("Наименование признака", 1.5),
                       FormColumn("Значение", 4.0)),
                      [list(x) for x in d.characteristics(item)] or [["—", ""]],
                      title="3. Краткая индивидуальная характеристика объекта", totals=False),
            FormTable((N, FormColumn("Дата", 0.9, "date"), FormColumn("Операция", 1.2),
                       FormColumn("Содержание (местонахождение, ответственное лицо)", 4.0),
                       FormColumn("Документ №", 0.9)),
                      [[i, e.event_date, e.kind, e.description, e.act_number]
                       for i, e in enumerate(events, 1)] or [[None, None, "", "", ""]],
                      title="4. Движение объекта, ремонт, выбытие", totals=False),
            SignGroup((accountant(ctx).sign("Ответственный исполнитель"),), dated=True)))


def _full_name(item: eq.ItemData) -> str:
    return item.name if item.model in item.name else f"{item.name} {item.model}".strip()


def _rate(cost: Decimal, life: int) -> str:
    if cost <= 100_000:
        return "—" if cost <= 10_000 else "100 % при вводе"
    return f"{100 / life:.2f}".replace(".", ",")


__all__ = ["card_form", "count_list_form", "discrepancy_form", "format_money",
           "transfer_form", "write_off_form"]
