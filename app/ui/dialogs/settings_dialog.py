"""Station settings: language and station name (devices join here in later screens)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.settings import StationSettings
from app.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, database: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self._original = settings
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.station = QLineEdit(settings.station_name)
        self.station.setObjectName("station")
        db = QLabel(database)
        db.setObjectName("Muted")
        db.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language / 语言"), self.language)
        form.addRow(self.tr("Station name"), self.station)
        form.addRow(self.tr("Database"), db)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def result_settings(self) -> StationSettings:
        return self._original.with_changes(
            language=str(self.language.currentData()),
            station_name=self.station.text().strip() or self._original.station_name,
        )
