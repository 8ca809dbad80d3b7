"""Non-breaking spaces in names with initials and after «№» (a line never splits them)."""

from __future__ import annotations

import pytest

from exports.typography import NBSP, tie


@pytest.mark.parametrize(("text", "expected"), [
    ("И. И. Иванов", "И._И._Иванов"),
    ("И.И. Иванов", "И.И._Иванов"),
    ("Иванов И.И.", "Иванов_И.И."),
    ("Иванова И. И.", "Иванова_И._И."),
    ("Директор ИМЦ А.Б. Сидорова, методист Ж. Щукина",
     "Директор ИМЦ А.Б._Сидорова, методист Ж._Щукина"),
    ("приказ № 27 от 05.12.2026", "приказ №_27 от 05.12.2026"),
    ("МБОУ «СОШ № 1»", "МБОУ «СОШ №_1»"),
    ("№№ 1–5", "№№_1–5"),
    ("Заведующий Егорова О.Н., учитель Павлов С. И.",
     "Заведующий Егорова_О.Н., учитель Павлов_С._И."),
])
def test_tied(text: str, expected: str) -> None:
    assert tie(text) == expected.replace("_", NBSP)


@pytest.mark.parametrize("text", [
    "в г. Москва", "т. е. ничего", "Итого: 12. Далее текст", "05.12.2026 г.",
    "ФГАОУ ВО «Тюменский государственный университет»", "Иванов Иван Иванович", "",
    "5 ед. по 100 руб.",
])
def test_left_alone(text: str) -> None:
    assert tie(text) == text


# ------------------------------------------------------------------ in the papers

from pathlib import Path  # noqa: E402

import docx  # noqa: E402
import openpyxl  # noqa: E402
import pypdf  # noqa: E402

from exports import Report, ReportColumn, ReportTable, Signature, write_report  # noqa: E402
from exports.forms import FormDocument, SignGroup, SignLine, write_form  # noqa: E402
from exports.pdf_table import wrap_text  # noqa: E402

from .conftest import make_report, require_times_widths  # noqa: E402


def _narrow_report() -> Report:
    """Rows whose text breaks at every possible place: at some of them a line would end
    with an initial or «№» if nothing tied them."""
    cols = tuple(ReportColumn(f"Столбец {i}") for i in range(1, 7))
    filler = "слово " * 6
    rows = [tuple(f"{'ж' * k} {filler}директор И. И. Иванов, приказ № 27 от 01.12.2026"
                  for _ in cols) for k in range(1, 16)]
    return Report("Список", tables=(ReportTable(cols, rows),), landscape=False,
                  signatures=(Signature("Директор ИМЦ", "А.Б. Сидорова"),), number="27")


def test_docx_ties_names_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_report(_narrow_report(), path, "docx")
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    texts = cells + [p.text for p in document.paragraphs]
    joined = "\n".join(texts)
    assert "И.\u00a0И.\u00a0Иванов" in joined and "приказ №\u00a027" in joined
    assert "А.Б.\u00a0Сидорова" in joined and "№\u00a027" in joined
    assert "И. И. Иванов" not in joined


def test_pdf_keeps_initials_on_the_line_of_the_surname(tmp_path: Path) -> None:
    require_times_widths()
    path = tmp_path / "r.pdf"
    write_report(_narrow_report(), path, "pdf")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert sum("И. И. Иванов" in line for line in lines) == 15 * 6, lines
    assert not any(line.endswith(("И.", "№")) for line in lines), lines


def test_a_tie_gives_way_before_a_word_is_split() -> None:
    from exports.fonts import find_cyrillic_font, register_font

    font = register_font(find_cyrillic_font()).regular
    lines = wrap_text("Директор А.Б.\u00a0Сидорова", font, 10, 60)
    assert lines == ["Директор", "А.Б.", "Сидорова"]
    assert wrap_text("Директор А.Б.\u00a0Сидорова", font, 10, 200) == [
        "Директор А.Б.\u00a0Сидорова"]


def test_a_workbook_keeps_plain_spaces(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(make_report(), path, "xlsx")
    values = [c.value for r in openpyxl.load_workbook(path).active.iter_rows() for c in r]
    assert "А.Б. Сидорова" in values and "МБОУ СОШ № 1" in values


def test_forms_tie_the_signers(tmp_path: Path) -> None:
    form = FormDocument(okud="0504104", title="АКТ № 5", header=(), blocks=(
        "Основание: приказ № 12 от 01.12.2026",
        SignGroup((SignLine("Председатель", "директор", "О. Н. Егорова"),))))
    path = tmp_path / "f.docx"
    write_form(form, path, "docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    joined = "\n".join(texts)
    assert "О.\u00a0Н.\u00a0Егорова" in joined and "приказ №\u00a012" in joined
