"""Table models of the Printing screen: the print queue and a label file's match results.

Both hold the DTO rows a background task returned; ``data()`` only formats them. Kind
and status names are translated display names, never the stored values; a job's stored
error is shown in the user's language from its template and fields when it has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.print_documents import JobKind
from app.services.print_queue import JobStatus, PrintJobInfo
from app.services.seller_labels import FlaggedLabel, LabelFlag, LabelImportReport
from app.ui.i18n import stored_error_text

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_STATUS_COLOURS = {
    JobStatus.FAILED: QColor("#b42318"),
    JobStatus.PRINTING: QColor("#8a5a00"),
    JobStatus.QUEUED: QColor("#8a5a00"),
    JobStatus.SENT: QColor("#05603a"),
}


def kind_names() -> dict[JobKind, str]:
    return {
        JobKind.SHIPPING_LABEL: QCoreApplication.translate("PrintingNames", "Shipping label"),
        JobKind.PACKING_SLIP: QCoreApplication.translate("PrintingNames", "Packing slip"),
        JobKind.PICK_LIST: QCoreApplication.translate("PrintingNames", "Pick list"),
        JobKind.BIN_LABELS: QCoreApplication.translate("PrintingNames", "Bin labels"),
        JobKind.SKU_LABELS: QCoreApplication.translate("PrintingNames", "SKU labels"),
        JobKind.TEST_PAGE: QCoreApplication.translate("PrintingNames", "Test page"),
        JobKind.CARRIER_LABEL: QCoreApplication.translate("PrintingNames", "Carrier label"),
        JobKind.MANIFEST: QCoreApplication.translate("PrintingNames", "Manifest"),
        JobKind.CARTON_LABELS: QCoreApplication.translate("PrintingNames", "Carton labels"),
    }


def status_names() -> dict[JobStatus, str]:
    return {
        JobStatus.QUEUED: QCoreApplication.translate("PrintingNames", "Waiting"),
        JobStatus.PRINTING: QCoreApplication.translate("PrintingNames", "Sending"),
        JobStatus.SENT: QCoreApplication.translate("PrintingNames", "Sent"),
        JobStatus.FAILED: QCoreApplication.translate("PrintingNames", "Failed"),
    }


def job_error_text(job: PrintJobInfo) -> str:
    """The stored error in the user's language (English when it has no template)."""
    return stored_error_text(job.last_error, job.error_template, job.error_fields)


class PrintQueueModel(QAbstractTableModel):
    """Print jobs, newest first, as the background read returned them."""

    ID, CREATED, KIND, REFERENCE, PRINTER, STATUS, ATTEMPTS, ERROR = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PrintJobInfo] = []
        self._kinds = kind_names()
        self._statuses = status_names()

    def set_rows(self, rows: Sequence[PrintJobInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def job(self, row: int) -> PrintJobInfo:
        return self._rows[row]

    def row_of(self, job_id: int) -> int:
        return next((i for i, job in enumerate(self._rows) if job.id == job_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [self.tr("Job"), self.tr("Created"), self.tr("Document"),
                   self.tr("Reference"), self.tr("Printer"), self.tr("Status"),
                   self.tr("Tries"), self.tr("Error")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        job = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ERROR:
                return job_error_text(job) or None
            if column == self.PRINTER:
                return f"{job.printer_uri} · {job.language.upper()} · {job.dpi} dpi"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(_STATUS_COLOURS[job.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ID, self.ATTEMPTS):
            return _RIGHT
        return None

    def _display(self, job: PrintJobInfo, column: int) -> str:
        if column == self.ID:
            return str(job.id)
        if column == self.CREATED:
            return job.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == self.KIND:
            text = self._kinds[job.kind]
            return text if job.copies == 1 else self.tr("{kind} ×{copies}").format(
                kind=text, copies=job.copies)
        if column == self.REFERENCE:
            return job.reference
        if column == self.PRINTER:
            return job.printer_name
        if column == self.STATUS:
            return self._statuses[job.status]
        if column == self.ATTEMPTS:
            return str(job.attempts)
        return job_error_text(job)


class LabelMatchModel(QAbstractTableModel):
    """One row per label in an imported file: its order, or what was read on it, and
    why a clerk must look at it (a label naming two orders, a reused tracking number)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # label no, order, reference, ok, what to check ("" when nothing)
        self._rows: list[tuple[int, str, str, bool, str]] = []

    def set_report(self, report: LabelImportReport | None) -> None:
        self.beginResetModel()
        rows: list[tuple[int, str, str, bool, str]] = []
        if report is not None:
            reused = {f.index: f for f in report.flagged
                      if f.flag is LabelFlag.TRACKING_REUSED}
            rows += [(m.index + 1, m.order_number, m.tracking_number or m.reference, True,
                      self._check(reused[m.index]) if m.index in reused else "")
                     for m in report.matched]
            rows += [(u.index + 1, "", ", ".join(u.candidates[:6]), False, "")
                     for u in report.unmatched]
            rows += [(f.index + 1, "", f.tracking_number or "", False, self._check(f))
                     for f in report.flagged if f.flag is LabelFlag.TWO_ORDERS]
        self._rows = sorted(rows)
        self.endResetModel()

    def _check(self, flag: FlaggedLabel) -> str:
        orders = ", ".join(flag.orders)
        if flag.flag is LabelFlag.TWO_ORDERS:
            return self.tr("Names two orders ({orders}): attached to neither").format(
                orders=orders)
        return self.tr("Tracking number also on {orders}: check before shipping").format(
            orders=orders)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [self.tr("Label"), self.tr("Order"), self.tr("Tracking / text read"),
                   self.tr("Check")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number, order, reference, ok, check = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(number)
            if column == 1:
                return order if ok else (self.tr("Two orders") if check
                                         else self.tr("No matching order"))
            if column == 3:
                return check
            return reference or ("" if ok else self.tr("nothing readable"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and check:
            return check
        if (role == Qt.ItemDataRole.ForegroundRole
                and ((column == 1 and not ok) or (column == 3 and check))):
            return QBrush(QColor("#b42318"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return _RIGHT
        return None
