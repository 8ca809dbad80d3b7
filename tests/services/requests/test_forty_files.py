"""The issue's «done when»: blanks for every school of the demo district, all filled, four of
them wrong (a number as text, a missing column, another school's file, a blank of an old
template); reading them all at once takes the good ones, says why each wrong one was left,
and the summary adds up exactly the answers taken."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from exports.collection_blank import DATA_SHEET, HEADER_ROW, META_SHEET
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.requests import blanks, importing, records, reports, rules, write
from imc_desktop.services.requests.records import CollectionData
from imc_desktop.services.requests.rules import TemplateColumn

TEMPLATE = (TemplateColumn("Учителей", "number"), TemplateColumn("Вакансий", "number"),
            TemplateColumn("Есть логопед", "bool"))


def _set(path: Path, column: int, value: object) -> None:
    book = openpyxl.load_workbook(path)
    book[DATA_SHEET].cell(HEADER_ROW + 1, column, value)
    book.save(path)


def test_forty_files_with_four_wrong_ones(demo_database: DatabaseInfo, tmp_path: Path) -> None:
    collection_id = write.save_collection(CollectionData(title="Кадры", template=TEMPLATE))
    files = list(blanks.generate_blanks(collection_id, tmp_path / "out").files)
    assert len(files) == len(records.answers(collection_id)) == 40
    for n, path in enumerate(files):
        _set(path, 2, 10 + n)
        _set(path, 3, n % 4)
        _set(path, 4, "да" if n % 2 else "нет")
    as_text, no_column, other_school, old = files[3], files[7], files[11], files[15]
    _set(as_text, 2, "двадцать")
    book = openpyxl.load_workbook(no_column)
    book[DATA_SHEET].delete_cols(3)
    book.save(no_column)
    other_school.unlink()
    shutil.copy(files[12], other_school)  # school 12's blank under school 11's name
    book = openpyxl.load_workbook(old)
    book[META_SHEET].cell(4, 2, 0)  # made by an earlier version of the template
    book.save(old)
    before = {a.organization_id: a for a in records.answers(collection_id)}

    result = importing.read_returned(collection_id, files)

    assert len(result.accepted) == 36
    assert [f.path for f in result.rejected] == [as_text, no_column, other_school, old]
    messages = result.messages()
    assert "строка 6, столбец «Учителей» (B): ожидается число, а записано «двадцать»" \
        in messages[0]
    assert "нет столбца «Вакансий»" in messages[1]
    assert "но это бланк другой ОО" in messages[2]
    assert "бланк старой версии шаблона (версия 0, действует 1)" in messages[3]
    after = {a.organization_id: a for a in records.answers(collection_id)}
    left = [o for o, a in after.items() if a.status != rules.RECEIVED]
    assert len(left) == 4 and all(after[o] == before[o] for o in left)

    summary = reports.summary(collection_id)
    taken = [10 + n for n in range(40) if n not in (3, 7, 11, 15)]
    assert summary.totals[0] == sum(taken)
    assert len(summary.missing) == 4 and summary.answered == 36
