"""The Put-away screen: units waiting at the dock go into bins, by scanner.

Scan a task number, or a SKU's code or barcode (its oldest open task), or click a row:
the banner names the units and the suggested bin. Then scan the bin they went into —
the suggested one or another with room, which is recorded ("instead of ..."). A bin
that is full, inactive, of the wrong type, or holds another lot of the SKU is refused
in red with the error sound, and nothing changes. Opening the screen (and F5) gives
every open task without a suggestion one (:func:`app.services.putaway.plan_putaway`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from sqlalchemy.orm import Session

from app.services.putaway import (
    PutawayResult,
    PutawayTaskInfo,
    confirm_putaway,
    plan_putaway,
    tasks_for_scan,
)
from app.ui.models.stock_tasks import PutawayModel
from app.ui.pages.base import PageContext
from app.ui.pages.floor_tasks import FloorTaskPage, key_button
from app.ui.widgets.sounds import Sound
from app.ui.widgets.tables import configure_table, fit_columns


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Put-away")


class PutawayPage(FloorTaskPage):
    """Scan a task (or its SKU), then the bin the units went into."""

    settings_prefix = "putaway"

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, page_title())
        #: The task chosen by the last scan or click; the next bin scan confirms it.
        self.current: PutawayTaskInfo | None = None
        self.model = PutawayModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.clicked.connect(self._clicked)
        fit_columns(self.table, ["00000", "CLIENT", "SKU-CODE-0001", "A product name of some",
                                 "0000", "LOT-0000", "RCV-01", "A-01-01-01", "ASN-2026-0001"])
        self.clear_button = key_button(self.tr("Other task"), "F2")
        self.clear_button.clicked.connect(self.clear_task)
        self.buttons.addWidget(self.clear_button)
        self.finish_layout()
        body = self.body()
        body.addLayout(self.title_layout)
        body.addLayout(self.buttons)
        body.addWidget(self.table, 1)
        body.addWidget(self.banner)
        body.addWidget(self.scan)
        self.say(self.tr("Scan a task number or a SKU."), "info")
        self.load_warehouses()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        code = self.warehouse_code()
        if not code:
            self.model.set_rows([])
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: plan_putaway(s, code, actor=actor),
                             on_done=self._show_tasks, on_error=self.show_error, owner=self)

    def _show_tasks(self, rows: list[PutawayTaskInfo]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n open task(s)", "", len(rows)))
        if self.current is not None:
            fresh = next((t for t in rows if t.id == self.current.id), None)
            if fresh is None:
                self.clear_task(quiet=True)
            else:
                self._choose(fresh, quiet=True)

    # -- choosing a task ---------------------------------------------------------------

    def clear_task(self, quiet: bool = False) -> None:
        self.current = None
        self.model.current = None
        self.model.layoutChanged.emit()
        if not quiet:
            self.say(self.tr("Scan a task number or a SKU."), "info")
        self.scan.setFocus()

    def _clicked(self, index: QModelIndex) -> None:
        self._choose(self.model.task(index.row()))

    def _choose(self, task: PutawayTaskInfo, quiet: bool = False) -> None:
        self.current = task
        self.model.current = task.id
        self.model.layoutChanged.emit()
        if quiet:
            return
        lot = self.tr(" (lot {lot})").format(lot=task.lot) if task.lot else ""
        if task.suggested_bin:
            text = self.tr("Task {task}: {qty} × {sku}{lot} from {source}. Put into "
                           "{bin} and scan the bin.").format(
                task=task.id, qty=task.quantity, sku=task.sku_code, lot=lot,
                source=task.from_bin, bin=task.suggested_bin)
        else:
            text = self.tr("Task {task}: {qty} × {sku}{lot} from {source}. No bin has room: "
                           "scan the bin you put them into.").format(
                task=task.id, qty=task.quantity, sku=task.sku_code, lot=lot,
                source=task.from_bin)
        self.say(text, "info")
        self.scan.setFocus()

    # -- scanning ----------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        code = self.warehouse_code()
        if code is None:
            self.refuse(self.tr("Choose a warehouse first."))
            self.scan_done()
            return
        if self.current is None:
            self._find_task(code, text)
        else:
            self._confirm(self.current, text)

    def _find_task(self, code: str, text: str) -> None:
        def found(ids: list[int]) -> None:
            task = next((t for t in self.model.tasks() if t.id in ids), None)
            if task is None:
                self.refuse(self.tr("No open put-away task for '{scan}'.").format(scan=text))
            else:
                self.sounds.play(Sound.OK)
                self._choose(task)
            self.scan_done()

        def failed(error: BaseException) -> None:
            self.show_error(error)
            self.scan_done()

        self.ctx.tasks.read(lambda s: tasks_for_scan(s, code, text), on_done=found,
                            on_error=failed, owner=self)

    def _confirm(self, task: PutawayTaskInfo, bin_code: str) -> None:
        actor = self.ctx.actor

        def run(s: Session) -> PutawayResult:
            return confirm_putaway(s, task.id, bin_code, actor=actor)

        def done(result: PutawayResult) -> None:
            t = result.task
            text = self.tr("Put away {qty} × {sku} into {bin}.").format(
                qty=t.quantity, sku=t.sku_code, bin=t.to_bin)
            if result.instead_of:
                text += " " + self.tr("Recorded instead of {bin}.").format(bin=result.instead_of)
            if result.allocated_orders:
                text += " " + self.tr("%n backordered order(s) allocated.", "",
                                      len(result.allocated_orders))
            self.current = None
            self.model.current = None
            self.ok(text)

        self.write(run, done)
