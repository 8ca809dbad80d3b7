"""Changing the district key (a methodist who knew it leaves): from one admitted workstation,
every file of the sync folder is opened with the old key and sealed with the new one, with
progress; then store.json takes the new key, and every other workstation asks for the new
words at its next sync.

While it runs, `rekey.json` in the folder says so (who, since when, and the new key's
parameters — never the key): every other sync stops with a message naming the workstation,
so that nobody writes with the old key meanwhile. An interrupted change is finished by
running it again with the same new words, from any admitted workstation: a file that opens
with the new key already is left as it is. A file that opens with neither key (damaged or
forged) is left as it is and named; readers set it aside as before. A workstation that was
in the middle of a sync when the change began and sends a file with the old key afterwards
has it set aside by the others, and sends it again once it has the new key.

The signatures are inside the sealed files (imc_desktop/sync/signing.py), so a file keeps
its writer's signature through the change: only the district key is replaced.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from imc_desktop import clock
from imc_desktop.storage_errors import os_reason
from imc_desktop.sync import admission, keys, local
from imc_desktop.sync.admission import KEYS_DIR, decision_ad, request_ad
from imc_desktop.sync.keys import KeySource
from imc_desktop.sync.sealing import (
    BadPassphrase,
    KeyParams,
    SyncKey,
    check_passphrase,
    derive,
    new_params,
    segment_ad,
)
from imc_desktop.sync.segment import BadSegment, segment_number
from imc_desktop.sync.share import NameTaken, Share
from imc_desktop.sync.signing import signer_for
from imc_desktop.sync.snapshot import (
    ARCHIVE,
    FOLDER,
    parse_name,
    progress_ad,
    progress_stamp,
    snapshot_ad,
)
from imc_desktop.sync.store import (
    SITE_FILE,
    KeyNeeded,
    StoreInfo,
    SyncStopped,
    is_site_id,
    read_store,
    replace_key,
    site_ad,
)

MARKER = "rekey.json"

#: (files done, files in all, the file being done)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Rekeyed:
    """What a change of the key did: files sealed with the new key now, files that had it
    already (an interrupted change finished), files that open with neither key (named)."""

    resealed: int
    already: int
    left: tuple[str, ...]


def sealed_files(share: Share, store_id: str) -> Iterator[tuple[str, bytes]]:
    """Every file of the folder sealed with the district key, and its associated data:
    segments (also archived), progress files, site files, requests and decisions of
    admission, snapshots."""
    for site in sorted(share.list_dir("sites")):
        if is_site_id(site):
            yield from _site_files(share, store_id, site)
    for name in sorted(share.list_dir(FOLDER)):
        if parse_name(name):
            yield f"{FOLDER}/{name}", snapshot_ad(store_id, name)


def _site_files(share: Share, store_id: str, site: str) -> Iterator[tuple[str, bytes]]:
    for name in sorted(share.list_dir(f"sites/{site}")):
        seq = segment_number(name)
        if seq is not None:
            yield f"sites/{site}/{name}", segment_ad(store_id, site, seq)
        elif progress_stamp(name) is not None:
            yield f"sites/{site}/{name}", progress_ad(store_id, site, name)
        elif name == SITE_FILE:
            yield f"sites/{site}/{name}", site_ad(store_id, site)
    for name in sorted(share.list_dir(f"sites/{site}/{ARCHIVE}")):
        seq = segment_number(name)
        if seq is not None:
            yield f"sites/{site}/{ARCHIVE}/{name}", segment_ad(store_id, site, seq)
    for name in sorted(share.list_dir(f"sites/{site}/{KEYS_DIR}")):
        if name.endswith(".sig") and name.startswith((admission.ADMIT, admission.REFUSE)):
            yield f"sites/{site}/{KEYS_DIR}/{name}", decision_ad(store_id, site, name)
        elif name.startswith("request-") and name.endswith(admission.SEALED):
            yield f"sites/{site}/{KEYS_DIR}/{name}", request_ad(store_id, site, name)


def changing(share: Share) -> str:
    """A Russian message when a change of the key is under way in the folder ("" if not)."""
    data = share.read(MARKER)
    if data is None:
        return ""
    try:
        found = json.loads(data)
        who, since = str(found["workstation"])[:100], str(found["started"])[:16]
    except (ValueError, KeyError, TypeError):
        who, since = "?", "?"
    return (f"В папке синхронизации {share.root} меняют ключ синхронизации (начато {since} на "
            f"компьютере «{who}»). Синхронизация продолжится, когда смена закончится; если она "
            "прервалась, закончите её там же или на другом допущенном компьютере: Сервис → "
            "Сменить ключ синхронизации, с теми же новыми словами.")


def stop_if_changing(share: Share) -> None:
    message = changing(share)
    if message:
        raise SyncStopped(message)


@dataclass
class _Change:
    share: Share
    store: StoreInfo
    old: SyncKey | None  # None: store.json has the new key already (a change being finished)
    new: SyncKey
    params: KeyParams
    progress: Progress
    done: set[str]
    resealed: int = 0
    already: int = 0

    def pass_over(self, left: dict[str, str]) -> None:
        """Seal with the new key every file not done yet."""
        todo = [(rel, ad) for rel, ad in sealed_files(self.share, self.store.store_id)
                if rel not in self.done]
        total = len(self.done) + len(todo)
        for rel, ad in todo:
            self.progress(len(self.done), total, rel)
            self._one(rel, ad, left)
            self.done.add(rel)
        self.progress(len(self.done), total, "")

    def _one(self, rel: str, ad: bytes, left: dict[str, str]) -> None:
        data = self.share.read(rel)
        if data is None:
            return  # archived or removed meanwhile: its new place is listed in a later pass
        where = str(self.share.path(rel))
        try:
            self.new.open(data, ad, where)
            self.already += 1
            return
        except BadSegment:
            pass
        if self.old is None:
            left[rel] = f"{where}: файл не открывается новым ключом"
            return
        try:
            inside = self.old.open(data, ad, where)
        except BadSegment as exc:
            left[rel] = str(exc)
            return
        if not self.share.exists(rel):
            return  # moved into the archive (or set aside) meanwhile: never brought back
        self.share.replace(rel, self.new.seal(inside, ad))
        self.resealed += 1


def _new_key(phrase: str, store: StoreInfo, marker: KeyParams | None) -> tuple[SyncKey,
                                                                             KeyParams]:
    """The new key and its parameters: those of the change begun (`marker`), which the
    words must match, or fresh ones."""
    try:
        phrase = check_passphrase(phrase)
    except BadPassphrase as exc:
        raise KeyNeeded(f"Новый ключ синхронизации не подходит: {exc}", "wrong") from exc
    params = marker or new_params(phrase, store.store_id)
    key = SyncKey(derive(phrase, params), store.store_id)
    if not key.matches(params):
        raise SyncStopped("Смена ключа этой папки уже начата с другим новым ключом: введите "
                          "те новые слова, которые были записаны при её начале, чтобы её "
                          "закончить. Ничего не изменено.")
    return key, params


def _old_key(store: StoreInfo, new: SyncKey) -> SyncKey | None:
    """Finishing a change whose store.json has the new key already: the old key, if this PC
    still remembers it (files written with it meanwhile are sealed anew too)."""
    found = keys.remembered(store.store_id)
    return SyncKey(found, store.store_id) if found is not None and found != new.key else None


def _marker_params(share: Share) -> KeyParams | None:
    data = share.read(MARKER)
    if data is None:
        return None
    try:
        return KeyParams.from_json(json.loads(data)["key"])
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncStopped(f"Файл {share.path(MARKER)} не читается: смену ключа нельзя "
                          "продолжить. Если смена ключа не идёт, удалите этот файл.") from exc


def change(path: Path, share: Share, phrase: str, workstation: str,
           keys_from: KeySource | None = None, progress: Progress | None = None,
           today: datetime | None = None) -> Rekeyed:
    """Seal the whole folder with the key of the ten words `phrase` instead of its key
    (this PC's, from `keys_from`); this workstation must be admitted. SyncStopped (KeyNeeded)
    in Russian when it cannot begin; nothing is changed then."""
    report = progress or (lambda _d, _t, _r: None)
    if not share.reachable():
        raise SyncStopped(f"Папка синхронизации {share.root} недоступна.")
    store = read_store(share)
    con = local.connect(path)
    try:
        remembered, site = local.get(con, "store"), local.get(con, "site")
        pinned, seen = local.get(con, admission.PINNED), admission.remembered(con)
    finally:
        con.close()
    if store is None or not remembered or store.store_id != remembered:
        raise SyncStopped(f"Этот компьютер ещё не синхронизировался с папкой {share.root}: "
                          "сначала выполните синхронизацию.")
    if store.read_only:
        raise SyncStopped(f"Папка синхронизации {share.root} записана более новой версией "
                          "программы: обновите программу, чтобы менять ключ.")
    assert store.key is not None
    admission.check_pinned(pinned, store.maker, share.root)
    marker = _marker_params(share)
    new, params = _new_key(phrase, store, marker)
    finishing = marker is not None and new.matches(store.key)  # store.json has it already
    if marker is None and SyncKey(derive(phrase, store.key), store.store_id).matches(
            store.key):
        raise SyncStopped("Это и есть нынешний ключ папки синхронизации: для смены нужен "
                          "новый ключ. Ничего не изменено.")
    old = _old_key(store, new) if finishing else (keys_from or KeySource()).key_for(store)
    signer = signer_for(local.home_of(path))
    # an interrupted change leaves decisions under both keys: admitted under either will do
    if not any(admission.read_roster(share, key, store, dict(seen)).admits(signer.public, site)
               for key in (old, new) if key is not None):
        raise SyncStopped("Менять ключ синхронизации может только допущенный компьютер: этот "
                          f"ожидает допуска (код {signer.code}). Ничего не изменено.")
    now = today or clock.now()
    if marker is None:
        try:
            share.write_new(MARKER, json.dumps(
                {"workstation": workstation, "site": site,
                 "started": now.strftime("%d.%m.%Y %H:%M"), "key": params.to_json()},
                ensure_ascii=False).encode())
        except NameTaken as exc:  # begun elsewhere a moment ago
            raise SyncStopped(changing(share) or "Смена ключа уже начата.") from exc
    work = _Change(share, store, old, new, params, report, set())
    left: dict[str, str] = {}
    try:
        work.pass_over(left)
        work.pass_over(left)  # files written meanwhile by a sync begun before the marker
        if not finishing:
            replace_key(share, params, workstation, now.strftime("%d.%m.%Y"))
        keys.remember(store.store_id, new.key)  # the old one until store.json has the new
        work.pass_over(left)
        share.remove(MARKER)
    except OSError as exc:
        raise SyncStopped(
            f"Смена ключа прервана: не удалось прочитать или записать {exc.filename or ''} "
            f"в папке синхронизации ({os_reason(exc)}). Зашифровано новым ключом файлов: "
            f"{len(work.done)}. Пока смена не закончена, другие компьютеры не "
            "синхронизируются: когда папка будет доступна, запустите смену ключа снова с "
            "теми же новыми словами — она продолжится с того места.") from exc
    return Rekeyed(work.resealed, work.already, tuple(left.values()))
