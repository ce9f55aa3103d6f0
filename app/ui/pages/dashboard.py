"""The Dashboard, the first screen of admins and clerks: today at a glance.

Tiles (placed today, late against ship-by, backordered, low and out-of-stock SKUs, open
shipping exceptions) that open the screen behind them, and charts drawn with pyqtgraph:
orders by status, lines picked / parcels packed / orders shipped per hour today and per
user. pyqtgraph rather than QtCharts because the app ships PySide6-Essentials, whose
wheel has no QtCharts (it lives in the much larger PySide6-Addons); it is imported when
the screen is first built, not at start-up.

All figures come from :func:`app.services.dashboard.load_dashboard` on the task runner:
when the screen is shown, every :data:`REFRESH_MS` while it is visible, and after writes;
a refresh never starts while the previous one is still running.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.dashboard import Dashboard, load_dashboard
from app.ui.models.orders import status_text
from app.ui.pages.base import Page, PageContext

#: How often the figures reload while the screen is shown.
REFRESH_MS = 60_000
#: Picked, packed, shipped: the charts' colours (colour-blind safe blue, orange, green).
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c")


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Dashboard")


class Tile(QFrame):
    """A figure with its name; clicking it opens the screen behind it."""

    clicked = Signal()

    def __init__(self, caption: str, link: tuple[str, str] | None) -> None:
        super().__init__()
        self.setObjectName("DashboardTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.link = link
        self.value = QLabel("–")
        self.value.setObjectName("DashboardFigure")
        self.caption = QLabel(caption)
        self.caption.setObjectName("Muted")
        self.caption.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(self.value)
        box.addWidget(self.caption)
        if link:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_value(self, value: int, alert: bool = False) -> None:
        self.value.setText(str(value))
        colour = "#b42318" if alert and value else "#23303d"
        self.value.setStyleSheet(f"font-size: 24px; font-weight: 600; color: {colour};")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.link and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(Page):
    listens_to = Changes.ORDERS | Changes.STOCK

    def __init__(self, ctx: PageContext) -> None:
        import pyqtgraph as pg

        super().__init__(ctx)
        self._pg = pg
        self.dashboard: Dashboard | None = None
        self._loading = False
        title, self.as_of = self.title_row(page_title())
        self.body().addLayout(title)

        tiles = QHBoxLayout()
        self.tiles: dict[str, Tile] = {}
        for key, caption, link in (
                ("placed", self.tr("Orders placed today"), ("orders", "")),
                ("late", self.tr("Late: not shipped by their ship-by"), ("orders", "late")),
                ("backordered", self.tr("Backordered orders"), ("orders", "status:backordered")),
                ("low", self.tr("SKUs low on stock"), ("inventory", "")),
                ("out", self.tr("SKUs out of stock"), ("inventory", "")),
                ("exceptions", self.tr("Open shipping exceptions"), ("shipping", ""))):
            tile = Tile(caption, link)
            tile.clicked.connect(lambda t=tile: self.navigate_requested.emit(*t.link))
            tiles.addWidget(tile)
            self.tiles[key] = tile
        self.body().addLayout(tiles)

        pg.setConfigOptions(antialias=True, background="w", foreground="#23303d")
        grid = QGridLayout()
        self.status_plot = self._plot(self.tr("Orders by status now"))
        self.hour_plot = self._plot(self.tr("Today per hour"))
        self.user_plot = self._plot(self.tr("Today per user"))
        self.low_list = QLabel()
        self.low_list.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.low_list.setWordWrap(True)
        low = QWidget()
        low_box = QVBoxLayout(low)
        low_box.setContentsMargins(8, 0, 0, 0)
        heading = QLabel(self.tr("Low and out of stock"))
        heading.setObjectName("SectionTitle")
        low_box.addWidget(heading)
        low_box.addWidget(self.low_list, 1)
        grid.addWidget(self.status_plot, 0, 0)
        grid.addWidget(self.hour_plot, 0, 1)
        grid.addWidget(self.user_plot, 1, 0)
        grid.addWidget(low, 1, 1)
        self.body().addLayout(grid, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)

    def _plot(self, title: str) -> Any:
        plot = self._pg.PlotWidget()
        plot.setTitle(title, size="10pt")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(y=True, alpha=0.2)
        plot.setMinimumHeight(200)
        return plot

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def on_changes(self, changes: Changes) -> None:
        if changes & self.listens_to and self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True

        def finished(d: Dashboard) -> None:
            self._loading = False
            self.show_dashboard(d)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.show_error(exc)

        self.ctx.tasks.read(lambda s: load_dashboard(s), on_done=finished, on_error=failed,
                            owner=self)

    # -- showing -------------------------------------------------------------------------

    def show_dashboard(self, d: Dashboard) -> None:
        self.dashboard = d
        self.as_of.setText(self.tr("as of {time}").format(
            time=d.as_of.astimezone().strftime("%H:%M")))
        values = {"placed": (d.placed_today, False), "late": (d.late, True),
                  "backordered": (d.backordered, True), "low": (d.low_stock, True),
                  "out": (d.out_of_stock, True), "exceptions": (d.exceptions, True)}
        for key, (value, alert) in values.items():
            self.tiles[key].set_value(value, alert)
        statuses = [s for s in d.statuses if s.now]
        self._bars(self.status_plot, [status_text(s.status) for s in statuses],
                   [[s.now for s in statuses]], [self.tr("Orders")])
        series = [self.tr("Lines picked"), self.tr("Parcels packed"), self.tr("Orders shipped")]
        self._bars(self.hour_plot, [h.key for h in d.hours],
                   [[h.picked for h in d.hours], [h.packed for h in d.hours],
                    [h.shipped for h in d.hours]], series)
        users = d.users[:8]
        self._bars(self.user_plot, [u.key for u in users],
                   [[u.picked for u in users], [u.packed for u in users],
                    [u.shipped for u in users]], series)
        rows = [f"{r.client} {r.sku}: " + (self.tr("out") if r.out else self.tr(
            "{days} days of cover").format(days=r.days_of_cover)) for r in d.low_rows]
        more = d.low_stock + d.out_of_stock - len(rows)
        if more > 0:
            rows.append(self.tr("… and %n more", "", more))
        self.low_list.setText("\n".join(rows) or self.tr("Nothing low or out of stock."))

    def _bars(self, plot: Any, labels: list[str], series: list[list[int]],
              names: list[str]) -> None:
        """Grouped bars: one group per label, one bar per series."""
        pg = self._pg
        plot.clear()
        if plot.plotItem.legend is not None:
            plot.plotItem.legend.scene().removeItem(plot.plotItem.legend)
            plot.plotItem.legend = None
        if len(series) > 1:
            plot.addLegend(offset=(-4, 4), labelTextSize="8pt")
        width = 0.8 / len(series)
        for i, (values, name) in enumerate(zip(series, names, strict=True)):
            xs = [n - 0.4 + width * (i + 0.5) for n in range(len(values))]
            plot.addItem(pg.BarGraphItem(x=xs, height=values, width=width * 0.9,
                                         brush=SERIES[i % len(SERIES)], pen=None, name=name))
        axis = plot.getAxis("bottom")
        step = max(1, len(labels) // 12)
        axis.setTicks([[(n, text) for n, text in enumerate(labels) if n % step == 0]])
        top = max((v for values in series for v in values), default=0)
        plot.setYRange(0, max(top, 1) * 1.15, padding=0)
        plot.setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)

