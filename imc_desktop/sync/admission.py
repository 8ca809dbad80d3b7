"""Which workstations may write into the sync folder: the admitted signers.

The workstation that made the store is admitted by making it: its public key and its folder
are in store.json, and every PC remembers them at its first sync (a store.json whose key was
replaced afterwards stops the sync). Every workstation declares its key in its own folder
(`sites/<site>/keys/request-<fingerprint>.sealed`: the key and the workstation's name, sealed
with the district key; earlier versions wrote `request-<fingerprint>.json` in the clear); a new
one is «ожидает допуска» until an admitted workstation admits it. A methodist there compares
the verification code the new PC shows with the one shown for it in the list, and admits or
refuses it: the decision is a file in the admitter's own folder
(`sites/<site>/keys/admit-<fingerprint>-<site decided for>.sig` or `refuse-…`), sealed with
the district key and signed by the admitter. A decision counts when its signer is admitted
(for whichever folder: the right to admit goes with the key), and never admits its own
signer: the admitted keys are the chain of such decisions back to the store's maker. A key
is admitted for one folder only — the one whose request the decision answered (the store's
maker: its folder named in store.json): the same key in another workstation's folder is a
forgery. Segments signed by a key not admitted (yet) are not applied; they are applied by
the sync after the one that sees the admission. A database that takes a new folder (restored
from a backup, a copy found) with the same key waits to be admitted again for it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from imc_desktop.sync.sealing import SyncKey
from imc_desktop.sync.segment import BadSegment
from imc_desktop.sync.share import NameTaken, Share
from imc_desktop.sync.signing import (
    Signer,
    fingerprint,
    is_public_key,
    open_signed,
    seal_signed,
    verification_code,
)
from imc_desktop.sync.store import StoreInfo, SyncStopped, is_site_id

KEYS_DIR = "keys"
#: the endings of a request file: sealed, and in the clear (earlier versions)
SEALED, PLAIN = ".sealed", ".json"
ADMIT, REFUSE = "admit", "refuse"
#: what this database remembers: the public key of the store's maker and its folder
#: (StoreInfo.maker), pinned at first sync
PINNED = "store_signer"
#: ... and what the key files of the folder said (read once each)
SEEN = "admission_files"


def request_ad(store: str, site: str, name: str) -> bytes:
    """What a request file is bound to: its store, its folder and its name."""
    return f"imc-sync-request\n{store}\n{site}\n{name}".encode()


def decision_ad(store: str, site: str, name: str) -> bytes:
    """What a decision file is bound to: its store, its writer and its name."""
    return f"imc-sync-admission\n{store}\n{site}\n{name}".encode()


@dataclass(frozen=True)
class Waiting:
    """A workstation that declared its key and is not admitted (nor refused)."""

    site: str
    workstation: str
    key: str

    @property
    def code(self) -> str:
        return verification_code(self.key)


@dataclass
class Roster:
    """The admitted keys (with the names they were admitted under) and the folder each is
    admitted for, the refused ones (with their folders), the waiting workstations, and the
    sites' declared keys."""

    creator: str
    admitted: dict[str, str] = field(default_factory=dict)
    sites: dict[str, set[str]] = field(default_factory=dict)  # admitted key -> its folders
    refused: set[tuple[str, str]] = field(default_factory=set)  # (site, key)
    waiting: list[Waiting] = field(default_factory=list)
    declared: dict[str, list[Waiting]] = field(default_factory=dict)
    seen: dict[str, list[str]] = field(default_factory=dict)  # see Seen

    def admits(self, key: str, site: str) -> bool:
        """`key` may write into the folder of `site`."""
        return site in self.sites.get(key, ())

    def may_admit(self, key: str) -> bool:
        """`key` is admitted (for some folder): its decisions on other keys count."""
        return key in self.sites

    def admitted_elsewhere(self, key: str, site: str) -> bool:
        """`key` is admitted, for another folder than `site`'s, and not declared there:
        whatever it signs in `site`'s folder is a forgery."""
        return (key in self.sites and site not in self.sites[key]
                and all(w.key != key for w in self.declared.get(site, [])))

    def name_of(self, site: str, key: str) -> str:
        """The workstation's name its folder declares for `key` ("" when unknown)."""
        return next((w.workstation for w in self.declared.get(site, []) if w.key == key), "")


