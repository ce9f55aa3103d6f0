"""Sign-in: user name and password, checked on the writer thread (it counts failures)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import UserInfo
from app.services.users import sign_in
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner


class SignInDialog(QDialog):
    """Wrong user and wrong password get the same message; a sign-in delay says how long.
    Failures count for the user and for this station (by its name)."""

    def __init__(self, tasks: TaskRunner, *, database: str, station: str,
                 hint: str = "", username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.station = station
        self.user: UserInfo | None = None
        self.setWindowTitle(self.tr("Sign in — Haicang"))
        self.setModal(True)
        self.setMinimumWidth(380)

        title = QLabel(self.tr("Haicang 海仓"))
        title.setObjectName("DialogTitle")
        where = QLabel(self.tr("Station {station} · {database}").format(
            station=station, database=database))
        where.setObjectName("Muted")
        where.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(hint)
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.username.setText(username)
        target = self.password if username else self.username
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_buttons_accepted(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self._fail(self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        station = self.station
        self.tasks.write(lambda s: sign_in(s, name, password, station=station),
                         on_done=self._on_signed_in, on_error=self._on_error, owner=self)

    def _on_signed_in(self, outcome: object) -> None:
        self._set_busy(False)
        if isinstance(outcome, UserInfo):
            self.user = outcome
            self.accept()
        elif isinstance(outcome, BaseException):
            self.password.clear()
            self._fail(error_text(outcome))

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
