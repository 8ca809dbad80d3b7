"""Three ОО of two types in a fresh database, and a collection helper."""

from __future__ import annotations

from datetime import datetime

import pytest

from imc_desktop.db import session_scope
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.requests import write
from imc_desktop.services.requests.records import CollectionData
from imc_desktop.services.requests.rules import TemplateColumn
from models import Organization

SCHOOLS = ("МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБДОУ Детский сад № 3")
TEMPLATE = (TemplateColumn("Учителей", "number"),
            TemplateColumn("Есть логопед", "bool"),
            TemplateColumn("Форма обучения", "choice", ("очная", "очно-заочная")),
            TemplateColumn("Дата приказа", "date"),
            TemplateColumn("Примечание"))


@pytest.fixture
def org_ids(database: DatabaseInfo) -> dict[str, str]:
    """{short name: id} of two schools and a kindergarten."""
    with session_scope() as s:
        rows = [Organization(full_name=name, short_name=name,
                             kind="детский сад" if "сад" in name else "школа",
                             head_name=f"Руководитель {n}", head_phone=f"+7 (3452) 1{n}-00-00",
                             head_email=f"oo{n}@obr.ru")
                for n, name in enumerate(SCHOOLS, 1)]
        s.add_all(rows)
        s.flush()
        return {r.short_name: r.id for r in rows}


def make_collection(**changes: object) -> str:
    data = CollectionData(title="Кадры на 01.12", deadline_at=datetime(2026, 12, 10, 15),
                          template=TEMPLATE)
    from dataclasses import replace

    return write.save_collection(replace(data, **changes))  # type: ignore[arg-type]
