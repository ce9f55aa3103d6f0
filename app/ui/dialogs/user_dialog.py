"""Add or edit a user, reset a password, set a supervisor PIN (Admin → Users).

Each dialog only collects and checks what it can check alone (required fields, the two
entries of a password agreeing); the Users tab writes in the background and hands a
refusal back with :meth:`FormDialog.show_error`, which puts it beside the field it names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.permissions import Permission, role_may
from app.domain.states import Role
from app.services.dto import UserInfo
from app.ui.pages.admin_clients_common import FormDialog

ROLE_VALUES = frozenset(r.value for r in Role)


def role_name(role: str) -> str:
    names = {
        Role.ADMIN: QCoreApplication.translate("UserRoles", "Administrator"),
        Role.CLERK: QCoreApplication.translate("UserRoles", "Clerk"),
        Role.PACKER: QCoreApplication.translate("UserRoles", "Packer"),
        Role.PICKER: QCoreApplication.translate("UserRoles", "Picker"),
    }
    return names.get(Role(role), role) if role in ROLE_VALUES else role


def role_summary(role: str) -> str:
    """What a role may do, in a line (the permission table in app/domain/permissions.py)."""
    texts = {
        Role.ADMIN: QCoreApplication.translate(
            "UserRoles", "Everything, including users, settings and weight-check overrides."),
        Role.CLERK: QCoreApplication.translate(
            "UserRoles", "Orders, stock, printing and stores."),
        Role.PACKER: QCoreApplication.translate(
            "UserRoles", "The pack station and their own history."),
        Role.PICKER: QCoreApplication.translate("UserRoles", "Picking."),
    }
    return texts.get(Role(role), "") if role in ROLE_VALUES else ""


def _secret_field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def _pin_field(placeholder: str) -> QLineEdit:
    field = _secret_field(placeholder)
    field.setMaxLength(6)
    field.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), field))
    return field


class UserDialog(FormDialog):
    """A new user (name, display name, role, password twice, optional PIN) or, given
    ``user``, an existing one's display name and role."""

    field_keys: ClassVar[Mapping[str, str]] = {
        "user name": "username", "display name": "name", "role": "role",
        "password": "password", "PIN": "pin",
    }

    def __init__(self, user: UserInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit user") if user else self.tr("Add user"), parent)
        self.user = user
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("e.g. lwang — used to sign in"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Li Wang"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.CLERK.value))
        self.role_hint = QLabel()
        self.role_hint.setObjectName("Muted")
        self.role_hint.setWordWrap(True)
        self.add_field("username", self.tr("User name"), self.username)
        self.add_field("name", self.tr("Display name"), self.name)
        self.add_field("role", self.tr("Role"), self.role)
        self.form.addRow("", self.role_hint)
        self.password = _secret_field(self.tr("at least 8 characters"))
        self.repeat = _secret_field(self.tr("the same again"))
        self.pin = _pin_field(self.tr("optional, 4–6 digits"))
        if user is None:
            self.add_field("password", self.tr("Password"), self.password)
            self.add_field("repeat", self.tr("Repeat password"), self.repeat)
            self.add_field("pin", self.tr("Supervisor PIN"), self.pin)
        else:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.name.setText(user.display_name)
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self.role.currentIndexChanged.connect(self._on_role_current_index_changed)
        self._on_role_current_index_changed()
        self.set_first_field(self.name if user else self.username)

    def selected_role(self) -> Role:
        return Role(str(self.role.currentData()))

    def _on_role_current_index_changed(self, _index: int = 0) -> None:
        role = self.selected_role()
        text = role_summary(role)
        if self.user is not None and self.user.has_pin and not role_may(
                role, Permission.OVERRIDE_WEIGHT_CHECK):
            text += " " + self.tr("Their supervisor PIN will be removed.")
        self.role_hint.setText(text)
        supervisor = role_may(role, Permission.OVERRIDE_WEIGHT_CHECK)
        self.pin.setEnabled(supervisor)
        if not supervisor:
            self.pin.clear()
        self.pin.setPlaceholderText(
            self.tr("optional, 4–6 digits") if supervisor
            else self.tr("only for roles that approve overrides"))

    def check(self) -> bool:
        ok = self.require_text("username", "name")
        if self.user is None:
            ok = _passwords_agree(self, "password", "repeat") and ok
        return ok


class PasswordDialog(FormDialog):
    """An administrator sets a new password for ``user`` (who signs in with it)."""

    field_keys: ClassVar[Mapping[str, str]] = {"password": "password"}

    def __init__(self, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reset password of {user}").format(user=user.username), parent)
        self.user = user
        note = QLabel(self.tr("Tell {name} the new password; it also lifts a lock after "
                              "too many failed sign-ins.").format(name=user.display_name))
        note.setWordWrap(True)
        note.setObjectName("Muted")
        self.form.addRow(note)
        self.password = _secret_field(self.tr("at least 8 characters"))
        self.repeat = _secret_field(self.tr("the same again"))
        self.add_field("password", self.tr("New password"), self.password)
        self.add_field("repeat", self.tr("Repeat password"), self.repeat)
        self.set_first_field(self.password)

    def check(self) -> bool:
        return _passwords_agree(self, "password", "repeat")


class PinDialog(FormDialog):
    """Set (or, when one is set, clear) ``user``'s supervisor PIN.

    ``cleared`` is True when the dialog closed through "Remove PIN"."""

    field_keys: ClassVar[Mapping[str, str]] = {"PIN": "pin"}

    def __init__(self, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Supervisor PIN of {user}").format(user=user.username), parent)
        self.user = user
        self.cleared = False
        note = QLabel(self.tr("The PIN approves a parcel whose weight is off at the pack "
                              "station. 4–6 digits; not 0000 or 1234."))
        note.setWordWrap(True)
        note.setObjectName("Muted")
        self.form.addRow(note)
        self.pin = _pin_field(self.tr("4–6 digits"))
        self.repeat = _pin_field(self.tr("the same again"))
        self.add_field("pin", self.tr("New PIN"), self.pin)
        self.add_field("repeat", self.tr("Repeat PIN"), self.repeat)
        self.clear_button: QPushButton | None = None
        if user.has_pin:
            self.clear_button = QPushButton(self.tr("Remove PIN"))
            self.buttons.addButton(self.clear_button, self.buttons.ButtonRole.ResetRole)
            self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.set_first_field(self.pin)

    def _on_clear_button_clicked(self) -> None:
        self.clear_errors()
        self.cleared = True
        self.submitted.emit()

    def check(self) -> bool:
        self.cleared = False
        if not self.pin.text():
            self.show_field_error("pin", self.tr("Required."))
            return False
        return _passwords_agree(self, "pin", "repeat")


def _passwords_agree(dialog: FormDialog, first: str, second: str) -> bool:
    a, b = dialog.fields[first], dialog.fields[second]
    assert isinstance(a, QLineEdit) and isinstance(b, QLineEdit)
    if a.text() != b.text():
        dialog.show_field_error(second, QCoreApplication.translate(
            "UserDialog", "The two entries differ."))
        return False
    return True
