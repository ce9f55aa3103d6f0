"""Settings → Carrier accounts: the warehouse's accounts at EasyPost, Shippo, TikTok
package documents and "manual" (a tracking number typed or scanned).

Unlike the other tabs these are not this PC's settings: an account lives in the
database, shared by every station, so each button saves at once (in the background) and
the dialog's Save does not touch them. Secrets (EasyPost ``api_key``, Shippo
``api_token``) are typed into password fields and go to the OS keyring through the
same write as the account (:mod:`app.services.carrier_accounts`); the table only says
whether one is saved. When editing, an empty secret field keeps the saved value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.errors import QT_TRANSLATE_NOOP, AlreadyExists  # typed; lupdate sees the name
from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.carrier_accounts import (
    MODES,
    CarrierAccountDraft,
    CarrierAccountEdit,
    CarrierAccountInfo,
    ProviderKeys,
    add_carrier_account,
    list_carrier_accounts,
    new_secret_ref,
    provider_keys,
    set_carrier_account_enabled,
    update_carrier_account,
)
from app.settings import StationSettings
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import FormDialog
from app.ui.tasks import TaskRunner

#: How the keys the adapters read are shown (English source, "CarrierFields" context).
FIELD_LABELS: dict[str, str] = {
    "api_key": QT_TRANSLATE_NOOP("CarrierFields", "API key"),
    "api_token": QT_TRANSLATE_NOOP("CarrierFields", "API token"),
    "timeout_s": QT_TRANSLATE_NOOP("CarrierFields", "Timeout (seconds)"),
    "channel": QT_TRANSLATE_NOOP("CarrierFields", "TikTok store"),
    "document_size": QT_TRANSLATE_NOOP("CarrierFields", "Document size"),
}
MODE_NAMES: dict[str, str] = {
    "test": QT_TRANSLATE_NOOP("CarrierFields", "Test (no real postage)"),
    "production": QT_TRANSLATE_NOOP("CarrierFields", "Production (real postage)"),
}


def field_label(key: str) -> str:
    """A setting's name for people; a key nobody named is shown as it is."""
    text = FIELD_LABELS.get(key)
    return QCoreApplication.translate("CarrierFields", text) if text else key


def mode_name(mode: str) -> str:
    text = MODE_NAMES.get(mode)
    return QCoreApplication.translate("CarrierFields", text) if text else mode


@dataclass(frozen=True)
class AccountForm:
    """What the account dialog collected; ``secrets`` holds only the fields filled in."""

    provider: str
    name: str
    base_url: str
    mode: str
    settings: dict[str, str]
    secrets: dict[str, str]


