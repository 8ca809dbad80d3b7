"""Finding and registering a TrueType font with Cyrillic glyphs for PDF output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from exports.errors import FontNotFoundError

#: Font families in order of preference: (name, regular file names, bold file names).
FAMILIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("TimesNewRoman", ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
     ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf")),
    ("Arial", ("arial.ttf", "Arial.ttf"), ("arialbd.ttf", "Arial Bold.ttf", "Arial_Bold.ttf")),
    ("LiberationSerif", ("LiberationSerif-Regular.ttf",), ("LiberationSerif-Bold.ttf",)),
    ("LiberationSans", ("LiberationSans-Regular.ttf",), ("LiberationSans-Bold.ttf",)),
    ("DejaVuSerif", ("DejaVuSerif.ttf",), ("DejaVuSerif-Bold.ttf",)),
    ("DejaVuSans", ("DejaVuSans.ttf",), ("DejaVuSans-Bold.ttf",)),
    ("PTSerif", ("PTSerif-Regular.ttf", "PT_Serif-Web-Regular.ttf"),
     ("PTSerif-Bold.ttf", "PT_Serif-Web-Bold.ttf")),
)

_TEST_CHAR = ord("Ж")


@dataclass(frozen=True, slots=True)
class FontFiles:
    """A regular font file, its bold companion if any, and a family name."""

    regular: Path
    bold: Path | None
    name: str


def search_dirs() -> list[Path]:
    """Folders searched for fonts on this system (tests monkeypatch this function)."""
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "win32" and not windir:
        dirs.append(Path("C:/Windows/Fonts"))
    home = Path.home()
    dirs += [
        Path("/usr/share/fonts/truetype/liberation"),
        Path("/usr/share/fonts/truetype/liberation2"),
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library" / "Fonts",
    ]
    return dirs


def _index_fonts(dirs: Iterable[Path]) -> dict[str, Path]:
    """Map lower-cased .ttf file names to their first location under ``dirs``."""
    index: dict[str, Path] = {}
    for root_dir in dirs:
        if not root_dir.is_dir():
            continue
        for root, _subdirs, files in os.walk(root_dir):
            for name in files:
                if name.lower().endswith(".ttf"):
                    index.setdefault(name.lower(), Path(root) / name)
    return index


@lru_cache(maxsize=32)
def _has_cyrillic(path: Path) -> bool:
    try:
        font = TTFont(f"probe-{path.stem}", str(path))
    except Exception:  # noqa: BLE001 - any unreadable file simply does not qualify
        return False
    return _TEST_CHAR in font.face.charToGlyph


def _usable(path: Path | None) -> bool:
    return path is not None and path.is_file() and _has_cyrillic(path.resolve())


def _bold_sibling(regular: Path) -> Path | None:
    """Guess the bold file beside a user-chosen regular file (times.ttf → timesbd.ttf)."""
    stem = regular.stem
    base = stem.removesuffix("-Regular").removesuffix("_Regular").removesuffix(" Regular")
    for cand in (f"{base}bd", f"{base}-Bold", f"{base}_Bold", f"{base} Bold", f"{base}b"):
        path = regular.with_name(cand + regular.suffix)
        if path != regular and _usable(path):
            return path
    return None


def _first(index: dict[str, Path], names: Sequence[str]) -> Path | None:
    for name in names:
        path = index.get(name.lower())
        if path is not None and _usable(path):
            return path
    return None


def _families(hint: str | None) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Known families, the one named like ``hint`` (e.g. "Times New Roman") first."""
    key = "".join((hint or "").split()).casefold()
    return sorted(FAMILIES, key=lambda fam: fam[0].casefold() != key)


def find_cyrillic_font(
    preferred: Path | None = None,
    dirs: Sequence[Path] | None = None,
    *,
    family: str | None = None,
) -> FontFiles:
    """The preferred file if it has Cyrillic, else the first known family found in ``dirs``.

    ``dirs`` defaults to :func:`search_dirs`; ``family`` (a font name such as "Arial") is
    tried first. Raises :class:`FontNotFoundError` (Russian message) when nothing fits.
    """
    if preferred is not None and _usable(Path(preferred)):
        regular = Path(preferred)
        return FontFiles(regular, _bold_sibling(regular), _safe_name(regular.stem))
    index = _index_fonts(search_dirs() if dirs is None else dirs)
    for family_name, regular_names, bold_names in _families(family):
        found = _first(index, regular_names)
        if found is not None:
            return FontFiles(found, _first(index, bold_names), family_name)
    raise FontNotFoundError()


def _safe_name(stem: str) -> str:
    return "".join(ch for ch in stem if ch.isalnum()) or "UserFont"


@dataclass(frozen=True, slots=True)
class RegisteredFont:
    """reportlab names of the registered regular and bold faces."""

    regular: str
    bold: str


def register_font(files: FontFiles) -> RegisteredFont:
    """Register the faces with reportlab (once per file) so they are embedded in PDFs."""
    regular = _register(f"IMC-{files.name}", files.regular)
    bold = _register(f"IMC-{files.name}-Bold", files.bold) if files.bold else regular
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)
    return RegisteredFont(regular, bold)


def _register(name: str, path: Path) -> str:
    key = f"{name}-{abs(hash(str(path.resolve()))):x}"[:60]
    if key not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(key, str(path)))
    return key
