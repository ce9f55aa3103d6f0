"""The Stock split screen: where a client's next replenishment of each SKU should go.

Client, period (both days included, default the last 90 days) and the replenishment
quantity per SKU (0: each SKU's units of the period); one row per SKU with, for every
warehouse, the share of its demand that warehouse serves at the lowest zone and the
units recommended for it, then the estimated saving against shipping everything from
the client's current warehouse. Export to XLSX or PDF (the files ``haicang advise
split --export`` writes, EN + 中文). Every query runs on the task runner.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
)
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.services.organisation import list_clients
from app.services.split_advice import DEFAULT_DAYS, SkuAdvice, SplitAdvice, advise_split
from app.services.split_export import export_split
from app.services.zone_charts import ZoneImportRejected, ZoneImportReport, import_zone_chart
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import PlainRowsModel
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table
from app.ui.widgets.wrap_row import WrapRow, labelled

#: SKU, name, units before the warehouse columns; zone, days and cost after them.
_LEAD = 3


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Stock split")


class SplitModel(PlainRowsModel):
    """One row per SKU; two columns (share, units) per warehouse of the advice."""

    def __init__(self) -> None:
        super().__init__()
        self.warehouses: list[str] = []
        self._headers: list[str] = []

    def set_advice(self, advice: SplitAdvice) -> None:
        self.warehouses = [o.code for o in advice.origins]
        head = [self.tr("SKU"), self.tr("Name"), self.tr("Units")]
        for code in self.warehouses:
            head += [self.tr("{warehouse} share").format(warehouse=code),
                     self.tr("{warehouse} units").format(warehouse=code)]
        head += [self.tr("Avg zone now → split"), self.tr("Days saved"),
                 self.tr("Cost saved")]
        self._headers = head
        self.set_rows(list(advice.skus))

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset(range(2, len(self._headers)))

    def header_tool_tip(self, column: int) -> str | None:
        if column == len(self._headers) - 1:
            return self.tr("Last-mile cost of the period's units: per zone, the client's own "
                           "label costs where there are enough, else an indicative price")
        return None

    def _cells(self, a: SkuAdvice) -> list[Any]:
        cells: list[Any] = [a.sku, a.name, a.units]
        by_code = {w.warehouse: w for w in a.warehouses}
        for code in self.warehouses:
            w = by_code[code]
            cells += [w.share, w.recommended_units]
        saving = a.saving
        cells += [a, saving.transit_days if saving else None,
                  saving.cost if saving else None]
        return cells

    def display(self, row: Any, column: int) -> str:
        a: SkuAdvice = row
        value = self._cells(a)[column]
        if value is None:
            return "–"
        if _LEAD <= column < _LEAD + 2 * len(self.warehouses):
            return f"{value * 100:.0f}%" if (column - _LEAD) % 2 == 0 else str(value)
        last = len(self._headers) - 1
        if column == last - 2:
            if a.current is None or a.split is None:
                return "–"
            return f"{a.current.avg_zone:.1f} → {a.split.avg_zone:.1f}"
        if column == last - 1:
            return f"{value:.1f}"
        if column == last:
            return f"${value:,.2f}"
        return str(value)

    def sort_value(self, row: Any, column: int) -> Any:
        a: SkuAdvice = row
        if column == len(self._headers) - 3:
            return a.saving.avg_zone if a.saving else -1.0
        value = self._cells(a)[column]
        return -1 if value is None else value


class SplitPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.advice: SplitAdvice | None = None
        title, self.summary = self.title_row(page_title())
        self.body().addLayout(title)

        filters = WrapRow()
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - DEFAULT_DAYS))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.client = QComboBox()
        self.client.setMinimumWidth(180)
        self.qty = QSpinBox()
        self.qty.setRange(0, 10_000_000)
        self.qty.setSpecialValueText(self.tr("period's units"))
        self.qty.setMinimumWidth(120)
        self.qty.setToolTip(self.tr("Units of the next replenishment per SKU"))
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reload)
        for text, widget in ((self.tr("Client"), self.client), (self.tr("From"), self.start),
                             (self.tr("to"), self.end), (self.tr("Replenish"), self.qty)):
            filters.add(labelled(text, widget))
        filters.add(self.show_button)
        self.exports: list[QPushButton] = []
        for suffix in ("xlsx", "pdf"):
            button = QPushButton(self.tr("Export {format}").format(format=suffix.upper()))
            button.clicked.connect(lambda _=False, s=suffix: self.export(s))
            button.setEnabled(False)
            filters.add(button)
            self.exports.append(button)
        self.import_button = QPushButton(self.tr("Import zone chart…"))
        self.import_button.setToolTip(self.tr(
            "A carrier's zone chart for one warehouse: USPS Postal Explorer JSON, a CSV "
            "dest_zip3,zone, or a UPS chart saved as XLSX or CSV"))
        self.import_button.clicked.connect(self.import_chart)
        self.import_button.setVisible(ctx.actor.may(Permission.MANAGE_MASTER_DATA))
        filters.add(self.import_button)
        self.body().addLayout(filters)

        self.basis = QLabel()
        self.basis.setObjectName("Muted")
        self.basis.setWordWrap(True)
        self.body().addWidget(self.basis)
        self.model = SplitModel()
        self.view = configure_table(QTableView())
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.body().addWidget(self.view, 1)
        self.note = QLabel(self.tr(
            "Each destination's units go to the warehouse with the lowest zone. Zones come "
            "from the carrier chart imported for a warehouse (haicang zones import), else "
            "from the distance between ZIP3 centres. Cost saved uses the client's own label "
            "costs per zone where there are at least three, else an indicative price per zone "
            "(not a quote)."))
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        self.body().addWidget(self.note)
        self._loaded_clients = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_clients:
            self._loaded_clients = True
            self._load_clients()

    def _load_clients(self) -> None:
        def done(clients: list[tuple[str, str]]) -> None:
            self.client.clear()
            for code, name in clients:
                self.client.addItem(f"{code} · {name}", code)
            if clients:
                self.reload()

        self.ctx.tasks.read(lambda s: [(c.code, c.name) for c in list_clients(s)],
                            on_done=done, on_error=self.show_error, owner=self)

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        client = self.client.currentData()
        if not client:
            return
        start, end = self.period()
        qty = self.qty.value() or None

        def read(s: Session) -> SplitAdvice:
            return advise_split(s, client, start, end, qty=qty)

        self.ctx.tasks.read(read, on_done=self._show, on_error=self.show_error, owner=self)

    def _show(self, advice: SplitAdvice) -> None:
        self.advice = advice
        self.model.set_advice(advice)
        if self.model.columnCount() > 1:  # the SKU's name takes the room left
            self.view.horizontalHeader().setSectionResizeMode(
                1, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.tr("%n SKU(s)", "", len(advice.skus)))
        sources = self.tr(", ", "between warehouses in a list").join(
            self.tr("{warehouse}: carrier chart").format(warehouse=o.code)
            if o.zone_source == "chart"
            else self.tr("{warehouse}: distance estimate").format(warehouse=o.code)
            for o in advice.origins)
        self.basis.setText(self.tr("Compared with shipping everything from {warehouse}. "
                                   "Zones — {sources}.").format(
            warehouse=advice.current_warehouse or "–", sources=sources))
        if advice.label_costs:
            costs = self.tr(", ", "between warehouses in a list").join(
                f"Z{z} ${c}" for z, c in sorted(advice.label_costs.items()))
            self.basis.setText(self.basis.text() + " " + self.tr(
                "Label costs used: {costs}.").format(costs=costs))
        for button in self.exports:
            button.setEnabled(bool(advice.skus))

    def export(self, suffix: str) -> None:
        if self.advice is None:
            return
        advice = self.advice
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export stock split"),
            f"split-{advice.client}-{advice.start}-{advice.end}.{suffix}",
            f"{suffix.upper()} (*.{suffix})")
        if not path:
            return
        self.ctx.tasks.read(lambda _s: export_split(advice, path),
                            on_done=lambda p: self.show_info(
                                self.tr("Saved {path}.").format(path=p)),
                            on_error=self.show_error, owner=self)

    def import_chart(self) -> None:
        """Ask for the chart file and its warehouse, then import it on the writer thread."""
        if self.advice is None or not self.advice.origins:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import zone chart"), "",
            self.tr("Zone charts (*.json *.csv *.xlsx)"))
        if not path:
            return
        codes = [o.code for o in self.advice.origins]
        code, ok = QInputDialog.getItem(self, self.tr("Import zone chart"),
                                        self.tr("Warehouse whose chart this is:"), codes, 0,
                                        False)
        if not ok:
            return
        actor = self.ctx.actor

        def write(s: Session) -> ZoneImportReport:
            return import_zone_chart(s, path, code, actor=actor)

        def done(report: ZoneImportReport) -> None:
            self.show_info(self.tr("{carrier} zone chart imported for {warehouse}: "
                                   "%n ZIP3(s).", "", report.zip3s).format(
                carrier=report.carrier, warehouse=report.warehouse))
            self.reload()

        self.ctx.tasks.write(write, on_done=done, on_error=self._import_failed, owner=self)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ZoneImportRejected):
            lines = sorted({p.line for p in exc.report.problems})
            shown = ", ".join(str(n) for n in lines[:12]) + (" …" if len(lines) > 12 else "")
            self.messages.show_message(error_text(exc) + " " + self.tr(
                "Lines with problems: {lines}.").format(lines=shown), Level.ERROR)
            return
        self.show_error(exc)
