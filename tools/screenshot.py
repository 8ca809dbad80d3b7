"""Screenshots of the main screens on a demo database, for a look as a user sees them.

    xvfb-run -s "-screen 0 1600x1000x24" uv run python tools/screenshot.py OUT_DIR [WxH]

WxH is the main window's size (1500x900 unless given; 1366x768 and 1920x1080 are the
screens the program is checked on).

    xvfb-run -s "-screen 0 1600x1000x24" uv run python tools/screenshot.py --guide

writes the pictures of the user guide (resources/help/guide/*.png, at 1366x768).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main(out: Path, size: tuple[int, int] = (1500, 900)) -> int:
    from imc_desktop import config
    from imc_desktop.app import make_application
    from imc_desktop.services import demo
    from imc_desktop.services.common import maintenance
    from imc_desktop.services.organizations import records as organizations
    from ui.composition import GRADES_EDITOR
    from ui.main_window import MainWindow
    from ui.organizations.dialog import OrganizationDialog
    from ui.settings_dialog import SettingsDialog

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = config.Settings(Path(tmp) / "settings.ini")
        maintenance.open_current(Path(tmp) / "demo.sqlite", Path(tmp) / "backups")
        demo.fill_demo()
        window = MainWindow(settings)
        window.resize(*size)
        shoot(window, out / "main_window.png")
        window.organizations.record_list.search.setText("сош покров")
        QTest.qWait(200)
        shoot(window, out / "main_window_search.png")
        org = organizations.list_organizations()[0]
        shoot(OrganizationDialog(org, window, GRADES_EDITOR), out / "organization_dialog.png")
        shoot(SettingsDialog(settings, window), out / "settings_dialog.png")
        _report_shots(window, settings, out)
        _staff_shots(window, out)
        _attestation_shots(window, out)
        _literature_shots(window, out)
        _equipment_shots(window, out)
        _events_shots(window, out)
        _methodist_shots(window, out)
        _sub_tab_shots(window, "network", out)
        _sub_tab_shots(window, "requests", out)
        _sync_shots(window, settings, Path(tmp), out)
        window.close()
        maintenance.close_current()
    return 0


def _staff_shots(window: QWidget, out: Path) -> None:
    from imc_desktop.services.organizations import records as organizations
    from imc_desktop.services.staff import records as staff
    from imc_desktop.services.staff import write as staff_write
    from ui.composition import STAFF_CARD_PAGES
    from ui.staff.card import CardContext, PersonDialog

    window.tabs.setCurrentWidget(window.staff)  # type: ignore[attr-defined]
    shoot(window, out / "staff_tab.png")
    from imc_desktop.services.attestation import records as attestation
    from imc_desktop.services.events import records as events
    from imc_desktop.services.events.participants import list_participants, person_participation

    contest = next(r for r in events.list_events() if r.kind == "конкурс"
                   and r.status == "проведено")
    winner = next(p.data.person_id for p in list_participants(contest.id)
                  if p.data.result == "победитель")
    from imc_desktop.services.common.rules import Rules

    rules = Rules.from_settings(window.settings)  # type: ignore[attr-defined]
    row = next(x for x in staff.list_staff(rules) if x.id == winner)

    context = CardContext(rules, tuple(organizations.active_organization_choices()),
                          tuple(staff_write.change_log(row.id)),
                          attestation=attestation.person_attestation(row.id, rules),
                          participation=tuple(person_participation(row.id)),
                          pages=STAFF_CARD_PAGES)
    card = PersonDialog(staff.get_person(row.id), context, window)
    for index in range(card.tabs.count()):
        card.tabs.setCurrentIndex(index)
        shoot(card, out / f"staff_card_{index}.png")


def _sync_shots(window: QWidget, settings: object, tmp: Path, out: Path) -> None:
    """Two edits of one field on two workstations: the status bar, conflicts, journal."""
    import sqlite3

    from imc_desktop import config
    from imc_desktop.services.common import maintenance
    from imc_desktop.services.sync import runner as sync
    from ui.sync.dialogs import ConflictsDialog, JournalDialog

    assert isinstance(settings, config.Settings)
    os.environ.setdefault("IMC_SYNC_PASSPHRASE",  # the words of a picture's sync folder
                          "адрес аист акула ангел арбуз армия астра атлас багаж банан")
    share, path = tmp / "share", maintenance.info().path
    share.mkdir()
    settings.set(config.SYNC_LOCATION, str(share))
    other = tmp / "other.sqlite"
    sync.run(path, share, "Каб. 12")
    sync.run(other, share, "Каб. 14") if other.exists() else _new_workstation(other, share)
    with sqlite3.connect(path) as con:
        [(org,)] = con.execute("SELECT id FROM organizations WHERE rowid=1")
    con.close()
    for db_file, name in ((path, "Школа (Каб. 12)"), (other, "Школа (Каб. 14)")):
        with sqlite3.connect(db_file) as con:
            con.execute("UPDATE organizations SET short_name=? WHERE id=?", (name, org))
        con.close()
    for db_file, ws in ((path, "Каб. 12"), (other, "Каб. 14"), (path, "Каб. 12")):
        sync.run(db_file, share, ws)
    window.sync.refresh_status()  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.organizations)  # type: ignore[attr-defined]
    shoot(window, out / "sync_status.png")
    shoot(ConflictsDialog(path, settings, window), out / "sync_conflicts.png")
    shoot(JournalDialog(path, None, settings, window), out / "sync_journal.png")
    _change_key_shots(window, out)


def _change_key_shots(window: QWidget, out: Path) -> None:
    """Сервис → Сменить ключ синхронизации: the new words, and a change to be finished."""
    from ui.sync.key_dialogs import EnterKeyDialog, NewKeyDialog

    phrase = "волк гора дождь ель жук забор игла кино лес море"
    shoot(NewKeyDialog(phrase, window, changing=True), out / "sync_change_key.png")
    shoot(NewKeyDialog(phrase, window, purpose=NewKeyDialog.BACKUP), out / "backup_key.png")
    finish = EnterKeyDialog("В папке синхронизации меняют ключ синхронизации (начато "
                            "06.12.2026 10:30 на компьютере «Каб. 12»). …\n\n"
                            "Введите новые слова, записанные в начале смены.", window)
    finish.remember.setVisible(False)
    shoot(finish, out / "sync_change_key_finish.png")


def _new_workstation(path: Path, share: Path) -> None:
    from imc_desktop import db
    from imc_desktop.services.sync import runner as sync

    db.prepare_database(path, path.parent / "backups-other")
    sync.run(path, share, "Каб. 14")


def _attestation_shots(window: QWidget, out: Path) -> None:
    window.tabs.setCurrentWidget(window.attestation)  # type: ignore[attr-defined]
    tab = window.tabs.currentWidget()  # type: ignore[attr-defined]
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        shoot(window, out / f"attestation_{index}.png")


def _literature_shots(window: QWidget, out: Path) -> None:
    tab = window.literature  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        shoot(window, out / f"literature_{index}.png")


def _equipment_shots(window: QWidget, out: Path) -> None:
    from imc_desktop.services.equipment import history as equipment_history
    from imc_desktop.services.equipment import records as equipment
    from imc_desktop.services.organizations import records as organizations
    from ui.equipment.item_dialog import CardContext, ItemDialog

    window.tabs.setCurrentWidget(window.equipment)  # type: ignore[attr-defined]
    tab = window.tabs.currentWidget()  # type: ignore[attr-defined]
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        shoot(window, out / f"equipment_{index}.png")
    row = next(x for x in equipment.list_items() if len(equipment_history.history(x.id)) > 2)
    card = ItemDialog(equipment.get_item(row.id), CardContext(
        tuple(organizations.active_organization_choices()),
        tuple(equipment_history.history(row.id))), window)
    shoot(card, out / "equipment_card.png")
def _events_shots(window: QWidget, out: Path) -> None:
    from imc_desktop.services.events import records as events
    from ui.events.event_dialog import EventDialog
    from ui.events.participants_dialog import ParticipantsDialog
    from ui.events.reminders import RemindersDialog

    tab = window.events  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    shoot(window, out / "events_month.png")
    tab.step(-1)
    shoot(window, out / "events_month_before.png")
    tab.go_today()
    tab.set_view(1)
    shoot(window, out / "events_week.png")
    tab.set_view(2)
    shoot(window, out / "events_list.png")
    tab.set_view(0)
    contest = next(r for r in events.list_events() if r.kind == "конкурс"
                   and r.status == "проведено")
    shoot(EventDialog(events.get_event(contest.id), tab.context(), window),
          out / "events_dialog.png")
    shoot(ParticipantsDialog(contest, tab.people_context(), None, window),
          out / "events_participants.png")
    shoot(RemindersDialog(tab.reminders(), window), out / "events_reminders.png")


def _methodist_shots(window: QWidget, out: Path) -> None:
    tab = window.methodist  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        QTest.qWait(100)
        shoot(window, out / f"methodist_{index}.png")
    tab.tabs.setCurrentIndex(0)
    form = tab.consultations.form
    form.focus_first("whom_text")
    QTest.keyClicks(form.whom.line, "")
    form.whom.line.setText("Иван")
    form.whom.line.textEdited.emit("Иван")
    QTest.qWait(100)
    shoot(window, out / "methodist_picking.png")
    form.whom.set_text("")  # the matches float over the window (here it never had the focus)


def _sub_tab_shots(window: QWidget, name: str, out: Path) -> None:
    """Each sub-tab of a module's tab, as `<name>_<index>.png`."""
    tab = getattr(window, name)
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    for index in range(tab.tabs.count()):
        tab.tabs.setCurrentIndex(index)
        QTest.qWait(100)
        shoot(window, out / f"{name}_{index}.png")


