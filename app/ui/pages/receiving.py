"""The Receiving screen: the dock counts an inbound shipment carton by carton, with the scanner.

Scan a carton label (``REFERENCE/CARTON``; or choose the shipment and scan or type the
carton's number), then each unit's barcode or SKU: each scan counts one, ``12*CODE``
counts twelve, and a number typed alone (up to four digits) is the count of the next
scan. *Damaged* (F6) makes the next scan's units damaged. A lot-tracked SKU asks for its
lot and expiry once per shipment. A code of no SKU of the client is refused loudly (red
banner, error sound) and its units go to quarantine for the office to identify; a SKU of
another client is refused and changes nothing. The carton's lines show expected against
received as they are counted.

Scans are handled one at a time in order (a scanner can be faster than a write); every
check is the services' (:mod:`app.services.receiving`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from sqlalchemy.orm import Session

from app.domain.inbound_errors import LotRequired
from app.services.changes import Changes
from app.services.inbound import get_inbound, list_inbound
from app.services.inbound_dto import CartonView, InboundSummary
from app.services.receiving import ReceiveResult, receive_units, scan_carton
from app.ui.dialogs.lot_dialog import LotDialog
from app.ui.i18n import error_text
from app.ui.models.inbound import LinesModel
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.picking_panel import _BANNER
from app.ui.widgets.sounds import Sound, Sounds
from app.ui.widgets.tables import configure_table, fit_columns

T = TypeVar("T")
MUTE_KEY = "receiving/muted"
#: A typed number up to this many digits is a count; longer ones are barcodes.
MAX_COUNT_DIGITS = 4
_TIMES = re.compile(r"(\d{1,4})\s*[*×]\s*(\S.*)")


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Receiving")


def _key_button(text: str, key: str) -> QPushButton:
    button = QPushButton(f"{text}  [{key}]")
    button.setShortcut(QKeySequence(key))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    return button


class ReceivingPage(Page):
    """Scanner-first counting of inbound cartons."""

    # Nothing to reload on others' changes but the list of shipments; every scan shows
    # the carton as its write left it.
    listens_to = Changes.STOCK

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self._queue: deque[str] = deque()
        self._busy = False
        #: (reference, client, carton) being counted.
        self.carton: tuple[str, str, str] | None = None
        #: Lots typed for lot-tracked SKUs: (reference, SKU as scanned) -> (lot, expiry).
        self.lots: dict[tuple[str, str], tuple[str, date]] = {}
        self.sounds = Sounds(ctx.tasks,
                             muted=str(ctx.ui_settings.value(MUTE_KEY, "false")) == "true")
        self._build()
        self.reload_shipments()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title_row, self.count_label = self.title_row(page_title())
        self.shipment = QComboBox()
        self.shipment.setMinimumWidth(260)
        self.shipment.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.shipment.currentIndexChanged.connect(lambda _i: self._choose_shipment())
        title_row.addWidget(QLabel(self.tr("Shipment")))
        title_row.addWidget(self.shipment)
        self.carton_label = QLabel()
        self.carton_label.setObjectName("CartonLabel")
        self.carton_label.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.damaged_button = _key_button(self.tr("Damaged"), "F6")
        self.damaged_button.setCheckable(True)
        self.damaged_button.toggled.connect(lambda _on: self._show_mode())
        self.other_button = _key_button(self.tr("Other carton"), "F2")
        self.other_button.clicked.connect(self.close_carton)
        self.reload_button = _key_button(self.tr("Reload"), "F5")
        self.reload_button.clicked.connect(self.reload)
        self.mute_button = _key_button(self.tr("Sound on"), "Ctrl+M")
        self.mute_button.setCheckable(True)
        self.mute_button.clicked.connect(self.toggle_mute)
        self.count = QSpinBox()
        self.count.setRange(1, 9999)
        self.count.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.count.setStyleSheet("font-size: 14pt;")
        self.count.valueChanged.connect(lambda _v: self._show_mode())
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Next scan counts")))
        buttons.addWidget(self.count)
        for button in (self.damaged_button, self.other_button, self.reload_button,
                       self.mute_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.lines = LinesModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.lines)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fit_columns(self.table, ["C-0001", "SKU-CODE-0001", "A product name of some length",
                                 "0000", "0000", "0000", "-0000"])
        self.table.setColumnHidden(LinesModel.CARTON, True)
        self.mode = QLabel()
        self.mode.setObjectName("Muted")
        self.banner = QLabel()
        self.banner.setObjectName("ReceiveBanner")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        self.scan = QLineEdit()
        self.scan.setObjectName("ReceiveScan")
        self.scan.setPlaceholderText(self.tr("Scan here (or type and press Enter)"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        self.scan.returnPressed.connect(self._on_scan)
        body = self.body()
        body.addLayout(title_row)
        body.addWidget(self.carton_label)
        body.addLayout(buttons)
        body.addWidget(self.table, 1)
        body.addWidget(self.mode)
        body.addWidget(self.banner)
        body.addWidget(self.scan)
        self._show_carton(None)
        self._show_mute()
        self._say(self.tr("Scan a carton label."), "info")

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def scan_text(self, text: str) -> None:
        """Handle one scan (what the scanner types before its Enter), after those before it."""
        text = text.strip()
        if text:
            self._queue.append(text)
            self._next_scan()

    def on_changes(self, changes: Changes) -> None:
        if not self._busy:
            self.reload_shipments()

    def reload_shipments(self) -> None:
        def read(s: Session) -> list[InboundSummary]:
            return [r for r in list_inbound(s) if r.status != "closed"]

        self.ctx.tasks.read(read, on_done=self._set_shipments, on_error=self.show_error,
                            owner=self)

    def reload(self) -> None:
        """F5: the open carton read again (another dock may count it too)."""
        self.reload_shipments()
        if self.carton is not None and not self._busy:
            self._busy = True
            self._read_carton(self._scan_done)

    def close_carton(self) -> None:
        self.carton = None
        self._show_carton(None)
        self._say(self.tr("Scan the next carton label."), "info")
        self.scan.setFocus()

    def toggle_mute(self) -> None:
        self.sounds.muted = not self.sounds.muted
        self.ctx.ui_settings.setValue(MUTE_KEY, "true" if self.sounds.muted else "false")
        self._show_mute()
        self.scan.setFocus()

    def _show_mute(self) -> None:
        self.mute_button.setChecked(self.sounds.muted)
        text = self.tr("Sound off") if self.sounds.muted else self.tr("Sound on")
        self.mute_button.setText(f"{text}  [Ctrl+M]")
        self.mute_button.setShortcut(QKeySequence("Ctrl+M"))

    # -- the shipment list -------------------------------------------------------------

    def _set_shipments(self, rows: list[InboundSummary]) -> None:
        current = self.shipment.currentData()
        self.shipment.blockSignals(True)
        self.shipment.clear()
        self.shipment.addItem(self.tr("(from the carton label)"), None)
        for r in rows:
            self.shipment.addItem(f"{r.reference} · {r.client} · {r.warehouse}",
                                  f"{r.reference}\t{r.client}")
        self.shipment.setCurrentIndex(max(0, self.shipment.findData(current)))
        self.shipment.blockSignals(False)
        self.count_label.setText(self.tr("%n open shipment(s)", "", len(rows)))

    def chosen(self) -> tuple[str, str] | None:
        """(reference, client) of the shipment chosen above; None: from the carton label."""
        data = self.shipment.currentData()
        if not data:
            return None
        reference, client = str(data).split("\t", 1)
        return reference, client

    def _choose_shipment(self) -> None:
        chosen = self.chosen()
        if self.carton is not None and chosen is not None and chosen != self.carton[:2]:
            self.close_carton()
        if chosen is not None:
            self._say(self.tr("Scan or type a carton number of {reference}.").format(
                reference=chosen[0]), "info")
        self.scan.setFocus()

    # -- scanning ----------------------------------------------------------------------

    def _on_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan_text(text)

    def _next_scan(self) -> None:
        if self._busy or not self._queue:
            return
        self._busy = True
        text = self._queue.popleft()
        if "/" in text and not _TIMES.fullmatch(text):
            reference, carton = text.rsplit("/", 1)
            chosen = self.chosen()
            client = chosen[1] if chosen and chosen[0] == reference else None
            self._open_carton(reference, client, carton)
        elif self.carton is None:
            chosen = self.chosen()
            if chosen is None:
                self._refuse(self.tr("Scan a carton label first (or choose the shipment "
                                     "above and scan the carton's number)."))
                self._scan_done()
            else:
                self._open_carton(chosen[0], chosen[1], text)
        elif text.isdigit() and len(text) <= MAX_COUNT_DIGITS and int(text) > 0:
            self.count.setValue(int(text))
            self._say(self.tr("Next scan counts {count}.").format(count=int(text)), "info")
            self._scan_done()
        else:
            m = _TIMES.fullmatch(text)
            quantity, code = (int(m.group(1)), m.group(2).strip()) if m else (
                self.count.value(), text)
            self._receive(code, quantity)

    def _scan_done(self) -> None:
        self._busy = False
        self.scan.setFocus()
        self._next_scan()

    def _open_carton(self, reference: str, client: str | None, carton: str) -> None:
        actor = self.ctx.actor

        def done(view: CartonView) -> None:
            ref_client = (reference, client or self._client_of(reference))
            self.carton = (ref_client[0], ref_client[1] or "", view.code)
            self._show_carton(view)
            self.sounds.play(Sound.OK)
            self._say(self.tr("Carton {carton} of {reference}: scan its units.").format(
                carton=view.code, reference=reference), "ok")

        self._write(lambda s: scan_carton(s, reference, carton, actor=actor,
                                          client_code=client), done)

    def _client_of(self, reference: str) -> str | None:
        for i in range(self.shipment.count()):
            data = str(self.shipment.itemData(i) or "")
            if data.startswith(reference + "\t"):
                return data.split("\t", 1)[1]
        return None

    def _receive(self, code: str, quantity: int, lot: tuple[str, date] | None = None) -> None:
        assert self.carton is not None
        reference, client, carton = self.carton
        actor = self.ctx.actor
        damaged = self.damaged_button.isChecked()
        known = lot or self.lots.get((reference, code))

        def run(s: Session) -> ReceiveResult:
            return receive_units(
                s, reference, carton=carton, code=code, actor=actor,
                quantity=0 if damaged else quantity, damaged=quantity if damaged else 0,
                lot=known[0] if known else None, expiry=known[1] if known else None,
                client_code=client or None)

        def failed(error: BaseException) -> bool:
            """A lot-tracked SKU without its lot: ask, then count again (True: the retry
            carries the scan on)."""
            if not isinstance(error, LotRequired):
                return False
            dialog = LotDialog(str(error.fields.get("sku", code)), self)
            if not dialog.exec():
                return False
            self.lots[(reference, code)] = dialog.values()
            self._receive(code, quantity, dialog.values())
            return True

        self._write(run, self._on_received, failed)

    def _on_received(self, r: ReceiveResult) -> None:
        line = r.line
        self.count.setValue(1)
        self.damaged_button.setChecked(False)
        if r.quarantined:
            self._refuse(self.tr("Unknown code {code}: %n unit(s) to quarantine bin {bin}. "
                                 "Put them aside; the office will identify them.", "",
                                 r.quantity + r.damaged).format(code=r.code, bin=r.bin))
            return
        self.sounds.play(Sound.OK)
        what = (self.tr("{count} damaged × {sku} to bin {bin}.").format(
            count=r.damaged, sku=line.sku, bin=r.damaged_bin or r.bin) if r.damaged else
            self.tr("{count} × {sku} to bin {bin}.").format(count=r.quantity, sku=line.sku,
                                                             bin=r.bin))
        status = self.tr("{received} of {expected} received.").format(
            received=line.received + line.damaged, expected=line.expected)
        if line.expected == 0:
            self._say(what + " " + self.tr("Not announced in this carton: recorded as extra."),
                      "warning")
        elif line.difference > 0:
            self._say(what + " " + status + " " + self.tr("Over by {n}.").format(
                n=line.difference), "warning")
        else:
            self._say(what + " " + status, "ok")

    # -- reading and writing -----------------------------------------------------------

    def _write(self, fn: Callable[[Session], T], on_done: Callable[[T], None],
               on_error: Callable[[BaseException], bool] | None = None) -> None:
        """A write; then the carton is read again and the next scan handled. ``on_error``
        may take a failure over by starting another write (it returns True)."""

        def done(saved: Saved) -> None:
            on_done(saved.value)
            self._after_write()

        def failed(error: BaseException) -> None:
            if on_error is not None and on_error(error):
                return
            self._refuse(error_text(error))
            self._after_write()

        self.ctx.tasks.write(lambda s: Saved(fn(s), Changes.STOCK), on_done=done,
                             on_error=failed, owner=self)

    def _after_write(self) -> None:
        if self.carton is None:
            self._scan_done()
        else:
            self._read_carton(self._scan_done)

    def _read_carton(self, then: Callable[[], None]) -> None:
        assert self.carton is not None
        reference, client, carton = self.carton

        def read(s: Session) -> CartonView | None:
            detail = get_inbound(s, reference, client or None)
            return next((c for c in detail.cartons if c.code == carton), None)

        def shown(view: CartonView | None) -> None:
            self._show_carton(view)
            then()

        def failed(error: BaseException) -> None:
            self._refuse(error_text(error))
            then()

        self.ctx.tasks.read(read, on_done=shown, on_error=failed, owner=self)

    # -- showing -----------------------------------------------------------------------

    def _show_carton(self, view: CartonView | None) -> None:
        if view is None or self.carton is None:
            self.carton_label.setText(self.tr("No carton open"))
            self.lines.set_rows([])
        else:
            expected = sum(ln.expected for ln in view.lines)
            counted = sum(ln.received + ln.damaged for ln in view.lines)
            self.carton_label.setText(self.tr(
                "Carton {carton} · {reference} · {counted} of {expected} counted").format(
                carton=view.code, reference=self.carton[0], counted=counted, expected=expected))
            self.lines.set_rows(view.lines)
        self._show_mode()

    def _show_mode(self) -> None:
        n = self.count.value()
        if self.damaged_button.isChecked():
            text = self.tr("Next scan: %n DAMAGED unit(s).", "", n)
        else:
            text = self.tr("Next scan: %n unit(s).", "", n)
        self.mode.setText(text)

    def _say(self, text: str, level: str) -> None:
        self.banner.setText(text)
        self.banner.setProperty("level", level)
        self.banner.setStyleSheet(f"QLabel#ReceiveBanner {{ {_BANNER[level]} border-radius: "
                                  "6px; padding: 8px 12px; font-size: 14pt; }")

    def _refuse(self, text: str) -> None:
        """A loud no: the red banner, and the error sound unless muted."""
        self._say(text, "error")
        self.sounds.play(Sound.ERROR)
        self.scan.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()
