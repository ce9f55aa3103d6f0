"""The desktop shell: sign-in, first run, main window, language, real background threads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.users import FREE_FAILURES, count_users, create_user
from app.settings import StationSettings
from app.ui.dialogs.first_run import FirstRunDialog
from app.ui.dialogs.sign_in import SignInDialog
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow, PageSpec, ShellInfo
from app.ui.pages.base import Page, PageContext
from app.ui.tasks import TaskRunner
from tests.ui.inline_tasks import InlineTaskRunner


def _user(db: Database, name: str = "alice", password: str = "correct horse"):
    with db.writing() as s:
        return create_user(s, name, password, Role.CLERK, actor=Actor.system("test"),
                           display_name="Alice")


def _sign_in(qtbot, runner, name: str, password: str) -> SignInDialog:
    dialog = SignInDialog(runner, database="sqlite:///x", station="PACK-1")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def test_good_sign_in_accepts_with_the_user(qtbot, db) -> None:
    _user(db)
    dialog = _sign_in(qtbot, InlineTaskRunner(db), "alice", "correct horse")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.username == "alice"


def test_bad_sign_in_gives_one_message_for_user_or_password(qtbot, db) -> None:
    _user(db)
    runner = InlineTaskRunner(db)
    wrong_password = _sign_in(qtbot, runner, "alice", "nope")
    wrong_user = _sign_in(qtbot, runner, "mallory", "nope")
    assert wrong_password.result() != QDialog.DialogCode.Accepted
    assert wrong_password.error.text() == wrong_user.error.text() != ""
    assert wrong_password.password.text() == ""  # cleared for the next try


def test_repeated_failures_make_the_user_and_the_station_wait(qtbot, db) -> None:
    from app.db.models import SignInThrottle

    _user(db)
    runner = InlineTaskRunner(db)
    for _ in range(FREE_FAILURES):
        _sign_in(qtbot, runner, "alice", "bad")
    dialog = _sign_in(qtbot, runner, "alice", "correct horse")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Too many failed sign-ins. Try again in" in dialog.error.text()
    with db.reading() as s:  # counted for this station too, by its name
        assert s.get(SignInThrottle, "PACK-1").failures == FREE_FAILURES


def test_empty_fields_are_caught_before_asking_the_database(qtbot, db) -> None:
    dialog = _sign_in(qtbot, InlineTaskRunner(db), "", "")
    assert "user name and password" in dialog.error.text()


def test_first_run_creates_admin_and_warehouse(qtbot, db) -> None:
    dialog = FirstRunDialog(InlineTaskRunner(db))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.setup_button, Qt.MouseButton.LeftButton)
    dialog.admin_name.setText("boss")
    qtbot.keyClicks(dialog.admin_password, "a long secret")
    qtbot.keyClicks(dialog.admin_password2, "a long secret")
    qtbot.keyClicks(dialog.wh_code, "la1")
    qtbot.keyClicks(dialog.wh_name, "Los Angeles")
    qtbot.keyClicks(dialog.wh_address, "4100 E Mission Blvd")
    qtbot.keyClicks(dialog.wh_city, "Ontario")
    dialog.wh_state.setCurrentIndex(dialog.wh_state.findData("CA"))
    qtbot.keyClicks(dialog.wh_zip, "91761")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.username == "boss"
    from app.services.organisation import list_bins, list_warehouses
    with db.reading() as s:
        assert count_users(s) == 1
        assert [w.code for w in list_warehouses(s)] == ["LA1"]
        assert {b.bin_type for b in list_bins(s)} >= {"receiving", "staging"}


def test_first_run_shows_problems_inline_and_writes_nothing(qtbot, db) -> None:
    dialog = FirstRunDialog(InlineTaskRunner(db))
    qtbot.addWidget(dialog)
    dialog._show_page(1)
    dialog.admin_password.setText("a long secret")
    dialog.admin_password2.setText("a long secret")
    dialog.wh_code.setText("LA1")
    dialog.wh_name.setText("LA")
    dialog.wh_address.setText("1 Main")
    dialog.wh_city.setText("Ontario")
    dialog.wh_zip.setText("ABC")
    dialog.show()
    qtbot.keyClick(dialog.wh_zip, Qt.Key.Key_Return)  # Enter creates, as the button does
    assert "ZIP" in dialog.setup_error.text() or "zip" in dialog.setup_error.text()
    assert dialog.create_button.isEnabled()
    with db.reading() as s:
        assert count_users(s) == 0  # the admin was rolled back with the bad warehouse


class _EchoPage(Page):
    """A minimal page for shell tests: shows the user and reloads on changes."""

    from app.services.changes import Changes

    listens_to = Changes.STOCK

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.label = QLabel(self.tr("Hello {name}").format(name=ctx.user.display_name))
        self.body().addWidget(self.label)
        self.reloads = 0

    def on_changes(self, changes) -> None:
        self.reloads += 1


ECHO = [PageSpec("echo", "Orders", "orders", f"{__name__}:_EchoPage")]


def _shell(db: Database, tmp_path: Path) -> ShellInfo:
    return ShellInfo("PACK-7", db.kind, db.display_url,
                     QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def _window(qtbot, db: Database, tmp_path: Path, runner: TaskRunner | None = None) -> MainWindow:
    user = _user(db)
    shell = _shell(db, tmp_path)
    ctx = PageContext(AppContext(StationSettings(station_name="PACK-7"), db),
                      runner or InlineTaskRunner(db), user, shell.ui_settings)
    window = MainWindow(shell)
    qtbot.addWidget(window)
    window.start_session(ctx, ECHO)
    return window


def test_main_window_status_bar_and_pages(qtbot, db, tmp_path: Path) -> None:
    window = _window(qtbot, db, tmp_path)
    window.show()
    texts = {w.text() for w in window.statusBar().findChildren(QLabel)}
    kind = "SQLite" if db.kind == "sqlite" else "PostgreSQL"
    assert f"Database: {kind}" in texts
    assert "Station: PACK-7" in texts
    assert any("Alice" in t for t in texts)
    page = window.current_page()
    assert isinstance(page, _EchoPage) and page.label.text() == "Hello Alice"


def test_geometry_is_remembered(qtbot, db, tmp_path: Path) -> None:
    window = _window(qtbot, db, tmp_path)
    window.show()
    window.setGeometry(40, 30, 1150, 700)
    size = window.size()
    window.close()
    again = MainWindow(window.shell)
    qtbot.addWidget(again)
    assert again.size() == size and again.x() == 40


def test_real_threads_deliver_results_and_changes_to_the_gui_thread(
        qtbot, db, tmp_path: Path) -> None:
    from app.services.inventory import receive_stock
    from tests.world import build_world

    build_world(db)
    runner = TaskRunner(db)
    window = _window(qtbot, db, tmp_path, runner)
    page = window.current_page()
    assert isinstance(page, _EchoPage)
    seen: list[object] = []
    with qtbot.waitSignal(runner.data_changed, timeout=10_000):
        runner.write(lambda s: receive_stock(s, client_code="ACME", sku_code="MUG",
                                             warehouse_code="LA1", bin_code="A-01-01-01",
                                             quantity=2, actor=Actor("alice", Role.CLERK)),
                     on_done=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert page.reloads == 1
    errors: list[BaseException] = []
    runner.read(lambda s: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert isinstance(errors[0], ZeroDivisionError)
    runner.shutdown()


def test_switching_to_chinese_translates_the_shell(qtbot, db, tmp_path: Path) -> None:
    app = QApplication.instance()
    qm = Path(__file__).resolve().parents[2] / "resources/translations/shell_zh_CN.qm"
    assert qm.exists(), "run `make translations` (make test does) to compile the .qm files"
    install_translators(app, "zh_CN")
    try:
        window = _window(qtbot, db, tmp_path)
        window.show()
        texts = [w.text() for w in window.statusBar().findChildren(QLabel) if w.text()]
        texts += [a.text() for a in window.menuBar().actions()]
        texts.append(window.nav.item(0).text())
        assert texts and all(_has_cjk(t) for t in texts), texts
    finally:
        install_translators(app, "en")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    app = QApplication.instance()
    if app is not None:
        install_translators(app, "en")


def test_the_window_is_empty_before_sign_in_and_after_sign_out(qtbot, db, tmp_path: Path) -> None:
    window = _window(qtbot, db, tmp_path)
    assert window.nav.count() == 1 and isinstance(window.current_page(), _EchoPage)
    window.end_session()
    assert window.nav.count() == 0 and window.current_page() is None
    assert window.ctx is None and not window.user_label.isVisible()
    signed_out: list[bool] = []
    window.sign_out_requested.connect(lambda: signed_out.append(True))
    window.settings_action.trigger()  # nothing to configure for nobody
    assert signed_out == []


@pytest.mark.parametrize("maximised", [False, True])
def test_switching_language_keeps_the_window_size_and_state(
        qtbot, db, maximised: bool) -> None:
    from app.ui.app import AppController, shell_info

    user = _user(db)
    settings = StationSettings(station_name="PACK-7")
    window = MainWindow(shell_info(settings, db.url))  # the controller deletes it
    window.show()
    if maximised:
        window.showMaximized()
        qtbot.waitUntil(window.isMaximized, timeout=2000)
    else:
        window.resize(1500, 900)
    qtbot.wait(50)
    size = window.size()
    controller = AppController(QApplication.instance(), window, settings, db.url)
    controller.context = AppContext(settings, db)
    controller.tasks = InlineTaskRunner(db)
    try:
        install_translators(QApplication.instance(), "zh_CN")
        controller._rebuild_window(user)  # what Settings does after a language change
        new = controller.window
        qtbot.addWidget(new)
        assert new is not window
        qtbot.waitUntil(new.isVisible, timeout=2000)
        qtbot.wait(50)
        assert new.isMaximized() == maximised
        assert new.size() == size
    finally:
        controller._stop_devices()
        controller._stop_sync()
        controller.window.end_session()
