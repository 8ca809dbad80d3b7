"""PySide6's import hook, made cheap before the application's modules are imported.

PySide6 (6.4 and later) wraps `__import__`: every module imported after it is asked whether it
uses PySide6, so that `from __feature__ import snake_case` can switch per module. It finds out
with `inspect.getsource(module)` — tokenising and caching the whole source of each of the
~250 modules of the start (SQLAlchemy's among them), about a tenth of the start's imports. The
hook itself cannot be taken out (it is installed in C, and PySide6 relies on it), so its
question is answered the same way from the file's bytes. The program never selects a
`__feature__`, so the answer only has to stay what PySide6 would say. A frozen bundle has no
sources: there both ways answer «no» at once.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_feature_scan() -> bool:
    """Answer PySide6's per-module question without `inspect`; False when this PySide6 has no
    such hook (then nothing is changed)."""
    import PySide6.QtCore  # noqa: F401  (installs the hook and its module)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source names PySide6, as PySide6 itself decides it."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
