"""The district sync key in the window: a new key shown once to be written down, and the key
asked for on a workstation that does not know it (or was given a wrong one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imc_desktop.services.sync import runner as sync

WORDS_PER_LINE = 5


def _big(label: QLabel, points: int) -> None:
    font = QFont(label.font())
    font.setPointSize(points)
    label.setFont(font)


class NewKeyDialog(QDialog):
    """A new key shown once: OK only after «I have written the key down». `purpose`: a new
    sync folder's key (NEW), the key that is to replace the folder's (CHANGE: Service →
    Change sync key), or the backup key of a PC without a sync folder (BACKUP)."""

    NEW, CHANGE, BACKUP = "new", "change", "backup"

    def __init__(self, passphrase: str, parent: QWidget | None = None,
                 changing: bool = False, purpose: str = "") -> None:
        super().__init__(parent)
        purpose = purpose or (self.CHANGE if changing else self.NEW)
        changing = purpose == self.CHANGE
        self.setWindowTitle({self.CHANGE: self.tr("Change sync key"),
                             self.BACKUP: self.tr("New backup key")}.get(
                                 purpose, self.tr("New sync key")))
        intro = QLabel(self.tr(
            "Sync is not set up on this computer, so a backup saved outside the program's "
            "data folder is encrypted with a backup key of this computer. Write these words "
            "down on paper now and keep the paper apart from the backups: they restore the "
            "backups on any computer, and the program will not show them again.")
            if purpose == self.BACKUP else self.tr(
            "Every file of the sync folder will be encrypted with this new key, and the old "
            "key will open none of them: each workstation asks for the new words at its next "
            "sync. Write these words down on paper now and keep the paper safe: the program "
            "will not show them again.") if changing else self.tr(
            "A new sync folder is being made. Everything in it is encrypted with this key. "
            "Write these words down on paper now and keep the paper safe: every workstation "
            "of the district needs them once, and the program will not show them again."))
        intro.setWordWrap(True)
        words = passphrase.split()
        self.words = QLabel("\n".join(" ".join(words[i:i + WORDS_PER_LINE])
                                      for i in range(0, len(words), WORDS_PER_LINE)))
        _big(self.words, 20)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words.setFrameShape(QFrame.Shape.Box)
        self.words.setMargin(16)
        lost = QLabel(self.tr(
            "If the words are lost, the backups saved outside the data folder cannot be "
            "restored on another computer; this computer keeps its data and its automatic "
            "backups.") if purpose == self.BACKUP else self.tr(
            "Backup copies made outside the data folder before the change still open with "
            "the old key only: keep the old words with them, or make new copies. Do not sync "
            "on other computers until the change is done; an interrupted change is finished "
            "by running it again with these words.") if changing else self.tr(
            "If the key is lost, the workstations keep their data: a new empty sync folder is "
            "made, with a new key, and every workstation enters it."))
        lost.setWordWrap(True)
        self.written = QCheckBox(self.tr("I have written the key down"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if changing:
            self.ok.setText(self.tr("Change key"))
        self.ok.setEnabled(False)
        self.written.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.words, lost, self.written, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(660)

    @staticmethod
    def ask(passphrase: str, parent: QWidget | None = None, changing: bool = False,
            purpose: str = "") -> bool:
        """Whether the user wrote the key down and goes on."""
        return NewKeyDialog(passphrase, parent, changing, purpose).exec() == (
            QDialog.DialogCode.Accepted)


class EnterKeyDialog(QDialog):
    """The key of the sync folder, typed; «Remember on this computer» on by default."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync key"))
        why = QLabel(reason)
        why.setWordWrap(True)
        hint = QLabel(self.tr("Type the ten words of the sync key as they were written down "
                              "(case, the letter ё and hyphens do not matter)."))
        hint.setWordWrap(True)
        self.phrase = QLineEdit()
        self.phrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.phrase.setMinimumWidth(520)
        self.show_words = QCheckBox(self.tr("Show the words"))
        self.show_words.toggled.connect(lambda on: self.phrase.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        self.remember = QCheckBox(self.tr("Remember on this computer"))
        self.remember.setChecked(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #b00020; }")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_words)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (why, hint, self.phrase, self.show_words, self.remember, self.problem,
                       buttons):
            layout.addWidget(widget)

    def _accept_if_words(self) -> None:
        """A typo in a word is named here, before the folder is tried."""
        problem = sync.passphrase_problem(self.phrase.text())
        self.problem.setText(problem)
        if not problem:
            self.accept()

    @staticmethod
    def ask(reason: str, parent: QWidget | None = None,
            remember: bool = True) -> tuple[str, bool] | None:
        """The passphrase typed and whether to remember it (`remember`: whether to offer
        it); None when cancelled."""
        dialog = EnterKeyDialog(reason, parent)
        dialog.remember.setVisible(remember)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.phrase.text(), dialog.remember.isChecked()
