"""Small forms for one row of the card's tables: a job, an education, стаж, a course, an award."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QSpinBox, QWidget

from imc_desktop import clock
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.records import (
    CHOICES,
    AwardData,
    CourseData,
    EducationData,
    EmploymentData,
    ExperienceData,
    join_subjects,
    split_subjects,
)
from imc_desktop.services.staff.rules import is_short_course
from ui.widgets.record_form import RecordForm

NOTE_STYLE = "color: #8a5a00;"


@dataclass(frozen=True)
class SubformContext:
    """What a row form needs besides the row: the rules, the card's birth date, the ОО."""

    rules: Rules
    birth_date: date | None = None
    today: date = field(default_factory=clock.today)
    organizations: tuple[tuple[str, str], ...] = ()


def child_problems(attr: str, data: Any, context: SubformContext) -> dict[str, str]:
    """The service's messages about one row, keyed by the row's field names."""
    return staff_write.check_card_row(attr, data, context.birth_date, context.rules,
                                      context.today)


class ChildForm(RecordForm):
    """A row form: subclasses add fields, convert values and name the card's table."""

    attr = ""

    def __init__(self, title: str, data: Any, context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, self._validate, parent)
        self._data, self.context = data, context

    def start(self, width: int = 560) -> None:
        """Fill the fields from the row (subclasses call this once their fields exist)."""
        self.set_values(self.to_values(self._data))
        self.resize(width, self.sizeHint().height())

    def to_values(self, data: Any) -> dict[str, Any]:
        return asdict(data)

    def convert(self, values: dict[str, Any]) -> dict[str, Any] | str:
        """The row's fields from the editors' values (or a field name that is not a number)."""
        return values

    def _build(self, values: dict[str, Any]) -> Any:
        converted = self.convert(values)
        if isinstance(converted, str):
            raise ValueError(converted)
        names = set(asdict(self._data))
        return replace(self._data, **{k: v for k, v in converted.items() if k in names})

    def _validate(self, values: dict[str, Any]) -> dict[str, str]:
        try:
            row = self._build(values)
        except ValueError as exc:
            return {str(exc): self.tr("Type a number, for example 1 or 0,5.")}
        return child_problems(self.attr, row, self.context)

    def result_data(self) -> Any:
        return self._build(self.values())

    @classmethod
    def ask(cls, data: Any, context: SubformContext, parent: QWidget | None = None) -> Any:
        """The edited row, or None when the user cancelled. Tests replace this."""
        form = cls(data, context, parent)  # type: ignore[arg-type]
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        return form.result_data()


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    return float(text) if text else None


