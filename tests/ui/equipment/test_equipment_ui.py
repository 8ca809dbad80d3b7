"""The «Оборудование» tab: the list and its filters, the card with its timeline, the actions
on selected items, the acts page, an inventory count, duplicates, labels, charts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QRectF, Qt
from PySide6.QtWidgets import QMessageBox

from imc_desktop import config
from imc_desktop.db import session_scope
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.equipment import acts
from imc_desktop.services.equipment import history as hist
from imc_desktop.services.equipment import inventory as inv
from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.acts import WriteOffData
from imc_desktop.services.equipment.history import MoveData, RepairEnd, RepairStart
from imc_desktop.services.organizations import records as orgs
from models import EquipmentItem
from tests.services.equipment.test_equipment import item
from tests.services.organizations.test_organizations import SCHOOL
from ui.equipment import counting, items_page
from ui.equipment.action_dialogs import (
    MoveDialog,
    RepairEndDialog,
    RepairStartDialog,
    WriteOffDialog,
)
from ui.equipment.charts import BarChart, Series
from ui.equipment.counting import SessionWindow
from ui.equipment.item_dialog import CardContext, ItemDialog
from ui.equipment.tab import EquipmentTab
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    errors: list[str] = []
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: False))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    return errors


@pytest.fixture
def schools(database: DatabaseInfo) -> tuple[str, str]:
    return (orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 1")),
            orgs.save_organization(replace(SCHOOL, short_name="МБОУ СОШ № 2", inn="")))


@pytest.fixture
def tab(qtbot: Any, schools: tuple[str, str], settings: config.Settings) -> EquipmentTab:
    eq.save_item(item(schools[0], "ВА-1", kind="ПК", accepted_on=date(2012, 1, 10),
                      warranty_until=date(2015, 1, 10)))
    eq.save_item(item(schools[0], "ВА-2", accepted_on=date.today()))
    eq.save_item(item(schools[1], "ВА-3", kind="проектор"))
    widget = EquipmentTab(settings)
    qtbot.addWidget(widget)
    return widget


def numbers(tab: EquipmentTab) -> list[str]:
    return sorted(x.inventory_number for x in tab.items.record_list.model.visible_rows())


def select(tab: EquipmentTab, *wanted: str) -> None:
    records = tab.items.record_list
    selection = records.view.selectionModel()
    selection.clear()
    for row in range(records.model.rowCount()):
        if records.model.row_at(row).inventory_number in wanted:
            selection.select(records.model.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(records.model.index(row, 0),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)


def ids(*wanted: str) -> list[str]:
    return [x.id for x in eq.list_items() if x.inventory_number in wanted]


def test_the_filters(tab: EquipmentTab, schools: tuple[str, str]) -> None:
    assert numbers(tab) == ["ВА-1", "ВА-2", "ВА-3"]
    page = tab.items
    page.org_filter.setCurrentIndex(page.org_filter.findData(schools[1]))
    assert numbers(tab) == ["ВА-3"]
    page.org_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("ПК"))
    assert numbers(tab) == ["ВА-1"]
    page.kind_filter.setCurrentIndex(0)
    page.age_filter.setCurrentIndex(page.age_filter.findData(4))  # 8 years and older
    assert numbers(tab) == ["ВА-1"]
    page.age_filter.setCurrentIndex(page.age_filter.findData(1))  # under 3
    assert numbers(tab) == ["ВА-2"]
    page.age_filter.setCurrentIndex(0)
    page.warranty_expired.setChecked(True)
    assert numbers(tab) == ["ВА-1"]
    page.warranty_expired.setChecked(False)
    acts.confirm_write_off(acts.create_write_off(ids("ВА-3"), WriteOffData(
        date.today(), "1", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С."))))
    page.status_filter.setCurrentIndex(page.status_filter.findData(items_page.NOT_WRITTEN_OFF))
    assert numbers(tab) == ["ВА-1", "ВА-2"]
    page.status_filter.setCurrentIndex(page.status_filter.findData(eq.WRITTEN_OFF))
    assert numbers(tab) == ["ВА-3"]


def test_the_card_shows_the_timeline_and_saves(qtbot: Any, tab: EquipmentTab) -> None:
    item_id = ids("ВА-1")[0]
    hist.send_to_repair([item_id], RepairStart(date(2025, 1, 1), "ООО «Ремонт»"))
    hist.back_from_repair([item_id], RepairEnd(date(2025, 1, 9), "исправлен"))
    dialog = ItemDialog(eq.get_item(item_id), CardContext((), tuple(hist.history(item_id))))
    qtbot.addWidget(dialog)
    texts = [dialog.timeline.item(i).text() for i in range(dialog.timeline.count())]
    assert texts[0].startswith("10.01.2012   поступление")
    assert "ремонт" in texts[1] and "ООО «Ремонт»" in texts[1]
    dialog.set_values({"room": "каб. 33", "cost": "1 234,50"})
    assert (dialog.data().room, dialog.data().cost) == ("каб. 33", 1234.5)
    dialog.set_values({"cost": "дорого"})
    assert "cost" in dialog.problems()


def test_the_card_offers_only_the_statuses_it_may_set(qtbot: Any, tab: EquipmentTab) -> None:
    item_id = ids("ВА-1")[0]
    dialog = ItemDialog(eq.get_item(item_id), CardContext((), tuple(hist.history(item_id))))
    qtbot.addWidget(dialog)
    offered = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert offered == [eq.IN_USE, eq.RESERVE], "no «к списанию», no «списано»"
    assert dialog.status.isEnabled()
    new = ItemDialog(eq.ItemData(), CardContext((), ()))
    qtbot.addWidget(new)
    assert [new.status.itemText(i) for i in range(new.status.count())] == [eq.IN_USE,
                                                                           eq.RESERVE]
    hist.send_to_repair([item_id], RepairStart(date(2025, 1, 1), "ООО «Ремонт»"))
    repaired = ItemDialog(eq.get_item(item_id), CardContext((), tuple(hist.history(item_id))))
    qtbot.addWidget(repaired)
    assert (repaired.status.currentText(), repaired.status.isEnabled()) == (eq.IN_REPAIR,
                                                                            False)
    assert repaired.data().status == eq.IN_REPAIR


def test_a_taken_number_is_shown_on_the_card(tab: EquipmentTab, monkeypatch: Any,
                                             quiet: list[str]) -> None:
    answers = [replace(eq.ItemData(), inventory_number="ва-1", name="Принтер"), None]
    shown: list[dict[str, str] | None] = []

    def ask(data: Any, context: Any, parent: Any = None, problems: Any = None) -> Any:
        shown.append(problems)
        return answers.pop(0)

    monkeypatch.setattr(ItemDialog, "ask", staticmethod(ask))
    tab.items.add_item()
    assert shown[1] is not None and "inventory_number" in shown[1]
    assert "уже присвоен" in quiet[0]


def test_move_repair_and_write_off_selected_items(tab: EquipmentTab, monkeypatch: Any,
                                                  schools: tuple[str, str]) -> None:
    monkeypatch.setattr(MoveDialog, "ask", staticmethod(
        lambda *_a: MoveData(schools[1], "каб. 9", "", date.today(), "12")))
    monkeypatch.setattr(RepairStartDialog, "ask", staticmethod(
        lambda *_a: RepairStart(date.today(), "ООО «Ремонт»")))
    monkeypatch.setattr(RepairEndDialog, "ask", staticmethod(
        lambda *_a: RepairEnd(date.today(), "исправлен", 500.0)))
    monkeypatch.setattr(WriteOffDialog, "ask", staticmethod(lambda *_a: WriteOffData(
        date.today(), "5", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С."))))
    select(tab, "ВА-1", "ВА-2")
    tab.items.move_items()
    assert {eq.get_item(i).room for i in ids("ВА-1", "ВА-2")} == {"каб. 9"}
    select(tab, "ВА-1")
    tab.items.send_to_repair()
    assert eq.get_item(ids("ВА-1")[0]).status == eq.IN_REPAIR
    select(tab, "ВА-1")
    tab.items.back_from_repair()
    assert eq.get_item(ids("ВА-1")[0]).status == eq.IN_USE
    select(tab, "ВА-2")
    tab.items.write_off()
    assert eq.get_item(ids("ВА-2")[0]).status == eq.TO_WRITE_OFF
    kinds = sorted(x.kind for x in tab.acts.record_list.model.visible_rows())
    assert kinds == sorted([acts.ACT_TRANSFER, acts.ACT_WRITE_OFF])


def test_the_acts_page_confirms_a_write_off(tab: EquipmentTab, monkeypatch: Any) -> None:
    acts.create_write_off(ids("ВА-3"), WriteOffData(
        date.today(), "8", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *_a: True))
    page = tab.acts
    page.record_list.view.selectRow(0)
    page.confirm()
    assert eq.get_item(ids("ВА-3")[0]).status == eq.WRITTEN_OFF
    assert page.record_list.model.row_at(0).confirmed


def test_an_inventory_count_window(qtbot: Any, tab: EquipmentTab, schools: tuple[str, str],
                                   settings: config.Settings, monkeypatch: Any) -> None:
    session = inv.start_session(inv.SessionData(schools[0], date.today(), "1"))
    window = SessionWindow(session, settings)
    qtbot.addWidget(window)
    window.number.setText("ВА-1")
    window.check_in()
    window.number.setText("НОВЫЙ-1")
    window.check_in()
    assert "излишек" in window.message.text()
    states = {x.inventory_number: x.state for x in window.lines.model.visible_rows()}
    assert states == {"ВА-1": inv.LINE_FOUND, "ВА-2": inv.LINE_EXPECTED,
                      "НОВЫЙ-1": inv.LINE_SURPLUS}
    assert any(x in window.heading.text() for x in ("в наличии 1,", "found 1,"))
    assert tab.counting.record_list.model.rowCount() == 1
    shown: list[str] = []
    monkeypatch.setattr(counting, "preview_report", lambda _p, report, _s: shown.append(
        report.title))
    window.odd_button.click()
    assert shown == ["ВЕДОМОСТЬ РАСХОЖДЕНИЙ ПО РЕЗУЛЬТАТАМ ИНВЕНТАРИЗАЦИИ"]


def test_removing_surplus_asks_first_naming_the_number(
        qtbot: Any, tab: EquipmentTab, schools: tuple[str, str], settings: config.Settings,
        monkeypatch: Any) -> None:
    session = inv.start_session(inv.SessionData(schools[0], date.today(), "1"))
    window = SessionWindow(session, settings)
    qtbot.addWidget(window)
    window.number.setText("НОВЫЙ-7")
    window.check_in()  # selects the new surplus line
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: Any, _title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))

    def surplus() -> list[str]:
        return [x.inventory_number for x in window.lines.model.visible_rows()
                if not x.expected]

    window.remove_button.click()
    assert len(asked) == 1 and "НОВЫЙ-7" in asked[0] and surplus() == ["НОВЫЙ-7"]
    answer[0] = True  # the line stays selected
    window.remove_button.click()
    assert len(asked) == 2 and surplus() == []


def test_duplicates_are_listed_for_resolution(tab: EquipmentTab) -> None:
    with session_scope() as s:
        s.add(EquipmentItem(inventory_number="ВА-1", name="Принтер", kind="принтер"))
    eq.save_item(item(None, "ВА-77"))  # a save notifies: the list reloads
    rows = tab.duplicates.model.visible_rows()
    assert sorted(x.name for x in rows) == ["Ноутбук Lenovo", "Принтер"]
    assert "(2)" in tab.tabs.tabText(3)


def test_labels_for_the_selected_items(tab: EquipmentTab, monkeypatch: Any,
                                       tmp_path: Path) -> None:
    target = tmp_path / "labels.pdf"
    monkeypatch.setattr(items_page, "ask_pdf_path", lambda *_a: target)
    monkeypatch.setattr(items_page, "ask_used_labels", lambda *_a: 2)
    select(tab, "ВА-1", "ВА-3")
    tab.items.make_labels()
    assert target.exists()
    import pypdf

    text = pypdf.PdfReader(str(target)).pages[0].extract_text()
    assert "ВА-1" in text and "ВА-3" in text and "ВА-2" not in text


def test_the_bar_chart_geometry() -> None:
    chart = BarChart("t")
    chart.set_data(["a", "b"], [Series("x", (1.0, 4.0)), Series("y", (2.0, 0.0))])
    rects = chart.bar_rects(QRectF(0, 0, 200, 100))
    heights = {(s, c): r.height() for s, c, r in rects}
    assert heights == {(0, 0): 25.0, (0, 1): 100.0, (1, 0): 50.0, (1, 1): 0.0}
    assert all(r.bottom() == 100 for _, _, r in rects)


def years_with_items(chart: BarChart) -> dict[str, tuple[float, ...]]:
    """The fleet chart's years (every year between the first and the last is on the axis)
    that have items, with the value of each series."""
    values = zip(*(s.values for s in chart.series), strict=True)
    return {year: v for year, v in zip(chart.categories, values, strict=True) if any(v)}


def test_the_charts_page_follows_the_data(tab: EquipmentTab, schools: tuple[str, str]
                                          ) -> None:
    assert tab.charts.stale  # nothing read before the page is shown
    tab.tabs.setCurrentWidget(tab.charts)
    tab.show()
    assert tab.charts.pupils.categories == ("МБОУ СОШ № 1", "МБОУ СОШ № 2")
    this_year = str(date.today().year)
    categories = tab.charts.age.categories
    assert categories == tuple(str(y) for y in range(2012, int(this_year) + 1))
    # computers accepted in 2012, 2020 (none: a projector), this year
    assert years_with_items(tab.charts.age) == {
        "2012": (1.0, 0.0), "2020": (0.0, 1.0), this_year: (1.0, 0.0)}
    eq.save_item(item(schools[1], "ВА-9", kind="ПК"))  # accepted in 2020
    assert years_with_items(tab.charts.age)["2020"] == (1.0, 1.0)


def pick_chart_date(qtbot: Any, tab: EquipmentTab, text: str) -> None:
    """Type a date into the page's «На дату» picker and press Enter, as a user does."""
    picker = tab.charts.on_date
    picker.setFocus()
    picker.selectAll()
    qtbot.keyClicks(picker, text)
    qtbot.keyClick(picker, Qt.Key.Key_Return)