def _request(share: Share, sync_key: SyncKey, site: str, name: str) -> Waiting | None:
    """A request that opens with the key, or a plain one of an earlier version."""
    rel = f"sites/{site}/{KEYS_DIR}/{name}"
    try:
        data, signer = share.read(rel) or b"", ""
        if name.endswith(SEALED):  # signed by the key it declares
            signer, data = open_signed(sync_key, data, request_ad(sync_key.store_id, site,
                                                                  name), str(share.path(rel)))
        found = json.loads(data)
        key = found["key"]
    except (BadSegment, ValueError, KeyError, TypeError):
        return None
    if not is_public_key(key) or (signer or key) != key or name not in (
            request_name(key), request_name(key, PLAIN)):
        return None
    return Waiting(site, str(found.get("workstation", ""))[:100], key)


def request_name(key: str, ending: str = "") -> str:
    """The name of the request file that declares `key`."""
    return f"request-{fingerprint(key)}{ending or SEALED}"


def _decision_name(key: str, site: str) -> str:
    """A decision file's name after its kind: the key's fingerprint and the folder decided
    for (one decision per key and folder)."""
    return f"{fingerprint(key)}-{site}.sig"


def _decision(share: Share, sync_key: SyncKey, site: str,
              name: str) -> tuple[str, str, dict[str, str]] | None:
    """(signer, kind, record) of a decision file that opens and verifies; None otherwise."""
    kind, _dash, rest = name.partition("-")
    rel = f"sites/{site}/{KEYS_DIR}/{name}"
    data = share.read(rel)
    if kind not in (ADMIT, REFUSE) or not rest.endswith(".sig") or data is None:
        return None
    ad = decision_ad(sync_key.store_id, site, name)
    try:
        signer, plain = open_signed(sync_key, data, ad, rel)
        record = json.loads(plain)
        key, whose = record["key"], str(record["site"])
    except (BadSegment, ValueError, KeyError, TypeError):
        return None
    if not is_public_key(key) or not is_site_id(whose) or rest != _decision_name(key, whose):
        return None
    return signer, kind, {"key": key, "workstation": str(record.get("workstation", "")),
                          "site": whose}


#: what a folder's key files said, by "site/name": ["r", key, name] for a declared key,
#: ["d", signer, kind, key, name, site decided for] for a decision that verified (files are
#: written once)
Seen = dict[str, list[str]]
#: a decision: the folder it lies in, its signer, its kind and what it decides
Decision = tuple[str, str, str, dict[str, str]]


def read_roster(share: Share, sync_key: SyncKey, store: StoreInfo,
                seen: Seen | None = None) -> Roster:
    """Who is admitted, refused and waiting, as the folder shows it now (the store's maker,
    admitted for its folder, as store.json says). `seen`: what the files read before said
    (updated here), so that a sync reads only the new ones."""
    seen = {} if seen is None else seen
    creator = store.signer
    roster = Roster(creator, {creator: ""}, {creator: {store.site}}, seen=seen)
    decisions: list[Decision] = []
    for site in share.list_dir("sites"):
        if not is_site_id(site):
            continue
        for name in share.list_dir(f"sites/{site}/{KEYS_DIR}"):
            found = seen.get(f"{site}/{name}")
            if not found or len(found) != (3 if found[0] == "r" else 6):
                found = _read_key_file(share, sync_key, site, name)
            if found and found[0] == "r":
                roster.declared.setdefault(site, []).append(Waiting(site, found[2], found[1]))
            elif found:
                decisions.append((site, found[1], found[2], {
                    "key": found[3], "workstation": found[4], "site": found[5]}))
            if found:
                seen[f"{site}/{name}"] = found
    _close(roster, decisions)
    _wait(roster)
    return roster


