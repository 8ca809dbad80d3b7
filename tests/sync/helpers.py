"""Workstations on real SQLite files syncing through a real temporary folder."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

from imc_desktop import db
from imc_desktop.sync.engine import synchronise
from imc_desktop.sync.report import SyncResult
from imc_desktop.sync.sealing import SyncKey, derive, segment_ad
from imc_desktop.sync.share import Share
from imc_desktop.sync.signing import Signer, open_signed, seal_signed, signer_for

ORG_DEFAULTS: dict[str, Any] = {
    "full_name": "МБОУ СОШ", "short_name": "СОШ", "kind": "школа", "legal_form": "МБОУ",
    "inn": "", "kpp": "", "ogrn": "", "okpo": "", "legal_address": "", "actual_address": "",
    "is_rural": 1, "head_name": "", "head_phone": "", "head_email": "", "website": "",
    "pupils": None, "is_active": 1, "reorganized_on": None,
    "created_at": "2026-01-01 00:00:00.000000", "updated_at": "2026-01-01 00:00:00.000000",
}
PERSON_DEFAULTS: dict[str, Any] = {
    "last_name": "Иванова", "first_name": "Мария", "middle_name": "", "sex": "ж",
    "birth_date": None, "snils": "", "inn": "", "phone": "", "email": "", "category": "",
    "category_date": None, "academic_degree": "", "notes": "",
    "created_at": "2026-01-01 00:00:00.000000", "updated_at": "2026-01-01 00:00:00.000000",
}


class Workstation:
    """One PC: its database file, its name, and the sync location it uses. `admitted`: after
    each of its syncs the test admits it explicitly (`admit`), as a methodist on a PC already
    admitted would; False for a PC that must wait for admission."""

    def __init__(self, path: Path, share: Share, name: str, admitted: bool = True) -> None:
        self.path, self.share, self.name, self.admitted = path, share, name, admitted
        if not path.exists():
            db.prepare_database(path, path.parent / "backups")

    def con(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, isolation_level=None)
        con.execute("PRAGMA foreign_keys=ON")
        return con

    def sql(self, statement: str, *params: Any) -> list[tuple[Any, ...]]:
        con = self.con()
        try:
            return con.execute(statement, params).fetchall()
        finally:
            con.close()

    def insert(self, table: str, **values: Any) -> str:
        defaults = ORG_DEFAULTS if table == "organizations" else (
            PERSON_DEFAULTS if table == "persons" else {})
        row = {"id": str(uuid.uuid4()), **defaults, **values}
        names = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join("?" for _ in row)
        self.sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', *row.values())
        return str(row["id"])

    def update(self, table: str, row: str, **values: Any) -> None:
        sets = ", ".join(f'"{k}"=?' for k in values)
        self.sql(f'UPDATE "{table}" SET {sets} WHERE id=?', *values.values(), row)

    def delete(self, table: str, row: str) -> None:
        self.sql(f'DELETE FROM "{table}" WHERE id=?', row)

    def value(self, table: str, row: str, column: str) -> Any:
        found = self.sql(f'SELECT "{column}" FROM "{table}" WHERE id=?', row)
        return found[0][0] if found else None

    def sync(self, **kwargs: Any) -> SyncResult:
        result = synchronise(self.path, self.share, self.name, **kwargs)
        if self.admitted:
            admit(self.share, self.signer().public)
        return result

    def signer(self) -> Signer:
        """This PC's signing key (made and kept by its first sync)."""
        from imc_desktop.sync.local import home_of

        signer = signer_for(home_of(self.path))
        _SIGNERS[signer.public] = signer
        return signer

    def content(self) -> dict[str, set[tuple[Any, ...]]]:
        """Every synchronised table's rows: what must be equal on all PCs."""
        from imc_desktop.sync.tables import synced_tables

        return {t: set(self.sql(f'SELECT * FROM "{t}"')) for t in synced_tables()}

    def conflicts(self) -> set[tuple[Any, ...]]:
        found = self.sql("SELECT table_name, row_id, column_name, kind, loser_key, "
                         "loser_value, winner_key, winner_value FROM sync_conflicts")
        assert len(found) == len(set(found)), "a conflict is listed twice"
        return set(found)


def rounds(*pcs: Workstation, count: int = 2) -> None:
    """Every PC syncs in turn, `count` times."""
    for _ in range(count):
        for pc in pcs:
            pc.sync()


