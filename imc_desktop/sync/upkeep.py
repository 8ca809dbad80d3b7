"""The share's upkeep after a sync (imc_desktop.sync.snapshot): each PC tells how far it has
applied the others' segments, learns the newest snapshot, archives its own covered segments,
removes what it archived long enough ago, and now and then writes a snapshot."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from imc_desktop import __version__
from imc_desktop.sync import compact, local, repair
from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.segment import BadSegment, number, segment_name, segment_number
from imc_desktop.sync.share import NameTaken, Share
from imc_desktop.sync.signing import SIGNED_HEAD, Signer, open_signed, seal_signed
from imc_desktop.sync.snapshot import (
    ARCHIVE,
    ARCHIVED,
    DAY_S,
    FOLDER,
    KNOWN,
    SHARED,
    TOLD,
    OtherFormat,
    Policy,
    Snapshot,
    Unpacking,
    check_head,
    contiguous_tops,
    decode,
    encode,
    image_of,
    parse_name,
    progress_ad,
    progress_name,
    progress_stamp,
    schema_of,
    snapshot_ad,
    snapshot_name,
)
from imc_desktop.sync.store import SCHEMA_EPOCH, is_site_id, site_modified
from imc_desktop.sync.tables import synced_tables

#: sync_state: when this PC last weighed writing a snapshot (seconds)
TRIED = "snapshot_tried"
#: sync_state: when this PC last looked for archived files to remove (seconds); how often
CLEANED = "archive_cleaned"
CLEAN_EVERY_S = 6 * 3600
#: in a site's folder, an empty file: its segments up to this number are in its archive.
#: Neither sealed nor signed (anyone could plant one), so only a hint of where to look: what
#: is missing follows from the snapshot known (`covered`) and the files found
MARKER = "archived-"


def listing(share: Share, site: str) -> tuple[list[int], int]:
    """The segment numbers one listing of the site's folder shows (it may lag), and the
    number of its archive marker (0: none) — a hint only."""
    names = share.list_dir(f"sites/{site}")
    seqs = sorted(n for n in map(segment_number, names) if n)
    marks = [int(n[len(MARKER):]) for n in names
             if n.startswith(MARKER) and number(n[len(MARKER):])]
    return seqs, max(marks, default=0)


def covered(con: sqlite3.Connection, site: str) -> int:
    """Up to which number the site's segments are held by the newest snapshot this PC knows
    (checked and on the share when it was learned): its author may have archived them."""
    return int((known(con).get("covers") or {}).get(site, 0))


@dataclass
class Place:
    """Where the upkeep works: the database, the share, the key, this PC."""

    con: sqlite3.Connection
    share: Share
    key: SyncKey
    site: str
    workstation: str
    policy: Policy
    #: a damaged file found: (its share path, its bytes, the Russian message)
    bad: Callable[[str, bytes, str], None]
    #: this PC's key pair: it signs the snapshots and progress files it writes
    signer: Signer
    #: whether a file signed by this key may speak for this site (admitted workstations)
    trusts: Callable[[str, str], bool]
    #: whether the site is an admitted workstation's (the others are not waited for)
    member: Callable[[str], bool]

    def admitted(self) -> bool:
        return self.trusts(self.signer.public, self.site)

    def seal(self, plain: bytes, ad: bytes) -> bytes:
        return seal_signed(self.key, self.signer, plain, ad)

    def open(self, data: bytes, ad: bytes, site: str, where: str) -> bytes:
        """The plain content of a file written by the workstation `site`: signed by a key
        admitted for it and sealed with the district key; BadSegment otherwise."""
        signer, plain = open_signed(self.key, data, ad, where)
        if not self.trusts(signer, site):
            raise BadSegment(f"{where}: файл подписан рабочим местом, не допущенным к "
                             "синхронизации, — он не применяется")
        return plain


def known(con: sqlite3.Connection) -> dict[str, Any]:
    """The newest sound snapshot this PC knows: {"name", "covers"} (empty: none)."""
    found = json.loads(local.get(con, KNOWN, "{}") or "{}")
    return found if isinstance(found, dict) else {}


def archived_upto(con: sqlite3.Connection) -> int:
    return int(local.get(con, ARCHIVED, "0") or 0)


def open_snapshot(place: Place, name: str) -> Snapshot | None:
    """The snapshot `name` of the share checked with the key (read whole: also that its
    database holds what it says it covers); None (quarantined, set aside, reported) when it
    does not open or is not sound; None when it is gone."""
    rel = f"{FOLDER}/{name}"
    ad = snapshot_ad(place.key.store_id, name)
    ahead = Unpacking(place.key.deciphering(ad), SIGNED_HEAD)
    data = place.share.read_parts(rel, ahead.feed)
    if data is None:
        return None
    where = str(place.share.path(rel))
    writer = (parse_name(name) or (0, ""))[1]
    try:
        plain = place.open(data, ad, writer, where)
        head, image = decode(plain, where, unpacked=ahead.image(plain))
        check_head(head, place.key.store_id, name, where)
        snap = Snapshot(name, head, image)
        snap.check_holdings(where)
    except OtherFormat:
        return None  # another version's: left on the share for the PCs that read it
    except BadSegment as exc:
        place.bad(rel, data, str(exc))
        return None
    return snap


def names(share: Share) -> list[str]:
    """The snapshots' names on the share, newest first."""
    return sorted((n for n in share.list_dir(FOLDER) if parse_name(n)), reverse=True)


