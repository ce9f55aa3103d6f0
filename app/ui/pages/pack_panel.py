"""What the packer sees: the order and its lines big, the box, the live weight and the
weight check, what to do now, the answer to the last scan, the scan field, the function
keys and a status line for the printers and the scale.

Only showing: :class:`app.ui.pages.pack.PackPage` decides what a scan means and calls
the services. Every button carries its key in its text and never takes the focus from
the scan field (the keys themselves are the page's actions: a button's own shortcut
would click it a tenth of a second late). A stopped order (cancelled or held) covers
the whole panel in red.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hardware.scales import format_weight
from app.services.boxes import BoxInfo
from app.services.packing import WeightCheck
from app.services.packing_view import PackState, PackView
from app.ui.pages.pack_lines import LinesView
from app.ui.pages.picking_panel import _BANNER
from app.ui.pages.picking_stop import FitLabel
from app.ui.widgets.scale_status import ScaleStatusWidget
from app.ui.widgets.weight_display import WeightDisplay
from app.ui.widgets.wrap_row import WrapRow

_CARD_STYLE = "background: #ffffff; border: 1px solid #d0d5dd; border-radius: 8px;"
_CHECK = {
    "idle": "background: #f2f4f7; color: #475467; border: 2px solid #d0d5dd;",
    "ok": "background: #ecfdf3; color: #05603a; border: 2px solid #12b76a;",
    "bad": "background: #d92d20; color: white; border: 2px solid #912018;",
    "override": "background: #fffaeb; color: #93370d; border: 2px solid #fdb022;",
}
#: (key, action name); the page connects them by name.
KEYS = ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F12")


def page_title() -> str:
    """The screen's name, as the sidebar shows it (one translation for both)."""
    return QCoreApplication.translate("MainWindow", "Pack station")


def _key_button(key: str) -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    button.setObjectName(f"PackKey{key}")
    button.setStyleSheet("font-size: 11pt; padding: 4px 8px;")
    return button


