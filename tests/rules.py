"""The rules bundle with the defaults of DOMAIN.md, passed explicitly as the app passes its."""

from __future__ import annotations

from imc_desktop.services.attestation.rules import AttestationRules
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff.rules import StaffRules

RULES = Rules(StaffRules(), AttestationRules())
ATTESTATION_RULES = RULES.attestation
