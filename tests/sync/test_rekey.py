"""Changing the district key (issue «The share holds no readable personal data»): from one
admitted PC every file of the folder is sealed with the new key, the old key opens none of
them, the other PCs ask for the new words and go on; an interrupted change stops the
others and is finished with the same words; a change that cannot begin changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from imc_desktop.sync import keys, rekey
from imc_desktop.sync.keys import PASSPHRASE_ENV, KeySource
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import open_signed
from imc_desktop.sync.snapshot import Policy
from imc_desktop.sync.store import KeyNeeded, SyncStopped, read_store
from tests.conftest import SYNC_PASSPHRASE
from tests.sync.helpers import Workstation, fingerprint, key_of, opens, sealed_files

MakePC = Callable[[str], Workstation]
NEW = "волк гора дождь ель жук забор игла кино лес море"
OTHER = "сова сок сосна спорт среда стол суп сыр сын танец"
EAGER = Policy(every_segments=1, every_days=0, min_hours=0, archive_days=0)
WHEN = datetime(2026, 12, 6, 10, 30)


@pytest.fixture
def office(make_pc: MakePC) -> tuple[Workstation, Workstation, str]:
    """a (made the folder) and b (admitted) after a few rounds with snapshots written and
    segments archived: every kind of sealed file is in the folder."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Ключевая")
    for round_ in range(3):
        a.update("persons", person, first_name=f"Круг{round_}")
        for pc in (a, b):
            pc.sync(snapshots=EAGER)
    return a, b, person


def test_every_file_is_sealed_with_the_new_key_and_none_opens_with_the_old(
        office: tuple[Workstation, Workstation, str], share: Share) -> None:
    a, b, _person = office
    before = sealed_files(share)
    kinds = {"snapshot" if rel.startswith("snapshots/") else "archived"
             if "/archive/" in rel else "seg" if rel.endswith(".seg") else
             rel.split("/")[-1].split("-")[0].split(".")[0] for rel in before}
    assert kinds == {"seg", "archived", "progress", "site", "request", "admit", "snapshot"}, \
        kinds
    signers = {rel: open_signed(key_of(share, SYNC_PASSPHRASE), share.path(rel).read_bytes(),
                                ad, rel)[0] for rel, ad in before.items()}
    done = rekey.change(a.path, share, NEW, "a", today=WHEN)
    assert done.resealed == len(before) and done.already == 0 and done.left == ()
    old, new = key_of(share, SYNC_PASSPHRASE), key_of(share, NEW)
    after = sealed_files(share)
    assert set(after) == set(before)
    for rel, ad in after.items():
        assert opens(new, share, rel, ad), rel
        assert not opens(old, share, rel, ad), rel
        # the writer's signature goes through the change unchanged
        assert open_signed(new, share.path(rel).read_bytes(), ad, rel)[0] == signers[rel]
    store = read_store(share)
    assert store is not None and store.key is not None
    assert new.matches(store.key) and not old.matches(store.key)
    assert store.rekeyed == "06.12.2026 на компьютере «a»"
    assert not share.exists(rekey.MARKER)
    assert keys.remembered(store.store_id) == new.key  # this PC knows the new key


