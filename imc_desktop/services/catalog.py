"""The modules that bring reports and import kinds, imported by name like any other module.

A module renamed or removed fails here at import (and in the tests), instead of its reports
or its import kind silently disappearing from the program.
"""

from __future__ import annotations


def load_reports() -> None:
    """Import every module that registers reports (each registers its own on import)."""
    from imc_desktop.services.attestation import reports as _attestation  # noqa: F401
    from imc_desktop.services.equipment import reports as _equipment  # noqa: F401
    from imc_desktop.services.events import reports as _events  # noqa: F401
    from imc_desktop.services.literature import reports as _literature  # noqa: F401
    from imc_desktop.services.methodist import analysis as _analysis  # noqa: F401
    from imc_desktop.services.methodist import reports as _methodist  # noqa: F401
    from imc_desktop.services.network import reports as _network  # noqa: F401
    from imc_desktop.services.organizations import reports as _organizations  # noqa: F401
    from imc_desktop.services.requests import reports as _requests  # noqa: F401
    from imc_desktop.services.staff import reports as _staff  # noqa: F401


def load_import_kinds() -> None:
    """Import every module that registers an import kind."""
    from imc_desktop.services.attestation import importing as _attestation  # noqa: F401
    from imc_desktop.services.equipment import importing as _equipment  # noqa: F401
    from imc_desktop.services.events import importing as _participants  # noqa: F401
    from imc_desktop.services.events import importing_plan as _plan  # noqa: F401
    from imc_desktop.services.literature import importing as _literature  # noqa: F401
    from imc_desktop.services.network import importing as _network  # noqa: F401
    from imc_desktop.services.organizations import importing as _organizations  # noqa: F401
    from imc_desktop.services.staff import importing as _staff  # noqa: F401
