"""What the picker sees: the cart and its progress, the current stop big, what is left,
what to do next, the answer to the last scan, and the scan field.

Only showing: :class:`app.ui.pages.picking.PickingPage` decides what a scan means and
calls the services. The panel lives in the page, or alone as a full-screen window for a
tablet or a PC on the cart; its buttons carry their keys in their text and never take
the focus from the scan field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.picking_dto import CartView, PickStop
from app.ui.pages.picking_stop import FitLabel, StopCard

_BANNER = {
    "info": "background: #eef2ff; color: #1e3a8a; border: 2px solid #c7d2fe;",
    "ok": "background: #ecfdf3; color: #05603a; border: 2px solid #6ce9a6;",
    "error": "background: #d92d20; color: white; border: 2px solid #912018;",
    "warning": "background: #fffaeb; color: #93370d; border: 2px solid #fdb022;",
}


def page_title() -> str:
    """The screen's name, as the sidebar shows it (one translation for both)."""
    return QCoreApplication.translate("MainWindow", "Picking")


def stop_numbers(cart: CartView) -> tuple[int, int]:
    """(the current stop's number, how many stops): a stop is one bin visit, so tasks
    sharing a ``seq`` count once; cancelled ones not at all."""
    seqs = sorted({s.seq for s in cart.stops if s.status != "cancelled"})
    current = cart.next_stop
    if current is None:
        return len(seqs), len(seqs)
    return seqs.index(current.seq) + 1 if current.seq in seqs else 1, len(seqs)


def _key_button(text: str, key: str) -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    _label(button, text, key)
    return button


def _label(button: QPushButton, text: str, key: str) -> None:
    """``text  [key]``; setting the text drops a shortcut, so it is set again after."""
    button.setText(f"{text}  [{key}]")
    button.setShortcut(QKeySequence(key))


