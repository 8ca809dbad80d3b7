"""The ОО directory: list, read, validate, save, delete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from imc_desktop import db
from imc_desktop import validation as v
from imc_desktop.db import session_scope
from imc_desktop.services.common.errors import InUse, NotFound, ValidationFailed
from imc_desktop.services.common.records import load_or_new, write_fields
from imc_desktop.services.common.references import referrers_text, referring_counts
from imc_desktop.services.common.rows import bulk_allocation, fast_row
from models import Organization
from models.organization import LEGAL_FORMS, ORG_KINDS

TABLE = "organizations"
KINDS = ORG_KINDS
FORMS = LEGAL_FORMS



@dataclass(frozen=True)
class OrganizationData:
    """One ОО as the screens and reports see it."""

    id: str | None = None
    full_name: str = ""
    short_name: str = ""
    kind: str = ORG_KINDS[0]
    legal_form: str = ""
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    okpo: str = ""
    legal_address: str = ""
    actual_address: str = ""
    is_rural: bool = True
    head_name: str = ""
    head_phone: str = ""
    head_email: str = ""
    website: str = ""
    pupils: int | None = None
    is_active: bool = True
    reorganized_on: date | None = None


_FIELDS = [f.name for f in fields(OrganizationData) if f.name != "id"]


def _to_data(org: Organization) -> OrganizationData:
    return OrganizationData(id=org.id, **{name: getattr(org, name) for name in _FIELDS})


_LIST_COLUMNS = [Organization.__table__.c[name] for name in ("id", *_FIELDS)]


_LIST_NAMES = ("id", *_FIELDS)


def _from_row(row: Sequence[object]) -> OrganizationData:
    return fast_row(OrganizationData, dict(zip(_LIST_NAMES, row, strict=True)))


def list_organizations() -> list[OrganizationData]:
    """All ОО by short name; read as plain rows (no ORM objects), so big lists stay fast."""
    with bulk_allocation(), session_scope() as s:
        query = select(*_LIST_COLUMNS).order_by(Organization.short_name)
        return [_from_row(row) for row in s.connection().execute(query)]


def get_organization(org_id: str) -> OrganizationData:
    with session_scope() as s:
        org = s.get(Organization, org_id)
        if org is None:
            raise NotFound("Организация не найдена: возможно, её уже удалили.")
        return _to_data(org)


def _check_codes(data: OrganizationData) -> dict[str, str]:
    problems: dict[str, str] = {}
    if data.inn and not v.inn_is_valid(data.inn):
        problems["inn"] = "ИНН организации — 10 цифр с верной контрольной цифрой."
    if data.inn and len(data.inn.strip()) == 12:
        problems["inn"] = "Указан ИНН физического лица (12 цифр); у организации — 10 цифр."
    if data.kpp and not v.kpp_is_valid(data.kpp):
        problems["kpp"] = "КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры."
    if data.ogrn and len(data.ogrn.strip()) == 15 and v.ogrn_is_valid(data.ogrn):
        problems["ogrn"] = ("Указан ОГРНИП (15 цифр) индивидуального предпринимателя; "
                            "у организации ОГРН — 13 цифр.")
    elif data.ogrn and not v.organization_ogrn_is_valid(data.ogrn):
        problems["ogrn"] = "ОГРН — 13 цифр с верной контрольной цифрой."
    if data.okpo and not v.okpo_is_valid(data.okpo):
        problems["okpo"] = "ОКПО — 8 или 10 цифр."
    return problems


def validate_organization(data: OrganizationData) -> dict[str, str]:
    """{field: message} for every problem; empty when the record can be saved."""
    problems: dict[str, str] = {}
    if not data.full_name.strip():
        problems["full_name"] = "Укажите полное наименование."
    if not data.short_name.strip():
        problems["short_name"] = "Укажите краткое наименование."
    if data.kind not in ORG_KINDS:
        problems["kind"] = "Выберите тип организации из списка."
    problems.update(_check_codes(data))
    if data.head_email and not v.email_is_valid(data.head_email):
        problems["head_email"] = "Адрес электронной почты записан неверно (пример: school@mail.ru)."
    if data.head_phone and not v.phone_is_valid(data.head_phone):
        problems["head_phone"] = "Телефон записан неверно (пример: +7 (3452) 12-34-56)."
    if data.pupils is not None and not 0 <= data.pupils <= 10000:
        problems["pupils"] = "Число обучающихся должно быть от 0 до 10 000."
    if not data.is_active and data.reorganized_on is None:
        problems["reorganized_on"] = "Укажите дату реорганизации или ликвидации."
    return problems


def _normalised(data: OrganizationData) -> OrganizationData:
    return replace(
        data,
        full_name=data.full_name.strip(),
        short_name=data.short_name.strip(),
        inn=data.inn.strip(),
        kpp=data.kpp.strip().upper(),
        ogrn=data.ogrn.strip(),
        okpo=data.okpo.strip(),
        head_email=data.head_email.strip(),
        reorganized_on=None if data.is_active else data.reorganized_on,
    )


def save_organization(data: OrganizationData, loaded: OrganizationData | None = None,
                      overwrite: bool = False) -> str:
    """Create or update; returns the id. Raises ValidationFailed and changes nothing if invalid.
    A card passes the values it ``loaded``: only the fields changed on it are written, and
    one changed meanwhile elsewhere is :class:`ChangedMeanwhile` unless ``overwrite``."""
    data = _normalised(data)
    problems = validate_organization(data)
    if problems:
        raise ValidationFailed(problems)
    with session_scope() as s:
        org = load_or_new(s, Organization, data.id,
                          "Организация не найдена: возможно, её удалили на другом компьютере.")
        base = _normalised(loaded) if loaded is not None and data.id is not None else None
        write_fields(org, data, base, _FIELDS, TABLE, overwrite)
        s.add(org)
        s.flush()
        org_id = org.id
    return org_id


def delete_organization(org_id: str) -> None:
    """Delete an ОО nothing refers to; otherwise raise InUse naming what refers to it."""
    with session_scope() as s:
        org = s.get(Organization, org_id)
        if org is None:
            raise NotFound("Организация не найдена: возможно, её уже удалили.")
        counts = referring_counts(s, TABLE, org_id)
        if counts:
            what = referrers_text(counts)
            raise InUse(
                f"Нельзя удалить «{org.short_name}»: на неё ссылаются записи ({what}). "
                "Отметьте организацию как реорганизованную вместо удаления."
            )
        s.delete(org)


def count_organizations() -> int:
    with session_scope() as s:
        return int(s.scalar(select(func.count(Organization.id))) or 0)


def organization_choices() -> list[tuple[str, str]]:
    """(id, short name) of every ОО, the reorganised too; none when no database is open."""
    if db.current_or_none() is None:
        return []
    with session_scope() as s:
        query = select(Organization.id, Organization.short_name).order_by(
            Organization.short_name)
        return [(str(i), str(n)) for i, n in s.connection().execute(query)]


def active_organization_choices() -> list[tuple[str, str]]:
    """(id, short name) of the ОО that work now, by name: for a card's choice and statistics."""
    with session_scope() as s:
        return active_choices_in(s)


def active_choices_in(s: Session) -> list[tuple[str, str]]:
    query = select(Organization.id, Organization.short_name).where(
        Organization.is_active.is_(True)).order_by(Organization.short_name)
    return [(str(i), str(n)) for i, n in s.connection().execute(query)]
