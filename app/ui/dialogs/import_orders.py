"""Importing a seller's order file: pick file and client, see every bad row, then decide.

The preview is the real check (``preview_order_import``) run without writing, so
what it lists is exactly what an import would reject. "Import all" is offered
only for a clean file; "Import valid rows only" writes the good orders and
leaves the listed ones out. The import is one transaction on the writer thread:
the service has no progress hook, so the dialog shows a busy bar meanwhile. New
orders are then allocated automatically (where the warehouses' setting is on), in
batches after the import committed; :func:`allocation_text` says how that went.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.channels.files import layout_label
from app.channels.order_formats import TEMPLATE
from app.channels.order_template import write_template
from app.channels.preset_reader import (
    FileLayout,
    LayoutNotRecognised,
    PresetExists,
    read_layout,
)
from app.domain.errors import ImportRejected
from app.domain.permissions import Actor
from app.services.changes import Changes
from app.services.import_presets import PresetInfo, list_presets, save_preset
from app.services.order_import import ImportReport, import_order_file, preview_order_import
from app.ui.dialogs.column_mapping import ColumnMappingPanel
from app.ui.dialogs.preset_tools import PresetTools
from app.ui.dialogs.template_download import ask_template_path, start_folder
from app.ui.i18n import error_text, join_sentences
from app.ui.models.orders import ImportProblemsModel, import_text
from app.ui.tasks import Task, TaskRunner
from app.ui.widgets.tables import configure_table


@dataclass(frozen=True)
class ImportOutcome:
    """A finished import; ``changes`` tells every screen that orders were added."""

    report: ImportReport
    file_name: str
    changes: Changes = Changes.ORDERS


# Short SKUs named in the message after an import; the rest are counted.
SHORT_SKUS_LISTED = 5
#: The ui.ini key (per signed-in user) of the client of the last import, preselected next time.
LAST_CLIENT_KEY = "import/last_client/{user}"


def allocation_text(report: ImportReport) -> tuple[str, bool]:
    """What the automatic allocation after an import did, and whether it is a warning
    (some orders backordered: done, but not all of it). Empty when nothing was new.

    A function rather than a method: the Orders screen shows it after the dialog closed.
    """
    translate = QCoreApplication.translate
    summary = report.allocation
    if summary is None:
        return (translate("ImportOrdersDialog",
                          "New orders wait to be allocated: automatic allocation is off.")
                if report.orders_created else "", False)
    text = translate("ImportOrdersDialog", "Allocated {allocated}, backordered {backordered}."
                     ).format(allocated=f"{summary.allocated:,}",
                              backordered=f"{summary.backordered:,}")
    skus = summary.by_sku()
    if skus:
        named = [translate("ImportOrdersDialog", "{sku} (need {need}, have {have})").format(
            sku=s.sku, need=f"{s.wanted:,}", have=f"{s.available:,}")
            for s in skus[:SHORT_SKUS_LISTED]]
        if len(skus) > SHORT_SKUS_LISTED:
            named.append(translate("ImportOrdersDialog", "%n more SKU(s)", "",
                                   len(skus) - SHORT_SKUS_LISTED))
        text = join_sentences(text, translate("ImportOrdersDialog", "Short: {skus}.").format(
            skus=translate("ImportOrdersDialog", ", ").join(named)))
    return text, summary.backordered > 0


class ImportOrdersDialog(QDialog):
    """Emits ``imported(ImportOutcome)`` and closes after a successful import."""

    imported = Signal(object)

    def __init__(self, tasks: TaskRunner, actor: Actor, client_codes: list[str],
                 preferred_client: str | None = None, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.actor = actor
        self.settings = settings
        self.report: ImportReport | None = None
        #: The check running: reading the file for the report, or its layout for the mapping.
        self._preview_task: Task[Any] | None = None
        self.setWindowTitle(self.tr("Import orders from a file"))
        self.setMinimumSize(760, 520)

        if preferred_client is None and settings is not None:
            preferred_client = str(settings.value(self._last_client_key(), "") or "") or None
        form = self._build_form(client_codes, preferred_client)
        self._build_results()
        buttons = self._build_buttons()
        self.mapping = ColumnMappingPanel()
        self.mapping.save_requested.connect(self._on_mapping_save_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.problem_table)
        self.stack.addWidget(self.mapping)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        self._update_buttons()
        self._load_presets()

    def _build_form(self, client_codes: list[str], preferred_client: str | None) -> QFormLayout:
        """The file, the client it belongs to and how its columns are read (the client's
        presets), each with its buttons."""
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("CSV or Excel (.xlsx) file"))
        self.path_edit.textEdited.connect(lambda _t: self._forget_preview())
        self.path_edit.returnPressed.connect(self.preview)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._on_browse_clicked)
        self.template_button = QPushButton(self.tr("Download template…"))
        self.template_button.setAutoDefault(False)
        self.template_button.setToolTip(self.tr(
            "Save an empty order file (CSV or Excel, English or Chinese headers) to send to "
            "the seller."))
        self.template_button.clicked.connect(self._on_template_button_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(self.template_button)
        self.client_combo = QComboBox()
        self.client_combo.setPlaceholderText(self.tr("Choose the client…"))
        for code in client_codes:
            self.client_combo.addItem(code, code)
        # The last import's client, or none: never silently the first in the list.
        self.client_combo.setCurrentIndex(self.client_combo.findData(preferred_client)
                                          if preferred_client is not None else -1)
        self.client_combo.activated.connect(lambda _i: self._on_client_chosen())
        self.preset_combo = QComboBox()
        self.preset_combo.activated.connect(lambda _i: self._forget_preview())
        self.check_button = QPushButton(self.tr("Check file"))
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.preview)
        client_row = QHBoxLayout()
        client_row.addWidget(self.client_combo, 1)
        client_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Client (seller)"), client_row)
        self.preset_tools = PresetTools(
            self.tasks, self.actor, lambda: self.client_combo.currentData(), self.chosen_preset)
        self.preset_tools.changed.connect(self._load_presets)
        self.preset_tools.message.connect(lambda text: self.summary.setText(text))
        self.preset_tools.failed.connect(lambda exc: self._show_error(error_text(exc)))
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset_combo, 1)
        preset_row.addWidget(self.preset_tools)
        form.addRow(self.tr("Columns"), preset_row)
        return form

    def _build_results(self) -> None:
        """What the check found: the summary, an error, the problem rows, the warnings."""
        self.summary = QLabel(self.tr("Choose a file and the client it belongs to, then check it."))
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.problems = ImportProblemsModel(self)
        self.problem_table = configure_table(QTableView())
        self.problem_table.setModel(self.problems)
        header = self.problem_table.horizontalHeader()
        for column, width in ((0, 60), (1, 150), (2, 110)):
            header.resizeSection(column, width)
        self.warnings = QLabel()
        self.warnings.setObjectName("Muted")
        self.warnings.setWordWrap(True)
        self.warnings.hide()

    def _build_buttons(self) -> QHBoxLayout:
        """A busy bar while the file is read, then the two ways to import, and Cancel."""
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.import_all_button = QPushButton(self.tr("Import all"))
        self.import_all_button.setProperty("primary", True)
        self.import_all_button.clicked.connect(lambda: self.run_import(valid_only=False))
        self.import_valid_button = QPushButton(self.tr("Import valid rows only"))
        self.import_valid_button.clicked.connect(lambda: self.run_import(valid_only=True))
        self.close_button = QPushButton(self.tr("Cancel"))
        for button in (self.import_all_button, self.import_valid_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the file field checks; it never imports
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.import_all_button)
        buttons.addWidget(self.import_valid_button)
        buttons.addWidget(self.close_button)
        return buttons

    # -- choosing --------------------------------------------------------------------

    def set_file(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self._forget_preview()

    def _on_browse_clicked(self) -> None:
        current = self.path_edit.text().strip()
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose an order file"),
            str(Path(current).parent) if current else start_folder(),
            self.tr("Order files (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.set_file(path)
            self.preview()

    def _forget_preview(self) -> None:
        if self._preview_task is not None:
            self._preview_task.discard()
            self._preview_task = None
            self.busy.hide()
        self.report = None
        self.problems.set_problems(())
        self.stack.setCurrentWidget(self.problem_table)
        self.warnings.hide()
        self.error.hide()
        self._update_buttons()

    # -- preview ---------------------------------------------------------------------

    def _choice(self) -> tuple[str, str] | None:
        path, client = self.path_edit.text().strip(), self.client_combo.currentData()
        if not path or not client:
            self._show_error(self.tr("Choose a file and a client first."))
            return None
        return path, str(client)

    def preview(self) -> None:
        """Check the file against the database without writing anything."""
        choice = self._choice()
        if choice is None:
            return
        self._forget_preview()
        path, client = choice
        preset = self.chosen_preset()
        self.summary.setText(self.tr("Checking {file}…").format(file=Path(path).name))
        self.busy.show()
        self._preview_task = self.tasks.read(
            lambda s: preview_order_import(s, client, path, preset),
            on_done=self._on_preview_done, on_error=self._on_preview_error, owner=self)

    # -- column presets and the mapping step -------------------------------------------

    def _last_client_key(self) -> str:
        return LAST_CLIENT_KEY.format(user=self.actor.name)

    def _on_client_chosen(self) -> None:
        self._forget_preview()
        self._load_presets()

    def chosen_preset(self) -> str | None:
        """The preset chosen in "Columns"; None: recognise the layout from the header."""
        data = self.preset_combo.currentData()
        return None if data is None else str(data)

    def _load_presets(self, select: str | None = None) -> None:
        """Fill "Columns" with the client's presets (``select``: choose that one)."""
        self.preset_combo.clear()
        self.preset_combo.addItem(self.tr("Recognise from the header row"), None)
        client, actor = self.client_combo.currentData(), self.actor
        if client is None:
            return
        self.tasks.read(lambda s: list_presets(s, str(client), actor=actor),
                        on_done=lambda rows: self._on_presets_loaded(rows, select),
                        on_error=self._on_task_error, owner=self)

    def _on_presets_loaded(self, rows: list[PresetInfo], select: str | None) -> None:
        for info in rows:
            self.preset_combo.addItem(self.tr("Preset: {name}").format(name=info.name),
                                      info.name)
        if select is not None:  # a preset just saved: check the file with it
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(select)))
            self.preview()

    def _on_preview_error(self, exc: BaseException) -> None:
        choice = self._choice()
        if not isinstance(exc, LayoutNotRecognised) or choice is None:
            self._on_task_error(exc)
            return
        path, client = choice  # nothing knows this layout: offer the mapping step
        self._preview_task = self.tasks.read(
            lambda _s: read_layout(path),
            on_done=lambda layout: self._show_mapping(layout, client, path),
            on_error=self._on_task_error, owner=self)

    def _show_mapping(self, layout: FileLayout, client: str, path: str) -> None:
        self._preview_task = None
        self.busy.hide()
        self.mapping.set_layout(layout, client, Path(path).name)
        self.stack.setCurrentWidget(self.mapping)
        self.summary.setText(self.tr("Nothing recognises the layout of {file}.").format(
            file=Path(path).name))
        self._update_buttons()

    def _on_mapping_save_requested(self, name: str, mapping: dict[str, str],
                                   headers: tuple[str, ...], replace: bool = False) -> None:
        choice = self._choice()
        if choice is None:
            return
        client, actor = choice[1], self.actor
        self.mapping.set_busy(True)
        self.tasks.write(
            lambda s: save_preset(s, client, name, mapping, headers, actor=actor,
                                  replace=replace),
            on_done=self._on_preset_saved,
            on_error=lambda exc: self._on_preset_error(exc, name, mapping, headers),
            owner=self)

    def _on_preset_saved(self, info: PresetInfo) -> None:
        self.mapping.set_busy(False)
        self._load_presets(select=info.name)  # then checks the file with it

    def _on_preset_error(self, exc: BaseException, name: str, mapping: dict[str, str],
                         headers: tuple[str, ...]) -> None:
        self.mapping.set_busy(False)
        if isinstance(exc, PresetExists) and QMessageBox.question(
                self, self.tr("Replace preset"),
                self.tr("This client already has a preset '{name}'. Replace it with this "
                        "mapping?").format(name=name)) == QMessageBox.StandardButton.Yes:
            self._on_mapping_save_requested(name, mapping, headers, replace=True)
            return
        self._show_error(error_text(exc))

    def _on_template_button_clicked(self) -> None:
        chosen = ask_template_path(self)
        if chosen is None:
            return
        target, chinese = chosen
        self.tasks.lane("files").submit(
            lambda: write_template(target, chinese=chinese),
            on_done=lambda path: self.summary.setText(
                self.tr("Template saved to {path}. Send it to the seller, or fill it in and "
                        "choose it above.").format(path=path)),
            on_error=self._on_task_error, owner=self)

    def _on_preview_done(self, report: ImportReport) -> None:
        self._preview_task = None
        self.busy.hide()
        self.show_report(report)

    def show_report(self, report: ImportReport) -> None:
        """Summary, every bad row with its reason, warnings; then which imports make sense."""
        self.report = report
        self.problems.set_problems(report.problems)
        self.summary.setText(self._summary_text(report))
        if report.warnings:
            self.warnings.setText("\n".join(import_text(w.template, w.params, w.message)
                                             for w in report.warnings))
            self.warnings.show()
        else:
            self.warnings.hide()
        self._update_buttons()

    def _summary_text(self, report: ImportReport) -> str:
        file_name = Path(report.file).name
        text = self.tr(
            "{file}: %Ln row(s). New orders: {new}. Already imported: {already}. "
            "Rejected orders: {rejected}.", "", report.rows).format(
                file=file_name, new=f"{len(report.orders_created):,}",
                already=f"{len(report.orders_already_imported):,}",
                rejected=f"{len(report.orders_rejected):,}")
        if report.preset:
            text += " " + self.tr("Columns read with the preset '{name}' of {client}.").format(
                name=report.preset, client=report.client)
        elif report.layout != TEMPLATE:  # a platform export, recognised from its header
            text = join_sentences(text, self.tr("Read as: {layout}.").format(
                layout=QCoreApplication.translate("imports", layout_label(report.layout))))
        if report.orders_held:
            text = join_sentences(text, self.tr(
                "%Ln order(s) will be on hold: the platform masked the address, so only its "
                "own label can ship them.", "", len(report.orders_held)))
        if report.problems:
            text += " " + self.tr(
                "Problems in %Ln row(s), listed below; fix the file and check again, "
                "or import only the valid orders.", "", report.bad_lines)
        elif report.orders_created:
            text += " " + self.tr("The file is clean.")
        else:
            text += " " + self.tr("There is nothing new to import.")
        return text

    def _update_buttons(self) -> None:
        report = self.report
        busy = self._preview_task is not None or not self.busy.isHidden()
        new = bool(report and report.orders_created)
        self.import_all_button.setEnabled(not busy and new and bool(report and report.ok))
        self.import_valid_button.setEnabled(
            not busy and new and bool(report and not report.ok))
        self.check_button.setEnabled(not busy)

    # -- import ----------------------------------------------------------------------

    def run_import(self, *, valid_only: bool) -> None:
        choice = self._choice()
        if choice is None or self.report is None:
            return
        path, client = choice
        actor, name, preset = self.actor, Path(path).name, self.report.preset
        self.error.hide()
        self.summary.setText(self.tr("Importing {file}…").format(file=name))
        self.busy.show()
        self._update_buttons()
        self.close_button.setEnabled(False)
        self.tasks.job(
            lambda db, _control: ImportOutcome(
                import_order_file(db, client, path, actor=actor, valid_only=valid_only,
                                  preset=preset), name),
            on_done=self._on_import_done, on_error=self._on_import_error, owner=self)

    def _on_import_done(self, outcome: ImportOutcome) -> None:
        self.busy.hide()
        self.close_button.setEnabled(True)
        if self.settings is not None:
            self.settings.setValue(self._last_client_key(), outcome.report.client)
        self.imported.emit(outcome)
        self.accept()

    def _on_import_error(self, exc: BaseException) -> None:
        self.busy.hide()
        self.close_button.setEnabled(True)
        report = getattr(exc, "report", None)
        if isinstance(exc, ImportRejected) and isinstance(report, ImportReport):
            # The file or the database changed since the preview: show what is wrong now.
            self.show_report(report)
        self._on_task_error(exc)

    def _on_task_error(self, exc: BaseException) -> None:
        self._preview_task = None
        self.busy.hide()
        self._show_error(error_text(exc))
        self._update_buttons()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