def test_the_others_are_asked_for_the_new_words_and_then_go_on(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, person = office
    rekey.change(a.path, share, NEW, "a", today=WHEN)
    before = b.content()
    with pytest.raises(KeyNeeded) as wrong:  # the scheduled run still has the old words
        b.sync()
    assert wrong.value.kind == "wrong" and "сменён 06.12.2026 на компьютере «a»" in str(
        wrong.value)
    store = read_store(share)
    assert store is not None
    keys.remember(store.store_id, key_of(share, SYNC_PASSPHRASE).key)  # b remembers the old
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(KeyNeeded) as asked:
        b.sync()
    assert asked.value.kind == "enter" and "сменён 06.12.2026 на компьютере «a»" in str(
        asked.value)
    assert b.content() == before  # nothing read, nothing changed
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    a.update("persons", person, last_name="После смены")
    made = b.insert("persons", last_name="Новая после смены")
    for pc in (a, b, a, b):
        result = pc.sync(snapshots=EAGER)
        assert not result.bad_files, result.bad_files
    assert b.value("persons", person, "last_name") == "После смены"
    assert a.value("persons", made, "last_name") == "Новая после смены"
    assert a.content() == b.content()
    new = key_of(share, NEW)
    for rel, ad in sealed_files(share).items():  # what was written since: the new key only
        assert opens(new, share, rel, ad), rel
    found = b"".join(p.read_bytes() for p in share.root.rglob("*") if p.is_file())
    assert "После смены".encode() not in found and "Ключевая".encode() not in found


def test_a_new_pc_joins_with_the_new_words(office: tuple[Workstation, Workstation, str],
                                           share: Share, make_pc: MakePC,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, _person = office
    rekey.change(a.path, share, NEW, "a", today=WHEN)
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    c = make_pc("c")
    result = c.sync(snapshots=EAGER)
    assert not result.bad_files, result.bad_files
    c.sync(snapshots=EAGER)
    assert c.content() == a.content()


class Interrupted(Exception):
    pass


def _stop_after(count: int) -> Callable[[int, int, str], None]:
    def progress(done: int, _total: int, _rel: str) -> None:
        if done >= count:
            raise Interrupted
    return progress


def test_an_interrupted_change_stops_the_others_and_is_finished_with_the_same_words(
        office: tuple[Workstation, Workstation, str], share: Share) -> None:
    a, b, _person = office
    total = len(sealed_files(share))
    with pytest.raises(Interrupted):
        rekey.change(a.path, share, NEW, "Кабинет 5", progress=_stop_after(total // 2),
                     today=WHEN)
    assert share.exists(rekey.MARKER)
    store = read_store(share)
    assert store is not None and store.key is not None
    assert key_of(share, SYNC_PASSPHRASE).matches(store.key)  # store.json not changed yet
    before = (b.content(), fingerprint(share))
    with pytest.raises(SyncStopped, match="меняют ключ синхронизации") as stopped:
        b.sync()
    assert "«Кабинет 5»" in str(stopped.value) and "06.12.2026 10:30" in str(stopped.value)
    assert (b.content(), fingerprint(share)) == before  # the others write nothing
    with pytest.raises(SyncStopped, match="другим новым ключом"):
        rekey.change(b.path, share, OTHER, "b", today=WHEN)
    assert fingerprint(share) == before[1]
    done = rekey.change(b.path, share, NEW, "b", today=WHEN)  # another admitted PC ends it
    assert done.already == total // 2 and done.resealed == total - total // 2
    assert not share.exists(rekey.MARKER)
    new = key_of(share, NEW)
    assert all(opens(new, share, rel, ad) for rel, ad in sealed_files(share).items())


def test_a_change_interrupted_after_store_json_is_finished(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, _person = office
    real = rekey.replace_key

    def then_stop(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise Interrupted

    with monkeypatch.context() as patch, pytest.raises(Interrupted):
        patch.setattr(rekey, "replace_key", then_stop)
        rekey.change(a.path, share, NEW, "a", today=WHEN)
    assert share.exists(rekey.MARKER)
    done = rekey.change(a.path, share, NEW, "a", today=WHEN)
    assert done.resealed == 0 and done.left == () and not share.exists(rekey.MARKER)
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    assert not b.sync(snapshots=EAGER).bad_files


def test_a_file_written_during_the_change_by_a_sync_begun_before_it_is_sealed_too(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """b read the folder before the change began and sends its segment meanwhile."""
    a, b, person = office
    b.update("persons", person, last_name="Вовремя")
    sent: list[bool] = []

    def b_syncs_once(_done: int, _total: int, _rel: str) -> None:
        if not sent:
            sent.append(True)
            with monkeypatch.context() as patch:
                patch.setattr(rekey, "stop_if_changing", lambda _share: None)
                b.sync(snapshots=EAGER)

    rekey.change(a.path, share, NEW, "a", progress=b_syncs_once, today=WHEN)
    new = key_of(share, NEW)
    assert all(opens(new, share, rel, ad) for rel, ad in sealed_files(share).items())
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    assert not a.sync(snapshots=EAGER).bad_files
    assert a.value("persons", person, "last_name") == "Вовремя"


def test_a_damaged_file_is_left_named_and_the_rest_changed(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, person = office
    b.update("persons", person, last_name="Испорченная")
    b.sync(snapshots=Policy(every_segments=10 ** 9, every_days=10 ** 6, min_hours=10 ** 6))
    site = str(b.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])
    damaged = max((share.root / "sites" / site).glob("*.seg"))
    data = bytearray(damaged.read_bytes())
    data[-5] ^= 1
    damaged.write_bytes(bytes(data))
    done = rekey.change(a.path, share, NEW, "a", today=WHEN)
    assert len(done.left) == 1 and damaged.name in done.left[0]
    new = key_of(share, NEW)
    assert all(opens(new, share, rel, ad) for rel, ad in sealed_files(share).items()
               if not rel.endswith(damaged.name))
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    result = a.sync()  # set aside as any damaged file is; b sends the change again
    assert any(damaged.name in bad for bad in result.bad_files)
    b.sync()
    a.sync()
    assert a.value("persons", person, "last_name") == "Испорченная"


@pytest.mark.parametrize("case", ["same key", "bad words", "wrong old key", "waiting PC",
                                  "never synced"])
def test_a_change_that_cannot_begin_changes_nothing(
        office: tuple[Workstation, Workstation, str], share: Share, make_pc: MakePC,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    a, _b, _person = office
    path, phrase, source = a.path, NEW, KeySource()
    message = ""
    if case == "same key":
        phrase, message = SYNC_PASSPHRASE, "нынешний ключ"
    elif case == "bad words":
        phrase, message = "волк гора дождь", "10 слов"
    elif case == "wrong old key":
        source, message = KeySource(OTHER), "не подходит к этой папке"
    elif case == "waiting PC":
        waiting = Workstation(tmp_path / "w" / "imc.sqlite", share, "w", admitted=False)
        waiting.sync()
        path, message = waiting.path, "ожидает допуска"
    else:
        path, message = make_pc("n").path, "ещё не синхронизировался"
    before = fingerprint(share)
    with pytest.raises(SyncStopped, match=message):
        rekey.change(path, share, phrase, "x", source, today=WHEN)
    assert fingerprint(share) == before


def test_a_store_of_the_previous_format_is_refused_plainly(make_pc: MakePC,
                                                           share: Share) -> None:
    import json

    a = make_pc("a")
    a.sync()
    info = json.loads((share.root / "store.json").read_text())
    info["format"] = 2
    (share.root / "store.json").write_text(json.dumps(info))
    with pytest.raises(SyncStopped, match="новую пустую папку") as stopped:
        a.sync()
    assert "прежней версией" in str(stopped.value)


def test_progress_is_told_for_every_file(office: tuple[Workstation, Workstation, str],
                                         share: Share) -> None:
    a, _b, _person = office
    seen: list[tuple[int, int]] = []
    rekey.change(a.path, share, NEW, "a", progress=lambda d, t, _r: seen.append((d, t)),
                 today=WHEN)
    total = len(sealed_files(share))
    assert seen[0] == (0, total) and (total, total) in seen
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_a_share_that_fails_midway_is_named_and_the_change_goes_on_from_there(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, _person = office
    total = len(sealed_files(share))
    real, written = Share.replace, []

    def failing(self: Share, rel: str, data: bytes) -> None:
        if len(written) == 3:
            raise PermissionError(13, "Отказано в доступе", str(self.path(rel)))
        written.append(rel)
        real(self, rel, data)

    with monkeypatch.context() as patch:
        patch.setattr(Share, "replace", failing)
        with pytest.raises(SyncStopped) as stopped:
            rekey.change(a.path, share, NEW, "a", today=WHEN)
    message = str(stopped.value)
    assert "Смена ключа прервана" in message and "Отказано в доступе" in message
    assert "файлов: 3" in message and "с теми же новыми словами" in message
    assert share.exists(rekey.MARKER)
    done = rekey.change(a.path, share, NEW, "a", today=WHEN)
    assert done.already == 3 and done.resealed == total - 3
    new = key_of(share, NEW)
    assert all(opens(new, share, rel, ad) for rel, ad in sealed_files(share).items())


def test_a_sync_begun_before_the_change_sets_nothing_aside_and_stops(
        office: tuple[Workstation, Workstation, str], share: Share,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """b began its sync with the old key before the change; the files it meets sealed with
    the new key are not damaged: it stops instead of setting them aside."""
    a, b, person = office
    a.update("persons", person, last_name="Пока b не видел")
    a.sync(snapshots=EAGER)
    stopped: list[str] = []

    def b_syncs_midway(done: int, total: int, _rel: str) -> None:
        if not stopped and done >= total - 1:
            with monkeypatch.context() as patch:
                patch.setattr(rekey, "stop_if_changing", lambda _share: None)
                with pytest.raises(SyncStopped) as caught:
                    b.sync(snapshots=EAGER)
            stopped.append(str(caught.value))

    rekey.change(a.path, share, NEW, "a", progress=b_syncs_midway, today=WHEN)
    assert stopped and "меняют ключ" in stopped[0]
    assert not [p for p in share.root.rglob(".bad-*")], "nothing set aside"
    assert not (b.path.parent / "sync-quarantine").exists()
    monkeypatch.setenv(PASSPHRASE_ENV, NEW)
    assert not b.sync(snapshots=EAGER).bad_files
    assert b.value("persons", person, "last_name") == "Пока b не видел"


def test_a_sync_folder_out_of_reach_is_named_and_nothing_begins(
        office: tuple[Workstation, Workstation, str], tmp_path: Path) -> None:
    a, _b, _person = office
    gone = Share(tmp_path / "нет такой папки")
    with pytest.raises(SyncStopped, match="недоступна"):
        rekey.change(a.path, gone, NEW, "a", today=WHEN)
    assert not gone.root.exists()
