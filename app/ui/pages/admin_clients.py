"""Admin → Clients: the sellers whose goods the warehouse keeps, their terms and contacts.

Keyboard first: Ctrl+F searches, Enter (or a double click) edits the selected client,
Ins or Ctrl+N adds one. Reads and writes run on the task runner; the table holds the
DTO rows a read returned and reloads whenever the organisation changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.services.changes import Changes
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.organisation import (
    create_client,
    list_clients,
    list_warehouses,
    set_client_active,
    update_client,
)
from app.ui.dialogs.client_dialog import ClientDialog
from app.ui.pages.admin_base import AdminTab
from app.ui.pages.admin_clients_common import (
    PlainRowsModel,
    Saved,
    search_box,
    searchable_table,
    select_first,
    selected_rows,
    shortcut,
)
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.tables import fit_columns


class ClientsModel(PlainRowsModel):
    # Status and terms first: at the smallest window the contact columns scroll, not these.
    CODE, NAME, STATUS, CURRENCY, WAREHOUSE, DAYS, SLIP, CONTACT, EMAIL = range(9)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Status"), self.tr("Currency"),
                self.tr("Ships from"), self.tr("Handling days"), self.tr("Packing slip"),
                self.tr("Contact"), self.tr("E-mail")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.DAYS})

    def display(self, row: ClientInfo, column: int) -> str:
        values: dict[int, Any] = {
            self.CODE: row.code, self.NAME: row.name, self.CONTACT: row.contact_name or "",
            self.EMAIL: row.contact_email or "", self.CURRENCY: row.currency,
            self.WAREHOUSE: row.default_warehouse_code or self.tr("Nearest"),
            self.DAYS: str(row.handling_days),
            self.SLIP: self.tr("Yes") if row.include_packing_slip else self.tr("No"),
            self.STATUS: self.tr("Active") if row.active else self.tr("Disabled"),
        }
        return str(values[column])

    def sort_value(self, row: ClientInfo, column: int) -> Any:
        return row.handling_days if column == self.DAYS else self.display(row, column)


class ClientsTab(AdminTab):
    listens_to = Changes.ORGANISATION

    def __init__(self, ctx: PageContext, page: Page) -> None:
        super().__init__(ctx, page)
        self.model = ClientsModel(self)
        self.view, self.proxy = searchable_table(self.model)
        fit_columns(self.view, ["ACME-TRADE", "Shenzhen Acme Trading", "Disabled", "USD",
                                "Nearest", "30", "Yes", "Li Wei", "ops@acme.com"])
        self.search = search_box(self.tr("Search clients (code, name, contact…)"), self.proxy)
        self.add_button = QPushButton(self.tr("Add client…"))
        self.add_button.setToolTip(self.tr("Ins or Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Enter"))
        self.active_button = QPushButton(self.tr("Disable"))
        self.count = QLabel()
        self.count.setObjectName("Muted")
        self.note = QLabel(self.tr(
            "A disabled client's orders already in the warehouse still ship; new order "
            "imports for it are refused."))
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addStretch(0)
        for button in (self.add_button, self.edit_button, self.active_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.setTabOrder(self.search, self.view)
        self.setTabOrder(self.view, self.add_button)
        self._warehouses: list[WarehouseInfo] = []
        self.dialog: ClientDialog | None = None
        self.add_button.clicked.connect(self.add_client)
        self.edit_button.clicked.connect(self.edit_client)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.view.activated.connect(lambda _index: self.edit_client())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        shortcut(self, QKeySequence.StandardKey.New, self.add_client)
        shortcut(self, Qt.Key.Key_Insert, self.add_client)
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.tasks.read(lambda s: (list_clients(s), list_warehouses(s)),
                            on_done=self._on_loaded, on_error=self.page.show_error, owner=self)

    def _on_loaded(self, result: tuple[list[ClientInfo], list[WarehouseInfo]]) -> None:
        selected = self.current()
        clients, self._warehouses = result
        self.model.set_rows(clients)
        self.count.setText(self.tr("%n client(s)", "", len(clients)))
        if selected is not None:
            self.select(selected.code)
        self._update_buttons()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------

    def current(self) -> ClientInfo | None:
        rows = selected_rows(self.view, self.model)
        return rows[0] if rows else None

    def select(self, code: str) -> None:
        select_first(self.view, self.model, lambda row: row.code == code)

    def _update_buttons(self) -> None:
        client = self.current()
        self.edit_button.setEnabled(client is not None)
        self.active_button.setEnabled(client is not None)
        self.active_button.setText(
            self.tr("Enable") if client is not None and not client.active else self.tr("Disable"))

    # -- actions -------------------------------------------------------------------------

    def add_client(self) -> None:
        self._open(None)

    def edit_client(self) -> None:
        client = self.current()
        if client is not None:
            self._open(client)

    def _open(self, client: ClientInfo | None) -> None:
        dialog = ClientDialog(self._warehouses, client, self)
        dialog.submitted.connect(lambda: self._save(dialog))
        dialog.finished.connect(lambda _result: self.view.setFocus())
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: ClientDialog) -> None:
        actor, values, existing = self.ctx.actor, dialog.values(), dialog.client
        code = dialog.code.text()

        def write(s: Any) -> Saved:
            if existing is None:
                return Saved(create_client(s, code, actor=actor, **values))
            return Saved(update_client(s, existing.code, actor=actor, **values))

        def done(saved: Saved) -> None:
            dialog.accept()
            info: ClientInfo = saved.value
            self.page.show_info(self.tr("Client {code} saved.").format(code=info.code))
            self.reload()
            self.select(info.code)

        self.ctx.tasks.write(write, on_done=done, on_error=dialog.show_error, owner=dialog)

    def _on_active_button_clicked(self) -> None:
        client = self.current()
        if client is None:
            return
        actor, code, active = self.ctx.actor, client.code, not client.active

        def done(saved: Saved) -> None:
            text = (self.tr("Client {code} enabled.") if active else self.tr(
                "Client {code} disabled: its open orders still ship; new imports are refused."))
            self.page.show_info(text.format(code=code))
            self.reload()

        self.ctx.tasks.write(
            lambda s: Saved(set_client_active(s, code, active, actor=actor)),
            on_done=done, on_error=self.page.show_error, owner=self)
