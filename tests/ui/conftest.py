"""UI tests answer «Continue as is» to the unfilled-signatures question unless they ask it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def signers_as_is(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.widgets import signers

    monkeypatch.setattr(signers, "ask_signers", lambda _parent, _missing: signers.AS_IS)
