"""Imports of the federal list (ФПУ) and of titles with opening balances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from imc_desktop import clock, importers
from imc_desktop.importers import ImportOptions
from imc_desktop.services.common import importing
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.literature import balances as bal
from imc_desktop.services.literature import documents as docs
from imc_desktop.services.literature import records as lit
from imc_desktop.services.literature import rules
from imc_desktop.services.organizations import records as orgs
from tests.importers.workbooks import write_xlsx

FPU_HEADER = ["Порядковый номер учебника", "Наименование учебного предмета", "Автор/авторский "
              "коллектив", "Наименование учебника", "Класс", "Наименование издателя(ей) учебника",
              "Уровень", "Срок использования"]
STOCK_HEADER = ["Вид издания", "Автор", "Наименование", "Класс", "ISBN", "Цена", "ОО",
                "Количество", "Дата остатков"]


def run(kind_name: str, path: Path, dry_run: bool = False) -> importers.ImportSummary:
    kind = importing.get_kind(kind_name)
    header = importers.find_sheet(path, kind)
    mapping = importers.guess_mapping(header.headers, kind)
    preview = importers.prepare(path, header.sheet, kind, mapping)
    assert preview.problems() == []
    return importers.run(preview, kind, ImportOptions(dry_run=dry_run))


def fpu_file(tmp_path: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(tmp_path / "fpu.xlsx", [["Федеральный перечень учебников"], [],
                                              FPU_HEADER, *rows])


ROWS: list[list[object]] = [
    ["1.1.1.1.1.1", "Русский язык", "Канакина В.П.", "Русский язык", "1", "Просвещение",
     "базовый", None],
    ["1.1.1.1.1.2", "Русский язык", "Канакина В.П.", "Русский язык", "2", "Просвещение",
     "базовый", None],
    ["1.1.2.4.1.1", "Математика", "Виленкин Н.Я.", "Математика", "5", "Просвещение", "",
     date(2027, 8, 31)],
]


def test_the_federal_list_creates_updates_and_excludes(database: DatabaseInfo,
                                                       tmp_path: Path) -> None:
    assert run("fpu", fpu_file(tmp_path, ROWS), dry_run=True).created == 3
    assert lit.list_titles() == []
    summary = run("fpu", fpu_file(tmp_path, ROWS))
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    by_number = {t.fpu_number: t for t in lit.list_titles()}
    excluded = by_number["1.1.2.4.1.1"]
    assert (excluded.fpu_status, excluded.use_until) == (lit.EXCLUDED, date(2027, 8, 31))
    assert by_number["1.1.1.1.1.2"].fpu_status == lit.IN_LIST
    changed = [ROWS[0], [*ROWS[1][:6], "базовый", date(2026, 8, 31)],
               [*ROWS[2][:7], None], ["1.1.3.1.1.1", "Физика", "Пёрышкин А.В.", "Физика", "7",
                                      "Дрофа", "", None]]
    summary = run("fpu", fpu_file(tmp_path, changed))
    assert (summary.created, summary.updated, summary.unchanged) == (1, 2, 1)
    by_number = {t.fpu_number: t for t in lit.list_titles()}
    assert by_number["1.1.1.1.1.2"].fpu_status == lit.EXCLUDED
    assert (by_number["1.1.2.4.1.1"].fpu_status, by_number["1.1.2.4.1.1"].use_until) == (
        lit.IN_LIST, None)
    assert len(by_number) == 4


def test_a_bad_class_or_isbn_is_reported_by_row(database: DatabaseInfo, tmp_path: Path) -> None:
    path = fpu_file(tmp_path, [[*ROWS[0][:4], "12", *ROWS[0][5:]]])
    kind = importing.get_kind("fpu")
    header = importers.find_sheet(path, kind)
    preview = importers.prepare(path, header.sheet, kind,
                                importers.guess_mapping(header.headers, kind))
    (problem,) = preview.problems()
    assert (problem.row, problem.field) == (4, "Класс")


def test_titles_and_opening_balances_come_through_a_posted_document(
        database: DatabaseInfo, tmp_path: Path) -> None:
    school = orgs.save_organization(orgs.OrganizationData(full_name="Школа А",
                                                          short_name="Школа А"))
    existing = lit.save_title(lit.TitleData(title="Физика", isbn="978-0-306-40615-7",
                                            grades="7"))
    day = date(2025, 9, 1)
    path = write_xlsx(tmp_path / "stock.xlsx", [STOCK_HEADER, *[
        ["учебник", "Пёрышкин А.В.", "Физика", "7", "9780306406157", 600, "Школа А", 12, day],
        ["учебник", "Пёрышкин А.В.", "Физика", "7", "9780306406157", 600, None, 5, day],
        ["методическое пособие", "Иванова А.А.", "Методика", None, None, "150,5", None, 3, day],
        ["учебник", "Пёрышкин А.В.", "Физика", "7", "9780306406157", 600, "Школа А", 2, day],
    ]])
    summary = run("literature", path)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 2), \
        "the first «Физика» row fills in the authors and the price"
    assert summary.details == (
        "Ввод остатков № 1 от 01.09.2025 (Школа А): новый документ, 1 наим., 14 экз.",
        "Ввод остатков № 2 от 01.09.2025 (Фонд ИМЦ): новый документ, 2 наим., 8 экз.")
    physics = next(t for t in lit.list_titles() if t.id == existing)
    assert (physics.authors, physics.price, physics.isbn) == (
        "Пёрышкин А.В.", Decimal("600.00"), "978-0-306-40615-7"), "one ISBN, kept as written"
    method = next(t for t in lit.list_titles() if t.title == "Методика")
    assert method.kind == "методическое пособие" and method.price == Decimal("150.50")
    assert bal.quantity(existing, school, day) == 14
    assert bal.quantity(existing, bal.IMC_HOLDER, day) == 5
    assert bal.quantity(method.id or "", bal.IMC_HOLDER, day) == 3
    opening = [r for r in docs.list_documents() if r.kind == docs.OPENING]
    assert len(opening) == 2 and all(r.posted for r in opening)
    assert sorted(r.number for r in opening) == ["1", "2"]
    assert {r.amount for r in opening} == {Decimal("8400.00"), Decimal("3451.50")}


@pytest.mark.parametrize("kind", ["fpu", "literature"])
def test_the_kinds_are_registered(kind: str) -> None:
    assert importing.get_kind(kind).name == kind


def test_the_literature_kind_updates_the_filled_cells_of_a_found_title(
        database: DatabaseInfo, tmp_path: Path) -> None:
    by_isbn = lit.save_title(lit.TitleData(title="Физика", isbn="978-0-306-40615-7",
                                           grades="7", publisher="Дрофа"))
    by_number = lit.save_title(lit.TitleData(title="Химия", fpu_number="1.1.3.5.1.1",
                                             grades="8"))
    by_name = lit.save_title(lit.TitleData(title="Методика", authors="Иванова А.А.",
                                           kind="методическое пособие", year=2020))
    header = ["Вид издания", "Автор", "Наименование", "Класс", "ISBN", "Номер ФПУ",
              "Год издания", "Издательство", "Цена"]
    rows: list[list[object]] = [
        [None, "Пёрышкин А.В.", "Физика", "7", "9780306406157", None, None, None, 600],
        [None, "Габриелян О.С.", "Химия", "8-9", None, "1.1.3.5.1.1", None, "Просвещение",
         None],
        [None, "Иванова А.А.", "МЕТОДИКА", None, None, None, 2020, "ИРО", None],
        ["методическое пособие", "Иванова А.А.", "МЕТОДИКА", None, None, None, 2020, "ИРО",
         None],
    ]
    path = write_xlsx(tmp_path / "titles.xlsx", [header, *rows])
    assert run("literature", path, dry_run=True).updated == 3
    assert lit.get_title(by_isbn).authors == "", "a dry run writes nothing"
    summary = run("literature", path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 3, 1)
    physics, chemistry, method = (lit.get_title(i) for i in (by_isbn, by_number, by_name))
    assert (physics.authors, physics.price, physics.publisher) == (
        "Пёрышкин А.В.", Decimal("600.00"), "Дрофа"), "an empty cell erases nothing"
    assert (chemistry.authors, chemistry.grades, chemistry.publisher) == (
        "Габриелян О.С.", "8–9", "Просвещение")
    assert (method.title, method.publisher, method.kind) == (
        "МЕТОДИКА", "ИРО", "методическое пособие")
    assert run("literature", path).updated == 0, "the same file again changes nothing"
    assert len(lit.list_titles()) == 3


# ------------------------------------------------------------ what a ФПУ import changed

MATH, PHYSICS = ROWS[2], ["1.1.3.1.1.1", "Физика", "Пёрышкин А.В.", "Физика", "7", "Дрофа",
                          "", date(2026, 5, 31)]
CHANGED_FPU: list[list[object]] = [
    ROWS[0],
    [*ROWS[1][:7], date(2026, 8, 31)],
    [*MATH[:7], None],
    [*PHYSICS[:7], date(2027, 5, 31)],
]
FPU_DETAILS = (
    "Исключён из ФПУ: № 1.1.1.1.1.2 «Канакина В.П. Русский язык» (2 кл.), использовать до "
    "31.08.2026; в ОО на руках 15 экз.",
    "Всего в ОО экземпляров учебников, исключённых этим импортом: 15.",
    "Возвращён в ФПУ: № 1.1.2.4.1.1 «Виленкин Н.Я. Математика» (5 кл.).",
    "Новый срок «использовать до»: № 1.1.3.1.1.1 «Пёрышкин А.В. Физика» (7 кл.): "
    "31.05.2026 → 31.05.2027.",
)


def fpu_changes_file(tmp_path: Path) -> Path:
    """On the current database: the list of ROWS and PHYSICS, two schools holding 12 and 3
    copies of «Русский язык, 2» (the ИМЦ fund 5); returns a list that changes it."""
    run("fpu", fpu_file(tmp_path, [*ROWS, PHYSICS]))
    for name in ("Школа А", "Школа Б"):
        orgs.save_organization(orgs.OrganizationData(full_name=name, short_name=name))
    day = date(2025, 9, 1)
    run("literature", write_xlsx(tmp_path / "stock.xlsx", [
        ["Номер ФПУ", "Наименование", "ОО", "Количество", "Дата остатков"],
        ["1.1.1.1.1.2", "Русский язык", "Школа А", 12, day],
        ["1.1.1.1.1.2", "Русский язык", "Школа Б", 3, day],
        ["1.1.1.1.1.2", "Русский язык", None, 5, day],
        ["1.1.1.1.1.1", "Русский язык", "Школа А", 7, day],
    ]))
    return write_xlsx(tmp_path / "fpu-2.xlsx", [FPU_HEADER, *CHANGED_FPU])


def test_a_fpu_import_tells_what_changed_in_the_list(database: DatabaseInfo,
                                                     tmp_path: Path) -> None:
    path = fpu_changes_file(tmp_path)
    dry = run("fpu", path, dry_run=True)
    assert dry.details == FPU_DETAILS, "a dry run shows what would change"
    assert {t.fpu_number: t.fpu_status for t in lit.list_titles()}["1.1.1.1.1.2"] == lit.IN_LIST
    summary = run("fpu", path)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 3, 1)
    assert summary.details == FPU_DETAILS
    assert run("fpu", path).details == (), "nothing changes the second time"


def test_a_title_excluded_without_copies_or_date(database: DatabaseInfo,
                                                 tmp_path: Path) -> None:
    run("fpu", fpu_file(tmp_path, ROWS[:1]))
    header = [*FPU_HEADER, "Статус"]
    path = write_xlsx(tmp_path / "fpu-2.xlsx", [header, [*ROWS[0], "исключён"],
                                                [*ROWS[1], None]])
    today = clock.today()
    assert run("fpu", path).details == (
        "Исключён из ФПУ: № 1.1.1.1.1.1 «Канакина В.П. Русский язык» (1 кл.), использовать "
        f"до {rules.add_years(today, 5):%d.%m.%Y} (5 лет от исключения "
        f"{today:%d.%m.%Y}); в ОО экземпляров нет.",
        "Всего в ОО экземпляров учебников, исключённых этим импортом: 0.")


@pytest.mark.parametrize(("status", "excluded_on", "kept"), [
    ("исключён", date(2024, 9, 1), date(2024, 9, 1)),
    (None, date(2024, 9, 1), date(2024, 9, 1)),  # the date alone says it is excluded
    ("исключён", None, "today"),
    (None, None, None),
])
def test_a_fpu_import_keeps_the_date_of_exclusion(database: DatabaseInfo, tmp_path: Path,
                                                  status: str | None,
                                                  excluded_on: date | None,
                                                  kept: object) -> None:
    header = [*FPU_HEADER, "Статус", "Дата исключения"]
    path = write_xlsx(tmp_path / "fpu.xlsx", [header, [*ROWS[0], status, excluded_on]])
    run("fpu", path)
    (title,) = lit.list_titles()
    assert title.excluded_on == (clock.today() if kept == "today" else kept)
    run("fpu", write_xlsx(tmp_path / "back.xlsx", [header, [*ROWS[0], None, None]]))
    assert (lit.list_titles()[0].fpu_status, lit.list_titles()[0].excluded_on) == (
        lit.IN_LIST, None), "a title back in the list has no exclusion date"
