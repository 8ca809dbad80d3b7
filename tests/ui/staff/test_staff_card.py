"""The pedagogue's card and its row forms, driven as a user would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QMessageBox, QSpinBox

from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.records import (
    CourseData,
    EmploymentData,
    ExperienceData,
    PersonCard,
)
from tests.rules import RULES
from tests.services.organizations.test_organizations import SCHOOL
from ui.staff.card import PROBLEM_TAB, CardContext, PersonDialog, format_snils_typing
from ui.staff.card_pages import local_time
from ui.staff.subforms import CourseForm, EmploymentForm, ExperienceForm, SubformContext
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm

TODAY = date(2025, 11, 5)


def valid_card(org_id: str) -> PersonCard:
    return PersonCard(
        last_name="Смирнова", first_name="Анна", middle_name="Петровна", sex="ж",
        birth_date=date(1990, 5, 4), snils="11223344595", phone="+7 912 345-67-89",
        employments=(EmploymentData(organization_id=org_id, organization_name=SCHOOL.short_name,
                                    position="учитель", subjects=("математика", "физика"),
                                    hired_on=date(2015, 9, 1), appointed_on=date(2016, 9, 1)),),
        experiences=(ExperienceData(kind="педагогический", years=5, months=0,
                                    as_of=date(2020, 9, 1)),
                     ExperienceData(kind="общий", years=7, months=3, as_of=date(2020, 9, 1))),
        courses=(CourseData(program="Функциональная грамотность", provider="ТОГИРРО",
                            start_date=date(2024, 3, 1), end_date=date(2024, 3, 12), hours=72),),
    )


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a changed card at teardown must not wait for an answer."""
    monkeypatch.setattr(RecordForm, "confirm_discard",
                        staticmethod(lambda _p: QMessageBox.StandardButton.Discard))


@pytest.fixture
def org_id(database: DatabaseInfo) -> str:
    return orgs.save_organization(SCHOOL)


def context(org_id: str, log: tuple[staff_write.ChangeEntry, ...] = ()) -> CardContext:
    return CardContext(RULES, ((org_id, SCHOOL.short_name),), log, TODAY)