def _report_shots(window: QWidget, settings: object, out: Path) -> None:
    from imc_desktop.services.common import reports
    from ui.reports_dialog import ReportsDialog
    from ui.widgets.pdf_pages import render_pages
    from ui.widgets.report_preview import PREVIEW_DPI, ReportPreviewDialog

    shoot(ReportsDialog(reports.definitions(), settings, window), out / "reports_dialog.png")
    report = reports.build("organizations", {}, settings)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = reports.write(report, "pdf", Path(tmp) / "r.pdf", settings)
        preview = ReportPreviewDialog(report, pdf, render_pages(pdf, PREVIEW_DPI), settings,
                                      window)
        shoot(preview, out / "report_preview.png")


GUIDE = Path(__file__).resolve().parent.parent / "resources" / "help" / "guide"
GUIDE_SIZE = (1366, 768)


def guide(out: Path = GUIDE) -> int:
    """One picture per chapter of the guide: each module's tab and the new pedagogue's card."""
    from imc_desktop import config
    from imc_desktop.app import make_application
    from imc_desktop.services import demo
    from imc_desktop.services.common import maintenance
    from imc_desktop.services.common.rules import Rules
    from imc_desktop.services.staff.card import new_card
    from ui.composition import STAFF_CARD_PAGES
    from ui.main_window import MainWindow
    from ui.staff.card import CardContext, PersonDialog

    make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = config.Settings(Path(tmp) / "settings.ini")
        maintenance.open_current(Path(tmp) / "demo.sqlite", Path(tmp) / "backups")
        demo.fill_demo()
        window = MainWindow(settings)
        window.resize(*GUIDE_SIZE)
        shoot(window, out / "home.png")
        for name in ("organizations", "staff", "events", "attestation", "literature",
                     "equipment", "network", "requests",
                     "methodist"):
            window.tabs.setCurrentWidget(getattr(window, name))
            QTest.qWait(100)
            shoot(window, out / f"{name}.png")
        data = new_card()
        card = PersonDialog(data.person, CardContext.of(
            data, Rules.from_settings(settings), STAFF_CARD_PAGES), window)
        shoot(card, out / "staff_new.png")
        card.close()
        window.close()
        maintenance.close_current()
    for picture in out.glob("*.png"):
        _make_small(picture)
    return 0


GUIDE_WIDTH = 840  # the guide's pictures fit its window; QTextBrowser would scale roughly


def _make_small(picture: Path) -> None:
    """Scaled smoothly to the guide's width, 256 colours (octree: the small colour marks keep
    their colour) without dithering: a screen of the program stays readable at a fraction of
    the size (the guide ships with every install)."""
    from PIL import Image

    with Image.open(picture) as image:
        rgb = image.convert("RGB")
        if rgb.width > GUIDE_WIDTH:
            rgb = rgb.resize((GUIDE_WIDTH, round(rgb.height * GUIDE_WIDTH / rgb.width)),
                             Image.Resampling.LANCZOS)
        small = rgb.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                             dither=Image.Dither.NONE)
    small.save(picture, optimize=True)


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


if __name__ == "__main__" and sys.argv[1:2] == ["--guide"]:
    sys.exit(guide())
elif __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"),
                  parse_size(sys.argv[2]) if len(sys.argv) > 2 else (1500, 900)))
