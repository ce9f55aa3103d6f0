"""The Channels screen: connected stores, their sync state, SKU mappings and the push queue.

Syncs run on the app's :class:`SyncScheduler` thread (``ctx.sync``, or
passed in); this screen asks it for "Sync now" / Cancel and listens to its signals (its
state only as the :class:`SyncState` they carry). "Test connection" runs on a task-runner
lane; everything stored goes through the task runner like any screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Final

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.errors import PermissionDenied
from app.domain.permissions import Permission, require
from app.secrets import SecretStore
from app.services.changes import Changes
from app.services.channel_push import PushReport
from app.services.channels import (
    ChannelDraft,
    ChannelEdit,
    ChannelInfo,
    add_channel,
    list_channels,
    new_secret_ref,
    set_channel_enabled,
    update_channel,
)
from app.services.organisation import list_clients
from app.services.push_outbox import PushInfo, enqueue_stock_pushes, list_pushes, retry_push
from app.services.sku_mappings import (
    MappingResult,
    SkuMappingInfo,
    UnmappedSku,
    delete_sku_mapping,
    list_sku_mappings,
    map_sku,
    unmapped_skus,
)
from app.services.sync import SyncProgress, SyncReport
from app.ui.devices.sync_scheduler import (
    ConnectionTest,
    SyncScheduler,
    SyncState,
    check_store_connection,
)
from app.ui.i18n import error_text, join_sentences
from app.ui.pages.base import Page, PageContext
from app.ui.pages.channels_dialog import StoreDialog, StoreForm
from app.ui.pages.channels_models import (
    ChannelsModel,
    MappingsModel,
    PushesModel,
    RowsModel,
    when,
)
from app.ui.pages.channels_text import (
    channel_error_text,
    push_kind_name,
    push_status_name,
    report_error_text,
    with_request_id,
)
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table, fit_columns

# One lane for store connection tests: a slow platform never holds a printer's lane.
CONNECTION_TEST_LANE: Final = "channel-test"


@dataclass(frozen=True)
class Overview:
    channels: list[ChannelInfo]
    clients: list[str]
    pushes: list[PushInfo]
    # The private file store secrets go to when this PC has no keyring, else None.
    secrets_file: str | None


@dataclass(frozen=True)
class StoreDetail:
    channel_id: int
    mappings: list[SkuMappingInfo]
    unmapped: list[UnmappedSku]


@dataclass(frozen=True)
class Saved:
    channel: ChannelInfo
    changes: Changes = Changes.ORGANISATION


def load_overview(session: Session, secrets: SecretStore) -> Overview:
    """On the worker thread: also where secrets go (the keyring lookup may be slow)."""
    clients = [c.code for c in list_clients(session) if c.active]
    secrets_file = None if secrets.uses_keyring else secrets.location
    return Overview(list_channels(session), clients, list_pushes(session), secrets_file)


def load_detail(session: Session, channel_id: int) -> StoreDetail:
    return StoreDetail(channel_id, list_sku_mappings(session, channel_id),
                       unmapped_skus(session, channel_id))


def _table(model: RowsModel[object]) -> QTableView:
    view = configure_table(QTableView())
    view.setModel(model)
    view.horizontalHeader().setMinimumSectionSize(60)
    return view


class ChannelsPage(Page):
    """Stores, "Sync now" with progress and Cancel, SKU mappings, failed pushes with Retry."""

    listens_to = Changes.ORDERS | Changes.STOCK | Changes.ORGANISATION

    def __init__(self, ctx: PageContext, scheduler: SyncScheduler | None = None) -> None:
        super().__init__(ctx)
        self.scheduler = scheduler or ctx.sync
        # What the scheduler does, as last told by its ``state_changed`` signal.
        self._sync_state = self.scheduler.state if self.scheduler else SyncState()
        self.secrets = self.scheduler.env.secrets if self.scheduler else SecretStore()
        self._clients: list[str] = []
        self._progress: dict[int, str] = {}
        body = self.body()
        head, self.total_label = self.title_row(self.tr("Channels"))
        body.addLayout(head)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setObjectName("Muted")
        self.keyring_note.setVisible(False)
        body.addWidget(self.keyring_note)
        body.addLayout(self._build_store_buttons())
        body.addWidget(self._build_split(), 1)
        self._connect_controls()
        self._restore_headers()
        self._update_buttons()
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _build_store_buttons(self) -> QHBoxLayout:
        """Acting on the selected store on the left, syncing on the right."""
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add store…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.enable_button = QPushButton(self.tr("Disable"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("PrimaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel sync"))
        for button in (self.add_button, self.edit_button, self.test_button, self.enable_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.sync_button)
        bar.addWidget(self.cancel_button)
        return bar

    def _build_split(self) -> QSplitter:
        """The stores over their SKU mappings and push queue."""
        self.channels_model = ChannelsModel(self._state_text, self)
        self.channels_view = _table(self.channels_model)  # type: ignore[arg-type]
        self.channels_view.setObjectName("ChannelsTable")

        status_box = self._build_status_box()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_mappings_tab(), self.tr("SKU mappings"))
        self.tabs.addTab(self._build_pushes_tab(), self.tr("Push queue"))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.channels_view, 1)
        top_layout.addWidget(status_box)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        return self.split

    def _build_status_box(self) -> QGroupBox:
        """The selected store's sync progress and last error."""
        status_box = QGroupBox(self.tr("Selected store"))
        status = QVBoxLayout(status_box)
        self.progress_label = QLabel(self.tr("Select a store."))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        keep_place = self.progress_bar.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the box keeps its height when it shows
        self.progress_bar.setSizePolicy(keep_place)
        self.progress_bar.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet("color: #b42318;")
        status.addWidget(self.progress_label)
        status.addWidget(self.progress_bar)
        status.addWidget(self.error_label)
        return status_box

    def _connect_controls(self) -> None:
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.enable_button.clicked.connect(self._on_enable_clicked)
        self.sync_button.clicked.connect(self._on_sync_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.channels_view.selectionModel().currentRowChanged.connect(
            self._on_channels_current_row_changed)
        if self.scheduler is not None:
            s = self.scheduler
            s.sync_started.connect(self._on_scheduler_sync_started)
            s.progress.connect(self._on_scheduler_progress)
            s.sync_finished.connect(self._on_scheduler_sync_finished)
            s.pushes_finished.connect(self._on_scheduler_pushes_finished)
            s.state_changed.connect(self._on_scheduler_state_changed)

    def _build_mappings_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        form = QHBoxLayout()
        self.platform_sku_edit = QLineEdit()
        self.platform_sku_edit.setPlaceholderText(self.tr("Platform SKU"))
        self.sku_edit = QLineEdit()
        self.sku_edit.setPlaceholderText(self.tr("Warehouse SKU or barcode"))
        self.map_button = QPushButton(self.tr("Map"))
        self.unmap_button = QPushButton(self.tr("Remove mapping"))
        form.addWidget(QLabel(self.tr("Map")))
        form.addWidget(self.platform_sku_edit, 2)
        form.addWidget(QLabel("→"))
        form.addWidget(self.sku_edit, 2)
        form.addWidget(self.map_button)
        form.addStretch(1)
        form.addWidget(self.unmap_button)
        layout.addLayout(form)
        self.unmapped_label = QLabel()
        self.unmapped_label.setWordWrap(True)
        self.unmapped_label.setStyleSheet("color: #b54708;")
        layout.addWidget(self.unmapped_label)
        self.mappings_model = MappingsModel(self)
        self.mappings_view = _table(self.mappings_model)  # type: ignore[arg-type]
        layout.addWidget(self.mappings_view, 1)
        self.platform_sku_edit.returnPressed.connect(self.sku_edit.setFocus)
        self.sku_edit.returnPressed.connect(self._on_map_clicked)
        self.map_button.clicked.connect(self._on_map_clicked)
        self.unmap_button.clicked.connect(self._on_unmap_clicked)
        return tab

    def _build_pushes_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.pushes_label = QLabel()
        self.retry_button = QPushButton(self.tr("Retry"))
        self.push_stock_button = QPushButton(self.tr("Push stock now"))
        row.addWidget(self.pushes_label, 1)
        row.addWidget(self.push_stock_button)
        row.addWidget(self.retry_button)
        layout.addLayout(row)
        self.pushes_model = PushesModel(self)
        self.pushes_view = _table(self.pushes_model)  # type: ignore[arg-type]
        layout.addWidget(self.pushes_view, 1)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.push_stock_button.clicked.connect(self._on_push_stock_clicked)
        return tab

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        secrets = self.secrets
        self.ctx.tasks.read(lambda s: load_overview(s, secrets), on_done=self._show_overview,
                            on_error=self.show_error, owner=self)

    def on_changes(self, changes: Changes) -> None:
        self.reload()

    def focus_search(self) -> None:
        self.platform_sku_edit.setFocus()
        self.platform_sku_edit.selectAll()

    def _show_overview(self, overview: Overview) -> None:
        count = len(overview.channels)
        self.total_label.setText(self.tr("%n store(s)", "", count))
        # Where secrets are kept is an administrator's concern, not a clerk's alarm.
        note = overview.secrets_file is not None and self.ctx.user.role == "admin"
        if note:
            self.keyring_note.setText(
                self.tr("No system keyring was found on this computer. Store secrets are kept "
                        "in {path}, a file only your user account can read.").format(
                    path=overview.secrets_file))
        self.keyring_note.setVisible(note)
        current = self.current_channel()
        self._clients = overview.clients
        self.channels_model.set_rows(overview.channels)
        self.pushes_model.set_rows(overview.pushes)
        failed = sum(p.status == "failed" for p in overview.pushes)
        self.pushes_label.setText(
            self.tr("{waiting} waiting, {failed} failed. Failed pushes need Retry after the "
                    "cause is fixed.").format(waiting=len(overview.pushes) - failed,
                                               failed=failed))
        rows = [c.id for c in overview.channels]
        target = rows.index(current.id) if current and current.id in rows else 0
        if rows:
            self.channels_view.selectRow(target)
        self._show_selected()

    def current_channel(self) -> ChannelInfo | None:
        index = self.channels_view.currentIndex()
        return self.channels_model.row_at(index.row()) if index.isValid() else None

    def _on_channels_current_row_changed(self, *_args: object) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        channel = self.current_channel()
        self._update_buttons()
        if channel is None:
            self.progress_label.setText(self.tr("No store yet: add one with “Add store…”."))
            self.error_label.clear()
            self.mappings_model.set_rows([])
            self.unmapped_label.clear()
            return
        self._show_status(channel)
        self.ctx.tasks.read(lambda s: load_detail(s, channel.id), on_done=self._show_detail,
                            on_error=self.show_error, owner=self)

    def _show_status(self, channel: ChannelInfo) -> None:
        running = self._sync_state.is_running(channel.id)
        text = self._progress.get(channel.id)
        if running:
            self.progress_label.setText(text or self.tr("Syncing {store}…").format(
                store=channel.name))
        elif not channel.enabled:
            self.progress_label.setText(self.tr("Disabled: not synced automatically."))
        else:
            self.progress_label.setText(self.tr("Last sync {last}; next sync {next}.").format(
                last=_when(channel.last_sync_at, self.tr("never")),
                next=_when(channel.next_sync_at, self.tr("as soon as possible"))))
        self.progress_bar.setRange(0, 0 if running else 1)
        self.progress_bar.setVisible(running)
        report = self._sync_state.reports.get(channel.id)
        if report is not None and report.failed:
            self.error_label.setText(report_error_text(report))
        elif channel.last_error:
            self.error_label.setText(with_request_id(channel_error_text(channel),
                                                     channel.last_request_id))
        else:
            self.error_label.clear()

    def _show_detail(self, detail: StoreDetail) -> None:
        current = self.current_channel()
        if current is None or current.id != detail.channel_id:
            return
        self.mappings_model.set_rows(detail.mappings)
        if detail.unmapped:
            listed = ", ".join(f"{u.platform_sku} ({u.orders})" for u in detail.unmapped[:12])
            self.unmapped_label.setText(self.tr(
                "Orders are held until these platform SKUs are mapped: {skus}").format(
                skus=listed))
            self.unmapped_label.setStyleSheet("color: #b54708; font-weight: 600;")
        else:
            self.unmapped_label.setText(self.tr("No orders are waiting for a mapping."))
            self.unmapped_label.setStyleSheet("color: #5b6675;")

    def _state_text(self, channel: ChannelInfo) -> str:
        if self._sync_state.is_running(channel.id):
            return self.tr("syncing")
        if self._sync_state.is_queued(channel.id):
            return self.tr("queued")
        if not channel.enabled:
            return self.tr("disabled")
        return self.tr("failed") if channel.last_error else self.tr("OK")

    def _update_buttons(self) -> None:
        channel = self.current_channel()
        has = channel is not None
        running = self._sync_state.running is not None
        for button in (self.edit_button, self.test_button, self.enable_button,
                       self.map_button, self.unmap_button, self.push_stock_button):
            button.setEnabled(has)
        self.sync_button.setEnabled(has and self.scheduler is not None)
        self.test_button.setEnabled(has and self.scheduler is not None)
        self.cancel_button.setEnabled(running)
        disabled = channel is not None and not channel.enabled
        self.enable_button.setText(self.tr("Enable") if disabled else self.tr("Disable"))

    # -- scheduler signals -------------------------------------------------------------

    @Slot(int, str)
    def _on_scheduler_sync_started(self, channel_id: int, name: str) -> None:
        self._progress[channel_id] = self.tr("Syncing {store}…").format(store=name)
        self._refresh_state()

    @Slot(object)
    def _on_scheduler_progress(self, p: SyncProgress) -> None:
        self._progress[p.channel_id] = self.tr(
            "Syncing {store}: page {pages}, %Ln order(s) read, {new} new, {updated} "
            "updated", "", p.fetched).format(store=p.channel, pages=p.pages, new=p.new,
                                             updated=p.updated)
        current = self.current_channel()
        if current is not None and current.id == p.channel_id:
            self.progress_label.setText(self._progress[p.channel_id])

    @Slot(object)
    def _on_scheduler_sync_finished(self, report: SyncReport) -> None:
        self._progress.pop(report.channel_id, None)
        c = report.counts
        if report.cancelled_by_user:
            self.show_info(self.tr("Sync of {store} cancelled; the pages read so far are "
                                   "saved.").format(store=report.channel))
        elif not report.failed:
            text = self.tr(
                "{store}: %Ln order(s) read, {new} new, {updated} updated, {cancelled} "
                "cancelled, {held} held.", "", c.fetched).format(store=report.channel,
                                                                 new=c.new, updated=c.updated,
                                                  cancelled=c.cancelled, held=c.held)
            if c.allocated or c.backordered:
                text = join_sentences(text, self.tr(
                    "Allocated {allocated}, backordered {backordered}.").format(
                        allocated=c.allocated, backordered=c.backordered))
            level = Level.WARNING if c.backordered else Level.SUCCESS
            self.messages.show_message(text, level)
        self.reload()

    @Slot(object)
    def _on_scheduler_pushes_finished(self, _report: PushReport) -> None:
        self.reload()

    @Slot(object)
    def _on_scheduler_state_changed(self, _state: SyncState) -> None:
        # The scheduler's own slot ran first and kept the newest of possibly reordered ones.
        assert self.scheduler is not None
        self._sync_state = self.scheduler.state
        self._refresh_state()

    def _on_connection_tested(self, result: ConnectionTest) -> None:
        if result.ok:
            self.show_info(self.tr("Connection works: {store}").format(store=result.description))
        elif result.error is not None:
            self.messages.show_message(error_text(result.error), Level.ERROR)

    def _refresh_state(self) -> None:
        self.channels_model.refresh()
        channel = self.current_channel()
        if channel is not None:
            self._show_status(channel)
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        dialog = StoreDialog(self._clients, None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        form = dialog.form()
        secrets, actor = self.secrets, self.ctx.actor

        def save(session: Session) -> Saved:
            ref = new_secret_ref()
            draft = ChannelDraft(form.platform, form.name, form.client_code, ref,
                                 base_url=form.base_url, settings=form.settings,
                                 interval_minutes=form.interval_minutes,
                                 safety_buffer=form.safety_buffer,
                                 stock_push_minutes=form.stock_push_minutes)
            info = add_channel(session, draft, actor=actor)
            secrets.set(ref, form.secrets)
            return Saved(info)

        self.ctx.tasks.write(save, on_done=self._on_saved, on_error=self.show_error, owner=self)

    def _on_edit_clicked(self) -> None:
        channel = self.current_channel()
        if channel is None:
            return
        dialog = StoreDialog(self._clients, channel, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        form: StoreForm = dialog.form()
        secrets, actor = self.secrets, self.ctx.actor

        def save(session: Session) -> Saved:
            info = update_channel(session, channel.id, ChannelEdit(
                name=form.name, base_url=form.base_url, settings=form.settings,
                interval_minutes=form.interval_minutes, safety_buffer=form.safety_buffer,
                stock_push_minutes=form.stock_push_minutes), actor=actor)
            if form.secrets:
                secrets.update(channel.secret_ref, form.secrets)
            return Saved(info)

        self.ctx.tasks.write(save, on_done=self._on_saved, on_error=self.show_error, owner=self)

    def _on_saved(self, saved: Saved) -> None:
        self.show_info(self.tr("Store {store} saved.").format(store=saved.channel.name))
        self.reload()

    def _on_enable_clicked(self) -> None:
        channel = self.current_channel()
        if channel is None:
            return
        enabled, actor = not channel.enabled, self.ctx.actor
        self.ctx.tasks.write(lambda s: Saved(set_channel_enabled(s, channel.id, enabled,
                                                                 actor=actor)),
                             on_done=self._on_saved, on_error=self.show_error, owner=self)

    def _on_test_clicked(self) -> None:
        channel = self.current_channel()
        if channel is not None and self.scheduler is not None:
            self.messages.show_message(self.tr("Testing {store}…").format(store=channel.name),
                                       Level.INFO)
            # HTTP with the connector's timeouts: on a lane, never on the GUI thread.
            self.ctx.tasks.lane(CONNECTION_TEST_LANE).submit(
                partial(check_store_connection, self.scheduler.env, channel.id),
                on_done=self._on_connection_tested, on_error=self.show_error, owner=self)

    def _on_sync_clicked(self) -> None:
        channel = self.current_channel()
        if channel is not None and self.scheduler is not None:
            try:  # the sync itself runs as the station; asking for one is the user's action
                require(self.ctx.actor, Permission.MANAGE_CHANNELS)
            except PermissionDenied as exc:
                self.show_error(exc)
                return
            self.scheduler.sync_now(channel.id)
            self._refresh_state()

    def _on_cancel_clicked(self) -> None:
        if self.scheduler is not None:
            self.scheduler.cancel()

    def _on_map_clicked(self) -> None:
        channel = self.current_channel()
        platform_sku, sku = self.platform_sku_edit.text().strip(), self.sku_edit.text().strip()
        if channel is None or not platform_sku or not sku:
            self.platform_sku_edit.setFocus()
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: map_sku(s, channel.id, platform_sku, sku, actor=actor),
                             on_done=self._on_mapped, on_error=self.show_error, owner=self)

    def _on_mapped(self, result: MappingResult) -> None:
        self.show_info(self.tr("{platform_sku} → {sku}; %n held order(s) released.", "",
                               len(result.released_orders)).format(
            platform_sku=result.mapping.platform_sku, sku=result.mapping.sku_code))
        self.platform_sku_edit.clear()
        self.sku_edit.clear()
        self.platform_sku_edit.setFocus()
        self.reload()

    def _on_unmap_clicked(self) -> None:
        mapping = self.mappings_model.row_at(self.mappings_view.currentIndex().row())
        if mapping is None:
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: delete_sku_mapping(s, mapping.id, actor=actor),
                             on_done=lambda _r: self._show_selected(), on_error=self.show_error,
                             owner=self)

    def _on_retry_clicked(self) -> None:
        push = self.pushes_model.row_at(self.pushes_view.currentIndex().row())
        if push is None:
            return
        actor = self.ctx.actor
        self.ctx.tasks.write(lambda s: retry_push(s, push.id, actor=actor), on_done=self._on_queued,
                             on_error=self.show_error, owner=self)

    def _on_push_stock_clicked(self) -> None:
        channel = self.current_channel()
        if channel is None:
            return
        self.ctx.tasks.write(lambda s: enqueue_stock_pushes(s, channel.id, force=True),
                             on_done=self._on_queued, on_error=self.show_error, owner=self)

    def _on_queued(self, _result: object) -> None:
        if self.scheduler is not None:
            self.scheduler.push_now()
        self.reload()

    # -- layout state ------------------------------------------------------------------

    def _restore_headers(self) -> None:
        # Typical values, so the starting widths fit headers and contents in either language.
        stamp = "2026-12-31 23:59"
        fit_columns(self.channels_view, ("Brightway Shopify", "TikTok Shop", "GZBEAUTY",
                                         self.tr("disabled"), "15 min", stamp, stamp, "000",
                                         "000"))
        fit_columns(self.pushes_view, ("Brightway Shopify", push_kind_name("tracking"),
                                       "112-7686361-0750313", "USPS 9400111899223100",
                                       push_status_name("failed"), "00", stamp,
                                       "a1b2c3d4-e5f6"))
        fit_columns(self.mappings_view, ("SKU-000000-XXL", "SKU-000000-XXL",
                                         QCoreApplication.translate("Channels",
                                                                    "automatically")))
        state = self.ctx.ui_settings.value("channels/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.channels_view.horizontalHeader().restoreState(state)

    def hideEvent(self, event: QHideEvent) -> None:
        self.ctx.ui_settings.setValue("channels/header",
                                      self.channels_view.horizontalHeader().saveState())
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_state()


def _when(value: datetime | None, empty: str) -> str:
    return when(value) if value is not None else empty