class AccountDialog(FormDialog):
    """Add or edit one carrier account: provider, name, address, mode, keys."""

    field_keys: ClassVar[Mapping[str, str]] = {
        "name": "name", "provider": "provider", "mode": "mode", "settings": "settings"}

    def __init__(self, providers: dict[str, ProviderKeys],
                 existing: CarrierAccountInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit carrier account") if existing
                         else self.tr("Add carrier account"), parent)
        self.setMinimumWidth(520)
        self._providers = providers
        self._existing = existing
        self.provider = QComboBox()
        self.provider.setObjectName("carrier_provider")
        for key, spec in providers.items():
            self.provider.addItem(spec.label, key)
        self.name = QLineEdit()
        self.name.setObjectName("carrier_name")
        self.name.setPlaceholderText(self.tr("e.g. EasyPost main"))
        self.base_url = QLineEdit()
        self.base_url.setObjectName("carrier_base_url")
        self.base_url.setPlaceholderText(self.tr("leave empty for the provider's own address"))
        self.mode = QComboBox()
        self.mode.setObjectName("carrier_mode")
        for mode in MODES:
            self.mode.addItem(mode_name(mode), mode)
        self.add_field("provider", self.tr("Provider"), self.provider)
        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("base_url", self.tr("API address"), self.base_url)
        self.add_field("mode", self.tr("Mode"), self.mode)
        self.keys_form = QFormLayout()
        self.keys_box = QWidget()
        self.keys_box.setLayout(self.keys_form)
        self.add_field("settings", self.tr("Keys"), self.keys_box)
        self.key_fields: dict[str, tuple[QLineEdit, bool]] = {}
        if existing is not None:
            self.provider.setCurrentIndex(max(0, self.provider.findData(existing.provider)))
            self.provider.setEnabled(False)  # another provider is another account
            self.name.setText(existing.name)
            self.base_url.setText(existing.base_url or "")
            self.mode.setCurrentIndex(max(0, self.mode.findData(existing.mode)))
        self.provider.currentIndexChanged.connect(self._on_provider_current_index_changed)
        self._on_provider_current_index_changed()
        self.set_first_field(self.name)

    def _on_provider_current_index_changed(self, _index: int = 0) -> None:
        """The keys this provider reads: secrets as password fields, then its settings."""
        while self.keys_form.rowCount():
            self.keys_form.removeRow(0)
        self.key_fields.clear()
        spec = self._providers[str(self.provider.currentData())]
        saved = self._existing.settings if self._existing else {}
        for key in spec.secret_keys:
            edit = QLineEdit()
            edit.setObjectName(f"secret_{key}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(self.tr("kept in the system keyring") if self._existing
                                    is None else self.tr("leave empty to keep the saved one"))
            self.key_fields[key] = (edit, True)
            self.keys_form.addRow(field_label(key), edit)
        for key in (*spec.required_settings, *spec.optional_settings):
            edit = QLineEdit(saved.get(key, ""))
            edit.setObjectName(f"setting_{key}")
            if key not in spec.required_settings:
                edit.setPlaceholderText(self.tr("optional"))
            self.key_fields[key] = (edit, False)
            self.keys_form.addRow(field_label(key), edit)
        if not self.key_fields:
            self.keys_form.addRow(QLabel(self.tr("No keys: tracking numbers are typed or "
                                                 "scanned at the pack station.")))

    def check(self) -> bool:
        ok = self.require_text("name")
        if self._existing is None:
            spec = self._providers[str(self.provider.currentData())]
            missing = [k for k in spec.secret_keys if not self.key_fields[k][0].text().strip()]
            if missing:
                self.show_field_error("settings", self.tr("Enter the {key}.").format(
                    key=field_label(missing[0])))
                ok = False
        return ok

    def show_error(self, exc: BaseException) -> None:
        """A name another account has is the name field's problem."""
        if isinstance(exc, AlreadyExists):
            self.show_field_error("name", error_text(exc))
        else:
            super().show_error(exc)

    def collected(self) -> AccountForm:
        settings = {k: e.text().strip() for k, (e, secret) in self.key_fields.items()
                    if not secret and e.text().strip()}
        secrets = {k: e.text().strip() for k, (e, secret) in self.key_fields.items()
                   if secret and e.text().strip()}
        return AccountForm(str(self.provider.currentData()), self.name.text(),
                           self.base_url.text().strip(), str(self.mode.currentData()),
                           settings, secrets)


@dataclass(frozen=True)
class _Saved:
    account: CarrierAccountInfo


