"""The Shipping screen: what went wrong after the parcels left, and labels to give back.

**Exceptions**: parcels returned to sender, with an address problem, or not scanned by
the carrier N days after handover (the evidence a seller needs for an Amazon late-scan
claim): kind, order, tracking number, days since handover, the carrier's words; Resolve
(Enter) marks one dealt with, who and when kept (:mod:`app.services.tracking`).

**Labels to void**: bought labels nobody will use — the order was cancelled or held, a
newer label replaced it, the tracking number belongs to another order, or a void waits
for the provider's answer (:func:`app.services.label_void.labels_to_void`). One key
(Delete) voids the selected label; the provider is asked on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.domain.errors import QT_TRANSLATE_NOOP  # typed (returns str); lupdate sees the name
from app.domain.permissions import Permission
from app.secrets import SecretStore
from app.services.changes import Changes
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderSource
from app.services.label_records import LabelPurchaseInfo
from app.services.label_void import LabelToVoid, labels_to_void, void_labels
from app.services.lookup import client_by_code, order_by_number
from app.services.tracking import ShippingExceptionInfo, list_exceptions, resolve_exception
from app.ui.dialogs.order_detail import OrderDetailDialog
from app.ui.models.orders import local_time, status_text
from app.ui.pages.admin_clients_common import (
    PlainRowsModel,
    Saved,
    searchable_table,
    select_first,
    selected_rows,
)
from app.ui.pages.base import Page, PageContext
from app.ui.tasks import TaskControl
from app.ui.widgets.tables import fit_columns

_CONTEXT = "ShippingPage"
EXCEPTION_KINDS = {
    "return_to_sender": QT_TRANSLATE_NOOP("ShippingPage", "Returned to sender"),
    "address_problem": QT_TRANSLATE_NOOP("ShippingPage", "Address problem"),
    "no_scan": QT_TRANSLATE_NOOP("ShippingPage", "No carrier scan"),
}
VOID_REASONS = {
    "cancelled": QT_TRANSLATE_NOOP("ShippingPage", "order cancelled"),
    "on_hold": QT_TRANSLATE_NOOP("ShippingPage", "order on hold"),
    "superseded": QT_TRANSLATE_NOOP("ShippingPage", "replaced by a newer label"),
    "tracking_taken": QT_TRANSLATE_NOOP("ShippingPage", "tracking number of another order"),
    "void_pending": QT_TRANSLATE_NOOP("ShippingPage", "void asked, no answer yet"),
}
_RED = QBrush(QColor("#b42318"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_text(kind: str) -> str:
    return _tr(EXCEPTION_KINDS[kind]) if kind in EXCEPTION_KINDS else kind


def days_since(moment: datetime | None, now: datetime | None = None) -> int | None:
    """Whole days from ``moment`` (UTC) to now."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return max(0, ((now or datetime.now(UTC)) - aware).days)


class ExceptionsModel(PlainRowsModel):
    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Order"), self.tr("Client"), self.tr("Tracking"),
                self.tr("Carrier"), self.tr("Days since handover"), self.tr("First scan"),
                self.tr("Found"), self.tr("Detail")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({5})

    def display(self, row: Any, column: int) -> str:
        e: ShippingExceptionInfo = row
        days = days_since(e.shipped_at)
        values = (kind_text(e.kind), e.order_number, e.client, e.tracking_number or e.parcel,
                  e.carrier or "—", "—" if days is None else str(days),
                  local_time(e.first_scan_at) or self.tr("none"), local_time(e.detected_at),
                  e.detail or "")
        return values[column]

    def sort_value(self, row: Any, column: int) -> Any:
        if column == 5:
            return days_since(row.shipped_at) or 0
        return self.display(row, column)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        return _RED if column == 0 and row.resolved_at is None else None


