"""Demo equipment: a few thousand items across the ОО with realistic ages and histories —
moves with transfer acts, repairs, items awaiting write-off, confirmed write-off acts, and
one finished inventory count."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models import (
    EquipmentAct,
    EquipmentActLine,
    EquipmentEvent,
    EquipmentItem,
    Organization,
)
from models.base import new_id, utcnow
from models.equipment import (
    ACT_TRANSFER,
    ACT_WRITE_OFF,
    EVENT_MOVE,
    EVENT_RECEIVED,
    EVENT_REPAIR,
    EVENT_STATUS,
    EVENT_WRITE_OFF,
    FUNDING_SOURCES,
    IN_REPAIR,
    IN_USE,
    RESERVE,
    TO_WRITE_OFF,
    WRITTEN_OFF,
)

# kind: (name, [(manufacturer, model, cost)], OKOF)
CATALOGUE: dict[str, tuple[str, list[tuple[str, str, int]], str]] = {
    "ПК": ("Персональный компьютер", [("Aquarius", "Pro P30 K44", 52000),
                                      ("DEPO", "Neos DF226", 48000),
                                      ("iRU", "Office 313", 39000)], "320.26.20.15"),
    "ноутбук": ("Ноутбук", [("Aquarius", "Cmp NS685U", 61000), ("ICL", "RayBook Si152", 55000),
                            ("Lenovo", "ThinkPad E15", 68000)], "320.26.20.11"),
    "моноблок": ("Моноблок", [("ICL", "SafeRAY S242", 72000), ("Aquarius", "Mnb Elt T584",
                                                                 79000)], "320.26.20.15"),
    "планшет": ("Планшет", [("Samsung", "Galaxy Tab A8", 21000)], "320.26.20.11"),
    "МФУ": ("МФУ лазерное", [("Pantum", "M6700DW", 19000), ("Kyocera", "ECOSYS M2040dn",
                                                           33000)], "320.26.20.16"),
    "принтер": ("Принтер лазерный", [("Pantum", "P3010DW", 12000), ("HP", "LaserJet M211d",
                                                                   16000)], "320.26.20.16"),
    "проектор": ("Мультимедийный проектор", [("Epson", "EB-E20", 45000), ("Acer", "X1328WH",
                                                                         38000)], "320.26.70.13"),
    "интерактивная панель": ("Интерактивная панель", [("NextPanel", "75P", 240000),
                                                      ("Lumien", "LMP7502ELRU", 210000)],
                             "320.26.40.20"),
    "сетевое оборудование": ("Коммутатор", [("D-Link", "DES-1210-28", 14000)], "320.26.30.11"),
}
WEIGHTS = {"ПК": 30, "ноутбук": 30, "моноблок": 6, "планшет": 8, "МФУ": 8, "принтер": 6,
           "проектор": 6, "интерактивная панель": 4, "сетевое оборудование": 2}
COMPUTER_SPECS = (("Intel Core i3-10100", "8 ГБ", "SSD 256 ГБ"),
                  ("Intel Core i5-10400", "16 ГБ", "SSD 512 ГБ"),
                  ("AMD Ryzen 5 5600G", "16 ГБ", "SSD 512 ГБ"),
                  ("Intel Pentium G5400", "4 ГБ", "HDD 500 ГБ"))
OS = ("Astra Linux Special Edition", "РЕД ОС", "Alt Образование", "Windows 10 Pro")
CONTRACTORS = ("ООО «Сервисный центр „Компьютер“»", "ИП Морозов А.В.", "ООО «ТехноСервис»")
RESULTS = ("заменён блок питания", "заменён накопитель", "заменена матрица",
           "заменена лампа", "чистка и профилактика", "ремонт не выполнен: не подлежит")
#: Commission members as the forms print them: «Фамилия Имя Отчество, должность».
MEMBERS = ("Соколова Елена Викторовна, заместитель директора",
           "Павлов Сергей Иванович, учитель информатики", "Егорова Анна Петровна, бухгалтер")


@dataclass
class _Batch:
    """Rows for bulk insertion, in dependency order."""

    items: list[dict[str, Any]] = field(default_factory=list)
    acts: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def event(self, item: dict[str, Any], kind: str, when: date, **more: Any) -> None:
        self.events.append({"id": new_id(), "item_id": item["id"], "kind": kind,
                            "event_date": when, **_blank_event(), **more})

    def count(self, kind: str) -> int:
        return sum(1 for a in self.acts if a["kind"] == kind)

    def act(self, kind: str, number: str, when: date, **more: Any) -> dict[str, Any]:
        act = {"id": new_id(), "kind": kind, "number": number, "act_date": when,
               "from_organization_id": None, "to_organization_id": None, "to_room": "",
               "to_responsible": "", "reason": "", "chairman": "", "members": "",
               "confirmed": True, "confirmed_on": when,
               # the order the act is drawn up by, a few days before it
               "basis_number": f"{len(self.acts) + 12}-од",
               "basis_date": when - timedelta(days=3), **more}
        self.acts.append(act)
        return act


def _blank_event() -> dict[str, Any]:
    return {"act_id": None, "from_text": "", "to_text": "", "contractor": "", "cost": None,
            "finished_on": None, "result": "", "note": ""}


def _accepted(rng: random.Random, today: date) -> date:
    """Most of the fleet is 2–10 years old; national-project waves in 2019–2023."""
    years = rng.choice((1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12, 14))
    return max(date(2008, 1, 1), today - timedelta(days=365 * years + rng.randint(0, 300)))


def _item(rng: random.Random, org: Organization, number: str, kind: str,
          today: date) -> dict[str, Any]:
    name, models, okof = CATALOGUE[kind]
    maker, model, cost = rng.choice(models)
    accepted = _accepted(rng, today)
    computer = kind in ("ПК", "ноутбук", "моноблок")
    cpu, ram, disk = rng.choice(COMPUTER_SPECS) if computer else ("", "", "")
    return {
        "id": new_id(), "inventory_number": number, "name": f"{name} {maker} {model}",
        "kind": kind, "manufacturer": maker, "model": model,
        "serial_number": f"{maker[:2].upper()}{rng.randint(10**8, 10**9 - 1)}",
        "cpu": cpu, "ram": ram, "disk": disk, "os": rng.choice(OS) if computer else "",
        "characteristics": "", "okof": okof, "organization_id": org.id,
        "room": f"каб. {rng.randint(1, 40)}", "responsible": org.head_name,
        "user_name": "", "accepted_on": accepted,
        "cost": float(cost + rng.randint(-3, 3) * 500),
        "funding": rng.choice(FUNDING_SOURCES), "warranty_until": accepted + timedelta(
            days=365 * rng.choice((1, 2, 3))), "status": IN_USE, "notes": "",
    }


def _history(rng: random.Random, batch: _Batch, item: dict[str, Any], place: str,
             today: date) -> None:
    batch.event(item, EVENT_RECEIVED, item["accepted_on"], to_text=place)
    age = (today - item["accepted_on"]).days
    if age > 400 and rng.random() < 0.2:  # a finished repair
        start = item["accepted_on"] + timedelta(days=rng.randint(200, age - 100))
        batch.event(item, EVENT_REPAIR, start, contractor=rng.choice(CONTRACTORS),
                    finished_on=start + timedelta(days=rng.randint(3, 30)),
                    result=rng.choice(RESULTS[:-1]), cost=float(rng.randint(5, 60) * 100))
    roll = rng.random()
    if roll < 0.03:
        batch.event(item, EVENT_REPAIR, today - timedelta(days=rng.randint(1, 40)),
                    contractor=rng.choice(CONTRACTORS), from_text=IN_USE)
        item["status"] = IN_REPAIR
    elif roll < 0.06:
        item["status"] = RESERVE
        batch.event(item, EVENT_STATUS, today - timedelta(days=rng.randint(10, 300)),
                    from_text=IN_USE, to_text=RESERVE)


def _write_offs(rng: random.Random, batch: _Batch, org: Organization,
                items: list[dict[str, Any]], today: date) -> None:
    """Old items: some written off by a confirmed act, some awaiting an unconfirmed one."""
    old = [x for x in items if (today - x["accepted_on"]).days > 7 * 365
           and x["status"] == IN_USE]
    rng.shuffle(old)
    done = old[: len(old) // 3]
    pending = old[len(old) // 3: len(old) // 2] if rng.random() < 0.25 else []
    for group, confirmed in ((done, True), (pending, False)):
        if not group:
            continue
        when = today - timedelta(days=rng.randint(60, 500) if confirmed else rng.randint(1, 40))
        act = batch.act(ACT_WRITE_OFF, f"С-{batch.count(ACT_WRITE_OFF) + 1}", when,
                        from_organization_id=org.id, confirmed=confirmed,
                        confirmed_on=when if confirmed else None,
                        reason="физический износ, ремонт экономически нецелесообразен",
                        chairman=org.head_name, members="\n".join(MEMBERS[:2]))
        for item in group:
            batch.lines.append({"id": new_id(), "act_id": act["id"], "item_id": item["id"],
                                "previous_status": IN_USE})
            batch.event(item, EVENT_STATUS, when, act_id=act["id"], from_text=IN_USE,
                        to_text=TO_WRITE_OFF)
            item["status"] = TO_WRITE_OFF
            if confirmed:
                batch.event(item, EVENT_WRITE_OFF, when, act_id=act["id"],
                            from_text=TO_WRITE_OFF, to_text=WRITTEN_OFF, note=act["reason"])
                item["status"] = WRITTEN_OFF


def _moves(rng: random.Random, batch: _Batch, orgs: list[Organization],
           by_org: dict[str, list[dict[str, Any]]], today: date) -> None:
    """Now and then a few items go from one ОО to another with a transfer act."""
    names = {o.id: o.short_name for o in orgs}
    for _ in range(len(orgs) * 2):
        source, target = rng.sample(orgs, 2)
        movable = [x for x in by_org[source.id] if x["status"] == IN_USE]
        if not movable:
            continue
        when = today - timedelta(days=rng.randint(30, 900))
        chosen = [x for x in rng.sample(movable, min(len(movable), rng.randint(1, 4)))
                  if x["accepted_on"] < when]
        if not chosen:
            continue
        room = f"каб. {rng.randint(1, 30)}"
        act = batch.act(ACT_TRANSFER, f"П-{batch.count(ACT_TRANSFER) + 1}", when,
                        from_organization_id=source.id, to_organization_id=target.id,
                        to_room=room, to_responsible=target.head_name)
        for item in chosen:
            batch.lines.append({"id": new_id(), "act_id": act["id"], "item_id": item["id"],
                                "previous_status": IN_USE})
            batch.event(item, EVENT_MOVE, when, act_id=act["id"],
                        from_text=f"{names[source.id]}, {item['room']}",
                        to_text=f"{names[target.id]}, {room}")
            by_org[source.id].remove(item)
            by_org[target.id].append(item)
            item.update(organization_id=target.id, room=room,
                        responsible=target.head_name)


def _count(org: Organization) -> int:
    pupils = org.pupils or 50
    return pupils * 2 // 5 + 20 if org.kind == "школа" else pupils // 8 + 8


def demo_equipment(s: Session, rng: random.Random, orgs: list[Organization],
                   today: date) -> int:
    """Insert the demo equipment of every ОО; the number of items."""
    batch = _Batch()
    by_org: dict[str, list[dict[str, Any]]] = {o.id: [] for o in orgs}
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    for index, org in enumerate(orgs, 1):
        for seq in range(1, _count(org) + 1):
            kind = rng.choices(kinds, weights)[0]
            item = _item(rng, org, f"1013{index:02d}{seq:04d}", kind, today)
            by_org[org.id].append(item)
            _history(rng, batch, item, f"{org.short_name}, {item['room']}", today)
    _moves(rng, batch, orgs, by_org, today)
    for org in orgs:
        _write_offs(rng, batch, org, by_org[org.id], today)
    batch.items = [x for rows in by_org.values() for x in rows]
    stamp = {"created_at": utcnow(), "updated_at": utcnow()}
    for model, rows in ((EquipmentItem, batch.items), (EquipmentAct, batch.acts),
                        (EquipmentActLine, batch.lines), (EquipmentEvent, batch.events)):
        if rows:
            s.execute(insert(model), [{**stamp, **row} for row in rows])
    return len(batch.items)


def demo_inventory_count(organization_id: str, today: date) -> None:
    """One finished count in the ОО: most found, a few missing, one surplus."""
    from imc_desktop.services.equipment import inventory as inv

    session = inv.start_session(inv.SessionData(
        organization_id, today - timedelta(days=20), "1", MEMBERS[0], MEMBERS[1:],
        "Кузнецов Дмитрий Павлович, заместитель директора по АХЧ"))
    lines = inv.session_detail(session).lines
    inv.mark([x.id for x in lines[3:]], inv.LINE_FOUND)
    inv.check_in(session, "б/н-1", name="Колонки акустические Sven SPS-702",
                 note="нет на балансе")
    inv.close_session(session, today - timedelta(days=18))
