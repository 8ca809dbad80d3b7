"""The change notifier for the screens: a unit of work announces the tables its commit changed
(:mod:`imc_desktop.changes`); ``notify`` is left for changes made outside a session (a restore,
a synchronisation)."""

from __future__ import annotations

from imc_desktop.changes import Listener as Listener
from imc_desktop.changes import notify as notify
from imc_desktop.changes import subscribe as subscribe
from imc_desktop.changes import unsubscribe as unsubscribe
