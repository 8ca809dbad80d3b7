"""The rules that depend on the settings, as one frozen bundle.

The composition root (the application, the command line, the reports' context) builds it
once from the settings and passes it on as a required argument: no service falls back to
defaults of its own, so the user's settings hold on every path.
"""

from __future__ import annotations

from dataclasses import dataclass

from imc_desktop import config
from imc_desktop.services.attestation.rules import AttestationRules
from imc_desktop.services.staff.rules import StaffRules


@dataclass(frozen=True)
class Rules:
    staff: StaffRules
    attestation: AttestationRules

    @staticmethod
    def from_settings(settings: config.Settings) -> Rules:
        return Rules(StaffRules.from_settings(settings),
                     AttestationRules.from_settings(settings))
