"""Segments are signed by their workstation, and a workstation writes into the sync folder
only once it is admitted (issue 22): the district passphrase alone does not let a stranger
write changes that others take for a workstation's.

Every attack is made on real files of a real sync folder; none may change any database.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from imc_desktop.sync import admission, admitting, signing
from imc_desktop.sync.check import waiting
from imc_desktop.sync.segment import segment_name
from imc_desktop.sync.share import Share
from imc_desktop.sync.store import StoreInfo, SyncStopped, read_store
from tests.sync.helpers import (
    Workstation,
    admit,
    opened,
    resealed,
    sealed_for,
    share_key,
    signed_inside,
    signer_of,
)

MakePC = Callable[[str], Workstation]


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def _store(share: Share) -> StoreInfo:
    found = read_store(share)
    assert found is not None
    return found


def _seg(share: Share, site: str, seq: int) -> Path:
    return share.root / "sites" / site / segment_name(seq)


def _held_pc(tmp_path: Path, share: Share, name: str) -> Workstation:
    """A new workstation that nobody admits unless the test does."""
    return Workstation(tmp_path / name / "imc.sqlite", share, name, admitted=False)


def _state(pc: Workstation) -> list[Any]:
    return [pc.content(), pc.conflicts(), pc.sql("SELECT count(*) FROM sync_held")]


@pytest.fixture
def two(make_pc: MakePC) -> tuple[Workstation, Workstation, str]:
    """a (made the folder) and b (admitted), synchronised, with one person made by a."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Исходная")
    for pc in (a, b, a, b):
        pc.sync()
    assert b.value("persons", person, "last_name") == "Исходная"
    return a, b, person


def _edited_copy(share: Share, file: Path, new_name: str) -> bytes:
    """The plain segment of `file` with «Исходная» replaced by `new_name` (same length is
    not needed: the footer's hash is made again by re-encoding)."""
    from imc_desktop.sync.segment import decode, encode

    segment = decode(opened(share, file), str(file))
    changes = [json.loads(json.dumps(c, ensure_ascii=False).replace("Исходная", new_name))
               for c in segment.changes]
    return encode(segment.header, changes)[0]


# ------------------------------------------------------------------ forgeries


def test_a_segment_signed_with_another_key_is_not_applied(
        two: tuple[Workstation, Workstation, str], share: Share) -> None:
    """A stranger who knows the passphrase rewrites a's next segment and signs it with a
    key of his own: b does not apply it and names a; a sets it aside as a forgery and sends
    its own change under that number."""
    a, b, person = two
    a.update("persons", person, last_name="Исходная")  # a segment that names the person
    a.sync()
    site = _site(a)
    last = max(int(p.stem) for p in (share.root / "sites" / site).glob("*.seg"))
    forged = _seg(share, site, last + 1)
    stranger = signing.Signer.new()
    plain = _edited_copy(share, _seg(share, site, last), "Взломанная")
    forged.write_bytes(sealed_for(share, forged, _renumbered(plain, last + 1), stranger))
    before = _state(b)
    result = b.sync()
    assert _state(b) == before
    assert b.value("persons", person, "last_name") == "Исходная"
    assert any("«a»" in note and "не применены" in note for note in result.notes), result.notes
    a.update("persons", person, last_name="Своя")
    own = a.sync()
    assert any(str(forged) in bad for bad in own.bad_files), own.bad_files
    b.sync()
    assert b.value("persons", person, "last_name") == "Своя"


def _renumbered(plain: bytes, seq: int) -> bytes:
    from dataclasses import replace

    from imc_desktop.sync.segment import decode, encode

    segment = decode(plain, "")
    return encode(replace(segment.header, seq=seq), segment.changes)[0]


# ------------------------------------------------------------------ a key for its own folder


def _forge_in(share: Share, site: str, signer: signing.Signer, new_name: str) -> Path:
    """The segment after the last one in `site`'s folder, made from that last one with
    «Исходная» replaced by `new_name`, with the right associated data for that folder and
    number, signed by `signer`: what an admitted PC's owner can write there."""
    last = max(int(p.stem) for p in (share.root / "sites" / site).glob("*.seg"))
    forged = _seg(share, site, last + 1)
    plain = _edited_copy(share, _seg(share, site, last), new_name)
    forged.write_bytes(sealed_for(share, forged, _renumbered(plain, last + 1), signer))
    return forged


