"""Import of equipment from Excel (the kind «equipment»).

A row is one item. An item already in the register with the same inventory number is
updated (an empty cell changes nothing); a number that left the register (a deleted or
renumbered item) is never given again: such rows are skipped with the reason. The type is
recognised from the «Тип» column or, without it, from the name.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from imc_desktop import clock
from imc_desktop.folding import fold_spaces
from imc_desktop.importers import ImportField, ImportKind, ImportOptions, ImportRow, ImportSummary
from imc_desktop.services.common.importing import organization_references, register, unit_of_work
from imc_desktop.services.equipment import records as eq
from models import EquipmentEvent, EquipmentItem, IssuedNumber
from models.equipment import EVENT_RECEIVED, EVENT_WRITE_OFF


def _f(name: str, title: str, kind: Any = "text", *aliases: str, required: bool = False,
       max_length: int | None = None) -> ImportField:
    return ImportField(name, title, kind, required, aliases, max_length=max_length)


FIELDS = (
    _f("inventory_number", "Инвентарный номер", "text", "Инв. номер", "Инв. №",
       "Инвентарный №", "Номер инвентарный", required=True, max_length=60),
    _f("name", "Наименование", "text", "Наименование объекта", "Наименование оборудования",
       "Оборудование", "Объект", required=True),
    _f("kind", "Тип", "text", "Вид", "Тип оборудования", "Вид оборудования"),
    _f("manufacturer", "Производитель", "text", "Изготовитель", "Марка", max_length=120),
    _f("model", "Модель", "text", max_length=200),
    _f("serial_number", "Серийный номер", "text", "Заводской номер", "S/N", "Серийный №",
       "Зав. номер", max_length=120),
    _f("cpu", "Процессор", "text", "ЦП", max_length=120),
    _f("ram", "ОЗУ", "text", "Оперативная память", "Память", max_length=40),
    _f("disk", "Накопитель", "text", "Диск", "Жёсткий диск", "HDD/SSD", max_length=60),
    _f("os", "Операционная система", "text", "ОС", max_length=120),
    _f("characteristics", "Характеристики", "text", "Технические характеристики"),
    _f("okof", "ОКОФ", "text", "Код ОКОФ", max_length=40),
    _f("organization", "ОО", "reference", "Образовательная организация", "Учреждение",
       "Организация", "Школа", "Балансодержатель"),
    _f("room", "Помещение", "text", "Кабинет", "Место установки", "Каб.", max_length=120),
    _f("responsible", "МОЛ", "text", "Материально ответственное лицо", "Ответственный",
       max_length=200),
    _f("user_name", "Пользователь", "text", "За кем закреплено", max_length=200),
    _f("accepted_on", "Дата принятия к учёту", "date", "Дата ввода в эксплуатацию",
       "Дата приобретения", "Дата поступления", "Принят к учёту"),
    _f("cost", "Стоимость", "number", "Балансовая стоимость", "Цена", "Стоимость, руб.",
       "Первоначальная стоимость"),
    _f("funding", "Источник финансирования", "text", "Источник", "Финансирование",
       max_length=200),
    _f("warranty_until", "Гарантия до", "date", "Окончание гарантии", "Гарантия"),
    _f("status", "Состояние", "text", "Статус"),
    _f("written_off_on", "Дата списания", "date", "Списано", "Дата акта списания"),
    _f("write_off_act", "Номер акта списания", "text", "Акт списания", "№ акта списания",
       "Акт о списании", max_length=60),
)
WRITE_OFF_FIELDS = ("written_off_on", "write_off_act")
"""Only for an item written off in the past, imported as history."""

_KIND_WORDS = (
    ("ноутбук", "ноутбук"), ("моноблок", "моноблок"), ("планшет", "планшет"),
    ("мфу", "МФУ"), ("многофункц", "МФУ"), ("принтер", "принтер"), ("сканер", "сканер"),
    ("проектор", "проектор"), ("панел", "интерактивная панель"),
    ("доск", "интерактивная доска"), ("документ-камер", "документ-камера"),
    ("сервер", "сервер"), ("коммутатор", "сетевое оборудование"),
    ("маршрутизатор", "сетевое оборудование"), ("сетев", "сетевое оборудование"),
    ("точка доступа", "сетевое оборудование"), ("компьютер", "ПК"),
    ("системный блок", "ПК"), ("пк", "ПК"), ("рабочая станция", "ПК"),
)
_BROKEN = ("неисправ", "неработ", "нерабоч", "сломан", "вышел", "вышла", "вышло")
"""Word beginnings that say the item is out of order (never «в эксплуатации»)."""
_NEGATED_BROKEN = ("исправ", "работ", "рабоч", "функционир")
"""…and the ones that say it when «не» stands before them."""
_STATUS_WORDS = (("списани", eq.TO_WRITE_OFF), ("списан", eq.WRITTEN_OFF),
                 ("ремонт", eq.IN_REPAIR), ("резерв", eq.RESERVE), ("склад", eq.RESERVE),
                 ("эксплуат", eq.IN_USE), ("исправ", eq.IN_USE), ("работ", eq.IN_USE),
                 ("рабоч", eq.IN_USE))
"""(word beginning, status), the more specific first: «списанию» before «списан»."""


def _words(text: str) -> list[str]:
    return re.findall(r"[а-яa-z]+", fold_spaces(text))


def _broken(words: list[str]) -> bool:
    if any(w.startswith(_BROKEN) for w in words):
        return True
    return any(a == "не" and b.startswith(_NEGATED_BROKEN)
               for a, b in zip(words, words[1:], strict=False))


def kind_of(kind_text: str, name: str = "") -> str:
    """The type from the «Тип» cell, else from the name; «прочее» when nothing fits."""
    for text in (kind_text, name):
        t = fold_spaces(text)
        if not t:
            continue
        exact = next((k for k in eq.KINDS if k.lower() == t), None)
        if exact:
            return exact
        found = next((kind for word, kind in _KIND_WORDS if word in t), None)
        if found:
            return found
    return "прочее"


def status_of(text: str) -> str | None:
    """The status from its Russian wording, matched by whole words (their beginnings), so
    «неисправен» or «не работает» is out of order, not «исправ…» / «работ…» in use: out of
    order is «в ремонте» when a repair is named, else «к списанию». A status word after
    «не» («не списано», «не в эксплуатации») says nothing certain: None, as for an empty
    or unclear cell."""
    words = _words(text)
    if _broken(words):
        return eq.IN_REPAIR if any(w.startswith("ремонт") for w in words) else \
            eq.TO_WRITE_OFF
    for i, word in enumerate(words):
        found = next((status for stem, status in _STATUS_WORDS if word.startswith(stem)),
                     None)
        if found is not None:
            negated = "не" in words[max(0, i - 2):i]
            return None if negated else found
    return None


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


_TEXTS = ("inventory_number", "name", "manufacturer", "model", "serial_number", "cpu", "ram",
          "disk", "os", "characteristics", "okof", "room", "responsible", "user_name",
          "funding")


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    """The item fields given by the row's non-empty cells."""
    out: dict[str, Any] = {n: _text(values, n) for n in _TEXTS if _text(values, n)}
    for name in ("accepted_on", "warranty_until"):
        if isinstance(values.get(name), date):
            out[name] = values[name]
    if values.get("cost") is not None:
        out["cost"] = float(values["cost"])
    if _text(values, "organization"):
        out["organization_id"] = _text(values, "organization")
    if _text(values, "kind") or "name" in out:
        out["kind"] = kind_of(_text(values, "kind"), out.get("name", ""))
    status = status_of(_text(values, "status"))
    if status:
        out["status"] = status
    return out


