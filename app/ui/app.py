"""Starting the desktop app.

The main window is on screen first (it is what a person waits for); then the
database opens on the task runner's ``startup`` lane, the first-run or sign-in dialog sits
on top of the window, and the screens appear once someone has signed in.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.settings import StationSettings, config_dir, load_settings, resolve_database_url
from app.ui.heap import settle_heap
from app.ui.i18n import error_text, install_translators
from app.ui.main_window import MainWindow, ShellInfo
from app.ui.resources import icon, register_cjk_font, stylesheet
from app.ui.values import database_text

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.domain.permissions import Actor
    from app.services.billing_accrual import AccrualResult
    from app.services.dto import UserInfo
    from app.ui.devices.billing_scheduler import BillingScheduler
    from app.ui.devices.scale import ScaleWorker
    from app.ui.devices.sync_scheduler import SyncScheduler
    from app.ui.devices.tracking_scheduler import TrackingScheduler
    from app.ui.pages.base import PageContext
    from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# How long after sign-in the heap is settled (app/ui/heap.py).
SETTLE_AFTER_MS = 1500

# The station settings the tracking and billing jobs are started from: a change restarts them.
JOB_SETTINGS = frozenset({"mode", "tracking_minutes", "no_scan_days", "billing_auto"})

# The task-runner lane that opens (and if needed upgrades) the database at start-up.
STARTUP_LANE = "startup"

# Set by the start-up benchmark: print "shown" once the main window is on screen.
STARTUP_PROBE = "HAICANG_STARTUP_PROBE"


def ui_settings() -> QSettings:
    """Window geometry and column layouts, per user, beside the station settings."""
    return QSettings(str(config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def shell_info(settings: StationSettings, url: str) -> ShellInfo:
    kind = "postgresql" if url.startswith("postgresql") else "sqlite"
    shown = re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)  # never show a password
    return ShellInfo(settings.station_name, kind, shown, ui_settings())


def _open_context(url: str, settings: StationSettings) -> AppContext:
    """On the startup lane: the database layer is imported here too, off the GUI thread."""
    from app.bootstrap import build_context

    return build_context(url, settings=settings)


class AppController:
    """Owns the session: database, sign-in, window contents, devices, settings."""

    def __init__(self, qt_app: QApplication, window: MainWindow, settings: StationSettings,
                 url: str) -> None:
        self.qt_app = qt_app
        self.window = window
        self.settings = settings
        self.url = url
        self.context: AppContext | None = None
        self.tasks: TaskRunner | None = None
        self.scale: ScaleWorker | None = None
        self.sync: SyncScheduler | None = None
        self.tracking: TrackingScheduler | None = None
        self.billing: BillingScheduler | None = None
        self.sign_in_hint = ""
        self.last_user = str(ui_settings().value("signin/last_user", ""))
        self._connect_window()

    def _connect_window(self) -> None:
        self.window.sign_out_requested.connect(self._on_window_sign_out_requested)
        self.window.settings_requested.connect(self._on_window_settings_requested)

    # -- opening -------------------------------------------------------------------------

    def start(self) -> None:
        """Open (and if needed upgrade) the database on the runner's ``startup`` lane.

        The runner exists before the database (lanes need none); it gets the database once
        it is open, and only then serves reads and writes.
        """
        from app.ui.tasks import TaskRunner

        self.window.statusBar().showMessage(self.window.tr("Opening the database…"))
        self.tasks = TaskRunner()
        url, settings = self.url, self.settings
        self.tasks.lane(STARTUP_LANE).submit(lambda: _open_context(url, settings),
                                             on_done=self._on_database_opened,
                                             on_error=self._on_database_failed)

    def _on_database_failed(self, error: BaseException) -> None:
        """Shown to the user, then the app closes."""
        self.window.statusBar().clearMessage()
        QMessageBox.critical(self.window, self.window.tr("Haicang cannot start"),
                             error_text(error))
        self.qt_app.quit()

    def _on_database_opened(self, context: AppContext) -> None:
        from app.services.users import count_users

        assert self.tasks is not None
        self.window.statusBar().clearMessage()
        self.context = context
        self.tasks.attach(context.db)
        self.tasks.read(count_users, on_done=self._on_user_count, on_error=self._fatal)

    def _on_user_count(self, users: int) -> None:
        if users == 0:
            from app.ui.dialogs.first_run import FirstRunDialog

            assert self.tasks is not None
            dialog = FirstRunDialog(self.tasks, self.window)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                self.qt_app.quit()
                return
            self.sign_in_hint = dialog.hint
            self.last_user = dialog.username
            if dialog.first_page:
                ui_settings().setValue("main/page", dialog.first_page)
        self.sign_in()

    # -- session -------------------------------------------------------------------------

    def sign_in(self) -> None:
        from app.ui.dialogs.sign_in import SignInDialog

        assert self.context is not None and self.tasks is not None
        dialog = SignInDialog(self.tasks, database=database_text(self.context.db.display_url),
                              station=self.context.settings.station_name,
                              hint=self.sign_in_hint, username=self.last_user,
                              parent=self.window)
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.user is None:
            self.qt_app.quit()
            return
        self.last_user = dialog.user.username
        ui_settings().setValue("signin/last_user", self.last_user)
        self._start_session(dialog.user)

    def _start_session(self, user: UserInfo) -> None:
        from app.ui.devices.sync_scheduler import start_sync_scheduler
        from app.ui.pages.base import PageContext
        from app.ui.widgets.sync_status import SyncStatusWidget

        assert self.context is not None and self.tasks is not None
        if self.sync is None:
            self.sync = start_sync_scheduler(self.context)
            self.window.add_status_widget(SyncStatusWidget(self.sync))
        self._start_jobs()
        self._show_session(PageContext(self.context, self.tasks, user, ui_settings(), self.sync))
        self._start_devices()

    def _start_jobs(self) -> None:
        """The tracking poll and the nightly billing job, where the station settings say."""
        from app.ui.devices.billing_scheduler import start_billing_scheduler
        from app.ui.devices.tracking_scheduler import start_tracking_scheduler

        assert self.context is not None
        if self.tracking is None:
            self.tracking = start_tracking_scheduler(self.context)
        if self.billing is None:
            self.billing = start_billing_scheduler(self.context)
            if self.billing is not None:
                self.billing.finished.connect(self._on_billing_finished)

    def _on_billing_finished(self, result: AccrualResult | None) -> None:
        """The nightly job charged days: the Billing screen, if open, reloads."""
        from app.ui.devices.billing_scheduler import changes_of

        if self.tasks is not None:
            self.tasks.report_changes(changes_of(result))

    def _show_session(self, ctx: PageContext) -> None:
        """Build the session's screens, then settle the heap once they are up."""
        self.window.start_session(ctx)
        # Once the first screen has loaded and painted: the collection takes ~0.1 s.
        QTimer.singleShot(SETTLE_AFTER_MS, settle_heap)

    def _start_devices(self) -> None:
        from app.ui.devices.scale import start_scale
        from app.ui.widgets.scale_status import ScaleStatusWidget

        assert self.context is not None and self.tasks is not None
        self.scale = start_scale(self.context.settings, self.tasks, self.window)
        status = self.window.findChild(ScaleStatusWidget)
        if status is None:
            self.window.add_status_widget(ScaleStatusWidget(self.scale))
        else:
            status.set_worker(self.scale)
        self.window.set_scale(self.scale)

    def _stop_devices(self) -> None:
        if self.scale is not None:
            self.scale.stop()
            self.scale = None
            self.window.set_scale(None)

    def _on_window_sign_out_requested(self) -> None:
        self._stop_devices()
        self.window.end_session()
        self.sign_in_hint = ""
        self.sign_in()

    def _on_window_settings_requested(self) -> None:
        from app.domain.permissions import Permission
        from app.settings import changed_settings, save_settings
        from app.ui.dialogs.settings_dialog import SettingsDialog, default_sections

        assert self.context is not None and self.tasks is not None
        ctx = self.window.ctx
        assert ctx is not None
        self._stop_devices()  # the scale test in Settings needs the port to itself
        dialog = SettingsDialog(self.context.settings,
                                default_sections(self.context, self.tasks, admin=ctx.actor.may(
                                    Permission.CHANGE_SETTINGS), actor=ctx.actor), self.window)
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        if accepted:
            new = dialog.result_settings()
            save_settings(new)
            self._record_settings_change(ctx.actor, self.context.settings, new)
            language_changed = new.language != self.context.settings.language
            from app.bootstrap import AppContext

            old, self.context = self.context.settings, AppContext(new, self.context.db)
            self.settings = new
            if JOB_SETTINGS & set(changed_settings(old, new)):
                self._stop_jobs()  # and again as the new settings say
                self._start_jobs()
            if language_changed:
                install_translators(self.qt_app, new.language)
                self._rebuild_window(ctx.user)
                return
            from app.ui.pages.base import PageContext

            self._show_session(PageContext(self.context, self.tasks, ctx.user,
                                           ctx.ui_settings, self.sync))
        self._start_devices()

    def _record_settings_change(self, actor: Actor, old: StationSettings,
                                new: StationSettings) -> None:
        """The audit trail notes who changed which station settings (names, not values)."""
        from app.services.audit import record_settings_change
        from app.settings import changed_settings

        assert self.tasks is not None
        changed, station = changed_settings(old, new), new.station_name
        if changed:
            self.tasks.write(lambda s: record_settings_change(s, actor, changed, station=station),
                             on_error=self._on_settings_audit_failed)

    def _on_settings_audit_failed(self, exc: BaseException) -> None:
        """The settings are saved in station.json either way; say the note was not kept."""
        self.window.statusBar().showMessage(self.window.tr(
            "Settings saved, but not noted in the audit trail: {error}").format(
                error=error_text(exc)), 10_000)

    def _rebuild_window(self, user: UserInfo) -> None:
        """Every label is created anew in the new language; size and maximised state stay."""
        old = self.window
        old.save_window_state()  # the new window restores it from ui.ini
        old.end_session()
        self._stop_sync()
        self.window = MainWindow(shell_info(self.settings, self.url))
        self._connect_window()
        self.window.show()
        old.close()
        old.deleteLater()
        self._start_session(user)

    def _fatal(self, exc: BaseException) -> None:
        QMessageBox.critical(self.window, "Haicang", error_text(exc))
        self.qt_app.quit()

    def _stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.stop()
            self.sync.deleteLater()
            self.sync = None
        self._stop_jobs()

    def _stop_jobs(self) -> None:
        """Each waits for its current pass (a tracking poll is HTTP, up to 10 s)."""
        if self.tracking is not None:
            self.tracking.stop()
            self.tracking.deleteLater()
            self.tracking = None
        if self.billing is not None:
            self.billing.stop()
            self.billing.deleteLater()
            self.billing = None

    def shutdown(self) -> None:
        """After the event loop: stop devices and sync, finish queued writes, close the DB."""
        self._stop_devices()
        self._stop_sync()
        self.window.end_session()
        if self.tasks is not None:
            self.tasks.shutdown()
        if self.context is not None:
            self.context.db.dispose()


def run_gui(db_url: str | None = None, argv: list[str] | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Haicang")
    qt_app.setOrganizationName("Haicang")
    qt_app.setWindowIcon(icon("haicang"))
    qt_app.setStyle("Fusion")
    qt_app.setStyleSheet(stylesheet())
    settings = load_settings()
    install_translators(qt_app, settings.language)
    if settings.language != "en":
        register_cjk_font()  # before the first Chinese label is drawn
    url = resolve_database_url(db_url, settings)
    window = MainWindow(shell_info(settings, url))
    window.show()
    if os.environ.get(STARTUP_PROBE):
        qt_app.processEvents()
        print("shown", flush=True)
    controller = AppController(qt_app, window, settings, url)
    if settings.language == "en":
        QTimer.singleShot(0, register_cjk_font)  # Chinese SKU names, after the window is up
    QTimer.singleShot(0, controller.start)
    code = qt_app.exec()
    controller.shutdown()
    return int(code)
