"""«Добавить курсы выбранным»: one finished course for a group of pedagogues."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from imc_desktop.services.staff.records import CourseData
from ui.staff.subforms import CourseForm, SubformContext

NAMES_SHOWN = 8


class CohortCourseDialog(CourseForm):
    """The course form with the names of the pedagogues who will get the course."""

    def __init__(self, course: CourseData, names: Sequence[str], context: SubformContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(course, context, parent,
                         title=self.tr("Courses for %n pedagogue(s)", "", len(names)))
        shown = ", ".join(names[:NAMES_SHOWN])
        more = self.tr(" and %n more", "", len(names) - NAMES_SHOWN) \
            if len(names) > NAMES_SHOWN else ""
        self.heading = QLabel(self.tr("The course is added to the card of each: %1").replace(
            "%1", shown + more))
        self.heading.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.heading)
        layout.insertSpacing(1, 8)
        self.resize(self.width(), self.sizeHint().height())

    @staticmethod
    def ask(  # type: ignore[override]
            course: CourseData, names: Sequence[str], context: SubformContext,
            parent: QWidget | None = None) -> CourseData | None:
        """The course to add, or None when the user cancelled. Tests replace this."""
        dialog = CohortCourseDialog(course, names, context, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        result = dialog.result_data()
        assert isinstance(result, CourseData)
        return result

