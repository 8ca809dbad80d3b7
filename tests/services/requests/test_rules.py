"""The rules of requests and monitorings, at their boundaries: the deadline's hour, the three
days of «скоро», the blank's name on Windows, the template's checks, the reminder."""

from __future__ import annotations

from datetime import datetime

from imc_desktop.services.requests import rules
from imc_desktop.services.requests.rules import Debtor, TemplateColumn

DEADLINE = datetime(2026, 3, 12, 15, 0)


def test_the_deadline_s_hour_passed_is_overdue_a_minute_before_it_is_not() -> None:
    assert rules.deadline_state(DEADLINE, datetime(2026, 3, 12, 15, 0)) == "overdue"
    assert rules.deadline_state(DEADLINE, datetime(2026, 3, 12, 14, 59)) == "soon"


def test_soon_is_three_calendar_days_ahead_not_four() -> None:
    assert rules.deadline_state(DEADLINE, datetime(2026, 3, 9, 8, 0)) == "soon"
    assert rules.deadline_state(DEADLINE, datetime(2026, 3, 8, 23, 59)) == ""


def test_a_request_answered_or_without_a_deadline_is_never_due() -> None:
    assert rules.deadline_state(DEADLINE, datetime(2026, 4, 1), done=True) == ""
    assert rules.deadline_state(None, datetime(2026, 4, 1)) == ""


def test_the_deadline_is_said_as_the_letters_say_it() -> None:
    assert rules.deadline_text(DEADLINE) == "до 15:00 12.03.2026"
    assert rules.deadline_text(datetime(2026, 3, 12)) == "до 12.03.2026"


def test_the_blank_s_name_has_no_character_windows_refuses() -> None:
    name = rules.blank_name('Кадры: "учителя" 2026/27', 'МБОУ «СОШ № 1»')
    assert name == "Кадры учителя 2026 27 — МБОУ «СОШ № 1».xlsx"
    assert not set('<>:"/\\|?*') & set(name)


def test_the_ou_is_read_back_from_the_blank_s_name_and_from_a_second_download() -> None:
    title = "Кадры: учителя"
    assert rules.organization_from_name("Кадры учителя — МБОУ СОШ № 1.xlsx", title) \
        == "МБОУ СОШ № 1"
    assert rules.organization_from_name("Кадры учителя — МБОУ СОШ № 1 (1).XLSX", title) \
        == "МБОУ СОШ № 1"
    assert rules.organization_from_name("ответ школы.xlsx", title) is None


def test_a_template_is_checked_column_by_column() -> None:
    good = [TemplateColumn("Учителей", "number"),
            TemplateColumn("Есть кабинет", "bool"),
            TemplateColumn("Форма", "choice", ("очная", "заочная"))]
    assert rules.template_problems(good, "row", "") == []
    assert rules.template_problems([], "row", "") == ["В шаблоне нет ни одного столбца."]
    twice = rules.template_problems([TemplateColumn("Учителей"), TemplateColumn("учителей")],
                                    "row", "")
    assert twice == ["Столбец 2: заголовок «учителей» повторяется."]
    assert rules.template_problems([TemplateColumn("Форма", "choice")], "row", "") \
        == ["Столбец «Форма»: перечислите значения для выбора."]
    assert "запятую" in rules.template_problems(
        [TemplateColumn("Форма", "choice", ("да, конечно", "нет"))], "row", "")[0]
    clash = rules.template_problems([TemplateColumn("ФИО педагога")], "table", "staff")
    assert clash == ["Столбец 1: заголовок «ФИО педагога» повторяется."]
    assert rules.template_problems([TemplateColumn("Учителей")], "row", "staff") == [
        "Список из модуля (педагоги, оборудование) заполняет только таблицу на ОО."]


def test_the_template_keeps_its_columns_through_json() -> None:
    columns = (TemplateColumn("Форма", "choice", ("очная", "заочная")),
               TemplateColumn("Дата", "date"))
    assert rules.template_from_json(rules.template_to_json(columns)) == columns


def test_a_table_per_ou_starts_with_the_module_s_list_a_row_per_ou_does_not() -> None:
    template = (TemplateColumn("Курсы пройдены", "bool"),)
    assert [c.title for c in rules.sheet_columns("table", "staff", template)] == [
        "ФИО педагога", "Должность", "Курсы пройдены"]
    assert rules.sheet_columns("row", "staff", template) == template


def test_the_reminder_names_every_ou_and_collects_their_addresses() -> None:
    debtors = [Debtor("МБОУ СОШ № 1", "Иванова И. И.", "+7 1", "sosh1@obr.ru"),
               Debtor("МБОУ СОШ № 2", "Петров П. П.", "", "")]
    before = rules.reminder_text("Кадры", DEADLINE, debtors, datetime(2026, 3, 11), "ИМЦ")
    assert "необходимо представить до 15:00 12.03.2026" in before
    assert "1. МБОУ СОШ № 1\n2. МБОУ СОШ № 2" in before
    assert before.endswith("Адреса для рассылки: sosh1@obr.ru")
    late = rules.reminder_text("Кадры", DEADLINE, debtors, datetime(2026, 3, 12, 15, 1))
    assert "истёк" in late
    assert rules.reminder_text("Кадры", DEADLINE, [], datetime(2026, 3, 11)) == ""


def test_totals_add_numbers_only() -> None:
    assert rules.number_total([1, 2.5, None, "пять", True]) == 3.5
    assert rules.number_total([3, 4]) == 7
    assert rules.number_total([None, ""]) is None
