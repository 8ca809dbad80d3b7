"""Typed settings, each declared once: name, type, default, title.

They are stored with QSettings in an INI file in the user's configuration folder.
Rules that may change by law (periods, hours, form codes) are settings too. Reading alone
does not import Qt (imc_desktop.ini_file reads the file as QSettings does): the command line
reads its settings without QtCore; QSettings is made on the first write or `raw()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from imc_desktop.ini_file import Value, read_ini
from imc_desktop.paths import config_dir, default_data_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

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

S_EQUIPMENT = QT_TRANSLATE_NOOP("Settings", "Equipment")

FORM_CARD = _declare(Setting(
    "equipment/form_card", str, "0504031",
    QT_TRANSLATE_NOOP("Settings", "Form code of the inventory card"), S_EQUIPMENT))
FORM_COUNT_LIST = _declare(Setting(
    "equipment/form_count_list", str, "0504087",
    QT_TRANSLATE_NOOP("Settings", "Form code of the inventory list"), S_EQUIPMENT))
FORM_DISCREPANCIES = _declare(Setting(
    "equipment/form_discrepancies", str, "0504092",
    QT_TRANSLATE_NOOP("Settings", "Form code of the discrepancy list"), S_EQUIPMENT))
FORM_WRITE_OFF = _declare(Setting(
    "equipment/form_write_off", str, "0504104",
    QT_TRANSLATE_NOOP("Settings", "Form code of the write-off act"), S_EQUIPMENT))
FORM_TRANSFER = _declare(Setting(
    "equipment/form_transfer", str, "0504101",
    QT_TRANSLATE_NOOP("Settings", "Form code of the transfer act"), S_EQUIPMENT))
FORM_CODES = (FORM_CARD, FORM_COUNT_LIST, FORM_DISCREPANCIES, FORM_WRITE_OFF, FORM_TRANSFER)
IMC_OKPO = _declare(Setting(
    "accounting/okpo", str, "",
    QT_TRANSLATE_NOOP("Settings", "OKPO of the centre"), S_EQUIPMENT))
IMC_INN = _declare(Setting(
    "accounting/inn", str, "",
    QT_TRANSLATE_NOOP("Settings", "INN of the centre"), S_EQUIPMENT))
IMC_KPP = _declare(Setting(
    "accounting/kpp", str, "",
    QT_TRANSLATE_NOOP("Settings", "KPP of the centre"), S_EQUIPMENT))
CHIEF_ACCOUNTANT_POSITION = _declare(Setting(
    "accounting/chief_position", str, "Главный бухгалтер",
    QT_TRANSLATE_NOOP("Settings", "Chief accountant's position"), S_EQUIPMENT))
CHIEF_ACCOUNTANT_NAME = _declare(Setting(
    "accounting/chief_name", str, "",
    QT_TRANSLATE_NOOP("Settings", "Chief accountant (full name)"), S_EQUIPMENT))
ACCOUNTANT_POSITION = _declare(Setting(
    "accounting/executor_position", str, "Бухгалтер",
    QT_TRANSLATE_NOOP("Settings", "Position of the executor of accounting forms"),
    S_EQUIPMENT))
#: What the accounting forms print about the centre itself and its accounts department.
ACCOUNTING = (IMC_OKPO, IMC_INN, IMC_KPP, CHIEF_ACCOUNTANT_POSITION, CHIEF_ACCOUNTANT_NAME,
              ACCOUNTANT_POSITION)
LABEL_WIDTH = _declare(Setting(
    "equipment/label_width", str, "70",
    QT_TRANSLATE_NOOP("Settings", "Label width, mm"), S_EQUIPMENT))
LABEL_HEIGHT = _declare(Setting(
    "equipment/label_height", str, "37",
    QT_TRANSLATE_NOOP("Settings", "Label height, mm"), S_EQUIPMENT))
LABEL_COLUMNS = _declare(Setting(
    "equipment/label_columns", int, 3,
    QT_TRANSLATE_NOOP("Settings", "Labels across the sheet"), S_EQUIPMENT,
    minimum=1, maximum=10))
LABEL_ROWS = _declare(Setting(
    "equipment/label_rows", int, 8,
    QT_TRANSLATE_NOOP("Settings", "Labels down the sheet"), S_EQUIPMENT,
    minimum=1, maximum=30))
LABEL_LEFT = _declare(Setting(
    "equipment/label_left", str, "0",
    QT_TRANSLATE_NOOP("Settings", "Left margin of the label sheet, mm"), S_EQUIPMENT))
LABEL_TOP = _declare(Setting(
    "equipment/label_top", str, "0,5",
    QT_TRANSLATE_NOOP("Settings", "Top margin of the label sheet, mm"), S_EQUIPMENT))
LABEL_GAP_X = _declare(Setting(
    "equipment/label_gap_x", str, "0",
    QT_TRANSLATE_NOOP("Settings", "Gap between labels across, mm"), S_EQUIPMENT))
LABEL_GAP_Y = _declare(Setting(
    "equipment/label_gap_y", str, "0",
    QT_TRANSLATE_NOOP("Settings", "Gap between labels down, mm"), S_EQUIPMENT))
LABEL_OFFSET_X = _declare(Setting(
    "equipment/label_offset_x", str, "0",
    QT_TRANSLATE_NOOP("Settings", "Printer offset to the right, mm (negative: to the left)"),
    S_EQUIPMENT))
LABEL_OFFSET_Y = _declare(Setting(
    "equipment/label_offset_y", str, "0",
    QT_TRANSLATE_NOOP("Settings", "Printer offset downwards, mm (negative: upwards)"),
    S_EQUIPMENT))
S_EVENTS = QT_TRANSLATE_NOOP("Settings", "Events")

EVENTS_CERTIFICATE_TEXT = _declare(Setting(
    "events/certificate_text", str,
    "{ОО} | принял(а) участие в мероприятии «{мероприятие}» | в качестве: {роль} | {дата}",
    QT_TRANSLATE_NOOP("Settings", "Certificate text ({ФИО}, whom: {ФИО_кому}, of whom: "
                                  "{ФИО_кого}, {ОО}, {мероприятие}, {вид}, in the kind: "
                                  "{вид_пр}, {дата}, {роль}; «|» starts a new line; "
                                  "«принял(а)» agrees with the person)"), S_EVENTS))
EVENTS_DIPLOMA_TEXT = _declare(Setting(
    "events/diploma_text", str,
    "{ОО} | {место} в {вид_пр} «{мероприятие}» | {номинация} | {дата}",
    QT_TRANSLATE_NOOP("Settings", "Diploma text (also {результат}, {место}, {номинация}, "
                                  "{балл})"), S_EVENTS))
EVENTS_SIGNER_POSITION = _declare(Setting(
    "events/signer_position", str, "",
    QT_TRANSLATE_NOOP("Settings", "Certificates signed by: position (empty: the director)"),
    S_EVENTS))
EVENTS_SIGNER_NAME = _declare(Setting(
    "events/signer_name", str, "",
    QT_TRANSLATE_NOOP("Settings", "Certificates signed by: full name (empty: the director)"),
    S_EVENTS))
EVENTS_REMIND_DAYS = _declare(Setting(
    "events/remind_days", int, 7,
    QT_TRANSLATE_NOOP("Settings", "Remind of the events of the next, days"), S_EVENTS,
    minimum=1, maximum=60))
EVENTS_REMIND_ON_START = _declare(Setting(
    "events/remind_on_start", bool, False,
    QT_TRANSLATE_NOOP("Settings", "Show the events reminder on start"), S_EVENTS))

S_METHODIST = QT_TRANSLATE_NOOP("Settings", "Methodist's journal")

LESSON_CRITERIA = _declare(Setting(
    "methodist/lesson_criteria", str,
    "Цель и задачи урока поставлены и достигнуты | Структура урока соответствует его типу | "
    "Содержание соответствует ФГОС и рабочей программе | Методы и приёмы активизируют "
    "обучающихся | Используется системно-деятельностный подход | Формируются УУД | "
    "Организована дифференцированная работа | Используются цифровые ресурсы | "
    "Организована обратная связь и рефлексия | Домашнее задание дифференцировано и объяснено",
    QT_TRANSLATE_NOOP("Settings", "Lesson observation criteria (separated by «|»; each "
                                  "marked 0, 1 or 2)"), S_METHODIST))

DATA_FOLDER = _declare(Setting(
    "data/folder", str, "",
    QT_TRANSLATE_NOOP("Settings", "Data folder (empty: the default folder)"), S_DATA))
BACKUPS_DAILY = _declare(Setting(
    "data/backups_daily", int, 7,
    QT_TRANSLATE_NOOP("Settings", "Automatic backups kept: the newest of each of the last "
                                  "days"),
    S_DATA, minimum=1, maximum=365))
BACKUPS_WEEKLY = _declare(Setting(
    "data/backups_weekly", int, 4,
    QT_TRANSLATE_NOOP("Settings", "Automatic backups kept: the newest of each of the last "
                                  "weeks"),
    S_DATA, minimum=0, maximum=520))
BACKUPS_MONTHLY = _declare(Setting(
    "data/backups_monthly", int, 12,
    QT_TRANSLATE_NOOP("Settings", "Automatic backups kept: the newest of each of the last "
                                  "months"),
    S_DATA, minimum=0, maximum=240))
JOURNAL_YEARS = _declare(Setting(
    "data/journal_years", int, 2,
    QT_TRANSLATE_NOOP("Settings", "Change journal of pedagogues' cards kept, years"),
    S_DATA, minimum=1, maximum=50))

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

SYNC_SNAPSHOT_DAYS = _declare(Setting(
    "sync/snapshot_days", int, 90,
    QT_TRANSLATE_NOOP("Settings", "Snapshot: include the changes older than, days, even if "
                                  "a workstation has not received them yet"),
    S_SYNC, minimum=7, maximum=3650))
SYNC_ARCHIVE_DAYS = _declare(Setting(
    "sync/archive_days", int, 2,
    QT_TRANSLATE_NOOP("Settings", "Keep the archived change files of the sync folder, days"),
    S_SYNC, minimum=1, maximum=3650))


class Settings:
    """The user's settings in an INI file (QSettings, user scope)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "imc-desktop.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qt: QSettings | None = None
        self._read: dict[str, Value] | None = None  # the file as read without Qt

    def get(self, setting: Setting[T]) -> T:
        raw = self._value(setting.key)
        if raw is None:
            return setting.default
        return cast(T, _coerce(setting, raw))

    def _value(self, key: str) -> object:
        if self._qt is not None:
            return self._qt.value(key, None)
        if self._read is None:
            self._read = read_ini(self.path)
        return self._read.get(key)

    def set(self, setting: Setting[T], value: T) -> None:
        self.raw().setValue(setting.key, value)

    def sync(self) -> None:
        if self._qt is not None:
            self._qt.sync()

    def raw(self) -> QSettings:
        """The underlying store, for window and table layouts (QtCore is imported here)."""
        if self._qt is None:
            from PySide6.QtCore import QSettings

            self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)
            self._read = None
        return self._qt

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
