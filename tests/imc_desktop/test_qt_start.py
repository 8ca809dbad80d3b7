"""PySide6's per-module check answered from the file's bytes, as PySide6 answers it."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest

from imc_desktop.qt_start import skip_feature_scan


def test_modules_are_classified_as_pyside6_does_without_reading_their_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert skip_feature_scan() is True
    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "imc_probe_qt.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    (tmp_path / "imc_probe_plain.py").write_text("import json\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def no_source(_obj: object) -> str:
        raise AssertionError("inspect.getsource is not used any more")

    monkeypatch.setattr(inspect, "getsource", no_source)
    for name in ("imc_probe_qt", "imc_probe_plain"):
        sys.modules.pop(name, None)
        feature.pyside_feature_dict.pop(name, None)
        __import__(name)  # the hook wraps the import statement, not importlib
    assert feature.pyside_feature_dict["imc_probe_qt"] == 0, "uses PySide6: may switch"
    assert feature.pyside_feature_dict["imc_probe_plain"] == -1, "ignored by the switching"
