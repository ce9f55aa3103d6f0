"""Add or edit a store: platform, owner, schedule, connector settings and secrets.

The settings shown are the connector's own (``required_settings`` / ``optional_settings``),
so each platform asks exactly what it needs. Secrets are password fields; when editing,
an empty secret field keeps the saved value.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.channels import PLATFORMS, ChannelInfo, secret_keys, setting_keys
from app.ui.pages.channels_text import platform_name


@dataclass(frozen=True)
class StoreForm:
    """What the dialog collected; ``secrets`` holds only fields the user filled in."""

    platform: str
    name: str
    client_code: str
    base_url: str
    interval_minutes: int
    safety_buffer: int
    stock_push_minutes: int
    settings: dict[str, str]
    secrets: dict[str, str]


class StoreDialog(QDialog):
    """A form for one store; ``existing`` switches it to editing."""

    def __init__(self, clients: list[str], existing: ChannelInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._existing = existing
        self.setWindowTitle(self.tr("Edit store") if existing else self.tr("Add store"))
        self.setMinimumWidth(800)
        self.platform = QComboBox()
        for value in PLATFORMS:
            self.platform.addItem(platform_name(value), value)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Acme US Shopify"))
        self.client = QComboBox()
        self.client.addItems(clients)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText(self.tr("leave empty for the platform's own address"))
        self.interval = _spin(1, 1440, 15, self.tr(" min"))
        self.buffer = _spin(0, 100_000, 0, self.tr(" units"))
        self.stock_every = _spin(0, 1440, 60, self.tr(" min"))
        self.stock_every.setSpecialValueText(self.tr("off"))

        general = QFormLayout()
        general.addRow(self.tr("Platform"), self.platform)
        general.addRow(self.tr("Store name"), self.name)
        general.addRow(self.tr("Client (seller)"), self.client)
        general.addRow(self.tr("API address"), self.base_url)
        general.addRow(self.tr("Sync every"), self.interval)
        general.addRow(self.tr("Push stock every"), self.stock_every)
        general.addRow(self.tr("Safety buffer"), self.buffer)
        self.buffer.setToolTip(self.tr("Units held back from the quantity shown on the platform"))

        self._settings_box = QGroupBox(self.tr("Connection settings"))
        self._secrets_box = QGroupBox(
            self.tr("Secrets (kept in the system keyring, never in the database)"))
        self._settings_form = QFormLayout(self._settings_box)
        self._secrets_form = QFormLayout(self._secrets_box)
        self._setting_edits: dict[str, QLineEdit] = {}
        self._secret_edits: dict[str, QLineEdit] = {}
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setObjectName("FormProblem")
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setWordWrap(True)

        columns = QHBoxLayout()
        columns.addLayout(general, 1)
        right = QVBoxLayout()
        right.addWidget(self._settings_box)
        right.addWidget(self._secrets_box)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.platform.currentIndexChanged.connect(self._on_platform_current_index_changed)
        if existing is not None:
            self._fill(existing)
        self._build_fields()

    def _fill(self, c: ChannelInfo) -> None:
        self.platform.setCurrentIndex(max(0, self.platform.findData(c.platform)))
        self.platform.setEnabled(False)
        self.name.setText(c.name)
        self.client.setCurrentText(c.client_code)
        self.client.setEnabled(False)
        self.base_url.setText(c.base_url or "")
        self.interval.setValue(c.interval_minutes)
        self.buffer.setValue(c.safety_buffer)
        self.stock_every.setValue(c.stock_push_minutes)

    def _on_platform_current_index_changed(self, _index: int) -> None:
        self._build_fields()

    def _build_fields(self) -> None:
        platform = str(self.platform.currentData())
        for form, edits in ((self._settings_form, self._setting_edits),
                            (self._secrets_form, self._secret_edits)):
            while form.rowCount():
                form.removeRow(0)
            edits.clear()
        required, optional = setting_keys(platform)
        saved = self._existing.settings if self._existing else {}
        for key in (*required, *optional):
            edit = QLineEdit(saved.get(key, ""))
            default = optional.get(key, "")
            edit.setPlaceholderText(self.tr("required") if key in required else default)
            self._setting_edits[key] = edit
            self._settings_form.addRow(key, edit)
        for key, value in saved.items():  # extra settings given with --set stay editable
            if key not in self._setting_edits:
                self._setting_edits[key] = QLineEdit(value)
                self._settings_form.addRow(key, self._setting_edits[key])
        for key in secret_keys(platform):
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            if self._existing is not None:
                edit.setPlaceholderText(self.tr("(unchanged)"))
            self._secret_edits[key] = edit
            self._secrets_form.addRow(key, edit)

    def _on_buttons_accepted(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("Give the store a name."))
            self.name.setFocus()
            return
        if self.client.currentIndex() < 0:
            self.problem.setText(self.tr("Create the client first (Settings → Clients)."))
            return
        self.accept()

    def form(self) -> StoreForm:
        return StoreForm(
            platform=str(self.platform.currentData()),
            name=self.name.text().strip(),
            client_code=self.client.currentText(),
            base_url=self.base_url.text().strip(),
            interval_minutes=self.interval.value(),
            safety_buffer=self.buffer.value(),
            stock_push_minutes=self.stock_every.value(),
            settings={k: e.text().strip() for k, e in self._setting_edits.items()
                      if e.text().strip()},
            secrets={k: e.text().strip() for k, e in self._secret_edits.items()
                     if e.text().strip()},
        )


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin
