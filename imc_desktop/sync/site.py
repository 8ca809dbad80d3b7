"""A cloned or restored database takes a new site id; what it had sealed moves with it."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace

from imc_desktop.sync import local
from imc_desktop.sync.segment import decode, encode

#: a key is "<clock:020d>.<site id>", a seen marker's key has "/<loser key>" after it
CLOCK_PART = 21
_OWN = "(SELECT key FROM sync_changes WHERE site=? AND segment=?)"


def _rekey(con: sqlite3.Connection, old: str, new: str, seq: int, number: int) -> None:
    """The keys of one unpublished segment's changes, and the references to them, under the
    new id (each change keeps its own clock)."""
    head = f"substr({{0}}, 1, {CLOCK_PART}) || ?"
    con.execute(f"UPDATE sync_tombstones SET key={head.format('key')} WHERE key IN {_OWN}",
                (new, old, seq))
    con.execute(f"UPDATE sync_changes SET seen={head.format('seen')} WHERE seen IN {_OWN}",
                (new, old, seq))
    con.execute(f"UPDATE sync_pending SET seen={head.format('seen')} WHERE op='U' AND "
                f"seen IN {_OWN}", (new, old, seq))
    con.execute(f"UPDATE sync_changes SET key={head.format('key')} || substr(key, ?), site=?, "
                "segment=? WHERE site=? AND segment=?",
                (new, CLOCK_PART + 1 + len(old), new, number, old, seq))


def take_new_site(con: sqlite3.Connection, old: str, store_id: str, new: str = "") -> str:
    """Inside the caller's transaction: a new site id for this database (`new`, or a fresh
    one).

    Segments of the old id that reached the share count as applied, so the pull goes on from
    the first one this copy does not have; the sealed but unpublished ones are renumbered
    under the new id, with their changes' keys.
    """
    new = new or str(uuid.uuid4())
    con.execute("INSERT OR IGNORE INTO sync_applied (site, seq, sha256, workstation, "
                "user_name) SELECT site, seq, sha256, ?, '' FROM sync_published WHERE site=? "
                "AND published=1", (local.get(con, "workstation"), old))
    unpublished = con.execute("SELECT seq, data FROM sync_published WHERE site=? AND "
                              "published=0 ORDER BY seq", (old,)).fetchall()
    con.execute("DELETE FROM sync_published WHERE site=?", (old,))
    kept = [(seq, data) for seq, data in unpublished if not decode(data, "").header.replaces]
    for number, (seq, data) in enumerate(kept, 1):  # a segment sent again is the old id's
        segment = decode(data, "")
        header = replace(segment.header, site=new, seq=number, store=store_id)
        fresh, digest = encode(header, segment.changes)
        _rekey(con, old, new, seq, number)
        con.execute("INSERT INTO sync_published (site, seq, sha256, data, published) "
                    "VALUES (?,?,?,?,0)", (new, number, digest, fresh))
    local.put(con, "site", new)
    return new
