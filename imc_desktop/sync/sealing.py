"""The district sync key: a passphrase of words, the key derived from it, and segments sealed
with it (AES-256-GCM) so that the share holds nothing readable or forgeable without it.

The passphrase is ten words from a fixed list of 256 (80 bits), written down once when the
store is made. It is normalised before the key is derived (case, ё, spaces and hyphens do
not matter), with scrypt and a random salt kept in store.json beside a check value that
tells a wrong passphrase from a right one without decrypting anything.

A sealed file is MAGIC, a 12-byte nonce and the AES-GCM ciphertext of the segment. Its
associated data name the store, the workstation and the number, so a file renamed, moved to
another PC's folder, replayed under another number or copied from another store does not
open. The nonce is the HMAC of the associated data and the content (a synthetic nonce): the
same segment sealed twice gives the same file, so a re-upload after a crash finds the same
bytes, and two different segments never share a nonce unless 96 bits of HMAC collide.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from imc_desktop.folding import fold
from imc_desktop.sync.segment import BadSegment

MAGIC = b"IMC-SYNC-SEALED-1\n"
NONCE = 12
KEY_BYTES = 32
PHRASE_WORDS = 10
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
CHECK_LABEL = b"imc-sync-key-check\n"

#: 256 common words, no ё, no two with the same first three letters (8 bits each)
WORDS = tuple("""
адрес аист акула ангел арбуз армия астра атлас багаж банан башня берег бетон билет бинт
биржа блин бобр бокал борщ брат бровь бубен букет бусы бухта вагон ваза ванна ведро веник
ветер вечер вилка вино вишня вода волк врач галка гамак гараж герой гора гость гриб гром
груша губка гусь дача дверь диван дождь дочь дрова дуб душа дым дыня ель енот жаба жетон
живот жираф жук забор завод заяц зебра зима змея знак зонт зубр игла изба икра индюк иней
искра кабан карта каша кедр кефир кино кисть кит ключ книга ковер кожа кошка кукла купол
кухня лампа лев лейка лента лес лето лиса литр лифт лодка ложка лук луна лыжи май маска
мель мечта море мост мотор мука мыло мышь мяч насос небо нитка нора носок ночь обед овес
огонь окно олень омлет орел осень отец охота очки пакет парус пенал перо песок петух пила
пирог плита плов пляж повар поезд поле почта поэт пруд птица пушка пчела пыль пятно район
река репа рис роза рука рыба рынок сад салат сапог сарай свеча север сено сито слон снег
сова сок сосна спорт среда стол суп сыр сын танец театр тень терем тигр товар топор торт
точка трава труба туман тыква угол ужин узор улица усы утка ухо фазан факел ферма флаг
форма фото фрукт халат хвост хлеб ход холм хомяк хор цапля цвет цепь цирк цифра час чашка
число чудо шапка шар шелк шина шишка шкаф школа шляпа шмель шофер шуба шум щенок щетка
щука этаж эхо юбка юла юмор юрта язык яйцо ящик""".split())


class BadPassphrase(ValueError):
    """A passphrase that is not ten words of the list (Russian message naming the word)."""


def normalise(text: str) -> str:
    """Lower case, ё as е, words separated by single spaces (hyphens and line breaks too)."""
    return " ".join(re.split(r"[\s\-‐-―]+", fold(text))).strip()


def new_passphrase() -> str:
    """Ten random words of the list."""
    return " ".join(secrets.choice(WORDS) for _ in range(PHRASE_WORDS))


def check_passphrase(text: str) -> str:
    """The normalised passphrase; BadPassphrase when a word is not of the list or the count
    is not ten (a typo is named rather than taken for another key)."""
    words = normalise(text).split()
    known = set(WORDS)
    for number, word in enumerate(words, 1):
        if word not in known:
            raise BadPassphrase(f"Слово {number} ключа синхронизации («{word}») не из списка "
                                "слов ключа: проверьте, как оно записано.")
    if len(words) != PHRASE_WORDS:
        raise BadPassphrase(f"В ключе синхронизации {PHRASE_WORDS} слов, а введено "
                            f"{len(words)}.")
    return " ".join(words)


@dataclass(frozen=True)
class KeyParams:
    """How the key is derived from the passphrase, and the value that checks it (hex)."""

    salt: str
    check: str
    kdf: str = "scrypt"
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, Any]:
        return {"kdf": self.kdf, "n": self.n, "r": self.r, "p": self.p, "salt": self.salt,
                "check": self.check}

    @staticmethod
    def from_json(found: Any) -> KeyParams:
        """ValueError when the section is not a sound description of a key."""
        if not isinstance(found, dict) or found.get("kdf") != "scrypt":
            raise ValueError("key")
        params = KeyParams(str(found["salt"]), str(found["check"]), "scrypt", int(found["n"]),
                           int(found["r"]), int(found["p"]))
        if len(bytes.fromhex(params.salt)) < 16 or len(bytes.fromhex(params.check)) != 32:
            raise ValueError("key")
        if not (2 ** 14 <= params.n <= 2 ** 20 and 1 <= params.r <= 32 and 1 <= params.p <= 4):
            raise ValueError("key")  # a forged store.json must not make derivation endless
        return params


@lru_cache(maxsize=16)
def _derive(phrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(phrase.encode())


def derive(passphrase: str, params: KeyParams) -> bytes:
    """The key of a passphrase (normalised first) under the store's parameters."""
    return _derive(normalise(passphrase), bytes.fromhex(params.salt), params.n, params.r,
                   params.p)