class CarrierAccountsSection(QWidget):
    """The "Carrier accounts" tab (a widget itself, so lupdate sees its ``self.tr``)."""

    def __init__(self, tasks: TaskRunner, actor: Actor,
                 secrets: SecretStore | None = None) -> None:
        super().__init__()
        self._tasks = tasks
        self._actor = actor
        self.secrets = secrets if secrets is not None else SecretStore()
        self.accounts: list[CarrierAccountInfo] = []
        self.dialog: AccountDialog | None = None
        note = QLabel(self.tr("Accounts are shared by every PC and saved at once. Labels are "
                              "bought through an enabled account; in test mode no real "
                              "postage is paid."))
        note.setObjectName("Muted")
        note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("carrier_accounts")
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Provider"), self.tr("Mode"), self.tr("In use"),
            self.tr("Secret")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self.add_button = QPushButton(self.tr("Add account…"))
        self.add_button.setObjectName("add_carrier")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("edit_carrier")
        self.enable_button = QPushButton(self.tr("Disable"))
        self.enable_button.setObjectName("enable_carrier")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.enable_button.clicked.connect(self._on_enable_clicked)
        self.message = QLabel()
        self.message.setObjectName("carrier_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.enable_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_buttons()
        self.reload()

    # -- SettingsSection -----------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Carrier accounts")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: StationSettings) -> StationSettings:
        return settings  # saved to the database as each change was made

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        secrets = self.secrets  # the keyring lookup may be slow: on the reader thread
        self._tasks.read(lambda s: list_carrier_accounts(s, secrets), on_done=self._show,
                         on_error=self._say_error, owner=self)

    def _show(self, accounts: list[CarrierAccountInfo]) -> None:
        keys = provider_keys()
        current = self.current()
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for r, a in enumerate(accounts):
            label = keys[a.provider].label if a.provider in keys else a.provider
            secret = ("—" if a.secret_saved is None or not keys.get(a.provider, ProviderKeys(
                "")).secret_keys else self.tr("saved") if a.secret_saved else self.tr("missing"))
            cells = (a.name, label, mode_name(a.mode),
                     self.tr("yes") if a.enabled else self.tr("no"), secret)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and a.secret_saved is False:
                    item.setForeground(Qt.GlobalColor.red)
                if not a.enabled:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if current is not None:
            for r, a in enumerate(accounts):
                if a.id == current.id:
                    self.table.selectRow(r)
        self._update_buttons()

    def current(self) -> CarrierAccountInfo | None:
        row = self.table.currentRow()
        rows = {i.row() for i in self.table.selectedIndexes()}
        if row < 0 or row not in rows or row >= len(self.accounts):
            return None
        return self.accounts[row]

    def _update_buttons(self) -> None:
        account = self.current()
        self.edit_button.setEnabled(account is not None)
        self.enable_button.setEnabled(account is not None)
        self.enable_button.setText(self.tr("Enable") if account is not None
                                   and not account.enabled else self.tr("Disable"))

    # -- actions -------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        self._open(None)

    def _on_edit_clicked(self) -> None:
        account = self.current()
        if account is not None:
            self._open(account)

    def _open(self, account: CarrierAccountInfo | None) -> None:
        dialog = AccountDialog(provider_keys(), account, self)
        dialog.submitted.connect(lambda: self._save(dialog, account))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: AccountDialog, account: CarrierAccountInfo | None) -> None:
        """Account and secrets in one background write: a refused account keeps no secret."""
        form, actor, secrets = dialog.collected(), self._actor, self.secrets

        def add(session: Session) -> _Saved:
            ref = new_secret_ref()
            info = add_carrier_account(session, CarrierAccountDraft(
                form.provider, form.name, ref, base_url=form.base_url or None,
                mode=form.mode, settings=form.settings), actor=actor)
            if form.secrets:
                secrets.set(ref, form.secrets)
            return _Saved(info)

        def edit(session: Session) -> _Saved:
            assert account is not None
            info = update_carrier_account(session, account.id, CarrierAccountEdit(
                name=form.name, base_url=form.base_url, mode=form.mode,
                settings=form.settings), actor=actor)
            if form.secrets:
                secrets.update(account.secret_ref, form.secrets)
            return _Saved(info)

        def done(saved: _Saved) -> None:
            dialog.accept()
            self._say(self.tr("Carrier account {name} saved.").format(name=saved.account.name))
            self.reload()

        self._tasks.write(add if account is None else edit, on_done=done,
                          on_error=dialog.show_error, owner=dialog)

    def _on_enable_clicked(self) -> None:
        account = self.current()
        if account is None:
            return
        enabled, actor = not account.enabled, self._actor

        def done(saved: _Saved) -> None:
            text = (self.tr("Carrier account {name} is in use.") if enabled else
                    self.tr("Carrier account {name} is no longer used for new labels."))
            self._say(text.format(name=saved.account.name))
            self.reload()

        self._tasks.write(lambda s: _Saved(set_carrier_account_enabled(
            s, account.id, enabled, actor=actor)), on_done=done, on_error=self._say_error,
            owner=self)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("color: #05603a;")
        self.message.setText(text)

    def _say_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(error_text(exc))
