"""The pedagogue's card: main data and tabs of jobs, education, стаж, courses, awards, log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imc_desktop import clock
from imc_desktop.services.attestation.records import PersonAttestation
from imc_desktop.services.common.errors import ServiceError, ValidationFailed
from imc_desktop.services.common.rules import Rules
from imc_desktop.services.staff import write as staff_write
from imc_desktop.services.staff.card import CardData
from imc_desktop.services.staff.records import (
    CHOICES,
    PERSON_FIELDS,
    AwardData,
    CourseData,
    EducationData,
    EmploymentData,
    ExperienceData,
    PersonCard,
)
from imc_desktop.services.staff.write import ChangeEntry, Duplicate
from imc_desktop.validation import digits, format_snils
from ui.staff.card_columns import CardColumns
from ui.staff.card_pages import ChangeLogPage, ChildTablePage, ExperiencePage
from ui.staff.first_job import FirstJob
from ui.staff.subforms import (
    AwardForm,
    CourseForm,
    EducationForm,
    EmploymentForm,
    ExperienceForm,
    SubformContext,
)
from ui.widgets.messages import Ask
from ui.widgets.record_form import RecordForm

PROBLEM_TAB = QColor("#b00020")
CHILDREN = ("employments", "educations", "experiences", "courses", "awards")


@dataclass(frozen=True)
class CardContext:
    """What the card shows besides the pedagogue: the rules, ОО to choose from, the log."""

    rules: Rules
    organizations: tuple[tuple[str, str], ...] = ()
    log: tuple[ChangeEntry, ...] = ()
    today: date = field(default_factory=clock.today)
    attestation: PersonAttestation | None = None  # None for a new pedagogue
    participation: tuple[Any, ...] = ()  # events the pedagogue took part in
    save: Callable[[PersonCard, tuple[Any, ...]], str | None] | None = None  # the service's
    # save of the card with its pages' changes (validates once); it returns None when the
    # user kept the values changed elsewhere meanwhile
    pages: tuple[CardPage, ...] = ()  # what other modules add, composed at the main window

    @staticmethod
    def of(data: CardData, rules: Rules, pages: tuple[CardPage, ...] = ()) -> CardContext:
        """The context of a card the service has opened (:func:`open_card`)."""
        return CardContext(rules, data.organizations, data.log, data.today,
                           data.attestation if data.person.id else None, data.participation,
                           pages=pages)


CardPage = Callable[["PersonDialog", PersonCard, CardContext], tuple[QWidget, str]]
"""A page another module adds to the card: (page, tab title), before the change log."""


def format_snils_typing(text: str) -> str:
    """СНИЛС as it is typed: 112-233-445 95, separators added after the digits."""
    d = digits(text)[:11]
    parts = [d[0:3], d[3:6], d[6:9]]
    out = "-".join(p for p in parts if p)
    return out + (" " + d[9:] if len(d) > 9 else "")


def identity(card: PersonCard) -> tuple[str, str, str, str, date | None]:
    """What duplicates are looked up by: СНИЛС, ФИО and the date of birth."""
    return (digits(card.snils), card.last_name.strip(), card.first_name.strip(),
            card.middle_name.strip(), card.birth_date)


class PersonDialog(RecordForm):
    def __init__(self, card: PersonCard, context: CardContext,
                 parent: QWidget | None = None) -> None:
        title = card.full_name if card.id else self.tr("New pedagogue")
        super().__init__(title, self._validate, parent)
        self._card, self._context = card, context
        self.columns = CardColumns(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._main_page(), self.tr("Main"))
        self.pages = self._child_pages()
        if self.first_job is not None:
            self.first_job.attach(self.pages["employments"])
        titles = self.columns.tab_titles()
        for attr, page in self.pages.items():
            self.tabs.addTab(page, titles[attr])
        self.extra_pages: list[QWidget] = []
        for make_page in context.pages:
            extra, title = make_page(self, card, context)
            self.extra_pages.append(extra)
            self.tabs.addTab(extra, title)
        self.log_page = ChangeLogPage(context.log, {**titles, **self.columns.field_titles()},
                                      dict(context.organizations), self)
        self.tabs.addTab(self.log_page, titles["changes"])
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.tabs, 1)
        self._fill(card)
        self.resize(1060, 660)

    # ---------------------------------------------------------------- building
    def _main_page(self) -> QWidget:
        page, columns = QWidget(), QWidget()
        outer = QVBoxLayout(page)
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(columns, 0, Qt.AlignmentFlag.AlignTop)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            row.addLayout(form, 1)
            row.addSpacing(12)
        self.form = left  # RecordForm's add_* helpers put fields into self.form
        self.add_line("last_name", self.tr("Last name"), 60)
        self.add_line("first_name", self.tr("First name"), 60)
        self.add_line("middle_name", self.tr("Patronymic"), 60)
        self.add_choice("sex", self.tr("Sex"), CHOICES["sex"]).setMaximumWidth(80)
        self.add_date("birth_date", self.tr("Date of birth"))
        snils = self.add_line("snils", self.tr("SNILS"), 14)
        snils.setPlaceholderText("000-000-000 00")
        snils.setMaximumWidth(160)
        snils.textEdited.connect(self._format_snils)
        self.add_line("inn", self.tr("INN"), 12).setMaximumWidth(160)
        self.form = right
        self.add_line("phone", self.tr("Phone"), 40)
        self.add_line("email", self.tr("E-mail"), 120)
        self.add_choice("category", self.tr("Category"), CHOICES["category"]).setMaximumWidth(160)
        self.add_date("category_date", self.tr("Category established on"))
        self.add_line("academic_degree", self.tr("Academic degree or title"), 120)
        notes = self.add_text("notes", self.tr("Notes"))
        notes.setFixedHeight(notes.fontMetrics().height() * 6 + 12)
        self.first_job: FirstJob | None = (
            None if self._card.id else FirstJob(self, self._context.organizations))
        if self.first_job is not None:  # a new pedagogue: the main job on this tab
            outer.addWidget(self.first_job.box, 0, Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)
        return page

    def _child_pages(self) -> dict[str, ChildTablePage]:
        c, ctx = self.columns, self._subform_context
        pages = {
            "employments": ChildTablePage("employments", c.jobs(), EmploymentForm,
                                          EmploymentData, ctx, self),
            "educations": ChildTablePage("educations", c.educations(), EducationForm,
                                         EducationData, ctx, self),
            "experiences": ExperiencePage(c.experiences(), ExperienceForm,
                                          self._new_experience, ctx, self),
            "courses": ChildTablePage("courses", c.courses(), CourseForm, CourseData, ctx,
                                      self),
            "awards": ChildTablePage("awards", c.awards(), AwardForm, AwardData, ctx, self),
        }
        experience = pages["experiences"]
        assert isinstance(experience, ExperiencePage)
        pages["employments"].changed.connect(
            lambda: experience.set_jobs(pages["employments"].rows()))
        return pages

    def category_changed(self, status: PersonAttestation) -> None:
        """The records changed: show the category they give (the service derives it)."""
        values = {"category": status.shown_category, "category_date": status.shown_since}
        initial = {**self._initial, **values}
        self.set_values(values)
        self._initial = initial

    def _new_experience(self) -> ExperienceData:
        return ExperienceData(as_of=self._context.today)

    def _subform_context(self) -> SubformContext:
        birth = self.values().get("birth_date")
        return SubformContext(self._context.rules, birth if isinstance(birth, date) else None,
                              self._context.today, self._context.organizations)

    def _fill(self, card: PersonCard) -> None:
        for attr, page in self.pages.items():
            page.set_rows(getattr(card, attr))
        values = {name: getattr(card, name) for name in PERSON_FIELDS}
        values["snils"] = format_snils(card.snils) if card.snils else ""
        self.set_values(values)
        self._initial_children = self._children()

    def _format_snils(self, text: str) -> None:
        editor = self.editor("snils")
        assert isinstance(editor, QLineEdit)
        if editor.cursorPosition() == len(text):
            editor.setText(format_snils_typing(text))

    # ---------------------------------------------------------------- the data
    def _children(self) -> dict[str, Any]:
        return {attr: page.rows() for attr, page in self.pages.items()}

    def card(self) -> PersonCard:
        """The card as it is now (dates typed wrong count as empty)."""
        values = self.values()
        main = {name: values[name] for name in PERSON_FIELDS}
        for name in ("birth_date", "category_date"):
            main[name] = main[name] if isinstance(main[name], date) else None
        if len(digits(main["snils"])) == 11:
            main["snils"] = digits(main["snils"])
        return PersonCard(id=self._card.id, **main, **self._children())

    def page_changes(self) -> tuple[Any, ...]:
        """What other modules' tabs keep to be saved with the card (their `pending()`)."""
        found = (getattr(page, "pending", lambda: None)() for page in self.extra_pages)
        return tuple(x for x in found if x is not None)

    def is_dirty(self) -> bool:
        return (super().is_dirty() or self._children() != self._initial_children
                or bool(self.page_changes()))

    # ---------------------------------------------------------------- saving
    def _validate(self, _values: dict[str, Any]) -> dict[str, str]:
        return staff_write.validate_person(self.card(), self._context.rules, self._context.today)

    def try_accept(self) -> None:
        """Every problem at once. With a `save` in the context the service validates while
        saving (once): the card's own check runs first only when a field typed wrong (a date,
        the ставка) stops the save anyway, or when there is nothing to save to."""
        problems = {**self._date_problems(), **self._typed_problems()}
        if problems or self._context.save is None:
            problems = {**self._validate(self.values()), **problems}
        self.show_problems(problems)
        if problems or not self._duplicates_confirmed(self.card()):
            return
        if self._context.save is not None and not self._saved():
            return
        self._initial, self._initial_children = self.values(), self._children()
        self.accept()

    def _saved(self) -> bool:
        assert self._context.save is not None
        try:
            if self._context.save(self.card(), self.page_changes()) is None:
                return False
        except ValidationFailed as exc:
            self.show_problems(exc.problems)
            return False
        except ServiceError as exc:
            Ask.error(self, self.tr("Pedagogue not saved"), str(exc))
            return False
        return True

    def _typed_problems(self) -> dict[str, str]:
        return self.first_job.problems() if self.first_job is not None else {}

    def current_problems(self) -> dict[str, str]:
        problems = {**super().current_problems(), **self._typed_problems()}
        if self.first_job is not None:
            problems = {**self.first_job.mirrored(problems), **problems}
        return problems

    def show_problems(self, problems: dict[str, str]) -> None:
        """Main fields' messages under the fields; the tables' beside the tables (a new
        pedagogue's main job also under its fields on the first tab)."""
        if self.first_job is not None:
            problems = {**self.first_job.mirrored(problems), **problems}
        super().show_problems({k: m for k, m in problems.items() if k in self._errors})
        marked = [0] if any(k in self._errors for k in problems) else []
        for attr, page in self.pages.items():
            own = {k.partition(".")[2]: m for k, m in problems.items()
                   if k == attr or k.startswith(attr + ".")}
            page.show_problems(own)
            index = self.tabs.indexOf(page)
            self.tabs.tabBar().setTabTextColor(index, PROBLEM_TAB if own else QColor())
            if own:
                marked.append(index)
        self._show_summary(problems, marked)
        if marked:
            self.tabs.setCurrentIndex(marked[0])

    def _show_summary(self, problems: dict[str, str], tabs: list[int]) -> None:
        known = set(self._errors) | set(CHILDREN)
        other = [m for k, m in problems.items() if k.partition(".")[0] not in known]
        lines = [self.tr("Check the tabs: %1").replace(
            "%1", ", ".join(self.tabs.tabText(i) for i in tabs))] if tabs else []
        self.summary.setText("\n".join(lines + other))
        self.summary.setVisible(bool(lines + other))

    def _duplicates_confirmed(self, card: PersonCard) -> bool:
        if card.id is not None and identity(card) == identity(self._card):
            return True
        found = staff_write.find_duplicates(card)
        return not found or Ask.confirm(self, self.tr("Possible duplicate"),
                                        self.duplicates_text(found))

    def duplicates_text(self, found: list[Duplicate]) -> str:
        names = "\n".join(f"• {d.full_name} ({d.reason})" for d in found[:10])
        more = "\n…" if len(found) > 10 else ""
        return (self.tr("The registry already has:") + "\n\n" + names + more + "\n\n"
                + self.tr("Save this pedagogue anyway?"))

    @staticmethod
    def ask(card: PersonCard, context: CardContext,
            parent: QWidget | None = None) -> PersonCard | None:
        """The edited card, or None when the user cancelled. Tests replace this."""
        dialog = PersonDialog(card, context, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.card()
