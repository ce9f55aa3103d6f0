"""Admin → Users: who may sign in, with which role, and who can approve an override.

Keyboard first like the other Admin tabs: Ctrl+F searches, Enter (or a double click)
edits the selected user, Ins or Ctrl+N adds one. Unlock lifts the wait that repeated
wrong passwords put on a user's sign-in. Users are deactivated, never deleted:
their name stays on the history they wrote. The services refuse what would lock the
warehouse out (deactivating yourself, removing the last administrator); the refusal
shows in the page's message bar or beside the dialog's field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout
from sqlalchemy.orm import Session

from app.services.changes import Changes
from app.services.dto import UserInfo
from app.services.users import (
    FREE_FAILURES,
    clear_supervisor_pin,
    create_user,
    edit_user,
    list_users,
    reset_password,
    set_supervisor_pin,
    set_user_active,
    unlock_user,
)
from app.ui.dialogs.user_dialog import PasswordDialog, PinDialog, UserDialog, role_name
from app.ui.pages.admin_base import AdminTab
from app.ui.pages.admin_clients_common import (
    PlainRowsModel,
    search_box,
    searchable_table,
    select_first,
    selected_rows,
    shortcut,
)
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.tables import fit_columns


class UsersModel(PlainRowsModel):
    USERNAME, NAME, ROLE, STATUS, PIN, LAST = range(6)

    def headers(self) -> list[str]:
        return [self.tr("User name"), self.tr("Display name"), self.tr("Role"),
                self.tr("Status"), self.tr("Supervisor PIN"), self.tr("Last sign-in")]

    def display(self, row: UserInfo, column: int) -> str:
        values = {
            self.USERNAME: row.username, self.NAME: row.display_name,
            self.ROLE: role_name(row.role),
            self.STATUS: self._status(row),
            self.PIN: self.tr("Set") if row.has_pin else "—",
            self.LAST: (row.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M")
                        if row.last_login_at else self.tr("Never")),
        }
        return values[column]

    def _status(self, row: UserInfo) -> str:
        if not row.active:
            return self.tr("Deactivated")
        if row.failed_sign_ins >= FREE_FAILURES:
            return self.tr("Wrong passwords")
        return self.tr("Active")

    def sort_value(self, row: UserInfo, column: int) -> Any:
        if column == self.LAST:  # never signed in sorts first
            return row.last_login_at.isoformat() if row.last_login_at else ""
        return self.display(row, column)


class UsersTab(AdminTab):
    listens_to = Changes.USERS

    def __init__(self, ctx: PageContext, page: Page) -> None:
        super().__init__(ctx, page)
        self.model = UsersModel(self)
        self.view, self.proxy = searchable_table(self.model)
        self.view.setObjectName("UsersTable")
        fit_columns(self.view, ["warehouse.lead", "Li Wang (night shift)", "Administrator",
                                "Wrong passwords", "Set", "2026-12-07 08:20"])
        self.search = search_box(self.tr("Search users (name, role…)"), self.proxy)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.setToolTip(self.tr("Ins or Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Enter: display name and role"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.pin_button = QPushButton(self.tr("Supervisor PIN…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setToolTip(self.tr(
            "Forget this user's wrong passwords: they can sign in again now"))
        self.count = QLabel()
        self.count.setObjectName("Muted")
        self.note = QLabel(self.tr(
            "A deactivated user cannot sign in; their name stays on what they did. An "
            "administrator's supervisor PIN approves a parcel whose weight is off."))
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        for button in (self.add_button, self.edit_button, self.password_button,
                       self.pin_button, self.unlock_button, self.active_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.setTabOrder(self.search, self.view)
        self.setTabOrder(self.view, self.add_button)
        self.dialog: UserDialog | PasswordDialog | PinDialog | None = None
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.pin_button.clicked.connect(self.set_pin)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.view.activated.connect(lambda _index: self.edit_user())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        shortcut(self, QKeySequence.StandardKey.New, self.add_user)
        shortcut(self, Qt.Key.Key_Insert, self.add_user)
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.tasks.read(list_users, on_done=self._on_loaded,
                            on_error=self.page.show_error, owner=self)

    def _on_loaded(self, users: list[UserInfo]) -> None:
        selected = self.current()
        self.model.set_rows(users)
        self.count.setText(self.tr("%n user(s)", "", len(users)))
        if selected is not None:
            self.select(selected.username)
        self._update_buttons()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------

    def current(self) -> UserInfo | None:
        rows = selected_rows(self.view, self.model)
        return rows[0] if rows else None

    def select(self, username: str) -> None:
        select_first(self.view, self.model, lambda row: row.username == username)

    def _update_buttons(self) -> None:
        user = self.current()
        for button in (self.edit_button, self.password_button, self.pin_button,
                       self.active_button):
            button.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("Activate") if user is not None and not user.active
            else self.tr("Deactivate"))
        self.unlock_button.setEnabled(user is not None and user.failed_sign_ins > 0)

    # -- actions -------------------------------------------------------------------------

    def add_user(self) -> None:
        dialog = UserDialog(None, self)
        actor = self.ctx.actor

        def write(s: Session) -> UserInfo:
            info = create_user(s, dialog.username.text(), dialog.password.text(),
                               dialog.selected_role(), actor=actor,
                               display_name=dialog.name.text())
            if dialog.pin.text():  # same transaction: a refused PIN adds no user either
                info = set_supervisor_pin(s, info.id, dialog.pin.text(), actor=actor)
            return info

        self._open(dialog, write, lambda info: self.tr("User {user} added.").format(
            user=info.username))

    def edit_user(self) -> None:
        user = self.current()
        if user is None:
            return
        dialog = UserDialog(user, self)
        actor = self.ctx.actor
        self._open(dialog, lambda s: edit_user(
            s, user.id, actor=actor, display_name=dialog.name.text(),
            role=dialog.selected_role()), lambda info: self.tr("User {user} saved.").format(
                user=info.username))

    def reset_password(self) -> None:
        user = self.current()
        if user is None:
            return
        dialog = PasswordDialog(user, self)
        actor = self.ctx.actor
        self._open(dialog, lambda s: reset_password(s, user.id, dialog.password.text(),
                                                    actor=actor),
                   lambda info: self.tr("New password of {user} saved.").format(
                       user=info.username))

    def set_pin(self) -> None:
        user = self.current()
        if user is None:
            return
        dialog = PinDialog(user, self)
        actor = self.ctx.actor

        def write(s: Session) -> UserInfo:
            if dialog.cleared:
                return clear_supervisor_pin(s, user.id, actor=actor)
            return set_supervisor_pin(s, user.id, dialog.pin.text(), actor=actor)

        def message(info: UserInfo) -> str:
            text = (self.tr("Supervisor PIN of {user} removed.") if dialog.cleared
                    else self.tr("Supervisor PIN of {user} saved."))
            return text.format(user=info.username)

        self._open(dialog, write, message)

    def _open(self, dialog: UserDialog | PasswordDialog | PinDialog,
              write: Callable[[Session], UserInfo], message: Callable[[UserInfo], str]) -> None:
        """Show ``dialog``; each Save runs ``write`` in the background and closes the
        dialog, or leaves it open with the refusal beside the field it names."""

        def done(info: UserInfo) -> None:
            dialog.accept()
            self.page.show_info(message(info))
            self.reload()
            self.select(info.username)

        dialog.submitted.connect(lambda: self.ctx.tasks.write(
            write, on_done=done, on_error=dialog.show_error, owner=dialog))
        dialog.finished.connect(lambda _result: self.view.setFocus())
        self.dialog = dialog
        dialog.open()

    def _on_active_button_clicked(self) -> None:
        user = self.current()
        if user is None:
            return
        actor, active = self.ctx.actor, not user.active

        def done(info: UserInfo) -> None:
            text = (self.tr("User {user} activated: they can sign in again.") if active
                    else self.tr("User {user} deactivated: they can no longer sign in."))
            self.page.show_info(text.format(user=info.username))
            self.reload()

        self.ctx.tasks.write(lambda s: set_user_active(s, user.id, active, actor=actor),
                             on_done=done, on_error=self.page.show_error, owner=self)

    def _on_unlock_button_clicked(self) -> None:
        user = self.current()
        if user is None:
            return
        actor = self.ctx.actor

        def done(info: UserInfo) -> None:
            self.page.show_info(self.tr("User {user} unlocked: they can sign in now.").format(
                user=info.username))
            self.reload()

        self.ctx.tasks.write(lambda s: unlock_user(s, user.id, actor=actor),
                             on_done=done, on_error=self.page.show_error, owner=self)
