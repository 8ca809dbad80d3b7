"""The record list's item model: filter, sort, narrowing search, Qt's model contract."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt

from ui.widgets.table_model import Column, RecordTableModel, display_text


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    born: date | None
    load: float | None
    active: bool


PEOPLE = [
    Person("1", "Иванова Елена", date(1980, 5, 1), 1.0, True),
    Person("2", "Петров Сергей", date(1975, 12, 31), 0.5, False),
    Person("3", "Ёлкина Анна", None, None, True),
    Person("4", "Сидорова Елена", date(1990, 1, 15), 1.5, True),
]

COLUMNS = [
    Column("name", "ФИО", lambda p: p.name),
    Column("born", "Дата рождения", lambda p: p.born, kind="date"),
    Column("load", "Ставка", lambda p: p.load, kind="number"),
    Column("active", "Работает", lambda p: p.active, kind="bool"),
    Column("id", "Код", lambda p: p.id, hidden=True),
]


def make_model() -> RecordTableModel:
    model = RecordTableModel(COLUMNS)
    model.set_rows(PEOPLE)
    return model


def names(model: RecordTableModel) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: object) -> None:
    model = make_model()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_search("елена")
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_display_formats() -> None:
    model = make_model()
    assert model.data(model.index(0, 1)) == "01.05.1980"
    assert model.data(model.index(1, 2)) == "0,5"
    assert model.data(model.index(1, 3)) == "нет"
    assert model.data(model.index(2, 1)) == ""
    assert display_text("money", 1234.5) == "1 234,50"


def test_search_matches_all_words_in_any_visible_column() -> None:
    model = make_model()
    model.set_search("елена")
    assert names(model) == ["Иванова Елена", "Сидорова Елена"]
    model.set_search("елена 1990")
    assert names(model) == ["Сидорова Елена"]
    model.set_search("ЕЛКИНА")  # ё and е are the same letter for search
    assert names(model) == ["Ёлкина Анна"]
    model.set_search("")
    assert model.rowCount() == 4


def test_search_ignores_hidden_columns_until_shown() -> None:
    model = make_model()
    model.set_search("4")
    assert names(model) == []
    model.set_searchable([0, 1, 2, 3, 4])
    assert names(model) == ["Сидорова Елена"]


def test_narrowing_then_widening_the_search() -> None:
    model = make_model()
    model.set_search("ел")
    assert len(names(model)) == 3
    model.set_search("еле")
    assert names(model) == ["Иванова Елена", "Сидорова Елена"]
    model.set_search("е")
    assert len(names(model)) == 4


def test_sort_by_text_date_and_number_with_empty_values_last() -> None:
    model = make_model()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["Ёлкина Анна", "Иванова Елена", "Петров Сергей", "Сидорова Елена"]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(model)[:3] == ["Петров Сергей", "Иванова Елена", "Сидорова Елена"]
    assert names(model)[3] == "Ёлкина Анна"
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [p.load for p in model.visible_rows()] == [1.5, 1.0, 0.5, None]


def test_sort_keeps_the_filter_and_predicate_combines() -> None:
    model = make_model()
    model.set_search("елена")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["Сидорова Елена", "Иванова Елена"]
    model.set_predicate(lambda p: p.born is not None and p.born.year < 1985)
    assert names(model) == ["Иванова Елена"]
    model.set_predicate(None)
    assert model.total_count() == 4 and model.rowCount() == 2
