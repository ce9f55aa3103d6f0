"""Settings → Shipping rules: how labels are chosen for each client (seller).

Next to the carrier accounts, because a clerk setting up label buying does both at once:
which carriers and services the client allows, whether the cheapest rate that arrives by
the deliver-by date or the fastest one under a price wins, insurance above a declared
value, and a service forced for a platform's service level (Amazon ``Expedited`` →
``UPS/2nd Day Air``). Saving rules is also how a client opts in to labels bought at
packing (:mod:`app.services.shipping_rules`). Saved at once, in the background, shared
by every PC; the dialog's Save does not touch them.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Actor
from app.domain.rate_shopping import Strategy
from app.services.dto import ClientInfo
from app.services.organisation import list_clients
from app.services.shipping_rules import (
    ShippingRulesDraft,
    ShippingRulesInfo,
    get_shipping_rules,
    set_shipping_rules,
)
from app.settings import StationSettings
from app.ui.i18n import error_text
from app.ui.models.orders import local_time
from app.ui.tasks import TaskRunner


def _money_box() -> QDoubleSpinBox:
    """Dollars; 0 reads "no limit" (the services' None)."""
    box = QDoubleSpinBox()
    box.setRange(0.0, 100_000.0)
    box.setDecimals(2)
    box.setPrefix("$ ")
    box.setMinimumWidth(140)
    return box


def _amount(box: QDoubleSpinBox) -> Decimal | None:
    return Decimal(f"{box.value():.2f}") if box.value() > 0 else None


def overrides_text(overrides: dict[str, str]) -> str:
    """One ``service level = CARRIER/SERVICE`` per line."""
    return "\n".join(f"{level} = {code}" for level, code in sorted(overrides.items()))


def parse_overrides(text: str) -> dict[str, str]:
    """Lines of ``level = CARRIER/SERVICE`` (a line without "=" is left for the service
    to refuse with its own words)."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        level, _eq, code = line.partition("=")
        found[level.strip()] = code.strip()
    return found


class ShippingRulesSection(QWidget):
    """The "Shipping rules" tab (a widget itself, so lupdate sees its ``self.tr``)."""

    def __init__(self, tasks: TaskRunner, actor: Actor) -> None:
        super().__init__()
        self._tasks = tasks
        self._actor = actor
        self.rules: ShippingRulesInfo | None = None
        self.client = QComboBox()
        self.client.setObjectName("rules_client")
        self.client.setMinimumWidth(240)
        self.strategy = QComboBox()
        self.strategy.setObjectName("rules_strategy")
        self.strategy.addItem(self.tr("Cheapest rate that arrives by the deliver-by date"),
                              Strategy.CHEAPEST_ON_TIME.value)
        self.strategy.addItem(self.tr("Fastest rate under the price limit"),
                              Strategy.FASTEST_UNDER.value)
        self.max_cost = _money_box()
        self.max_cost.setObjectName("rules_max_cost")
        self.max_cost.setSpecialValueText(self.tr("no limit"))
        self.insure_above = _money_box()
        self.insure_above.setObjectName("rules_insure_above")
        self.insure_above.setSpecialValueText(self.tr("never"))
        self.allowed = QLineEdit()
        self.allowed.setObjectName("rules_allowed")
        self.allowed.setPlaceholderText(self.tr("all carriers — or e.g. USPS, UPS/Ground"))
        self.overrides = QPlainTextEdit()
        self.overrides.setObjectName("rules_overrides")
        self.overrides.setTabChangesFocus(True)
        self.overrides.setFixedHeight(72)
        self.overrides.setPlaceholderText(self.tr("one per line, e.g. Expedited = UPS/2nd Day "
                                                  "Air"))
        self.state = QLabel()
        self.state.setObjectName("Muted")
        self.state.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save rules"))
        self.save_button.setObjectName("save_rules")
        self.save_button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("rules_message")
        self.message.setWordWrap(True)
        note = QLabel(self.tr("A client with rules has its labels bought when an order is "
                              "packed. Saved at once, for every PC."))
        note.setObjectName("Muted")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Client"), self.client)
        form.addRow(self.tr("Choose"), self.strategy)
        form.addRow(self.tr("Price limit"), self.max_cost)
        form.addRow(self.tr("Insure above"), self.insure_above)
        form.addRow(self.tr("Allowed carriers"), self.allowed)
        form.addRow(self.tr("Service per platform level"), self.overrides)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.client.currentIndexChanged.connect(self._on_client_current_index_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._tasks.read(list_clients, on_done=self._show_clients, on_error=self._say_error,
                         owner=self)

    # -- SettingsSection -----------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Shipping rules")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: StationSettings) -> StationSettings:
        return settings  # saved to the database with "Save rules"

    # -- loading -------------------------------------------------------------------------

    def _show_clients(self, clients: list[ClientInfo]) -> None:
        blocked = self.client.blockSignals(True)
        self.client.clear()
        for c in clients:
            if c.active:
                self.client.addItem(f"{c.code} — {c.name}", c.code)
        self.client.blockSignals(blocked)
        self._on_client_current_index_changed()

    def _on_client_current_index_changed(self, _index: int = 0) -> None:
        code = self.client.currentData()
        self.save_button.setEnabled(False)
        if code:
            self._tasks.read(lambda s: get_shipping_rules(s, str(code)), on_done=self._show,
                             on_error=self._say_error, owner=self)

    def _show(self, rules: ShippingRulesInfo) -> None:
        if rules.client_code != self.client.currentData():
            return  # another client was chosen meanwhile
        self.rules = rules
        self.strategy.setCurrentIndex(max(0, self.strategy.findData(rules.strategy)))
        self.max_cost.setValue(float(rules.max_cost or 0))
        self.insure_above.setValue(float(rules.insure_above or 0))
        self.allowed.setText(", ".join(rules.allowed))
        self.overrides.setPlainText(overrides_text(rules.overrides))
        if rules.configured:
            self.state.setText(self.tr("Set by {user}, {when}.").format(
                user=rules.updated_by or "—", when=local_time(rules.updated_at)))
        else:
            self.state.setText(self.tr("No rules yet: this client's labels are not bought "
                                       "here."))
        self.save_button.setEnabled(True)

    # -- saving --------------------------------------------------------------------------

    def draft(self) -> ShippingRulesDraft:
        allowed = tuple(part.strip() for part in self.allowed.text().split(",") if part.strip())
        return ShippingRulesDraft(
            strategy=str(self.strategy.currentData()), max_cost=_amount(self.max_cost),
            insure_above=_amount(self.insure_above), allowed=allowed,
            overrides=parse_overrides(self.overrides.toPlainText()))

    def _on_save_clicked(self) -> None:
        code, draft, actor = str(self.client.currentData()), self.draft(), self._actor

        def done(rules: ShippingRulesInfo) -> None:
            self._show(rules)
            self.message.setStyleSheet("color: #05603a;")
            self.message.setText(self.tr("Shipping rules of {client} saved.").format(
                client=rules.client_code))

        self._tasks.write(lambda s: set_shipping_rules(s, code, draft, actor=actor),
                          on_done=done, on_error=self._say_error, owner=self)

    def _say_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(error_text(exc))
