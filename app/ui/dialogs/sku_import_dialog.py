"""Importing a client's SKU list: choose the file, see what it would create and update and
every bad row, then import all or only the valid rows.

The preview is the import's own check (``preview_sku_import``) run without writing, so
it lists exactly what an import would refuse. "Import all" is offered only for a clean
file. The import is one transaction on the writer thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Actor
from app.services.changes import Changes
from app.services.sku_import import (
    SkuImportRejected,
    SkuImportReport,
    SkuRowProblem,
    import_skus,
    preview_sku_import,
)
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner
from app.ui.widgets.tables import configure_table


def problem_text(problem: SkuRowProblem) -> str:
    """A row's reason in the user's language (the import keeps English templates)."""
    for context in ("errors", "imports"):
        template = QCoreApplication.translate(context, problem.template)
        if template != problem.template:
            break
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.reason


class SkuProblemsModel(QAbstractTableModel):
    """Line, SKU, column and reason of every bad row (a model: long lists scroll)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []

    def set_problems(self, problems: Sequence[SkuRowProblem]) -> None:
        self.beginResetModel()
        self._rows = [(str(p.line), p.sku or "", p.column or "", problem_text(p))
                      for p in problems]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Line"), self.tr("SKU"), self.tr("Column"), self.tr("Problem"))[
                section]
        return None

    def data(self, index: QModelIndex | Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None


@dataclass(frozen=True)
class SkuImportOutcome:
    """A finished import; ``changes`` makes every screen showing SKUs reload."""

    report: SkuImportReport
    changes: Changes = Changes.CATALOG


class SkuImportDialog(QDialog):
    """Emits ``imported(SkuImportReport)`` and closes after a successful import."""

    imported = Signal(object)

    def __init__(self, tasks: TaskRunner, actor: Actor, client_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.actor = actor
        self.client_code = client_code
        self.report: SkuImportReport | None = None
        self.setWindowTitle(self.tr("Import SKUs for client {client}").format(client=client_code))
        self.setMinimumSize(720, 480)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("CSV or Excel (.xlsx) file"))
        self.path_edit.textEdited.connect(lambda _t: self._forget_preview())
        self.path_edit.returnPressed.connect(self.preview)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._on_browse_clicked)
        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.preview)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)

        self.summary = QLabel(self.tr(
            "Choose the file. SKUs the client already has are updated with the cells the "
            "file fills in; empty cells keep what is stored."))
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.problems = SkuProblemsModel(self)
        self.problem_table = configure_table(QTableView())
        self.problem_table.setModel(self.problems)
        for column, width in ((0, 56), (1, 130), (2, 120)):
            self.problem_table.horizontalHeader().resizeSection(column, width)

        self.import_all_button = QPushButton(self.tr("Import all"))
        self.import_all_button.setProperty("primary", True)
        self.import_all_button.clicked.connect(lambda: self.run_import(valid_only=False))
        self.import_valid_button = QPushButton(self.tr("Import valid rows only"))
        self.import_valid_button.clicked.connect(lambda: self.run_import(valid_only=True))
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_all_button, self.import_valid_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the file field checks; it never imports
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.problem_table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_file(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self._forget_preview()

    def _on_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a SKU file"), self.path_edit.text(),
            self.tr("SKU files (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.set_file(path)
            self.preview()

    # -- checking ------------------------------------------------------------------------

    def preview(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        self._forget_preview()
        self.summary.setText(self.tr("Checking the file…"))
        client = self.client_code
        self.tasks.read(lambda s: preview_sku_import(s, client, path),
                        on_done=self._on_previewed, on_error=self._show_error, owner=self)

    def _on_previewed(self, report: SkuImportReport) -> None:
        self.report = report
        self.problems.set_problems(report.problems)
        self.summary.setText(self._summary(report))
        self._update_buttons()

    def _summary(self, r: SkuImportReport) -> str:
        text = self.tr("%n row(s): ", "", r.rows) + ", ".join((
            self.tr("%n new", "", len(r.created)),
            self.tr("%n updated", "", len(r.updated)),
            self.tr("%n unchanged", "", len(r.unchanged)),
        ))
        if r.problems:
            text += self.tr("; %n row(s) with problems, listed below.", "", r.bad_lines)
        else:
            text += self.tr("; no problems.")
        return text

    def _forget_preview(self) -> None:
        self.report = None
        self.problems.set_problems(())
        self.error.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.report
        good = r is not None and bool(r.created or r.updated or r.unchanged)
        self.import_all_button.setEnabled(r is not None and r.ok)
        self.import_valid_button.setEnabled(r is not None and not r.ok and good)

    def _show_error(self, exc: BaseException) -> None:
        self.summary.setText("")
        self.error.setText(error_text(exc))
        self.error.show()

    # -- importing -----------------------------------------------------------------------

    def run_import(self, *, valid_only: bool) -> None:
        path, client, actor = self.path_edit.text().strip(), self.client_code, self.actor

        def write(s: Any) -> SkuImportOutcome:
            return SkuImportOutcome(import_skus(s, client, path, actor=actor,
                                               valid_only=valid_only))

        self.import_all_button.setEnabled(False)
        self.import_valid_button.setEnabled(False)
        self.tasks.write(write, on_done=self._on_imported, on_error=self._on_import_failed,
                         owner=self)

    def _on_imported(self, outcome: SkuImportOutcome) -> None:
        self.imported.emit(outcome.report)
        self.accept()

    def _on_import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SkuImportRejected):  # the file changed since the check
            self._on_previewed(exc.report)
        self._show_error(exc)
        self._update_buttons()
