"""The attestation reports on the demo data: plan, deadlines, shares, the СЗД submission."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from exports import Report, ReportTable
from imc_desktop import config
from imc_desktop.services.attestation import records as attestation
from imc_desktop.services.attestation import report_data as ad
from imc_desktop.services.attestation import reports as defs
from imc_desktop.services.attestation import rules as r
from imc_desktop.services.common import reports
from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.common.maintenance import DatabaseInfo
from imc_desktop.services.organizations import records as orgs
from imc_desktop.services.staff import records as staff
from imc_desktop.services.staff.rules import add_years
from tests.rules import RULES

TODAY = date.today()
YEAR = TODAY.year


def build(name: str, settings: config.Settings, **params: str) -> Report:
    return reports.build(name, params, settings)


def rows_of(report: Report) -> list[list[object]]:
    return [list(x) for t in report.tables for x in t.rows]


def test_the_four_reports_are_registered() -> None:
    names = {d.name for d in reports.definitions()}
    assert {defs.PLAN, defs.DUE, defs.SHARE, defs.SZD_SUBMISSION} <= names


def test_plan_markers_are_the_deadlines_of_the_years(demo_database: DatabaseInfo,
                                                     settings: config.Settings) -> None:
    report = build(defs.PLAN, settings)
    years = list(range(YEAR, YEAR + 5))
    assert [c.title for c in report.tables[0].columns[-5:]] == [str(y) for y in years]
    dues = attestation.deadlines(date(YEAR + 4, 12, 31), RULES, TODAY)
    rows = rows_of(report)
    assert len(rows) == len(staff.list_staff(RULES))
    for due in dues:
        column = 5 + ad.plan_year(due, YEAR) - YEAR
        mark = ad.marker(due, column - 5 + YEAR)
        assert any(mark in str(x[column]) for x in rows if x[1] == due.person_name)
        assert mark.endswith(f"{due.due:%d.%m}") or "просрочено" in mark
    marked = sum(1 for x in rows for c in x[5:] if c)
    assert marked == len({(d.person_id, ad.plan_year(d, YEAR)) for d in dues})


def test_plan_of_one_org_and_a_bad_range(demo_database: DatabaseInfo,
                                         settings: config.Settings) -> None:
    people = staff.list_staff(RULES)
    org = people[0].organization_id
    report = build(defs.PLAN, settings, org=org, years=f"{YEAR}-{YEAR + 1}")
    assert [t.title for t in report.tables] == [people[0].organization]
    for text in ("2030-2026", "когда-нибудь", f"{YEAR}-{YEAR + 20}"):
        with pytest.raises(ServiceError, match="«years»"):
            build(defs.PLAN, settings, years=text)


def test_due_lists_exactly_the_deadlines_between_the_dates(demo_database: DatabaseInfo,
                                                           settings: config.Settings) -> None:
    first, last = date(YEAR - 1, 1, 1), date(YEAR + 1, 12, 31)
    report = build(defs.DUE, settings, **{"from": f"01.01.{YEAR - 1}",
                                          "to": f"31.12.{YEAR + 1}"})
    expected = attestation.deadlines(last, RULES, TODAY)
    inside = sorted((x.person_name, x.due) for x in expected if x.due >= first)
    late = sorted((x.person_name, x.due) for x in expected if x.due < first)
    overdue = [t for t in report.tables if t.title.startswith("Просрочено")]
    lists = [t for t in report.tables if t not in overdue]
    assert sorted((x[1], x[4]) for t in lists for x in t.rows) == inside
    assert sorted((x[1], x[5]) for t in overdue for x in t.rows) == late
    with pytest.raises(ServiceError, match="«from»"):
        build(defs.DUE, settings, **{"from": "01.01.2030", "to": "01.01.2029"})


def _check_share_row(row: list[object]) -> None:
    total, high, first, none, senior = row[1], row[2], row[4], row[6], row[8]
    assert isinstance(total, int) and isinstance(high, int) and isinstance(first, int)
    assert isinstance(senior, int)
    assert high + first + senior + none == total
    for count, pct in ((high, row[3]), (first, row[5]), (none, row[7]), (senior, row[9])):
        assert pct == (round(100 * count / total, 1) if total else 0.0)


def test_category_shares_add_up(demo_database: DatabaseInfo,
                                settings: config.Settings) -> None:
    report = build(defs.SHARE, settings)
    rows = rows_of(report)
    for row in rows:
        _check_share_row(row)
    *orgs, district = rows
    assert district[0] == "Всего"
    assert [sum(x[i] for x in orgs) for i in (1, 2, 4, 6)] == [district[i] for i in (1, 2, 4, 6)]
    people = staff.list_staff(RULES)
    assert district[1] == len(people)
    assert district[2] == sum(p.category == r.HIGHEST for p in people)
    assert district[4] == sum(p.category == r.FIRST for p in people)
    assert district[8] == sum(p.category in (r.METHODIST, r.MENTOR) for p in people)


def test_methodist_and_mentor_are_not_counted_as_without_a_category() -> None:
    people = [SimpleNamespace(organization="Школа", category=c)
              for c in (r.HIGHEST, r.METHODIST, r.MENTOR, "")]
    [school, _district] = ad.shares(people)  # type: ignore[arg-type]
    assert (school.total, school.highest, school.senior, school.without) == (4, 1, 2, 1)


def test_category_share_xlsx_has_numbers_and_a_chart(demo_database: DatabaseInfo,
                                                     settings: config.Settings,
                                                     tmp_path: Path) -> None:
    report = build(defs.SHARE, settings)
    path = reports.write(report, "xlsx", tmp_path / "share.xlsx", settings)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert len(ws._charts) == 1
    values = [x for x in ws.iter_rows(values_only=True) if x and x[0] == "Всего"]
    assert values and all(isinstance(v, int | float) for v in values[0][1:8])


def test_submission_is_filled_from_the_card(demo_database: DatabaseInfo,
                                            settings: config.Settings) -> None:
    report = build(defs.SZD_SUBMISSION, settings)
    person_id = ad.default_person(staff.list_staff(RULES), TODAY, RULES)
    card = staff.get_person(person_id)
    text = "\n".join(report.paragraphs)
    assert card.full_name in text
    job = ad.main_job(card)
    assert job is not None and job.organization_name in text
    courses: ReportTable = next(t for t in report.tables if t.title.startswith("Курсы"))
    recent = [c.program for c in card.courses
              if c.end_date and add_years(TODAY, -3) <= c.end_date <= TODAY]
    assert set(recent) <= {x[0] for x in courses.rows}
    assert any("Профессиональные и деловые качества" in p for p in report.closing_paragraphs)
    assert report.signatures and report.signatures[0].position.startswith("Руководитель")
    school = orgs.get_organization(job.organization_id)
    assert report.signatures[0].name == ad.short(school.head_name)
    assert (report.department, report.organization) == ("", school.full_name)
    assert report.executor_name == ""  # not the ИМЦ's executor: the school writes it
    by_name = build(defs.SZD_SUBMISSION, settings, person=card.full_name.upper())
    assert by_name.paragraphs == report.paragraphs
    with pytest.raises(ServiceError, match="«person»"):
        build(defs.SZD_SUBMISSION, settings, person="Никто Никакой")


def test_default_person_has_szd_due(demo_database: DatabaseInfo) -> None:
    due = {d.person_id for d in attestation.deadlines(date(YEAR + 5, 12, 31), RULES, TODAY)
           if d.kind == r.SZD}
    assert ad.default_person(staff.list_staff(RULES), TODAY, RULES) in due


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_every_attestation_report_writes(demo_database: DatabaseInfo,
                                         settings: config.Settings, tmp_path: Path,
                                         fmt: str) -> None:
    for name in (defs.PLAN, defs.DUE, defs.SHARE, defs.SZD_SUBMISSION):
        path = reports.write(build(name, settings), fmt, tmp_path / f"{name}.{fmt}", settings)
        assert path.stat().st_size > 0


def test_report_list_shows_the_four(capsys: pytest.CaptureFixture[str]) -> None:
    from imc_desktop import cli

    cli.main(["report", "--list"])
    out = capsys.readouterr().out
    for name in (defs.PLAN, defs.DUE, defs.SHARE, defs.SZD_SUBMISSION):
        assert name in out
