"""store.json and the site files: what a sync location is and who writes into it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from imc_desktop import __version__
from imc_desktop.sync.sealing import KeyParams, SyncKey
from imc_desktop.sync.segment import BadSegment
from imc_desktop.sync.share import NameTaken, Share, read_only_error
from imc_desktop.sync.signing import Signer, open_signed, seal_signed

STORE_MAGIC = "IMC-SYNC"
#: 2: segments are sealed with the district key described in the "key" section and signed
#: by their workstation; "signer" is the public key of the workstation that made the store
#: and "site" its folder: the maker's key is valid for that folder only
#: 3: the signature is inside the sealed file (it survives a change of the key); "rekeyed"
#: says when the key was last changed and on which workstation
STORE_FORMAT = 3
SCHEMA_EPOCH = 1
STORE_FILE = "store.json"
#: a workstation's own file in its folder: its name, and the folder its database left (when
#: it was cloned or restored), sealed with the district key
SITE_FILE = "site.sealed"
#: the same, in the clear, as earlier versions wrote it: only the name in it is taken, and a
#: workstation that writes its sealed file removes its own plain one
PLAIN_SITE_FILE = "site.json"


class SyncStopped(Exception):
    """The sync cannot go on; the message says why in plain Russian. `question` is set when
    the user may confirm to go on (a new or replaced sync location)."""

    def __init__(self, message: str, question: bool = False) -> None:
        super().__init__(message)
        self.question = question


class KeyNeeded(SyncStopped):
    """The sync needs the district key. `kind`: "new" — this sync would create the store,
    and `passphrase` is a new one to be shown once and written down; "enter" — the store has
    a key this PC does not know; "wrong" — the passphrase given is not the store's."""

    def __init__(self, message: str, kind: str, passphrase: str = "") -> None:
        super().__init__(message)
        self.kind, self.passphrase = kind, passphrase


@dataclass(frozen=True)
class StoreInfo:
    store_id: str
    min_app: str
    epoch: int
    created: bool = False
    key: KeyParams | None = None
    signer: str = ""  # the public key (hex) of the workstation that made the store
    site: str = ""  # ... and the id of its folder: the only one that key may write into
    rekeyed: str = ""  # «06.12.2026 на компьютере «Кабинет 12»» when the key was changed

    @property
    def maker(self) -> str:
        """The maker's key and folder, as a PC remembers them at its first sync."""
        return f"{self.signer}@{self.site}"

    @property
    def read_only(self) -> bool:
        """This program is too old to publish into the store."""
        return self.epoch > SCHEMA_EPOCH or _version(self.min_app) > _version(__version__)


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split("."))
    except ValueError:
        return (0,)


