"""Opening workbooks: sheets and rows, and a clear Russian message for every bad file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from imc_desktop.importers import ImportFileError, open_workbook, read_header
from imc_desktop.importers.reading import OLE_MAGIC
from imc_desktop.services.organizations.importing import ORGANIZATIONS
from tests.importers.workbooks import STAFF_HEADER, staff_kind, staff_rows, write_xlsx


def test_sheets_and_their_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "staff.xlsx", [STAFF_HEADER, *staff_rows(4)],
                      extra_sheets=["Пустой"])
    info = open_workbook(path)
    assert info.sheets == ("Лист1", "Пустой")
    assert info.rows["Лист1"] == 5


def _expect(path: Path, *fragments: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        open_workbook(path)
    message = str(caught.value)
    assert path.name in message
    for fragment in fragments:
        assert fragment in message
    return message


def test_old_xls_or_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "старый.xls"
    path.write_bytes(OLE_MAGIC + bytes(4096))
    _expect(path, "Excel 97–2003", "сохраните")


def test_password_protected_workbook(tmp_path: Path) -> None:
    """An encrypted .xlsx is an OLE compound file with an «EncryptedPackage» stream."""
    path = tmp_path / "с паролем.xlsx"
    path.write_bytes(OLE_MAGIC + bytes(1000) + "EncryptedPackage".encode("utf-16-le")
                     + bytes(3000))
    _expect(path, "защищён паролем", "снимите пароль")


def test_csv_and_renamed_text_files(tmp_path: Path) -> None:
    csv = tmp_path / "список.csv"
    csv.write_text("ФИО;ИНН\nИванова;1234567894\n", encoding="cp1251")
    _expect(csv, "CSV")
    renamed = tmp_path / "список.xlsx"
    renamed.write_text("просто текст", encoding="utf-8")
    _expect(renamed, "не является книгой Excel")
    html = tmp_path / "выгрузка.xls"
    html.write_text("<html><table><tr><td>1</td></tr></table></html>", encoding="utf-8")
    _expect(html, "веб-страница")


def test_damaged_zip(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [STAFF_HEADER, *staff_rows(200)])
    damaged = tmp_path / "обрезанный.xlsx"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _expect(damaged, "повреждён")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "архив.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "не книга")
    _expect(path, "не книга Excel")


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "пустой.xlsx"
    empty.write_bytes(b"")
    _expect(empty, "0 байт")
    with pytest.raises(ImportFileError, match="не найден"):
        open_workbook(tmp_path / "нет такого.xlsx")


def test_empty_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "пусто.xlsx", [])
    with pytest.raises(ImportFileError) as caught:
        read_header(path, "Лист1", ORGANIZATIONS)
    assert "пуст" in str(caught.value) and "пусто.xlsx" in str(caught.value)


def test_no_recognisable_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "чужая.xlsx", [("Товар", "Цена", "Количество"),
                                                ("Мел", 10, 5)])
    with pytest.raises(ImportFileError) as caught:
        read_header(path, "Лист1", staff_kind())
    message = str(caught.value)
    assert "не найдена строка заголовков" in message and "чужая.xlsx" in message


def test_unknown_sheet_is_named(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "книга.xlsx", [STAFF_HEADER])
    with pytest.raises(ImportFileError, match="нет листа «Кадры»"):
        read_header(path, "Кадры", staff_kind())


def test_real_xlsx_with_a_wrong_extension_is_read(tmp_path: Path) -> None:
    """The content decides, not the name: an .xlsx saved as «.xls» by mistake still works."""
    path = write_xlsx(tmp_path / "на самом деле xlsx.xls", [STAFF_HEADER, *staff_rows(2)])
    assert read_header(path, "Лист1", staff_kind()).header_row == 1


def test_damaged_sheet_inside_a_sound_archive(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [STAFF_HEADER, *staff_rows(2000)])
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle:middle + 200] = bytes(200)
    broken = tmp_path / "испорчен.xlsx"
    broken.write_bytes(bytes(data))
    with pytest.raises(ImportFileError) as caught:
        read_header(broken, "Лист1", staff_kind())
    assert "повреждён" in str(caught.value) and "испорчен.xlsx" in str(caught.value)


def test_a_chart_sheet_is_not_offered(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    ws.title = "Данные"
    for row in ([*STAFF_HEADER], *staff_rows(3)):
        ws.append(list(row))
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=7, min_row=1, max_row=4))
    wb.create_chartsheet("Диаграмма").add_chart(chart)
    wb.save(tmp_path / "с диаграммой.xlsx")
    assert open_workbook(tmp_path / "с диаграммой.xlsx").sheets == ("Данные",)
    with pytest.raises(ImportFileError, match="диаграмма"):
        read_header(tmp_path / "с диаграммой.xlsx", "Диаграмма", staff_kind())


def _sheet_zip(path: Path, body: bytes) -> zipfile.ZipFile:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sheet.xml", body)
    return zipfile.ZipFile(path)


def test_scan_finds_uncalculated_formulas_merges_and_the_last_row(tmp_path: Path) -> None:
    from imc_desktop.importers.scan import scan_sheet

    cells = [
        b'<row r="1"><c r="A1"><f>B1+1</f><v>3</v></c><c r="B1"><f>1+1</f><v></v></c></row>',
        b'<row r="2"><c r="A2" t="str"><f>IF(1,"","")</f><v></v></c>'
        b'<c r="B2"><f t="shared" si="0"/></c><c r="C2" s="1"><f>A1</f><v/></c></row>',
    ]
    filler = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r)
                      for r in range(3, 20_000))
    boundary = 1 << 20  # the first chunk ends between a formula and its cached value
    pad = b'<row r="60000"><c r="A60000" t="s"><v>0</v></c></row>'
    straddling = b'<row r="60001"><c r="D60001"><f>A1*2</f>'
    tail = (b'<v>5</v></c><c r="E60001"><f>A1*2</f></c></row>'
            b'<x:row r="60002"><x:c r="E60002"><x:f>A1</x:f><x:v>7</x:v></x:c></x:row>')
    head = b"<worksheet><sheetData>" + b"".join(cells) + filler
    assert len(head) + len(pad) + len(straddling) < boundary
    head += b" " * (boundary - len(head) - len(pad) - len(straddling)) + pad + straddling
    body = head + tail + (b'</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/>'
                          b'<mergeCell ref="D2:D3"/></mergeCells></worksheet>')
    scan = scan_sheet(_sheet_zip(tmp_path / "s.zip", body), "sheet.xml")
    assert scan.uncalculated == {(1, 2), (2, 2), (2, 3), (60001, 5)}
    assert scan.merged == ((1, 1, 1, 3), (2, 4, 3, 4))
    assert scan.last_row == 60002
