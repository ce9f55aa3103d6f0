"""The "Presets" menu of the import dialog: delete the chosen preset, export or import JSON.

A preset no longer used makes a file ambiguous (two presets fit it), and a PC set up for a
client's layout can hand its presets to another PC or another warehouse's database; the
same JSON as `haicang orders presets export | import`. The button needs only the dialog's
task runner, the acting user and two questions (which client, which preset); it reports
back through ``changed`` (reload the presets), ``message`` and ``failed``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from app.channels.file_input import read_import_file
from app.domain.permissions import Actor
from app.services.import_presets import delete_preset, export_presets, import_presets
from app.ui.dialogs.template_download import start_folder
from app.ui.tasks import TaskRunner


class PresetTools(QPushButton):
    """Emits ``changed`` after a delete or an import, ``message(text)`` to tell the clerk
    what was done and ``failed(exception)`` when it could not be."""

    changed = Signal()
    message = Signal(str)
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, actor: Actor, client: Callable[[], str | None],
                 preset: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.actor = tasks, actor
        self._client, self._preset = client, preset
        self.setText(self.tr("Presets"))
        self.setAutoDefault(False)
        menu = QMenu(self)
        self.delete_action = menu.addAction(self.tr("Delete the chosen preset…"))
        self.delete_action.triggered.connect(self._on_delete_triggered)
        menu.addSeparator()
        menu.addAction(self.tr("Export the client's presets…")).triggered.connect(
            self._on_export_triggered)
        menu.addAction(self.tr("Import presets…")).triggered.connect(self._on_import_triggered)
        menu.aboutToShow.connect(
            lambda: self.delete_action.setEnabled(self._preset() is not None))
        self.setMenu(menu)

    def delete(self, client: str, name: str) -> None:
        actor = self.actor
        self.tasks.write(lambda s: delete_preset(s, client, name, actor=actor),
                         on_done=lambda _r: self._done(self.tr(
                             "Preset '{name}' deleted.").format(name=name)),
                         on_error=self.failed.emit, owner=self)

    def export_to(self, client: str, path: Path) -> None:
        actor = self.actor
        self.tasks.read(lambda s: export_presets(s, client, actor=actor),
                        on_done=lambda document: self._write(document, path),
                        on_error=self.failed.emit, owner=self)

    def import_from(self, client: str, path: Path) -> None:
        """Read the file on the files lane, then save its presets on the writer."""
        self.tasks.lane("files").submit(
            lambda: read_import_file(path),
            on_done=lambda data: self._save_imported(client, data),
            on_error=self.failed.emit, owner=self)

    def _save_imported(self, client: str, data: bytes) -> None:
        actor = self.actor
        self.tasks.write(
            lambda s: import_presets(s, client, data, actor=actor),
            on_done=lambda saved: self._done(self.tr(
                "%n preset(s) imported for {client}.", "", len(saved)).format(client=client)),
            on_error=self.failed.emit, owner=self)

    def _write(self, document: dict[str, Any], path: Path) -> None:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        count = len(document["presets"])
        self.tasks.lane("files").submit(
            lambda: path.write_text(text, encoding="utf-8"),
            on_done=lambda _n: self.message.emit(self.tr(
                "%n preset(s) exported to {path}.", "", count).format(path=path)),
            on_error=self.failed.emit, owner=self)

    def _done(self, text: str) -> None:
        self.changed.emit()
        self.message.emit(text)

    def _chosen_client(self) -> str | None:
        client = self._client()
        if client is None:
            self.message.emit(self.tr("Choose the client first."))
        return client

    def _on_delete_triggered(self) -> None:
        client, name = self._chosen_client(), self._preset()
        if client is None or name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete preset"),
            self.tr("Delete the column preset '{name}' of client {client}? Orders imported "
                    "with it stay as they are.").format(name=name, client=client))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(client, name)

    def _on_export_triggered(self) -> None:
        client = self._chosen_client()
        if client is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export column presets"),
            str(Path(start_folder()) / f"haicang-presets-{client}.json"),
            self.tr("Column presets (*.json)"))
        if path:
            self.export_to(client, Path(path))

    def _on_import_triggered(self) -> None:
        client = self._chosen_client()
        if client is None:
            return
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Import column presets"), start_folder(),
            self.tr("Column presets (*.json);;All files (*)"))
        if path:
            self.import_from(client, Path(path))