def read_store(share: Share) -> StoreInfo | None:
    """The store's description; None when the location has no store.json."""
    data = share.read(STORE_FILE)
    if data is None:
        return None
    try:
        info = json.loads(data)
        if info.get("magic") != STORE_MAGIC:
            raise ValueError
        _check_format(share, int(info["format"]))
        signer = info["signer"]
        if len(bytes.fromhex(signer)) != 32 or not is_site_id(str(info["site"])):
            raise ValueError("signer")
        return StoreInfo(str(info["store_id"]), str(info.get("min_app", "0")),
                         int(info.get("epoch", SCHEMA_EPOCH)),
                         key=KeyParams.from_json(info["key"]), signer=signer,
                         site=str(info["site"]), rekeyed=_rekeyed(info.get("rekeyed")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SyncStopped(f"В папке {share.root} лежит файл {STORE_FILE}, но это не папка "
                          "синхронизации IMC Desktop (файл не читается). Проверьте путь "
                          "в настройках.") from exc


def _rekeyed(found: object) -> str:
    """When and where the key was changed, as store.json says ("" when never)."""
    if not isinstance(found, dict):
        return ""
    when, where = str(found.get("date", ""))[:10], str(found.get("workstation", ""))[:100]
    return f"{when} на компьютере «{where}»" if when and where else ""


def replace_key(share: Share, params: KeyParams, workstation: str, date: str) -> None:
    """store.json with the key `params` instead of the one it had (the rest kept), noting
    that `workstation` changed it on `date` (ДД.ММ.ГГГГ)."""
    info = json.loads(share.read(STORE_FILE) or b"{}")
    info["key"] = params.to_json()
    info["rekeyed"] = {"date": date, "workstation": workstation}
    share.replace(STORE_FILE, json.dumps(info, indent=1, ensure_ascii=False).encode())


def _check_format(share: Share, found: int) -> None:
    if found == 2:
        raise SyncStopped(f"Папка синхронизации {share.root} создана прежней версией программы "
                          "(подписи файлов в ней не переносят смену ключа). Создайте для "
                          "синхронизации новую пустую папку и укажите её в настройках на "
                          "каждом компьютере: данные компьютеров сохранятся и будут отправлены "
                          "в новую папку заново. Старую папку после этого удалите.")
    if found < STORE_FORMAT:
        raise SyncStopped(f"Папка синхронизации {share.root} создана прежней версией программы "
                          "и хранит данные незашифрованными. Создайте для синхронизации новую "
                          "пустую папку и укажите её в настройках на каждом компьютере: данные "
                          "компьютеров сохранятся и будут отправлены в новую папку заново, "
                          "зашифрованными. Старую папку после этого удалите.")
    if found > STORE_FORMAT:
        raise SyncStopped(f"Папка синхронизации {share.root} записана в формате {found}, "
                          "который эта версия программы не знает. Обновите программу.")


#: a new store's key: its parameters for the store id given (or KeyNeeded)
NewKey = Callable[[str], KeyParams]


def create_store(share: Share, new_key: NewKey, signer: str, site: str) -> StoreInfo:
    """Write store.json into an empty location (once: a concurrent creator's file wins);
    `signer`: this workstation's public key, admitted by making the store for its folder
    `site` only."""
    store_id = str(uuid.uuid4())
    info = {"magic": STORE_MAGIC, "format": STORE_FORMAT, "store_id": store_id,
            "min_app": "0.1.0", "epoch": SCHEMA_EPOCH, "key": new_key(store_id).to_json(),
            "signer": signer, "site": site}
    try:
        share.make_dir("sites")
        share.write_new(STORE_FILE, json.dumps(info, indent=1).encode())
    except NameTaken:
        pass
    except OSError as exc:
        if not read_only_error(exc):
            raise
        raise SyncStopped(f"Папка синхронизации {share.root} пуста и доступна только для "
                          "чтения: создать в ней папку синхронизации нельзя. Проверьте права "
                          "доступа к папке.") from exc
    found = read_store(share)
    assert found is not None
    return StoreInfo(found.store_id, found.min_app, found.epoch, created=True, key=found.key,
                     signer=found.signer, site=found.site)


def is_site_id(name: str) -> bool:
    """A folder name under `sites/` that can be a workstation's id."""
    try:
        return str(uuid.UUID(name)) == name
    except ValueError:
        return False


def workstation_name(share: Share, site: str, key: SyncKey | None) -> str:
    """The display name a workstation gave in its site file ("" when unknown)."""
    return site_info(share, site, key).get("workstation", "")


def describe(share: Share, key: SyncKey | None = None) -> str:
    """What a sync location holds: how many files of changes, from how many workstations,
    and their names where `key` opens their site files (nothing else is opened)."""
    files = 0
    sites = 0
    names: list[str] = []
    for site in share.list_dir("sites"):
        if not is_site_id(site) or not share.is_dir(f"sites/{site}"):
            continue
        sites += 1
        name = workstation_name(share, site, key)
        if name:
            names.append(name)
        files += sum(1 for f in share.list_dir(f"sites/{site}") if f.endswith(".seg"))
    whose = f"{sites}" + (f" ({', '.join(f'«{n}»' for n in sorted(names))})" if names else "")
    return f"В ней файлов изменений: {files}; рабочих мест: {whose}."


def site_ad(store_id: str, site: str) -> bytes:
    """What a site file is bound to: its store and its folder."""
    return f"imc-sync-site\n{store_id}\n{site}".encode()


def write_site(share: Share, key: SyncKey, signer: Signer, site: str, workstation: str,
               replaces: str = "") -> None:
    """The workstation's site file, signed and sealed, written once (and its plain
    site.json of an earlier version removed); `replaces`: the number this database worked
    under before it was cloned or restored from a backup."""
    rel = f"sites/{site}/{SITE_FILE}"
    if not share.exists(rel):
        share.make_dir(f"sites/{site}")
        info = {"site": site, "workstation": workstation}
        if replaces:
            info["replaces"] = replaces
        plain = json.dumps(info, ensure_ascii=False).encode()
        try:
            share.write_new(rel, seal_signed(key, signer, plain, site_ad(key.store_id, site)))
        except NameTaken:
            pass
    if share.exists(f"sites/{site}/{PLAIN_SITE_FILE}"):
        share.remove(f"sites/{site}/{PLAIN_SITE_FILE}")


def site_info(share: Share, site: str, key: SyncKey | None) -> dict[str, str]:
    """What a workstation's site file says; empty when it is missing, or does not open with
    `key` (damaged, forged, or no key given). A plain site.json of an earlier version gives
    the name only: anybody could have written it."""
    rel = f"sites/{site}/{SITE_FILE}"
    sealed = share.read(rel)
    try:
        if sealed is not None:
            if key is None:
                return {}
            found = json.loads(open_signed(key, sealed, site_ad(key.store_id, site),
                                           str(share.path(rel)))[1])
        else:
            plain = json.loads(share.read(f"sites/{site}/{PLAIN_SITE_FILE}") or b"{}")
            found = {"workstation": plain.get("workstation", "")} if isinstance(
                plain, dict) else {}
    except (BadSegment, ValueError):
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def site_modified(share: Share, site: str) -> float | None:
    """When the workstation's site file was written (None when there is none)."""
    return share.modified(f"sites/{site}/{SITE_FILE}") or share.modified(
        f"sites/{site}/{PLAIN_SITE_FILE}")


def open_store(share: Share, remembered: str, accept_new: bool, new_key: NewKey,
               signer: str, site: str) -> StoreInfo:
    """Check the location against the store id this database remembers (step 1 of a sync);
    a store made here names `signer` and `site` (the folder this PC will write into)."""
    if not share.reachable():
        raise SyncStopped(f"Папка синхронизации {share.root} недоступна. Проверьте сеть и путь "
                          "в настройках; работа продолжается без синхронизации.")
    info = read_store(share)
    if info is None:
        if set(share.list_dir("")) - {"sites"} or share.list_dir("sites"):
            raise SyncStopped(f"Папка {share.root} не пуста, но это не папка синхронизации "
                              f"IMC Desktop (в ней нет {STORE_FILE}). Выберите пустую папку "
                              "или папку, созданную программой.")
        if remembered and not accept_new:
            raise SyncStopped(f"Папка синхронизации {share.root} пуста, хотя этот компьютер "
                              "уже синхронизировался через неё. Если её очистили или заменили "
                              "намеренно, подтвердите создание новой папки синхронизации: "
                              "данные этого компьютера будут отправлены в неё заново. Ничего "
                              "не удалено.", question=True)
        return create_store(share, new_key, signer, site)
    if remembered and info.store_id != remembered and not accept_new:
        raise SyncStopped(f"Папка синхронизации {share.root} заменена другой (её номер "
                          f"изменился). {describe(share)} Если так и задумано, подтвердите "
                          "переход на новую папку: данные этого компьютера будут отправлены в "
                          "неё заново, а её записи будут получены. Ничего не удалено.",
                          question=True)
    return info
