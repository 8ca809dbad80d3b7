"""Every string the user sees has its Russian translation, and the files are up to date."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "imc_desktop_ru.ts"


def untranslated(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            texts = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") == "unfinished" or not all(texts):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def test_every_string_has_a_russian_translation() -> None:
    assert untranslated(TS) == []


def test_the_check_finds_a_missing_translation(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ru_RU"><context>'
        "<name>X</name><message><source>Save</source>"
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8")
    assert untranslated(broken) == ["X: Save"]


def test_ts_and_qm_are_up_to_date_with_the_sources() -> None:
    """A new tr() string not yet in the .ts, or a .qm not rebuilt, fails here."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_load_and_qt_speaks_russian(russian: object) -> None:
    assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