class VoidModel(PlainRowsModel):
    def headers(self) -> list[str]:
        return [self.tr("Order"), self.tr("Why"), self.tr("Carrier"), self.tr("Tracking"),
                self.tr("Cost"), self.tr("Bought"), self.tr("Order status")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({4})

    def display(self, row: Any, column: int) -> str:
        v: LabelToVoid = row
        why = _tr(VOID_REASONS[v.why]) if v.why in VOID_REASONS else v.why
        cost = "" if v.cost is None else f"{v.cost:,.2f}"
        values = (v.order_number, why, " ".join(x for x in (v.carrier, v.service) if x),
                  v.tracking_number or "—", cost, local_time(v.bought_at),
                  status_text(v.order_status))
        return values[column]

    def sort_value(self, row: Any, column: int) -> Any:
        if column == 4:
            return row.cost or Decimal(0)
        return self.display(row, column)


class _Keys(QObject):
    """One key, one action, on one list (a table view takes Enter and Delete for itself
    before a shortcut sees them)."""

    def __init__(self, actions: dict[Qt.Key, Callable[[], None]], parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._actions.get(Qt.Key(event.key()))
            if action is not None and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                action()
                return True
        return super().eventFilter(watched, event)


class ShippingPage(Page):
    """Exceptions and labels to void, one tab each."""

    listens_to = Changes.ORDERS

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        title_row, self.count = self.title_row(self.tr("Shipping"))
        self.body().addLayout(title_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ShippingTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_exceptions(), self.tr("Exceptions"))
        self.tabs.addTab(self._build_void(), self.tr("Labels to void"))
        self.body().addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._providers: ProviderSource | None = None
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _build_exceptions(self) -> QWidget:
        tab = QWidget()
        self.exceptions = ExceptionsModel()
        self.exceptions_view, _proxy = searchable_table(self.exceptions)
        self.exceptions_view.setObjectName("exceptions")
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.toggled.connect(self._on_show_resolved_toggled)
        self.resolve_button = QPushButton(self.tr("Resolve (Enter)"))
        self.resolve_button.setObjectName("resolve_exception")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.resolve_button.setVisible(self.ctx.actor.may(Permission.HAND_OVER))
        note = QLabel(self.tr("Parcels returned, undeliverable, or not scanned by the carrier "
                              "since handover: the dates are the seller's evidence."))
        note.setObjectName("Muted")
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.resolve_button)
        row.addWidget(self.show_resolved)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.exceptions_view, 1)
        self.exceptions_view.doubleClicked.connect(self._on_exceptions_view_double_clicked)
        self.exceptions_view.installEventFilter(_Keys({
            Qt.Key.Key_Return: self.resolve_selected, Qt.Key.Key_Enter: self.resolve_selected,
        }, self))
        fit_columns(self.exceptions_view, ["Returned to sender", "#100000", "ACME",
                                           "1Z999AA10123456784", "USPS", "12", "2026-12-07 09:00",
                                           "2026-12-07 09:00"])
        return tab

    def _build_void(self) -> QWidget:
        tab = QWidget()
        self.to_void = VoidModel()
        self.void_view, _proxy = searchable_table(self.to_void, multi_select=True)
        self.void_view.setObjectName("labels_to_void")
        self.void_button = QPushButton(self.tr("Void selected (Del)"))
        self.void_button.setObjectName("void_selected")
        self.void_button.clicked.connect(self.void_selected)
        self.void_button.setVisible(self.ctx.actor.may(Permission.BUY_LABELS))
        self.today_only = QCheckBox(self.tr("Bought today only"))
        self.today_only.toggled.connect(lambda _on: self.reload())
        note = QLabel(self.tr("Labels bought and not going to be used: void them so the "
                              "postage is refunded (USPS within 30 days)."))
        note.setObjectName("Muted")
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.void_button)
        row.addWidget(self.today_only)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.void_view, 1)
        self.void_view.installEventFilter(_Keys({Qt.Key.Key_Delete: self.void_selected}, self))
        self.void_view.doubleClicked.connect(self._on_void_view_double_clicked)
        fit_columns(self.void_view, ["#100000", "replaced by a newer label", "USPS Priority",
                                     "9400111899223197428490", "12.34", "2026-12-07 09:00"])
        return tab

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        open_only = not self.show_resolved.isChecked()
        day = datetime.now(UTC).date() if self.today_only.isChecked() else None
        self.ctx.tasks.read(lambda s: list_exceptions(s, open_only=open_only),
                            on_done=self._show_exceptions, owner=self)
        self.ctx.tasks.read(lambda s: labels_to_void(s, day), on_done=self._show_void,
                            owner=self)

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def _show_exceptions(self, rows: Sequence[ShippingExceptionInfo]) -> None:
        current = selected_rows(self.exceptions_view, self.exceptions)
        self.exceptions.set_rows(rows)
        self.tabs.setTabText(0, self.tr("Exceptions ({count})").format(
            count=sum(1 for r in rows if r.resolved_at is None)))
        if current:
            select_first(self.exceptions_view, self.exceptions, lambda r: r.id == current[0].id)
        elif rows:
            self.exceptions_view.selectRow(0)
        self._show_count()

    def _show_void(self, rows: Sequence[LabelToVoid]) -> None:
        self.to_void.set_rows(rows)
        self.tabs.setTabText(1, self.tr("Labels to void ({count})").format(count=len(rows)))
        if rows and not self.void_view.selectionModel().hasSelection():
            self.void_view.selectRow(0)
        self._show_count()

    def _show_count(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.count.setText(self.tr("%n open exception(s)", "", sum(
                1 for r in self.exceptions.all_rows() if r.resolved_at is None)))
        else:
            self.count.setText(self.tr("%n label(s) to void", "", len(self.to_void.all_rows())))

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._show_count()
        self.focus_search()

    def _on_show_resolved_toggled(self, _on: bool) -> None:
        self.reload()

    # -- actions -------------------------------------------------------------------------

    def resolve_selected(self) -> None:
        """Enter: the selected exception is dealt with."""
        rows = selected_rows(self.exceptions_view, self.exceptions)
        if not rows or not self.ctx.actor.may(Permission.HAND_OVER):
            return
        row, actor = rows[0], self.ctx.actor
        if row.resolved_at is not None:
            return

        def done(saved: Saved) -> None:
            info: ShippingExceptionInfo = saved.value
            self.show_info(self.tr("{kind} of order {order} resolved.").format(
                kind=kind_text(info.kind), order=info.order_number))
            self.reload()

        self.ctx.tasks.write(lambda s: Saved(resolve_exception(s, row.id, actor=actor),
                                             Changes.ORDERS),
                             on_done=done, on_error=self.show_error, owner=self)

    def providers(self) -> ProviderSource:
        """Carrier accounts reached with the keyring's secrets (built on first use)."""
        if self._providers is None:
            self._providers = provider_source(self.ctx.tasks.db, SecretStore())
        return self._providers

    def set_providers(self, providers: ProviderSource) -> None:
        """Another way to reach the carriers (tests: the fake servers)."""
        self._providers = providers

    def void_selected(self) -> None:
        """Del: void the selected labels, each through its provider, off the GUI thread."""
        rows: list[LabelToVoid] = selected_rows(self.void_view, self.to_void)
        if not rows or not self.ctx.actor.may(Permission.BUY_LABELS):
            return
        providers, actor = self.providers(), self.ctx.actor
        wanted = [(r.order_id, r.purchase_id) for r in rows]
        self.void_button.setEnabled(False)

        def job(db: Database, _control: TaskControl) -> Saved:
            voided: list[LabelPurchaseInfo] = []
            for order_id, purchase_id in wanted:
                voided += void_labels(db, order_id, providers=providers, actor=actor,
                                      purchase_ids=(purchase_id,))
            return Saved(voided, Changes.ORDERS)

        def done(saved: Saved) -> None:
            self.void_button.setEnabled(True)
            infos: list[LabelPurchaseInfo] = saved.value
            gone = [p for p in infos if p.status == "voided"]
            waiting = [p for p in infos if p.status != "voided"]
            text = self.tr("%n label(s) voided.", "", len(gone))
            if waiting:
                text += " " + self.tr("%n label(s) wait for the provider's answer.", "",
                                      len(waiting))
            self.show_info(text)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.void_button.setEnabled(True)
            self.show_error(exc)
            self.reload()

        self.ctx.tasks.job(job, on_done=done, on_error=failed, owner=self)

    # -- the order behind a row -----------------------------------------------------------

    def _on_exceptions_view_double_clicked(self, _index: QModelIndex) -> None:
        rows = selected_rows(self.exceptions_view, self.exceptions)
        if rows:
            number, client = rows[0].order_number, rows[0].client
            self.ctx.tasks.read(lambda s: order_by_number(
                s, number, client_by_code(s, client).id).id, on_done=self.open_order,
                on_error=self.show_error, owner=self)

    def _on_void_view_double_clicked(self, _index: QModelIndex) -> None:
        rows = selected_rows(self.void_view, self.to_void)
        if rows:
            self.open_order(rows[0].order_id)

    def open_order(self, order_id: int) -> None:
        """The order's detail on its Shipping tab: the label, the rates, why."""
        dialog = OrderDetailDialog(self.ctx.tasks, order_id, self, actor=self.ctx.actor,
                                   providers=self._providers)
        dialog.tabs.setCurrentWidget(dialog.shipping)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.order_dialog = dialog
        dialog.open()

    def focus_search(self) -> None:
        view = self.exceptions_view if self.tabs.currentIndex() == 0 else self.void_view
        view.setFocus()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(1 if key == "void" else 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Fresh lists each time the screen is shown: the tracking poll writes on its own
        thread, so its new exceptions reach no ``on_changes``."""
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()
        self.focus_search()
