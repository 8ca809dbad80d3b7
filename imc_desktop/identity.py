"""Who is at the keyboard: the user the operating system logged in, asked through its API.

Environment variables (USERNAME, USER, LOGNAME) are never read: anyone can set them before
starting the program, so they prove nothing. On Windows the name comes from
``GetUserNameExW(NameSamCompatible)`` (``ДОМЕН\\пользователь``), falling back to
``GetUserNameW``; elsewhere from the password database by the effective user id.

Tests set the identity with :func:`pretend` (a context manager); it is the only seam, and the
product never calls it.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_pretended: list[str] = []

NAME_SAM_COMPATIBLE = 2  # EXTENDED_NAME_FORMAT: DOMAIN\user


class UnknownUser(Exception):
    """The operating system did not tell who is logged in."""


def _windows_user() -> str:  # pragma: no cover - runs on Windows only
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined]
    size = ctypes.c_ulong(256)
    buffer = ctypes.create_unicode_buffer(size.value)
    try:
        if windll.secur32.GetUserNameExW(NAME_SAM_COMPATIBLE, buffer, ctypes.byref(size)):
            return str(buffer.value)
    except (AttributeError, OSError):
        pass
    size = ctypes.c_ulong(256)
    buffer = ctypes.create_unicode_buffer(size.value)
    if windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
        return str(buffer.value)
    raise UnknownUser("GetUserNameW failed")


def _posix_user() -> str:
    import pwd

    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:  # a uid with no entry (a bare container): the number is the identity
        return f"uid{os.geteuid()}"


def os_user() -> str:
    """The login name as the operating system knows it (never from the environment)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_user()
    return _posix_user()


def login() -> str:
    """The user of this program now: the operating system's login (or the tests' pretence).
    Compared without regard to case, as Windows compares logins."""
    if _pretended:
        return _pretended[-1]
    return os_user()


def same_login(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def workstation() -> str:
    """This computer's network name."""
    return socket.gethostname()


@contextmanager
def pretend(name: str) -> Iterator[str]:
    """Tests: act as the user `name` inside the block."""
    _pretended.append(name)
    try:
        yield name
    finally:
        _pretended.pop()
