"""Label sheets: the position of every label on the page, the PDF with QR codes, the test
page."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from exports.errors import ExportError
from exports.labels import (
    Label,
    LabelBox,
    LabelSheet,
    label_box,
    layout,
    write_labels,
    write_test_page,
)

pytestmark = pytest.mark.usefixtures("pdf_font")

SHEET = LabelSheet(width=70, height=37, columns=3, rows=8, left=0, top=0.5)


def test_every_label_of_a_full_sheet_has_its_place() -> None:
    boxes = layout(SHEET, 24)
    expected = [LabelBox(0, 70.0 * c, 0.5 + 37.0 * r, 70, 37) for r in range(8) for c in range(3)]
    assert boxes == expected


def test_gaps_offsets_and_the_next_page() -> None:
    sheet = LabelSheet(width=48.5, height=25.4, columns=4, rows=10, left=8, top=21.5,
                       gap_x=0, gap_y=0, offset_x=1.5, offset_y=-0.5)
    assert label_box(sheet, 0) == LabelBox(0, 9.5, 21.0, 48.5, 25.4)
    assert label_box(sheet, 5) == LabelBox(0, 9.5 + 48.5, 21.0 + 25.4, 48.5, 25.4)
    assert label_box(sheet, 40) == LabelBox(1, 9.5, 21.0, 48.5, 25.4)
    gapped = LabelSheet(width=60, height=30, columns=3, rows=2, left=10, top=10, gap_x=5,
                        gap_y=2)
    assert [(b.x, b.y) for b in layout(gapped, 6)] == [
        (10, 10), (75, 10), (140, 10), (10, 42), (75, 42), (140, 42)]


def test_used_labels_on_a_started_sheet_are_skipped() -> None:
    assert label_box(SHEET, 0, skip=4) == LabelBox(0, 70.0, 0.5 + 37.0, 70, 37)
    assert label_box(SHEET, 20, skip=4).page == 1


def test_a_grid_wider_than_the_page_is_refused(tmp_path: Path) -> None:
    wide = LabelSheet(width=80, columns=3)
    assert "по ширине" in wide.problems()[0]
    with pytest.raises(ExportError, match="по ширине"):
        write_test_page(wide, tmp_path / "test.pdf")


def test_the_labels_pdf_holds_the_text_and_a_qr_code_per_label(tmp_path: Path) -> None:
    labels = [Label(f"ВА-{n:04d}", "Ноутбук Lenovo ThinkPad E14 с очень длинным названием",
                    "МБОУ СОШ № 1") for n in range(30)]
    path = tmp_path / "этикетки.pdf"
    assert write_labels(labels, SHEET, path) == 2
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == 2
    first = reader.pages[0].extract_text()
    assert "ВА-0000" in first and "ВА-0023" in first and "ВА-0024" not in first
    assert "МБОУ СОШ № 1" in first and "…" in first
    assert "ВА-0029" in reader.pages[1].extract_text()
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


def test_the_qr_code_holds_number_name_and_organization() -> None:
    assert Label("ВА-1", "Проектор", "Школа").qr_text() == "ВА-1; Проектор; Школа"


def test_the_test_page_numbers_every_label(tmp_path: Path) -> None:
    path = tmp_path / "пробная.pdf"
    write_test_page(SHEET, path)
    text = pypdf.PdfReader(str(path)).pages[0].extract_text()
    assert "Этикетка 1" in text and "Этикетка 24" in text and "Этикетка 25" not in text


def test_progress_is_reported_per_label_and_a_stop_leaves_no_file(tmp_path: Path) -> None:
    labels = [Label(f"ВА-{n}", "Принтер", "МБОУ СОШ № 1") for n in range(5)]
    seen: list[tuple[int, int]] = []
    write_labels(labels, SHEET, tmp_path / "a.pdf", skip=3,
                 progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]

    def stop(done: int, _total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_labels(labels, SHEET, tmp_path / "b.pdf", progress=stop)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


def test_every_qr_code_of_the_sheet_scans_back_to_its_label(tmp_path: Path) -> None:
    """The PDF rendered as a printer would, at 150 dpi, and every code read by a decoder."""
    import shutil
    import subprocess

    import zxingcpp
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm is not None, "poppler-utils (pdftoppm) renders the PDF for this test"
    labels = [Label(f"ВА-{n:04d}", f"Ноутбук Lenovo ThinkPad E14 № {n}", "МБОУ СОШ № 1")
              for n in range(24)]
    path = tmp_path / "этикетки.pdf"
    write_labels(labels, SHEET, path)
    subprocess.run([pdftoppm, "-png", "-r", "150", "-gray", str(path), str(tmp_path / "page")],
                   check=True)
    image = Image.open(next(tmp_path.glob("page*.png")))
    found = {code.text for code in zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormat.QRCode)}
    assert found == {label.qr_text() for label in labels}


def test_the_code_drawn_is_the_encoders_matrix_module_for_module(tmp_path: Path) -> None:
    """The squares in the PDF rebuild the QR matrix of the label's text, quiet zone apart."""
    from exports.label_pdf import QUIET_ZONE, qr_matrix

    label = Label("ВА-0001", "Проектор Epson", "МБОУ СОШ № 2")
    path = tmp_path / "одна.pdf"
    write_labels([label], SHEET, path)
    content = pypdf.PdfReader(str(path)).pages[0].get_contents()
    assert content is not None
    number = r"(-?[\d.]+)"
    rects = [tuple(float(v) for v in found) for found in re.findall(
        " ".join([number] * 4) + " re", content.get_data().decode("latin-1"))]
    matrix = qr_matrix(label.qr_text())
    size = len(matrix)
    drawn = [[0] * (size + 2 * QUIET_ZONE) for _ in range(size + 2 * QUIET_ZONE)]
    for x, y, width, height in rects:  # in modules from the bottom-left of the quiet zone
        assert height == 1
        for column in range(int(x), int(x + width)):
            drawn[size + 2 * QUIET_ZONE - 1 - int(y)][column] = 1
    quiet = [0] * QUIET_ZONE
    assert drawn == [[0] * (size + 2 * QUIET_ZONE)] * QUIET_ZONE + [
        quiet + list(row) + quiet for row in matrix] + [[0] * (size + 2 * QUIET_ZONE)] * QUIET_ZONE


