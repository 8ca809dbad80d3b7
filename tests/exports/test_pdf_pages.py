"""Where the PDF pages break: signatures never alone, words never split mid-way, one table
for the tables of each ОО, lists set narrow enough to stay short."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from exports import Report, ReportColumn, ReportStyle, ReportTable, Signature
from exports.hyphenation import is_legal_break
from exports.pdf_writer import write_pdf

pytestmark = pytest.mark.usefixtures("pdf_font")

COLUMNS = (ReportColumn("№", kind="int"), ReportColumn("Наименование"),
           ReportColumn("Количество", kind="int"))


def _report(rows: int, *, closing: tuple[str, ...] = ()) -> Report:
    table = ReportTable(COLUMNS, [(i, f"Строка{i} учебник", i * 3) for i in range(1, rows + 1)])
    return Report(title="ОТЧЁТ", tables=(table,), closing_paragraphs=closing,
                  signatures=(Signature("Директор ИМЦ", "А.Б. Сидорова"),),
                  executor_name="Смирнова Вера Геннадьевна", executor_phone="2-15-00")


def _pages(tmp_path: Path, report: Report, name: str = "r.pdf") -> list[str]:
    path = tmp_path / name
    write_pdf(report, path, ReportStyle())
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


@pytest.mark.parametrize("rows", range(20, 40))
def test_the_signature_page_holds_the_last_rows(tmp_path: Path, rows: int) -> None:
    """Whatever the length, the page with the signature also has the table's last two rows
    and the executor; no earlier page holds the signature."""
    pages = _pages(tmp_path, _report(rows, closing=("Итоги проверены.",)))
    last = pages[-1]
    assert "А.Б. Сидорова" in last and "Исполнитель: Смирнова" in last
    assert f"Строка{rows} " in last and f"Строка{rows - 1} " in last
    assert not any("А.Б. Сидорова" in p for p in pages[:-1])


def test_a_report_without_a_table_keeps_its_last_paragraph_with_the_signature(
        tmp_path: Path) -> None:
    text = tuple(f"Абзац {i}. " + "Текст представления педагога. " * 12 for i in range(1, 9))
    pages = _pages(tmp_path, Report(title="ПРЕДСТАВЛЕНИЕ", paragraphs=text,
                                    signatures=(Signature("Директор", "И.И. Иванов"),)))
    assert "И.И. Иванов" in pages[-1] and "Абзац 8." in pages[-1]


def _line_ends(pages: list[str]) -> list[str]:
    return [line.split()[-1] for page in pages for line in page.splitlines() if line.split()]


def test_words_break_only_at_hyphenation_points(tmp_path: Path) -> None:
    words = ["Муниципальное", "бюджетное", "общеобразовательное", "учреждение",
             "педагог-организатор", "высококвалифицированный", "информационно-методический"]
    columns = (ReportColumn("Учреждение"), *(ReportColumn("Количество", kind="int")
                                             for i in range(11)))
    rows = [(" ".join(words[i % 7:] + words[:i % 7]), *range(11)) for i in range(40)]
    pages = _pages(tmp_path, Report(title="ОТЧЁТ", tables=(ReportTable(columns, rows),),
                                    landscape=False))
    known = set(" ".join(words).split()) | {str(i) for i in range(200)} | {
        "ОТЧЁТ", "№", "Учреждение", *(c.title for c in columns)}
    split = [end for end in _line_ends(pages) if end not in known]
    assert split, "the column is narrow enough to make words break"
    for end in split:
        if not end.endswith("-"):  # the rest of a broken word ends a word
            assert any(w.endswith(end) for w in [*words, "Количество"]), end
            continue
        assert any(_legal(word, end) for word in [*words, "Количество"]), end


def _legal(word: str, end: str) -> bool:
    """``end`` is a piece of ``word`` that may end a line (after its own hyphen or at a
    hyphenation point, where a hyphen was added)."""
    for stem in (end, end.removesuffix("-")):
        start = word.find(stem)
        while start >= 0:
            if is_legal_break(word, start + len(stem)):
                return True
            start = word.find(stem, start + 1)
    return False


def test_the_tables_of_each_organisation_print_as_one_with_headings(tmp_path: Path) -> None:
    columns = (*COLUMNS[:2], ReportColumn("Количество", kind="int", total=True))
    tables = tuple(ReportTable(columns, [(1, f"Учебник {k}", 5), (2, "Атлас", 1)],
                               title=f"МБОУ «Школа {k}»", totals=True) for k in range(30))
    pages = _pages(tmp_path, Report(title="ОТЧЁТ", tables=tables))
    text = "\n".join(pages)
    assert text.count("Наименование") == len(pages)  # the header once a page, not per ОО
    assert text.count("Итого по группе") == 30 and "Всего" in text
    for page in pages[:-1]:  # a heading is never the last line of a page
        assert "«Школа" not in page.strip().splitlines()[-1]


def test_docx_keeps_the_last_rows_with_the_signatures(tmp_path: Path) -> None:
    import docx

    from exports.docx_writer import write_docx

    path = tmp_path / "r.docx"
    write_docx(_report(50, closing=("Итоги проверены.",)), path)
    document = docx.Document(str(path))
    table = document.tables[0]
    keeps = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
             for row in table.rows]
    assert keeps[-2:] == [True, True] and not any(keeps[1:-2])
    texts = [p for p in document.paragraphs if p.text]
    closing = next(p for p in texts if p.text == "Итоги проверены.")
    assert closing.paragraph_format.keep_with_next
    signatures = document.tables[1]
    assert all(p.paragraph_format.keep_with_next for row in signatures.rows
               for c in row.cells for p in c.paragraphs)
    assert texts[-1].text == "тел. 2-15-00" and not texts[-1].paragraph_format.keep_with_next


def test_xlsx_puts_the_tables_of_each_organisation_on_one_sheet(tmp_path: Path) -> None:
    import openpyxl

    from exports.xlsx_writer import write_xlsx

    tables = tuple(ReportTable(COLUMNS, [(1, f"Учебник {k}", 5)], title=f"МБОУ «Школа {k}»")
                   for k in range(30))
    path = tmp_path / "r.xlsx"
    write_xlsx(Report(title="ОТЧЁТ", tables=tables), path)
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == 1
    values = [c.value for row in book.active.iter_rows() for c in row if c.value]
    assert values.count("Наименование") == 1 and "МБОУ «Школа 29»" in values