def _refuses(c: Workstation, forged: Path, person: str, kept: str) -> None:
    """c does not apply the forged file, names it, keeps it in quarantine and changes
    nothing."""
    before = _state(c)
    result = c.sync()
    assert _state(c) == before
    assert c.value("persons", person, "last_name") == kept
    assert any(str(forged) in bad and "ключом другого рабочего места" in bad
               for bad in result.bad_files), result.bad_files
    assert (c.path.parent / "sync-quarantine" / f"{forged.parent.name}-{forged.name}").exists()
    assert not forged.exists(), "set aside: nobody else reads it"


def test_an_admitted_pc_signing_in_another_pcs_folder_is_a_forgery(
        two: tuple[Workstation, Workstation, str], share: Share, make_pc: MakePC) -> None:
    """b is admitted, for its own folder: a file signed by b's key in a's folder, under a's
    next number and bound to that place, is not applied on c — it is a forgery, named; a
    then sends its own change under that number, and c applies it."""
    a, b, person = two
    a.update("persons", person, last_name="Исходная")
    a.sync()
    c = make_pc("c")
    c.sync()
    assert c.value("persons", person, "last_name") == "Исходная"
    forged = _forge_in(share, _site(a), b.signer(), "Подменённая")
    _refuses(c, forged, person, "Исходная")
    a.update("persons", person, last_name="Своя")
    a.sync()
    c.sync()
    assert c.value("persons", person, "last_name") == "Своя"


def test_the_store_makers_key_in_another_pcs_folder_is_refused(
        two: tuple[Workstation, Workstation, str], share: Share, make_pc: MakePC) -> None:
    """The key of the folder's maker (a) is valid for a's folder only: signing in b's, it
    forges, and c refuses the file. Checked against store.json: a made the folder."""
    a, b, person = two
    assert _store(share).signer == a.signer().public and _store(share).site == _site(a)
    b.update("persons", person, last_name="Исходная у b")
    b.sync()
    c = make_pc("c")
    c.sync()
    forged = _forge_in(share, _site(b), a.signer(), "Подменённая")
    _refuses(c, forged, person, "Исходная у b")
    b.update("persons", person, last_name="От b")
    b.sync()
    c.sync()
    assert c.value("persons", person, "last_name") == "От b"