class StopOverlay(QFrame):
    """Full-panel red: this order was cancelled or put on hold; do not pack it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("PackStop")
        self.setStyleSheet("QFrame#PackStop { background: #b42318; }"
                           " QLabel { color: white; background: transparent; }")
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size: 40pt; font-weight: 800;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.restock = QLabel()
        self.restock.setWordWrap(True)
        self.restock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.restock.setStyleSheet("font-size: 16pt;")
        self.hint = QLabel(self.tr("Put the units in the returns-to-stock tray. "
                                   "Scan the next order to go on."))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("font-size: 14pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addStretch(1)
        for label in (self.title, self.message, self.restock):
            layout.addWidget(label)
            layout.addSpacing(12)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.hide()

    def show_view(self, view: PackView, message: str, in_hand: PackView | None = None) -> None:
        """``in_hand``: the order as it was on this bench (its scanned units are here)."""
        self.title.setText(self.tr("STOP — DO NOT PACK"))
        self.message.setText(message)
        tasks = [t for t in view.restock_tasks if t.status != "done"]
        scanned = [line for line in (in_hand.lines if in_hand else ()) if line.scanned]
        if tasks:
            units = "; ".join(
                self.tr("{qty} × {sku} → bin {bin}").format(
                    qty=t.quantity, sku=t.sku_code, bin=t.bin_code or "—") for t in tasks)
            self.restock.setText(self.tr("Restock task: {units}").format(units=units))
        elif scanned:  # taken from the shelf here, never moved in the ledger: back they go
            units = "; ".join(
                self.tr("{qty} × {sku} → bin {bin}").format(
                    qty=line.scanned, sku=line.sku_code, bin=", ".join(line.bins) or "—")
                for line in scanned)
            self.restock.setText(self.tr("Put back on the shelf: {units}").format(units=units))
        else:
            self.restock.setText(self.tr("Nothing was picked for it: no units to put back."))
        self.cover()
        self.show()
        self.raise_()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())


class PackPanel(QFrame):
    """The pack screen's widgets and how an order, a weight check and devices look in them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackPanel")
        self.setStyleSheet("QFrame#PackPanel { background: #f6f7f9; }")
        self.keys = {key: _key_button(key) for key in KEYS}
        self.lines = LinesView()
        self.weight = WeightDisplay(digits_pt=34)
        self.instruction = FitLabel(24)
        self.instruction.setObjectName("PackInstruction")
        self.banner = QLabel()
        self.banner.setObjectName("PackBanner")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        self.scan = QLineEdit()
        self.scan.setObjectName("PackScan")
        self.scan.setPlaceholderText(self.tr("Scan here (or type and press Enter)"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(6)
        layout.addLayout(self._build_top())
        middle = QHBoxLayout()
        middle.addWidget(self.lines, 3)
        middle.addWidget(self._build_side(), 2)
        layout.addLayout(middle, 1)
        layout.addWidget(self.instruction)
        layout.addWidget(self.banner)
        layout.addWidget(self.scan)
        keys = QWidget()
        row = WrapRow(keys, spacing=4)
        for button in self.keys.values():
            row.add(button)
        layout.addWidget(keys)
        layout.addLayout(self._build_status())
        self.stop = StopOverlay(self)
        self.retranslate_keys(muted=False)
        self.show_view(None, self.tr("Scan an order, a tote or a label"))

    # -- building ----------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        title = QLabel(page_title())
        title.setObjectName("PageTitle")
        self.order_label = FitLabel(22)
        self.order_label.setObjectName("PackOrder")
        self.progress_label = QLabel()
        self.progress_label.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.counter = QLabel()
        self.counter.setObjectName("PackCounter")
        self.counter.setStyleSheet("font-size: 13pt; color: #344054; padding-left: 12px;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.order_label, 1)
        top.addWidget(self.progress_label)
        top.addWidget(self.counter)
        return top

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setMaximumWidth(470)
        self.box_label = QLabel()
        self.box_label.setObjectName("PackBox")
        self.box_label.setWordWrap(True)
        self.box_label.setStyleSheet(f"{_CARD_STYLE} padding: 8px; font-size: 13pt;")
        self.check_label = QLabel()
        self.check_label.setObjectName("PackCheck")
        self.check_label.setWordWrap(True)
        self.parcels_label = QLabel()
        self.parcels_label.setObjectName("Muted")
        self.parcels_label.setWordWrap(True)
        self.parcels_label.setStyleSheet("font-size: 11pt;")
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box_label)
        layout.addWidget(self.weight)
        layout.addWidget(self.check_label)
        layout.addWidget(self.parcels_label)
        layout.addStretch(1)
        return side

    def _build_status(self) -> QHBoxLayout:
        self.label_printer = QLabel()
        self.label_printer.setObjectName("PackLabelPrinter")
        self.document_printer = QLabel()
        self.document_printer.setObjectName("PackDocumentPrinter")
        self.scale_status = ScaleStatusWidget()
        self.station_label = QLabel()
        self.station_label.setObjectName("Muted")
        row = QHBoxLayout()
        row.setSpacing(18)
        for widget in (self.label_printer, self.document_printer, self.scale_status):
            widget.setStyleSheet(widget.styleSheet() + " font-size: 10pt;")
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.station_label)
        return row

    def retranslate_keys(self, *, muted: bool) -> None:
        names = {
            "F1": self.tr("Help"), "F2": self.tr("Put back"), "F3": self.tr("Count"),
            "F4": self.tr("Weigh now"), "F5": self.tr("Reload"), "F6": self.tr("New box"),
            "F7": self.tr("Reprint label"), "F8": self.tr("Reprint slip"),
            "F9": self.tr("Supervisor override"),
            "F10": self.tr("Sound off") if muted else self.tr("Sound on"),
            "F12": self.tr("Finish"),
        }
        for key, button in self.keys.items():
            button.setText(f"{key} {names[key]}")

    # -- showing -----------------------------------------------------------------------

    def show_view(self, view: PackView | None, instruction: str,
                  last_line: int | None = None) -> None:
        """The order on the bench (None: waiting for the first scan)."""
        self.instruction.setText(instruction)
        if view is None:
            self.order_label.setText(self.tr("No order on the bench"))
            self.progress_label.setText("")
            self.lines.show_lines(None, ())
            self.box_label.setText(self.tr("Box: —"))
            self.parcels_label.setText("")
            self.show_check(None)
            return
        state = {PackState.PACKING: "", PackState.PACKED: self.tr(" · PACKED"),
                 PackState.STOPPED: self.tr(" · STOPPED")}[view.state]
        self.order_label.setText(self.tr("Order {order} · {client}{state}").format(
            order=view.number, client=view.client_code, state=state))
        self.progress_label.setText(self.tr("{scanned} of {units} units").format(
            scanned=view.scanned, units=view.units))
        self.lines.show_lines(view.order_id, view.lines, last_line)
        self._show_box(view)
        self._show_parcels(view)

    def _show_box(self, view: PackView) -> None:
        current = next((p for p in view.parcels if p.seq == view.current_parcel), None)
        box: BoxInfo | None = view.suggested_box
        used = [p.box_code for p in view.parcels if p.box_code]
        if view.state is PackState.PACKED and used:
            text = self.tr("Box: <b>{box}</b>").format(box=", ".join(used))
        elif current is not None and current.box_code:
            text = self.tr("Box: <b>{box}</b> (scanned)").format(box=current.box_code)
        elif box is not None:
            inner = "×".join(str(mm) for mm in box.inner_mm)
            text = self.tr("Box: <b>{box}</b> — suggested<br>inside {inner} mm<br>tare {tare} g"
                           " · max {max} g<br>Scan another box's barcode to change it.").format(
                box=box.code, inner=inner, tare=box.tare_g, max=box.max_weight_g)
        elif view.state is PackState.PACKING:
            text = self.tr("Box: no box in the catalogue fits — scan a box or start a new box"
                           " (F6).")
        else:
            text = self.tr("Box: —")
        self.box_label.setText(text)

    def _show_parcels(self, view: PackView) -> None:
        rows = []
        for parcel in view.parcels:
            weight = (self.tr("{grams} g").format(grams=parcel.weight_g)
                      if parcel.weight_g is not None else self.tr("not weighed yet"))
            extras = [x for x in (parcel.box_code, weight, parcel.tracking_number) if x]
            rows.append(self.tr("Box {seq}: %n unit(s)", "", parcel.units).format(
                seq=parcel.seq) + " · " + " · ".join(extras))
        self.parcels_label.setText("<br>".join(rows))

    def show_check(self, check: WeightCheck | None, unit: str = "g") -> None:
        """The weight check: expected, actual and the difference, green or red."""
        if check is None:
            self.check_label.setText(self.tr("Weight check: waiting for a stable weight"))
            level = "idle"
        else:
            def w(grams: int) -> str:
                return (format_weight(grams, unit) if unit != "g"
                        else self.tr("{grams} g").format(grams=grams))

            level = ("bad" if not check.accepted
                     else "override" if check.overridden_by else "ok")
            verdict = {"bad": self.tr("WEIGHT CHECK FAILED"),
                       "ok": self.tr("Weight check passed ✓"),
                       "override": self.tr("Overridden by {who}").format(
                           who=check.overridden_by)}[level]
            billable = ""
            if check.dim_weight_g is not None:
                billable = "<br>" + self.tr("Dim weight {dim} · billable {billable}").format(
                    dim=w(check.dim_weight_g), billable=w(check.billable_weight_g))
            self.check_label.setText(
                f"<b>{verdict}</b><br>" + self.tr(
                    "Expected {expected} ± {tolerance}<br>Actual {actual}<br>"
                    "<b>Difference {difference:+d} g</b>").format(
                    expected=w(check.expected_g), tolerance=w(check.tolerance_g),
                    actual=w(check.actual_g), difference=check.difference_g) + billable)
        if self.check_label.property("level") == level:
            return
        self.check_label.setProperty("level", level)
        self.check_label.setStyleSheet(
            f"QLabel#PackCheck {{ {_CHECK[level]} border-radius: 8px; padding: 8px;"
            " font-size: 13pt; }")

    def show_counter(self, count: int) -> None:
        self.counter.setText(self.tr("Packed this hour: %n order(s)", "", count))

    def show_printer(self, label: QLabel, text: str, ok: bool | None) -> None:
        colour = "#067647" if ok else "#b42318" if ok is False else "#5b6675"
        label.setText(text)
        label.setStyleSheet(f"color: {colour}; font-size: 10pt;"
                            + (" font-weight: 600;" if ok is False else ""))

    def say(self, text: str, level: str) -> None:
        """The answer to the last scan: info, ok, warning or error (red)."""
        self.banner.setText(text)
        if self.banner.property("level") == level:
            return
        self.banner.setProperty("level", level)
        self.banner.setStyleSheet(
            f"QLabel#PackBanner {{ {_BANNER[level]} border-radius: 6px; padding: 8px;"
            " font-size: 15pt; font-weight: 600; }")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.stop.cover()