def check_row(values: dict[str, Any]) -> dict[str, str]:
    problems = eq.validate_item(replace(eq.ItemData(), **_filled(values)))
    status = status_of(_text(values, "status"))
    if _text(values, "status") and status is None:
        problems["status"] = ("Состояние: в эксплуатации, резерв, в ремонте, к списанию или "
                              "списано.")
    elif status not in (None, eq.WRITTEN_OFF):
        for name in WRITE_OFF_FIELDS:
            if values.get(name) not in (None, ""):
                problems[name] = (f"Заполняют только для списанного оборудования, а состояние "
                                  f"— «{status}».")
    day = values.get("written_off_on")
    if isinstance(day, date) and day > clock.today():
        problems["written_off_on"] = "Дата списания в будущем."
    return problems


def _writes_off(values: dict[str, Any]) -> bool:
    """The row says the item is written off (by its status, or by the date and act alone)."""
    status = status_of(_text(values, "status"))
    return status == eq.WRITTEN_OFF or (status is None and any(
        values.get(n) not in (None, "") for n in WRITE_OFF_FIELDS))


def _history_gap(values: dict[str, Any]) -> str | None:
    """Why a new row written off cannot come in as history (a missing date or act)."""
    missing = [title for name, title in (("written_off_on", "Дата списания"),
                                         ("write_off_act", "Номер акта списания"))
               if values.get(name) in (None, "")]
    if not missing:
        return None
    return ("списанное оборудование вводится только как история с датой и номером акта "
            "списания; не заполнено: " + ", ".join(f"«{m}»" for m in missing))


