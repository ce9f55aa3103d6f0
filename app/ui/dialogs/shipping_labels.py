"""The order detail's Shipping tab: the carrier label in use and why it was chosen, the
rates that were considered (and why each other one was not taken), every label bought or
voided for the order, and Buy label / Void label.

"Why UPS?" is answered from what was stored with the purchase
(:mod:`app.services.label_records`): the reason and each dropped rate's reason are kept
as templates with their fields, so they read in the user's language long after. Buying
and voiding talk to the provider over HTTP in several short transactions
(:mod:`app.services.label_purchase`, :mod:`app.services.label_void`), so they run as jobs
on the task runner, never on the GUI thread; only a user who may buy labels sees the
buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.domain.permissions import Actor, Permission
from app.domain.rate_shopping import CONTEXT as REASONS
from app.services.changes import Changes
from app.services.label_purchase import ManualEntry, buy_labels
from app.services.label_quotes import ProviderSource
from app.services.label_records import (
    ConsideredRateInfo,
    LabelPurchaseInfo,
    order_label_purchases,
)
from app.services.label_void import LIVE, void_labels
from app.ui.i18n import error_text
from app.ui.models.orders import local_time
from app.ui.pages.admin_clients_common import Saved
from app.ui.tasks import TaskControl, TaskRunner


def reason_text(template: str | None, fields: Mapping[str, Any], english: str | None) -> str:
    """A stored reason in the user's language (the English as kept when it has no template)."""
    if not template:
        return english or ""
    try:
        return QCoreApplication.translate(REASONS, template).format(**fields)
    except (KeyError, IndexError, ValueError):
        return english or template


def _money(value: Decimal | None, currency: str) -> str:
    return "—" if value is None else f"{value:,.2f} {currency}"


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], *,
          bold_rows: Sequence[int] = ()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if r in bold_rows:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


#: Offered in the manual-label dialog; any other carrier may be typed.
COMMON_CARRIERS = ("USPS", "UPS", "FedEx", "DHL", "OnTrac", "UniUni", "GOFO")


