"""Admin → SKUs: a client's products, their barcodes, weights and sizes, handling flags.

Keyboard and scanner first: Ctrl+F searches (code, name, Chinese name, barcode), and a
scanned barcode followed by Enter selects its SKU; Enter (or a double click) on a row
edits it, Ins or Ctrl+N adds one. "Import SKUs…" checks a CSV/XLSX file before anything
is written; "Download template" writes the file to start from. Reads and writes run on
the task runner; the table holds the rows a read returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.domain.errors import DomainError
from app.services.changes import Changes
from app.services.dto import ClientInfo, SkuInfo
from app.services.organisation import list_clients
from app.services.sku_import import SkuImportReport
from app.services.skus import SkuDraft, create_sku, disable_sku, edit_sku, enable_sku, list_skus
from app.ui.dialogs.sku_dialog import SkuDialog
from app.ui.dialogs.sku_import_dialog import SkuImportDialog
from app.ui.i18n import error_text
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
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import fit_columns


class SkusModel(PlainRowsModel):
    CLIENT, CODE, NAME, NAME_ZH, BARCODES, WEIGHT, SIZE, FLAGS, VALUE, HS, STATUS = range(11)

    def headers(self) -> list[str]:
        return [self.tr("Client"), self.tr("SKU"), self.tr("Name"), self.tr("Chinese name"),
                self.tr("Barcodes"), self.tr("Weight (g)"), self.tr("L×W×H (mm)"),
                self.tr("Handling"), self.tr("Declared value"), self.tr("HS code"),
                self.tr("Status")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.WEIGHT, self.VALUE})

    def display(self, row: SkuInfo, column: int) -> str:
        if column == self.FLAGS:
            flags = [(row.prepacked, self.tr("Prepacked")), (row.lot_tracked, self.tr("Lots")),
                     (row.hazmat, self.tr("Hazmat"))]
            return ", ".join(text for on, text in flags if on)
        values: dict[int, Any] = {
            self.CLIENT: row.client_code, self.CODE: row.code, self.NAME: row.name_en,
            self.NAME_ZH: row.name_zh or "",
            self.BARCODES: "; ".join(row.barcodes), self.WEIGHT: row.weight_g,
            self.SIZE: f"{row.length_mm}×{row.width_mm}×{row.height_mm}",
            self.VALUE: "" if row.declared_value is None
            else f"{row.declared_value} {row.currency}",
            self.HS: row.hs_code or "",
            self.STATUS: self.tr("Active") if row.active else self.tr("Disabled"),
        }
        return str(values[column])

    def sort_value(self, row: SkuInfo, column: int) -> Any:
        if column == self.WEIGHT:
            return row.weight_g
        if column == self.VALUE:
            return float(row.declared_value or 0)
        return self.display(row, column)


class SkusTab(AdminTab):
    listens_to = Changes.CATALOG | Changes.ORGANISATION

    def __init__(self, ctx: PageContext, page: Page) -> None:
        super().__init__(ctx, page)
        self.model = SkusModel(self)
        self.view, self.proxy = searchable_table(self.model)
        fit_columns(self.view, ["ACME", "MUG-RED-350", "Red mug 350 ml", "红色马克杯",
                                "012345678905", "12345", "300×200×450", "Prepacked",
                                "12.50 USD", "6912.00.48", "Disabled"])
        self.client_combo = QComboBox()
        self.client_combo.setMinimumWidth(140)
        self.client_combo.activated.connect(lambda _i: self.reload())
        self.search = search_box(self.tr("Search or scan (SKU, name, barcode)"), self.proxy)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.count = QLabel()
        self.count.setObjectName("Muted")
        self.add_button = QPushButton(self.tr("Add SKU…"))
        self.add_button.setToolTip(self.tr("Ins or Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Enter"))
        self.active_button = QPushButton(self.tr("Disable"))
        self.import_button = QPushButton(self.tr("Import SKUs…"))
        self.template_button = QPushButton(self.tr("Download template…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Client")))
        top.addWidget(self.client_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.search, self.view)
        self.setTabOrder(self.view, self.add_button)
        self._clients: list[ClientInfo] = []
        self.dialog: SkuDialog | None = None
        self.import_dialog: SkuImportDialog | None = None
        self.add_button.clicked.connect(self.add_sku)
        self.edit_button.clicked.connect(self.edit_sku)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.import_button.clicked.connect(self.open_import)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.view.activated.connect(lambda _index: self.edit_sku())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        shortcut(self, QKeySequence.StandardKey.New, self.add_sku)
        shortcut(self, Qt.Key.Key_Insert, self.add_sku)
        self._update_buttons()
        self.reload()

    # -- loading -------------------------------------------------------------------------

    def client_code(self) -> str | None:
        data = self.client_combo.currentData()
        return str(data) if data else None

    def reload(self) -> None:
        client = self.client_code()
        self.ctx.tasks.read(lambda s: (list_clients(s), list_skus(s, client)),
                            on_done=self._on_loaded, on_error=self.page.show_error, owner=self)

    def _on_loaded(self, result: tuple[list[ClientInfo], list[SkuInfo]]) -> None:
        selected = self.current()
        self._clients, skus = result
        self._fill_clients()
        self.model.set_rows(skus)
        self.count.setText(self.tr("%n SKU(s)", "", len(skus)))
        if selected is not None:
            self.select(selected.client_code, selected.code)
        self._update_buttons()

    def _fill_clients(self) -> None:
        current = self.client_code()
        blocked = self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem(self.tr("All clients"), "")
        for c in self._clients:
            self.client_combo.addItem(c.code if c.active else self.tr("{code} (disabled)").format(
                code=c.code), c.code)
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(current or "")))
        self.client_combo.blockSignals(blocked)

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------

    def current(self) -> SkuInfo | None:
        rows = selected_rows(self.view, self.model)
        return rows[0] if rows else None

    def select(self, client_code: str, code: str) -> None:
        select_first(self.view, self.model,
                     lambda row: row.code == code and row.client_code == client_code)

    def _on_search_return_pressed(self) -> None:
        """A scanner sends the code then Enter: a whole barcode or code selects its SKU."""
        text = self.search.text().strip()
        rows = self.model.all_rows()
        exact = [r for r in rows if text in r.barcodes or r.code == text]
        if len(exact) == 1:
            self.search.setText(text)  # keeps the filter; the row is among those shown
            self.select(exact[0].client_code, exact[0].code)
        elif self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.page.messages.show_message(
                self.tr("No SKU matches {text}.").format(text=text), Level.WARNING)
            return
        self.view.setFocus()

    def _update_buttons(self) -> None:
        sku = self.current()
        self.edit_button.setEnabled(sku is not None)
        self.active_button.setEnabled(sku is not None)
        self.active_button.setText(
            self.tr("Enable") if sku is not None and not sku.active else self.tr("Disable"))
        has_client = self._target_client() is not None
        self.add_button.setEnabled(has_client)
        self.import_button.setEnabled(has_client)

    def _target_client(self) -> ClientInfo | None:
        """The client new SKUs go to: the one picked, else the only one there is."""
        code = self.client_code()
        if code is None:
            return self._clients[0] if len(self._clients) == 1 else None
        return next((c for c in self._clients if c.code == code), None)

    # -- actions -------------------------------------------------------------------------

    def add_sku(self) -> None:
        client = self._target_client()
        if client is None:
            self.page.messages.show_message(
                self.tr("Pick the client the SKU belongs to first."), Level.WARNING)
            self.client_combo.setFocus()
            return
        self._open(client.code, client.currency, None)

    def edit_sku(self) -> None:
        sku = self.current()
        if sku is not None:
            self._open(sku.client_code, sku.currency, sku)

    def _open(self, client_code: str, currency: str, sku: SkuInfo | None) -> None:
        dialog = SkuDialog(client_code, currency, sku, self)
        dialog.submitted.connect(lambda: self._save(dialog))
        dialog.finished.connect(lambda _result: self.view.setFocus())
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: SkuDialog) -> None:
        actor, client, edit, existing = self.ctx.actor, dialog.client_code, dialog.edit(), \
            dialog.sku
        code = dialog.code.text()

        def write(s: Any) -> Saved:
            if existing is None:
                draft = edit.applied_to(SkuDraft(code, ""))
                return Saved(create_sku(s, client, draft, actor=actor), Changes.CATALOG)
            return Saved(edit_sku(s, client, existing.code, edit, actor=actor), Changes.CATALOG)

        def done(saved: Saved) -> None:
            dialog.accept()
            info: SkuInfo = saved.value
            self.page.show_info(self.tr("SKU {code} saved.").format(code=info.code))
            self.reload()
            self.select(info.client_code, info.code)

        self.ctx.tasks.write(write, on_done=done, on_error=dialog.show_error, owner=dialog)

    def _on_active_button_clicked(self) -> None:
        sku = self.current()
        if sku is None:
            return
        actor, client, code, active = self.ctx.actor, sku.client_code, sku.code, not sku.active

        def write(s: Any) -> Saved:
            change = enable_sku if active else disable_sku
            return Saved(change(s, client, code, actor=actor), Changes.CATALOG)

        def done(_saved: Saved) -> None:
            text = (self.tr("SKU {code} enabled.") if active else self.tr(
                "SKU {code} disabled: it keeps its stock and history."))
            self.page.show_info(text.format(code=code))

        self.ctx.tasks.write(write, on_done=done, on_error=self.page.show_error, owner=self)

    def open_import(self) -> None:
        client = self._target_client()
        if client is None:
            self.page.messages.show_message(
                self.tr("Pick the client whose SKUs the file lists first."), Level.WARNING)
            self.client_combo.setFocus()
            return
        dialog = SkuImportDialog(self.ctx.tasks, self.ctx.actor, client.code, self)
        dialog.imported.connect(self._on_imported)
        self.import_dialog = dialog
        dialog.open()

    def _on_imported(self, report: SkuImportReport) -> None:
        text = self.tr("SKUs imported for {client}: {created} new, {updated} updated, "
                       "{unchanged} unchanged.").format(
            client=report.client, created=len(report.created), updated=len(report.updated),
            unchanged=len(report.unchanged))
        if report.problems:
            text += " " + self.tr("%n row(s) with problems were left out.", "",
                                  report.bad_lines)
        self.page.show_info(text)

    def _on_template_button_clicked(self) -> None:
        english, chinese = self.tr("English headers"), self.tr("Chinese headers (中文表头)")
        filters = [f"Excel — {english} (*.xlsx)", f"Excel — {chinese} (*.xlsx)",
                   f"CSV — {english} (*.csv)", f"CSV — {chinese} (*.csv)"]
        start = 1 if self.ctx.app.settings.language.startswith("zh") else 0
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the SKU template"), str(Path.home() / "haicang-skus.xlsx"),
            ";;".join(filters), filters[start])
        if path:
            self.write_template(path, chinese=chosen in (filters[1], filters[3]))

    def write_template(self, path: str, *, chinese: bool) -> None:
        from app.channels.sku_template import write_sku_template

        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".xlsx")
        try:
            write_sku_template(target, chinese=chinese)
        except DomainError as exc:  # a read-only folder, a file open in Excel
            self.page.messages.show_message(error_text(exc), Level.ERROR)
            return
        self.page.show_info(self.tr("Template saved to {path}.").format(path=target))

