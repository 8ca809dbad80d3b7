"""The people picker: the list model, the search (no case, ё as е), the chosen ids."""

from __future__ import annotations

from typing import Any

from ui.widgets.people import PeopleList, PeopleListModel, PersonChoice

PEOPLE = (PersonChoice("1", "Иванова Анна Сергеевна — Школа № 1"),
          PersonChoice("2", "Петров Пётр Ильич — Лицей"),
          PersonChoice("3", "Сидорова Алёна — Школа № 2"))


def test_the_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    qtmodeltester.check(PeopleListModel(PEOPLE))


def test_the_search_keeps_every_word_and_only_shown_people_are_chosen(qtbot: Any) -> None:
    people = PeopleList(PEOPLE)
    qtbot.addWidget(people)
    people.view.selectAll()
    assert people.chosen() == ["1", "2", "3"]
    people.search.setText("петр ЛИЦЕЙ")
    assert people.filter.rowCount() == 1
    assert people.chosen() == ["2"]
    people.search.setText("алена")
    people.view.selectAll()
    assert people.chosen() == ["3"]
