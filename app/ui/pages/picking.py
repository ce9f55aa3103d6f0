"""The Picking screen: a picker walks a cart's route with the scanner, stop by stop.

Scan the cart's pick list, then at each stop scan the bin, then the item (each unit,
or type how many once the item is scanned); the next stop appears by itself. A wrong
bin or item is refused loudly (red banner and the error sound, unless muted) and
changes nothing; a good pick sounds OK. On a label-first cart the picker sticks the
order's label on at the shelf and scans it, which confirms that order's pick there. F8
reports a short; F11 shows the same panel full screen for a tablet or a PC on the cart.

The scan field keeps the focus: a scanner is a keyboard that types a code and Enter.
Every check that matters is the services' (:mod:`app.services.picking`); the screen
only asks for the bin before the item so the picker is stopped at the wrong shelf,
not after taking the wrong goods.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.domain.picking import OrderNotPickable, WrongBin
from app.services.changes import Changes
from app.services.picking import (
    cart_view,
    confirm_label_pick,
    confirm_pick,
    open_cart,
    report_short,
)
from app.services.picking_dto import (
    CartView,
    LabelPickOutcome,
    PickOutcome,
    PickStop,
    ShortOutcome,
)
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.picking_panel import PickingPanel, page_title, stop_numbers
from app.ui.pages.picking_short import ShortDialog
from app.ui.widgets.sounds import Sound, Sounds

T = TypeVar("T")
#: A typed number up to this many digits is a count; longer ones are barcodes.
MAX_COUNT_DIGITS = 4
MUTE_KEY = "picking/muted"


def is_count(text: str) -> bool:
    """A short number typed at the stop (not a barcode): how many units."""
    return text.isdigit() and len(text) <= MAX_COUNT_DIGITS and int(text) > 0


class PickingPage(Page):
    """Scan-driven picking of one cart at a time."""

    # Nothing to reload on others' changes: every scan reads the cart afresh first.
    listens_to = Changes.NONE

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        #: Scans waiting for the one being handled (a scanner can be faster than a write).
        self._queue: deque[str] = deque()
        self._busy = False
        self.cart: CartView | None = None
        #: The bin scanned at the current stop (None: scan the bin first).
        self._bin_scan: str | None = None
        #: The item scan accepted at the current task (then a typed number is a count).
        self._item_scan: str | None = None
        self._task_id: int | None = None
        self.sounds = Sounds(ctx.tasks,
                             muted=str(ctx.ui_settings.value(MUTE_KEY, "false")) == "true")
        self._build()
        self._show_state()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.panel = PickingPanel()
        p = self.panel
        for button, slot in ((p.short_button, self.report_short),
                             (p.other_cart_button, self.close_cart),
                             (p.reload_button, self.reload),
                             (p.mute_button, self.toggle_mute),
                             (p.full_button, self.toggle_full_screen)):
            button.clicked.connect(slot)
        self.scan = p.scan
        self.scan.returnPressed.connect(self._on_scan)
        self.scan.installEventFilter(self)
        self.body().setContentsMargins(0, 0, 0, 0)
        self.body().addWidget(p)

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def scan_text(self, text: str) -> None:
        """Handle one scan (what the scanner types before its Enter), after those before it."""
        text = text.strip()
        if text:
            self._queue.append(text)
            self._next_scan()

    def reload(self) -> None:
        """F5: read the cart again (a scan being handled shows it fresh anyway)."""
        if self.cart is not None and not self._busy:
            code = self.cart.code
            self.ctx.tasks.read(lambda s: cart_view(s, code), on_done=self._show_cart,
                                on_error=lambda e: self._refuse(error_text(e)), owner=self)

    def close_cart(self) -> None:
        """Put this cart down (it stays assigned) and scan another one's pick list."""
        self.cart = None
        self._reset_stop()
        self._show_state()
        self._say(self.tr("Scan the pick list of the next cart."), "info")

    def toggle_mute(self) -> None:
        self.sounds.muted = not self.sounds.muted
        self.ctx.ui_settings.setValue(MUTE_KEY, "true" if self.sounds.muted else "false")
        self.panel.show_mute(self.sounds.muted)
        self.scan.setFocus()

    def toggle_full_screen(self) -> None:
        """The panel alone on the screen (a window of its own), or back in the page."""
        if self.is_full_screen():
            self.panel.setWindowFlags(Qt.WindowType.Widget)
            self.body().addWidget(self.panel)
            self.panel.show()
        else:
            self.body().removeWidget(self.panel)
            self.panel.setWindowFlags(Qt.WindowType.Window)
            self.panel.setWindowTitle(page_title())
            self.panel.showFullScreen()
        self.panel.show_full_screen(self.is_full_screen())
        self.panel.activateWindow()
        self.scan.setFocus()

    def is_full_screen(self) -> bool:
        return self.panel.isWindow()

    def report_short(self) -> None:
        """F8: the bin has fewer than the stop asks for."""
        stop = self.cart.next_stop if self.cart else None
        if stop is None or self.cart is None:
            self._refuse(self.tr("Open a cart first: there is no stop to report short."))
            return
        if self._busy:
            return  # a scan is being handled; the stop may be about to change
        dialog = ShortDialog(stop, self.panel)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.panel.window().activateWindow()
        self.scan.setFocus()
        if not accepted:
            return
        found, reason = dialog.result_values()
        actor, task_id = self.ctx.actor, stop.task_id
        self._busy = True  # scans wait until the short is recorded and the cart shown
        self._write(lambda s: report_short(s, task_id, found=found, reason=reason,
                                                    actor=actor), self._on_short)

    # -- scanning ----------------------------------------------------------------------

    def _on_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan_text(text)

    def _next_scan(self) -> None:
        """Scans are handled one at a time, in the order they came: each first reads the
        cart afresh (another PC may have cancelled an order on it), then acts."""
        if self._busy or not self._queue:
            return
        self._busy = True
        text = self._queue.popleft()
        if self.cart is None:
            self._open(text)
            return
        code = self.cart.code
        self._read(lambda s: cart_view(s, code),
                   lambda cart: self._on_scan_fresh(text, cart))

    def _scan_done(self) -> None:
        self._busy = False
        self._next_scan()

    def _on_scan_fresh(self, text: str, cart: CartView) -> None:
        before = self.cart
        self._show_cart(cart)
        stop = cart.next_stop
        if self._announce_stopped(before, cart):
            self._scan_done()
        elif text.upper() == cart.code.upper():  # its pick list again: nothing to undo
            self._say(self.tr("Cart {cart} is open.").format(cart=cart.code), "info")
            self._scan_done()
        elif stop is None:
            self._open(text)
        elif self._bin_scan is None:
            self._scan_bin(stop, text)
            self._scan_done()
        elif cart.label_first:
            self._confirm_label(cart.code, text)
        elif self._item_scan is not None and text != self._item_scan and is_count(text):
            self._confirm(stop, self._item_scan, int(text))
        else:
            self._confirm(stop, text, 1)

    def _announce_stopped(self, before: CartView | None, after: CartView) -> bool:
        """Orders cancelled or held since the picker last looked: said loudly, once."""
        if before is None or before.code != after.code:
            return False
        was_open = {s.task_id for s in before.stops if s.status == "open"}
        stopped = [s for s in after.stops if s.task_id in was_open and s.status == "cancelled"]
        if not stopped:
            return False
        first = stopped[0]
        self._refuse(error_text(OrderNotPickable(order=first.order_number,
                                                 state=first.order_status, slot=first.slot)))
        return True

    def _open(self, code: str) -> None:
        """Take the cart (a picker), or look at it (a clerk or anyone who may not pick: the
        cart stays unassigned and their scans are refused by the services)."""
        actor = self.ctx.actor

        def done(cart: CartView) -> None:
            self._reset_stop()
            self._show_cart(cart)
            self._say(self.tr("Cart {cart} opened: {stops}.").format(
                cart=cart.code, stops=self.tr("%n stop(s)", "", stop_numbers(cart)[1])), "ok")

        def looked(cart: CartView) -> None:
            done(cart)
            self._scan_done()

        if actor.may(Permission.PICK):
            self._write(lambda s: open_cart(s, code, actor=actor), done)
        else:
            self._read(lambda s: cart_view(s, code), looked)

    def _scan_bin(self, stop: PickStop, text: str) -> None:
        if text.upper() != stop.bin_code.upper():
            self._refuse(error_text(WrongBin(scanned=text, expected=stop.bin_code)))
            return
        self._bin_scan = text
        self._say(self.tr("Bin {bin} — right place.").format(bin=stop.bin_code), "ok")
        self._show_state()

    def _confirm(self, stop: PickStop, item: str, quantity: int) -> None:
        actor, bin_scan = self.ctx.actor, self._bin_scan or ""

        def run(s: Session) -> PickOutcome:
            return confirm_pick(s, stop.task_id, bin_scan=bin_scan, item_scan=item,
                                quantity=quantity, actor=actor)

        self._write(run, lambda outcome: self._on_picked(item, outcome))

    def _confirm_label(self, code: str, label: str) -> None:
        actor = self.ctx.actor
        self._write(lambda s: confirm_label_pick(s, code, label_scan=label,
                                                          actor=actor), self._on_label)

    # -- results -----------------------------------------------------------------------

    def _write(self, fn: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        """A write; whatever its end, the cart is read again and the next scan handled.
        Other screens of this PC (stock, orders, waves) hear that picking changed data."""

        def done(saved: Saved) -> None:
            on_done(saved.value)
            self._after_write()

        def failed(error: BaseException) -> None:
            self._refuse(error_text(error))
            self._after_write()

        self.ctx.tasks.write(lambda s: Saved(fn(s), Changes.ORDERS | Changes.STOCK),
                             on_done=done, on_error=failed, owner=self)

    def _after_write(self) -> None:
        """Show the cart as the write left it before the next scan is looked at."""
        if self.cart is None:
            self._scan_done()
            return
        code = self.cart.code

        def shown(cart: CartView) -> None:
            self._show_cart(cart)
            self._scan_done()

        self._read(lambda s: cart_view(s, code), shown)

    def _read(self, fn: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        """A read within a scan's handling: a failure ends the scan (the next one may go)."""
        def failed(error: BaseException) -> None:
            self._refuse(error_text(error))
            self._scan_done()

        self.ctx.tasks.read(fn, on_done=on_done, on_error=failed, owner=self)

    def _on_picked(self, item: str, outcome: PickOutcome) -> None:
        self.sounds.play(Sound.OK)
        if outcome.task_picked < outcome.task_quantity:
            self._item_scan = item
            self._say(self.tr("{picked} of {quantity} in tote {slot}. Scan the next unit or "
                              "type how many more.").format(
                picked=outcome.task_picked, quantity=outcome.task_quantity,
                slot=outcome.slot), "ok")
        else:
            self._say(self.tr("Done: {quantity} × {sku} into tote {slot}.").format(
                quantity=outcome.task_quantity, sku=outcome.sku, slot=outcome.slot), "ok")

    def _on_label(self, outcome: LabelPickOutcome) -> None:
        self.sounds.play(Sound.OK)
        self._say(self.tr("Order {order} picked: label on, into tote {slot}.").format(
            order=outcome.order_number, slot=outcome.slot), "ok")

    def _on_short(self, outcome: ShortOutcome) -> None:
        if outcome.backordered:
            text = self.tr("Order {order} went back to backordered: take tote {slot} off the "
                           "cart.").format(order=outcome.order_number, slot=outcome.slot)
            if outcome.put_back:
                text += " " + self.tr("Put back: {units}.").format(units=", ".join(
                    f"{m.quantity} → {m.bin_code}" for m in outcome.put_back))
            self._say(text, "warning")
        elif outcome.moved_to:
            self._say(self.tr("Short recorded. The missing units are to be picked from {bins} "
                              "(added to the route).").format(
                bins=", ".join(f"{m.bin_code} ({m.quantity})" for m in outcome.moved_to)),
                "warning")
        else:
            self._say(self.tr("Short recorded."), "warning")

    # -- showing -----------------------------------------------------------------------

    def _reset_stop(self) -> None:
        self._bin_scan = None
        self._item_scan = None
        self._task_id = None

    def _show_cart(self, cart: CartView) -> None:
        self.cart = cart
        stop = cart.next_stop
        if stop is None or stop.task_id != self._task_id:
            previous_bin = self._bin_scan
            same_bin = (stop is not None and previous_bin is not None
                        and previous_bin.upper() == stop.bin_code.upper())
            self._item_scan = None
            self._bin_scan = previous_bin if same_bin else None
            self._task_id = stop.task_id if stop else None
        self._show_state()

    def _show_state(self) -> None:
        self.panel.show_cart(self.cart, bin_scanned=self._bin_scan is not None,
                             item_scanned=self._item_scan is not None)
        self.panel.show_mute(self.sounds.muted)

    def _say(self, text: str, level: str) -> None:
        self.panel.say(text, level)

    def _refuse(self, text: str) -> None:
        """A loud no: the red banner, and the error sound unless the picker muted it."""
        self._say(text, "error")
        self.sounds.play(Sound.ERROR)
        self.scan.setFocus()

    # -- focus -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in full screen goes back to the window."""
        if (watched is self.scan and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
                and self.is_full_screen()):
            self.toggle_full_screen()
            return True
        return super().eventFilter(watched, event)
