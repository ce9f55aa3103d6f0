"""Add or edit a store: platform, owner, schedule, connector settings and secrets.

The settings shown are the connector's own (``required_settings`` / ``optional_settings``),
so each platform asks exactly what it needs, each under its label with a line of help
and checked before saving (``channels_fields``: the table of what each key means).
Secrets are password fields; when editing, an empty secret field keeps the saved value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.channels import PLATFORMS, ChannelInfo, secret_keys, setting_keys
from app.ui.pages.channels_fields import (
    FieldSpec,
    Kind,
    Needed,
    field_spec,
    help_text,
    is_web_address,
    label_text,
    problem,
)
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


@dataclass
class FieldRow:
    """One connection setting or secret on the form: how to read it and where its
    problem is shown."""

    spec: FieldSpec | None  # None: a key the table does not know (an extra --set)
    value: Callable[[], str]
    error: QLabel
    editor: QWidget


class StoreDialog(QDialog):
    """A form for one store; ``existing`` switches it to editing."""

    def __init__(self, clients: list[str], existing: ChannelInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._existing = existing
        self.setWindowTitle(self.tr("Edit store") if existing else self.tr("Add store"))
        self.setMinimumWidth(800)
        self.resize(960, 600)
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
        self.base_url_error = _error_label()
        general.addRow(self.tr("API address"), _stacked(self.base_url, None,
                                                         self.base_url_error))
        general.addRow(self.tr("Sync every"), self.interval)
        general.addRow(self.tr("Push stock every"), self.stock_every)
        general.addRow(self.tr("Safety buffer"), self.buffer)
        self.buffer.setToolTip(self.tr("Units held back from the quantity shown on the platform"))

        self._settings_box = QGroupBox(self.tr("Connection settings"))
        self._secrets_box = QGroupBox(
            self.tr("Secrets (kept in the system keyring, never in the database)"))
        self._settings_form = QFormLayout(self._settings_box)
        self._secrets_form = QFormLayout(self._secrets_box)
        self._setting_rows: dict[str, FieldRow] = {}
        self._secret_rows: dict[str, FieldRow] = {}
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setObjectName("FormProblem")
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setWordWrap(True)

        columns = QHBoxLayout()
        # Every field has a help line: the settings scroll rather than outgrow a laptop.
        fields = QWidget()
        right = QVBoxLayout(fields)
        right.setContentsMargins(0, 0, 8, 0)
        right.addWidget(self._settings_box)
        right.addWidget(self._secrets_box)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(fields)
        columns.addLayout(general, 2)
        columns.addWidget(scroll, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
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
        for form, rows in ((self._settings_form, self._setting_rows),
                           (self._secrets_form, self._secret_rows)):
            while form.rowCount():
                form.removeRow(0)
            rows.clear()
        required, optional = setting_keys(platform)
        saved = self._existing.settings if self._existing else {}
        for key in (*required, *optional):
            self._add_row(self._settings_form, self._setting_rows, platform, key,
                          saved.get(key, ""), optional.get(key, ""), secret=False)
        for key, value in saved.items():  # extra settings given with --set stay editable
            if key not in self._setting_rows:
                self._add_row(self._settings_form, self._setting_rows, platform, key, value,
                              "", secret=False)
        for key in secret_keys(platform):
            self._add_row(self._secrets_form, self._secret_rows, platform, key, "", "",
                          secret=True)

    def _add_row(self, form: QFormLayout, rows: dict[str, FieldRow], platform: str, key: str,
                 saved: str, default: str, *, secret: bool) -> None:
        spec = field_spec(platform, key)
        editor: QWidget
        value: Callable[[], str]
        if spec is not None and spec.kind == Kind.YES_NO:
            box = QCheckBox()
            box.setChecked((saved or default or "false").strip().lower() == "true")
            editor, value = box, lambda: "true" if box.isChecked() else "false"
        elif spec is not None and spec.kind == Kind.CHOICE:
            combo = QComboBox()
            combo.addItems(list(spec.choices))
            combo.setCurrentText(saved or default)
            editor, value = combo, combo.currentText
        else:
            edit = QLineEdit(saved)
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            if secret and self._existing is not None:
                edit.setPlaceholderText(self.tr("(unchanged)"))
            elif spec is not None and spec.needed == Needed.YES:
                edit.setPlaceholderText(self.tr("required"))
            else:
                edit.setPlaceholderText(default)
            editor, value = edit, edit.text
        row = FieldRow(spec, value, _error_label(), editor)
        rows[key] = row
        if spec is None:
            form.addRow(key, _stacked(editor, None, row.error))
            return
        editor.setToolTip(help_text(spec))
        form.addRow(label_text(spec), _stacked(editor, help_text(spec), row.error))

    def _check_fields(self) -> QWidget | None:
        """Show each field's problem beside it; the first field with one, or None."""
        base_url = self.base_url.text().strip()
        first: QWidget | None = None
        url_problem = "" if not base_url or is_web_address(base_url) else self.tr(
            "An address starting with https://")
        self.base_url_error.setText(url_problem)
        self.base_url_error.setVisible(bool(url_problem))
        if url_problem:
            first = self.base_url
        editing = self._existing is not None
        for rows, secret in ((self._setting_rows, False), (self._secret_rows, True)):
            for row in rows.values():
                text = "" if row.spec is None else problem(
                    row.spec, row.value(), has_api_address=bool(base_url),
                    keeps_saved=secret and editing)
                row.error.setText(text)
                row.error.setVisible(bool(text))
                if text and first is None:
                    first = row.editor
        return first

    def _on_buttons_accepted(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("Give the store a name."))
            self.name.setFocus()
            return
        if self.client.currentIndex() < 0:
            self.problem.setText(self.tr("Create the client first (Settings → Clients)."))
            return
        wrong = self._check_fields()
        if wrong is not None:
            self.problem.setText(self.tr("Some settings need fixing: see the red notes."))
            wrong.setFocus()
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
            settings={k: r.value().strip() for k, r in self._setting_rows.items()
                      if r.value().strip()},
            secrets={k: r.value().strip() for k, r in self._secret_rows.items()
                     if r.value().strip()},
        )


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("ErrorText")
    label.setWordWrap(True)
    label.hide()
    return label


def _stacked(editor: QWidget, help_line: str | None, error: QLabel) -> QWidget:
    """An editor with its muted help line and (when there is one) its problem under it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(editor)
    if help_line:
        note = QLabel(help_line)
        note.setObjectName("Muted")
        note.setWordWrap(True)
        column.addWidget(note)
    column.addWidget(error)
    return box
