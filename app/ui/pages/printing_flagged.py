"""The seller-labels tab's flagged labels: what the pack station refuses to print, and the
clerk's two answers to it, *Accept…* (it is right; a reason is asked and audited) and
*Discard* (the label leaves its order, which falls back to its other label).

Loading and both decisions run through the task runner, never on the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.label_flags import (
    FlaggedSellerLabel,
    LabelDecision,
    accept_flagged_label,
    discard_seller_label,
    list_flagged_labels,
)
from app.ui.i18n import error_text
from app.ui.pages.base import PageContext
from app.ui.widgets.message_bar import Level, MessageBar
from app.ui.widgets.tables import configure_table

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class FlaggedLabelModel(QAbstractTableModel):
    """One row per flagged label (a short list: a clerk resolves them as they come)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FlaggedSellerLabel] = []

    def set_rows(self, rows: list[FlaggedSellerLabel]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def label_at(self, row: int) -> FlaggedSellerLabel | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [self.tr("Label"), self.tr("Order"), self.tr("Tracking number"),
                   self.tr("Also on")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        label = self.label_at(index.row()) if index.isValid() else None
        if label is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(label.id), label.order_number, label.tracking_number or "",
                ", ".join(label.others))[index.column()] if index.column() < 4 else None


class FlaggedLabelsBox(QWidget):
    """The flagged labels, with Accept… and Discard for the selected one."""

    def __init__(self, ctx: PageContext, messages: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._messages = messages
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.accept_button = QPushButton(self.tr("Accept…"))
        self.accept_button.setObjectName("accept_label")
        self.accept_button.setToolTip(self.tr(
            "The label is right (e.g. the seller's reprint of the same parcel): it prints "
            "again; your reason is kept in the audit log."))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("discard_label")
        self.discard_button.setToolTip(self.tr(
            "Remove the label from its order; the order uses its bought or warehouse label."))
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        top.addWidget(self.title, 1)
        top.addWidget(self.accept_button)
        top.addWidget(self.discard_button)
        layout.addLayout(top)
        self.model = FlaggedLabelModel(self)
        self.view = configure_table(QTableView())
        self.view.setObjectName("flagged_labels")
        self.view.setModel(self.model)
        self.view.horizontalHeader().resizeSection(0, 60)
        self.view.horizontalHeader().resizeSection(1, 150)
        self.view.horizontalHeader().resizeSection(2, 230)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.view, 1)
        self._show_count()

    def reload(self) -> None:
        actor = self.ctx.actor
        self.ctx.tasks.read(lambda s: list_flagged_labels(s, actor=actor),
                            on_done=self._on_loaded, on_error=self._on_error, owner=self)

    def _on_loaded(self, rows: list[FlaggedSellerLabel]) -> None:
        self.model.set_rows(rows)
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.title.setText(self.tr("%n flagged label(s): not printed until accepted or "
                                   "discarded", "", count))
        self.setVisible(count > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.accept_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _selected(self) -> FlaggedSellerLabel | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.label_at(rows[0].row()) if rows else None

    def _on_accept_clicked(self) -> None:
        label = self._selected()
        if label is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Accept flagged label"), self.tr(
            "Why is the label of {order} right although {others} has its tracking number?")
            .format(order=label.order_number, others=", ".join(label.others)))
        if ok:
            self.accept_selected(reason)

    def accept_selected(self, reason: str) -> None:
        """Accept the selected label with ``reason`` (refused, and said, when empty)."""
        label = self._selected()
        if label is None:
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: accept_flagged_label(s, label.id, reason, actor=actor),
                             on_done=self._on_decided, on_error=self._on_error, owner=self)

    def _on_discard_clicked(self) -> None:
        label = self._selected()
        if label is None:
            return
        answer = QMessageBox.question(self, self.tr("Discard label"), self.tr(
            "Remove label {label} from order {order}?").format(label=label.id,
                                                               order=label.order_number))
        if answer == QMessageBox.StandardButton.Yes:
            self.discard_selected()

    def discard_selected(self) -> None:
        """Remove the selected label from its order."""
        label = self._selected()
        if label is None:
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: discard_seller_label(s, label.id, actor=actor),
                             on_done=self._on_decided, on_error=self._on_error, owner=self)

    def _on_decided(self, decision: LabelDecision) -> None:
        text = (self.tr("Label {label} of order {order} accepted: it prints now.")
                if decision.action == "accepted" else
                self.tr("Label {label} removed from order {order}."))
        self._messages.show_message(text.format(label=decision.id, order=decision.order_number),
                                    Level.SUCCESS)
        self.reload()

    def _on_error(self, exc: BaseException) -> None:
        self._messages.show_message(error_text(exc), Level.ERROR)
