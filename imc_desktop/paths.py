"""Where things are: bundled resources, the user's data and configuration folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from imc_desktop import APP_SLUG

HOME_ENV = "IMC_DESKTOP_HOME"


def resource_path(*parts: str) -> Path:
    """A file shipped in the `resources` package; works from source and from the bundle."""
    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    else:
        from importlib import resources

        base = Path(str(resources.files("resources")))
    return base.joinpath(*parts)


def migrations_path() -> Path:
    """The Alembic script directory, as an absolute path."""
    return Path(__file__).resolve().parent / "migrations"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def config_dir() -> Path:
    """The user's configuration folder (settings INI)."""
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_SLUG, False))


def cache_dir() -> Path:
    """The user's cache folder: what the program can always make again."""
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_SLUG, False))


def default_data_dir() -> Path:
    """The platform data folder: database, backups, sync state."""
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_SLUG, False))
