"""The Waves screen: plan a wave, see what batching saves, release it, follow its carts.

Top: which orders (warehouse and filters) and the cart size; *Plan* reads a plan
(nothing changes) and shows its carts and the walking figures "batched X m vs Y m
order by order"; *Release* makes that plan real after a confirmation. Bottom: the
released waves and, for the selected one, each cart's progress (picked / total
units, picker, state), with its paper pick lists a key away. Every read and write
runs on the task runner; the screen keeps nothing but the rows it was given.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.secrets import SecretStore
from app.services.changes import Changes
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.label_providers import provider_source
from app.services.organisation import list_clients, list_warehouses
from app.services.picking_dto import WaveDetail, WaveSummary
from app.services.wave_labels import WaveLabels, buy_wave_labels
from app.services.wave_plan import WaveFilters, WavePlan, plan_wave
from app.services.waves import get_wave, list_waves, release_wave
from app.ui.models.waves import CartsModel, PlanModel, WavesModel, metres
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.waves_filters import WaveFilterRow
from app.ui.pages.waves_print import WavePrinter
from app.ui.tasks import Task
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table
from printers.profiles import PrinterProfile

T = TypeVar("T")
WAVE_LIST_LIMIT = 200
#: Pickers confirm on other PCs, which send no change signal here: the progress of the
#: carts is read again this often while the screen is on show.
PROGRESS_REFRESH_MS = 30_000


@dataclass(frozen=True)
class Organisation:
    warehouses: list[WarehouseInfo]
    clients: list[ClientInfo]


def load_organisation(session: Session) -> Organisation:
    return Organisation(list_warehouses(session), list_clients(session))


@dataclass(frozen=True)
class PlanRequest:
    """What *Plan* was pressed with; *Release* sends the very same request."""

    warehouse: str
    filters: WaveFilters
    cart_orders: int
    cart_units: int | None


def _button(text: str, tip: str, key: QKeySequence | str) -> QPushButton:
    button = QPushButton(text)
    button.setShortcut(QKeySequence(key))
    native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(f"{tip} ({native})")
    return button


class WavesPage(Page):
    """Plan, release and follow waves of allocated orders."""

    listens_to = Changes.ORDERS | Changes.STOCK | Changes.ORGANISATION

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self._tasks: dict[str, Task[Any]] = {}
        self._plan: tuple[PlanRequest, WavePlan] | None = None
        self._selected_wave: str | None = None
        self._layout_restored = False
        self.printer = WavePrinter(self)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_REFRESH_MS)
        self._progress_timer.timeout.connect(self.reload_waves)
        self._build()
        self._load_organisation()  # then the waves of the first warehouse

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        # The screen's name as the sidebar shows it (one translation for both).
        title_row, self.count_label = self.title_row(
            QCoreApplication.translate("MainWindow", "Waves"))
        self.filter_row = WaveFilterRow()
        self.plan_button = _button(self.tr("&Plan"), self.tr("Plan carts for these orders; "
                                   "nothing changes until you release"), "Ctrl+Return")
        self.release_button = _button(self.tr("&Release…"), self.tr(
            "Release this plan: its orders go to picking"), "Ctrl+Shift+Return")
        self.release_button.setEnabled(False)
        self.figures = QLabel(self.tr("Choose the orders, then Plan (Ctrl+Enter)."))
        self.figures.setObjectName("WaveFigures")
        self.figures.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.figures.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.plan_button)
        actions.addWidget(self.release_button)
        actions.addSpacing(12)
        actions.addWidget(self.figures, 1)

        self.plan_model = PlanModel(self)
        self.plan_table = configure_table(QTableView())
        self.plan_table.setModel(self.plan_model)
        self.plan_table.setObjectName("PlanTable")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plan_table)
        split.addWidget(self._build_released())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.split = split

        body = self.body()
        body.addLayout(title_row)
        body.addWidget(self.filter_row)
        body.addLayout(actions)
        body.addWidget(split, 1)
        self._default_widths()
        self._connect()

    def _build_released(self) -> QWidget:
        """The released waves beside the selected wave's carts, with refresh and print."""
        heading = QLabel(self.tr("Released waves of this warehouse"))
        heading.setStyleSheet("font-weight: 600;")
        self.refresh_button = _button(self.tr("Refresh"), self.tr("Read the waves again"), "F5")
        self.print_button = _button(self.tr("Print pick &lists"), self.tr(
            "Print the pick list of the selected cart, or of every cart of the wave"), "Ctrl+P")
        self.print_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.refresh_button)

        self.waves_model = WavesModel(self)
        self.waves_table = configure_table(QTableView())
        self.waves_table.setModel(self.waves_model)
        self.carts_model = CartsModel(self)
        self.carts_table = configure_table(QTableView(), multi_select=True)
        self.carts_table.setModel(self.carts_model)
        self.cart_split = QSplitter(Qt.Orientation.Horizontal)
        self.cart_split.addWidget(self.waves_table)
        self.cart_split.addWidget(self.carts_table)
        self.cart_split.setChildrenCollapsible(False)
        self.cart_split.setStretchFactor(0, 5)
        self.cart_split.setStretchFactor(1, 6)

        released = QWidget()
        layout = QVBoxLayout(released)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.cart_split, 1)
        return released

    def _default_widths(self) -> None:
        """Plan columns that fit 1366 px: numbers whole, order numbers take the rest. The
        wave and cart lists size to what they hold (tens of rows) each time they load."""
        for column, size in enumerate([56, 70, 64, 64, 90]):
            self.plan_table.horizontalHeader().resizeSection(column, size)
        self.plan_table.horizontalHeader().setSectionResizeMode(
            PlanModel.NUMBERS, QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        self.plan_button.clicked.connect(self.plan)
        self.release_button.clicked.connect(self.release)
        self.refresh_button.clicked.connect(self.reload_waves)
        self.print_button.clicked.connect(self.print_pick_lists)
        self.filter_row.changed.connect(self._on_filters_changed)
        self.filter_row.warehouse.currentIndexChanged.connect(lambda _i: self.reload_waves())
        self.waves_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_wave_selected(current.row()))

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.filter_row.focus_first()

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.ORGANISATION:
            self._load_organisation()  # and then the waves
        else:
            self.reload_waves()

    def request(self) -> PlanRequest | None:
        code = self.filter_row.warehouse_code()
        if code is None:
            return None
        return PlanRequest(code, self.filter_row.filters(),
                           self.filter_row.cart_orders.value(),
                           self.filter_row.cart_units_limit())

    def plan(self) -> None:
        """Read a plan for the chosen orders and show its carts and figures."""
        request = self.request()
        if request is None:
            self.messages.show_message(self.tr("Choose a warehouse first."), Level.ERROR)
            return
        self.plan_button.setEnabled(False)
        self.figures.setText(self.tr("Planning…"))

        def run(s: Session) -> WavePlan:
            return plan_wave(s, request.warehouse, request.filters,
                             cart_orders=request.cart_orders, cart_units=request.cart_units)

        self._run("plan", self.ctx.tasks.read, run, lambda p: self._on_planned(request, p),
                  on_error=self._on_plan_failed)

    def release(self) -> None:
        """Release the plan on show, after the supervisor confirms it."""
        if self._plan is None:
            return
        request, plan = self._plan
        orders = sum(len(b.orders) for b in plan.batches)
        question = self.tr(
            "Release a wave of {orders} on {carts} in {warehouse}? Its orders go to picking "
            "and their pick lists can be printed.").format(
            orders=self.tr("%n order(s)", "", orders),
            carts=self.tr("%n cart(s)", "", len(plan.batches)),
            warehouse=request.warehouse)
        answer = QMessageBox.question(
            self, self.tr("Release wave"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.release_button.setEnabled(False)
        actor, station = self.ctx.actor, self.ctx.app.settings.station_name
        printer = self.printer.label_printer()

        def run(s: Session) -> Saved:
            return Saved(release_wave(s, request.warehouse, request.filters,
                                      cart_orders=request.cart_orders,
                                      cart_units=request.cart_units, actor=actor,
                                      label_printer=printer, station=station),
                         Changes.ORDERS | Changes.STOCK)  # the Orders screen shows picking

        self._run("release", self.ctx.tasks.write, run,
                  lambda saved: self._on_released(saved.value, printer),
                  on_error=self._on_release_failed)

    def reload_waves(self) -> None:
        """The chosen warehouse's waves (the one being planned), newest first."""
        code = self.filter_row.warehouse_code()
        if code is None:
            return
        self._run("waves", self.ctx.tasks.read,
                  lambda s: list_waves(s, warehouse_code=code)[:WAVE_LIST_LIMIT],
                  self._on_waves)

    def print_pick_lists(self) -> None:
        """The selected carts' pick lists (every cart of the wave when none is selected)."""
        rows = sorted({i.row() for i in self.carts_table.selectionModel().selectedRows()})
        codes = [self.carts_model.row(r).code for r in rows] or [
            self.carts_model.row(r).code for r in range(self.carts_model.rowCount())]
        if not codes:
            return
        self.printer.print_pick_lists(codes)

    # -- results -----------------------------------------------------------------------

    def _run(self, key: str, submit: Callable[..., Task[T]], fn: Callable[[Session], T],
             on_done: Callable[[T], None],
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Start a task, dropping an older one of the same kind still on its way."""
        old = self._tasks.get(key)
        if old is not None:
            old.discard()
        self._tasks[key] = submit(fn, on_done=on_done, on_error=on_error or self.show_error,
                                  owner=self)

    def _load_organisation(self) -> None:
        def loaded(org: Organisation) -> None:
            self.filter_row.set_choices(org.warehouses, org.clients)
            self.reload_waves()

        self._run("organisation", self.ctx.tasks.read, load_organisation, loaded)

    def _on_filters_changed(self) -> None:
        """A plan for other filters is not what Release would make: ask for a new one."""
        if self._plan is not None:
            self._plan = None
            self.plan_model.set_batches(())
            self.release_button.setEnabled(False)
            self.figures.setText(self.tr("The choice changed: Plan again (Ctrl+Enter)."))

    def _on_planned(self, request: PlanRequest, plan: WavePlan) -> None:
        self.plan_button.setEnabled(True)
        self.plan_model.set_batches(plan.batches)
        if not plan.batches:
            self._plan = None
            self.release_button.setEnabled(False)
            self.figures.setText(self.tr("No allocated orders match this choice."))
            return
        self._plan = (request, plan)
        self.release_button.setEnabled(True)
        self.figures.setText(self.figures_text(plan))

    def figures_text(self, plan: WavePlan) -> str:
        """"Batched X m vs Y m order by order", the saving, and first-come-first-served."""
        orders = sum(len(b.orders) for b in plan.batches)
        saving = 1 - plan.batched_distance_m / plan.single_order_distance_m \
            if plan.single_order_distance_m else 0.0
        return self.tr(
            "{orders} on {carts}: batched {batched} vs {single} order by order "
            "({saving} less walking); first-come-first-served carts: {fcfs}").format(
            orders=self.tr("%n order(s)", "", orders),
            carts=self.tr("%n cart(s)", "", len(plan.batches)),
            batched=metres(plan.batched_distance_m),
            single=metres(plan.single_order_distance_m),
            saving=QLocale().toString(round(saving * 100)) + "%",
            fcfs=metres(plan.fcfs_distance_m))

    def _on_plan_failed(self, error: BaseException) -> None:
        self.plan_button.setEnabled(True)
        self.figures.setText("")
        self.show_error(error)

    def _on_released(self, wave: WaveSummary, printer: PrinterProfile | None) -> None:
        self._plan = None
        self.plan_model.set_batches(())
        self.figures.setText("")
        self._selected_wave = wave.number
        self.messages.show_message(self.tr(
            "Wave {wave} released: {orders} on {carts}. Print the pick lists (Ctrl+P)."
        ).format(wave=wave.number, orders=self.tr("%n order(s)", "", wave.orders),
                 carts=self.tr("%n cart(s)", "", wave.carts)), Level.SUCCESS)
        if wave.label_jobs and printer is not None:
            self.printer.send_label_jobs(wave.label_jobs, printer)  # label first: in pick order
        if wave.label_first:
            self._buy_labels(wave.number, printer)
        self.reload_waves()

    def _buy_labels(self, number: str, printer: PrinterProfile | None) -> None:
        """A label-first wave's carrier labels, bought now that the release is committed
        (HTTP: on the ``carriers`` lane), then all its labels sent in pick order."""
        db, actor = self.ctx.tasks.db, self.ctx.actor
        station = self.ctx.app.settings.station_name

        def work() -> WaveLabels:
            with closing(provider_source(db, SecretStore())) as providers:
                return buy_wave_labels(db, number, providers=providers, actor=actor,
                                       label_printer=printer, station=station)

        def done(labels: WaveLabels) -> None:
            if labels.label_jobs and printer is not None:
                self.printer.send_label_jobs(labels.label_jobs, printer)
            if labels.failed:
                order, why = labels.failed[0]
                self.messages.show_message(self.tr(
                    "%n carrier label(s) of wave {wave} not bought (order {order}: {why}); "
                    "bought at packing instead.", "", len(labels.failed)).format(
                        wave=number, order=order, why=why), Level.WARNING)

        self.ctx.tasks.lane("carriers").submit(work, on_done=done, on_error=self.show_error,
                                               owner=self)

    def _on_release_failed(self, error: BaseException) -> None:
        self.release_button.setEnabled(self._plan is not None)
        self.show_error(error)

    def _on_waves(self, waves: list[WaveSummary]) -> None:
        self.waves_model.set_rows(waves)
        self.waves_table.resizeColumnsToContents()
        self.count_label.setText(self.tr("%n wave(s)", "", len(waves)))
        numbers = [w.number for w in waves]
        wanted = self._selected_wave if self._selected_wave in numbers else (
            numbers[0] if numbers else None)
        if wanted is None:
            self.carts_model.set_rows([])
            self.print_button.setEnabled(False)
            return
        index = self.waves_model.index(numbers.index(wanted), 0)
        self.waves_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._load_wave(wanted)

    def _on_wave_selected(self, row: int) -> None:
        if row < 0:
            return
        number = str(self.waves_model.row(row).number)
        if number != self._selected_wave or not self.carts_model.rowCount():
            self._selected_wave = number
            self._load_wave(number)

    def _load_wave(self, number: str) -> None:
        self._selected_wave = number
        self._run("wave", self.ctx.tasks.read, lambda s: get_wave(s, number), self._on_wave)

    def _on_wave(self, wave: WaveDetail) -> None:
        if wave.summary.number != self._selected_wave:
            return
        self.carts_model.set_rows(wave.carts)
        self.carts_table.resizeColumnsToContents()
        self.print_button.setEnabled(bool(wave.carts))

    # -- layout memory -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._progress_timer.start()
        if not self._layout_restored:
            self._layout_restored = True
            self._restore_layout()

    def hideEvent(self, event: QHideEvent) -> None:
        self._progress_timer.stop()
        self._save_layout()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        super().closeEvent(event)

    def _layout_items(self) -> dict[str, QHeaderView | QSplitter]:
        return {
            "waves/plan_header": self.plan_table.horizontalHeader(),
            "waves/split": self.split,
            "waves/cart_split": self.cart_split,
        }

    def _save_layout(self) -> None:
        if not self._layout_restored:
            return
        for key, item in self._layout_items().items():
            self.ctx.ui_settings.setValue(key, item.saveState())

    def _restore_layout(self) -> None:
        for key, item in self._layout_items().items():
            state = self.ctx.ui_settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                item.restoreState(state)
