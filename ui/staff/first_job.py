"""A new pedagogue in one dialog: ОО, должность and ставка on the card's first tab. The main
job is made from them and shown on «Работа»; a change on either tab shows on the other."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox

from imc_desktop.services.staff.records import CHOICES, EmploymentData

if TYPE_CHECKING:
    from ui.staff.card_pages import ChildTablePage
    from ui.widgets.record_form import RecordForm

FIELDS = {"organization_id": "job_organization", "position": "job_position",
          "load": "job_load", "": "job_organization"}  # the job's field → the first tab's


def load_text(load: float | None) -> str:
    return "" if load is None else f"{load:g}".replace(".", ",")


def parse_load(text: str) -> float | None | str:
    """The ставка typed: a number (1 or 0,5), None when empty, the text when not a number."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return text


class FirstJob(QObject):
    """Keeps the first tab's ОО, должность, ставка and the first row of «Работа» the same."""

    def __init__(self, form: RecordForm, organizations: tuple[tuple[str, str], ...]) -> None:
        super().__init__(form)
        self._form, self._names = form, dict(organizations)
        self._jobs: ChildTablePage | None = None
        self._busy = False
        self.box = QGroupBox(self.tr("Main job"))
        layout = QFormLayout(self.box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer, form.form = form.form, layout
        self.organization = form.add_lookup("job_organization", self.tr("Organization"),
                                            organizations)
        self.position = form.add_choice("job_position", self.tr("Position"),
                                        CHOICES["position"], editable=True)
        self.position.setCurrentIndex(-1)
        self.load = form.add_line("job_load", self.tr("Load (rate)"), 10)
        self.load.setMaximumWidth(130)
        self.load.setPlaceholderText("1")
        for wide in (self.organization, self.position):
            wide.setMaximumWidth(480)
        form.form = outer
        self.organization.currentIndexChanged.connect(self._fields_changed)
        self.position.currentTextChanged.connect(self._fields_changed)
        self.load.textEdited.connect(self._fields_changed)

    def attach(self, jobs: ChildTablePage) -> None:
        self._jobs = jobs
        jobs.changed.connect(self._jobs_changed)

    def problems(self) -> dict[str, str]:
        """The ставка typed as something not a number (the rest the service checks)."""
        if isinstance(parse_load(self.load.text()), str):
            return {"job_load": self.tr("Type a number, for example 1 or 0,5.")}
        return {}

    def mirrored(self, problems: dict[str, str]) -> dict[str, str]:
        """The first job's messages also under the first tab's fields."""
        found = {}
        for key, message in problems.items():
            attr, _, rest = key.partition(".")
            row, _, name = rest.partition(".")
            if attr == "employments" and (rest == "" or row == "0") and name in FIELDS:
                found[FIELDS[name]] = message
        return found

    # ---------------------------------------------------------------- keeping them the same
    def _job(self) -> EmploymentData | None:
        org = self.organization.currentData() or ""
        position = self.position.currentText().strip()
        load = parse_load(self.load.text())
        if not org and not position and load is None:
            return None
        rows = self._jobs.rows() if self._jobs is not None else ()
        base = rows[0] if rows else EmploymentData()
        return replace(base, organization_id=org, organization_name=self._names.get(org, ""),
                       position=position, load=load if isinstance(load, float) else base.load)

    def _fields_changed(self, *_args: object) -> None:
        if self._busy or self._jobs is None:
            return
        rows = list(self._jobs.rows())
        job = self._job()
        if job is None:
            rows = rows[1:]
        else:
            rows[:1] = [job]
        self._busy = True
        try:
            self._jobs.set_rows(rows)
        finally:
            self._busy = False

    def _jobs_changed(self) -> None:
        if self._busy or self._jobs is None:
            return
        rows = self._jobs.rows()
        first = rows[0] if rows else None
        self._busy = True
        try:
            self.organization.setCurrentIndex(max(self.organization.findData(
                first.organization_id if first else ""), 0))
            self.position.setCurrentText(first.position if first else "")
            self.load.setText(load_text(first.load) if first else "")
        finally:
            self._busy = False