class PickingPanel(QFrame):
    """The picking screen's widgets and how a cart looks in them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PickingPanel")
        self.setStyleSheet("QFrame#PickingPanel { background: #f6f7f9; }")
        self.short_button = _key_button(self.tr("Short"), "F8")
        self.other_cart_button = _key_button(self.tr("Other cart"), "F2")
        self.reload_button = _key_button(self.tr("Reload"), "F5")
        self.mute_button = _key_button(self.tr("Sound on"), "Ctrl+M")
        self.mute_button.setCheckable(True)
        self.full_button = _key_button(self.tr("Full screen"), "F11")
        self.card = StopCard()
        self.instruction = FitLabel(22)
        self.instruction.setObjectName("PickInstruction")
        self.banner = QLabel()
        self.banner.setObjectName("PickBanner")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        self.next_label = QLabel()
        self.next_label.setObjectName("Muted")
        self.scan = QLineEdit()
        self.scan.setObjectName("PickScan")
        self.scan.setPlaceholderText(self.tr("Scan here (or type and press Enter)"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._build_top())
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        for button in (self.short_button, self.other_cart_button, self.reload_button,
                       self.mute_button, self.full_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addLayout(self._build_middle(), 1)
        layout.addWidget(self.instruction)
        layout.addWidget(self.banner)
        layout.addWidget(self.next_label)
        layout.addWidget(self.scan)

    def _build_top(self) -> QHBoxLayout:
        """The screen's name, the cart, and the progress in stops and units."""
        title = QLabel(page_title())
        title.setObjectName("PageTitle")
        self.cart_label = FitLabel(14)
        self.cart_label.setObjectName("CartLabel")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("PickProgress")
        self.progress_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(12)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.cart_label, 1)
        top.addWidget(self.progress_label)
        return top

    def _build_middle(self) -> QHBoxLayout:
        """The current stop, and beside it the picks still to do."""
        self.upcoming = QListWidget()
        self.upcoming.setObjectName("UpcomingStops")
        self.upcoming.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.upcoming.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.upcoming.setMaximumWidth(420)
        self.upcoming.setStyleSheet("font-size: 11pt;")
        upcoming_title = QLabel(self.tr("Still to pick: bin, SKU × units → tote"))
        upcoming_title.setObjectName("Muted")
        side = QVBoxLayout()
        side.addWidget(upcoming_title)
        side.addWidget(self.upcoming, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.card, 2)
        middle.addLayout(side, 1)
        return middle

    # -- showing -----------------------------------------------------------------------

    def show_cart(self, cart: CartView | None, *, bin_scanned: bool,
                  item_scanned: bool) -> None:
        """The cart (None: no cart open) at its next stop, and what to scan now."""
        stop = cart.next_stop if cart else None
        self.card.show_stop(stop)
        self.short_button.setEnabled(stop is not None)
        self.other_cart_button.setEnabled(cart is not None)
        self.reload_button.setEnabled(cart is not None)
        self.instruction.setText(self._instruction(cart, bin_scanned, item_scanned))
        if cart is None:
            self.cart_label.setText(self.tr("No cart open"))
            self.progress_label.setText("")
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.next_label.setText("")
            self.upcoming.clear()
            return
        number, total = stop_numbers(cart)
        self.cart_label.setText(self.tr("Cart {cart} · wave {wave}{label_first}").format(
            cart=cart.code, wave=cart.wave,
            label_first=self.tr(" · label first") if cart.label_first else ""))
        self.progress_label.setText(self.tr("Stop {n} of {m} · {picked} of {units} units").format(
            n=number, m=total, picked=cart.picked_units, units=cart.units))
        self.progress.setRange(0, max(cart.units, 1))
        self.progress.setValue(cart.picked_units)
        self.next_label.setText(self._next_text(cart, stop))
        self._show_upcoming(cart)

    def _show_upcoming(self, cart: CartView) -> None:
        """The open picks in route order, the current one first and bold."""
        self.upcoming.clear()
        for i, s in enumerate(x for x in cart.stops if x.status == "open"):
            item = QListWidgetItem(f"{s.bin_code}   {s.sku} × {s.remaining}  → {s.slot}")
            if i == 0:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.upcoming.addItem(item)

    def _next_text(self, cart: CartView, stop: PickStop | None) -> str:
        if stop is None:
            return ""
        later = [s for s in cart.stops if s.status == "open" and s.seq > stop.seq]
        if not later:
            return self.tr("Last stop of this cart.")
        return self.tr("Next: bin {bin}").format(bin=later[0].bin_code)

    def _instruction(self, cart: CartView | None, bin_scanned: bool,
                     item_scanned: bool) -> str:
        stop = cart.next_stop if cart else None
        if cart is None:
            return self.tr("Scan the cart's pick list")
        if stop is None:
            return self.tr("Cart done — take it to packing. Scan the next pick list.")
        if not bin_scanned:
            return self.tr("Go to bin {bin} and scan it").format(bin=stop.bin_code)
        if cart.label_first:
            return self.tr("Stick the label on and scan it")
        if not item_scanned:
            return self.tr("Scan the item ({sku})").format(sku=stop.sku)
        return self.tr("Scan each unit, or type how many more")

    def show_mute(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)
        _label(self.mute_button, self.tr("Sound off") if muted else self.tr("Sound on"),
               "Ctrl+M")

    def show_full_screen(self, full: bool) -> None:
        """Everything a size up full screen, and the button says how to go back."""
        self.card.enlarge(full)
        _label(self.full_button,
               self.tr("Leave full screen") if full else self.tr("Full screen"), "F11")

    def say(self, text: str, level: str) -> None:
        """The answer to the last scan: info, ok, warning or error (red)."""
        self.banner.setText(text)
        self.banner.setProperty("level", level)
        self.banner.setStyleSheet(
            f"QLabel#PickBanner {{ {_BANNER[level]} border-radius: 6px; padding: 8px;"
            " font-size: 15pt; font-weight: 600; }")
