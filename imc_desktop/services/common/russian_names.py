"""Russian names in sentences: the person's sex, a verb that agrees with it («принял(а)» →
«принял» / «приняла») and the name declined («Ивановой Анне Сергеевне»).

Declension is the morphological dictionary's (pymorphy3, its Russian dictionary shipped as
a package, so it works offline and in the bundle), not a table of endings: a surname that
does not change for a woman («Ткач», «Долгих», «Гончаренко») stays as it is. A word the
dictionary does not know as a name is left in the nominative rather than guessed.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

Sex = Literal["м", "ж", ""]
#: Grammatical cases the documents need: кого? (родительный), кому? (дательный), о ком / где?
#: (предложный).
Case = Literal["gent", "datv", "loct"]

_MALE_PATRONYMIC = ("вич", "ич", "оглы", "улы", "уулу")
_FEMALE_PATRONYMIC = ("вна", "чна", "кызы", "гызы", "қызы")
#: «принял(а)», «награждён(а)», «участвовал(а)»: the ending in brackets for a woman.
_AGREEING = re.compile(r"(\w+)\(а\)")
_PARTS = ("Surn", "Name", "Patr")


def sex_from_patronymic(middle: str) -> Sex:
    """«м» for …ич, …оглы; «ж» for …вна, …чна, …кызы; "" when the patronymic does not tell."""
    m = middle.strip().lower()
    if m.endswith(_MALE_PATRONYMIC):
        return "м"
    if m.endswith(_FEMALE_PATRONYMIC):
        return "ж"
    return ""


def sex_of_full_name(full_name: str) -> Sex:
    """The sex told by the patronymic of «Фамилия Имя Отчество» ("" without one)."""
    words = full_name.split()
    return sex_from_patronymic(words[2]) if len(words) >= 3 else ""


def agree(text: str, sex: Sex) -> str:
    """Verbs written for either sex («принял(а)») made to agree with ``sex``; unchanged
    when the sex is not known."""
    if not sex or "(а)" not in text:
        return text
    if sex == "м":
        return _AGREEING.sub(r"\1", text)
    return _AGREEING.sub(lambda m: _feminine(m.group(1)), text)


def _feminine(stem: str) -> str:
    """«принял» → «приняла»; «награждён» → «награждена» (the stress leaves the «ё»)."""
    if stem.endswith("ён"):
        return stem[:-2] + "ена"
    return stem + "а"


@functools.lru_cache(maxsize=1)
def _morph() -> MorphAnalyzer:
    import pymorphy3
    import pymorphy3_dicts_ru

    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


def _gender(sex: Sex) -> str | None:
    return {"м": "masc", "ж": "femn"}.get(sex)


def _same_case(word: str, form: str) -> str:
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@functools.lru_cache(maxsize=4096)
def _decline_word(word: str, part: str, case: Case, sex: Sex) -> str:
    gender = _gender(sex)
    for parse in _morph().parse(word):
        tag = parse.tag
        if part not in tag or tag.case != "nomn" or tag.number == "plur":
            continue
        if gender is not None and tag.gender not in (gender, None) and "Ms-f" not in tag:
            continue
        form = parse.inflect({case} | ({gender} if gender and tag.gender is None else set()))
        return _same_case(word, form.word) if form is not None else word
    return word


def decline_name(full_name: str, case: Case, sex: Sex = "") -> str:
    """«Фамилия Имя Отчество» in ``case``; a double surname declines part by part, a word
    the dictionary does not know as a name stays as written."""
    words = full_name.split()
    if not words:
        return full_name
    sex = sex or sex_of_full_name(full_name)
    out = []
    for i, word in enumerate(words):
        part = _PARTS[i] if i < len(_PARTS) else "Patr"
        pieces = word.split("-")
        out.append("-".join(_decline_word(p, part, case, sex) if p else p for p in pieces))
    return " ".join(out)


@functools.lru_cache(maxsize=256)
def decline_phrase(phrase: str, case: Case) -> str:
    """A common phrase in ``case`` word by word («педагогические чтения» → «педагогических
    чтениях» in the prepositional); abbreviations and unknown words stay."""
    out = []
    for word in phrase.split():
        parses = [p for p in _morph().parse(word) if p.tag.case == "nomn"]
        form = parses[0].inflect({case}) if parses and word.lower() == word else None
        out.append(form.word if form is not None else word)
    return " ".join(out)
