"""Which column is which field: a guess from the headings, adjustable, remembered per file
shape in a JSON file the caller names."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from imc_desktop.importers.model import FIO_FIELD, FIO_PARTS, ImportKind
from imc_desktop.importers.text import normalise, stems, without_brackets

ColumnMapping = dict[int, str]
"""{column index (0-based): field name}."""

_Forms = tuple[tuple[str, frozenset[str]], ...]


@lru_cache(maxsize=64)
def _field_forms(kind: ImportKind) -> tuple[tuple[str, _Forms], ...]:
    """Each field's title and aliases, normalised and as stems, computed once per kind."""
    return tuple(
        (f.name, tuple((normalise(t), stems(t)) for t in (f.title, *f.aliases)))
        for f in kind.choosable_fields())


@lru_cache(maxsize=4096)
def _heading_forms(heading: str) -> _Forms:
    return tuple({(normalise(t), stems(t)) for t in (heading, without_brackets(heading))})


def _score(heading: _Forms, forms: _Forms) -> int:
    best = 0
    for norm, stem in heading:
        for their_norm, their_stem in forms:
            if norm == their_norm:
                return 3
            if stem and stem == their_stem:
                best = max(best, 2)
            elif their_stem and their_stem < stem:
                best = max(best, 1)
    return best


def assign(headers: Sequence[str], kind: ImportKind) -> dict[int, tuple[str, int]]:
    """{column: (field, score)}: the best matches first, each field and column used once."""
    fields = _field_forms(kind)
    scored: list[tuple[int, int, str]] = []
    for col, heading in enumerate(headers):
        if not heading:
            continue
        forms = _heading_forms(heading)
        for name, field_forms in fields:
            score = _score(forms, field_forms)
            if score:
                scored.append((-score, col, name))
    scored.sort()
    result: dict[int, tuple[str, int]] = {}
    used: set[str] = set()
    for neg_score, col, name in scored:
        if col not in result and name not in used:
            result[col] = (name, -neg_score)
            used.add(name)
    return result


def guess_mapping(headers: Sequence[str], kind: ImportKind) -> ColumnMapping:
    return {col: name for col, (name, _score) in sorted(assign(headers, kind).items())}


def missing_required(mapping: Mapping[int, str], kind: ImportKind) -> list[str]:
    """Titles of required fields no column is mapped to (a «ФИО» column covers its parts)."""
    mapped = set(mapping.values())
    if FIO_FIELD in mapped:
        mapped |= set(FIO_PARTS)
    return [f.title for f in kind.fields if f.required and f.name not in mapped]


def mapping_signature(headers: Sequence[str]) -> str:
    """The same for every file whose columns have the same headings in the same order."""
    shape = "|".join(normalise(h) for h in headers).rstrip("|")
    return hashlib.sha1(shape.encode("utf-8")).hexdigest()[:16]


def _read_store(store_path: Path) -> dict[str, dict[str, dict[str, str]]]:
    try:
        data = json.loads(store_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_mapping(store_path: Path, kind: ImportKind, signature: str) -> ColumnMapping | None:
    """The mapping saved for files of this shape, without fields the kind no longer has."""
    saved = _read_store(store_path).get(kind.name, {}).get(signature)
    if not isinstance(saved, dict):
        return None
    known = {f.name for f in kind.choosable_fields()}
    return {int(col): name for col, name in saved.items()
            if str(col).isdigit() and name in known}


def save_mapping(store_path: Path, kind: ImportKind, signature: str,
                 mapping: Mapping[int, str]) -> None:
    """Remember a mapping; written to a temporary file first, so the store is never half."""
    data = _read_store(store_path)
    data.setdefault(kind.name, {})[signature] = {str(c): n for c, n in sorted(mapping.items())}
    store_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = store_path.with_name(store_path.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, store_path)