def newest(place: Place, usable: Callable[[Snapshot], bool]) -> Snapshot | None:
    """The newest snapshot that opens and that this version can use, read whole."""
    for name in names(place.share):
        snap = open_snapshot(place, name)
        if snap is not None and usable(snap):
            return snap
    return None


def remember(con: sqlite3.Connection, snap: Snapshot) -> None:
    local.put(con, KNOWN, json.dumps({"name": snap.name, "covers": snap.covers}))


def tell_progress(place: Place) -> None:
    """Write this PC's applied tops into a new progress file of its folder when they moved
    on, and remove its older progress files."""
    tops = contiguous_tops(place.con, place.site)
    told = json.dumps(tops, sort_keys=True)
    if local.get(place.con, TOLD) == told:
        return
    stamp = int(place.policy.clock() * 1000)
    name = progress_name(stamp)
    body = json.dumps({"site": place.site, "stamp": stamp, "tops": tops}).encode()
    folder = f"sites/{place.site}"
    try:
        place.share.write_new(f"{folder}/{name}", place.seal(
            body, progress_ad(place.key.store_id, place.site, name)))
    except NameTaken:
        return  # a second in the same millisecond: the next sync tells
    for old in place.share.list_dir(folder):
        if progress_stamp(old) is not None and old < name:
            place.share.remove(f"{folder}/{old}")
    local.put(place.con, TOLD, told)


def progress_of(place: Place, site: str) -> tuple[int, dict[str, int]] | None:
    """(time in ms, applied tops) of a workstation's newest progress file; None without one
    that opens."""
    folder = f"sites/{site}"
    for name in sorted((n for n in place.share.list_dir(folder)
                        if progress_stamp(n) is not None), reverse=True):
        data = place.share.read(f"{folder}/{name}")
        if data is None:
            continue
        try:
            found = json.loads(place.open(
                data, progress_ad(place.key.store_id, site, name), site, ""))
            return int(found["stamp"]), {str(k): int(v) for k, v in found["tops"].items()}
        except (BadSegment, ValueError, KeyError, TypeError, AttributeError):
            continue
    return None


def learn(place: Place) -> dict[str, Any]:
    """The newest sound snapshot on the share, remembered (read whole once); damaged newer
    ones are set aside. When the one known is not on the share any more (deleted) and none
    newer opens, an older one, or none: what it covered and was archived may be lost, and
    its authors send it again (`lost_own`)."""
    mine = known(place.con)
    for name in names(place.share):
        if name == mine.get("name"):
            return mine
        snap = open_snapshot(place, name)
        if snap is not None:
            remember(place.con, snap)
            return known(place.con)
    if mine:
        local.put(place.con, KNOWN, "{}")
    return {}


def lost_own(con: sqlite3.Connection, share: Share, site: str) -> list[int]:
    """This PC's published segments gone from the share: neither in its folder, nor in its
    archive, nor held by the snapshot known (learned from the share in this sync)."""
    missing = repair.missing_own(con, share, site)
    if not missing:
        return []
    held = covered(con, site)
    archive = set(repair.listed_seqs(share, f"{site}/{ARCHIVE}")) if any(
        n > held for n in missing) else set()
    return [n for n in missing if n > held and n not in archive]


def archive_own(place: Place, covers: dict[str, int]) -> None:
    """Move this PC's own segments covered by the snapshot into its archive folder; remove
    archived segments and own superseded snapshots older than the policy keeps them."""
    now = place.policy.clock()
    folder = f"sites/{place.site}"
    # (never beyond what this PC has published: a snapshot cannot hold more of it)
    upto = min(covers.get(place.site, 0), contiguous_tops(place.con, place.site)[place.site])
    for seq in repair.listed_seqs(place.share, place.site):
        if seq <= upto:
            name = segment_name(seq)
            place.share.move(f"{folder}/{name}", f"{folder}/{ARCHIVE}/{name}", now)
    if upto > archived_upto(place.con):
        marker = f"{MARKER}{upto:012d}"
        try:
            place.share.write_new(f"{folder}/{marker}", b"")
        except NameTaken:
            pass
        for name in place.share.list_dir(folder):
            if name.startswith(MARKER) and name != marker:  # older ones, and planted ones
                place.share.remove(f"{folder}/{name}")
        local.put(place.con, ARCHIVED, str(upto))
    horizon = now - place.policy.archive_days * DAY_S
    held = covers.get(place.site, 0)  # by the snapshot on the share (learned in this sync)
    for name in place.share.list_dir(f"{folder}/{ARCHIVE}"):
        if (segment_number(name) or 0) > held:
            continue  # no snapshot on the share holds it (the one that did was deleted)
        when = place.share.modified(f"{folder}/{ARCHIVE}/{name}")
        if when is not None and when < horizon:
            place.share.remove(f"{folder}/{ARCHIVE}/{name}")
    newest_name = known(place.con).get("name", "")
    for name in names(place.share):
        parsed = parse_name(name)
        if parsed and parsed[1] == place.site and name < newest_name and (
                parsed[0] / 1000 < horizon):
            place.share.remove(f"{FOLDER}/{name}")


