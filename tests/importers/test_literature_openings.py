"""The opening balance of a holder on a date is one document: importing it again updates it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from imc_desktop import importers
from imc_desktop.importers import ImportFailed, ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.organizations import records as orgs
from tests.importers.workbooks import write_xlsx

HEADER = ["Наименование", "Автор", "Класс", "ОО", "Количество", "Дата остатков"]
DAY = date(2025, 9, 1)
PHYSICS = ["Физика", "Пёрышкин А.В.", "7", "Школа А", 12, DAY]
ALGEBRA = ["Алгебра", "Макарычев Ю.Н.", "8", "Школа А", 20, DAY]
BAD = ["Химия", "Габриелян О.С.", "13", "Школа А", 9, DAY]
FIXED = ["Химия", "Габриелян О.С.", "8", "Школа А", 9, DAY]
FUND = ["Физика", "Пёрышкин А.В.", "7", None, 5, DAY]


def run(path: Path, dry_run: bool = False, valid_only: bool = False
        ) -> importers.ImportSummary:
    kind = importing.get_kind("literature")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run, valid_only=valid_only))


def stock(tmp_path: Path, *rows: list[object], name: str = "stock.xlsx") -> Path:
    return write_xlsx(tmp_path / name, [HEADER, *rows])


def held(school: str) -> dict[str, int]:
    return {r.label: r.quantity for r in bal.balances(DAY, school)}


def openings() -> list[docs.DocumentRow]:
    return [r for r in docs.list_documents() if r.kind == docs.OPENING]


@pytest.fixture()
def school(database: DatabaseInfo) -> str:
    return orgs.save_organization(orgs.OrganizationData(full_name="Школа А",
                                                        short_name="Школа А"))


# (first file, second file, balances of the school after both, what the second run says)
CASES = [
    pytest.param([PHYSICS, ALGEBRA], [PHYSICS, ALGEBRA],
                 {"Пёрышкин А.В. Физика": 12, "Макарычев Ю.Н. Алгебра": 20},
                 ("Ввод остатков № 1 от 01.09.2025 (Школа А): без изменений, остатки не "
                  "добавлены второй раз",), id="the same file twice"),
    pytest.param([PHYSICS, ALGEBRA, BAD], [PHYSICS, ALGEBRA, FIXED],
                 {"Пёрышкин А.В. Физика": 12, "Макарычев Ю.Н. Алгебра": 20,
                  "Габриелян О.С. Химия": 9},
                 ("Ввод остатков № 1 от 01.09.2025 (Школа А): обновлён — «Габриелян О.С. "
                  "Химия»: добавлено 9 экз.",), id="valid rows, then the whole fixed file"),
    pytest.param([PHYSICS], [[*PHYSICS[:4], 14, DAY]], {"Пёрышкин А.В. Физика": 14},
                 ("Ввод остатков № 1 от 01.09.2025 (Школа А): обновлён — «Пёрышкин А.В. "
                  "Физика»: 12 → 14 экз.",), id="a corrected quantity replaces the old one"),
    pytest.param([PHYSICS], [[*PHYSICS[:4], 1, DAY]], {"Пёрышкин А.В. Физика": 1},
                 ("Ввод остатков № 1 от 01.09.2025 (Школа А): обновлён — «Пёрышкин А.В. "
                  "Физика»: 12 → 1 экз.",), id="down to one copy"),
    pytest.param([PHYSICS, ALGEBRA], [ALGEBRA],
                 {"Пёрышкин А.В. Физика": 12, "Макарычев Ю.Н. Алгебра": 20},
                 ("Ввод остатков № 1 от 01.09.2025 (Школа А): без изменений, остатки не "
                  "добавлены второй раз",), id="a title the file leaves out keeps its line"),
    pytest.param([PHYSICS], [[*PHYSICS[:5], date(2025, 9, 2)]],
                 {"Пёрышкин А.В. Физика": 12},
                 ("Ввод остатков № 2 от 02.09.2025 (Школа А): новый документ, 1 наим., "
                  "12 экз.",), id="another date is another document"),
]


@pytest.mark.parametrize(("first", "second", "balances", "details"), CASES)
def test_importing_an_opening_balance_again_updates_it(
        school: str, tmp_path: Path, first: list[list[object]], second: list[list[object]],
        balances: dict[str, int], details: tuple[str, ...]) -> None:
    run(stock(tmp_path, *first), valid_only=True)
    path = stock(tmp_path, *second, name="again.xlsx")
    before = held(school)
    dry = run(path, dry_run=True)
    assert held(school) == before, "a dry run writes nothing"
    summary = run(path)
    assert dry.details == summary.details == details, "the dry run says the same"
    if second[0][5] == DAY:
        assert held(school) == balances
        assert len(openings()) == 1, "one document per holder and date"
    assert bal.quantity(held_id(), bal.IMC_HOLDER, DAY) == 0


def held_id() -> str:
    return next(t.id for t in lit.list_titles() if t.title == "Физика") or ""


def test_holders_keep_their_own_documents(school: str, tmp_path: Path) -> None:
    path = stock(tmp_path, PHYSICS, FUND)
    first = run(path)
    assert first.details == (
        "Ввод остатков № 1 от 01.09.2025 (Школа А): новый документ, 1 наим., 12 экз.",
        "Ввод остатков № 2 от 01.09.2025 (Фонд ИМЦ): новый документ, 1 наим., 5 экз.")
    run(path)
    assert bal.quantity(held_id(), school, DAY) == 12
    assert bal.quantity(held_id(), bal.IMC_HOLDER, DAY) == 5
    assert len(openings()) == 2


def test_a_lower_opening_balance_than_was_issued_since_is_refused(
        school: str, tmp_path: Path) -> None:
    run(stock(tmp_path, PHYSICS))
    issued = docs.save_document(docs.DocumentData(
        kind=docs.RETURN, doc_date=date(2025, 10, 1), from_org_id=school,
        lines=(docs.LineData(held_id(), 10, Decimal(0)),)))
    docs.post_document(issued)
    path = stock(tmp_path, [*PHYSICS[:4], 5, DAY], name="less.xlsx")
    with pytest.raises(ImportFailed) as caught:
        run(path)
    message = str(caught.value)
    assert message.startswith("Строки 2, поле «Количество»: ввод остатков № 1 от 01.09.2025 "
                              "(Школа А) уже проведён")
    assert "«Пёрышкин А.В. Физика» — Школа А: не хватает 5 экз. на 01.10.2025" in message
    assert bal.quantity(held_id(), school, DAY) == 12, "nothing is written"
