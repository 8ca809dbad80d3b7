"""Typed settings, each declared once: name, type, default, title.

They are stored with QSettings in an INI file in the user's configuration folder.
Rules that may change by law (periods, hours, form codes) are settings too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QSettings

from imc_desktop.paths import config_dir, default_data_dir

T = TypeVar("T", str, int, bool)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (lupdate's marker)
    """Marks a title for translation; the settings dialog translates it when shown."""
    return text


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    title: str
    section: str
    minimum: int = 0          # for numbers: the allowed range
    maximum: int = 10_000


ALL: list[Setting[str] | Setting[int] | Setting[bool]] = []


def _declare(setting: Setting[T]) -> Setting[T]:
    ALL.append(setting)
    return setting


S_ORG = QT_TRANSLATE_NOOP("Settings", "Organization")
S_REPORTS = QT_TRANSLATE_NOOP("Settings", "Reports")
S_DATA = QT_TRANSLATE_NOOP("Settings", "Data")

DEPARTMENT_NAME = _declare(Setting(
    "org/department", str,
    "Управление образования администрации муниципального округа",
    QT_TRANSLATE_NOOP("Settings", "Education authority"), S_ORG))
IMC_NAME = _declare(Setting(
    "org/imc", str, "Информационно-методический центр",
    QT_TRANSLATE_NOOP("Settings", "Methodological centre"), S_ORG))
DIRECTOR_POSITION = _declare(Setting(
    "org/director_position", str, "Директор ИМЦ",
    QT_TRANSLATE_NOOP("Settings", "Director's position"), S_ORG))
DIRECTOR_NAME = _declare(Setting(
    "org/director_name", str, "",
    QT_TRANSLATE_NOOP("Settings", "Director (full name)"), S_ORG))
EXECUTOR_NAME = _declare(Setting(
    "org/executor_name", str, "",
    QT_TRANSLATE_NOOP("Settings", "Report executor (full name)"), S_ORG))
EXECUTOR_PHONE = _declare(Setting(
    "org/executor_phone", str, "",
    QT_TRANSLATE_NOOP("Settings", "Executor's phone"), S_ORG))
REPORT_FONT = _declare(Setting(
    "reports/font", str, "Times New Roman",
    QT_TRANSLATE_NOOP("Settings", "Word document font"), S_REPORTS))
REPORT_TEXT_SIZE = _declare(Setting(
    "reports/text_size", int, 14,
    QT_TRANSLATE_NOOP("Settings", "Text font size, pt"), S_REPORTS,
    minimum=8, maximum=28))
REPORT_TABLE_SIZE = _declare(Setting(
    "reports/table_size", int, 12,
    QT_TRANSLATE_NOOP("Settings", "Table font size, pt"), S_REPORTS,
    minimum=6, maximum=24))
PDF_FONT_FILE = _declare(Setting(
    "reports/pdf_font_file", str, "",
    QT_TRANSLATE_NOOP("Settings", "PDF font file (.ttf; empty: find one in the system)"),
    S_REPORTS))
LETTERHEAD_FILE = _declare(Setting(
    "reports/letterhead", str, "",
    QT_TRANSLATE_NOOP("Settings", "Letterhead for Word documents (.docx; empty: none)"),
    S_REPORTS))
S_STAFF = QT_TRANSLATE_NOOP("Settings", "Staff")

KPK_PERIOD_YEARS = _declare(Setting(
    "staff/kpk_period_years", int, 3,
    QT_TRANSLATE_NOOP("Settings", "Courses are due every, years"), S_STAFF,
    minimum=1, maximum=10))
KPK_MIN_HOURS_PK = _declare(Setting(
    "staff/kpk_min_hours_pk", int, 16,
    QT_TRANSLATE_NOOP("Settings", "Minimum hours of a qualification course"), S_STAFF,
    minimum=1, maximum=2000))
KPK_MIN_HOURS_PP = _declare(Setting(
    "staff/kpk_min_hours_pp", int, 250,
    QT_TRANSLATE_NOOP("Settings", "Minimum hours of professional retraining"), S_STAFF,
    minimum=1, maximum=5000))
KPK_USUAL_HOURS = _declare(Setting(
    "staff/kpk_usual_hours", int, 72,
    QT_TRANSLATE_NOOP("Settings", "Usual hours of a qualification course (a warning below)"),
    S_STAFF,
    minimum=1, maximum=2000))
YOUNG_MAX_AGE = _declare(Setting(
    "staff/young_max_age", int, 35,
    QT_TRANSLATE_NOOP("Settings", "Young specialist: younger than, years"), S_STAFF,
    minimum=18, maximum=70))
YOUNG_GRADUATION_YEARS = _declare(Setting(
    "staff/young_graduation_years", int, 1,
    QT_TRANSLATE_NOOP("Settings", "Young specialist: started work within, years of graduating"),
    S_STAFF,
    minimum=0, maximum=10))
YOUNG_STATUS_YEARS = _declare(Setting(
    "staff/young_status_years", int, 3,
    QT_TRANSLATE_NOOP("Settings", "Young specialist: status lasts, years"), S_STAFF,
    minimum=1, maximum=10))

S_ATTESTATION = QT_TRANSLATE_NOOP("Settings", "Attestation")

CATEGORY_VALIDITY_YEARS = _declare(Setting(
    "attestation/category_validity_years", int, 5,
    QT_TRANSLATE_NOOP("Settings", "A category decided before 01.09.2023 lasts, years"),
    S_ATTESTATION,
    minimum=1, maximum=10))
SZD_PERIOD_YEARS = _declare(Setting(
    "attestation/szd_period_years", int, 5,
    QT_TRANSLATE_NOOP("Settings", "Conformity attestation every, years"), S_ATTESTATION,
    minimum=1, maximum=10))
APPLICATION_CONSIDER_DAYS = _declare(Setting(
    "attestation/consider_days", int, 30,
    QT_TRANSLATE_NOOP("Settings", "An application is considered within, days"),
    S_ATTESTATION,
    minimum=1, maximum=365))
ATTESTATION_MAX_DAYS = _declare(Setting(
    "attestation/max_days", int, 60,
    QT_TRANSLATE_NOOP("Settings", "An attestation lasts at most, days"), S_ATTESTATION,
    minimum=1, maximum=365))

DATA_FOLDER = _declare(Setting(
    "data/folder", str, "",
    QT_TRANSLATE_NOOP("Settings", "Data folder (empty: the default folder)"), S_DATA))
BACKUPS_KEEP = _declare(Setting(
    "data/backups_keep", int, 30,
    QT_TRANSLATE_NOOP("Settings", "Automatic backups to keep"), S_DATA,
    minimum=1, maximum=365))

S_SYNC = QT_TRANSLATE_NOOP("Settings", "Synchronisation")

SYNC_LOCATION = _declare(Setting(
    "sync/location", str, "",
    QT_TRANSLATE_NOOP("Settings", "Sync folder on the network share (empty: no sync)"),
    S_SYNC))
SYNC_WORKSTATION = _declare(Setting(
    "sync/workstation", str, "",
    QT_TRANSLATE_NOOP("Settings", "This workstation's name (empty: the computer's name)"),
    S_SYNC))
SYNC_INTERVAL_MINUTES = _declare(Setting(
    "sync/interval_minutes", int, 15,
    QT_TRANSLATE_NOOP("Settings", "Synchronise every, minutes (0: only on start and exit)"),
    S_SYNC, minimum=0, maximum=1440))
SYNC_AUTOMATIC = _declare(Setting(
    "sync/automatic", bool, True,
    QT_TRANSLATE_NOOP("Settings", "Synchronise automatically on start, on exit and on schedule"),
    S_SYNC))


class Settings:
    """The user's settings in an INI file (QSettings, user scope)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "imc-desktop.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key, None)
        if raw is None:
            return setting.default
        return cast(T, _coerce(setting, raw))

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        self._store.sync()

    def raw(self) -> QSettings:
        """The underlying store, for window and table layouts."""
        return self._store

    def data_dir(self) -> Path:
        folder = self.get(DATA_FOLDER).strip()
        return Path(folder) if folder else default_data_dir()


def _coerce(setting: Setting[Any], raw: object) -> object:
    if setting.type is bool:
        return raw.strip().lower() in ("1", "true", "yes") if isinstance(raw, str) else bool(raw)
    if setting.type is int:
        try:
            value = int(str(raw))
        except ValueError:
            return setting.default
        return min(max(value, setting.minimum), setting.maximum)
    return str(raw)
