"""Changes are stamped with the clock when they are made, not when they are sealed: an
offline edit keeps its time, the later edit stays, and a delete made while a PC could not
publish does not claim to have seen what it received in between."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from imc_desktop.services.sync import views as sync_views
from imc_desktop.sync import compact
from imc_desktop.sync.clock import key_clock, physical_ms
from tests.sync.faulty_share import FaultyShare
from tests.sync.helpers import Workstation

MakePC = Callable[[str], Workstation]


def _pcs(tmp_path: object, *names: str) -> tuple[FaultyShare, list[Workstation]]:
    from pathlib import Path

    root = Path(str(tmp_path))
    (root / "faulty").mkdir()
    share = FaultyShare(root / "faulty")
    return share, [Workstation(root / n / "imc.sqlite", share, n) for n in names]


def _offline_sync(share: FaultyShare, pc: Workstation) -> None:
    share.deny_writes = True
    try:
        result = pc.sync()
    finally:
        share.deny_writes = False
    assert result.pushed == 0


def test_an_offline_edit_keeps_the_time_it_was_made(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Иванова")
    a.sync()
    b.sync()
    made = int(time.time() * 1000)
    a.update("persons", person, phone="111")
    time.sleep(1.0)
    sent = int(time.time() * 1000)
    a.sync()
    b.sync()
    [(key,)] = b.sql("SELECT key FROM sync_versions WHERE column_name='phone' AND "
                     "value='\"111\"'")
    assert made - 50 <= physical_ms(key_clock(key)) < sent, "stamped when made"


def test_the_later_edit_stays_whatever_the_order_of_syncs(tmp_path: object) -> None:
    share, (a, b) = _pcs(tmp_path, "a", "b")
    person = a.insert("persons", last_name="Иванова")
    a.sync()
    b.sync()
    a.update("persons", person, phone="раньше")
    time.sleep(0.05)
    b.update("persons", person, phone="позже")
    b.sync()
    a.sync()
    b.sync()
    for pc in (a, b):
        assert pc.value("persons", person, "phone") == "позже", pc.name
    assert {c[5] for c in a.conflicts()} == {'"раньше"'}
    assert a.conflicts() == b.conflicts()


def test_a_delete_made_while_unable_to_publish_keeps_the_others_edits(
        tmp_path: object) -> None:
    share, (a, b) = _pcs(tmp_path, "a", "b")
    person = a.insert("persons", last_name="Иванова")
    a.sync()
    b.sync()
    a.delete("persons", person)
    _offline_sync(share, a)
    time.sleep(0.05)
    b.update("persons", person, phone="после удаления")
    b.sync()
    _offline_sync(share, a)  # receives b's edit, cannot send its delete
    a.sync()
    b.sync()
    for pc in (a, b):
        assert pc.value("persons", person, "id") is None, pc.name
        losers = {(c[2], c[3], c[5]) for c in pc.conflicts()}
        assert ("phone", "deleted", '"после удаления"') in losers, pc.name
    assert a.conflicts() == b.conflicts()


def test_a_record_re_inserted_with_its_old_id_keeps_the_edits_it_did_not_show(
        make_pc: MakePC) -> None:
    """A resurrection: its fields keep their own versions; it does not claim to have seen
    an edit made elsewhere after the delete."""
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Иванова", phone="старый")
    a.sync()
    b.sync()
    a.delete("persons", person)
    a.sync()
    b.update("persons", person, phone="новый от Б")  # b has not received the delete yet
    b.sync()
    a.sync()
    a.insert("persons", id=person, last_name="Иванова", phone="старый")
    for pc in (a, b, a, b):
        pc.sync()
    for pc in (a, b):
        phone = pc.value("persons", person, "phone")
        losers = {c[5] for c in pc.conflicts() if c[2] == "phone"}
        assert phone == "новый от Б" or '"новый от Б"' in losers, (pc.name, phone, losers)
        assert pc.value("persons", person, "last_name") == "Иванова"
    assert a.content() == b.content() and a.conflicts() == b.conflicts()


def _stamped_when_made(pc: Workstation, other: Workstation, kind: str,
                       resolve: Callable[[], None]) -> None:
    """`resolve` run on `pc`, sent a second later: `other` holds its change of `kind` with
    the clock of when it was made."""
    before = {k for (k,) in other.sql("SELECT key FROM sync_versions WHERE kind=?", kind)}
    made = int(time.time() * 1000)
    resolve()
    time.sleep(1.0)
    sent = int(time.time() * 1000)
    pc.sync()
    other.sync()
    after = {k for (k,) in other.sql("SELECT key FROM sync_versions WHERE kind=?", kind)}
    [key] = after - before
    assert made - 50 <= physical_ms(key_clock(key.split("/")[0])) < sent, "stamped when made"


def test_keeping_a_value_is_stamped_when_made(make_pc: MakePC,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # the marker is looked at before a compaction prunes it with the value it settled
    monkeypatch.setattr(compact, "compact", lambda *_a, **_k: compact.Compaction())
    a, b = make_pc("a"), make_pc("b")
    org = a.insert("organizations", short_name="Было")
    for pc in (a, b, a, b):
        pc.sync()
    a.update("organizations", org, short_name="От А")
    b.update("organizations", org, short_name="От Б")
    for pc in (a, b, a, b):
        pc.sync()
    [row] = sync_views.conflicts(a.path)
    _stamped_when_made(a, b, "s", lambda: sync_views.keep(a.path, row.id))


def test_keeping_a_kept_parent_is_stamped_when_made(make_pc: MakePC) -> None:
    a, b = make_pc("a"), make_pc("b")
    person = a.insert("persons", last_name="Белова")
    for pc in (a, b):
        pc.sync()
    a.delete("persons", person)
    b.insert("awards", person_id=person, level="муниципальная", name="Новая",
             document="", created_at="t", updated_at="t")
    for pc in (a, b, a, b):
        pc.sync()
    [row] = sync_views.conflicts(a.path)
    _stamped_when_made(a, b, "e", lambda: sync_views.keep(a.path, row.id))
