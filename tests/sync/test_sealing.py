"""The share is untrusted storage: segments are sealed with the district key (issue 22).

Each attack is made on real files of a real sync folder and must fail to change any
database: the file is quarantined and named, and every workstation's data stay as they were.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
import stat
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from imc_desktop import __version__, paths
from imc_desktop.sync import keys, sealing
from imc_desktop.sync.segment import Header, encode, segment_name
from imc_desktop.sync.share import Share
from imc_desktop.sync.store import PLAIN_SITE_FILE, SCHEMA_EPOCH, KeyNeeded, SyncStopped
from tests.sync.helpers import Workstation, opened, sealed_for, share_key

MakePC = Callable[[str], Workstation]
OTHER_PHRASE = "юрта ящик язык яйцо юмор юла юбка эхо этаж щука"


def _own_site(pc: Workstation) -> str:
    """The site id of `pc`, made now if it has not synced yet."""
    from imc_desktop.sync import local

    con = local.connect(pc.path)
    try:
        return local.site_id(con)
    finally:
        con.close()


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def _seg(share: Share, site: str, seq: int) -> Path:
    return share.root / "sites" / site / segment_name(seq)


def _fingerprint(*pcs: Workstation) -> list[Any]:
    """Everything each workstation holds: its data, its conflicts and its held changes."""
    return [(pc.content(), pc.conflicts(), pc.sql("SELECT count(*) FROM sync_held"))
            for pc in pcs]


def _plain_change(store: str, site: str, seq: int, row: str) -> bytes:
    """A sound gzip JSON segment as an attacker with write access can build (no key)."""
    header = Header(store, site, seq, 1, __version__, SCHEMA_EPOCH, "Подделка", "x")
    change = {"t": "persons", "r": row, "op": "u", "v": {"last_name": json.dumps("Взломан")},
              "s": {}}
    return encode(header, [change])[0]


def _store_id(share: Share) -> str:
    return str(json.loads((share.root / "store.json").read_text())["store_id"])


@pytest.fixture
def three(make_pc: MakePC) -> tuple[Workstation, Workstation, Workstation, str]:
    """a, b and c synchronised, with one person made by a."""
    a, b, c = make_pc("a"), make_pc("b"), make_pc("c")
    person = a.insert("persons", last_name="Исходная")
    for pc in (a, b, c, a):
        pc.sync()
    return a, b, c, person


def _refused(share: Share, victim: Workstation, file: Path, *others: Workstation) -> None:
    """`victim` syncs with the bad `file` in place: it is named, quarantined, applied
    nowhere."""
    before = _fingerprint(victim, *others)
    result = victim.sync()
    assert any(str(file) in bad for bad in result.bad_files), result.bad_files
    assert not result.ok
    for pc in others:
        pc.sync()
    assert _fingerprint(victim, *others) == before
    quarantined = list((victim.path.parent / "sync-quarantine").iterdir())
    assert quarantined, "kept for inspection"


def test_a_forged_segment_without_the_key_changes_nothing(
        three: tuple[Workstation, Workstation, Workstation, str], share: Share) -> None:
    a, b, c, person = three
    site = _site(a)
    forged = _seg(share, site, 2)
    forged.write_bytes(_plain_change(_store_id(share), site, 2, person))
    _refused(share, b, forged, c)
    assert b.value("persons", person, "last_name") == "Исходная"


def test_a_forged_workstation_of_its_own_is_refused_too(
        three: tuple[Workstation, Workstation, Workstation, str], share: Share) -> None:
    a, b, c, person = three
    stranger = str(uuid.uuid4())
    (share.root / "sites" / stranger).mkdir(parents=True)  # as written without the key
    (share.root / "sites" / stranger / PLAIN_SITE_FILE).write_text(
        json.dumps({"site": stranger, "workstation": "Чужой"}))
    forged = _seg(share, stranger, 1)
    forged.write_bytes(_plain_change(_store_id(share), stranger, 1, person))
    _refused(share, b, forged, a, c)


def test_a_forgery_sealed_with_a_wrong_key_is_refused(
        three: tuple[Workstation, Workstation, Workstation, str], share: Share) -> None:
    a, b, c, person = three
    site = _site(a)
    forged = _seg(share, site, 2)
    wrong = sealing.SyncKey(hashlib.sha256(b"guess").digest(), _store_id(share))
    forged.write_bytes(wrong.seal(_plain_change(_store_id(share), site, 2, person),
                                  sealing.segment_ad(_store_id(share), site, 2)))
    _refused(share, b, forged, c)


def test_an_old_segment_replayed_under_a_new_number_is_refused(
        make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Первая")
    a.sync()
    b.sync()
    a.delete("persons", person)
    a.sync()
    b.sync()
    assert b.value("persons", person, "id") is None
    site = _site(a)
    replay = _seg(share, site, 3)
    shutil.copyfile(_seg(share, site, 1), replay)  # the insert again, as if new
    _refused(share, b, replay, a)
    assert b.value("persons", person, "id") is None, "not brought back"


def test_a_segment_moved_to_another_workstations_folder_is_refused(
        three: tuple[Workstation, Workstation, Workstation, str], share: Share) -> None:
    a, b, c, person = three
    a.update("persons", person, last_name="Изменённая")
    a.sync()
    a_site, c_site = _site(a), _site(c)
    moved = _seg(share, c_site, 1)  # c published nothing: its number 1 is free
    assert not moved.exists()
    shutil.move(_seg(share, a_site, 2), moved)
    before = _fingerprint(b)
    result = b.sync()
    assert any(str(moved) in bad for bad in result.bad_files)
    assert _fingerprint(b) == before
    assert b.value("persons", person, "last_name") == "Исходная"
    a.sync()  # a finds its file gone and sends it again
    b.sync()
    assert b.value("persons", person, "last_name") == "Изменённая"


def test_a_renamed_segment_is_refused(make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons", last_name="Одна")
    a.sync()
    site = _site(a)
    renamed = _seg(share, site, 2)
    _seg(share, site, 1).rename(renamed)
    before = _fingerprint(b)
    result = b.sync()
    assert any(str(renamed) in bad for bad in result.bad_files)
    assert _fingerprint(b) == before


@pytest.mark.parametrize("where", ["nonce", "middle", "tag"])
def test_one_flipped_byte_is_found(make_pc: MakePC, share: Share, where: str) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons", last_name="Тестова")
    a.sync()
    seg = _seg(share, _site(a), 1)
    data = bytearray(seg.read_bytes())
    at = {"nonce": len(sealing.MAGIC) + 3, "middle": len(data) // 2, "tag": len(data) - 1}
    data[at[where]] ^= 0x01
    seg.write_bytes(bytes(data))
    _refused(share, b, seg)
    assert b.sql("SELECT count(*) FROM persons") == [(0,)]


def test_a_file_from_another_store_with_the_same_key_is_refused(
        make_pc: MakePC, share: Share, tmp_path: Path) -> None:
    """Another store made with the very same key (same salt, same check): the store id in
    the associated data still tells its files apart."""
    a, b = make_pc("a"), make_pc("b")
    a.sync()
    b.sync()
    other = Share(tmp_path / "other")
    other.root.mkdir()
    info = json.loads((share.root / "store.json").read_text())
    key = share_key(share)
    twin = str(uuid.uuid4())
    x = Workstation(tmp_path / "x" / "imc.sqlite", other, "x")
    info.update(store_id=twin, key={**info["key"], "check": sealing.check_value(key.key, twin)},
                signer=x.signer().public, site=_own_site(x))  # x made it
    (other.root / "store.json").write_text(json.dumps(info))
    x.insert("persons", last_name="Чужая")
    x.sync()
    x_site = _site(x)
    shutil.copytree(other.root / "sites" / x_site, share.root / "sites" / x_site)
    _refused(share, b, _seg(share, x_site, 1), a)
    assert b.sql("SELECT count(*) FROM persons WHERE last_name='Чужая'") == [(0,)]


def _database_hash(pc: Workstation) -> str:
    return hashlib.sha256(pc.path.read_bytes()).hexdigest()


def _nothing_synced(pc: Workstation) -> bool:
    """A new workstation that has not taken anything of a store (its own id aside)."""
    return pc.sql("SELECT (SELECT count(*) FROM sync_applied) + (SELECT count(*) FROM "
                  "sync_published) + (SELECT count(*) FROM persons), (SELECT count(*) FROM "
                  "sync_state WHERE name IN ('store', 'last_sync'))") == [(0, 0)]


def test_a_wrong_passphrase_is_refused_before_anything_is_read(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.insert("persons", last_name="Тайная")
    a.sync()
    b.sync()
    a.insert("persons", last_name="Новая")
    a.sync()
    files = sorted(p.name for p in share.root.rglob("*"))
    before = _database_hash(b)
    read: list[str] = []
    original = Share.read
    monkeypatch.setattr(Share, "read", lambda s, rel: read.append(rel) or original(s, rel))
    monkeypatch.setenv(keys.PASSPHRASE_ENV, OTHER_PHRASE)
    with pytest.raises(KeyNeeded) as stopped:
        b.sync()
    assert stopped.value.kind == "wrong" and "не подходит" in str(stopped.value)
    assert read == ["store.json"], "no segment, no site.json read"
    assert _database_hash(b) == before
    assert sorted(p.name for p in share.root.rglob("*")) == files, "nothing written"


def test_a_passphrase_with_a_word_not_of_the_list_is_named(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch) -> None:
    make_pc("a").sync()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "адрес аист акула ангел арбуз армия астра атлас "
                                            "багаж бананн")
    with pytest.raises(KeyNeeded, match="Слово 10.*«бананн»"):
        make_pc("b").sync()


def test_the_passphrase_is_normalised(make_pc: MakePC, sync_passphrase: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_pc("a")
    a.insert("persons", last_name="Общая")
    a.sync()
    typed = "  " + "-".join(sync_passphrase.upper().split()).replace("Е", "Ё") + "\n"
    monkeypatch.setenv(keys.PASSPHRASE_ENV, typed)
    assert make_pc("b").sync().applied > 0


def test_without_any_key_an_existing_store_asks_for_it(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    make_pc("a").sync()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    b = make_pc("b")
    with pytest.raises(KeyNeeded) as stopped:
        b.sync()
    assert stopped.value.kind == "enter" and keys.PASSPHRASE_ENV in str(stopped.value)
    assert _nothing_synced(b)


def test_without_any_key_an_empty_folder_is_not_made_a_store(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(KeyNeeded) as stopped:
        make_pc("a").sync()
    assert stopped.value.kind == "new"
    assert sealing.check_passphrase(stopped.value.passphrase)  # ten words of the list
    assert not (share.root / "store.json").exists()
    second = pytest.raises(KeyNeeded, make_pc("a").sync).value.passphrase
    assert second != stopped.value.passphrase, "a fresh one each time"


def test_a_typed_passphrase_is_remembered_in_an_owner_only_file_not_on_the_share(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch,
        sync_passphrase: str) -> None:
    a = make_pc("a")
    a.insert("persons", last_name="Помнящая")
    a.sync()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    b = make_pc("b")
    b.sync(passphrase=sync_passphrase, remember_key=True)
    key_file = paths.config_dir() / keys.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = share_key_with(share, sync_passphrase)
    assert key.hex() in key_file.read_text()
    assert not any(key.hex().encode() in p.read_bytes() or key in p.read_bytes()
                   for p in share.root.rglob("*") if p.is_file())
    a.insert("persons", last_name="Вторая")
    a.sync()
    assert b.sync().applied == 1, "the remembered key, no passphrase given"


def share_key_with(share: Share, phrase: str) -> bytes:
    info = json.loads((share.root / "store.json").read_text())
    return sealing.derive(phrase, sealing.KeyParams.from_json(info["key"]))


def test_a_passphrase_not_remembered_is_asked_again(
        make_pc: MakePC, monkeypatch: pytest.MonkeyPatch, sync_passphrase: str) -> None:
    make_pc("a").sync()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    b = make_pc("b")
    b.sync(passphrase=sync_passphrase)
    with pytest.raises(KeyNeeded):
        b.sync()


def test_the_key_lives_in_the_credential_store_when_there_is_one(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        sync_passphrase: str) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        stored: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    a = make_pc("a")
    a.sync()
    b = make_pc("b")
    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        monkeypatch.delenv(paths.HOME_ENV)
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        monkeypatch.setattr(paths, "config_dir", lambda: tmp_path / "config")
        b.sync(passphrase=sync_passphrase, remember_key=True)
        kept = json.loads(Memory.stored[("IMC Desktop", keys.KEYRING_NAME)])
        assert kept == {"store": _store_id(share),
                        "key": share_key_with(share, sync_passphrase).hex()}
        assert not (tmp_path / "config" / keys.KEY_FILE).exists()
        a.insert("persons", last_name="Из хранилища")
        monkeypatch.setenv(keys.PASSPHRASE_ENV, sync_passphrase)
        a.sync()
        monkeypatch.delenv(keys.PASSPHRASE_ENV)
        assert b.sync().applied == 1
    finally:
        keyring.set_keyring(previous)


def test_a_remembered_key_that_fails_the_check_is_not_used(
        make_pc: MakePC, share: Share, monkeypatch: pytest.MonkeyPatch,
        sync_passphrase: str) -> None:
    a = make_pc("a")
    a.sync()
    keys.remember(_store_id(share), b"\x01" * 32)  # a stale key of this very store id
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(KeyNeeded) as stopped:
        a.sync()
    assert stopped.value.kind == "enter"


def test_a_store_of_the_previous_version_is_refused_plainly(
        make_pc: MakePC, share: Share) -> None:
    (share.root / "sites").mkdir()
    (share.root / "store.json").write_text(json.dumps(
        {"magic": "IMC-SYNC", "format": 1, "store_id": str(uuid.uuid4()), "min_app": "0.1.0",
         "epoch": 1}))
    a = make_pc("a")
    with pytest.raises(SyncStopped, match="новую пустую папку") as stopped:
        a.sync()
    assert "незашифрованными" in str(stopped.value) and not stopped.value.question
    assert _nothing_synced(a)


def test_a_store_json_with_an_absurd_key_section_is_refused(make_pc: MakePC,
                                                            share: Share) -> None:
    make_pc("a").sync()
    info = json.loads((share.root / "store.json").read_text())
    info["key"]["n"] = 2 ** 40  # would make key derivation take forever
    (share.root / "store.json").write_text(json.dumps(info))
    with pytest.raises(SyncStopped, match="не читается"):
        make_pc("b").sync()


def test_sealing_is_deterministic_and_bound_to_its_place(share: Share,
                                                         make_pc: MakePC) -> None:
    make_pc("a").sync()
    key = share_key(share)
    ad = sealing.segment_ad(key.store_id, "s", 1)
    assert key.seal(b"x" * 100, ad) == key.seal(b"x" * 100, ad)
    assert key.seal(b"x" * 100, ad) != key.seal(b"y" * 100, ad)
    for other in (sealing.segment_ad(key.store_id, "s", 2),
                  sealing.segment_ad(key.store_id, "t", 1),
                  sealing.segment_ad("another", "s", 1)):
        with pytest.raises(Exception, match="проверку подлинности"):
            key.open(key.seal(b"x", ad), other, "f")


def test_the_size_kept_for_a_published_segment_is_the_sealed_files(
        make_pc: MakePC, share: Share) -> None:
    a = make_pc("a")
    a.insert("persons")
    a.sync()
    site = _site(a)
    [(size,)] = a.sql("SELECT size FROM sync_published WHERE site=?", site)
    assert size == _seg(share, site, 1).stat().st_size
    assert len(opened(share, _seg(share, site, 1))) < size
    result = a.sync()
    assert not result.notes and result.pushed == 0, "own segment not taken for damaged"


def _leaks(data: bytes, needles: list[bytes]) -> list[bytes]:
    """The needles found in `data`, or in it decompressed (gzip or zlib) if it is so."""
    layers = [data]
    for unpack in (gzip.decompress, zlib.decompress):
        try:
            layers.append(unpack(data))
        except (OSError, EOFError, zlib.error):
            pass
    return [n for n in needles if any(n in layer for layer in layers)]


def _needles(text: str) -> list[bytes]:
    return [text.encode(), json.dumps(text).encode(), text.encode("utf-16-le")]


def test_the_share_holds_no_readable_snils_or_surname_after_a_demo_sync(
        demo_template: Path, share: Share, tmp_path: Path) -> None:
    path = tmp_path / "demo" / "imc.sqlite"
    path.parent.mkdir()
    source, target = sqlite3.connect(demo_template), sqlite3.connect(path)
    source.backup(target)
    source.close()
    target.close()
    pc = Workstation(path, share, "Демо")
    snils, surname = pc.sql("SELECT snils, last_name FROM persons WHERE snils<>'' LIMIT 1")[0]
    assert pc.sync().pushed > 1000
    needles = (_needles(snils) + _needles(snils.replace("-", "").replace(" ", ""))
               + _needles(surname))
    files = [p for p in share.root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".seg" for p in files)
    assert {str(p): _leaks(p.read_bytes(), needles) for p in files} == {
        str(p): [] for p in files}
    plain = opened(share, next(p for p in files if p.suffix == ".seg"))
    assert _leaks(plain, needles), "the check itself finds them in an unsealed segment"
    b = Workstation(tmp_path / "b" / "imc.sqlite", share, "b")
    b.sync()
    assert b.sql("SELECT count(*) FROM persons WHERE snils=?", snils) == [(1,)]


def test_sealed_for_helper_matches_the_engine(make_pc: MakePC, share: Share) -> None:
    a = make_pc("a")
    a.insert("persons")
    a.sync()
    seg = _seg(share, _site(a), 1)
    assert sealed_for(share, seg, opened(share, seg)) == seg.read_bytes()


def test_a_forgery_under_a_pcs_own_next_number_does_not_make_it_a_clone(
        make_pc: MakePC, share: Share) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Своя")
    a.sync()
    site = _site(a)
    forged = _seg(share, site, 2)
    forged.write_bytes(_plain_change(_store_id(share), site, 2, person))
    a.update("persons", person, last_name="Исправленная")
    result = a.sync()
    assert any(str(forged) in bad for bad in result.bad_files)
    assert _site(a) == site, "keeps its number: a forgery is not a copy of its database"
    assert not any("скопирована" in n for n in result.notes)
    b.sync()
    assert b.value("persons", person, "last_name") == "Исправленная"
