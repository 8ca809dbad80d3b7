"""The «Кадры» tab: add, open, delete, filters, cohort courses, personal numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox, QStyleOptionViewItem

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.records import CourseData, PersonCard, PersonRow
from imc_desktop.services.staff.rules import KPK_OVERDUE
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL
from tests.ui.staff.test_staff_card import valid_card
from ui.staff.card import CardContext, PersonDialog
from ui.staff.cohort import CohortCourseDialog
from ui.staff.list_columns import OVERDUE_TEXT, ExperienceText
from ui.staff.subforms import SubformContext
from ui.staff.tab import StaffTab
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


@pytest.fixture
def org_id(database: DatabaseInfo) -> str:
    return orgs.save_organization(SCHOOL)


def make_tab(qtbot: Any, settings: config.Settings) -> StaffTab:
    tab = StaffTab(settings)
    qtbot.addWidget(tab)
    return tab


@pytest.fixture
def demo_tab(qtbot: Any, demo_database: DatabaseInfo, settings: config.Settings) -> StaffTab:
    return make_tab(qtbot, settings)


def shown_ids(tab: StaffTab) -> set[str]:
    return {r.id for r in tab.record_list.model.visible_rows()}


def service_rows() -> list[PersonRow]:
    return staff.list_staff(RULES, date.today())


def select(tab: StaffTab, rows: range) -> None:
    view = tab.record_list.view
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(tab.record_list.model.index(row, 0), flags)


def test_add_through_the_tab_end_to_end(qtbot: Any, org_id: str, settings: config.Settings,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, settings)
    wanted = valid_card(org_id)

    def fill_and_save(card: PersonCard, context: CardContext, parent: Any) -> PersonCard | None:
        dialog = PersonDialog(card, context, parent)
        qtbot.addWidget(dialog)
        assert context.organizations == ((org_id, SCHOOL.short_name),)
        dialog.set_values({"last_name": "Смирнова", "first_name": "Анна",
                           "middle_name": "Петровна", "birth_date": wanted.birth_date,
                           "snils": "112-233-445 95"})
        for attr in ("employments", "experiences", "courses"):
            dialog.pages[attr].set_rows(getattr(wanted, attr))
        dialog.try_accept()
        return dialog.card() if dialog.result() == 1 else None

    monkeypatch.setattr(PersonDialog, "ask", staticmethod(fill_and_save))
    tab.add_record()
    assert tab.record_list.model.total_count() == 1
    row = tab.record_list.current_row()
    assert row is not None and row.full_name == "Смирнова Анна Петровна"
    assert row.organization == SCHOOL.short_name and row.subjects == ("математика", "физика")
    assert row.snils_masked == "***-***-445 **"


def test_edit_shows_in_the_change_log(qtbot: Any, org_id: str, settings: config.Settings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    staff_write.save_person(valid_card(org_id), RULES)
    tab = make_tab(qtbot, settings)
    monkeypatch.setattr(PersonDialog, "ask", staticmethod(
        lambda card, ctx, parent: replace(card, email="anna@school.ru")))
    tab.open_record(tab.record_list.model.row_at(0))
    seen: list[list[str]] = []

    def look(card: PersonCard, context: CardContext, parent: Any) -> None:
        dialog = PersonDialog(card, context, parent)
        qtbot.addWidget(dialog)
        model = dialog.log_page.model
        seen.extend([model.index(r, c).data() for c in range(model.columnCount())]
                    for r in range(model.rowCount()))
        assert dialog.card() == card

    monkeypatch.setattr(PersonDialog, "ask", staticmethod(look))
    tab.open_record(tab.record_list.model.row_at(0))
    assert seen[0][5] == "anna@school.ru", "newest first"
    assert len(seen) > 1, "the creation is logged too"


def test_a_refused_save_reopens_the_card(qtbot: Any, org_id: str, settings: config.Settings,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    tab = make_tab(qtbot, settings)
    shown: list[PersonCard] = []
    answers = [replace(valid_card(org_id), snils="123"), None]

    def ask(card: PersonCard, context: CardContext, parent: Any) -> PersonCard | None:
        shown.append(card)
        return answers.pop(0)

    errors: list[str] = []
    monkeypatch.setattr(PersonDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: errors.append(text)))
    tab.add_record()
    assert "СНИЛС" in errors[0] and shown[1].snils == "123", "the user's input is kept"
    assert staff.count_persons() == 0


def test_filters_give_the_rows_the_service_gives(demo_tab: StaffTab) -> None:
    rows = service_rows()
    assert shown_ids(demo_tab) == {r.id for r in rows}
    combo = demo_tab.org_filter
    name = combo.itemData(3)
    combo.setCurrentIndex(3)
    assert shown_ids(demo_tab) == {r.id for r in rows if name in r.organizations}
    combo.setCurrentIndex(0)
    demo_tab.overdue_only.setChecked(True)
    overdue = {r.id for r in rows if r.kpk_status == KPK_OVERDUE}
    assert overdue and shown_ids(demo_tab) == overdue
    demo_tab.overdue_only.setChecked(False)
    demo_tab.young_only.setChecked(True)
    young = {r.id for r in rows if r.is_young}
    assert young and shown_ids(demo_tab) == young
    demo_tab.young_only.setChecked(False)
    subject = demo_tab.subject_filter.itemData(1)
    demo_tab.subject_filter.setCurrentIndex(1)
    position = demo_tab.position_filter.findData("учитель")
    demo_tab.position_filter.setCurrentIndex(position)
    assert shown_ids(demo_tab) == {r.id for r in rows if subject in r.subjects
                                   and "учитель" in r.positions}


def test_filters_combine_with_the_search(demo_tab: StaffTab) -> None:
    demo_tab.overdue_only.setChecked(True)
    first = demo_tab.record_list.model.row_at(0)
    demo_tab.record_list.model.set_search(first.last_name)
    shown = demo_tab.record_list.model.visible_rows()
    assert first in shown and all(r.kpk_status == KPK_OVERDUE for r in shown)
    assert all(first.last_name in r.full_name for r in shown)


def test_filter_choices_follow_the_data(demo_tab: StaffTab, org_id: str) -> None:
    names = [demo_tab.org_filter.itemText(i) for i in range(1, demo_tab.org_filter.count())]
    assert names == sorted({o for r in service_rows() for o in r.organizations})
    assert SCHOOL.short_name not in names
    staff_write.save_person(valid_card(org_id), RULES)
    assert demo_tab.org_filter.findData(SCHOOL.short_name) > 0, "refreshed on reload"


def test_overdue_rows_are_painted_in_warning_colour(demo_tab: StaffTab) -> None:
    demo_tab.overdue_only.setChecked(True)
    view = demo_tab.record_list.view
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, demo_tab.record_list.model.index(0, 0))  # type: ignore[attr-defined]
    assert option.palette.text().color() == OVERDUE_TEXT
    demo_tab.overdue_only.setChecked(False)
    fine = next(i for i, r in enumerate(demo_tab.record_list.model.visible_rows())
                if r.kpk_status != KPK_OVERDUE)
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, demo_tab.record_list.model.index(fine, 0))  # type: ignore[attr-defined]
    assert option.palette.text().color() != OVERDUE_TEXT


def test_experience_sorts_by_months_and_shows_text(demo_tab: StaffTab) -> None:
    model = demo_tab.record_list.model
    column = next(i for i, c in enumerate(model.columns) if c.key == "ped_experience")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    months = [r.ped_years * 12 + r.ped_months for r in model.visible_rows()
              if r.ped_years is not None]
    assert months == sorted(months) and months[0] < months[-1]
    row = model.row_at(0)
    assert model.index(0, column).data() == f"{row.ped_years} л. {row.ped_months} мес."
    assert ExperienceText(1, 11) < ExperienceText(10, 0) and ExperienceText(2, 0) >= "x"
    assert isinstance(ExperienceText(3, 1), str), "exported as text"


def test_cohort_course_is_added_to_each_selected(demo_tab: StaffTab,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    select(demo_tab, range(2, 5))
    chosen = demo_tab.record_list.selected_rows()
    before = {r.id: len(staff.get_person(r.id).courses) for r in chosen}
    course = CourseData(program="Наставничество в школе", hours=36, end_date=date(2025, 3, 1))
    names: list[list[str]] = []

    def ask(data: CourseData, who: list[str], ctx: SubformContext, parent: Any) -> CourseData:
        names.append(who)
        return course

    infos: list[str] = []
    monkeypatch.setattr(CohortCourseDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    demo_tab.add_courses_to_selected()
    assert names == [[r.full_name for r in chosen]]
    for row in chosen:
        courses = staff.get_person(row.id).courses
        assert len(courses) == before[row.id] + 1
        assert any(c.program == "Наставничество в школе" for c in courses)
    assert len(infos) == 1 and "3" in infos[0]


def test_cohort_without_selection_explains(demo_tab: StaffTab,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    infos: list[str] = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda _p, _t, text: infos.append(text)))
    monkeypatch.setattr(CohortCourseDialog, "ask", staticmethod(lambda *a: pytest.fail("asked")))
    demo_tab.record_list.view.clearSelection()
    demo_tab.add_courses_to_selected()
    assert len(infos) == 1


def test_cohort_dialog_checks_the_course_inline(qtbot: Any, database: DatabaseInfo) -> None:
    dialog = CohortCourseDialog(CourseData(program="ПП", kind="ПП", hours=100,
                                           end_date=date(2025, 3, 1)),
                                [f"Педагог {i}" for i in range(12)],
                                SubformContext(RULES))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Педагог 0" in dialog.heading.text() and "Педагог 11" not in dialog.heading.text()
    dialog.try_accept()
    assert dialog.result() == 0 and "250" in dialog._errors["hours"].text()


def test_delete_asks_with_the_names(demo_tab: StaffTab,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    select(demo_tab, range(0, 2))
    rows = demo_tab.record_list.selected_rows()
    asked: list[str] = []

    def answer(value: bool) -> None:
        def confirm(_parent: object, _title: str, text: str) -> bool:
            asked.append(text)
            return value
        monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))

    answer(False)
    demo_tab.record_list.delete_selected()
    assert all(r.full_name in asked[0] for r in rows)
    assert demo_tab.record_list.model.total_count() == 150
    answer(True)
    demo_tab.record_list.delete_selected()
    assert demo_tab.record_list.model.total_count() == 148
    assert not {r.id for r in rows} & shown_ids(demo_tab)


def test_show_snils_and_inn_unmasks_them(demo_tab: StaffTab) -> None:
    records = demo_tab.record_list
    keys = [c.key for c in records.model.columns]
    snils, inn = keys.index("snils"), keys.index("inn")
    header = records.view.horizontalHeader()
    assert header.isSectionHidden(snils) and header.isSectionHidden(inn)
    row = records.model.row_at(0)
    assert records.model.index(0, snils).data() == row.snils_masked
    demo_tab.show_numbers.setChecked(True)
    assert not header.isSectionHidden(snils) and not header.isSectionHidden(inn)
    name = header.visualIndex(keys.index("full_name"))
    assert (header.visualIndex(snils), header.visualIndex(inn)) == (name + 1, name + 2), \
        "next to ФИО"
    row = records.model.row_at(0)
    numbers = staff.personal_numbers([row.id])[row.id]
    assert records.model.index(0, snils).data() == numbers[0] != row.snils_masked
    columns, table = records.shown_table()
    assert table[0][[c.key for c in columns].index("snils")] == numbers[0], "export as shown"
    demo_tab.show_numbers.setChecked(False)
    assert records.model.index(0, snils).data() == row.snils_masked
    columns, table = records.shown_table()
    assert table[0][[c.key for c in columns].index("snils")] == row.snils_masked


def test_context_menu_has_the_cohort_action(demo_tab: StaffTab) -> None:
    demo_tab.record_list.view.clearSelection()
    menu = demo_tab.context_menu()
    shown = [a.text() for a in menu.actions()]
    assert demo_tab.act_cohort.text() in shown
    assert demo_tab.record_list.act_export.text() in shown
    assert not demo_tab.act_cohort.isEnabled(), "nobody selected"
    select(demo_tab, range(0, 1))
    demo_tab.context_menu()
    assert demo_tab.act_cohort.isEnabled()


def test_tab_lets_the_window_be_narrow(russian: Any, demo_tab: StaffTab) -> None:
    assert demo_tab.minimumSizeHint().width() < 700


def test_list_model_passes_the_model_tester(demo_tab: StaffTab, qtmodeltester: Any) -> None:
    qtmodeltester.check(demo_tab.record_list.model)


def test_main_window_has_the_staff_tab_second(qtbot: Any, demo_database: DatabaseInfo,
                                              settings: config.Settings) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.tabs.widget(2) is window.staff
    assert window.staff.record_list.exporter is not None
    assert window.staff.record_list.model.total_count() == 0, "read when first shown"
    window.tab_actions[1].trigger()
    assert window.tabs.currentWidget() is window.staff
    assert window.staff.record_list.model.total_count() == 150


def test_views_of_personal_data_are_listed(qtbot: Any, demo_database: DatabaseInfo,
                                           settings: config.Settings) -> None:
    from ui.access.audit_log import AuditLogDialog

    rows = staff.list_staff(RULES)[:3]
    staff.personal_numbers([r.id for r in rows], "список «Кадры»")
    dialog = AuditLogDialog(settings.raw())
    qtbot.addWidget(dialog)
    model = dialog.record_list.model
    assert model.data(model.index(0, 4)) == "СНИЛС и ИНН в списке"
    assert model.data(model.index(0, 5)) == "3"
    assert model.data(model.index(0, 6)) == "список «Кадры»"
    assert model.data(model.index(0, 1))


def test_a_card_open_during_a_synchronisation_keeps_the_other_edits(
        qtbot: Any, org_id: str, settings: config.Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import text

    from imc_desktop import db

    person_id = staff_write.save_person(valid_card(org_id), RULES)
    tab = make_tab(qtbot, settings)

    def edit_while_a_sync_arrives(card: PersonCard, _ctx: Any, _parent: Any) -> PersonCard:
        with db.session_scope() as s:  # another workstation's edits, synchronised meanwhile
            s.execute(text("UPDATE persons SET phone = '+7 900 111-22-33', email = 'a@b.ru' "
                           "WHERE id = :i"), {"i": person_id})
        return replace(card, notes="Руководитель РМО", email="mine@school.ru")

    asked: list[str] = []
    monkeypatch.setattr(PersonDialog, "ask", staticmethod(edit_while_a_sync_arrives))
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda _p, _t, t: asked.append(t) or False))
    tab.open_record(tab.record_list.model.row_at(0))
    saved = staff.get_person(person_id)
    assert asked and "a@b.ru" in asked[0] and "mine@school.ru" in asked[0]
    assert (saved.notes, saved.email) == ("", "a@b.ru"), "«No»: nothing of the card written"
    monkeypatch.setattr(PersonDialog, "ask", staticmethod(
        lambda card, _c, _p: replace(card, notes="Руководитель РМО")))
    tab.open_record(tab.record_list.model.row_at(0))
    saved = staff.get_person(person_id)
    assert (saved.notes, saved.phone) == ("Руководитель РМО", "+7 900 111-22-33")