def check_value(key: bytes, store_id: str) -> str:
    return hmac.new(key, CHECK_LABEL + store_id.encode(), hashlib.sha256).hexdigest()


def new_params(passphrase: str, store_id: str) -> KeyParams:
    """Parameters with a fresh salt for a new store, and the check of this passphrase."""
    salt = secrets.token_bytes(16).hex()
    key = derive(passphrase, KeyParams(salt, "0" * 64))
    return KeyParams(salt, check_value(key, store_id))


def segment_ad(store: str, site: str, seq: int) -> bytes:
    """What a segment is bound to: its store, its workstation and its number."""
    return f"imc-sync-segment\n{store}\n{site}\n{seq}".encode()


class SyncKey:
    """The district key of one store: seals and opens its files."""

    def __init__(self, key: bytes, store_id: str) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("key length")
        self.key, self.store_id = key, store_id

    def matches(self, params: KeyParams) -> bool:
        """This is the key whose check the store keeps."""
        return hmac.compare_digest(check_value(self.key, self.store_id), params.check)

    def seal(self, data: bytes, ad: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = hmac.new(self.key, len(ad).to_bytes(4, "big") + ad + data,
                         hashlib.sha256).digest()[:NONCE]
        return MAGIC + nonce + AESGCM(self.key).encrypt(nonce, data, MAGIC + ad)

    def deciphering(self, ad: bytes) -> Callable[[bytes], bytes]:
        """Deciphers a file sealed for `ad` part by part as it arrives (the parts in order;
        each call gives what its part deciphers to, the tag's last 16 bytes as noise) — *not
        checked*: only `open` of the whole file tells whether it is authentic, and what this
        gives may be used only where it equals what `open` returns."""
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        start = len(MAGIC) + NONCE
        waiting = bytearray()
        state: list[Any] = []

        def part(data: bytes) -> bytes:
            if state:
                return bytes(state[0].update(data))
            waiting.extend(data)
            if len(waiting) < start:
                return b""
            decipher = Cipher(algorithms.AES(self.key),
                              modes.GCM(bytes(waiting[len(MAGIC):start]))).decryptor()
            decipher.authenticate_additional_data(MAGIC + ad)
            state.append(decipher)
            return bytes(decipher.update(bytes(waiting[start:])))

        return part

    def open(self, sealed: bytes, ad: bytes, where: str) -> bytes:
        """The content of a sealed file; BadSegment naming `where` when it is not a file of
        this store sealed with this key for exactly this place."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not sealed.startswith(MAGIC):
            raise BadSegment(f"{where}: файл не зашифрован ключом синхронизации — это не файл "
                             "изменений этой папки синхронизации или он подделан")
        nonce = sealed[len(MAGIC):len(MAGIC) + NONCE]
        try:
            return AESGCM(self.key).decrypt(nonce, sealed[len(MAGIC) + NONCE:], MAGIC + ad)
        except (InvalidTag, ValueError) as exc:
            raise BadSegment(f"{where}: файл не проходит проверку подлинности (изменён, "
                             "переименован, перенесён из другой папки или подделан)") from exc
