"""The blanks of a collection: one .xlsx per ОО, pre-filled with what the database knows (the
ОО's name; in a table per ОО, its pedagogues or its equipment), written into one folder."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import ExportError
from exports.collection_blank import BlankColumn, BlankSpec, write_blank
from imc_desktop import clock
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.requests import records, rules
from imc_desktop.services.requests.records import CollectionData
from models import CollectionAnswer, EquipmentItem, Organization, Person
from models.equipment import WRITTEN_OFF
from models.staff import Employment

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BlanksCancelled(ServiceError):
    def __init__(self, written: int) -> None:
        self.written = written
        super().__init__(f"Подготовка бланков остановлена; готово файлов: {written}.")


@dataclass(frozen=True)
class BlanksResult:
    folder: Path
    files: tuple[Path, ...]


def _lists(s: Session, prefill: str, org_ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The module's list of each ОО: its pedagogues (ФИО, position) or its equipment."""
    found: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if prefill == "staff":
        query = (select(Employment.organization_id, Person.last_name, Person.first_name,
                        Person.middle_name, Employment.position)
                 .join(Person, Person.id == Employment.person_id)
                 .where(Employment.left_on.is_(None), Employment.organization_id.in_(org_ids))
                 .order_by(Person.last_name, Person.first_name, Person.middle_name))
        for org, last, first, middle, position in s.execute(query):
            name = " ".join(p for p in (last, first, middle or "") if p)
            found[org].append((name, position))
    elif prefill == "equipment":
        items = (select(EquipmentItem.organization_id, EquipmentItem.inventory_number,
                        EquipmentItem.name)
                 .where(EquipmentItem.status != WRITTEN_OFF,
                        EquipmentItem.organization_id.in_(org_ids))
                 .order_by(EquipmentItem.inventory_number))
        for holder, number, title in s.execute(items):
            found[str(holder)].append((number, title))
    return found


def blank_specs(collection: CollectionData) -> list[tuple[str, BlankSpec]]:
    """(answer id, blank) of every ОО the collection goes to, by ОО name."""
    columns = tuple(BlankColumn(c.title, c.kind, c.choices) for c in collection.columns)
    deadline = rules.deadline_text(collection.deadline_at)
    with session_scope() as s:
        query = (select(CollectionAnswer.id, Organization.id, Organization.short_name)
                 .join(Organization, Organization.id == CollectionAnswer.organization_id)
                 .where(CollectionAnswer.collection_id == collection.id)
                 .order_by(Organization.short_name))
        targets = [(str(a), str(o), str(n)) for a, o, n in s.execute(query)]
        lists = _lists(s, collection.prefill if collection.mode == "table" else "",
                       [o for _a, o, _n in targets])
    org_column = rules.ORG_COLUMN if collection.mode == "row" else ""
    return [(answer_id, BlankSpec(collection.title, name, org_id, collection.id or "",
                                  collection.template_version, collection.mode, columns,
                                  deadline, org_column, tuple(lists.get(org_id, ()))))
            for answer_id, org_id, name in targets]


def generate_blanks(collection_id: str, folder: Path, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> BlanksResult:
    """Write «<collection> — <ОО>.xlsx» for every ОО into ``folder``; the answers not yet
    received are marked «отправлено» today and the folder is remembered."""
    collection = records.get_collection(collection_id)
    specs = blank_specs(collection)
    if not specs:
        raise ServiceError("Сбор данных не направлен ни одной ОО: выберите адресатов.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ServiceError(f"Не удалось создать папку «{folder}»: {exc.strerror or exc}.") \
            from exc
    written: list[Path] = []
    for done, (_answer, spec) in enumerate(specs):
        if cancelled is not None and cancelled():
            raise BlanksCancelled(len(written))
        if progress is not None:
            progress(done, len(specs))
        try:
            written.append(write_blank(spec, folder / rules.blank_name(spec.title,
                                                                       spec.organization)))
        except ExportError as exc:
            raise ServiceError(str(exc)) from exc
    if progress is not None:
        progress(len(specs), len(specs))
    _mark_sent(collection_id, [a for a, _s in specs], folder)
    return BlanksResult(folder, tuple(written))


def _mark_sent(collection_id: str, answer_ids: list[str], folder: Path) -> None:
    from models import DataCollection

    with session_scope() as s:
        collection = s.get(DataCollection, collection_id)
        if collection is not None:
            collection.folder = str(folder)
        for answer_id in answer_ids:
            answer = s.get(CollectionAnswer, answer_id)
            if answer is not None and answer.status == rules.NOT_SENT:
                answer.status, answer.sent_on = rules.SENT, clock.today()