def _read_key_file(share: Share, sync_key: SyncKey, site: str, name: str) -> list[str]:
    """What one file of a folder's keys says (see Seen); [] when it is not sound."""
    if name.startswith("request-"):
        request = _request(share, sync_key, site, name)
        return ["r", request.key, request.workstation] if request else []
    decided = _decision(share, sync_key, site, name)
    if decided is None:
        return []
    signer, kind, record = decided
    return ["d", signer, kind, record["key"], record["workstation"], record["site"]]


def _wait(roster: Roster) -> None:
    """The declared keys neither admitted nor refused for their folder wait (each once); the
    store's maker takes the name its folder declares."""
    seen: set[tuple[str, str]] = set()
    for request in (r for rs in roster.declared.values() for r in rs):
        if roster.admits(request.key, request.site) and not roster.admitted[request.key]:
            roster.admitted[request.key] = request.workstation
        place = (request.site, request.key)
        if roster.admits(request.key, request.site) or place in roster.refused:
            continue
        if place not in seen:
            seen.add(place)
            roster.waiting.append(request)


def _counts(roster: Roster, decision: Decision) -> bool:
    """A decision counts when its signer is admitted (for whichever folder: the right to
    admit is the key's, as a PC put back from a backup keeps it) and it does not decide on
    the signer itself."""
    _folder, signer, _kind, record = decision
    return roster.may_admit(signer) and record["key"] != signer


def _close(roster: Roster, decisions: list[Decision]) -> None:
    """Admitted: the store's maker, then whoever an admitted signer admitted, and so on —
    each key for the folder(s) it was admitted for."""
    grown = True
    while grown:
        grown = False
        for decision in decisions:
            _folder, _signer, kind, record = decision
            if kind == ADMIT and not roster.admits(record["key"], record["site"]) and (
                    _counts(roster, decision)):
                roster.admitted.setdefault(record["key"], record["workstation"])
                roster.sites.setdefault(record["key"], set()).add(record["site"])
                grown = True
    roster.refused = {(d[3]["site"], d[3]["key"]) for d in decisions
                      if d[2] == REFUSE and _counts(roster, d)
                      and not roster.admits(d[3]["key"], d[3]["site"])}