def test_the_charts_page_shows_the_district_on_a_past_date(
        qtbot: Any, tab: EquipmentTab, schools: tuple[str, str]) -> None:
    """ВА-3 (a projector of СОШ № 2, 2020) is written off in 2023, ВА-1 (a ПК of СОШ № 1,
    2012) moves to СОШ № 2 in March 2024: the charts follow the date in the picker."""
    acts.confirm_write_off(acts.create_write_off(ids("ВА-3"), WriteOffData(
        date(2023, 5, 20), "1", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С."))),
        date(2023, 6, 1))
    hist.move_items(ids("ВА-1"), MoveData(schools[1], act_date=date(2024, 3, 12)))
    charts = tab.charts
    assert charts.on_date.text() == date.today().strftime("%d.%m.%Y")
    tab.tabs.setCurrentWidget(charts)
    tab.show()
    this_year = str(date.today().year)
    assert years_with_items(charts.age) == {"2012": (1.0, 0.0), this_year: (1.0, 0.0)}

    pick_chart_date(qtbot, tab, "01.01.2023")  # before both
    assert charts.age.categories == tuple(str(y) for y in range(2012, 2021))
    # the ПК; then the projector
    assert years_with_items(charts.age) == {"2012": (1.0, 0.0), "2020": (0.0, 1.0)}
    assert charts.state.categories == ("МБОУ СОШ № 1", "МБОУ СОШ № 2")
    assert charts.state.series[0].values == (0.0, 0.0)

    pick_chart_date(qtbot, tab, "25.05.2023")  # the projector awaits its write-off
    assert charts.state.series[0].values == (0.0, 100.0)

    pick_chart_date(qtbot, tab, "01.01.2024")  # written off, not yet moved
    assert charts.age.categories == ("2012",)
    assert charts.state.categories == ("МБОУ СОШ № 1",)
    before = dict(zip(charts.pupils.categories, charts.pupils.series[0].values,
                      strict=True))
    assert before["МБОУ СОШ № 1"] > 0 and before["МБОУ СОШ № 2"] == 0

    pick_chart_date(qtbot, tab, "01.06.2024")  # moved
    assert charts.state.categories == ("МБОУ СОШ № 2",)
    after = dict(zip(charts.pupils.categories, charts.pupils.series[0].values,
                      strict=True))
    assert after["МБОУ СОШ № 1"] == 0 and after["МБОУ СОШ № 2"] > 0

    pick_chart_date(qtbot, tab, "31.02.2024")  # not a date: the shown date comes back
    assert charts.on_date.text() == "01.06.2024"
    assert charts.shown_on == date(2024, 6, 1)


def test_a_horizontal_chart_puts_bars_in_rows() -> None:
    chart = BarChart("t", horizontal=True)
    chart.set_data(["Школа № 1", "Школа № 2"], [Series("x", (10.0, 5.0))])
    rects = chart.bar_rects(QRectF(100, 0, 200, 100))
    assert [(r.left(), r.width()) for _, _, r in rects] == [(100, 200), (100, 100)]
    assert rects[0][2].top() < rects[1][2].top()


def test_the_tab_speaks_russian(qtbot: Any, russian: object, schools: tuple[str, str],
                                settings: config.Settings) -> None:
    import re

    widget = EquipmentTab(settings)
    qtbot.addWidget(widget)
    texts = [widget.tabs.tabText(i) for i in range(widget.tabs.count())]
    for records in widget.lists():
        model = records.model
        texts += [str(model.headerData(i, Qt.Orientation.Horizontal))
                  for i in range(model.columnCount())]
    texts += [b.text() for b in (widget.items.move_button, widget.items.documents_button)]
    assert texts and not [t for t in texts if re.search("[A-Za-z]", t)]


def test_a_written_off_item_s_card_is_read_only(qtbot: Any, tab: EquipmentTab,
                                                monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from imc_desktop.services.equipment import acts

    item_id = ids("ВА-1")[0]
    act = acts.create_write_off([item_id], acts.WriteOffData(
        date(2025, 3, 1), "С-1", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    acts.confirm_write_off(act, date(2025, 3, 2))
    dialog = ItemDialog(eq.get_item(item_id), CardContext((), tuple(hist.history(item_id))))
    qtbot.addWidget(dialog)
    assert not dialog.editor("room").isEnabled() and not dialog.organization.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isHidden()
    assert dialog.read_only_note.isVisibleTo(dialog), "says why at the top"
    assert "written off" in dialog.read_only_note.text() or "списан" in \
        dialog.read_only_note.text()
    assert dialog.timeline.count() >= 2


def test_the_act_dialogs_take_the_basis_order(qtbot: Any, schools: tuple[str, str]) -> None:
    move = MoveDialog(2, [(schools[1], "МБОУ СОШ № 2")])
    qtbot.addWidget(move)
    move.target.setCurrentIndex(move.target.findData(schools[1]))
    move.set_values({"act_number": "П-1", "act_date": date(2026, 1, 10),
                     "basis_number": "15-од", "basis_date": date(2026, 1, 9)})
    assert move.more_problems() == {}
    data = move.move_data()
    assert (data.basis_number, data.basis_date) == ("15-од", date(2026, 1, 9))
    move.set_values({"basis_date": date(2026, 1, 11)})
    assert "basis_date" in move.more_problems()
    off = WriteOffDialog(1)
    qtbot.addWidget(off)
    off.set_values({"number": "С-1", "act_date": date(2026, 1, 10), "reason": "износ",
                    "chairman": "Громов А.П.", "members": "А\nБ", "basis_date": date(2026, 2, 1)})
    assert list(off.more_problems()) == ["basis_date"]
    off.set_values({"basis_number": "16-од", "basis_date": None})
    assert off.more_problems() == {} and off.basis() == ("16-од", None)


def test_the_basis_of_an_act_is_added_afterwards(tab: EquipmentTab, monkeypatch: Any,
                                                 quiet: list[str]) -> None:
    from ui.equipment.action_dialogs import BasisDialog

    act_date = date.today()
    act_id = acts.create_write_off(ids("ВА-3"), WriteOffData(
        act_date, "8", "износ", "Иванов И.И.", ("Петров П.П.", "Сидоров С.С.")))
    page = tab.acts
    page.record_list.view.selectRow(0)
    asked: list[tuple[object, ...]] = []

    def answer(*args: object) -> tuple[str, date]:
        asked.append(args[:4])
        return "15-од", act_date

    monkeypatch.setattr(BasisDialog, "ask", staticmethod(answer))
    page.edit_basis()
    assert asked == [("8", act_date, "", None)]
    detail = acts.act_detail(act_id)
    assert (detail.basis_number, detail.basis_date) == ("15-од", act_date)
    row = page.record_list.model.row_at(0)
    assert row.basis == f"№ 15-од от {act_date:%d.%m.%Y}"
    monkeypatch.setattr(BasisDialog, "ask", staticmethod(
        lambda *_a: ("16-од", date(act_date.year + 1, 1, 1))))
    page.edit_basis()
    assert quiet and "позже даты акта" in quiet[-1]
    assert acts.act_detail(act_id).basis_number == "15-од"
