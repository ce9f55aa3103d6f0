"""The Replenishment screen: refill pick bins from storage, by scanner, and their min/max.

*Tasks*: scan the storage bin you take from (or a task number, or click a row), then the
pick bin you put the units into; a bin that is not the task's is refused in red with
the error sound. *Plan now* (F4) makes the tasks the pick bins need (allocation does it
too, for the SKUs it reserved). *Min/max*: each SKU's limits per pick bin, set in the
form below the table (those who may move stock).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.services.changes import Changes
from app.services.replenishment import (
    ReplenishLimitInfo,
    ReplenishPlan,
    ReplenishResult,
    ReplenishTaskInfo,
    confirm_replenishment,
    list_replenish_limits,
    list_replenish_tasks,
    plan_replenishment,
    set_replenish_limit,
)
from app.ui.i18n import error_text
from app.ui.models.stock_tasks import LimitsModel, ReplenishModel
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import PageContext
from app.ui.pages.floor_tasks import FloorTaskPage, key_button
from app.ui.widgets.sounds import Sound
from app.ui.widgets.tables import configure_table, fit_columns

TASKS_TAB, LIMITS_TAB = 0, 1


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Replenishment")


class ReplenishmentPage(FloorTaskPage):
    """Scan the storage bin, then the pick bin; Plan now; the min/max table."""

    settings_prefix = "replenishment"

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, page_title())
        #: The task chosen by the last scan or click; the next scan is its pick bin.
        self.current: ReplenishTaskInfo | None = None
        self.plan_button = key_button(self.tr("Plan now"), "F4")
        self.plan_button.clicked.connect(self.plan_now)
        self.clear_button = key_button(self.tr("Other task"), "F2")
        self.clear_button.clicked.connect(self.clear_task)
        self.buttons.addWidget(self.plan_button)
        self.buttons.addWidget(self.clear_button)
        self.finish_layout()
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self._tasks_tab(), self.tr("Tasks"))
        self.tabs.addTab(self._limits_tab(), self.tr("Min/max"))
        body = self.body()
        body.addLayout(self.title_layout)
        body.addLayout(self.buttons)
        body.addWidget(self.tabs, 1)
        body.addWidget(self.banner)
        body.addWidget(self.scan)
        self.say(self.tr("Scan the storage bin you take from (or a task number)."), "info")
        self.load_warehouses()

    def _tasks_tab(self) -> QWidget:
        self.model = ReplenishModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.clicked.connect(self._clicked)
        fit_columns(self.table, ["00000", "CLIENT", "SKU-CODE-0001", "A product name of some",
                                 "B-01-02-01", "A-01-01-01", "0000"])
        return self.table

    def _limits_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        self.limits = LimitsModel(self)
        self.limits_table = configure_table(QTableView())
        self.limits_table.setModel(self.limits)
        self.limits_table.clicked.connect(self._limit_clicked)
        fit_columns(self.limits_table, ["A-01-01-01", "CLIENT", "SKU-CODE-0001", "0000",
                                        "0000", "00000", "00000"])
        layout.addWidget(self.limits_table, 1)
        self.limit_bin, self.limit_sku, self.limit_client = QLineEdit(), QLineEdit(), QLineEdit()
        self.limit_client.setPlaceholderText(self.tr("only if two clients have the SKU"))
        self.limit_min, self.limit_max = QSpinBox(), QSpinBox()
        self.limit_min.setRange(0, 99999)
        self.limit_max.setRange(1, 99999)
        self.limit_save = QPushButton(self.tr("Set min/max"))
        self.limit_save.clicked.connect(self.save_limit)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.limit_bin)
        row.addWidget(self.limit_sku)
        row.addWidget(self.limit_client)
        form.addRow(self.tr("Pick bin · SKU · client"), row)
        numbers = QHBoxLayout()
        numbers.addWidget(self.limit_min)
        numbers.addWidget(self.limit_max)
        numbers.addWidget(self.limit_save)
        numbers.addStretch(1)
        form.addRow(self.tr("Min · max"), numbers)
        self.limit_bin.setPlaceholderText(self.tr("Pick bin"))
        self.limit_sku.setPlaceholderText(self.tr("SKU"))
        may = self.ctx.actor.may(Permission.MOVE_STOCK)
        for widget in (self.limit_bin, self.limit_sku, self.limit_client, self.limit_min,
                       self.limit_max, self.limit_save):
            widget.setEnabled(may)
        layout.addLayout(form)
        return page

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        code = self.warehouse_code()
        if not code:
            self.model.set_rows([])
            self.limits.set_rows([])
            return

        def read(s: Session) -> tuple[list[ReplenishTaskInfo], list[ReplenishLimitInfo]]:
            return list_replenish_tasks(s, code), list_replenish_limits(s, code)

        self._read(read, self._show)

    def _show(self, rows: tuple[list[ReplenishTaskInfo], list[ReplenishLimitInfo]]) -> None:
        tasks, limits = rows
        self.model.set_rows(tasks)
        self.limits.set_rows(limits)
        self.count_label.setText(self.tr("%n open task(s)", "", len(tasks)))
        if self.current is not None and all(t.id != self.current.id for t in tasks):
            self.clear_task(quiet=True)

    def plan_now(self) -> None:
        code = self.warehouse_code()
        if code is None:
            return
        actor = self.ctx.actor

        def done(saved: Saved) -> None:
            plan: ReplenishPlan = saved.value
            if plan.created:
                self.ok(self.tr("%n new task(s).", "", len(plan.created)))
            else:
                self.say(self.tr("No pick bin needs stock now."), "info")
            self.reload()

        self.ctx.tasks.write(
            lambda s: Saved(plan_replenishment(s, code, actor=actor), Changes.STOCK),
            on_done=done, on_error=lambda e: self.refuse(error_text(e)), owner=self)

    def save_limit(self) -> None:
        code = self.warehouse_code()
        if code is None:
            return
        actor = self.ctx.actor
        values = (self.limit_bin.text(), self.limit_sku.text(),
                  self.limit_client.text().strip() or None, self.limit_min.value(),
                  self.limit_max.value())

        def run(s: Session) -> ReplenishLimitInfo:
            bin_code, sku, client, low, high = values
            return set_replenish_limit(s, warehouse_code=code, bin_code=bin_code, sku_code=sku,
                                       client_code=client, min_qty=low, max_qty=high,
                                       actor=actor)

        def done(saved: Saved) -> None:
            x: ReplenishLimitInfo = saved.value
            self.show_info(self.tr("{bin}: {sku} min {min}, max {max}.").format(
                bin=x.bin_code, sku=x.sku_code, min=x.min_qty, max=x.max_qty))
            self.reload()

        self.ctx.tasks.write(lambda s: Saved(run(s), Changes.STOCK), on_done=done,
                             on_error=self.show_error, owner=self)

    # -- choosing a task ---------------------------------------------------------------

    def clear_task(self, quiet: bool = False) -> None:
        self.current = None
        self.model.current = None
        self.model.layoutChanged.emit()
        if not quiet:
            self.say(self.tr("Scan the storage bin you take from (or a task number)."), "info")
        self.scan.setFocus()

    def _clicked(self, index: QModelIndex) -> None:
        self._choose(self.model.task(index.row()))

    def _limit_clicked(self, index: QModelIndex) -> None:
        x = self.limits.limit(index.row())
        self.limit_bin.setText(x.bin_code)
        self.limit_sku.setText(x.sku_code)
        self.limit_client.setText(x.client_code)
        self.limit_min.setValue(x.min_qty)
        self.limit_max.setValue(x.max_qty)

    def _choose(self, task: ReplenishTaskInfo) -> None:
        self.current = task
        self.model.current = task.id
        self.model.layoutChanged.emit()
        self.say(self.tr("Task {task}: take {qty} × {sku} from {source}, put them into "
                         "{target} and scan {target}.").format(
            task=task.id, qty=task.quantity, sku=task.sku_code, source=task.from_bin,
            target=task.to_bin), "info")
        self.scan.setFocus()

    # -- scanning ----------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        scanned = text.strip().upper()
        tasks = self.model.tasks()
        if self.current is None:
            task = next((t for t in tasks if str(t.id) == scanned), None) or next(
                (t for t in tasks if t.from_bin == scanned), None)
            if task is None:
                self.refuse(self.tr("No open replenishment task from '{scan}'.").format(
                    scan=text.strip()))
            else:
                self.sounds.play(Sound.OK)
                self._choose(task)
            self.scan_done()
            return
        task = self.current
        actor = self.ctx.actor

        def run(s: Session) -> ReplenishResult:
            return confirm_replenishment(s, task.id, from_bin=task.from_bin, to_bin=scanned,
                                         actor=actor)

        def done(result: ReplenishResult) -> None:
            t = result.task
            self.current = None
            self.model.current = None
            self.ok(self.tr("Moved {qty} × {sku} from {source} to {target}.").format(
                qty=t.quantity, sku=t.sku_code, source=t.from_bin, target=t.to_bin))

        self.write(run, done)
