"""`imc-desktop sync --db PATH --store DIR` on real files and a real temporary folder."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from imc_desktop import cli, db
from imc_desktop.cli_sync import EXIT_AWAITING
from imc_desktop.sync.share import Share
from imc_desktop.sync.tables import synced_tables
from tests.sync.helpers import admit_all

SUMMARY = re.compile(r"^Синхронизация: получено файлов (\d+), применено изменений (\d+), "
                     r"отправлено изменений (\d+), конфликтов (\d+)")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def sync(capsys: pytest.CaptureFixture[str], path: Path, store: Path,
         *extra: str) -> tuple[int, tuple[int, ...], str]:
    code, out, err = run(capsys, "sync", "--db", str(path), "--store", str(store), *extra)
    assert "Traceback" not in out + err
    found = SUMMARY.match(out)
    counts = tuple(int(x) for x in found.groups()) if found else ()
    if found:
        assert out.count("\n") == 1, "one line on stdout"
    return code, counts, err


def _content(path: Path) -> dict[str, set[tuple[object, ...]]]:
    with sqlite3.connect(path) as con:
        found = {t: set(con.execute(f'SELECT * FROM "{t}"')) for t in synced_tables()}
    con.close()
    return found


@pytest.fixture
def filled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "a.sqlite"
    code, _out, _err = run(capsys, "demo-data", "--db", str(path), "--staff", "20")
    assert code == 0
    return path


def test_an_empty_folder_becomes_a_store_and_a_new_workstation_is_filled_from_it(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    code, (pulled, applied, pushed, conflicts), _ = sync(capsys, filled, store)
    assert code == 0 and pulled == 0 and pushed > 0 and conflicts == 0
    assert (store / "store.json").exists()
    new = tmp_path / "новое место" / "b.sqlite"
    code, (pulled, applied, pushed, _c), err = sync(capsys, new, store, "--name", "Каб. 5")
    assert code == EXIT_AWAITING and pulled == 1 and applied == 0 + applied and pushed == 0
    assert _content(new) == _content(filled)
    assert db.full_check(new) == []
    found = re.search(r"Компьютер ожидает допуска: код проверки (\d{4} \d{4})", err)
    assert found, err
    _admit_from(capsys, filled, store, "Каб. 5", found[1])
    code, counts, _ = sync(capsys, new, store)
    assert code == 0 and counts == (0, 0, 0, 0), "running it twice changes nothing"


def _admit_from(capsys: pytest.CaptureFixture[str], admitted: Path, store: Path, name: str,
                code: str) -> None:
    """The methodist on an admitted PC lists the waiting ones, tries a wrong code, then
    admits with the right one."""
    status, out, _err = run(capsys, "sync", "--waiting", "--db", str(admitted), "--store",
                            str(store))
    assert status == 0 and f"Ожидает допуска: «{name}», код {code}" in out
    wrong = f"{(int(code.replace(' ', '')) + 1) % 10 ** 8:08d}"
    status, out, err = run(capsys, "sync", "--admit", name, wrong, "--db", str(admitted),
                           "--store", str(store))
    assert status == 1 and "не совпадает" in err and not out
    status, out, _err = run(capsys, "sync", "--admit", name, code, "--db", str(admitted),
                            "--store", str(store))
    assert status == 0 and f"«{name}» (код {code}) допущено" in out
    status, out, _err = run(capsys, "sync", "--waiting", "--db", str(admitted), "--store",
                            str(store))
    assert status == 0 and "Рабочих мест, ожидающих допуска, нет." in out


def test_the_waiting_pc_says_so_and_a_pc_waiting_cannot_admit(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    sync(capsys, filled, store)
    first, second = tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    sync(capsys, first, store, "--name", "Б")
    code, _counts, err = sync(capsys, second, store, "--name", "В")
    digits = re.search(r"код проверки (\d{4} \d{4})", err)
    assert code == EXIT_AWAITING and digits
    status, out, _err = run(capsys, "sync", "--waiting", "--db", str(first), "--store",
                            str(store))
    assert status == 0 and out.startswith("Этот компьютер ожидает допуска, код проверки")
    status, out, err = run(capsys, "sync", "--admit", "В", digits[1], "--db", str(first),
                           "--store", str(store))
    assert status == 1 and "сам ещё ожидает допуска" in err
    status, out, _err = run(capsys, "sync", "--refuse", "В", digits[1], "--db", str(filled),
                            "--store", str(store))
    assert status == 0 and "отклонено" in out
    assert sync(capsys, second, store)[0] == EXIT_AWAITING, "still not admitted"


def test_edits_travel_both_ways(tmp_path: Path, filled: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    other = tmp_path / "b.sqlite"
    sync(capsys, filled, store)
    sync(capsys, other, store)
    assert len(admit_all(Share(store))) == 1  # as a methodist would on the first PC
    with sqlite3.connect(filled) as con:
        con.execute("UPDATE persons SET phone='111' WHERE rowid=1")
    con.close()
    with sqlite3.connect(other) as con:
        con.execute("UPDATE persons SET email='b@example.ru' WHERE rowid=1")
    con.close()
    for path in (filled, other, filled):
        assert sync(capsys, path, store)[0] == 0
    assert _content(filled) == _content(other)


def test_a_missing_store_folder_is_an_error_in_russian(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, counts, err = sync(capsys, tmp_path / "a.sqlite", tmp_path / "нет такой")
    assert code == 1 and counts == () and "недоступна" in err


def test_an_emptied_store_asks_and_is_confirmed_with_new_store(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    sync(capsys, filled, store)
    shutil.rmtree(store)
    store.mkdir()
    code, counts, err = sync(capsys, filled, store)
    assert code == 3 and counts == () and "--new-store" in err and "пуста" in err
    code, (_p, _a, pushed, _c), _ = sync(capsys, filled, store, "--new-store")
    assert code == 0 and pushed > 0


def test_a_corrupt_file_gives_exit_1_and_names_it(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    sync(capsys, filled, store)
    [segment] = store.rglob("*.seg")
    segment.write_bytes(segment.read_bytes()[:100])
    code, (pulled, *_rest), err = sync(capsys, tmp_path / "b.sqlite", store)
    assert code == 1 and pulled == 0 and segment.name in err and "испорчен" in err


def test_a_wrong_pc_clock_receives_but_sends_nothing_and_exits_1(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from imc_desktop.sync import engine

    store = tmp_path / "store"
    store.mkdir()
    sync(capsys, filled, store)
    monkeypatch.setattr(engine, "now_ms", lambda: int(time.time() * 1000) - 20 * 60_000)
    code, (pulled, applied, pushed, _c), err = sync(capsys, tmp_path / "b.sqlite", store)
    assert code == 1 and pulled == 1 and applied > 0 and pushed == 0
    assert "отстают на 20 мин" in err and "не отправлены" in err


def test_a_foreign_database_file_is_refused(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x)")
    con.close()
    (tmp_path / "store").mkdir()
    code, counts, err = sync(capsys, path, tmp_path / "store")
    assert code == 1 and "другой программы" in err


def test_without_a_key_the_command_says_what_to_do_in_one_line(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.sync.keys import PASSPHRASE_ENV
    from imc_desktop.sync.sealing import check_passphrase

    store = tmp_path / "store"
    store.mkdir()
    monkeypatch.delenv(PASSPHRASE_ENV)
    code, counts, err = sync(capsys, filled, store)
    assert code == 1 and counts == () and err.count("\n") == 1
    assert PASSPHRASE_ENV in err and not (store / "store.json").exists()
    suggested = err.rsplit("Например: ", 1)[1].strip()
    assert check_passphrase(suggested) == suggested, "ten words that can be used"
    monkeypatch.setenv(PASSPHRASE_ENV, suggested)
    assert sync(capsys, filled, store)[0] == 0, "the env's passphrase makes the store"
    monkeypatch.delenv(PASSPHRASE_ENV)
    code, counts, err = sync(capsys, tmp_path / "b.sqlite", store)
    assert code == 1 and err.count("\n") == 1 and "не знает" in err
    code, out, err = run(capsys, "sync", "--check", "--db", str(filled), "--store", str(store))
    assert code == 1 and "не знает" in out
    monkeypatch.setenv(PASSPHRASE_ENV, "юрта ящик язык яйцо юмор юла юбка эхо этаж щука")
    code, counts, err = sync(capsys, tmp_path / "b.sqlite", store)
    assert code == 1 and "не подходит" in err


def test_change_key_prints_new_words_that_the_others_then_need(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from imc_desktop.cli_sync import NEW_KEY_ENV

    store = tmp_path / "store"
    store.mkdir()
    other = tmp_path / "b.sqlite"
    sync(capsys, filled, store)
    sync(capsys, other, store)
    admit_all(Share(store))
    monkeypatch.delenv(NEW_KEY_ENV, raising=False)
    status, out, err = run(capsys, "sync", "--change-key", "--db", str(filled), "--store",
                           str(store), "--name", "Кабинет 5")
    assert status == 0, err
    words = re.search(r"^    (\S+(?: \S+){9})$", out, re.MULTILINE)
    assert words, out
    assert re.search(r"Ключ синхронизации сменён: новым ключом зашифровано файлов — \d+\.",
                     out)
    code, _counts, err = sync(capsys, other, store)  # still the old words in the environment
    assert code == 1 and "сменён" in err and "«Кабинет 5»" in err
    monkeypatch.setenv("IMC_SYNC_PASSPHRASE", words[1])
    code, _counts, err = sync(capsys, other, store)
    assert code == 0, err
    assert _content(other) == _content(filled)
    monkeypatch.setenv(NEW_KEY_ENV, "волк гора дождь")  # a scheduled change with bad words
    status, out, err = run(capsys, "sync", "--change-key", "--db", str(filled), "--store",
                           str(store))
    assert status == 1 and "10 слов" in err and "Traceback" not in err
    monkeypatch.setenv(NEW_KEY_ENV, words[1])  # the key it has
    status, out, err = run(capsys, "sync", "--change-key", "--db", str(filled), "--store",
                           str(store))
    assert status == 1 and "нынешний ключ" in err


def test_a_new_workstation_from_the_command_line_writes_the_snapshot_into_its_file_once(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line holds no other connection to the file: the snapshot's database is
    written into it once, not into the WAL and again by the checkpoint."""
    import socket

    from imc_desktop.sync.engine import synchronise
    from imc_desktop.sync.snapshot import Policy
    from tests.sync.test_snapshot_reading import wal_after_restore

    store = tmp_path / "store"
    store.mkdir()
    assert sync(capsys, filled, store)[0] == 0
    synchronise(filled, Share(store), socket.gethostname(),  # a snapshot written now
                snapshots=Policy(every_segments=1, every_days=0, min_hours=0))
    assert list((store / "snapshots").glob("*.snap"))
    wal = wal_after_restore(monkeypatch)
    new = tmp_path / "b.sqlite"
    assert sync(capsys, new, store, "--name", "Каб. 5")[0] == EXIT_AWAITING
    [(left, image)] = wal
    assert left < image / 10
    assert _content(new) == _content(filled) and db.full_check(new) == []
    with sqlite3.connect(new) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_check_of_a_file_that_is_not_a_database_says_so_in_russian(
        tmp_path: Path, filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    assert sync(capsys, filled, store)[0] == 0
    junk = tmp_path / "imc.sqlite"
    junk.write_bytes(b"not a database, " * 512)
    code, out, err = run(capsys, "sync", "--check", "--db", str(junk), "--store", str(store))
    assert code == 1 and not out and "Traceback" not in err
    assert f"база данных {junk} не открывается" in err and "повреждён" in err, err
