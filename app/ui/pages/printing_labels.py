"""The Printing screen's "Seller labels" tab: import a seller's label file, see which
order each label matched, and print the matched ones if asked.

Reading, matching and printing run on the print worker (the printer's lane, or the
import lane when nothing prints), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.channels.file_input import read_import_file
from app.services.print_documents import JobKind
from app.services.print_queue import DeliveryResult, print_document
from app.services.seller_labels import (
    LabelImportReport,
    carrier_label_document,
    import_label_file,
)
from app.ui.devices.printing import IMPORT_LANE, PrintWorker
from app.ui.i18n import error_text
from app.ui.models.printing import LabelMatchModel
from app.ui.pages.base import PageContext
from app.ui.pages.printing_flagged import FlaggedLabelsBox
from app.ui.widgets.message_bar import Level, MessageBar
from app.ui.widgets.tables import configure_table
from printers.importing import split_label_file
from printers.profiles import PrinterProfile


@dataclass(frozen=True)
class _Imported:
    report: LabelImportReport
    printed: list[DeliveryResult]


class SellerLabelsPanel(QWidget):
    """Import button and options on the left, the labels and their orders on the right.

    ``profile_for`` is the page's printer choice ("Print on"); results and errors show
    on the page's ``messages`` as well as in the panel.
    """

    def __init__(self, ctx: PageContext, worker: PrintWorker,
                 profile_for: Callable[[JobKind], PrinterProfile], messages: MessageBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._worker = worker
        self._profile_for = profile_for
        self._messages = messages
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_options())
        right = QVBoxLayout()
        right.addWidget(self._build_matches(), 2)
        self.flagged = FlaggedLabelsBox(ctx, messages)
        right.addWidget(self.flagged, 1)
        layout.addLayout(right, 1)
        self.flagged.reload()

    def _build_options(self) -> QWidget:
        left = QVBoxLayout()
        self.import_button = QPushButton(self.tr("Import label file…"))
        self.import_button.setObjectName("import_file")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.import_print = QCheckBox(self.tr("Print matched labels now"))
        self.import_print.setObjectName("import_print")
        self.import_summary = QLabel(self.tr(
            "PDF, PNG or ZPL files from the seller, or a ZIP of them. Each label is matched "
            "to its order by the tracking or order number on it (read from the barcode "
            "when the text lacks it); labels that match no order are listed, and a label "
            "naming two orders or reusing a tracking number is flagged."))
        self.import_summary.setWordWrap(True)
        self.import_summary.setObjectName("Muted")
        left.addWidget(self.import_button)
        left.addWidget(self.import_print)
        left.addWidget(self.import_summary)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setMaximumWidth(340)
        return holder

    def _build_matches(self) -> QTableView:
        self.match_model = LabelMatchModel(self)
        self.match_view = configure_table(QTableView())
        self.match_view.setModel(self.match_model)
        self.match_view.setObjectName("matches")
        self.match_view.horizontalHeader().resizeSection(0, 60)
        self.match_view.horizontalHeader().resizeSection(1, 150)
        self.match_view.horizontalHeader().resizeSection(2, 230)  # a 22-digit USPS number
        return self.match_view

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import label file"), "",
            self.tr("Label files (*.pdf *.png *.zpl *.txt *.zip);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Split, match and store a seller's label file (and print it if asked)."""
        profile: PrinterProfile | None = None
        if self.import_print.isChecked():
            try:
                profile = self._profile_for(JobKind.CARRIER_LABEL)
            except Exception as exc:
                self._show_error(exc)
                return
        db, station, actor = self.ctx.app.db, self.ctx.app.settings.station_name, self.ctx.actor

        def run() -> _Imported:
            labels = split_label_file(read_import_file(path), name=str(path))
            report = import_label_file(db, str(path), labels, actor=actor)
            printed = []
            if profile is not None:
                for match in report.matched:
                    if match.flag is not None:
                        continue  # never printed silently: the summary counts it flagged
                    with db.reading() as s:
                        document = carrier_label_document(s, match.label_id)
                    printed.append(print_document(db, document, profile, actor=actor,
                                                  station=station))
            return _Imported(report, printed)

        self.import_button.setEnabled(False)
        self.import_summary.setText(self.tr("Reading {file}…").format(file=path.name))
        self._worker.submit(profile.uri if profile else IMPORT_LANE, run,
                            on_done=self._on_imported, on_error=self._on_import_failed,
                            owner=self)

    def _on_imported(self, imported: _Imported) -> None:
        self.import_button.setEnabled(True)
        report = imported.report
        self.match_model.set_report(report)
        self.flagged.reload()
        text = self.tr("{file}: %n label(s), {matched} matched, {unmatched} without an "
                       "order.", "", report.labels).format(file=Path(report.file).name,
                                        matched=len(report.matched),
                                        unmatched=len(report.unmatched))
        if report.released:
            text += " " + self.tr("%n order(s) released from the address hold: {numbers}.",
                                  "", len(report.released)).format(
                numbers=", ".join(report.released))
            if report.allocation is not None:
                text += " " + self.tr("Allocated {allocated}, backordered {backordered}.").format(
                    allocated=report.allocation.allocated,
                    backordered=report.allocation.backordered)
        if report.flagged:
            text += " " + self.tr("%n label(s) flagged: check before shipping.", "",
                                  len(report.flagged))
        failed = [r for r in imported.printed if r.error is not None]
        if imported.printed:
            text += " " + self.tr("{sent} printed, {failed} failed (see the queue).").format(
                sent=len(imported.printed) - len(failed), failed=len(failed))
        self.import_summary.setText(text)
        if failed and failed[0].error is not None:
            self._show_error(failed[0].error)
        elif report.flagged:
            self._messages.show_message(text, Level.WARNING)
        else:
            self._messages.show_message(text, Level.SUCCESS)

    def _on_import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.import_summary.setText(error_text(exc))
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        self._messages.show_message(error_text(exc), Level.ERROR)
