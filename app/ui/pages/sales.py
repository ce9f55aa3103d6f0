"""The Sales by region screen: where a seller's orders go, to decide where to stock.

Period (both days included), client and SKU filters; a US state tile map shaded by
units, the table of states, the Census regions and the US-West / US-East split with
their best sellers; export to CSV, XLSX or PDF (the same file ``haicang report sales
--export`` writes). Every query runs on the task runner.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.errors import QT_TRANSLATE_NOOP
from app.domain.regions import OTHER, census_region, warehouse_region
from app.services.organisation import list_clients
from app.services.sales_export import export_sales
from app.services.sales_report import SalesBy, SalesReport, SalesRow, sales_by_region
from app.ui.pages.admin_clients_common import PlainRowsModel
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.state_tile_map import StateTileMap
from app.ui.widgets.tables import configure_table

#: Region names as the screen shows them (the report keeps the English name).
REGION_TEXT = {
    "Northeast": QT_TRANSLATE_NOOP("SalesPage", "Northeast"),
    "Midwest": QT_TRANSLATE_NOOP("SalesPage", "Midwest"),
    "South": QT_TRANSLATE_NOOP("SalesPage", "South"),
    "West": QT_TRANSLATE_NOOP("SalesPage", "West"),
    "US-West": QT_TRANSLATE_NOOP("SalesPage", "US-West"),
    "US-East": QT_TRANSLATE_NOOP("SalesPage", "US-East"),
    OTHER: QT_TRANSLATE_NOOP("SalesPage", "Other"),
}


def region_text(name: str) -> str:
    return QCoreApplication.translate("SalesPage", REGION_TEXT.get(name, name))


class StatesModel(PlainRowsModel):
    def headers(self) -> list[str]:
        return [self.tr("State"), self.tr("Census region"), self.tr("Warehouse region"),
                self.tr("Orders"), self.tr("Units")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({3, 4})

    def display(self, row: Any, column: int) -> str:
        r: SalesRow = row
        return [r.key, region_text(census_region(r.key)), region_text(warehouse_region(r.key)),
                str(r.orders), str(r.units)][column]

    def sort_value(self, row: Any, column: int) -> Any:
        r: SalesRow = row
        return (r.orders, r.units)[column - 3] if column >= 3 else self.display(row, column)


class RegionsModel(PlainRowsModel):
    """Regions with their share of units and best sellers."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 0
        self.tops: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Region"), self.tr("Orders"), self.tr("Units"), self.tr("Share"),
                self.tr("Best sellers")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({1, 2, 3})

    def display(self, row: Any, column: int) -> str:
        r: SalesRow = row
        share = f"{100 * r.units / self.total:.0f}%" if self.total else "–"
        return [region_text(r.key), str(r.orders), str(r.units), share,
                self.tops.get(r.key, "")][column]


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Sales by region")


class SalesPage(Page):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.report: SalesReport | None = None
        title, self.summary = self.title_row(page_title())
        self.body().addLayout(title)

        filters = QHBoxLayout()
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - today.day()).addMonths(-2))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.client = QComboBox()
        self.client.setMinimumWidth(180)
        self.sku = QLineEdit()
        self.sku.setPlaceholderText(self.tr("Any SKU"))
        self.sku.setClearButtonEnabled(True)
        self.sku.setMaximumWidth(160)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reload)
        self.sku.returnPressed.connect(self.reload)
        for text, widget in ((self.tr("From"), self.start), (self.tr("to"), self.end),
                             (self.tr("Client"), self.client), (self.tr("SKU"), self.sku)):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        self.exports: list[QPushButton] = []
        for suffix in ("csv", "xlsx", "pdf"):
            button = QPushButton(self.tr("Export {format}").format(format=suffix.upper()))
            button.clicked.connect(lambda _=False, s=suffix: self.export(s))
            button.setEnabled(False)
            filters.addWidget(button)
            self.exports.append(button)
        self.body().addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.map = StateTileMap()
        left_box.addWidget(self.map, 1)
        self.basis = QLabel(self.tr("Units of orders not cancelled, by ship-to state."))
        self.basis.setObjectName("Muted")
        self.basis.setWordWrap(True)
        left_box.addWidget(self.basis)
        split.addWidget(left)
        self.tabs = QTabWidget()
        self.states = StatesModel()
        self.regions = RegionsModel()
        self.split = RegionsModel()
        self.by_tab: list[SalesBy] = []
        for model, label, by in ((self.states, self.tr("By state"), SalesBy.STATE),
                                 (self.regions, self.tr("Census regions"), SalesBy.REGION),
                                 (self.split, self.tr("East / West"), SalesBy.REGION)):
            view = configure_table(QTableView())
            view.setModel(model)
            view.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            self.tabs.addTab(view, label)
            self.by_tab.append(by)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 620])
        self.body().addWidget(split, 1)
        self._loaded_clients = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_clients:
            self._loaded_clients = True
            self._load_clients()

    def _load_clients(self) -> None:
        def done(clients: list[tuple[str, str]]) -> None:
            self.client.clear()
            self.client.addItem(self.tr("All clients"), "")
            for code, name in clients:
                self.client.addItem(f"{code} · {name}", code)
            self.reload()

        self.ctx.tasks.read(lambda s: [(c.code, c.name) for c in list_clients(s)],
                            on_done=done, on_error=self.show_error, owner=self)

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        start, end = self.period()
        client = self.client.currentData() or None
        sku = self.sku.text().strip() or None

        def read(s: Session) -> SalesReport:
            return sales_by_region(s, start, end, client_code=client, sku_code=sku)

        self.ctx.tasks.read(read, on_done=self._show, on_error=self.show_error, owner=self)

    def _show(self, report: SalesReport) -> None:
        self.report = report
        self.map.set_values({r.key: r.units for r in report.states}, self.tr("units"))
        self.states.set_rows(list(report.states))
        for model, rows in ((self.regions, report.regions), (self.split, report.split)):
            model.total = report.units
            model.tops = {name: ", ".join(f"{t.sku} ({t.units})" for t in tops[:3])
                          for name, tops in report.top_skus.items()}
            model.set_rows(list(rows))
        self.summary.setText(self.tr("%n order(s)", "", report.orders) + " · "
                             + self.tr("%n unit(s)", "", report.units))
        for button in self.exports:
            button.setEnabled(True)

    def export(self, suffix: str) -> None:
        if self.report is None:
            return
        report = self.report
        by = self.by_tab[self.tabs.currentIndex()]
        start, end = self.period()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export sales by region"), f"sales-{start}-{end}.{suffix}",
            f"{suffix.upper()} (*.{suffix})")
        if not path:
            return
        self.ctx.tasks.read(lambda _s: export_sales(report, by, path),
                            on_done=lambda p: self.show_info(
                                self.tr("Saved {path}.").format(path=p)),
                            on_error=self.show_error, owner=self)
