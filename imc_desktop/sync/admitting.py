"""Admission from this workstation: who waits, and a methodist's decision on one of them
(for the window and for `imc-desktop sync --admit/--refuse/--waiting`).

Only a workstation admitted itself may admit: its decision is published in its own folder,
signed by its key. The code typed must be the waiting workstation's, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from imc_desktop.sync import admission, local, rekey
from imc_desktop.sync.admission import Roster, Waiting
from imc_desktop.sync.keys import KeySource
from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer, signer_for
from imc_desktop.sync.store import SyncStopped, read_store


@dataclass(frozen=True)
class AdmissionState:
    """What this PC knows of admission: its own code and whether it is admitted, and the
    workstations waiting."""

    code: str
    admitted: bool
    waiting: tuple[Waiting, ...]


@dataclass
class _Context:
    share: Share
    key: SyncKey
    site: str
    signer: Signer
    roster: Roster


def _context(path: Path, share: Share, keys: KeySource) -> _Context:
    """The store this database synchronises with, its key and the roster; SyncStopped in
    Russian when this PC has not synchronised with that folder yet."""
    con = local.connect(path)
    try:
        remembered, site = local.get(con, "store"), local.get(con, "site")
        pinned = local.get(con, admission.PINNED)
    finally:
        con.close()
    if not share.reachable():
        raise SyncStopped(f"Папка синхронизации {share.root} недоступна.")
    store = read_store(share)
    if store is None or not remembered or store.store_id != remembered:
        raise SyncStopped(f"Этот компьютер ещё не синхронизировался с папкой {share.root}: "
                          "сначала выполните синхронизацию.")
    admission.check_pinned(pinned, store.maker, share.root)
    rekey.stop_if_changing(share)
    key = keys.key_for(store)
    signer = signer_for(local.home_of(path))
    return _Context(share, key, site, signer, admission.read_roster(share, key, store))


def state(path: Path, share: Share, keys: KeySource | None = None) -> AdmissionState:
    found = _context(path, share, keys or KeySource())
    return AdmissionState(found.signer.code,
                          found.roster.admits(found.signer.public, found.site),
                          tuple(found.roster.waiting))


def decide(path: Path, share: Share, name: str, code: str, admit: bool,
           keys: KeySource | None = None) -> Waiting:
    """Admit (or refuse) the waiting workstation `name` whose code is `code`; the one
    decided. SyncStopped in Russian when this PC is not admitted itself or nothing waiting
    matches — nothing is written then."""
    found = _context(path, share, keys or KeySource())
    if not found.roster.may_admit(found.signer.public):
        raise SyncStopped("Этот компьютер сам ещё ожидает допуска к синхронизации (код "
                          f"{found.signer.code}): допускать другие рабочие места может только "
                          "допущенный компьютер.")
    waiting = admission.choose(found.roster, name, code)
    admission.publish_decision(found.share, found.key, found.site, found.signer, waiting,
                               admission.ADMIT if admit else admission.REFUSE)
    return waiting
