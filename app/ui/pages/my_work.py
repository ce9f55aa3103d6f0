"""My work: what the signed-in packer or picker did today (or this week).

Floor staff ask "how many did I do?" and supervisors ask "who shipped this?"; both
answers are already in the order history, the stock ledger and the audit log.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QTableView

from app.domain.errors import QT_TRANSLATE_NOOP
from app.services.activity import ActivityRow, list_activity
from app.services.changes import Changes
from app.ui.models.inventory import RowsModel, local_time
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.tables import configure_table

#: Days shown by each choice of the period box.
PERIODS = (1, 7)


class ActivityModel(RowsModel):
    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("What"), self.tr("Reference"), self.tr("Detail")]

    def display(self, row: Any, column: int) -> str:
        r: ActivityRow = row
        if column == 0:
            return local_time(r.at)
        if column == 1:
            return action_text(r)
        return r.reference if column == 2 else r.detail


def action_text(row: ActivityRow) -> str:
    """"Order packed", "Stock receipt"... in the user's language."""
    # Spelled out, not aliased: lupdate reads an aliased tr(context, text) as tr(text).
    if row.kind == "order":
        return QCoreApplication.translate("MyWorkPage", "Order: {status}").format(
            status=QCoreApplication.translate("errors", row.action))
    if row.kind == "stock":
        return QCoreApplication.translate("MyWorkPage", "Stock: {kind}").format(
            kind=_word(row.action))
    return QCoreApplication.translate("MyWorkPage", "{record}: {action}").format(
        action=_word(row.action), record=QCoreApplication.translate("errors",
                                        row.reference.capitalize()))


class MyWorkPage(Page):
    listens_to = Changes.ORDERS | Changes.STOCK

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        row, self.count_label = self.title_row(self.tr("My work"))
        self.period = QComboBox()
        self.period.addItem(self.tr("Today"), PERIODS[0])
        self.period.addItem(self.tr("Last 7 days"), PERIODS[1])
        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        row.addWidget(self.period)
        self.body().addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.body().addWidget(self.summary)
        self.model = ActivityModel(self)
        self.table = configure_table(QTableView())
        self.table.setModel(self.model)
        self.body().addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        days = int(self.period.currentData())
        local_midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0,
                                                              microsecond=0)
        since = (local_midnight - timedelta(days=days - 1)).astimezone(UTC)
        username = self.ctx.user.username
        self.ctx.tasks.read(lambda s: list_activity(s, username, since=since),
                            on_done=self._on_loaded, owner=self)

    def _on_loaded(self, rows: list[ActivityRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("%n item(s)", "", len(rows)))
        orders = Counter(r.action for r in rows if r.kind == "order")
        parts = [self.tr("%n packed", "", orders["packed"]),
                 self.tr("%n shipped", "", orders["shipped"]),
                 self.tr("%n picking started", "", orders["picking"])]
        self.summary.setText(" · ".join(parts) if rows else self.tr(
            "Nothing recorded yet in this period. Orders you pick, pack or ship and stock "
            "you move appear here."))

    def _on_period_current_index_changed(self, _index: int) -> None:
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        self.reload()


#: Ledger kinds and audited actions as the page names them.
WORDS: dict[str, str] = {
    "receipt": QT_TRANSLATE_NOOP("MyWorkPage", "receipt"),
    "transfer": QT_TRANSLATE_NOOP("MyWorkPage", "transfer"),
    "adjustment": QT_TRANSLATE_NOOP("MyWorkPage", "adjustment"),
    "pick": QT_TRANSLATE_NOOP("MyWorkPage", "pick"),
    "shipment": QT_TRANSLATE_NOOP("MyWorkPage", "shipment"),
    "return": QT_TRANSLATE_NOOP("MyWorkPage", "return"),
    "create": QT_TRANSLATE_NOOP("MyWorkPage", "created"),
    "edit": QT_TRANSLATE_NOOP("MyWorkPage", "changed"),
    "cancel": QT_TRANSLATE_NOOP("MyWorkPage", "cancelled"),
    "adjust": QT_TRANSLATE_NOOP("MyWorkPage", "adjusted"),
    "import_orders": QT_TRANSLATE_NOOP("MyWorkPage", "imported orders"),
}


def _word(value: str) -> str:
    return QCoreApplication.translate("MyWorkPage", WORDS[value]) if value in WORDS else value