def open_card(qtbot: Any, card: PersonCard, ctx: CardContext) -> PersonDialog:
    dialog = PersonDialog(card, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def line(dialog: RecordForm, name: str) -> QLineEdit:
    editor = dialog.editor(name)
    assert isinstance(editor, QLineEdit)
    return editor


def test_valid_card_is_accepted_unchanged(qtbot: Any, org_id: str) -> None:
    card = valid_card(org_id)
    dialog = open_card(qtbot, card, context(org_id))
    assert line(dialog, "snils").text() == "112-233-445 95"
    assert not dialog.is_dirty()
    dialog.try_accept()
    assert dialog.result() == 1
    assert dialog.card() == card


def test_bad_snils_is_shown_under_the_field(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, valid_card(org_id), context(org_id))
    dialog.tabs.setCurrentIndex(3)
    line(dialog, "snils").setText("112-233-445 96")
    dialog.try_accept()
    assert dialog.result() == 0 and dialog.isVisible()
    assert "СНИЛС" in dialog._errors["snils"].text() and dialog._errors["snils"].isVisible()
    assert not dialog._errors["last_name"].isVisible()
    assert dialog.tabs.currentIndex() == 0, "the card switches to the tab with the problem"


def test_snils_is_formatted_as_it_is_typed(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, PersonCard(), context(org_id))
    editor = line(dialog, "snils")
    qtbot.keyClicks(editor, "11223344595")
    assert editor.text() == "112-233-445 95"
    assert format_snils_typing("1122") == "112-2"
    assert format_snils_typing("") == ""


def test_short_course_is_shown_on_the_courses_tab(qtbot: Any, org_id: str) -> None:
    card = valid_card(org_id)
    short = replace(card.courses[0], hours=10)
    dialog = open_card(qtbot, replace(card, courses=(card.courses[0], short)), context(org_id))
    dialog.try_accept()
    page = dialog.pages["courses"]
    assert dialog.result() == 0
    assert dialog.tabs.currentWidget() is page
    assert page.message.isVisible() and "16" in page.message.text()
    assert "2" in page.message.text(), "the row is named"
    assert page.current_index() == 1, "the row with the problem is selected"
    assert dialog.tabs.tabBar().tabTextColor(dialog.tabs.indexOf(page)) == PROBLEM_TAB
    assert not dialog.pages["employments"].message.isVisible()


def test_missing_job_is_shown_on_the_work_tab(qtbot: Any, org_id: str) -> None:
    card = replace(valid_card(org_id), id="stored", employments=())
    dialog = open_card(qtbot, card, context(org_id))
    assert dialog.first_job is None, "the first tab has no job fields once saved"
    dialog.try_accept()
    page = dialog.pages["employments"]
    assert dialog.result() == 0 and dialog.tabs.currentWidget() is page
    assert "место работы" in page.message.text()


def test_a_new_pedagogue_takes_the_main_job_from_the_first_tab(qtbot: Any,
                                                               org_id: str) -> None:
    dialog = open_card(qtbot, replace(valid_card(org_id), employments=()), context(org_id))
    first = dialog.first_job
    assert first is not None
    dialog.try_accept()  # no job: said under the ОО of the first tab, which stays in front
    assert dialog.result() == 0 and dialog.tabs.currentIndex() == 0
    assert "место работы" in dialog._errors["job_organization"].text()
    first.organization.setCurrentIndex(first.organization.findData(org_id))
    first.position.setCurrentText("педагог-психолог")
    first.load.setText("0,5")
    first.load.textEdited.emit("0,5")
    jobs = dialog.pages["employments"].rows()
    assert [(j.organization_id, j.position, j.load, j.job_type) for j in jobs] == [
        (org_id, "педагог-психолог", 0.5, "основное место работы")]
    dialog.try_accept()
    assert dialog.result() == 1
    assert dialog.card().employments == jobs


def test_the_work_tab_edits_show_on_the_first_tab(qtbot: Any, org_id: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_card(qtbot, replace(valid_card(org_id), employments=()), context(org_id))
    first = dialog.first_job
    assert first is not None
    job = EmploymentData(organization_id=org_id, organization_name=SCHOOL.short_name,
                         position="учитель", load=1.5)
    monkeypatch.setattr(EmploymentForm, "ask", classmethod(lambda _c, _d, _x, _p=None: job))
    dialog.pages["employments"].add_row()
    assert (first.organization.currentData(), first.position.currentText(),
            first.load.text()) == (org_id, "учитель", "1,5")


def test_a_rate_typed_wrong_is_said_with_the_other_problems(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, replace(valid_card(org_id), employments=(), last_name=""),
                       context(org_id))
    assert dialog.first_job is not None
    dialog.first_job.load.setText("полставки")
    dialog.try_accept()
    assert dialog.result() == 0
    message = dialog._errors["job_load"].text()  # in Russian once the translations are in
    assert "число" in message or "number" in message
    assert dialog._errors["last_name"].text() == "Укажите фамилию."


def test_date_typed_wrong_is_refused(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, valid_card(org_id), context(org_id))
    line(dialog, "birth_date").setText("31.02.1990")
    dialog.try_accept()
    assert dialog.result() == 0
    assert "31.02.1990" in dialog._errors["birth_date"].text()


def test_problems_clear_once_fixed(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, replace(valid_card(org_id), employments=()), context(org_id))
    dialog.try_accept()
    dialog.pages["employments"].set_rows(valid_card(org_id).employments)
    dialog.try_accept()
    assert dialog.result() == 1
    assert not dialog.pages["employments"].message.isVisible()
    assert dialog.tabs.tabBar().tabTextColor(1) == QColor()


def test_duplicates_are_asked_about(qtbot: Any, org_id: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    staff_write.save_person(valid_card(org_id), RULES, TODAY)
    asked: list[str] = []

    def answer(value: bool) -> None:
        def confirm(_parent: object, _title: str, text: str) -> bool:
            asked.append(text)
            return value
        monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))

    answer(False)
    dialog = open_card(qtbot, replace(valid_card(org_id), first_name="Анастасия"),
                       context(org_id))
    dialog.try_accept()
    assert dialog.result() == 0 and dialog.isVisible(), "declined: the card stays open"
    assert "Смирнова Анна Петровна" in asked[0] and "СНИЛС" in asked[0]
    assert staff.count_persons() == 1
    answer(True)
    dialog.try_accept()
    assert dialog.result() == 1 and len(asked) == 2


def test_unchanged_identity_is_not_checked_again(qtbot: Any, org_id: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    person_id = staff_write.save_person(valid_card(org_id), RULES, TODAY)
    staff_write.save_person(replace(valid_card(org_id), first_name="Анастасия"), RULES, TODAY)
    monkeypatch.setattr(Ask, "confirm", staticmethod(lambda *a: pytest.fail("asked")))
    dialog = open_card(qtbot, staff.get_person(person_id), context(org_id))
    line(dialog, "phone").setText("+7 900 000-00-00")
    dialog.try_accept()
    assert dialog.result() == 1


def test_removing_a_row_makes_the_card_dirty(qtbot: Any, org_id: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_card(qtbot, valid_card(org_id), context(org_id))
    page = dialog.pages["courses"]
    page.view.selectRow(0)
    page.delete_current()
    assert dialog.is_dirty() and page.rows() == ()
    asked: list[bool] = []

    def keep_open(_parent: object) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(RecordForm, "confirm_discard", staticmethod(keep_open))
    dialog.reject()
    assert asked == [True] and dialog.isVisible()


def test_rows_are_added_and_edited_through_their_forms(qtbot: Any, org_id: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_card(qtbot, valid_card(org_id), context(org_id))
    award_page = dialog.pages["awards"]
    from ui.staff.subforms import AwardForm

    monkeypatch.setattr(AwardForm, "ask", staticmethod(
        lambda data, ctx, parent: replace(data, name="Почётная грамота")))
    award_page.add_row()
    assert [a.name for a in award_page.rows()] == ["Почётная грамота"]
    seen: list[SubformContext] = []

    def edit(data: EmploymentData, ctx: SubformContext, parent: object) -> EmploymentData:
        seen.append(ctx)
        return replace(data, load=0.5)

    monkeypatch.setattr(EmploymentForm, "ask", staticmethod(edit))
    jobs = dialog.pages["employments"]
    jobs.view.selectRow(0)
    jobs.edit_current()
    assert jobs.rows()[0].load == 0.5
    assert seen[0].birth_date == date(1990, 5, 4) and seen[0].organizations[0][0] == org_id


def test_experience_on_a_date(qtbot: Any, org_id: str) -> None:
    dialog = open_card(qtbot, valid_card(org_id), context(org_id))
    page = dialog.pages["experiences"]
    page.on_date.setText("01.03.21")
    page.on_date.editingFinished.emit()
    assert page.on_date.text() == "01.03.2021"
    results = page.results  # type: ignore[attr-defined]
    assert results["ped"].text() == "5 л. 6 мес."
    assert results["total"].text() == "7 л. 9 мес."
    assert results["position"].text() == "4 л. 6 мес.", "from the appointment"
    assert results["organization"].text() == "5 л. 6 мес.", "from hiring"
    dialog.pages["employments"].set_rows(())
    assert results["organization"].text() != "5 л. 6 мес."


def test_change_log_is_shown_in_local_time(qtbot: Any, org_id: str) -> None:
    person_id = staff_write.save_person(valid_card(org_id), RULES, TODAY)
    card = staff.get_person(person_id)
    staff_write.save_person(replace(card, phone="+7 900 111-22-33"), RULES, TODAY)
    log = tuple(staff_write.change_log(person_id))
    dialog = open_card(qtbot, staff.get_person(person_id), context(org_id, log))
    model = dialog.log_page.model
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == local_time(log[0].changed_at)
    assert first[4] == "Phone" or first[4] == "Телефон"
    assert first[5] == "+7 912 345-67-89 → +7 900 111-22-33"
    texts = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert SCHOOL.short_name in texts, "ОО ids are shown as names"


def test_course_form_checks_hours_and_notes_short_courses(qtbot: Any, org_id: str) -> None:
    form = CourseForm(CourseData(program="Программа", end_date=date(2025, 3, 1)),
                      SubformContext(RULES, today=TODAY))
    qtbot.addWidget(form)
    form.show()
    hours = form.editor("hours")
    assert isinstance(hours, QSpinBox)
    hours.setValue(36)
    assert form.hours_note.isVisible() and "72" in form.hours_note.text()
    hours.setValue(10)
    form.try_accept()
    assert form.result() == 0 and "16" in form._errors["hours"].text()
    hours.setValue(72)
    assert not form.hours_note.isVisible()
    form.try_accept()
    assert form.result() == 1 and form.result_data().hours == 72


def test_job_form_maps_the_organization_and_the_load(qtbot: Any, org_id: str) -> None:
    ctx = SubformContext(RULES, organizations=((org_id, SCHOOL.short_name), ("x", "Другая")),
                         today=TODAY)
    form = EmploymentForm(EmploymentData(), ctx)
    qtbot.addWidget(form)
    form.show()
    form.try_accept()
    assert form.result() == 0 and form._errors["organization_id"].isVisible()
    form.editor("organization_id").setCurrentIndex(0)  # type: ignore[attr-defined]
    line(form, "load").setText("abc")
    form.try_accept()
    assert form.result() == 0 and form._errors["load"].isVisible()
    line(form, "load").setText("0,5")
    line(form, "subjects").setText("физика; астрономия, математика")
    form.try_accept()
    job = form.result_data()
    assert form.result() == 1 and job.organization_id == org_id and job.load == 0.5
    assert job.organization_name == SCHOOL.short_name
    assert job.subjects == ("физика", "астрономия", "математика")


def test_job_at_an_inactive_organization_keeps_it(qtbot: Any, org_id: str) -> None:
    job = EmploymentData(organization_id="old", organization_name="Закрытая школа",
                         load=1.25, subjects=("химия",))
    form = EmploymentForm(job, SubformContext(RULES, organizations=((org_id, "МАОУ"),)))
    qtbot.addWidget(form)
    assert form.values()["organization_id"] == "old"
    assert line(form, "load").text() == "1,25"
    assert form.result_data() == job


def test_experience_form_reads_empty_numbers_as_zero(qtbot: Any, org_id: str) -> None:
    form = ExperienceForm(ExperienceData(as_of=TODAY), SubformContext(RULES, today=TODAY))
    qtbot.addWidget(form)
    form.editor("years").setValue(-1)  # type: ignore[attr-defined]
    form.try_accept()
    assert form.result() == 1 and form.result_data().years == 0


def _counting_validation(monkeypatch: pytest.MonkeyPatch) -> list[PersonCard]:
    checked: list[PersonCard] = []
    real = staff_write.validate_person

    def counted(card: PersonCard, *args: Any) -> dict[str, str]:
        checked.append(card)
        return real(card, *args)

    monkeypatch.setattr(staff_write, "validate_person", counted)
    return checked


def test_saving_the_card_validates_it_once(qtbot: Any, org_id: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _counting_validation(monkeypatch)
    saved: list[str] = []
    ctx = replace(context(org_id), save=lambda card, _also: saved.append(
        staff_write.save_person(card, RULES, TODAY)) or saved[-1])
    dialog = open_card(qtbot, valid_card(org_id), ctx)
    dialog.try_accept()
    assert dialog.result() == 1 and len(saved) == 1 and staff.count_persons() == 1
    assert len(checked) == 1


def test_the_service_refusal_is_shown_on_the_card(qtbot: Any, org_id: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _counting_validation(monkeypatch)
    ctx = replace(context(org_id),
                  save=lambda card, _also: staff_write.save_person(card, RULES, TODAY))
    dialog = open_card(qtbot, replace(valid_card(org_id), last_name=""), ctx)
    dialog.try_accept()
    assert dialog.result() == 0 and staff.count_persons() == 0 and len(checked) == 1
    assert dialog._errors["last_name"].isVisibleTo(dialog)