def test_an_admission_for_one_folder_does_not_admit_the_key_for_another(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    """new is admitted for its folder X; a second folder Y that declares the same key (a
    copy of its database elsewhere with the key taken along, say) is not admitted by that:
    Y waits, its files are held, and only a decision naming Y admits the key there."""
    import uuid

    a, b, _person = two
    new = _held_pc(tmp_path, share, "Новый")
    new.sync()
    assert admit(share, new.signer().public)
    roster = admission.read_roster(share, share_key(share), _store(share))
    x, y = _site(new), str(uuid.uuid4())
    assert roster.admits(new.signer().public, x)
    admission.declare(share, share_key(share), y, new.signer(), "Новый-копия")
    (share.root / "sites" / y).mkdir(exist_ok=True)
    first = _seg(share, y, 1)
    made = new.insert("persons", last_name="Из второй папки")
    new.sync()
    own = _seg(share, x, max(int(p.stem) for p in (share.root / "sites" / x).glob("*.seg")))
    plain = _renumbered(opened(share, own), 1)
    from dataclasses import replace

    from imc_desktop.sync.segment import decode, encode

    segment = decode(plain, "")
    moved = encode(replace(segment.header, site=y), segment.changes)[0]
    first.write_bytes(sealed_for(share, first, moved, new.signer()))
    roster = admission.read_roster(share, share_key(share), _store(share))
    assert not roster.admits(new.signer().public, y)
    assert [(w.site, w.workstation) for w in roster.waiting] == [(y, "Новый-копия")]
    a_before = a.sql("SELECT count(*) FROM sync_applied WHERE site=?", y)
    result = a.sync()
    assert a.sql("SELECT count(*) FROM sync_applied WHERE site=?", y) == a_before == [(0,)]
    assert any("«Новый-копия»" in n and "ожидает допуска" in n for n in result.notes), (
        result.notes)
    assert first.exists(), "held on the share, not set aside"
    # b admits the key for Y: only now a takes the file of Y
    waiting = next(w for w in roster.waiting if w.site == y)
    admission.publish_decision(share, share_key(share), _site(b), b.signer(), waiting,
                               admission.ADMIT)
    again = a.sync()
    assert a.sql("SELECT count(*) FROM sync_applied WHERE site=?", y) == [(1,)], (
        again.notes, again.bad_files, first.exists())
    assert a.value("persons", made, "last_name") == "Из второй папки"


def test_a_decision_naming_one_folder_is_bound_to_it(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    """A decision file is sealed and signed with its record: the folder it names cannot be
    changed without breaking it, and a copy of it in another folder does not count."""
    _a, b, _person = two
    new = _held_pc(tmp_path, share, "Новый")
    new.sync()
    roster = admission.read_roster(share, share_key(share), _store(share))
    waiting = next(w for w in roster.waiting if w.workstation == "Новый")
    admission.publish_decision(share, share_key(share), _site(b), b.signer(), waiting,
                               admission.ADMIT)
    decision = next((share.root / "sites" / _site(b) / "keys").glob(f"admit-*-{_site(new)}.sig"))
    moved = share.root / "sites" / _site(new) / "keys" / decision.name
    shutil.move(decision, moved)  # the same decision in the new PC's own folder
    roster = admission.read_roster(share, share_key(share), _store(share))
    assert not roster.admits(new.signer().public, _site(new))
    shutil.move(moved, decision)
    roster = admission.read_roster(share, share_key(share), _store(share))
    assert roster.admits(new.signer().public, _site(new))
    assert not roster.admits(new.signer().public, _site(b))


def test_a_pc_does_not_admit_itself_for_another_folder(
        two: tuple[Workstation, Workstation, str], share: Share) -> None:
    """b, admitted for its folder, declares its key in a's folder and «admits» it there
    with a decision of its own: it does not count, and b's files there are forgeries."""
    a, b, _person = two
    admission.declare(share, share_key(share), _site(a), b.signer(), "b")
    roster = admission.read_roster(share, share_key(share), _store(share))
    waiting = next(w for w in roster.waiting if w.site == _site(a))
    admission.publish_decision(share, share_key(share), _site(b), b.signer(), waiting,
                               admission.ADMIT)
    roster = admission.read_roster(share, share_key(share), _store(share))
    assert not roster.admits(b.signer().public, _site(a))
    assert roster.admits(b.signer().public, _site(b))


def test_a_pc_put_back_from_a_backup_is_admitted_again_for_its_new_folder(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    """b restored from a backup on the same PC keeps its key but takes a new folder: its
    new files there wait (held, not set aside) until a PC admits the key for that folder;
    meanwhile b may still admit others."""
    from imc_desktop import db

    a, b, person = two
    b.admitted = False  # the test admits it by hand below
    backup = db.backup_to(b.path, tmp_path / "b-old.sqlite")
    db.restore_backup(backup, b.path, tmp_path / "b-backups")
    old = _site(b)
    b.update("persons", person, last_name="После восстановления")
    result = b.sync()
    new = _site(b)
    assert new != old and result.awaiting == b.signer().code
    roster = admission.read_roster(share, share_key(share), _store(share))
    assert roster.admits(b.signer().public, old) and not roster.admits(b.signer().public, new)
    assert roster.may_admit(b.signer().public)
    held = a.sync()
    assert a.value("persons", person, "last_name") == "Исходная"
    assert any("«b»" in n and "ожидает допуска" in n for n in held.notes), held.notes
    assert list((share.root / "sites" / new).glob("*.seg")), "held on the share"
    stranger = _held_pc(tmp_path, share, "Новый")
    stranger.sync()
    admitting.decide(b.path, share, "Новый", stranger.signer().code, True)  # b still may
    admitting.decide(a.path, share, "b", b.signer().code, True)
    a.sync()
    assert a.value("persons", person, "last_name") == "После восстановления"
    assert not b.sync().awaiting


def test_a_segment_copied_under_another_pcs_name_is_refused(
        two: tuple[Workstation, Workstation, str], share: Share, make_pc: MakePC) -> None:
    """a's genuine signed segment put in b's folder under b's next number: its signature
    is bound to a's folder and number, so c refuses it and nothing changes."""
    a, b, person = two
    a.update("persons", person, last_name="Копия")
    a.sync()
    c = make_pc("c")
    c.sync()
    site_a, site_b = _site(a), _site(b)
    last_a = max(int(p.stem) for p in (share.root / "sites" / site_a).glob("*.seg"))
    last_b = max((int(p.stem) for p in (share.root / "sites" / site_b).glob("*.seg")),
                 default=0)
    copied = _seg(share, site_b, last_b + 1)
    shutil.copyfile(_seg(share, site_a, last_a), copied)
    before = _state(c)
    result = c.sync()
    assert any(str(copied) in bad for bad in result.bad_files), result.bad_files
    assert _state(c) == before


def test_a_tampered_signature_is_refused_and_the_author_sends_again(
        two: tuple[Workstation, Workstation, str], share: Share) -> None:
    a, b, person = two
    a.update("persons", person, last_name="Подписанная")
    a.sync()
    site = _site(a)
    last = max(int(p.stem) for p in (share.root / "sites" / site).glob("*.seg"))
    file = _seg(share, site, last)
    data = bytearray(signed_inside(share, file))
    data[len(signing.SIGNED_MAGIC) + signing.PUBLIC_BYTES + 5] ^= 1  # in the signature
    file.write_bytes(resealed(share, file, bytes(data)))
    before = _state(b)
    result = b.sync()
    assert any(str(file) in bad and "подпись" in bad for bad in result.bad_files)
    assert _state(b) == before
    a.sync()  # sees its file set aside: sends the same change again
    b.sync()
    assert b.value("persons", person, "last_name") == "Подписанная"


def test_an_unsigned_sealed_file_is_refused(two: tuple[Workstation, Workstation, str],
                                            share: Share) -> None:
    """Sealed with the district key but without a workstation's signature."""
    a, b, person = two
    a.update("persons", person, last_name="Без подписи")
    a.sync()
    site = _site(a)
    last = max(int(p.stem) for p in (share.root / "sites" / site).glob("*.seg"))
    file = _seg(share, site, last)
    unsigned = signed_inside(share, file)[len(signing.SIGNED_MAGIC) + signing.PUBLIC_BYTES
                                          + signing.SIGNATURE_BYTES:]
    file.write_bytes(resealed(share, file, unsigned))
    before = _state(b)
    result = b.sync()
    assert any(str(file) in bad and "не подписан" in bad for bad in result.bad_files)
    assert _state(b) == before


# ------------------------------------------------------------------ admission


def test_a_new_pc_waits_its_segments_are_held_then_applied_once_admitted(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    a, b, _person = two
    new = _held_pc(tmp_path, share, "Новый")
    made = new.insert("persons", last_name="Новая")
    first = new.sync()
    code = new.signer().code
    assert first.awaiting == code and len(code.replace(" ", "")) == 8
    assert any("ожидает допуска" in n and code in n for n in first.notes)
    assert new.value("persons", _any_person(a), "id") is not None, "it receives meanwhile"
    for pc in (a, b):
        result = pc.sync()
        assert pc.value("persons", made, "id") is None, "held, not applied"
        assert any(n.startswith("Файлы изменений № 1 рабочего места «Новый» не применены")
                   and code in n for n in result.notes), result.notes
        assert result.ok, "a PC waiting for admission is not a failure of this one"
    state = admitting.state(a.path, share)
    assert [(w.workstation, w.code) for w in state.waiting] == [("Новый", code)]
    assert f"Рабочее место «Новый» ожидает допуска (код {code})" in " ".join(
        waiting(a.path, share))
    assert f"Этот компьютер ожидает допуска к синхронизации (код проверки {code})." in (
        waiting(new.path, share))
    assert state.admitted
    admitting.decide(a.path, share, "Новый", code, admit=True)
    for pc in (a, b):
        pc.sync()
        assert pc.value("persons", made, "last_name") == "Новая"
    assert new.sync().awaiting == ""
    assert admitting.state(b.path, share).waiting == ()


def _any_person(pc: Workstation) -> str:
    return str(pc.sql("SELECT id FROM persons LIMIT 1")[0][0])


def test_admission_with_a_wrong_code_is_refused_and_writes_nothing(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    a, _b, _person = two
    new = _held_pc(tmp_path, share, "Новый")
    new.insert("persons", last_name="Новая")
    new.sync()
    right = new.signer().code
    wrong = f"{(int(right.replace(' ', '')) + 1) % 10 ** 8:08d}"
    files = sorted(share.root.rglob("*"))
    with pytest.raises(SyncStopped, match="не совпадает"):
        admitting.decide(a.path, share, "Новый", wrong, admit=True)
    with pytest.raises(SyncStopped, match="не ожидает допуска"):
        admitting.decide(a.path, share, "Другой", right, admit=True)
    assert sorted(share.root.rglob("*")) == files, "nothing written"
    assert [w.code for w in admitting.state(a.path, share).waiting] == [right]


def test_the_code_may_be_typed_with_spaces_or_dashes(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    a, _b, _person = two
    new = _held_pc(tmp_path, share, "Новый")
    new.sync()
    digits = new.signer().code.replace(" ", "")
    admitting.decide(a.path, share, "новый", f"{digits[:2]}-{digits[2:5]} {digits[5:]}", True)
    assert admitting.state(a.path, share).waiting == ()


def test_an_admission_by_a_pc_not_admitted_itself_is_ignored(
        two: tuple[Workstation, Workstation, str], share: Share, tmp_path: Path) -> None:
    """Two strangers who know the passphrase: one «admits» the other. Neither counts."""
    a, _b, _person = two
    first, second = _held_pc(tmp_path, share, "Чужой-1"), _held_pc(tmp_path, share, "Чужой-2")
    made = second.insert("persons", last_name="Чужая")
    first.sync()
    second.sync()
    with pytest.raises(SyncStopped, match="сам ещё ожидает допуска"):
        admitting.decide(first.path, share, "Чужой-2", second.signer().code, True)
    key = share_key(share)
    roster = admission.read_roster(share, key, _store(share))
    waiting = next(w for w in roster.waiting if w.workstation == "Чужой-2")
    for kind in (admission.ADMIT, admission.ADMIT):  # written straight into its folder
        admission.publish_decision(share, key, _site(first), first.signer(), waiting, kind)
    assert list((share.root / "sites" / _site(first) / "keys").glob("admit-*.sig"))
    a.sync()
    assert a.value("persons", made, "id") is None
    assert {w.workstation for w in admitting.state(a.path, share).waiting} == {
        "Чужой-1", "Чужой-2"}
    admit(share, first.signer().public)  # once the first is admitted, its decision counts
    a.sync()
    assert a.value("persons", made, "last_name") == "Чужая"


def test_a_refused_pc_stays_out(two: tuple[Workstation, Workstation, str], share: Share,
                                tmp_path: Path) -> None:
    a, b, _person = two
    new = _held_pc(tmp_path, share, "Отклонённый")
    made = new.insert("persons", last_name="Отклонённая")
    new.sync()
    admitting.decide(b.path, share, "Отклонённый", new.signer().code, admit=False)
    result = a.sync()
    assert a.value("persons", made, "id") is None
    assert any("отклонён" in n for n in result.notes), result.notes
    assert admitting.state(a.path, share).waiting == ()
    assert new.sync().awaiting, "still not admitted"


@pytest.mark.parametrize("replaced", ["key", "folder"])
def test_the_store_makers_key_and_folder_are_pinned(
        two: tuple[Workstation, Workstation, str], share: Share, replaced: str) -> None:
    """store.json's key of the folder's maker replaced (so that a stranger's key would be
    the root of the admissions), or its folder replaced by b's (so that the maker's key would
    be valid in b's folder): every PC that synced before stops, changing nothing."""
    a, b, person = two
    store = json.loads((share.root / "store.json").read_text())
    assert store["site"] == _site(a)
    if replaced == "key":
        store["signer"] = signing.Signer.new().public
    else:
        store["site"] = _site(b)
    (share.root / "store.json").write_text(json.dumps(store))
    a.update("persons", person, last_name="Не отправлена")
    for pc in (a, b):
        before = _state(pc)
        with pytest.raises(SyncStopped, match="заменён ключ"):
            pc.sync()
        assert _state(pc) == before
    with pytest.raises(SyncStopped, match="заменён ключ.*или его папка"):
        admitting.state((a if replaced == "key" else b).path, share)


def test_the_private_key_is_kept_here_owner_only_never_on_the_share(
        make_pc: MakePC, share: Share, isolated_home: Path) -> None:
    a, b = make_pc("a"), make_pc("b")
    a.sync()
    b.sync()
    a.sync()
    private = [a.signer().private.hex(), b.signer().private.hex()]
    assert a.signer().public != b.signer().public, "each database has its own key"
    kept = list(isolated_home.rglob(signing.KEY_FILE))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0
    assert all(p in kept[0].read_text() for p in private)
    for file in share.root.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert not any(bytes.fromhex(p) in data or p.encode() in data for p in private)
    store = json.loads((share.root / "store.json").read_text())
    assert store["signer"] == a.signer().public


def test_every_segment_on_the_share_is_signed_by_its_workstation(
        two: tuple[Workstation, Workstation, str], share: Share) -> None:
    a, b, _person = two
    for pc in (a, b):
        for file in (share.root / "sites" / _site(pc)).glob("*.seg"):
            data = file.read_bytes()  # the signature is inside: the share does not show it
            assert bytes.fromhex(pc.signer().public) not in data
            assert signer_of(share, file) == pc.signer().public
            assert gzip.decompress(opened(share, file))


def test_verification_codes() -> None:
    signer = signing.Signer.new()
    code = signer.code
    assert len(code) == 9 and code[4] == " " and code.replace(" ", "").isdigit()
    assert signing.same_code(code.replace(" ", "-"), signer.public)
    assert not signing.same_code("0000 0000" if code != "0000 0000" else "1111 1111",
                                 signer.public)
    assert signing.Signer(signer.private).code == code
    assert signing.Signer.new().code != code
