"""The Returns screen: a parcel comes back to the dock, by scanner.

Scan the return label's tracking number (or the order number, or an RMA number to go on
with one): the RMA opens - a tracking number nobody knows opens one for the client
chosen above, for the office to match. Then choose the grade (F6 resellable, F7 damaged,
F8 dispose), the quantity, and optionally a bin and a reason, and scan each SKU: every
scan books the units back (:func:`app.services.returns.receive_return`); the first units
move the order to returned. Close return [F9] ends the chosen RMA when nothing more
will come; one that received nothing needs a second F9 (the parcel will not come). A
refusal is said in red with the error sound and nothing changes. The list shows the
RMAs, of one client when one is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from sqlalchemy.orm import Session

from app.services.dto import ClientInfo
from app.services.organisation import list_clients
from app.services.returns import (
    ReturnInfo,
    ReturnReceived,
    close_return,
    list_returns,
    open_return_for_scan,
    receive_return,
)
from app.ui.models.stock_control import ReturnsModel
from app.ui.pages.base import PageContext
from app.ui.pages.floor_tasks import FloorTaskPage, key_button
from app.ui.widgets.sounds import Sound
from app.ui.widgets.tables import configure_table, fit_columns

GRADES = ("resellable", "damaged", "dispose")


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Returns")


class ReturnsPage(FloorTaskPage):
    """Scan a return label, then the SKUs that came back, each with its grade."""

    settings_prefix = "returns"

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, page_title())
        self.current: ReturnInfo | None = None
        # The RMA with nothing received whose close was asked once (F9 again forces it).
        self.close_asked: str | None = None
        self.client = QComboBox()
        self.client.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.client.currentIndexChanged.connect(lambda _i: self.reload())
        self.title_layout.addWidget(QLabel(self.tr("Client")))
        self.title_layout.addWidget(self.client)
        self.model = ReturnsModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.clicked.connect(self._clicked)
        fit_columns(self.table, ["RMA-000000", "CLIENT", "ORDER-000000", "1Z999AA10123456784",
                                 "received", "0000", "2026-12-01 00:00"])
        self.clear_button = key_button(self.tr("Other return"), "F2")
        self.clear_button.clicked.connect(self.clear_return)
        self.buttons.addWidget(self.clear_button)
        self.close_button = key_button(self.tr("Close return"), "F9")
        self.close_button.clicked.connect(self.close_return)
        self.buttons.addWidget(self.close_button)
        self.finish_layout()
        self.grade_group = QButtonGroup(self)
        grades = QHBoxLayout()
        grades.addWidget(QLabel(self.tr("Grade")))
        names = {"resellable": self.tr("Resellable"), "damaged": self.tr("Damaged"),
                 "dispose": self.tr("Dispose")}
        for idx, (grade, key) in enumerate(zip(GRADES, ("F6", "F7", "F8"), strict=True)):
            button = key_button(names[grade], key)
            button.setCheckable(True)
            button.setProperty("grade", grade)
            self.grade_group.addButton(button, idx)
            grades.addWidget(button)
        self.grade_group.button(0).setChecked(True)
        grades.addSpacing(12)
        grades.addWidget(QLabel(self.tr("Qty")))
        self.qty = QSpinBox()
        self.qty.setRange(1, 9999)
        self.qty.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        grades.addWidget(self.qty)
        grades.addWidget(QLabel(self.tr("Bin")))
        self.bin = QLineEdit()
        self.bin.setPlaceholderText(self.tr("returns / damaged bin"))
        self.bin.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.bin.setMinimumWidth(190)
        self.bin.setMaximumWidth(220)
        grades.addWidget(self.bin)
        grades.addWidget(QLabel(self.tr("Reason")))
        self.reason = QLineEdit()
        self.reason.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        grades.addWidget(self.reason, 1)
        body = self.body()
        body.addLayout(self.title_layout)
        body.addLayout(self.buttons)
        body.addWidget(self.table, 1)
        body.addLayout(grades)
        body.addWidget(self.banner)
        body.addWidget(self.scan)
        self.say(self.tr("Scan the return label's tracking number, an order or an RMA."),
                 "info")
        self.ctx.tasks.read(list_clients, on_done=self._set_clients, on_error=self.show_error,
                            owner=self)
        self.load_warehouses()

    # -- loading -----------------------------------------------------------------------

    def _set_clients(self, rows: list[ClientInfo]) -> None:
        self.client.blockSignals(True)
        self.client.clear()
        self.client.addItem(self.tr("All clients"), "")
        for c in rows:
            self.client.addItem(c.code, c.code)
        self.client.blockSignals(False)
        self.reload()

    def client_code(self) -> str | None:
        data = self.client.currentData()
        return str(data) if data else None

    def grade(self) -> str:
        button = self.grade_group.checkedButton()
        return str(button.property("grade")) if button else GRADES[0]

    def reload(self) -> None:
        client = self.client_code()
        self.ctx.tasks.read(lambda s: list_returns(s, client_code=client, limit=200),
                            on_done=self._show, on_error=self.show_error, owner=self)

    def _show(self, rows: list[ReturnInfo]) -> None:
        if self.current is not None:  # its units and state as they are now
            self.current = next((r for r in rows if r.number == self.current.number),
                                self.current)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n return(s)", "", len(rows)))

    # -- choosing an RMA ---------------------------------------------------------------

    def clear_return(self) -> None:
        self.current = None
        self.model.current = None
        self.model.layoutChanged.emit()
        self.say(self.tr("Scan the return label's tracking number, an order or an RMA."),
                 "info")
        self.scan.setFocus()

    def close_return(self) -> None:
        """F9: close the chosen RMA; with nothing received, only at the second F9."""
        rma, actor = self.current, self.ctx.actor
        if rma is None:
            self.refuse(self.tr("Choose or scan a return first."))
            return
        force = self.close_asked == rma.number
        if rma.units == 0 and rma.status == "open" and not force:
            self.close_asked = rma.number
            self.say(self.tr("{rma} has nothing received. Press F9 again to close it anyway "
                             "(the parcel will not come).").format(rma=rma.number), "warning")
            return

        def done(info: ReturnInfo) -> None:
            self.current, self.close_asked = None, None
            self.model.current = None
            self.ok(self.tr("{rma} closed: %n unit(s) received.", "", info.units).format(
                rma=info.number))

        self.write(lambda s: close_return(s, rma.number, actor=actor, force=force), done)

    def _clicked(self, index: QModelIndex) -> None:
        self._choose(self.model.rma(index.row()))

    def _choose(self, rma: ReturnInfo) -> None:
        self.current, self.close_asked = rma, None
        self.model.current = rma.number
        self.model.layoutChanged.emit()
        order = rma.order or self.tr("no order yet")
        self.say(self.tr("{rma} ({order}): choose the grade and scan each SKU that came "
                         "back.").format(rma=rma.number, order=order), "info")
        self.scan.setFocus()

    # -- scanning ----------------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        if self.current is None or text.upper().startswith("RMA-"):
            self._open(text)
        else:
            self._receive(self.current, text)

    def _open(self, text: str) -> None:
        actor, client, wh = self.ctx.actor, self.client_code(), self.warehouse_code()

        def run(s: Session) -> ReturnInfo:
            return open_return_for_scan(s, text, actor=actor, client_code=client,
                                        warehouse_code=wh)

        def done(rma: ReturnInfo) -> None:
            self._choose(rma)
            self.sounds.play(Sound.OK)

        self.write(run, done)

    def _receive(self, rma: ReturnInfo, sku: str) -> None:
        actor, grade, qty = self.ctx.actor, self.grade(), self.qty.value()
        bin_code, reason = self.bin.text().strip() or None, self.reason.text().strip() or None

        def run(s: Session) -> ReturnReceived:
            return receive_return(s, rma.number, sku_code=sku, quantity=qty, grade=grade,
                                  actor=actor, bin_code=bin_code, reason=reason)

        def done(got: ReturnReceived) -> None:
            if got.grade == "dispose":
                text = self.tr("{qty} × {sku} written off ({rma}).")
            elif got.putaway_task:
                text = self.tr("{qty} × {sku} into {bin}; put-away task {task} ({rma}).")
            else:
                text = self.tr("{qty} × {sku} into {bin} ({rma}).")
            text = text.format(qty=got.quantity, sku=got.sku, bin=got.bin,
                               task=got.putaway_task, rma=got.number)
            if got.order_returned:
                text += " " + self.tr("Order {order} is returned.").format(order=rma.order)
            self.qty.setValue(1)
            self.ok(text)

        self.write(run, done)

    def grade_button(self, grade: str) -> QPushButton:
        """The button of a grade (for tests and shortcuts)."""
        return self.grade_group.button(GRADES.index(grade))  # type: ignore[return-value]
