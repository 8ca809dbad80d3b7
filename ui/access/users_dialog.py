"""Сервис → Пользователи и роли: who may use the program and what (administrators only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.common import access
from imc_desktop.services.common.access import ADMIN, METHODIST, UserRow
from imc_desktop.services.common.errors import ServiceError
from ui.widgets.messages import Ask
from ui.widgets.plain_table import make_table
from ui.widgets.table_model import Column

Saver = Callable[[UserRow], str]
Loader = Callable[[], list[UserRow]]


class UsersDialog(QDialog):
    """The list of users on the left, the chosen one's role and ОО on the right."""

    def __init__(self, users: Sequence[UserRow], organizations: Sequence[tuple[str, str]],
                 save: Saver, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users and roles"))
        self._save, self._load = save, load
        self._org_names = dict(organizations)
        self._current: UserRow | None = None
        columns = [
            Column("login", self.tr("Windows login"), lambda u: u.login, width=150),
            Column("name", self.tr("Full name"), lambda u: u.full_name, width=190),
            Column("role", self.tr("Role"), lambda u: u.role, width=110),
            Column("active", self.tr("Active"), lambda u: u.is_active, kind="bool", width=70),
            Column("orgs", self.tr("Organizations"), self._orgs_text, width=200),
        ]
        self.view, self.model = make_table(columns, self)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(
            cur.row()))
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.view)
        self.add_button = QPushButton(self.tr("New user"))
        self.add_button.clicked.connect(self.new_user)
        left.addWidget(self.add_button)
        layout.addLayout(left, 3)
        layout.addLayout(self._form(organizations), 2)
        self.model.set_rows(list(users))
        self.new_user()
        self.resize(1180, 560)

    def _form(self, organizations: Sequence[tuple[str, str]]) -> QVBoxLayout:
        box = QVBoxLayout()
        form = QFormLayout()
        self.login = QLineEdit()
        self.login.setPlaceholderText("IMC\\ivanova")
        self.full_name = QLineEdit()
        self.role = QComboBox()
        self.role.addItems([ADMIN, METHODIST])
        self.active = QCheckBox(self.tr("may use the program"))
        form.addRow(self.tr("Windows login"), self.login)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.active)
        box.addLayout(form)
        hint = QLabel(self.tr("A methodist changes only the records of the ticked "
                              "organizations; he sees every list. An administrator does "
                              "everything: restore, roles, synchronisation settings, full "
                              "SNILS and INN in reports."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.organizations = QListWidget()
        for org_id, name in organizations:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.organizations.addItem(item)
        box.addWidget(self.organizations)
        self.role.currentTextChanged.connect(
            lambda role: self.organizations.setEnabled(role == METHODIST))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        return box

    def _orgs_text(self, user: UserRow) -> str:
        if user.role == ADMIN:
            return self.tr("all")
        return ", ".join(sorted(self._org_names.get(i, i[:8]) for i in user.organizations))

    def _items(self) -> list[QListWidgetItem]:
        return [self.organizations.item(i) for i in range(self.organizations.count())]

    def _show(self, row: int) -> None:
        if row < 0:
            return
        user: UserRow = self.model.row_at(row)
        self._current = user
        self.login.setText(user.login)
        self.full_name.setText(user.full_name)
        self.role.setCurrentText(user.role)
        self.active.setChecked(user.is_active)
        for item in self._items():
            chosen = item.data(Qt.ItemDataRole.UserRole) in user.organizations
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def new_user(self) -> None:
        self._current = None
        self.view.clearSelection()
        self.login.clear()
        self.full_name.clear()
        self.role.setCurrentText(METHODIST)
        self.organizations.setEnabled(True)
        self.active.setChecked(True)
        for item in self._items():
            item.setCheckState(Qt.CheckState.Unchecked)
        self.login.setFocus()

    def edited(self) -> UserRow:
        chosen = tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in self._items()
                       if i.checkState() == Qt.CheckState.Checked)
        role = self.role.currentText()
        return UserRow(self._current.id if self._current else "", self.login.text(),
                       self.full_name.text(), role, chosen if role == METHODIST else (),
                       self.active.isChecked())

    def save(self) -> bool:
        try:
            saved = self._save(self.edited())
        except ServiceError as exc:
            Ask.error(self, self.tr("Users and roles"), str(exc))
            return False
        users = self._load()
        self.model.set_rows(users)
        index = next((i for i, u in enumerate(users) if u.id == saved), -1)
        if index >= 0:
            self.view.selectRow(index)
        return True

    @staticmethod
    def ask(parent: QWidget | None = None) -> None:
        from imc_desktop.services.organizations import records as organizations

        UsersDialog(access.users(), organizations.organization_choices(), access.save_user,
                    access.users, parent).exec()