def add_people(path: Path, count: int, start: int = 0) -> list[str]:
    """`count` pedagogues written with raw SQL (fast; the triggers record them)."""
    con = sqlite3.connect(path, isolation_level=None)
    ids = [str(uuid.UUID(int=start + i + 1)) for i in range(count)]
    try:
        con.execute("BEGIN")
        names = ", ".join(f'"{k}"' for k in ["id", *PERSON_DEFAULTS])
        marks = ", ".join("?" for _ in range(len(PERSON_DEFAULTS) + 1))
        con.executemany(f"INSERT INTO persons ({names}) VALUES ({marks})",
                        ([ident, *{**PERSON_DEFAULTS, "last_name": f"Фамилия {n}",
                                   "snils": f"{n:011d}"}.values()]
                         for n, ident in enumerate(ids, start)))
        con.execute("COMMIT")
    finally:
        con.close()
    return ids


def district_people(path: Path, count: int, seed: int = 7) -> list[str]:
    """`count` pedagogues like a district's (random ids as the program makes them, names of
    the demo's lists, birth dates, СНИЛС, phones, categories, times of entry), written with
    raw SQL (the triggers record them). Their records compress as real ones do, about 4:1;
    `add_people`'s, all alike but the surname and a numbered СНИЛС, about 13:1."""
    import random
    from datetime import date, datetime, timedelta

    from imc_desktop.services.staff import demo

    rng = random.Random(seed)
    start, today = datetime(2026, 1, 1), date(2026, 12, 1)

    def person() -> dict[str, Any]:
        female = rng.random() < 0.86
        father, last = rng.choice(demo.FATHERS), rng.choice(demo.LAST_F)
        birth = today - timedelta(days=rng.randint(22, 65) * 365 + rng.randint(0, 364))
        entered = (start + timedelta(seconds=rng.randint(0, 300 * 86400),
                                     microseconds=rng.randint(0, 999_999))
                   ).strftime("%Y-%m-%d %H:%M:%S.%f")
        body = "".join(str(rng.randint(0, 9)) for _ in range(9))
        total = sum(int(c) * w for c, w in zip(body, range(9, 0, -1), strict=True)) % 101
        return {**PERSON_DEFAULTS,
                "last_name": last if female else last.removesuffix("а"),
                "first_name": rng.choice(demo.FIRST_F if female else demo.FIRST_M),
                "middle_name": (demo._female_middle(father) if female
                                else demo._male_middle(father)),
                "sex": "ж" if female else "м", "birth_date": birth.isoformat(),
                "snils": body + f"{0 if total == 100 else total:02d}",
                "phone": f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-"
                         f"{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                "category": rng.choice(("", "", "первая", "первая", "высшая")),
                "created_at": entered, "updated_at": entered}

    rows = [{"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), **person()}
            for _ in range(count)]
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        names = ", ".join(f'"{k}"' for k in rows[0])
        marks = ", ".join("?" for _ in rows[0])
        con.executemany(f"INSERT INTO persons ({names}) VALUES ({marks})",
                        (tuple(r.values()) for r in rows))
        con.execute("COMMIT")
    finally:
        con.close()
    return [str(r["id"]) for r in rows]


def edit_people(path: Path, ids: list[str], tag: str) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        con.executemany("UPDATE persons SET phone=? WHERE id=?",
                        ((f"{tag}-{uuid.uuid4().hex}", ident) for ident in ids))
        con.execute("COMMIT")
    finally:
        con.close()


def share_key(share: Share) -> SyncKey:
    """The district key of the share's store, from the tests' passphrase."""
    import os

    from imc_desktop.sync.keys import PASSPHRASE_ENV
    from tests.conftest import SYNC_PASSPHRASE

    return key_of(share, os.environ.get(PASSPHRASE_ENV) or SYNC_PASSPHRASE)


#: the signing keys of the test PCs met so far (by public key), wherever they are kept
_SIGNERS: dict[str, Signer] = {}


def kept_signers() -> dict[str, Signer]:
    """The signing keys kept in this test's data folder, and those of the test PCs met so
    far, by public key: every test PC's."""
    from imc_desktop.sync.signing import _file_keys

    found = (Signer(bytes.fromhex(private)) for private in _file_keys().values())
    return {**_SIGNERS, **{signer.public: signer for signer in found}}


def admit(share: Share, public: str, kind: str = "admit") -> bool:
    """Admit (or refuse) the waiting workstation whose key is `public`, as a methodist on an
    admitted PC of this test would: the decision is published in that PC's folder, signed by
    it. False when the key is not waiting (admitted already, or not declared)."""
    from imc_desktop.sync import admission
    from imc_desktop.sync.store import read_store

    share = Share(share.root)  # the methodist's own reading: not counted as a sync's
    store = read_store(share)
    if store is None:
        return False
    key = share_key(share)
    roster = admission.read_roster(share, key, store)
    waiting = next((w for w in roster.waiting if w.key == public), None)
    if waiting is None:
        return False
    kept = kept_signers()
    for site, requests in roster.declared.items():
        for request in requests:
            if (roster.admits(request.key, site) and request.key in kept
                    and request.key != public):  # nobody admits itself
                admission.publish_decision(share, key, site, kept[request.key], waiting, kind)
                return True
    if roster.may_admit(public):
        return False  # the only PC admitted, in a new folder of its own: nobody else admits it
    raise AssertionError("no admitted workstation of this test can admit another")


def admit_copy(pc: Workstation) -> None:
    """A copy of a synchronised PC's database made by a test at another place has a signing
    key of its own: it declares it in its folder and is admitted, as the office's own PC."""
    from imc_desktop.sync import admission

    site = str(pc.sql("SELECT value FROM sync_state WHERE name='site'")[0][0])
    admission.declare(pc.share, share_key(pc.share), site, pc.signer(), pc.name)
    admit(pc.share, pc.signer().public)


def admit_all(share: Share) -> list[str]:
    """Admit every workstation waiting (for tests whose PCs sync through the command line);
    the names admitted."""
    from imc_desktop.sync import admission
    from imc_desktop.sync.store import read_store

    store = read_store(share)
    if store is None:
        return []
    waiting = admission.read_roster(share, share_key(share), store).waiting
    return [w.workstation for w in waiting if admit(share, w.key)]


def _place(share: Share, file: Path) -> bytes:
    """The associated data of the segment file `file` of the share (its site and number)."""
    key = share_key(share)
    return segment_ad(key.store_id, file.parent.name, int(file.name.split(".")[0]))


def opened(share: Share, file: Path) -> bytes:
    """The plain gzip segment inside the signed and sealed file `file` on the share."""
    return open_signed(share_key(share), file.read_bytes(), _place(share, file), str(file))[1]


def signed_inside(share: Share, file: Path) -> bytes:
    """What the segment file `file` seals: its signature and its content."""
    return share_key(share).open(file.read_bytes(), _place(share, file), str(file))


def resealed(share: Share, file: Path, inside: bytes) -> bytes:
    """`inside` sealed with the district key as the segment `file` (no signature added)."""
    return share_key(share).seal(inside, _place(share, file))


def signer_of(share: Share, file: Path) -> str:
    """The public key that signed the segment file `file`."""
    return open_signed(share_key(share), file.read_bytes(), _place(share, file), str(file))[0]


def sealed_for(share: Share, file: Path, plain: bytes, signer: Signer | None = None) -> bytes:
    """`plain` sealed with the district key as the segment `file` would be, and signed by
    `signer` — by default the key that signed `file` (its workstation's)."""
    if signer is None:
        signer = kept_signers()[signer_of(share, file)]
    return seal_signed(share_key(share), signer, plain, _place(share, file))


def key_of(share: Share, phrase: str) -> SyncKey:
    """The key the words `phrase` give for the share's store (its key or not)."""
    from imc_desktop.sync.store import read_store

    store = read_store(share)
    assert store is not None and store.key is not None
    return SyncKey(derive(phrase, store.key), store.store_id)


def sealed_files(share: Share) -> dict[str, bytes]:
    """Every file of the folder sealed with the district key, with its associated data."""
    from imc_desktop.sync import rekey
    from imc_desktop.sync.store import read_store

    store = read_store(share)
    assert store is not None
    return dict(rekey.sealed_files(share, store.store_id))


def opens(key: SyncKey, share: Share, rel: str, ad: bytes) -> bool:
    """The sealed file `rel` opens with `key`."""
    from imc_desktop.sync.segment import BadSegment

    try:
        key.open(share.path(rel).read_bytes(), ad, rel)
    except BadSegment:
        return False
    return True


def fingerprint(share: Share) -> dict[str, str]:
    """Every file of the folder and its SHA-256: whether anything at all was changed."""
    import hashlib

    return {str(p.relative_to(share.root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in share.root.rglob("*") if p.is_file()}
