"""Import of the ОО directory from Excel (the kind «organizations»)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import select

from imc_desktop.importers import (
    ImportField,
    ImportKind,
    ImportOptions,
    ImportRow,
    ImportSummary,
    normalise,
)
from imc_desktop.services.common.importing import register, unit_of_work
from imc_desktop.services.organizations import records as orgs
from models import Organization

_ORG_NAMES = [f.name for f in fields(orgs.OrganizationData) if f.name != "id"]
_ADDITIONAL = re.compile(r"дополнительн|^(мбу|мау|мку|му)до|ддт|дюсш|цдо|домдетскоготворч")
_PRESCHOOL = re.compile(r"доу|детскийсад|дошкольн")


def _text(name: str, title: str, *aliases: str, required: bool = False,
          max_length: int | None = None) -> ImportField:
    return ImportField(name, title, "text", required, aliases, max_length=max_length)


ORG_FIELDS = (
    _text("full_name", "Полное наименование", "Наименование полное",
          "Полное наименование организации", "Полное наименование ОО",
          "Полное наименование учреждения", "Наименование организации (полное)",
          required=True),
    _text("short_name", "Краткое наименование", "Сокращённое наименование",
          "Краткое наименование ОО", "Наименование ОО", "Наименование",
          "Образовательная организация", "ОО", "Организация", "Учреждение",
          required=True, max_length=200),
    ImportField("kind", "Тип", "choice", aliases=("Вид", "Тип ОО", "Тип организации",
                                                  "Вид организации"), choices=orgs.KINDS),
    _text("legal_form", "Организационно-правовая форма", "ОПФ", "Правовая форма",
          "Форма", max_length=20),
    ImportField("inn", "ИНН", "inn", aliases=("ИНН организации",)),
    _text("kpp", "КПП", max_length=9),
    _text("ogrn", "ОГРН", max_length=15),
    _text("okpo", "ОКПО", "Код по ОКПО", max_length=10),
    _text("legal_address", "Юридический адрес", "Адрес юридический", "Адрес регистрации"),
    _text("actual_address", "Фактический адрес", "Адрес фактический", "Адрес",
          "Почтовый адрес", "Местонахождение"),
    _text("head_name", "Руководитель", "ФИО руководителя", "Директор", "Заведующий",
          "Руководитель ОО", max_length=200),
    _text("head_phone", "Телефон", "Телефон руководителя", "Контактный телефон", "Тел",
          max_length=40),
    _text("head_email", "Электронная почта", "E-mail", "Email", "Эл. почта",
          "Адрес электронной почты", "E-mail руководителя", max_length=120),
    _text("website", "Сайт", "Официальный сайт", "Адрес сайта", "Web-сайт", max_length=200),
    ImportField("pupils", "Количество обучающихся", "int",
                aliases=("Контингент", "Число обучающихся", "Численность обучающихся",
                         "Обучающихся", "Количество воспитанников", "Количество детей")),
)


def _guess_org_kind(values: dict[str, Any]) -> str:
    """A missing «Тип» from the name and legal form: МБДОУ → детский сад, МБУ ДО → доп."""
    text = normalise(" ".join(str(values.get(n) or "")
                              for n in ("legal_form", "short_name", "full_name")))
    if _PRESCHOOL.search(text):
        return orgs.KINDS[1]
    if _ADDITIONAL.search(text):
        return orgs.KINDS[2]
    return orgs.KINDS[0]


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    filled = {k: v for k, v in values.items() if v not in (None, "")}
    if "kpp" in filled:
        filled["kpp"] = str(filled["kpp"]).upper()
    return filled


def _org_data(values: dict[str, Any]) -> orgs.OrganizationData:
    """The record a row would create: the defaults, the filled cells, a guessed type."""
    data = replace(orgs.OrganizationData(), **_filled(values))
    return data if values.get("kind") else replace(data, kind=_guess_org_kind(values))


def _check_organization(values: dict[str, Any]) -> dict[str, str]:
    return orgs.validate_organization(_org_data(values))


def _org_key(values: dict[str, Any]) -> tuple[str, str] | None:
    if values.get("inn"):
        return "inn", str(values["inn"])
    if values.get("short_name"):
        return "short_name", str(values["short_name"])
    return None


class _Directory:
    """The ОО already in the database (and those this import adds), found by ИНН, else by
    short name — unless the names match but the ИНН differ: then it is another ОО."""

    def __init__(self, existing: Iterable[Organization]) -> None:
        self.by_inn: dict[str, Organization] = {}
        self.by_name: dict[str, Organization] = {}
        for org in existing:
            self.add(org)

    def add(self, org: Organization) -> None:
        if org.inn:
            self.by_inn.setdefault(org.inn, org)
        self.by_name.setdefault(normalise(org.short_name), org)

    def find(self, values: dict[str, Any]) -> Organization | None:
        inn = str(values.get("inn") or "")
        if inn in self.by_inn:
            return self.by_inn[inn]
        org = self.by_name.get(normalise(str(values.get("short_name") or "")))
        if org is not None and (not inn or not org.inn):
            return org
        return None


def _update(org: Organization, values: dict[str, Any]) -> bool:
    """Set the filled cells that differ (an empty cell erases nothing); True if any did."""
    changed = False
    for name, value in _filled(values).items():
        if getattr(org, name) != value:
            setattr(org, name, value)
            changed = True
    return changed


def _new_org(values: dict[str, Any]) -> Organization:
    data = _org_data(values)
    return Organization(**{name: getattr(data, name) for name in _ORG_NAMES})


def _apply_organizations(rows: list[ImportRow], options: ImportOptions) -> ImportSummary:
    created = updated = unchanged = 0
    with unit_of_work(options.dry_run) as s:
        directory = _Directory(s.scalars(select(Organization)))
        for done, row in enumerate(rows):
            options.report(done, len(rows))
            org = directory.find(row.values)
            if org is None:
                org = _new_org(row.values)
                s.add(org)
                created += 1
            elif _update(org, row.values):
                updated += 1
            else:
                unchanged += 1
            directory.add(org)
    return ImportSummary(created, updated, (), options.dry_run, unchanged)


ORGANIZATIONS = register(ImportKind(
    name="organizations", title="Образовательные организации", fields=ORG_FIELDS,
    apply=_apply_organizations, check_row=_check_organization, duplicate_key=_org_key))
