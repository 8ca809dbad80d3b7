"""The first start on an empty database: the assistant asks the names, the signers, the
sync folder (optional, checked), and offers Excel with templates or the demonstration
database; nothing is asked on a database that has data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard

from imc_desktop import config
from imc_desktop.services.common.maintenance import DatabaseInfo
from ui import first_run
from ui.first_run import DEMO, EXCEL, FirstRunWizard
from ui.main_window import MainWindow


@pytest.fixture
def wizard(qtbot: Any, russian: Any, database: DatabaseInfo,
           settings: config.Settings) -> FirstRunWizard:
    widget = FirstRunWizard(settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_assistant_walks_to_the_choice_and_saves_the_names(
        wizard: FirstRunWizard, settings: config.Settings, tmp_path: Path) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled(), "the names come filled with the defaults"
    wizard.editors[config.DEPARTMENT_NAME.key].setText("")
    assert not next_button.isEnabled(), "the department's name is required"
    wizard.editors[config.DEPARTMENT_NAME.key].setText("Управление образования Боровского МО")
    wizard.editors[config.IMC_NAME.key].setText("МКУ «Боровский ИМЦ»")
    assert next_button.isEnabled()
    wizard.next()
    wizard.editors[config.DIRECTOR_NAME.key].setText("Сидорова Ольга Ивановна")
    wizard.editors[config.EXECUTOR_NAME.key].setText("Петрова Анна Сергеевна")
    wizard.next()
    wizard.sync_folder.setText(str(tmp_path / "нет такой"))
    wizard.next()
    assert wizard.currentId() == 2, "a folder that does not exist is not accepted"
    assert "не найдена" in wizard.currentPage().problem.text()  # type: ignore[attr-defined]
    wizard.sync_folder.setText(str(tmp_path))
    wizard.next()
    assert wizard.currentId() == 3
    assert wizard.excel.isChecked() and wizard.choice() == EXCEL
    wizard.demo.setChecked(True)
    assert wizard.choice() == DEMO
    assert not wizard.template_buttons["staff"].isEnabled()
    wizard.save()
    fresh = config.Settings(settings.path)
    assert fresh.get(config.DEPARTMENT_NAME) == "Управление образования Боровского МО"
    assert fresh.get(config.IMC_NAME) == "МКУ «Боровский ИМЦ»"
    assert fresh.get(config.DIRECTOR_NAME) == "Сидорова Ольга Ивановна"
    assert fresh.get(config.EXECUTOR_NAME) == "Петрова Анна Сергеевна"
    assert fresh.get(config.SYNC_LOCATION) == str(tmp_path)


def test_the_texts_are_russian(wizard: FirstRunWizard) -> None:
    assert wizard.windowTitle() == "Первый запуск"
    assert wizard.excel.text() == "Загрузить ОО и педагогов из Excel"
    assert wizard.demo.text().startswith("Открыть демонстрационную базу")


@pytest.mark.parametrize("kind", ["organizations", "staff"])
def test_a_template_is_saved_where_chosen(wizard: FirstRunWizard, tmp_path: Path, kind: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "мой шаблон.xlsx"
    monkeypatch.setattr(first_run, "save_template_as", lambda _p, _s: target)
    for _ in range(3):
        wizard.next()
    wizard.template_buttons[kind].click()
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None and sheet.max_row == 2
    expected = "Краткое наименование" if kind == "organizations" else "Фамилия"
    assert expected in [c.value for c in sheet[1]]


def _window(qtbot: Any, settings: config.Settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window


def test_nothing_is_asked_on_a_database_with_data(qtbot: Any, demo_database: DatabaseInfo,
                                                  settings: config.Settings,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(FirstRunWizard, "ask", staticmethod(lambda *a: asked.append(a)))
    assert first_run.offer(_window(qtbot, settings), settings) is None
    assert asked == []


def test_excel_opens_the_imports_of_the_ou_then_of_the_pedagogues(
        qtbot: Any, database: DatabaseInfo, settings: config.Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, settings)
    imports: list[str] = []
    monkeypatch.setattr(FirstRunWizard, "ask", staticmethod(lambda *a: EXCEL))
    monkeypatch.setattr(window, "import_from_excel", imports.append)
    assert first_run.offer(window, settings) == EXCEL
    assert imports == ["organizations", "staff"]


def test_the_demo_starts_the_program_on_the_demo_database(
        qtbot: Any, database: DatabaseInfo, settings: config.Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, settings)
    window.show()
    started: list[bool] = []
    monkeypatch.setattr(FirstRunWizard, "ask", staticmethod(lambda *a: DEMO))
    monkeypatch.setattr(first_run, "start_demo_program", lambda: started.append(True))
    assert first_run.offer(window, settings) == DEMO
    assert started == [True] and not window.isVisible()
