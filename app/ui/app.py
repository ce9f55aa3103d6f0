"""Starting the desktop app: Qt, language, database, first run, sign-in, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.bootstrap import AppContext, build_context
from app.domain.errors import DomainError
from app.services.users import count_users
from app.settings import config_dir, load_settings, save_settings
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.settings_dialog import SettingsDialog, default_sections
from app.ui.dialogs.sign_in import SignInDialog
from app.ui.i18n import error_text, install_translators
from app.ui.main_window import MainWindow
from app.ui.pages.base import PageContext
from app.ui.resources import icon, stylesheet
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def ui_settings() -> QSettings:
    """Window geometry and column layouts, per user, beside the station settings."""
    return QSettings(str(config_dir() / "ui.ini"), QSettings.Format.IniFormat)


class AppController:
    """Owns the window lifecycle: sign in, main window, sign out, language switch."""

    def __init__(self, qt_app: QApplication, context: AppContext, tasks: TaskRunner) -> None:
        self.qt_app = qt_app
        self.context = context
        self.tasks = tasks
        self.window: MainWindow | None = None
        self.sign_in_hint = ""
        self.last_user = str(ui_settings().value("signin/last_user", ""))

    def start(self) -> None:
        """First run if the database has no users yet, then sign-in."""
        self.tasks.read(count_users, on_done=self._on_user_count, on_error=self._fatal)

    def _on_user_count(self, users: int) -> None:
        if users == 0:
            dialog = FirstRunDialog(self.tasks)
            if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
                self.qt_app.quit()
                return
            self.sign_in_hint = dialog.hint
            self.last_user = dialog.username
        self.sign_in()

    def sign_in(self) -> None:
        db = self.context.db
        dialog = SignInDialog(self.tasks, database=db.display_url,
                              station=self.context.settings.station_name, hint=self.sign_in_hint,
                              username=self.last_user)
        dialog.setWindowIcon(icon("haicang"))
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.user is None:
            self.qt_app.quit()
            return
        settings = ui_settings()
        self.last_user = dialog.user.username
        settings.setValue("signin/last_user", self.last_user)
        self._open_window(PageContext(self.context, self.tasks, dialog.user, settings))

    def _open_window(self, page_ctx: PageContext) -> None:
        window = MainWindow(page_ctx)
        window.sign_out_requested.connect(self._on_window_sign_out_requested)
        window.settings_requested.connect(self._on_window_settings_requested)
        window.show()
        self.window = window

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _on_window_sign_out_requested(self) -> None:
        self._close_window()
        self.sign_in_hint = ""
        self.sign_in()

    def _on_window_settings_requested(self) -> None:
        assert self.window is not None
        sections = default_sections(self.context, self.tasks)
        dialog = SettingsDialog(self.context.settings, sections, self.window)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        new = dialog.result_settings()
        save_settings(new)
        language_changed = new.language != self.context.settings.language
        self.context = AppContext(new, self.context.db)
        if language_changed:
            install_translators(self.qt_app, new.language)
        # Rebuild the window so every label is created in the new language.
        page_ctx = PageContext(self.context, self.tasks, self.window.ctx.user, ui_settings())
        self._close_window()
        self._open_window(page_ctx)

    def _fatal(self, exc: BaseException) -> None:
        QMessageBox.critical(None, "Haicang", error_text(exc))
        self.qt_app.quit()


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
    try:
        context = build_context(db_url, settings=settings)
    except DomainError as exc:
        QMessageBox.critical(_parentless(), qt_app.translate("App", "Haicang cannot start"),
                             error_text(exc))
        return 1
    tasks = TaskRunner(context.db)
    controller = AppController(qt_app, context, tasks)
    QTimer.singleShot(0, controller.start)
    code = qt_app.exec()
    tasks.shutdown()
    context.db.dispose()
    return int(code)


def _parentless() -> QWidget | None:
    return None
