"""A workstation's own files in its folder — its site file (name, the number its database
left) and its request for admission — are signed and sealed: the share shows no workstation
name, and a site file written without the key does not retire a workstation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from imc_desktop import db
from imc_desktop.sync import admission, repair
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer, seal_signed
from imc_desktop.sync.store import (
    PLAIN_SITE_FILE,
    SITE_FILE,
    read_store,
    site_ad,
    workstation_name,
)
from tests.sync.helpers import Workstation, key_of, share_key

MakePC = Callable[[str], Workstation]
NAMES = ("Кабинет Ивановой", "Ноутбук Петровой", "ПК Сидоровой")


def _site(pc: Workstation) -> str:
    return str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])


def _readable(share: Share, texts: tuple[str, ...]) -> dict[str, list[str]]:
    """The files of the share in which any of `texts` can be read, and which."""
    found: dict[str, list[str]] = {}
    for path in share.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits = [t for t in texts if t.encode() in data or json.dumps(t).encode() in data]
            if hits:
                found[str(path.relative_to(share.root))] = hits
    return found


def test_no_workstation_name_is_readable_on_the_share(share: Share, tmp_path: Path,
                                                      make_pc: MakePC) -> None:
    a, b = make_pc(NAMES[0]), make_pc(NAMES[1])
    for pc in (a, b, a):
        pc.sync()
    waiting = Workstation(tmp_path / "c" / "imc.sqlite", share, NAMES[2], admitted=False)
    waiting.sync()
    backup = db.backup_to(b.path, tmp_path / "b-old.sqlite")  # b comes back from a backup:
    db.restore_backup(backup, b.path, tmp_path / "b-backups")  # a new folder that replaces
    old = _site(b)
    b.sync()
    assert _site(b) != old
    assert _readable(share, NAMES) == {}
    # ... yet every PC with the key reads them
    key = share_key(share)
    assert [workstation_name(share, _site(pc), key) for pc in (a, b, waiting)] == list(NAMES)
    store = read_store(share)
    assert store is not None
    roster = admission.read_roster(share, key, store)
    assert [(w.workstation, w.site) for w in roster.waiting] == [(NAMES[2], _site(waiting))]
    assert repair.replaced_by(share, old, key) == NAMES[1]
    # the check itself can fail: the names are there in the clear once opened
    opened = key.open(share.path(f"sites/{_site(a)}/{SITE_FILE}").read_bytes(),
                      site_ad(key.store_id, _site(a)), "site")
    assert NAMES[0].encode() in opened


def test_a_site_file_written_without_the_key_retires_nobody(share: Share,
                                                            make_pc: MakePC) -> None:
    """A folder planted by somebody who may write to the share but has no key says that its
    database «replaces» a's number: a's files are still waited for and a is named."""
    a, b = make_pc("a"), make_pc("b")
    for pc in (a, b, a):
        pc.sync()
    key = share_key(share)
    planted = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    (share.root / "sites" / planted).mkdir()
    claim = json.dumps({"site": planted, "workstation": "Подложный", "replaces": _site(a)})
    (share.root / "sites" / planted / PLAIN_SITE_FILE).write_text(claim)
    wrong = key_of(share, "сова сок сосна спорт среда стол суп сыр сын танец")
    (share.root / "sites" / planted / SITE_FILE).write_bytes(
        seal_signed(wrong, Signer.new(), claim.encode(), site_ad(key.store_id, planted)))
    assert repair.replaced_by(share, _site(a), key) is None
    assert workstation_name(share, planted, key) == ""
    # sealed with the key, the same claim is taken (what an admitted PC's copy writes)
    (share.root / "sites" / planted / SITE_FILE).write_bytes(
        seal_signed(key, Signer.new(), claim.encode(), site_ad(key.store_id, planted)))
    assert repair.replaced_by(share, _site(a), key) == "Подложный"


def test_the_plain_files_of_an_earlier_version_are_read_then_replaced(
        share: Share, tmp_path: Path, make_pc: MakePC) -> None:
    """A folder kept by an earlier version: a PC's site.json and request-….json lie there in
    the clear. The others still read the name and the request (the key is admitted); the PC,
    at its next sync, writes them sealed and removes the plain ones."""
    a = make_pc("a")
    a.sync()
    c = Workstation(tmp_path / "c" / "imc.sqlite", share, "Кабинет 12", admitted=False)
    c.sync()
    site = _site(c)
    folder = share.root / "sites" / site
    public = c.signer().public
    (folder / SITE_FILE).unlink()
    (folder / "keys" / admission.request_name(public)).unlink()
    (folder / PLAIN_SITE_FILE).write_text(json.dumps({"site": site, "workstation": "Кабинет 12",
                                                      "replaces": _site(a)}))
    (folder / "keys" / admission.request_name(public, admission.PLAIN)).write_text(
        json.dumps({"key": public, "workstation": "Кабинет 12"}))
    key = share_key(share)
    store = read_store(share)
    assert store is not None
    assert [w.workstation for w in admission.read_roster(share, key, store).waiting] == [
        "Кабинет 12"]
    assert workstation_name(share, site, key) == "Кабинет 12"
    assert repair.replaced_by(share, _site(a), key) is None, "a plain file retires nobody"
    c.sync()
    assert sorted(p.name for p in folder.rglob("*") if p.suffix == ".json") == []
    assert (folder / SITE_FILE).exists() and (folder / "keys" /
                                              admission.request_name(public)).exists()
    assert _readable(share, ("Кабинет 12",)) == {}
    assert [w.workstation for w in admission.read_roster(share, key, store).waiting] == [
        "Кабинет 12"]


def test_a_request_signed_by_another_key_than_it_declares_is_ignored(
        share: Share, make_pc: MakePC) -> None:
    a = make_pc("a")
    a.sync()
    key = share_key(share)
    site = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    declared, other = Signer.new(), Signer.new()
    name = admission.request_name(declared.public)
    (share.root / "sites" / site / "keys").mkdir(parents=True)
    text = json.dumps({"key": declared.public, "workstation": "Чужой"}).encode()
    (share.root / "sites" / site / "keys" / name).write_bytes(
        seal_signed(key, other, text, admission.request_ad(key.store_id, site, name)))
    store = read_store(share)
    assert store is not None
    assert admission.read_roster(share, key, store).waiting == []
    (share.root / "sites" / site / "keys" / name).write_bytes(
        seal_signed(key, declared, text, admission.request_ad(key.store_id, site, name)))
    assert [w.workstation for w in admission.read_roster(share, key, store).waiting] == [
        "Чужой"]
