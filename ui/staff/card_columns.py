"""Columns of the card's tables and the titles of the fields in the change log."""

from __future__ import annotations

from PySide6.QtCore import QObject

from imc_desktop.services.staff.records import CourseData
from ui.widgets.table_model import Column


def _document(course: CourseData) -> str:
    number = " ".join(p for p in (course.document_series, course.document_number) if p)
    return f"{course.document_kind} {number}".strip() if number else course.document_kind


class CardColumns(QObject):
    """One place for the card's column titles (translated in this context)."""

    def jobs(self) -> list[Column]:
        return [
            Column("organization", self.tr("Organization"), lambda j: j.organization_name,
                   width=200),
            Column("position", self.tr("Position"), lambda j: j.position, width=150),
            Column("job_type", self.tr("Kind of job"), lambda j: j.job_type, width=165),
            Column("load", self.tr("Rate"), lambda j: j.load, kind="number", width=55),
            Column("subjects", self.tr("Subjects"), lambda j: ", ".join(j.subjects), width=140),
            Column("hired_on", self.tr("Hired"), lambda j: j.hired_on, kind="date", width=85),
            Column("appointed_on", self.tr("Appointed"), lambda j: j.appointed_on, kind="date",
                   width=85),
            Column("left_on", self.tr("Left"), lambda j: j.left_on, kind="date", width=90),
        ]

    def educations(self) -> list[Column]:
        return [
            Column("level", self.tr("Level"), lambda e: e.level, width=180),
            Column("is_pedagogical", self.tr("Pedagogical"), lambda e: e.is_pedagogical,
                   kind="bool", width=100),
            Column("institution", self.tr("Institution"), lambda e: e.institution, width=300),
            Column("year", self.tr("Year"), lambda e: e.year, kind="int", width=60),
            Column("speciality", self.tr("Speciality"), lambda e: e.speciality, width=180),
            Column("qualification", self.tr("Qualification"), lambda e: e.qualification,
                   width=160),
        ]

    def experiences(self) -> list[Column]:
        return [
            Column("kind", self.tr("Kind"), lambda e: e.kind, width=160),
            Column("years", self.tr("Years"), lambda e: e.years, kind="int", width=70),
            Column("months", self.tr("Months"), lambda e: e.months, kind="int", width=70),
            Column("as_of", self.tr("As of"), lambda e: e.as_of, kind="date", width=100),
        ]

    def courses(self) -> list[Column]:
        return [
            Column("kind", self.tr("Kind"), lambda c: c.kind, width=45),
            Column("program", self.tr("Programme"), lambda c: c.program, width=260),
            Column("provider", self.tr("Provider"), lambda c: c.provider, width=170),
            Column("form", self.tr("Form"), lambda c: c.form, width=95),
            Column("start_date", self.tr("Start"), lambda c: c.start_date, kind="date",
                   width=85),
            Column("end_date", self.tr("End"), lambda c: c.end_date, kind="date", width=85),
            Column("hours", self.tr("Hours"), lambda c: c.hours, kind="int", width=55),
            Column("document", self.tr("Document"), _document, width=170),
        ]

    def awards(self) -> list[Column]:
        return [
            Column("level", self.tr("Level"), lambda a: a.level, width=140),
            Column("name", self.tr("Name"), lambda a: a.name, width=380),
            Column("awarded_on", self.tr("Date"), lambda a: a.awarded_on, kind="date",
                   width=90),
            Column("document", self.tr("Document"), lambda a: a.document, width=200),
        ]

    def tab_titles(self) -> dict[str, str]:
        """The card's tabs by the service's table names (the change log's «what»)."""
        return {"persons": self.tr("Main"), "employments": self.tr("Work"),
                "educations": self.tr("Education"), "experiences": self.tr("Length of service"),
                "courses": self.tr("Courses"), "awards": self.tr("Awards"),
                "changes": self.tr("Change log")}

    def field_titles(self) -> dict[str, str]:
        """Field names of the change log as the user knows them from the card."""
        return {
            "last_name": self.tr("Last name"), "first_name": self.tr("First name"),
            "middle_name": self.tr("Patronymic"), "sex": self.tr("Sex"),
            "birth_date": self.tr("Date of birth"), "snils": self.tr("SNILS"),
            "inn": self.tr("INN"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
            "category": self.tr("Category"), "category_date": self.tr("Category date"),
            "academic_degree": self.tr("Academic degree"), "notes": self.tr("Notes"),
            "organization_id": self.tr("Organization"), "position": self.tr("Position"),
            "job_type": self.tr("Kind of job"), "load": self.tr("Rate"),
            "subjects": self.tr("Subjects"), "hired_on": self.tr("Hired"),
            "appointed_on": self.tr("Appointed"), "left_on": self.tr("Left"),
            "level": self.tr("Level"), "institution": self.tr("Institution"),
            "year": self.tr("Year"), "program": self.tr("Programme"),
            "provider": self.tr("Provider"), "hours": self.tr("Hours"),
            "end_date": self.tr("End"), "name": self.tr("Name"),
        }
