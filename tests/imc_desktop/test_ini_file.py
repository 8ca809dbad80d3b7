"""The settings file read without Qt gives what QSettings itself reads back."""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from imc_desktop import config
from imc_desktop.ini_file import read_ini

TRICKY = ["", " ", "  leading", "trailing  ", "a, b", "a,b,c", 'with "quotes"', "semi;colon",
          "equals=sign", "back\\slash", "C:\\Users\\Методист\\Данные", "@at", "@@two",
          "tab\there", "new\nline", "cr\rhere", "Управление образования «Город»", "\x01\x7f",
          "12", "true", "𝔘nicode beyond BMP", "#hash", "[bracket]", "%percent", "x\\x41y"]


def qt_written(path: Path, values: dict[str, object]) -> dict[str, object]:
    """Write with QSettings, then read back with a fresh QSettings."""
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    again = QSettings(str(path), QSettings.Format.IniFormat)
    return {key: again.value(key) for key in again.allKeys()}


def test_tricky_texts_read_as_qsettings_reads_them(tmp_path: Path) -> None:
    values = {f"org/k{n}": text for n, text in enumerate(TRICKY)}
    values |= {"top": "in General", "General/x": "a section named General", "lists/a/b": "deep",
               "reports/size": 14, "events/on": True, "sync/list": ["a", "b c", ""]}
    expected = qt_written(tmp_path / "s.ini", values)
    read = read_ini(tmp_path / "s.ini")
    assert read == {key: (value if not isinstance(value, bool) else str(value).lower())
                    if not isinstance(value, int) or isinstance(value, bool) else str(value)
                    for key, value in expected.items()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_any_text_read_as_qsettings_reads_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.ini"
    path.unlink(missing_ok=True)
    expected = qt_written(path, {"org/name": text})
    assert read_ini(path) == expected


def test_hand_edited_files_read_as_qsettings_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "hand.ini"
    path.write_bytes(b"; a comment\r\n[org]\r\nname = \"a \\\"b\\\"\" ; note\r\n"
                     b"imc=plain text  \r\n  director_name=\\x418\\101 \\\r\nmore\r\n"
                     b"[data]\nfolder=D:\\\\\xd0\x94\xd0\xb0\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5\n"
                     b"[%55x]\nk%U0416=1\n[general]\nloose=yes\n[broken\nx=1\n")
    store = QSettings(str(path), QSettings.Format.IniFormat)
    assert read_ini(path) == {key: store.value(key) for key in store.allKeys()}


def test_settings_are_read_without_qt_and_written_with_it(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = config.Settings(path)
    settings.set(config.IMC_NAME, "МКУ «ИМЦ», г. Энск")
    settings.set(config.REPORT_TEXT_SIZE, 12)
    settings.set(config.EVENTS_REMIND_ON_START, True)
    settings.sync()
    probe = ("import sys; from pathlib import Path; from imc_desktop import config; "
             "s = config.Settings(Path(sys.argv[1])); "
             "print(s.get(config.IMC_NAME), s.get(config.REPORT_TEXT_SIZE), "
             "s.get(config.EVENTS_REMIND_ON_START), s.data_dir() is not None, "
             "any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True,
                         text=True, check=True, encoding="utf-8").stdout.strip()
    assert out == "МКУ «ИМЦ», г. Энск 12 True True False"


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "bom.ini"
    folder = "D:\\\\ИМЦ".encode()  # as Qt writes D:\ИМЦ: the backslash doubled
    path.write_bytes(b"\xef\xbb\xbf[data]\r\nfolder=" + folder + b"\r\nlone=D:\\\xd0\x98\r\n")
    store = QSettings(str(path), QSettings.Format.IniFormat)
    assert read_ini(path) == {key: store.value(key) for key in store.allKeys()}
    assert read_ini(path)["data/folder"] == "D:\\ИМЦ"


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(st.sampled_from('\\",;= \t@%xX0178abnrtvf?\'Жё€𝔘'), max_size=30))
def test_any_hand_edited_value_reads_as_qsettings_reads_it(tmp_path: Path, value: str) -> None:
    """Any text typed after `name=` — escapes, quotes, commas, comments — reads the same.
    (Bytes that are not UTF-8 become U+FFFD in both, not always as many of them.)"""
    # a new file each time: QSettings caches a file it has read (by path and modified time)
    path = tmp_path / f"hand-{uuid.uuid4().hex}.ini"
    path.write_bytes(b"[org]\nname=" + value.encode() + b"\nnext=1\n")
    store = QSettings(str(path), QSettings.Format.IniFormat)
    assert read_ini(path) == {key: store.value(key) for key in store.allKeys()}
