"""Pupils of an ОО by grade (1–11), edited from the ОО card; saved at once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common.errors import ServiceError
from imc_desktop.services.literature import records as lit
from ui.widgets.messages import Ask


class GradePupilsDialog(QDialog):
    def __init__(self, org_name: str, pupils: dict[int, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pupils by grade — %1").replace("%1", org_name))
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        for i, grade in enumerate(lit.GRADES):
            spin = QSpinBox()
            spin.setRange(0, 1000)
            spin.setValue(pupils.get(grade, 0))
            self.spins[grade] = spin
            grid.addWidget(QLabel(self.tr("Grade %1").replace("%1", str(grade))), i % 6,
                           (i // 6) * 2)
            grid.addWidget(spin, i % 6, (i // 6) * 2 + 1)
        self.total = QLabel()
        for spin in self.spins.values():
            spin.valueChanged.connect(self._update_total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addWidget(buttons)
        self._update_total()

    def values(self) -> dict[int, int]:
        return {g: s.value() for g, s in self.spins.items()}

    def _update_total(self) -> None:
        self.total.setText(self.tr("Total: %1").replace("%1", str(sum(self.values().values()))))

    @staticmethod
    def ask(org_name: str, pupils: dict[int, int], parent: QWidget | None = None
            ) -> dict[int, int] | None:
        """The edited numbers, or None when cancelled. Tests replace this."""
        dialog = GradePupilsDialog(org_name, pupils, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def edit_grade_pupils(org_id: str, org_name: str, parent: QWidget | None = None) -> None:
    edited = GradePupilsDialog.ask(org_name, lit.grade_pupils(org_id), parent)
    if edited is None:
        return
    try:
        lit.save_grade_pupils(org_id, edited)
    except ServiceError as exc:
        Ask.error(parent, QCoreApplication.translate("GradePupilsDialog", "Pupils not saved"),
                  str(exc))
