"""The .pdf renderer: text is extracted with pypdf; fonts and page numbers are checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest

from exports import FontNotFoundError, ReportColumn, ReportStyle
from exports import fonts as fonts_module
from exports.fonts import find_cyrillic_font
from exports.model import Report
from exports.pdf_writer import write_pdf

from .conftest import course_rows, make_report

MM = 72 / 25.4
pytestmark = pytest.mark.usefixtures("pdf_font")


def _render(tmp_path: Path, report: Report, **style: Any) -> pypdf.PdfReader:
    path = tmp_path / "отчёт.pdf"
    write_pdf(report, path, ReportStyle(**style))
    return pypdf.PdfReader(str(path))


def _texts_with_y(page: pypdf.PageObject) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((text.strip(), float(tm[5]) * float(cm[3]) + float(cm[5])))

    page.extract_text(visitor_text=visit)
    return found


def _many_rows_report() -> Report:
    return make_report(course_rows(120))


def test_cyrillic_text_comes_back(tmp_path: Path, report: Report) -> None:
    pages = _render(tmp_path, report).pages
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)  # cells may wrap
    for expected in ("ОТЧЁТ", "УТВЕРЖДАЮ", "Информационно-методический центр",
                     "Щукина Жанна Эдуардовна", "Итого по группе", "Всего",
                     "Исполнитель: Смирнова Вера Геннадьевна", "А.Б. Сидорова", "05.11.2025"):
        assert expected in text
    assert "1\u00a0234,50" in text or "1 234,50" in text


def test_font_is_embedded(tmp_path: Path, report: Report) -> None:
    reader = _render(tmp_path, report)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
            else font
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()


def test_page_numbers_from_second_page(tmp_path: Path) -> None:
    reader = _render(tmp_path, _many_rows_report())
    assert len(reader.pages) >= 3
    height = float(reader.pages[0].mediabox.height)
    top_margin_zone = height - 20 * MM
    first = _texts_with_y(reader.pages[0])
    assert not [t for t, y in first if y > top_margin_zone]
    for number in (2, 3):
        items = _texts_with_y(reader.pages[number - 1])
        assert (str(number), pytest.approx(height - 10 * MM, abs=6 * MM)) in [
            (t, y) for t, y in items if y > top_margin_zone
        ]


def test_many_rows_give_several_pages_with_header_repeated(tmp_path: Path) -> None:
    reader = _render(tmp_path, _many_rows_report())
    assert len(reader.pages) >= 3
    texts = [page.extract_text() for page in reader.pages]
    with_rows = [t for t in texts if "Петров Пётр Петрович" in t]
    assert len(with_rows) >= 3
    assert all("ФИО педагога" in t for t in with_rows)  # header repeated on every page
    assert "Всего" in texts[-1] or "Всего" in texts[-2]
    assert "тел. 8 (38340) 2-12-34" in texts[-1]


def test_landscape_for_wide_tables(tmp_path: Path) -> None:
    cols = tuple(ReportColumn(f"Столбец {i}") for i in range(9))
    reader = _render(tmp_path, make_report([tuple("ж" for _ in range(9))], columns=cols))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_long_text_wraps_inside_cells(tmp_path: Path) -> None:
    long_name = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»"
    rows = [(long_name, "Иванов", None, 1, None)]
    text = _render(tmp_path, make_report(rows, group_by=None)).pages[0].extract_text()
    line = next(t for t in text.splitlines() if "Муниципальное" in t)
    assert "учреждение" not in line and "учреждение" in text


def test_user_font_file_is_used(tmp_path: Path, report: Report) -> None:
    found = find_cyrillic_font()
    reader = _render(tmp_path, report, pdf_font_path=found.regular)
    names = [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert names


def test_font_not_found_has_russian_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: Report
) -> None:
    monkeypatch.setattr(fonts_module, "search_dirs", lambda: [])
    bad = tmp_path / "нет такого.ttf"
    with pytest.raises(FontNotFoundError) as info:
        find_cyrillic_font(bad)
    assert "Не найден шрифт с кириллицей" in str(info.value)
    assert "Сервис → Настройки → Отчёты" in str(info.value)
    with pytest.raises(FontNotFoundError):
        write_pdf(report, tmp_path / "r.pdf", ReportStyle(pdf_font_path=bad))
    assert not list(tmp_path.iterdir())


def test_font_without_cyrillic_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"not a font")
    monkeypatch.setattr(fonts_module, "search_dirs", lambda: [tmp_path])
    with pytest.raises(FontNotFoundError):
        find_cyrillic_font(not_a_font)


def test_font_search_in_given_dirs(tmp_path: Path) -> None:
    found = find_cyrillic_font()
    (tmp_path / "sub").mkdir()
    copy = tmp_path / "sub" / "DejaVuSans.ttf"
    copy.write_bytes(found.regular.read_bytes())
    result = find_cyrillic_font(None, [tmp_path])
    assert result.regular == copy and result.name == "DejaVuSans" and result.bold is None


def test_wrap_text_fits_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exports.fonts import register_font
    from exports.pdf_table import wrap_text

    font = register_font(find_cyrillic_font()).regular
    text = "Муниципальное бюджетное общеобразовательное учреждение\nСШ № 1 " + "Ж" * 40
    lines = wrap_text(text, font, 12, 120)
    assert all(stringWidth(line, font, 12) <= 120 for line in lines)
    unhyphenated = "".join(line.removesuffix("-") for line in lines)
    assert unhyphenated.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert lines[0] == "Муниципальное"
    assert "ЖЖЖ" in lines[-1] and len(lines) >= 6


def test_group_heading_is_not_left_at_page_bottom() -> None:
    from exports.pdf_table import PagedTable, PreparedRows

    body = PreparedRows()
    for i in range(10):
        body.add([f"строка {i}"], 14, keep_with_next=i == 4)
    table = PagedTable(["Заголовок"], 20, body, [100], [])
    first, rest = table.split(100, 20 + 5 * 20 + 1)  # room for 5 rows of 20 pt
    assert len(first._cellvalues) == 1 + 4  # header + rows 0..3, heading moves on
    assert isinstance(rest, PagedTable) and rest.start == 4
