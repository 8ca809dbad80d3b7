"""Attestation rules (Приказ Минпросвещения № 196 of 24.03.2023, in force 01.09.2023).

Pure functions over plain values: the validity of a category, the current category, when
the conformity attestation (СЗД) is due with its exemptions and postponements, and the
deadlines of an application. The periods are settings (DOMAIN.md defaults).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from imc_desktop import config
from imc_desktop.services.staff.rules import add_months, add_years

NEW_RULES_FROM = date(2023, 9, 1)
SZD = "соответствие занимаемой должности"
FIRST, HIGHEST = "первая", "высшая"
METHODIST, MENTOR = "педагог-методист", "педагог-наставник"
KINDS = (SZD, FIRST, HIGHEST, METHODIST, MENTOR)
ESTABLISHED, REFUSED = "установлена", "отказано"
CONFORMS, NOT_CONFORMS = "соответствует", "не соответствует"
DECISIONS = (ESTABLISHED, REFUSED, CONFORMS, NOT_CONFORMS)
PREGNANCY = "беременность"
MATERNITY = "отпуск по беременности и родам"
PARENTAL = "отпуск по уходу за ребёнком"
SICKNESS = "болезнь"
LEAVE_KINDS = (PREGNANCY, MATERNITY, PARENTAL, SICKNESS)


@dataclass(frozen=True)
class AttestationRules:
    validity_years: int = 5          # categories decided before 01.09.2023
    szd_period_years: int = 5
    min_years_in_position: int = 2
    consider_days: int = 30          # an application is considered within
    max_days: int = 60               # the attestation lasts at most
    parental_return_years: int = 2
    sickness_months: int = 4
    sickness_return_years: int = 1

    @staticmethod
    def from_settings(settings: config.Settings) -> AttestationRules:
        return AttestationRules(
            validity_years=settings.get(config.CATEGORY_VALIDITY_YEARS),
            szd_period_years=settings.get(config.SZD_PERIOD_YEARS),
            consider_days=settings.get(config.APPLICATION_CONSIDER_DAYS),
            max_days=settings.get(config.ATTESTATION_MAX_DAYS))


@dataclass(frozen=True)
class Decision:
    kind: str
    decision: str
    decided_on: date
    valid_until: date | None = None  # an explicit date (imported history, COVID extensions)


@dataclass(frozen=True)
class Leave:
    kind: str
    start: date
    end: date | None = None  # None: still on leave


def valid_until(d: Decision, rules: AttestationRules) -> date | None:
    """When the result stops counting; None when it does not expire.

    An explicit date wins. A first or highest category decided before 01.09.2023 lasts
    `validity_years`; one decided on or after that day does not expire, nor do
    педагог-методист / педагог-наставник. A СЗД result counts `szd_period_years`.
    """
    if d.valid_until is not None:
        return d.valid_until
    if d.kind in (FIRST, HIGHEST) and d.decided_on < NEW_RULES_FROM:
        return add_years(d.decided_on, rules.validity_years)
    if d.kind == SZD:
        return add_years(d.decided_on, rules.szd_period_years)
    return None


def _in_force(d: Decision, on: date, rules: AttestationRules) -> bool:
    until = valid_until(d, rules)
    return d.decided_on <= on and (until is None or on <= until)


CATEGORIES = (FIRST, HIGHEST, METHODIST, MENTOR)  # all four are qualification categories
_RANK = {FIRST: 1, HIGHEST: 2, METHODIST: 3, MENTOR: 3}


def current_category(decisions: Iterable[Decision], on: date,
                     rules: AttestationRules) -> Decision | None:
    """The highest category established and in force on the date (the later one on a tie).

    Педагог-методист and педагог-наставник rank above высшая and have no term: their
    holder keeps them after an old высшая expired."""
    valid = [d for d in decisions if d.kind in _RANK and d.decision == ESTABLISHED
             and _in_force(d, on, rules)]
    return max(valid, key=lambda d: (_RANK[d.kind], d.decided_on), default=None)


def category_shown(decisions: Sequence[Decision], typed: str, typed_on: date | None,
                   on: date, rules: AttestationRules) -> tuple[str, date | None]:
    """The pedagogue's category and its date as every list, card and report shows them.

    With any attestation decision on record: the category in force on the date (none when
    it has expired), derived when read and never stored. Without any decision: the one
    typed on the card, as it was typed.
    """
    if not decisions:
        return typed, typed_on
    current = current_category(decisions, on, rules)
    return (current.kind, current.decided_on) if current else ("", None)


def senior_kind_warning(kind: str, decisions: Iterable[Decision], on: date,
                        rules: AttestationRules) -> str | None:
    """Педагог-методист / -наставник need the highest category: a warning, not a refusal."""
    if kind not in (METHODIST, MENTOR):
        return None
    if any(d.kind == HIGHEST and d.decision == ESTABLISHED and _in_force(d, on, rules)
           for d in decisions):
        return None
    return f"Для квалификационной категории «{kind}» нужна высшая категория."


@dataclass(frozen=True)
class SzdDue:
    due: date | None
    reason: str


def szd_due(decisions: Sequence[Decision], appointed_on: date | None, leaves: Iterable[Leave],
            today: date, rules: AttestationRules) -> SzdDue:
    """When the conformity attestation is due, and why (Russian), for a pedagogue.

    п. 22 of the Порядок: a holder of a category is not attested; nor is one less than
    2 years in the position (also with an earlier СЗД); nor one pregnant, on maternity or
    parental leave, or ill over 4 months — while it lasts, whatever the due date was, and
    after the leave not earlier than 2 years (1 year after illness) from the return.
    """
    category = current_category(decisions, today, rules)
    if category is not None:
        return SzdDue(None, f"имеет категорию «{category.kind}»: СЗД не требуется")
    due, reason = _from_record(decisions, today, rules)
    if appointed_on is not None:
        in_position = add_years(appointed_on, rules.min_years_in_position)
        if due is None and in_position < today:  # nothing on record: due now, not decades ago
            due, reason = today, "нет сведений об аттестации: СЗД нужна сейчас"
        elif due is None or in_position > due:
            due = in_position
            reason = (f"не ранее {rules.min_years_in_position} лет в должности "
                      f"(назначение {appointed_on:%d.%m.%Y})")
    if due is None:
        return SzdDue(None, "нет даты назначения на должность: срок СЗД не определить")
    return _postponed(due, reason, leaves, today, rules)


def _from_record(decisions: Sequence[Decision], today: date, rules: AttestationRules
                 ) -> tuple[date | None, str]:
    """The latest of: 5 years after the last СЗД, the day after a category expired (the
    СЗД is due at once then: today when that day has passed)."""
    found: list[tuple[date, str, bool]] = []  # (date, reason, due at once once passed)
    for d in decisions:
        until = valid_until(d, rules)
        if until is None:
            continue
        if d.kind == SZD and d.decision == CONFORMS:
            found.append((until, f"через {rules.szd_period_years} лет после СЗД", False))
        elif d.kind in _RANK and d.decision == ESTABLISHED and until < today:
            found.append((until + timedelta(days=1),
                          f"истекла категория «{d.kind}» ({until:%d.%m.%Y}): СЗД нужна сейчас",
                          True))
    if not found:
        return None, ""
    due, reason, at_once = max(found, key=lambda x: x[0])
    return (max(due, today) if at_once else due), reason


def _postponed(due: date, reason: str, leaves: Iterable[Leave], today: date,
               rules: AttestationRules) -> SzdDue:
    for leave in sorted(leaves, key=lambda x: x.start):
        if leave.start > max(due, today):  # begins after the due date: the СЗД comes first
            continue
        if leave.end is None:
            if leave.kind != SICKNESS:
                return SzdDue(None, f"освобождение от СЗД: {leave.kind} (до выхода)")
            if today >= add_months(leave.start, rules.sickness_months):
                return SzdDue(None, f"освобождение от СЗД: {leave.kind} более "
                                    f"{rules.sickness_months} мес. (до выхода)")
            continue  # ill less than the months so far: no exemption yet
        later = _not_before(leave, rules)
        if later > due:
            due, reason = later, _postponement_reason(leave, rules)
    return SzdDue(due, reason)


def _return(leave: Leave) -> date:
    """The day of return: the day after the last day of leave."""
    assert leave.end is not None
    return leave.end + timedelta(days=1)


def _not_before(leave: Leave, rules: AttestationRules) -> date:
    """The earliest date after this ended leave; date.min when it does not postpone (a
    short illness)."""
    assert leave.end is not None
    if leave.kind == PREGNANCY:
        return _return(leave)
    if leave.kind in (MATERNITY, PARENTAL):
        return add_years(_return(leave), rules.parental_return_years)
    if leave.kind == SICKNESS and leave.end >= add_months(leave.start, rules.sickness_months):
        return add_years(_return(leave), rules.sickness_return_years)
    return date.min


_AFTER = {MATERNITY: "отпуска по беременности и родам", PARENTAL: "отпуска по уходу за ребёнком"}


def _postponement_reason(leave: Leave, rules: AttestationRules) -> str:
    back = f"{_return(leave):%d.%m.%Y}"
    if leave.kind in _AFTER:
        return (f"не ранее {rules.parental_return_years} лет после выхода из "
                f"{_AFTER[leave.kind]} ({back})")
    if leave.kind == SICKNESS:
        return (f"не ранее {rules.sickness_return_years} года после выхода на работу после "
                f"болезни более {rules.sickness_months} мес. ({back})")
    return f"после окончания периода «{leave.kind}» ({back})"


@dataclass(frozen=True)
class ApplicationDeadlines:
    consider_by: date | None  # the application is considered within, from the application
    finish_by: date | None    # the attestation lasts at most, from its start


def application_deadlines(applied_on: date | None, started_on: date | None,
                          rules: AttestationRules) -> ApplicationDeadlines:
    """The 30 days count from the application, the 60 days from the start of the
    attestation (a date the commission sets); None where that date is not known."""
    return ApplicationDeadlines(
        applied_on + timedelta(days=rules.consider_days) if applied_on else None,
        started_on + timedelta(days=rules.max_days) if started_on else None)


def application_overdue(applied_on: date | None, started_on: date | None, decided: bool,
                        today: date, rules: AttestationRules) -> bool:
    """Without a decision: started and past the longest attestation time, or not started
    and past the time for considering the application."""
    if decided:
        return False
    limits = application_deadlines(applied_on, started_on, rules)
    limit = limits.finish_by if started_on else limits.consider_by
    return limit is not None and today > limit