class ManualLabelDialog(QDialog):
    """A label that exists already: its tracking number (typed or scanned) and carrier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter a tracking number"))
        self.setMinimumWidth(420)
        self.tracking = QLineEdit()
        self.tracking.setObjectName("manual_tracking")
        self.tracking.setPlaceholderText(self.tr("scan or type the label's tracking number"))
        self.carrier = QComboBox()
        self.carrier.setObjectName("manual_carrier")
        self.carrier.setEditable(True)
        self.carrier.addItems(COMMON_CARRIERS)
        self.service = QLineEdit()
        self.service.setObjectName("manual_service")
        self.service.setPlaceholderText(self.tr("optional, e.g. Ground Advantage"))
        form = QFormLayout()
        form.addRow(self.tr("Tracking number"), self.tracking)
        form.addRow(self.tr("Carrier"), self.carrier)
        form.addRow(self.tr("Service"), self.service)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        if self.tracking.text().strip() and self.carrier.currentText().strip():
            self.accept()
        else:
            self.tracking.setFocus()

    def entry(self) -> ManualEntry:
        return ManualEntry(self.tracking.text().strip(), self.carrier.currentText().strip(),
                           self.service.text().strip())


class ShippingLabelsTab(QWidget):
    """The label in use, the rates considered, the purchases; Buy and Void."""

    def __init__(self, tasks: TaskRunner, order_id: int, actor: Actor | None,
                 providers: ProviderSource | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.order_id = order_id
        self._actor = actor
        self._providers = providers
        self.purchases: list[LabelPurchaseInfo] = []
        self.facts: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("carrier", self.tr("Carrier and service")), ("cost", self.tr("Cost")),
            ("tracking", self.tr("Tracking")), ("status", self.tr("Label")),
            ("account", self.tr("Bought through")), ("reason", self.tr("Why this carrier")),
        ):
            value = QLabel()
            value.setObjectName(f"label_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            if key != "reason":
                form.addRow(label, value)
        # The reason is a sentence: under the facts, the box's full width, wrapped.
        why = QLabel(self.tr("Why this carrier"))
        why.setStyleSheet("font-weight: 600;")
        chosen = QGroupBox(self.tr("Label in use"))
        box = QVBoxLayout(chosen)
        box.addLayout(form)
        box.addWidget(why)
        box.addWidget(self.facts["reason"])
        self.rates = _table([self.tr("Carrier"), self.tr("Service"), self.tr("Cost"),
                             self.tr("Arrives"), self.tr("Account"), self.tr("Not chosen because")])
        self.rates.setObjectName("rates_considered")
        self.history = _table([self.tr("Bought"), self.tr("Parcel"), self.tr("Carrier"),
                               self.tr("Tracking"), self.tr("Cost"), self.tr("State"),
                               self.tr("By")])
        self.history.setObjectName("label_history")
        self.buy_button = QPushButton(self.tr("Buy label"))
        self.buy_button.setObjectName("buy_label")
        self.void_button = QPushButton(self.tr("Void label"))
        self.void_button.setObjectName("void_label")
        self.rate_button = QPushButton(self.tr("Buy the selected rate instead"))
        self.rate_button.setObjectName("buy_rate")
        self.rate_button.setToolTip(self.tr("A new label with the rate chosen in the list; the "
                                            "label in use is then listed in Labels to void"))
        self.manual_button = QPushButton(self.tr("Enter tracking number…"))
        self.manual_button.setObjectName("manual_label")
        self.manual_button.setToolTip(self.tr("The order ships on a label made elsewhere: "
                                              "record its tracking number and carrier"))
        self.buy_button.clicked.connect(self._on_buy_clicked)
        self.void_button.clicked.connect(self._on_void_clicked)
        self.rate_button.clicked.connect(self._on_rate_clicked)
        self.manual_button.clicked.connect(self._on_manual_clicked)
        self.rates.itemSelectionChanged.connect(self._update_rate_button)
        may = actor is not None and actor.may(Permission.BUY_LABELS) and providers is not None
        for button in (self.buy_button, self.void_button, self.rate_button,
                       self.manual_button):
            button.setVisible(may)
        self.message = QLabel()
        self.message.setObjectName("label_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.buy_button)
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        # The label and why on the left, the rates and the history on the right: the
        # dialog's lower half is short on a 768-pixel screen, so side by side they fit.
        left = QVBoxLayout()
        left.addWidget(chosen)
        left.addLayout(buttons)
        more = QHBoxLayout()
        more.addWidget(self.rate_button)
        more.addWidget(self.manual_button)
        more.addStretch(1)
        left.addLayout(more)
        left.addWidget(self.message)
        left.addStretch(1)
        self.rates_title = QLabel(self.tr("Rates considered"))
        self.rates_title.setStyleSheet("font-weight: 600;")
        history_title = QLabel(self.tr("Labels of this order"))
        history_title.setStyleSheet("font-weight: 600;")
        right = QVBoxLayout()
        right.addWidget(self.rates_title)
        right.addWidget(self.rates, 3)
        right.addWidget(history_title)
        right.addWidget(self.history, 2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.reload()

    def title(self) -> str:
        return self.tr("Shipping")

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        order_id = self.order_id
        self._tasks.read(lambda s: order_label_purchases(s, order_id), on_done=self._show,
                         on_error=self._say_error, owner=self)

    def current(self) -> LabelPurchaseInfo | None:
        """The label in use: the newest live one, else the newest attempt (to say why not)."""
        live = [p for p in self.purchases if p.status in LIVE]
        if live:
            return live[-1]
        return self.purchases[-1] if self.purchases else None

    def _show(self, purchases: list[LabelPurchaseInfo]) -> None:
        self.purchases = purchases
        current = self.current()
        if current is None:
            for value in self.facts.values():
                value.setText("—")
            self.facts["status"].setText(self.tr("No carrier label bought for this order."))
        else:
            self._show_current(current)
        self._show_rates(current.rates if current is not None else ())
        _fill(self.history, [
            (local_time(p.bought_at or p.created_at),
             str(p.parcel_seq) if p.parcel_seq is not None else "—",
             " ".join(x for x in (p.carrier, p.service) if x) or "—",
             p.tracking_number or "—", _money(p.cost, p.currency), self._state(p), p.actor)
            for p in reversed(purchases)])
        live = any(p.status == "bought" for p in purchases)
        self.void_button.setEnabled(live)
        self.buy_button.setEnabled(not live)
        self.manual_button.setEnabled(not live)
        self._update_rate_button()

    def _show_current(self, p: LabelPurchaseInfo) -> None:
        self.facts["carrier"].setText(" · ".join(x for x in (p.carrier, p.service) if x) or "—")
        insured = (self.tr(" (insured for {value})").format(
            value=_money(p.insured_value, p.currency)) if p.insured_value else "")
        self.facts["cost"].setText(_money(p.cost, p.currency) + insured)
        self.facts["tracking"].setText(p.tracking_number or "—")
        self.facts["reason"].setText(
            reason_text(p.reason_template, p.reason_fields, p.reason) or "—")
        state = self._state(p)
        if p.error and p.status not in LIVE:
            state = f"{state}: {p.error}"
        self.facts["status"].setText(state)
        self.facts["account"].setText(f"{p.account} ({p.provider})")

    def _show_rates(self, rates: Sequence[ConsideredRateInfo]) -> None:
        chosen = [i for i, r in enumerate(rates) if r.chosen]
        _fill(self.rates, [
            (r.carrier, r.service, _money(r.cost, r.currency),
             r.arrives.isoformat() if r.arrives else (
                 self.tr("%n day(s)", "", r.delivery_days) if r.delivery_days else "—"),
             r.account,
             self.tr("✓ chosen") if r.chosen else reason_text(
                 r.dropped_template, r.dropped_fields, r.dropped))
            for r in rates], bold_rows=chosen)
        self.rates_title.setText(self.tr("Rates considered: %n", "", len(rates)))

    def selected_rate(self) -> ConsideredRateInfo | None:
        """The considered rate selected in the list (None: none, or the one chosen)."""
        current = self.current()
        rows = {i.row() for i in self.rates.selectedIndexes()}
        if current is None or len(rows) != 1:
            return None
        row = rows.pop()
        if row >= len(current.rates) or current.rates[row].chosen:
            return None
        return current.rates[row]

    def _update_rate_button(self) -> None:
        self.rate_button.setEnabled(self.selected_rate() is not None)

    def _state(self, p: LabelPurchaseInfo) -> str:
        names = {
            "intent": self.tr("being bought"), "bought": self.tr("bought"),
            "void_requested": self.tr("void requested"), "voided": self.tr("voided"),
            "failed": self.tr("not bought"),
        }
        return names.get(p.status, p.status)

    # -- actions -------------------------------------------------------------------------

    def _on_buy_clicked(self) -> None:
        self._run(self.tr("Buying the label…"), lambda db, providers, actor: buy_labels(
            db, self.order_id, providers=providers, actor=actor))

    def _on_rate_clicked(self) -> None:
        """A label with the selected rate's service instead of the rules' choice."""
        rate = self.selected_rate()
        if rate is None:
            return
        code = rate.code
        replace = any(p.status == "bought" for p in self.purchases)
        self._run(self.tr("Buying {service}…").format(service=code),
                  lambda db, providers, actor: buy_labels(
                      db, self.order_id, providers=providers, actor=actor, service=code,
                      replace=replace))

    def _on_manual_clicked(self) -> None:
        self.manual_dialog = ManualLabelDialog(self)
        self.manual_dialog.accepted.connect(self._on_manual_dialog_accepted)
        self.manual_dialog.open()

    def _on_manual_dialog_accepted(self) -> None:
        entry = self.manual_dialog.entry()
        self._run(self.tr("Recording tracking number {tracking}…").format(
            tracking=entry.tracking), lambda db, providers, actor: buy_labels(
            db, self.order_id, providers=providers, actor=actor, manual=entry))

    def _on_void_clicked(self) -> None:
        self._run(self.tr("Voiding the label…"), lambda db, providers, actor: void_labels(
            db, self.order_id, providers=providers, actor=actor))

    def _run(self, doing: str,
             fn: Callable[[Database, ProviderSource, Actor], list[LabelPurchaseInfo]]) -> None:
        """A provider call as a job (its own short transactions, HTTP between them)."""
        providers, actor = self._providers, self._actor
        if providers is None or actor is None:
            return
        for button in (self.buy_button, self.void_button, self.rate_button,
                       self.manual_button):
            button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(doing)

        def job(db: Database, _control: TaskControl) -> Saved:
            return Saved(fn(db, providers, actor), Changes.ORDERS)

        self._tasks.job(job, on_done=self._on_done, on_error=self._on_failed, owner=self)

    def _on_done(self, saved: Saved) -> None:
        done: list[LabelPurchaseInfo] = saved.value
        self.message.setStyleSheet("color: #05603a;")
        self.message.setText(self.tr("Done: %n label(s).", "", len(done)) + " " + ", ".join(
            f"{p.carrier or ''} {p.tracking_number or ''} ({self._state(p)})".strip()
            for p in done))
        self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self._say_error(exc)
        self.reload()

    def _say_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(error_text(exc))
