"""The five equipment forms built from the register and reopened as files: codes block,
numbered columns, totals and sums in words, signers named with their positions, «ПРОЕКТ»
only on an act not yet approved, no lone signature page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest

from exports import Report
from exports.forms import FormDocument, FormTable
from imc_desktop import config
from imc_desktop.services.common import reports
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment import reports as defs
from imc_desktop.services.equipment.forms_common import depreciation, person
from imc_desktop.services.organizations import records as orgs
from tests.services.equipment.test_equipment import item
from tests.services.organizations.test_organizations import SCHOOL

TODAY = date(2026, 1, 5)
MOL = "Белова Елена Евгеньевна, заместитель директора по АХЧ"


@pytest.fixture
def filled(database: DatabaseInfo, settings: config.Settings) -> dict[str, str]:
    settings.set(config.IMC_OKPO, "02112233")
    settings.set(config.CHIEF_ACCOUNTANT_NAME, "Кострова Нина Павловна")
    a = orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1", okpo="12345678",
                                       head_name="Громов Андрей Петрович"))
    b = orgs.save_organization(replace(SCHOOL, short_name="МБДОУ № 2", inn="", okpo="87654321",
                                       full_name="Детский сад № 2", kind="детский сад",
                                       head_name="Лебедева Татьяна Олеговна"))
    ids = {n: eq.save_item(replace(item(a, n, kind="ПК"), cost=cost), TODAY)
           for n, cost in (("ВА-1", 45000.0), ("ВА-2", 150000.5), ("ВА-3", 9000.0))}
    hist.move_items([ids["ВА-1"]], hist.MoveData(b, "каб. 5", "Орлова Ольга Олеговна, "
                                                 "завхоз", TODAY, "П-7"))
    acts.create_write_off([ids["ВА-3"]], acts.WriteOffData(
        TODAY, "С-2", "физический износ", "Громов Андрей Петрович",
        ("Петров Пётр Петрович, учитель", "Сидорова Анна Ивановна, бухгалтер")))
    session = inv.start_session(inv.SessionData(a, TODAY, "И-1", "Громов Андрей Петрович",
                                                ("Петров Пётр Петрович, учитель",), MOL))
    inv.check_in(session, "ВА-2")
    inv.check_in(session, "НЕТ-9", name="Сканер")
    inv.close_session(session, TODAY)
    return {"a": a, "b": b, **ids}


def build(name: str, settings: config.Settings, **params: str) -> FormDocument:
    report: Report = reports.build(name, params, settings)
    assert report.form is not None
    return report.form


def pdf_pages(form_name: str, settings: config.Settings, tmp_path: Path,
              **params: str) -> list[str]:
    path = reports.write(reports.build(form_name, params, settings), "pdf",
                         tmp_path / f"{form_name}.pdf", settings)
    return [p.extract_text() for p in pypdf.PdfReader(str(path)).pages]


def test_a_signer_is_a_person_with_a_position() -> None:
    assert person(MOL) == replace(person(MOL), position="заместитель директора по АХЧ",
                                  name="Белова Елена Евгеньевна")
    assert person(MOL).short == "Е.Е. Белова"
    only_position = person("заместитель директора по АХЧ")
    assert only_position.name == "" and only_position.short == ""
    head = orgs.OrganizationData(kind="детский сад", head_name="Лебедева Татьяна Олеговна")
    assert person("Лебедева Татьяна Олеговна", head).position == "Заведующий"


def test_depreciation_by_the_budget_rules() -> None:
    assert depreciation(9000, date(2020, 1, 1), "ПК", TODAY) == 0
    assert depreciation(45000, date(2025, 12, 1), "ПК", TODAY) == 45000
    # 150 000,50 over 36 months, one month charged (January after December)
    assert str(depreciation(150000.5, date(2025, 12, 20), "ПК", TODAY)) == "4166.68"
    assert depreciation(150000.5, date(2020, 1, 1), "ПК", TODAY) == 150000.5


def test_the_count_list(filled: dict[str, str], settings: config.Settings,
                        tmp_path: Path) -> None:
    f = build(defs.COUNT_LIST, settings)
    codes = {r.code_label: r.code for r in f.header if r.code is not None}
    assert codes["Форма по ОКУД"] == "0504087" and codes["по ОКПО"] == "12345678"
    assert codes["по ОКЕИ"] == "383" and codes["Дата окончания инвентаризации"] == "05.01.2026"
    mol = next(r.value for r in f.header if r.label == "Материально ответственное лицо")
    assert mol == "заместитель директора по АХЧ Белова Елена Евгеньевна"
    table = f.tables[0]
    groups = {g for c in table.columns for g in c.groups}
    assert {"Фактическое наличие", "По данным бухгалтерского учёта", "недостача",
            "излишки"} <= groups
    # ВА-2 found, ВА-3 missing, the scanner a surplus
    assert [(r[2], r[8], r[10], r[12], r[14]) for r in table.rows] == [
        ("ВА-2", 1, 1, 0, 0), ("ВА-3", 0, 1, 1, 0), ("НЕТ-9", 1, 0, 0, 1)]
    texts = [b for b in f.blocks if isinstance(b, str)]
    assert any("Девять тысяч рублей 00 копеек" in t for t in texts)
    pages = pdf_pages(defs.COUNT_LIST, settings, tmp_path)
    assert "Е.Е. Белова" in pages[-1] and "ВА-3" in pages[-1]
    assert "(расшифровка подписи)" in pages[-1] and "Итого по описи" in pages[-1]
    assert "ПРОЕКТ" not in "".join(pages).replace(" ", "")
    assert "Е.Е. заместитель" not in "".join(pages)


def test_the_discrepancies(filled: dict[str, str], settings: config.Settings,
                           tmp_path: Path) -> None:
    f = build(defs.DISCREPANCIES, settings)
    table = f.tables[0]
    assert [(r[2], r[6], r[8]) for r in table.rows] == [("ВА-3", 0, 1), ("НЕТ-9", 1, 0)]
    assert [c.title for c in table.columns][:3] == ["№ п/п", "наименование",
                                                    "инвентарный номер"]
    pages = pdf_pages(defs.DISCREPANCIES, settings, tmp_path)
    assert "Н.П. Кострова" in pages[-1] and "0504092" in pages[0]


def test_the_write_off_act_is_a_draft_until_approved(filled: dict[str, str],
                                                     settings: config.Settings,
                                                     tmp_path: Path) -> None:
    f = build(defs.WRITE_OFF, settings, act="С-2")
    assert f.draft and f.okud == "0504104"
    assert f.approvals[0].position == "Директор" and f.approvals[0].name == "А.П. Громов"
    table = f.tables[0]
    titles = [c.title for c in table.columns]
    assert "Начисленная амортизация, руб." in titles and "Остаточная стоимость, руб." in titles
    assert "Срок полезного использования, мес." in titles
    pages = pdf_pages(defs.WRITE_OFF, settings, tmp_path, act="С-2")
    assert "П Р О Е К Т" in pages[0]
    assert "Девять тысяч рублей 00 копеек" in "".join(pages)
    assert "П.П. Петров" in pages[-1] and "учитель" in pages[-1]
    act_id = acts.latest_act_id(acts.ACT_WRITE_OFF)
    assert act_id is not None
    acts.confirm_write_off(act_id, TODAY)
    assert not build(defs.WRITE_OFF, settings, act="С-2").draft
    assert "П Р О Е К Т" not in pdf_pages(defs.WRITE_OFF, settings, tmp_path, act="С-2")[0]


def test_the_transfer_act_names_both_sides(filled: dict[str, str],
                                           settings: config.Settings,
                                           tmp_path: Path) -> None:
    f = build(defs.TRANSFER, settings)
    assert f.okud == "0504101" and not f.draft
    assert [(a.position, a.name) for a in f.approvals] == [
        ("Директор", "А.П. Громов"), ("Заведующий", "Т.О. Лебедева")]
    rows = {r.label: r.value for r in f.header}
    assert rows["Передающая сторона"].startswith("Муниципальное")
    assert rows["Принимающая сторона"] == "Детский сад № 2"
    codes = [r.code for r in f.header if r.code_label == "по ОКПО"]
    assert codes == ["12345678", "87654321"]
    pages = pdf_pages(defs.TRANSFER, settings, tmp_path)
    text = "".join(pages)
    assert "Сдал" in text and "А.П. Громов" in text
    assert "Принял" in text and "завхоз" in text and "О.О. Орлова" in text
    assert "Сорок пять тысяч рублей 00 копеек" in text


def test_the_inventory_card(filled: dict[str, str], settings: config.Settings,
                            tmp_path: Path) -> None:
    settings.set(config.FORM_CARD, "0510xxx")
    f = build(defs.CARD, settings, item="ва-2")
    codes = {r.code_label: r.code for r in f.header if r.code is not None}
    assert codes["Форма по ОКУД"] == "0510xxx" and codes["Номер (инвентарный)"] == "ВА-2"
    first: FormTable = f.tables[0]
    assert "Срок полезного использования, мес." in [c.title for c in first.columns]
    assert first.rows[0][5] == 36
    path = reports.write(reports.build(defs.CARD, {"item": "ВА-2"}, settings), "docx",
                         tmp_path / "card.docx", settings)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text.startswith("ИНВЕНТАРНАЯ КАРТОЧКА №\u00a0ВА-2")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_every_form_is_written_and_reads_back(filled: dict[str, str],
                                              settings: config.Settings, tmp_path: Path,
                                              fmt: str) -> None:
    from imc_desktop.services.common.report_check import read_back

    for name in (defs.CARD, defs.TRANSFER, defs.WRITE_OFF, defs.COUNT_LIST,
                 defs.DISCREPANCIES):
        report = reports.build(name, {}, settings)
        path = reports.write(report, fmt, tmp_path / f"{name}.{fmt}", settings)
        read_back(path, report.title)


# ---------------------------------------------------------------- the basis of the acts

def _basis_acts(filled: dict[str, str]) -> tuple[str, str]:
    move = hist.move_items([filled["ВА-2"]], hist.MoveData(
        filled["b"], "каб. 7", "Орлова Ольга Олеговна, завхоз", TODAY, "П-8",
        basis_number="15-од", basis_date=date(2025, 12, 29)))
    off = acts.create_write_off([filled["ВА-1"]], acts.WriteOffData(
        TODAY, "С-3", "физический износ", "Громов Андрей Петрович",
        ("Петров Пётр Петрович, учитель", "Сидорова Анна Ивановна, бухгалтер"),
        basis_number="16-од", basis_date=TODAY))
    return move, off


def test_the_basis_is_kept_with_the_act(filled: dict[str, str]) -> None:
    move, off = _basis_acts(filled)
    assert (acts.act_detail(move).basis_number, acts.act_detail(move).basis_date) == (
        "15-од", date(2025, 12, 29))
    assert (acts.act_detail(off).basis_number, acts.act_detail(off).basis_date) == (
        "16-од", TODAY)
    old = acts.act_detail(next(a.id for a in acts.list_acts() if a.number == "П-7"))
    assert old.basis_number == "" and old.basis_date is None


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_printed_acts_carry_their_basis(filled: dict[str, str], settings: config.Settings,
                                            tmp_path: Path, fmt: str) -> None:
    import openpyxl

    _basis_acts(filled)
    for name, act, basis in ((defs.TRANSFER, "П-8", "приказ (распоряжение) № 15-од от "
                              "29.12.2025"), (defs.WRITE_OFF, "С-3", "приказ (распоряжение) "
                                              "№ 16-од от 05.01.2026")):
        path = reports.write(reports.build(name, {"act": act}, settings), fmt,
                             tmp_path / f"{name}.{fmt}", settings)
        if fmt == "pdf":
            text = " ".join(pypdf.PdfReader(str(path)).pages[0].extract_text().split())
        elif fmt == "docx":
            document = docx.Document(str(path))
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            text = "\n".join([p.text for p in document.paragraphs] + cells)
        else:
            ws = openpyxl.load_workbook(path).active
            text = "\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
        text = text.replace("\u00a0", " ")
        assert "Основание" in text and basis in text, (name, fmt)


def test_an_order_dated_after_the_act_is_refused(filled: dict[str, str]) -> None:
    from imc_desktop.services.common.errors import ServiceError

    with pytest.raises(ServiceError, match="приказ № 20-од от 06.01.2026 позже даты акта"):
        hist.move_items([filled["ВА-2"]], hist.MoveData(
            filled["b"], act_number="П-9", act_date=TODAY, basis_number="20-од",
            basis_date=date(2026, 1, 6)))
    with pytest.raises(ServiceError, match="позже даты акта 05.01.2026"):
        acts.create_write_off([filled["ВА-1"]], acts.WriteOffData(
            TODAY, "С-4", "износ", "Громов А.П.", ("А", "Б"), basis_date=date(2026, 2, 1)))
    assert {a.number for a in acts.list_acts()} == {"П-7", "С-2"}


def test_the_basis_may_be_added_to_an_act_afterwards(filled: dict[str, str]) -> None:
    from imc_desktop.services.common.errors import NotFound, ServiceError

    act = next(a for a in acts.list_acts() if a.number == "С-2")
    assert act.basis == ""
    acts.set_basis(act.id, " 17-од ", date(2026, 1, 4))
    again = next(a for a in acts.list_acts() if a.number == "С-2")
    assert again.basis == "№ 17-од от 04.01.2026"
    with pytest.raises(ServiceError, match="позже даты акта"):
        acts.set_basis(act.id, "18-од", date(2026, 1, 6))
    with pytest.raises(NotFound):
        acts.set_basis("нет-такого", "1", None)
    acts.set_basis(act.id, "", None)
    assert next(a for a in acts.list_acts() if a.number == "С-2").basis == ""
