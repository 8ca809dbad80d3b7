"""The certificate renderer: one page per recipient, Cyrillic text, nothing left on failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from exports.certificates import CertificatePage, write_certificates
from exports.errors import ReportCancelled

PAGE = CertificatePage("СЕРТИФИКАТ", "Ёлкина Мария Ивановна",
                       ("МБОУ «СОШ № 1»", "приняла участие в семинаре «Функциональная "
                        "грамотность: формирование и оценка на уроках математики» & <итоги>"),
                       "2026/7", "13.02.2026", "Директор ИМЦ", "Г.П. Смирнова",
                       department="Управление образования", subtitle="")


def test_one_page_per_certificate_with_its_text(tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"
    second = CertificatePage(**_fields(PAGE, recipient="Петров Пётр"))  # type: ignore[arg-type]
    write_certificates([PAGE, second], path)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    assert len(pages) == 2
    assert "Ёлкина Мария Ивановна" in pages[0] and "Петров Пётр" in pages[1]
    assert "& <итоги>" in pages[0].replace("\n", " ") and "2026/7" in pages[0]


def _fields(page: CertificatePage, **changes: object) -> dict[str, object]:
    values = {name: getattr(page, name) for name in CertificatePage.__slots__}
    return {**values, **changes}


def test_a_failure_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "c.pdf"

    def cancelled() -> bool:
        return True

    with pytest.raises(ReportCancelled):
        write_certificates([PAGE] * 30, path, cancelled=cancelled)
    assert not path.exists() and list(tmp_path.iterdir()) == []
