"""One rule for comparing Russian text: case ignored, «ё» as «е», spaces folded."""

from __future__ import annotations

from pathlib import Path

import pytest

from imc_desktop.folding import fold, fold_spaces


@pytest.mark.parametrize(("text", "folded"), [
    ("Алёна", "алена"), ("ЁЛКА", "елка"), ("Фёдоров  Пётр", "федоров  петр"), ("", "")])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_spaces() -> None:
    assert fold_spaces("  Учитель\tГода \n Ёлкино ") == "учитель года елкино"


def test_the_rule_has_one_home() -> None:
    root = Path(__file__).resolve().parents[2]
    homes = [str(p.relative_to(root)) for package in ("imc_desktop", "ui")
             for p in (root / package).rglob("*.py")
             if 'replace("ё", "е")' in p.read_text(encoding="utf-8")]
    assert homes == ["imc_desktop/folding.py"]
