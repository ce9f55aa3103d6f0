"""One order's whole story: lines, ship-to address, reserved bins, status history.

Read in the background (``get_order``); the dialog opens at once with a
"Loading…" line so a double-click never feels stuck on a busy database.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.dto import OrderDetail
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderSource
from app.services.orders import get_order
from app.ui.dialogs.shipping_labels import ShippingLabelsTab
from app.ui.i18n import error_text
from app.ui.models.orders import STATUS_COLOURS, local_time, order_note_text, status_text
from app.ui.tasks import TaskRunner
from app.ui.values import order_source_text, product_name, service_level_text


def _table(headers: Sequence[str], numeric: Sequence[int] = ()) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    table.setProperty("numeric", list(numeric))
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    numeric = set(table.property("numeric") or [])
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _money(value: Decimal | None, currency: str) -> str:
    return "" if value is None else f"{value:,.2f} {currency}"


class OrderDetailDialog(QDialog):
    """Shows one order; read-only (actions live on the list, where several orders are chosen)."""

    def __init__(self, tasks: TaskRunner, order_id: int, parent: QWidget | None = None, *,
                 actor: Actor | None = None, providers: ProviderSource | None = None) -> None:
        """``actor``: the signed-in user (Buy/Void label when they may buy labels);
        ``providers``: how carrier accounts are reached (default: with the keyring's secrets)."""
        super().__init__(parent)
        self.order_id = order_id
        self.detail: OrderDetail | None = None
        self.setWindowTitle(self.tr("Order"))
        self.setMinimumSize(760, 560)
        self.resize(1000, 680)  # the Shipping tab's rates and labels side by side

        self.title = QLabel(self.tr("Loading…"))
        self.title.setObjectName("DialogTitle")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("StatusChip")
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.status_chip)
        head.addStretch(1)

        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("client", self.tr("Client")), ("warehouse", self.tr("Warehouse")),
            ("ordered", self.tr("Ordered")), ("ship_by", self.tr("Ship by")),
            ("service", self.tr("Service")), ("source", self.tr("Source")),
            ("tracking", self.tr("Tracking")), ("hold", self.tr("Hold reason")),
            ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fact_labels[key] = value
            self.facts.addRow(label, value)
        facts_box = QGroupBox(self.tr("Order"))
        facts_box.setLayout(self.facts)

        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.address.setWordWrap(True)
        address_box = QGroupBox(self.tr("Ship to"))
        address_layout = QVBoxLayout(address_box)
        address_layout.addWidget(self.address)
        address_layout.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(facts_box, 3)
        top.addWidget(address_box, 2)

        self.lines = _table([self.tr("Line"), self.tr("SKU"), self.tr("Product"),
                             self.tr("Quantity"), self.tr("Unit price")], numeric=(0, 3, 4))
        self.reservations = _table([self.tr("Line"), self.tr("SKU"), self.tr("Warehouse"),
                                    self.tr("Bin"), self.tr("Quantity")], numeric=(0, 4))
        self.history = _table([self.tr("When"), self.tr("Status before"),
                               self.tr("Status after"), self.tr("By"), self.tr("Note")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.lines, self.tr("Lines"))
        self.tabs.addTab(self.reservations, self.tr("Reserved bins"))
        self.tabs.addTab(self.history, self.tr("History"))
        if actor is not None and providers is None:
            providers = provider_source(tasks.db, SecretStore())
        self.shipping = ShippingLabelsTab(tasks, order_id, actor, providers)
        self.tabs.addTab(self.shipping, self.shipping.title())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        tasks.read(lambda s: get_order(s, order_id), on_done=self._on_loaded,
                   on_error=self._on_failed, owner=self)

    def _on_failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("Order"))
        self.error.setText(error_text(exc))
        self.error.show()

    def _on_loaded(self, detail: OrderDetail) -> None:
        self.detail = detail
        row = detail.row
        self.setWindowTitle(self.tr("Order {number}").format(number=row.number))
        self.title.setText(row.number)
        self.status_chip.setText(status_text(row.status))
        self.status_chip.setStyleSheet(
            f"background: {STATUS_COLOURS[row.status]}; color: white; border-radius: 9px;"
            " padding: 2px 10px; font-weight: 600;")
        tracking = " ".join(t for t in (detail.carrier, row.tracking_number) if t)
        facts = {
            "client": row.client_code,
            "warehouse": row.warehouse_code or self.tr("not allocated yet"),
            "ordered": local_time(row.order_date),
            "ship_by": local_time(row.ship_by, with_time=False) or "—",
            "service": service_level_text(row.service_level),
            "source": order_source_text(detail.source),
            "tracking": tracking or "—", "hold": order_note_text(row.hold_reason) or "—",
            "notes": detail.notes or "—",
        }
        for key, value in facts.items():
            self.fact_labels[key].setText(value)
        self.address.setText(self.address_text(detail))
        _fill(self.lines, [
            (str(ln.line_no), ln.sku_code, product_name(ln.sku_name, ln.sku_name_zh),
             f"{ln.quantity:,}",
             _money(ln.unit_price, ln.currency))
            for ln in detail.lines
        ])
        _fill(self.reservations, [
            (str(r.line_no), r.sku_code, r.warehouse_code, r.bin_code, f"{r.quantity:,}")
            for r in detail.reservations
        ])
        _fill(self.history, [
            (local_time(h.at), status_text(h.from_status) if h.from_status else "—",
             status_text(h.to_status), h.actor, order_note_text(h.note))
            for h in detail.history
        ])
        self.tabs.setTabText(1, self.tr("Reserved bins ({count})").format(
            count=len(detail.reservations)))

    @staticmethod
    def address_text(detail: OrderDetail) -> str:
        """The ship-to block as a label on a parcel would read it."""
        row = detail.row
        lines = [row.buyer_name, detail.company, detail.address1, detail.address2,
                 f"{row.city}, {row.state} {detail.zip}", detail.country, detail.phone,
                 detail.email]
        return "\n".join(line for line in lines if line)
