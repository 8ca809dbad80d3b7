"""The condition words the equipment import knows, affirmed and negated."""

from __future__ import annotations

import pytest

from imc_desktop.services.equipment import records as eq
from imc_desktop.services.equipment.importing import check_row, status_of


@pytest.mark.parametrize(("text", "status"), [
    # in use
    ("в эксплуатации", eq.IN_USE), ("В эксплуатации", eq.IN_USE),
    ("эксплуатируется", eq.IN_USE), ("исправен", eq.IN_USE), ("исправно", eq.IN_USE),
    ("работает", eq.IN_USE), ("рабочее", eq.IN_USE), ("в рабочем состоянии", eq.IN_USE),
    # out of order is never «в эксплуатации»
    ("неисправен", eq.TO_WRITE_OFF), ("Неисправно", eq.TO_WRITE_OFF),
    ("не исправен", eq.TO_WRITE_OFF), ("не работает", eq.TO_WRITE_OFF),
    ("нерабочее", eq.TO_WRITE_OFF), ("не рабочий", eq.TO_WRITE_OFF),
    ("сломан", eq.TO_WRITE_OFF),
    ("неисправно, требует ремонта", eq.IN_REPAIR), ("не работает, в ремонте", eq.IN_REPAIR),
    ("требует ремонта", eq.IN_REPAIR),
    # the others
    ("в ремонте", eq.IN_REPAIR), ("ремонт", eq.IN_REPAIR),
    ("резерв", eq.RESERVE), ("в резерве", eq.RESERVE), ("на складе", eq.RESERVE),
    ("к списанию", eq.TO_WRITE_OFF), ("подлежит списанию", eq.TO_WRITE_OFF),
    ("списано", eq.WRITTEN_OFF), ("Списан", eq.WRITTEN_OFF),
    # negated words that say nothing certain
    ("не в эксплуатации", None), ("не эксплуатируется", None), ("не в ремонте", None),
    ("не в резерве", None), ("не списано", None), ("не к списанию", None),
    ("", None), ("хорошее", None),
])
def test_condition_words_are_read_as_whole_words(text: str, status: str | None) -> None:
    assert status_of(text) == status


@pytest.mark.parametrize("text", ["не в эксплуатации", "хорошее", "не списано"])
def test_an_unclear_condition_is_a_problem_of_the_row(text: str) -> None:
    assert "Состояние" in check_row({"inventory_number": "1", "name": "ПК",
                                     "status": text})["status"]