def remembered(con: sqlite3.Connection) -> Seen:
    """What the folder's key files said when this database last read them."""
    from imc_desktop.sync import local

    try:
        found = json.loads(local.get(con, SEEN) or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def remember(con: sqlite3.Connection, roster: Roster) -> None:
    from imc_desktop.sync import local

    text = json.dumps(roster.seen, ensure_ascii=False, sort_keys=True)
    if text != local.get(con, SEEN, "{}"):
        local.put(con, SEEN, text)


def declare(share: Share, sync_key: SyncKey, site: str, signer: Signer,
            workstation: str) -> None:
    """This workstation's key in its own folder, signed with it and sealed (written once; a
    copy there is left), and its plain request of an earlier version removed."""
    name = request_name(signer.public)
    rel = f"sites/{site}/{KEYS_DIR}/{name}"
    if not share.exists(rel):
        share.make_dir(f"sites/{site}/{KEYS_DIR}")
        text = json.dumps({"key": signer.public, "workstation": workstation},
                          ensure_ascii=False).encode()
        try:
            share.write_new(rel, seal_signed(sync_key, signer, text,
                                             request_ad(sync_key.store_id, site, name)))
        except NameTaken:
            pass
    plain = f"sites/{site}/{KEYS_DIR}/{request_name(signer.public, PLAIN)}"
    if share.exists(plain):
        share.remove(plain)


def publish_decision(share: Share, sync_key: SyncKey, site: str, signer: Signer,
                     waiting: Waiting, kind: str) -> None:
    """The decision on `waiting` in the folder of `site` (this workstation's), signed."""
    name = f"{kind}-{_decision_name(waiting.key, waiting.site)}"
    ad = decision_ad(sync_key.store_id, site, name)
    record = json.dumps({"key": waiting.key, "workstation": waiting.workstation,
                         "site": waiting.site}, ensure_ascii=False).encode()
    share.make_dir(f"sites/{site}/{KEYS_DIR}")
    try:
        share.write_new(f"sites/{site}/{KEYS_DIR}/{name}",
                        seal_signed(sync_key, signer, record, ad))
    except NameTaken:
        pass  # decided already, the same way


def pin(con: sqlite3.Connection, found: str, root: object) -> None:
    """The store's maker (StoreInfo.maker: its key and folder) is the one this database
    remembers (SyncStopped otherwise); the first time, it is remembered."""
    from imc_desktop.sync import local

    pinned = local.get(con, PINNED)
    if not pinned:
        local.put(con, PINNED, found)
    check_pinned(pinned, found, root)


def check_pinned(pinned: str, found: str, root: object) -> None:
    """The store's maker (its key and folder) is the one this PC met at its first sync."""
    if pinned and found != pinned:
        raise SyncStopped(f"В файле store.json папки синхронизации {root} заменён ключ "
                          "рабочего места, создавшего папку, или его папка: список допущенных "
                          "рабочих мест подменён. Синхронизация остановлена, ничего не "
                          "получено и не отправлено. Сообщите администратору.")


def choose(roster: Roster, name: str, code: str) -> Waiting:
    """The waiting workstation called `name` whose code is `code`; SyncStopped in Russian
    naming what does not match (nothing is admitted then)."""
    from imc_desktop.sync.signing import same_code

    named = [w for w in roster.waiting if w.workstation.casefold() == name.strip().casefold()]
    if not named:
        names = ", ".join(f"«{w.workstation}»" for w in roster.waiting) or "нет"
        raise SyncStopped(f"Рабочее место «{name}» не ожидает допуска. Ожидают: {names}.")
    for waiting in named:
        if same_code(code, waiting.key):
            return waiting
    raise SyncStopped(f"Код {code} не совпадает с кодом рабочего места «{name}»: ничего не "
                      "изменено. Сравните код с тем, что показан на новом компьютере; если "
                      "он другой, это может быть чужой компьютер — не допускайте его.")


def awaiting_note(code: str) -> str:
    """What this PC says while it waits for admission."""
    return (f"Этот компьютер ожидает допуска к синхронизации (код проверки {code}): его "
            "изменения отправлены, но другие рабочие места применят их только после допуска. "
            "На компьютере, который уже синхронизируется, методист открывает Сервис → Допуск "
            "рабочих мест, сравнивает код с этим и нажимает «Допустить».")


def held_note(name: str, signer: str, files: str, refused: bool | None) -> str:
    """What a sync says of another workstation's files (`files`: their numbers) it did not
    apply for want of admission: waiting (`refused` False), refused, or signed by a key its
    folder never declared (None)."""
    code = verification_code(signer)
    if refused:
        return (f"Файлы изменений {files} рабочего места «{name}» не применены: его ключ "
                f"(код {code}) отклонён при допуске.")
    if refused is None:
        return (f"Файлы изменений {files} в папке рабочего места «{name}» не применены: они "
                f"подписаны ключом (код {code}), который в этой папке не заявлен, — их "
                "записал не этот компьютер. Сообщите администратору; удалить их может он.")
    return (f"Файлы изменений {files} рабочего места «{name}» не применены: оно ожидает "
            f"допуска (код {code}). Допустите его (Сервис → Допуск рабочих мест), сравнив "
            "код с показанным на нём; тогда они будут применены при следующей синхронизации.")
