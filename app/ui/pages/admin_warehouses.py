"""Admin → Warehouses and bins: the warehouses on top, the selected one's bins below.

Bins are added one by one, as an aisle section (codes ``AISLE-POSITION-LEVEL``) or from
a CSV/XLSX file; an empty bin can be disabled; labels for the selected bins go to this
station's label printer, as ``haicang print bin-labels`` sends them. Reads, writes and
printing run off the GUI thread; the tables hold the rows a read returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.states import BinType
from app.services.bin_import import BinImportRejected, import_bins
from app.services.changes import Changes
from app.services.dto import BinInfo, WarehouseInfo
from app.services.layout import set_layout
from app.services.organisation import (
    WarehouseDraft,
    create_bin_range,
    create_warehouse,
    list_bins,
    list_warehouses,
    set_bin_active,
    update_warehouse,
)
from app.services.print_documents import JobKind, bin_labels_of
from app.services.print_queue import DeliveryResult
from app.services.staging import add_bin_with_lane
from app.ui.devices.printing import PrintWorker, station_printers
from app.ui.dialogs.bin_dialog import BinDialog, BinRangeDialog
from app.ui.dialogs.warehouse_dialog import WarehouseDialog
from app.ui.i18n import error_text, stored_error_text
from app.ui.models.inventory import bin_type_names
from app.ui.pages.admin_base import AdminTab
from app.ui.pages.admin_clients_common import (
    FormDialog,
    PlainRowsModel,
    Saved,
    search_box,
    searchable_table,
    selected_rows,
    shortcut,
)
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.tables import fit_columns


class WarehousesModel(PlainRowsModel):
    CODE, NAME, REGION, CITY, STATE, ZONE, CUTOFF, AUTO = range(8)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Region"), self.tr("City"),
                self.tr("State"), self.tr("Time zone"), self.tr("Cut-off"),
                self.tr("Auto-allocate")]

    def display(self, row: WarehouseInfo, column: int) -> str:
        region = self.tr("US West") if row.region == "US-West" else self.tr("US East")
        values = (row.code, row.name, region, row.city, row.state, row.time_zone,
                  row.cutoff_local, self.tr("On") if row.auto_allocate else self.tr("Off"))
        return values[column]


class BinsModel(PlainRowsModel):
    CODE, TYPE, AISLE, POSITION, LEVEL, ON_HAND, RESERVED, STATUS = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._types = bin_type_names()

    def headers(self) -> list[str]:
        return [self.tr("Bin"), self.tr("Type"), self.tr("Aisle"), self.tr("Position"),
                self.tr("Level"), self.tr("On hand"), self.tr("Reserved"), self.tr("Status")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.AISLE, self.POSITION, self.LEVEL, self.ON_HAND, self.RESERVED})

    def display(self, row: BinInfo, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.TYPE:
            return self._types.get(row.bin_type, row.bin_type)
        if column == self.STATUS:
            return self.tr("Active") if row.active else self.tr("Disabled")
        return str((0, 0, row.aisle, row.position, row.level, row.on_hand, row.reserved)[column])

    def sort_value(self, row: BinInfo, column: int) -> Any:
        if column in self.numeric_columns():
            return (0, 0, row.aisle, row.position, row.level, row.on_hand, row.reserved)[column]
        return self.display(row, column)


class WarehousesTab(AdminTab):
    listens_to = Changes.ORGANISATION | Changes.STOCK

    def __init__(self, ctx: PageContext, page: Page) -> None:
        super().__init__(ctx, page)
        self.dialog: FormDialog | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_warehouses())
        splitter.addWidget(self._build_bins())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.warehouse_view, self.search)
        self.setTabOrder(self.search, self.bin_view)
        self._connect_controls()
        self._update_buttons()
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _build_warehouses(self) -> QWidget:
        """The warehouses table under its title and buttons (the splitter's upper part)."""
        self.warehouse_model = WarehousesModel(self)
        self.warehouse_view, self.warehouse_proxy = searchable_table(self.warehouse_model)
        self.add_warehouse_button = QPushButton(self.tr("Add warehouse…"))
        self.edit_warehouse_button = QPushButton(self.tr("Edit…"))
        wh_title = QLabel(self.tr("Warehouses"))
        wh_title.setObjectName("SectionTitle")
        wh_top = QHBoxLayout()
        wh_top.addWidget(wh_title)
        wh_top.addStretch(1)
        wh_top.addWidget(self.add_warehouse_button)
        wh_top.addWidget(self.edit_warehouse_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(wh_top)
        upper_layout.addWidget(self.warehouse_view)
        return upper

    def _build_bins(self) -> QWidget:
        """The selected warehouse's bins: title, search, actions, table, last result."""
        self.bin_model = BinsModel(self)
        self.bin_view, self.bin_proxy = searchable_table(self.bin_model, multi_select=True)
        fit_columns(self.bin_view, ["STAGE-01-01", "Receiving", "999", "999", "999",
                                    "99,999", "99,999", "Disabled"])
        self.search = search_box(self.tr("Search bins"), self.bin_proxy)
        self.search.setMaximumWidth(420)
        self.bins_title = QLabel(self.tr("Bins"))
        self.bins_title.setObjectName("SectionTitle")
        self.bin_count = QLabel()
        self.bin_count.setObjectName("Muted")
        self._build_bin_buttons()
        self.result = QLabel()
        self.result.setObjectName("Muted")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_row = QHBoxLayout()
        title_row.addWidget(self.bins_title)
        title_row.addWidget(self.bin_count)
        title_row.addStretch(1)
        title_row.addWidget(self.search, 1)
        actions = QHBoxLayout()
        for button in (self.add_bin_button, self.add_range_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.disable_button, self.enable_button, self.print_button):
            actions.addWidget(button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(title_row)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.bin_view, 1)
        lower_layout.addWidget(self.result)
        return lower

    def _build_bin_buttons(self) -> None:
        """Adding bins on the left of the action row, acting on the selected ones right."""
        self.add_bin_button = QPushButton(self.tr("Add bin…"))
        self.add_bin_button.setToolTip(self.tr("Ins or Ctrl+N"))
        self.add_range_button = QPushButton(self.tr("Add range…"))
        self.import_button = QPushButton(self.tr("Import bins…"))
        self.disable_button = QPushButton(self.tr("Disable"))
        self.enable_button = QPushButton(self.tr("Enable"))
        self.print_button = QPushButton(self.tr("Print bin labels"))

    def _connect_controls(self) -> None:
        self.add_warehouse_button.clicked.connect(self.add_warehouse)
        self.edit_warehouse_button.clicked.connect(self.edit_warehouse)
        self.warehouse_view.activated.connect(lambda _index: self.edit_warehouse())
        self.warehouse_view.selectionModel().selectionChanged.connect(
            self._on_warehouse_selection_changed)
        self.bin_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_bin_button.clicked.connect(self.add_bin)
        self.add_range_button.clicked.connect(self.add_range)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.disable_button.clicked.connect(lambda: self.set_bins_active(False))
        self.enable_button.clicked.connect(lambda: self.set_bins_active(True))
        self.print_button.clicked.connect(self.print_labels)
        shortcut(self, QKeySequence.StandardKey.New, self._on_add_key)
        shortcut(self, Qt.Key.Key_Insert, self._on_add_key)

    # -- loading -------------------------------------------------------------------------

    def warehouse(self) -> WarehouseInfo | None:
        rows = selected_rows(self.warehouse_view, self.warehouse_model)
        return rows[0] if rows else None

    def reload(self) -> None:
        self.ctx.tasks.read(list_warehouses, on_done=self._on_warehouses_loaded,
                            on_error=self.page.show_error, owner=self)

    def _on_warehouses_loaded(self, rows: list[WarehouseInfo]) -> None:
        current = self.warehouse()
        self.warehouse_model.set_rows(rows)
        self.warehouse_view.resizeColumnsToContents()
        self.warehouse_view.horizontalHeader().setStretchLastSection(True)
        code = current.code if current else (rows[0].code if rows else None)
        if code is not None:
            self.select_warehouse(code)
        self._load_bins()

    def select_warehouse(self, code: str) -> None:
        for i, row in enumerate(self.warehouse_model.all_rows()):
            if row.code == code:
                self.warehouse_view.setCurrentIndex(
                    self.warehouse_proxy.mapFromSource(self.warehouse_model.index(i, 0)))

    def _on_warehouse_selection_changed(self) -> None:
        self._load_bins()

    def _load_bins(self) -> None:
        wh = self.warehouse()
        self._update_buttons()
        if wh is None:
            self.bin_model.set_rows([])
            self.bins_title.setText(self.tr("Bins"))
            self.bin_count.clear()
            return
        self.bins_title.setText(self.tr("Bins of {warehouse}").format(warehouse=wh.code))
        code = wh.code
        self.ctx.tasks.read(lambda s: list_bins(s, code), on_done=self._on_bins_loaded,
                            on_error=self.page.show_error, owner=self)

    def _on_bins_loaded(self, rows: list[BinInfo]) -> None:
        self.bin_model.set_rows(rows)
        self.bin_count.setText(self.tr("%n bin(s)", "", len(rows)))
        self._update_buttons()

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_bins(self) -> list[BinInfo]:
        return selected_rows(self.bin_view, self.bin_model)

    def _update_buttons(self) -> None:
        has_wh = self.warehouse() is not None
        bins = self.selected_bins() if has_wh else []
        self.edit_warehouse_button.setEnabled(has_wh)
        for button in (self.add_bin_button, self.add_range_button, self.import_button):
            button.setEnabled(has_wh)
        self.disable_button.setEnabled(any(b.active for b in bins))
        self.enable_button.setEnabled(any(not b.active for b in bins))
        self.print_button.setEnabled(bool(bins))

    # -- warehouses ----------------------------------------------------------------------

    def add_warehouse(self) -> None:
        self._open_warehouse(None)

    def edit_warehouse(self) -> None:
        wh = self.warehouse()
        if wh is not None:
            self._open_warehouse(wh)

    def _open_warehouse(self, wh: WarehouseInfo | None) -> None:
        dialog = WarehouseDialog(wh, self)
        actor = self.ctx.actor

        def submitted() -> None:
            values, code = dialog.values(), dialog.code.text()
            layout = dialog.layout_values()

            def write(s: Session) -> Saved:
                # the details and the layout in one transaction: both saved or neither
                if wh is not None:
                    info = update_warehouse(s, wh.code, actor=actor, **values)
                else:
                    draft = WarehouseDraft(
                        code, values["name"], values["region"], values["time_zone"],
                        values["address1"], values["city"], values["state"], values["zip"],
                        address2=values["address2"], phone=values["phone"],
                        cutoff_local=values["cutoff_local"],
                        auto_allocate=values["auto_allocate"])
                    info = create_warehouse(s, draft, actor=actor)
                return Saved(set_layout(s, info.code, actor=actor, **layout))

            self._write(dialog, write, lambda info: self.tr("Warehouse {code} saved.").format(
                code=info.code), select=lambda info: self.select_warehouse(info.code))

        self._show(dialog, submitted)

    # -- bins ----------------------------------------------------------------------------

    def _on_add_key(self) -> None:
        if self.warehouse_view.hasFocus():
            self.add_warehouse()
        else:
            self.add_bin()

    def add_bin(self) -> None:
        wh = self.warehouse()
        if wh is None:
            return
        dialog = BinDialog(wh.code, self)
        actor, code = self.ctx.actor, wh.code

        def submitted() -> None:
            draft, carrier = dialog.draft(), dialog.lane_carrier()
            self._write(dialog, lambda s: Saved(add_bin_with_lane(s, code, draft, carrier,
                                                                  actor=actor)),
                        lambda info: self.tr("Bin {bin} added to {warehouse}.").format(
                            bin=info.code, warehouse=code))

        self._show(dialog, submitted)

    def add_range(self) -> None:
        wh = self.warehouse()
        if wh is None:
            return
        dialog = BinRangeDialog(wh.code, self)
        actor, code = self.ctx.actor, wh.code

        def submitted() -> None:
            aisle, (positions, levels) = dialog.aisle.text(), dialog.spans()
            kind = BinType(dialog.type.currentData())
            self._write(
                dialog,
                lambda s: Saved(create_bin_range(s, code, aisle, positions, levels, kind,
                                                 actor=actor)),
                lambda r: self.tr("%n bin(s) added to {warehouse}: {first} … {last}.", "",
                                  r.created).format(warehouse=code, first=r.first,
                                                    last=r.last))

        self._show(dialog, submitted)

    def _on_import_button_clicked(self) -> None:
        wh = self.warehouse()
        if wh is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import bins into {warehouse}").format(warehouse=wh.code), "",
            self.tr("Bin lists (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        wh = self.warehouse()
        if wh is None:
            return
        actor, code = self.ctx.actor, wh.code
        self.result.setText(self.tr("Importing {file}…").format(file=path.name))

        def done(saved: Saved) -> None:
            text = self.tr("%n bin(s) imported into {warehouse}.", "",
                           saved.value.created).format(warehouse=code)
            self.result.setText(text)
            self.page.show_info(text)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.page.show_error(exc)
            if isinstance(exc, BinImportRejected):
                lines = [self.tr("Line {line}: {reason}").format(
                    line=p.line, reason=stored_error_text(None, p.template, p.params))
                    for p in exc.report.problems[:30]]
                self.result.setText("\n".join(lines))
            else:
                self.result.setText(error_text(exc))

        self.ctx.tasks.write(lambda s: Saved(import_bins(s, code, path, actor=actor)),
                             on_done=done, on_error=failed, owner=self)

    def set_bins_active(self, active: bool) -> None:
        wh = self.warehouse()
        bins = [b for b in self.selected_bins() if b.active != active]
        if wh is None or not bins:
            return
        actor, code, codes = self.ctx.actor, wh.code, [b.code for b in bins]

        def write(s: Session) -> Saved:
            return Saved([set_bin_active(s, code, c, active, actor=actor) for c in codes])

        def done(saved: Saved) -> None:
            text = (self.tr("%n bin(s) enabled.", "", len(codes)) if active
                    else self.tr("%n bin(s) disabled.", "", len(codes)))
            self.result.setText(text)
            self.page.show_info(text)
            self._load_bins()

        def failed(exc: BaseException) -> None:
            self.result.setText(error_text(exc))
            self.page.show_error(exc)

        self.ctx.tasks.write(write, on_done=done, on_error=failed, owner=self)

    def print_labels(self) -> None:
        """Labels for the selected bins, on this station's label printer."""
        wh = self.warehouse()
        bins = self.selected_bins()
        if wh is None or not bins:
            return
        try:
            profile = station_printers(self.ctx.app.settings).for_kind(JobKind.BIN_LABELS)
        except Exception as exc:  # no printer set up, or a damaged settings file
            self.result.setText(error_text(exc))
            self.page.show_error(exc)
            return
        code, codes = wh.code, sorted(b.code for b in bins)
        self.result.setText(self.tr("Printing %n label(s) on {printer}…", "", len(codes))
                            .format(printer=profile.name))

        def done(result: DeliveryResult) -> None:
            if result.error is None:
                text = self.tr("%n bin label(s) sent to {printer}.", "", len(codes)).format(
                    printer=result.job.printer_name)
                self.page.show_info(text)
            else:
                text = self.tr("Job {job} was not printed and waits in the queue: {error}"
                               ).format(job=result.job.id, error=error_text(result.error))
                self.page.show_error(result.error)
            self.result.setText(text)

        def failed(exc: BaseException) -> None:
            self.result.setText(error_text(exc))
            self.page.show_error(exc)

        PrintWorker.for_tasks(self.ctx.tasks).print_document(
            lambda _s, p: bin_labels_of(code, codes, p), profile, actor=self.ctx.actor,
            station=self.ctx.app.settings.station_name, on_done=done, on_error=failed,
            owner=self)

    # -- plumbing ------------------------------------------------------------------------

    def _show(self, dialog: FormDialog, submitted: Any) -> None:
        dialog.submitted.connect(submitted)
        dialog.finished.connect(lambda _result: self.bin_view.setFocus())
        self.dialog = dialog
        dialog.open()

    def _write(self, dialog: FormDialog, fn: Any, message: Any, select: Any = None) -> None:
        def done(saved: Saved) -> None:
            dialog.accept()
            self.page.show_info(message(saved.value))
            self.result.clear()
            if select is not None:
                select(saved.value)
            self.reload()

        self.ctx.tasks.write(fn, on_done=done, on_error=dialog.show_error, owner=dialog)
