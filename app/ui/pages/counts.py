"""The Counts screen: start a cycle count, count by scanner, review and approve.

Start: choose how (bin range ``A-01:A-20``, a SKU, or ABC class A/B/C), tick *Blind*
and press Start count [F3]; the open counts of the warehouse are in the list above the
lines. Counting is scanner-first: scan the bin, scan the SKU, then type (or scan) the
units found and Enter. A line beyond tolerance turns *recount*: another user counts it
again; still beyond, it waits for a supervisor, who approves the whole count [F9]
(:func:`app.services.counts.approve_count`) or cancels it [F10, twice]: nothing is
posted. A blind count shows no book figures to counters. A refusal is said in red
with the error sound and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.services.counts import (
    CountApproved,
    CountInfo,
    CountLineInfo,
    CountSummary,
    approve_count,
    cancel_count,
    enter_count,
    get_count,
    list_counts,
    start_count,
)
from app.ui.models.stock_control import CountLinesModel
from app.ui.pages.base import PageContext
from app.ui.pages.floor_tasks import FloorTaskPage, key_button
from app.ui.widgets.tables import configure_table, fit_columns

SCOPES = ("bins", "sku", "abc")


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Counts")


class CountsPage(FloorTaskPage):
    """Scan a bin, a SKU, then the units found."""

    settings_prefix = "counts"

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, page_title())
        self.info: CountInfo | None = None
        self.bin_code: str | None = None
        self.sku_code: str | None = None
        # The count whose cancel was asked once (F10 again cancels it).
        self.cancel_asked: str | None = None
        self.count_box = QComboBox()
        self.count_box.setMinimumWidth(260)
        self.count_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.count_box.currentIndexChanged.connect(lambda _i: self._load_count())
        self.title_layout.addWidget(QLabel(self.tr("Count")))
        self.title_layout.addWidget(self.count_box)
        start = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for key, text in zip(SCOPES, (self.tr("Bin range"), self.tr("SKU"),
                                      self.tr("ABC class")), strict=True):
            self.scope.addItem(text, key)
        self.scope_value = QLineEdit()
        self.scope_value.setPlaceholderText(self.tr("A-01-01-01:A-01-09-04, a SKU, or A/B/C"))
        self.blind = QCheckBox(self.tr("Blind (counters do not see the book)"))
        self.start_button = key_button(self.tr("Start count"), "F3")
        self.start_button.clicked.connect(self.start)
        start.addWidget(QLabel(self.tr("New count by")))
        start.addWidget(self.scope)
        start.addWidget(self.scope_value, 1)
        start.addWidget(self.blind)
        start.addWidget(self.start_button)
        self.clear_button = key_button(self.tr("Other bin"), "F2")
        self.clear_button.clicked.connect(self.clear_place)
        self.buttons.addWidget(self.clear_button)
        self.approve_button = key_button(self.tr("Approve count"), "F9")
        self.approve_button.clicked.connect(self.approve)
        self.approve_button.setVisible(ctx.actor.may(Permission.APPROVE_COUNTS))
        self.buttons.addWidget(self.approve_button)
        self.cancel_button = key_button(self.tr("Cancel count"), "F10")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(ctx.actor.may(Permission.APPROVE_COUNTS))
        self.buttons.addWidget(self.cancel_button)
        self.finish_layout()
        self.model = CountLinesModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fit_columns(self.table, ["A-01-01-01", "CLIENT", "SKU-CODE-0001", "00000", "00000",
                                 "00000", "+0000", "supervisor"])
        body = self.body()
        body.addLayout(self.title_layout)
        body.addLayout(start)
        body.addLayout(self.buttons)
        body.addWidget(self.table, 1)
        body.addWidget(self.banner)
        body.addWidget(self.scan)
        self.say(self.tr("Choose or start a count, then scan a bin."), "info")
        self.load_warehouses()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        code = self.warehouse_code()
        if not code:
            return
        self.ctx.tasks.read(lambda s: list_counts(s, warehouse_code=code, status="open"),
                            on_done=self._show_counts, on_error=self.show_error, owner=self)

    def _show_counts(self, rows: list[CountSummary]) -> None:
        current = self.count_box.currentData()
        self.count_box.blockSignals(True)
        self.count_box.clear()
        for r in rows:
            blind = self.tr(", blind") if r.blind else ""
            self.count_box.addItem(self.tr("{number}: {scope}{blind} ({counted}/{lines})").format(
                number=r.number, scope=self.scope_words(r.scope_kind, r.scope_value),
                blind=blind, counted=r.counted, lines=r.lines), r.number)
        self.count_box.setCurrentIndex(max(0, self.count_box.findData(current)))
        self.count_box.blockSignals(False)
        self.count_label.setText(self.tr("%n open count(s)", "", len(rows)))
        self._load_count()

    def scope_words(self, kind: str, value: str) -> str:
        """What a count covers, in the user's language."""
        if kind == "bins":
            return self.tr("bins {range}").format(range=value)
        if kind == "sku":
            return self.tr("SKU {sku}").format(sku=value)
        return self.tr("ABC class {abc}").format(abc=value)

    def count_number(self) -> str | None:
        data = self.count_box.currentData()
        return str(data) if data else None

    def _load_count(self) -> None:
        number, actor = self.count_number(), self.ctx.actor
        if number is None:
            self.info = None
            self.model.set_rows([])
            return
        self.ctx.tasks.read(lambda s: get_count(s, number, actor=actor), on_done=self._show,
                            on_error=self.show_error, owner=self)

    def _show(self, info: CountInfo) -> None:
        self.info = info
        self.model.set_rows(info.lines)

    # -- starting and approving --------------------------------------------------------

    def start(self) -> None:
        code, actor = self.warehouse_code(), self.ctx.actor
        if code is None:
            self.refuse(self.tr("Choose a warehouse first."))
            return
        scope, value, blind = self.scope.currentData(), self.scope_value.text().strip(), \
            self.blind.isChecked()
        kwargs = {"bins": value} if scope == "bins" else (
            {"sku_code": value} if scope == "sku" else {"abc": value})

        def run(s: Session) -> CountInfo:
            return start_count(s, code, actor=actor, blind=blind, **kwargs)  # type: ignore[arg-type]

        def done(info: CountInfo) -> None:
            self.count_box.addItem(info.number, info.number)
            self.count_box.setCurrentIndex(self.count_box.findData(info.number))
            self.ok(self.tr("Count {number} started: %n line(s). Scan a bin.", "",
                            len(info.lines)).format(number=info.number))

        self.write(run, done)

    def approve(self) -> None:
        number, actor = self.count_number(), self.ctx.actor
        if number is None:
            self.refuse(self.tr("Choose a count first."))
            return

        def done(result: CountApproved) -> None:
            text = self.tr("Count {number} approved: %n difference(s) posted.", "",
                           len(result.posted)).format(number=result.number)
            if result.reallocated:
                text += " " + self.tr("Re-allocated: {orders}.").format(
                    orders=", ".join(f"{n} ({s})" for n, s in result.reallocated))
            self.ok(text)

        self.write(lambda s: approve_count(s, number, actor=actor), done)

    def cancel(self) -> None:
        """F10 twice: cancel the chosen count; nothing is posted."""
        number, actor = self.count_number(), self.ctx.actor
        if number is None:
            self.refuse(self.tr("Choose a count first."))
            return
        if self.cancel_asked != number:
            self.cancel_asked = number
            self.say(self.tr("Press F10 again to cancel count {number}: nothing is posted and "
                             "its counts are kept on record only.").format(number=number),
                     "warning")
            return

        def done(info: CountInfo) -> None:
            self.cancel_asked = None
            self.ok(self.tr("Count {number} cancelled; nothing was posted.").format(
                number=info.number))

        self.write(lambda s: cancel_count(s, number, actor=actor), done)

    # -- counting ----------------------------------------------------------------------

    def clear_place(self) -> None:
        self.bin_code = self.sku_code = None
        self.model.current = None
        self.model.layoutChanged.emit()
        self.say(self.tr("Scan a bin."), "info")
        self.scan.setFocus()

    def handle_scan(self, text: str) -> None:
        if self.count_number() is None:
            self.refuse(self.tr("Choose or start a count first."))
            self.scan_done()
            return
        known_bins = {ln.bin for ln in self.model.lines()}
        if self.bin_code is None or text.upper() in known_bins:
            self.bin_code, self.sku_code = text.upper(), None
            self.say(self.tr("Bin {bin}: scan a SKU.").format(bin=self.bin_code), "info")
        elif self.sku_code is None or not text.lstrip("-").isdigit():
            self.sku_code = text
            self.model.current = (self.bin_code, text)
            self.model.layoutChanged.emit()
            self.say(self.tr("{bin} · {sku}: type the units found and press Enter.").format(
                bin=self.bin_code, sku=text), "info")
        else:
            self._enter(self.bin_code, self.sku_code, int(text))
            return
        self.scan_done()

    def _enter(self, bin_code: str, sku: str, qty: int) -> None:
        number, actor = self.count_number(), self.ctx.actor
        assert number is not None

        def run(s: Session) -> CountLineInfo:
            return enter_count(s, number, bin_code=bin_code, sku_code=sku, quantity=qty,
                               actor=actor)

        def done(line: CountLineInfo) -> None:
            self.sku_code = None
            if line.status == "recount":
                text = self.tr("{bin} · {sku}: {qty} noted. It differs beyond tolerance: "
                               "another user must recount it.")
            elif line.status == "review":
                text = self.tr("{bin} · {sku}: {qty} noted. Still different: a supervisor "
                               "decides.")
            else:
                text = self.tr("{bin} · {sku}: {qty} counted. Scan the next SKU or bin.")
            self.ok(text.format(bin=line.bin, sku=line.sku, qty=qty))

        self.write(run, done)