class EmploymentForm(ChildForm):
    attr = "employments"

    def __init__(self, data: EmploymentData, context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Job"), data, context, parent)
        self._orgs = list(context.organizations)
        if data.organization_id and data.organization_id not in {i for i, _ in self._orgs}:
            self._orgs.append((data.organization_id, data.organization_name))
        self.add_choice("organization_id", self.tr("Organization"), [n for _, n in self._orgs])
        self.add_choice("position", self.tr("Position"), CHOICES["position"], editable=True)
        self.add_choice("job_type", self.tr("Kind of job"), CHOICES["job_type"])
        self.add_line("load", self.tr("Load (rate)"), 10).setMaximumWidth(130)
        subjects = self.add_line("subjects", self.tr("Subjects"))
        subjects.setPlaceholderText(self.tr("Several are separated by «;» or «,»"))
        self.add_date("hired_on", self.tr("Hired on"))
        self.add_date("appointed_on", self.tr("Appointed to the position on"))
        self.add_date("left_on", self.tr("Left on"))
        self.start(620)

    def _org_combo(self) -> QComboBox:
        combo = self.editor("organization_id")
        assert isinstance(combo, QComboBox)
        return combo

    def set_values(self, values: dict[str, Any]) -> None:
        if "organization_id" in values:
            ids = [i for i, _ in self._orgs]
            org_id = values["organization_id"]
            self._org_combo().setCurrentIndex(ids.index(org_id) if org_id in ids else -1)
        super().set_values({k: v for k, v in values.items() if k != "organization_id"})

    def values(self) -> dict[str, Any]:
        values = super().values()
        index = self._org_combo().currentIndex()
        values["organization_id"] = self._orgs[index][0] if index >= 0 else ""
        return values

    def to_values(self, data: Any) -> dict[str, Any]:
        values = asdict(data)
        values["load"] = "" if data.load is None else f"{data.load:g}".replace(".", ",")
        values["subjects"] = join_subjects(data.subjects)
        return values

    def convert(self, values: dict[str, Any]) -> dict[str, Any] | str:
        out = dict(values)
        try:
            out["load"] = _number(values["load"])
        except ValueError:
            return "load"
        out["subjects"] = split_subjects(values["subjects"])
        names = dict(self._orgs)
        out["organization_name"] = names.get(values["organization_id"], "")
        return out


class EducationForm(ChildForm):
    attr = "educations"

    def __init__(self, data: EducationData, context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Education"), data, context, parent)
        self.add_choice("level", self.tr("Level"), CHOICES["education_level"])
        self.add_check("is_pedagogical", self.tr("Pedagogical"))
        self.add_line("institution", self.tr("Institution"))
        self.add_int("year", self.tr("Year of graduation"), 2100)
        self.add_line("speciality", self.tr("Speciality"))
        self.add_line("qualification", self.tr("Qualification"))
        self.start(640)


class ExperienceForm(ChildForm):
    attr = "experiences"

    def __init__(self, data: ExperienceData, context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Length of service"), data, context, parent)
        self.add_choice("kind", self.tr("Kind"), CHOICES["experience_kind"])
        self.add_int("years", self.tr("Years"), 99)
        self.add_int("months", self.tr("Months"), 99)
        self.add_date("as_of", self.tr("As of"))
        self.start(420)

    def convert(self, values: dict[str, Any]) -> dict[str, Any] | str:
        return {**values, "years": values["years"] or 0, "months": values["months"] or 0}


class CourseForm(ChildForm):
    attr = "courses"

    def __init__(self, data: CourseData, context: SubformContext,
                 parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(title or self.tr("Course"), data, context, parent)
        self.add_choice("kind", self.tr("Kind"), CHOICES["course_kind"]).setToolTip(
            self.tr("ПК: qualification course; ПП: professional retraining"))
        self.add_text("program", self.tr("Programme"))
        self.add_line("provider", self.tr("Provider"))
        self.add_choice("form", self.tr("Form"), CHOICES["course_form"])
        self.add_date("start_date", self.tr("Start date"))
        self.add_date("end_date", self.tr("End date"))
        hours = self.add_int("hours", self.tr("Hours"), 5000)
        self.hours_note = QLabel()
        self.hours_note.setStyleSheet(NOTE_STYLE)
        self.hours_note.setWordWrap(True)
        self.form.addRow("", self.hours_note)
        self.add_choice("document_kind", self.tr("Document"), CHOICES["document_kind"])
        self.add_line("document_series", self.tr("Series"), 40)
        self.add_line("document_number", self.tr("Number"), 40)
        self.add_line("registration_number", self.tr("Registration number"), 40)
        self.add_date("issued_on", self.tr("Issued on"))
        hours.valueChanged.connect(self._update_note)
        self.editor("kind").currentIndexChanged.connect(self._update_note)  # type: ignore[attr-defined]
        self.start(640)
        self._update_note()

    def _update_note(self, *_args: object) -> None:
        hours_box = self.editor("hours")
        assert isinstance(hours_box, QSpinBox)
        hours = None if hours_box.value() == hours_box.minimum() else hours_box.value()
        rules = self.context.rules.staff
        short = is_short_course(str(self.values().get("kind")), hours, rules)
        self.hours_note.setText(self.tr(
            "Shorter than the usual %1 hours: allowed, but check the document.").replace(
            "%1", str(rules.usual_hours)) if short else "")
        self.hours_note.setVisible(short)


class AwardForm(ChildForm):
    attr = "awards"

    def __init__(self, data: AwardData, context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Award"), data, context, parent)
        self.add_choice("level", self.tr("Level"), CHOICES["award_level"])
        self.add_line("name", self.tr("Name"))
        self.add_date("awarded_on", self.tr("Awarded on"))
        self.add_line("document", self.tr("Document"))
        self.start(560)
