"""The import wizard driven page by page, as a user would, against a real database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import importing as org_importing
from imc_desktop.services.organizations import records as orgs
from tests.importers.test_organizations_import import DDT, POKROV, SAD, replace_cells
from tests.importers.workbooks import STAFF_HEADER, Recorder, staff_kind, staff_rows, write_xlsx
from ui.widgets.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    REFERENCES_PAGE,
    SUMMARY_PAGE,
    ImportWizard,
)
from ui.widgets.messages import Ask

HEADER = ("№", "Официальное название", "Краткое наименование", "Тип", "ИНН", "КПП",
          "Руководитель", "Телефон", "E-mail", "Контингент")


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda _p, _t, text: shown.append(text)))
    return shown


def _wizard(qtbot: Any, tmp_path: Path, kind: Any = None) -> ImportWizard:
    wizard = ImportWizard(kind or org_importing.ORGANIZATIONS, tmp_path / "mappings.json")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _combo_for(wizard: ImportWizard, column: int) -> Any:
    return wizard.mapping_page.combos[column]


def test_organizations_through_every_page(qtbot: Any, tmp_path: Path, database: DatabaseInfo,
                                          errors: list[str]) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx", [("Сведения об ОО",), HEADER, POKROV, SAD, DDT])
    wizard = _wizard(qtbot, tmp_path)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.file_page.set_path(book)
    assert wizard.file_page.sheet.currentData() == "Лист1"
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    assert _combo_for(wizard, 1).currentData() is None, "«Официальное название»: no guess"
    assert _combo_for(wizard, 2).currentData() == "short_name"
    assert not wizard.mapping_page.isComplete() and "Полное наименование" in (
        wizard.mapping_page.status.text())
    combo = _combo_for(wizard, 1)
    combo.setCurrentIndex(combo.findData("full_name"))
    assert wizard.mapping_page.isComplete()
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE, "no unknown references: that page is skipped"
    assert wizard.preview_page.model.rowCount() == 0 and wizard.preview_page.isComplete()
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE and errors == []
    assert wizard.summary is not None and wizard.summary.created == 3
    assert "3" in wizard.summary_page.result.text()
    assert wizard.summary_page.details.isHidden(), "organizations tell no details"
    assert len(orgs.list_organizations()) == 3
    remembered = json.loads((tmp_path / "mappings.json").read_text(encoding="utf-8"))
    assert "full_name" in next(iter(remembered["organizations"].values())).values()


def test_remembered_mapping_is_offered_next_time(qtbot: Any, tmp_path: Path,
                                                 database: DatabaseInfo) -> None:
    book = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV])
    first = _wizard(qtbot, tmp_path)
    first.file_page.set_path(book)
    first.next()
    _combo_for(first, 1).setCurrentIndex(_combo_for(first, 1).findData("full_name"))
    first.next()
    second = _wizard(qtbot, tmp_path)
    second.file_page.set_path(book)
    second.next()
    assert _combo_for(second, 1).currentData() == "full_name"


def test_a_field_goes_to_one_column(qtbot: Any, tmp_path: Path, database: DatabaseInfo) -> None:
    wizard = _wizard(qtbot, tmp_path)
    wizard.file_page.set_path(write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV]))
    wizard.next()
    _combo_for(wizard, 1).setCurrentIndex(_combo_for(wizard, 1).findData("short_name"))
    assert _combo_for(wizard, 2).currentData() is None
    assert wizard.mapping_page.current_mapping()[1] == "short_name"


def test_a_bad_file_shows_an_error_and_changes_nothing(qtbot: Any, tmp_path: Path,
                                                       database: DatabaseInfo,
                                                       errors: list[str]) -> None:
    good = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV])
    bad = tmp_path / "список.csv"
    bad.write_text("ФИО;ИНН\n", encoding="utf-8")
    wizard = _wizard(qtbot, tmp_path)
    assert not wizard.file_page.set_path(bad)
    assert len(errors) == 1 and "CSV" in errors[0] and "список.csv" in errors[0]
    assert wizard.path is None and not wizard.file_page.isComplete()
    wizard.file_page.set_path(good)
    assert not wizard.file_page.set_path(bad)
    assert wizard.path == good, "the previous choice stays"
    empty = write_xlsx(tmp_path / "пусто.xlsx", [])
    wizard.file_page.set_path(empty)
    wizard.next()
    assert wizard.currentId() == FILE_PAGE and "пуст" in errors[-1]
    assert orgs.list_organizations() == []


def test_rows_with_problems_block_all_or_nothing(qtbot: Any, tmp_path: Path,
                                                 database: DatabaseInfo,
                                                 errors: list[str]) -> None:
    rows = [HEADER, POKROV, replace_cells(SAD, inn="1234567895"), DDT]
    wizard = _wizard(qtbot, tmp_path)
    wizard.file_page.set_path(write_xlsx(tmp_path / "oo.xlsx", rows))
    wizard.next()
    _combo_for(wizard, 1).setCurrentIndex(_combo_for(wizard, 1).findData("full_name"))
    wizard.next()
    page = wizard.preview_page
    assert page.model.rowCount() == 1
    problem = page.model.row_at(0)
    assert (problem.row, problem.field) == (3, "ИНН")
    assert not page.isComplete() and page.hint.text()
    page.valid_only.setChecked(True)
    assert page.isComplete() and not page.hint.text()
    page.dry_run()
    assert "2" in page.outcome.text() and orgs.list_organizations() == []
    wizard.next()
    assert wizard.summary is not None and wizard.summary.created == 2
    assert wizard.summary_page.model.rowCount() == 1
    assert wizard.summary_page.model.row_at(0)[0] == 3
    assert len(orgs.list_organizations()) == 2 and errors == []


def test_unknown_references_are_resolved_on_their_page(qtbot: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       errors: list[str]) -> None:
    recorder = Recorder()
    kind = staff_kind(recorder)
    monkeypatch.setitem(importing.KINDS, kind.name, kind)
    data = [list(r) for r in staff_rows(3)]
    data[1][4], data[2][4] = "Школа № 99", "Закрытая школа"
    wizard = _wizard(qtbot, tmp_path, kind)
    wizard.file_page.set_path(write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *data]))
    wizard.next()
    wizard.next()
    assert wizard.currentId() == REFERENCES_PAGE
    combos = wizard.references_page.combos
    assert set(combos) == {"Школа № 99", "Закрытая школа"}
    combos["Школа № 99"].setCurrentIndex(combos["Школа № 99"].findData("org-2"))
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE and wizard.preview_page.isComplete()
    assert wizard.preview is not None and wizard.preview.counts.skipped == 1
    wizard.next()
    rows, _options = recorder.calls[0]
    assert [r.values["organization"] for r in rows] == ["org-1", "org-2"]
    assert wizard.summary is not None and wizard.summary.skipped[0][0] == 4


def test_ask_with_an_unknown_kind_explains(errors: list[str], qtbot: Any,
                                           tmp_path: Path) -> None:
    assert ImportWizard.ask("кадры", tmp_path / "m.json") is None
    assert "Допустимые" in errors[0]


def test_ask_returns_what_the_import_did(qtbot: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImportWizard, "exec", lambda self: 0)
    assert ImportWizard.ask("organizations", tmp_path / "m.json") is None


def test_browse_sets_the_chosen_file(qtbot: Any, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    book = write_xlsx(tmp_path / "oo.xlsx", [HEADER, POKROV], extra_sheets=["Второй"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a: (str(book), "")))
    wizard = _wizard(qtbot, tmp_path)
    wizard.file_page.browse()
    assert wizard.path == book and wizard.file_page.sheet.count() == 2
    assert wizard.file_page.sheet.itemData(0) == "Лист1"
    assert "2" in wizard.file_page.sheet.itemText(0), "with its number of rows"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_fpu_import_shows_what_changed(qtbot: Any, tmp_path: Path, database: DatabaseInfo,
                                         errors: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.importers.test_literature_import import FPU_DETAILS, fpu_changes_file

    book = fpu_changes_file(tmp_path)
    wizard = _wizard(qtbot, tmp_path, importing.get_kind("fpu"))
    wizard.file_page.set_path(book)
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentId() == PREVIEW_PAGE and page.isComplete()
    assert page.details.isHidden()
    page.dry_run()
    assert not page.details.isHidden() and page.details.lines() == list(FPU_DETAILS)
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE and errors == []
    details = wizard.summary_page.details
    assert details.isVisible() and details.lines() == list(FPU_DETAILS)
    assert details.text.isReadOnly()
    assert details.caption.text() != page.details.caption.text(), "done, not «would»"
    details.copy_button.click()
    assert QApplication.clipboard().text() == "\n".join(FPU_DETAILS)


def test_the_first_page_lists_the_columns_and_saves_the_template_which_then_imports(
        qtbot: Any, tmp_path: Path, database: DatabaseInfo, errors: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.widgets.import_wizard as wizard_module

    wizard = _wizard(qtbot, tmp_path)
    text = wizard.file_page.columns.text()
    assert "<b>Краткое наименование</b>" in text and "ИНН" in text and "<b>ИНН</b>" not in text
    target = tmp_path / "шаблон ОО.xlsx"
    monkeypatch.setattr(wizard_module, "template_path", lambda _p, _s: target)
    wizard.file_page.template_button.click()
    assert wizard.file_page.set_path(target)
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    assert wizard.mapping_page.isComplete(), "the template's headings map by themselves"
    assert errors == []