def _number_key(values: dict[str, Any]) -> tuple[str, str] | None:
    number = eq.normalise_number(_text(values, "inventory_number"))
    return ("inventory_number", number) if number else None


_ITEM_FIELDS = [f.name for f in fields(eq.ItemData) if f.name != "id"]


class _Register:
    """Items by normalised inventory number, and the numbers that left the register."""

    def __init__(self, s: Session) -> None:
        self.items: dict[str, EquipmentItem] = {}
        for item in s.scalars(select(EquipmentItem).order_by(EquipmentItem.created_at)):
            self.items.setdefault(eq.normalise_number(item.inventory_number), item)
        self.retired = {eq.normalise_number(n): reason for n, reason in s.execute(
            select(IssuedNumber.inventory_number, IssuedNumber.reason))}


def _update(item: EquipmentItem, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in _filled(values).items():
        if name != "inventory_number" and getattr(item, name) != value:
            setattr(item, name, value)
            changed = True
    return changed


def _create(s: Session, values: dict[str, Any], today: date) -> EquipmentItem:
    data = replace(eq.ItemData(), **_filled(values))
    off = _writes_off(values)
    if off:
        data = replace(data, status=eq.WRITTEN_OFF)
    item = EquipmentItem(**{n: getattr(data, n) for n in _ITEM_FIELDS})
    s.add(item)
    s.flush()
    day = values.get("written_off_on")
    received = data.accepted_on or (day if off and isinstance(day, date) else today)
    s.add(EquipmentEvent(item_id=item.id, kind=EVENT_RECEIVED, event_date=received,
                         note="импорт из Excel"))
    if off:
        s.add(EquipmentEvent(item_id=item.id, kind=EVENT_WRITE_OFF, event_date=day,
                             from_text=eq.IN_USE, to_text=eq.WRITTEN_OFF,
                             note=f"акт № {_text(values, 'write_off_act')} (списано до "
                                  "ведения реестра, импорт из Excel)"))
    return item


def _apply(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = updated = unchanged = 0
    skipped: list[tuple[int, str]] = []
    with unit_of_work(options.dry_run) as s:
        register_ = _Register(s)
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            number = eq.normalise_number(_text(row.values, "inventory_number"))
            item = register_.items.get(number)
            if item is not None and item.status == eq.WRITTEN_OFF:
                skipped.append((row.row, f"оборудование {number} списано, его карточка не "
                                         "изменяется"))
            elif item is not None and _writes_off(row.values):
                skipped.append((row.row, f"оборудование {number} не списано импортом: "
                                         "списывают актом (Оборудование → Списать…, затем "
                                         "утвердить акт)"))
            elif item is None and number not in register_.retired and _writes_off(
                    row.values) and (gap := _history_gap(row.values)):
                skipped.append((row.row, gap))
            elif item is not None:
                before = eq.item_before(s, item)
                if _update(item, row.values):
                    s.flush()
                    eq.record_changes(s, item, before, clock.today(), how="импортом")
                    updated += 1
                else:
                    unchanged += 1
            elif number in register_.retired:
                skipped.append((row.row, f"инвентарный номер {number} выбыл из реестра "
                                         f"({register_.retired[number]}) и не выдаётся снова"))
            else:
                register_.items[number] = _create(s, row.values, clock.today())
                created += 1
    return ImportSummary(created, updated, tuple(skipped), options.dry_run, unchanged)


EQUIPMENT = register(ImportKind(
    name="equipment", title="Оборудование", fields=FIELDS, apply=_apply, check_row=check_row,
    references=organization_references, duplicate_key=_number_key))
