"""Haicang → Change my password: any signed-in user, whatever their role.

The current password is asked too, so nobody passing an unlocked station can change it.
The dialog saves in the background and says so in place; a refusal shows beside the
field it is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from app.ui.pages.admin_clients_common import FormDialog

if TYPE_CHECKING:
    from app.services.dto import UserInfo
    from app.ui.pages.base import PageContext


class ChangePasswordDialog(FormDialog):
    field_keys: ClassVar[Mapping[str, str]] = {
        "current password": "current", "new password": "password",
    }

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change my password"), parent)
        self.ctx = ctx
        self.current = self._secret("")
        self.password = self._secret(self.tr("at least 8 characters"))
        self.repeat = self._secret(self.tr("the same again"))
        self.add_field("current", self.tr("Current password"), self.current)
        self.add_field("password", self.tr("New password"), self.password)
        self.add_field("repeat", self.tr("Repeat new password"), self.repeat)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("PasswordSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        self.form.addRow(self.saved_label)
        self.submitted.connect(self._save)
        self.set_first_field(self.current)

    @staticmethod
    def _secret(placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(placeholder)
        return field

    def check(self) -> bool:
        if not self.require_text("current", "password"):
            return False
        if self.password.text() != self.repeat.text():
            self.show_field_error("repeat", self.tr("The two entries differ."))
            return False
        return True

    def _save(self) -> None:
        from app.services.users import change_own_password

        actor, current, new = self.ctx.actor, self.current.text(), self.password.text()
        self.ctx.tasks.write(lambda s: change_own_password(s, current, new, actor=actor),
                             on_done=self._on_saved, on_error=self.show_error, owner=self)

    def _on_saved(self, _info: UserInfo) -> None:
        for field in (self.current, self.password, self.repeat):
            field.clear()
            field.setEnabled(False)
        self.saved_label.setText(self.tr("Your password is changed. Use the new one the next "
                                         "time you sign in."))
        self.saved_label.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close"))
        close.setFocus()
