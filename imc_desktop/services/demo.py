"""Realistic demo data of every module: one database a new user can try the program on."""

from __future__ import annotations

import random
from collections.abc import Callable

from imc_desktop import clock, config
from imc_desktop.db import session_scope
from imc_desktop.services.organizations.demo import DEMO_STAFF, demo_organizations


def fill_demo(seed: int = 2026, progress: Callable[[str], None] | None = None,
              staff: int = DEMO_STAFF) -> int:
    """Fill an empty database with demo records; returns the number of ОО created."""
    from imc_desktop.services.attestation.demo import demo_attestation
    from imc_desktop.services.equipment.demo import demo_equipment, demo_inventory_count
    from imc_desktop.services.events.demo import demo_events
    from imc_desktop.services.literature.demo import demo_literature
    from imc_desktop.services.methodist.demo import demo_methodist as demo_journal
    from imc_desktop.services.methodist.rules import criteria
    from imc_desktop.services.network.demo import demo_network
    from imc_desktop.services.requests.demo import demo_requests
    from imc_desktop.services.staff.demo import demo_persons

    rng = random.Random(seed)
    orgs = demo_organizations(rng)
    with session_scope() as s:
        s.add_all(orgs)
        s.flush()
        if progress:
            progress(f"Организации: {len(orgs)}")
        people = demo_persons(rng, orgs, staff, clock.today())
        s.add_all(people)
        s.flush()
        records, leaves = demo_attestation(rng, people, clock.today())
        s.add_all([*records, *leaves])
        items = demo_equipment(s, rng, orgs, clock.today())
        central_school = orgs[0].id
        s.add_all(demo_literature(random.Random(seed + 8), orgs, clock.today()))
        if progress:
            progress("Литература: каталог и движение фонда за учебный год")
        s.flush()
        events = demo_events(random.Random(seed + 7), orgs, people, clock.today())
        s.add_all(events)
        s.flush()
        journal, plans = demo_journal(random.Random(seed + 9), orgs, people, events,
                                      criteria(config.LESSON_CRITERIA.default), clock.today())
        s.add_all(journal)
        s.flush()
        s.add_all(plans)
        s.flush()
        demo_network(s, random.Random(seed + 9), orgs, people, clock.today())
        for batch in demo_requests(random.Random(seed + 9), orgs, clock.today()):
            s.add_all(batch)
            s.flush()
    demo_inventory_count(central_school, clock.today())
    if progress:
        progress(f"Педагоги: {staff}")
        progress(f"Оборудование: {items}")
    return len(orgs)