def coverage(place: Place) -> dict[str, int]:
    """For each workstation, how many of its first segments every active workstation has
    applied, or are older than the policy's age; capped by what this PC has."""
    now = place.policy.clock()
    old = now - place.policy.age_days * DAY_S
    mine = contiguous_tops(place.con, place.site)
    others: list[dict[str, int]] = []
    for site in place.share.list_dir("sites"):
        if site == place.site or not is_site_id(site) or repair.replaced_by(
                place.share, site, place.key) is not None or not place.member(site):
            continue  # not an admitted PC's, or a number its database left (restored, cloned)
        told = progress_of(place, site)
        if told is not None and told[0] / 1000 >= old:
            others.append(told[1])
        elif told is None and (site_modified(place.share, site) or 0) >= old:
            others.append({})  # joined lately and told nothing yet: waited for
    covers: dict[str, int] = {}
    for site, top in mine.items():
        upto = min([top, *(o.get(site, 0) for o in others)])
        while upto < top and _older(place.share, site, upto + 1, old):
            upto += 1
        if upto:
            covers[site] = upto
    return covers


def _older(share: Share, site: str, seq: int, horizon: float) -> bool:
    name = segment_name(seq)
    when = share.modified(f"sites/{site}/{name}")
    if when is None:
        when = share.modified(f"sites/{site}/{ARCHIVE}/{name}")
    return when is not None and when <= horizon


def may_write(con: sqlite3.Connection, site: str) -> bool:
    """Nothing missing or held here, nothing of this PC unpublished."""
    return compact.nothing_missing(con) and con.execute(
        "SELECT 1 FROM sync_held LIMIT 1").fetchone() is None and con.execute(
        "SELECT 1 FROM sync_published WHERE site=? AND published=0 LIMIT 1",
        (site,)).fetchone() is None


def maybe_write(place: Place, mine: dict[str, Any]) -> dict[str, Any]:
    """Write a snapshot when it would cover enough more than the newest one; what is known
    afterwards."""
    policy, now = place.policy, place.policy.clock()
    last = max(int(local.get(place.con, TRIED, "0") or 0),
               (parse_name(mine["name"]) or (0, ""))[0] // 1000 if mine else 0)
    before = {str(k): int(v) for k, v in (mine.get("covers") or {}).items()}
    stale = bool(mine) and now - last >= policy.every_days * DAY_S

    def enough(covers: dict[str, int]) -> bool:
        gain = sum(max(0, n - before.get(s, 0)) for s, n in covers.items())
        return gain >= policy.every_segments or gain > 0 and stale

    if (not place.admitted() or now - last < policy.min_hours * 3600 or not enough(contiguous_tops(
            place.con, place.site)) or not may_write(place.con, place.site)):
        return mine  # (what this PC has bounds what a snapshot can cover: nothing read)
    local.put(place.con, TRIED, str(int(now)))
    covers = coverage(place)
    if not enough(covers):
        return mine
    path = place.con.execute("PRAGMA database_list").fetchone()[2]
    made = image_of(path, place.site, place.workstation, (*synced_tables(), *SHARED))
    if made is None:
        return mine  # changes made meanwhile, not sealed yet: the next sync writes it
    image, contains = made
    covers = {site: min(n, contains.get(site, 0)) for site, n in covers.items()}
    stamp = int(now * 1000)
    name = snapshot_name(stamp, place.site)
    head = {"store": place.key.store_id, "site": place.site, "stamp": stamp, "app": __version__,
            "epoch": SCHEMA_EPOCH, "schema": schema_of(place.con),
            "workstation": place.workstation, "clock": local.clock(place.con).last,
            "covers": covers, "contains": contains}
    plain = encode(head, image)
    place.share.make_dir(FOLDER)
    try:
        place.share.write_new(f"{FOLDER}/{name}",
                              place.seal(plain, snapshot_ad(place.key.store_id, name)))
    except NameTaken:
        return mine
    remember(place.con, Snapshot(name, head))
    return known(place.con)


def run(place: Place, may_publish: bool, clean: bool) -> None:
    """The upkeep of one sync. `may_publish`: this PC writes to the share; `clean`: the
    sync found nothing damaged or missing."""
    if not may_publish:
        return
    tell_progress(place)
    mine = learn(place)
    if clean:
        mine = maybe_write(place, mine)
    if not mine:
        return
    covers = {str(k): int(v) for k, v in mine["covers"].items()}
    now = place.policy.clock()
    if (covers.get(place.site, 0) > archived_upto(place.con)
            or now - float(local.get(place.con, CLEANED, "0") or 0) >= CLEAN_EVERY_S):
        archive_own(place, covers)
        local.put(place.con, CLEANED, str(now))