MM = 72 / 25.4


def _texts_at(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    found: list[tuple[float, float, str]] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            found.append((tm[4], tm[5], text))

    page.extract_text(visitor_text=visit)
    return found


def _qr_squares(page: pypdf.PageObject) -> list[tuple[float, float, float]]:
    """(x, y, size) of each QR code: «q 0 g u 0 0 u x y cm …» with the code 41 units wide."""
    data = page.get_contents().get_data().decode("latin-1")
    out = []
    for m in re.finditer(r"q 0 g ([\d.]+) 0 0 [\d.]+ ([\d.]+) ([\d.]+) cm", data):
        unit, x, y = (float(v) for v in m.groups())
        out.append((x, y, unit))
    return out


def test_nothing_is_printed_within_5_mm_of_the_sheet_edge(tmp_path: Path) -> None:
    from exports.label_pdf import QUIET_ZONE, qr_matrix

    labels = [Label(f"ВА-{n:04d}", "Ноутбук Lenovo ThinkPad E14 с очень длинным названием",
                    "МКОУ «Новоалександровская основная общеобразовательная школа»")
              for n in range(24)]
    path = tmp_path / "этикетки.pdf"
    write_labels(labels, SHEET, path)
    page = pypdf.PdfReader(str(path)).pages[0]
    width, height = (float(x) for x in page.mediabox.upper_right)
    texts = _texts_at(page)
    assert len(texts) >= 24 * 4
    for x, y, text in texts:
        assert 5 * MM - 0.5 <= x and 5 * MM - 0.5 <= y <= height - 5 * MM, (x, y, text)
    modules = len(qr_matrix(labels[0].qr_text())) + 2 * QUIET_ZONE
    squares = _qr_squares(page)
    assert len(squares) == 24
    for x, y, unit in squares:
        size = unit * modules
        assert x >= 5 * MM - 0.5 and y >= 5 * MM - 0.5, (x, y)
        assert x + size <= width - 5 * MM + 0.5 and y + size <= height - 5 * MM + 0.5


def test_the_name_of_the_organization_is_printed_whole(tmp_path: Path) -> None:
    name = "МКОУ «Новоалександровская основная общеобразовательная школа»"
    path = tmp_path / "этикетки.pdf"
    write_labels([Label("ВА-1", "Проектор", name)], SHEET, path)
    text = " ".join(pypdf.PdfReader(str(path)).pages[0].extract_text().split())
    assert name in text and "…" not in text


def test_the_test_page_writes_millimetres_with_a_comma(tmp_path: Path) -> None:
    path = tmp_path / "пробная.pdf"
    write_test_page(SHEET, path)
    text = pypdf.PdfReader(str(path)).pages[0].extract_text()
    assert "0,0 × 0,5 мм" in text and "70,0 × 37,5 мм" in text and "0.5" not in text
