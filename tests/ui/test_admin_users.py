"""Admin → Users, and Haicang → Change my password, driven as an owner and a packer would."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.dto import UserInfo
from app.services.users import list_users, sign_in, verify_supervisor_pin
from app.settings import StationSettings
from app.ui.dialogs.user_password import ChangePasswordDialog
from app.ui.main_window import MainWindow, ShellInfo
from app.ui.pages.admin import AdminPage
from app.ui.pages.admin_users import UsersTab
from app.ui.pages.base import PageContext
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.ui.test_chinese_screens import DATA, _has_cjk, _visible_texts


@pytest.fixture
def admin_page(qtbot, db: Database, make_page_ctx: Callable[..., PageContext]) -> AdminPage:
    """The Admin page of an administrator ``admin1``; a packer ``pat`` exists too."""
    make_user(db, "pat", Role.PACKER)
    ctx = make_page_ctx(role=Role.ADMIN)
    page = AdminPage(ctx)
    ctx.tasks.data_changed.connect(
        lambda changes: page.on_changes(changes) if page.listens_to & changes else None)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def _tab(page: AdminPage) -> UsersTab:
    page.show_tab("users")
    tab = page.tab("users")
    assert isinstance(tab, UsersTab)
    return tab


def _users(db: Database) -> dict[str, UserInfo]:
    with db.reading() as s:
        return {u.username: u for u in list_users(s)}


def _row_texts(tab: UsersTab, username: str) -> list[str]:
    for r in range(tab.proxy.rowCount()):
        cells = [str(tab.proxy.index(r, c).data()) for c in range(tab.proxy.columnCount())]
        if cells[0] == username:
            return cells
    raise AssertionError(f"{username} is not shown")


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _signs_in(db: Database, username: str, password: str) -> bool:
    with db.writing() as s:
        return not isinstance(sign_in(s, username, password), Exception)


def test_the_table_shows_roles_pins_and_last_sign_in(admin_page: AdminPage, db: Database) -> None:
    _signs_in(db, "pat", "a long secret")
    tab = _tab(admin_page)
    assert [tab.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(tab.model.columnCount())] == [
        "User name", "Display name", "Role", "Status", "Supervisor PIN", "Last sign-in"]
    pat = _row_texts(tab, "pat")
    assert pat[1:5] == ["Pat", "Packer", "Active", "—"] and pat[5][:2] == "20"
    assert _row_texts(tab, "admin1")[5] == "Never"
    assert tab.count.text() in {"2 user(s)", "2 users"}  # "users" once the .qm is loaded
    tab.focus_search()
    tab.search.setText("pack")
    assert tab.proxy.rowCount() == 1


def test_add_a_user_with_the_keyboard_and_every_problem_beside_its_field(
        qtbot, admin_page: AdminPage, db: Database) -> None:
    tab = _tab(admin_page)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.username.hasFocus)
    _save(dialog)
    assert dialog.field_error("username") == "Required." and dialog.isVisible()
    qtbot.keyClicks(dialog.username, "lwang")
    qtbot.keyClicks(dialog.name, "Li Wang")
    dialog.password.setText("short")
    dialog.repeat.setText("shrot")
    _save(dialog)
    assert dialog.field_error("repeat") == "The two entries differ."
    dialog.repeat.setText("short")
    _save(dialog)  # the service refuses it: said beside the password
    assert "at least 8 characters" in dialog.field_error("password")
    dialog.password.setText("warehouse-9")
    dialog.repeat.setText("warehouse-9")
    assert not dialog.pin.isEnabled()  # a clerk approves no override
    dialog.role.setCurrentIndex(dialog.role.findData("admin"))
    assert dialog.pin.isEnabled() and "weight-check" in dialog.role_hint.text()
    dialog.pin.setText("1234")
    _save(dialog)
    assert "run of digits" in dialog.field_error("pin") and dialog.isVisible()
    assert "lwang" not in _users(db)  # the refused PIN added no user either
    dialog.pin.setText("4826")
    _save(dialog)
    assert not dialog.isVisible()
    added = _users(db)["lwang"]
    assert (added.display_name, added.role, added.has_pin) == ("Li Wang", "admin", True)
    assert admin_page.messages.text() == "User lwang added."
    assert _row_texts(tab, "lwang")[2:5] == ["Administrator", "Active", "Set"]
    assert tab.current() is not None and tab.current().username == "lwang"
    assert _signs_in(db, "lwang", "warehouse-9")


def test_edit_role_and_name_with_enter(qtbot, admin_page: AdminPage, db: Database) -> None:
    tab = _tab(admin_page)
    tab.select("pat")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible() and dialog.username.isReadOnly()
    assert not dialog.password.isVisible()
    dialog.name.setText("Pat Chen")
    dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
    _save(dialog)
    assert not dialog.isVisible()
    assert (_users(db)["pat"].display_name, _users(db)["pat"].role) == ("Pat Chen", "clerk")
    assert _row_texts(tab, "pat")[1:3] == ["Pat Chen", "Clerk"]


def test_an_admin_cannot_demote_or_deactivate_themself(admin_page: AdminPage,
                                                       db: Database) -> None:
    tab = _tab(admin_page)
    tab.select("admin1")
    tab.active_button.click()
    assert "cannot deactivate your own account" in admin_page.messages.text()
    tab.edit_user()
    dialog = tab.dialog
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData("packer"))
    _save(dialog)
    assert dialog.isVisible() and "change your own role" in dialog.field_error("role") + \
        dialog.general_error.text()
    assert _users(db)["admin1"].role == "admin" and _users(db)["admin1"].active


def test_deactivate_and_activate_again(admin_page: AdminPage, db: Database) -> None:
    tab = _tab(admin_page)
    tab.select("pat")
    assert tab.active_button.text() == "Deactivate"
    tab.active_button.click()
    assert "deactivated: they can no longer sign in" in admin_page.messages.text()
    assert _row_texts(tab, "pat")[3] == "Deactivated" and tab.active_button.text() == "Activate"
    assert not _signs_in(db, "pat", "a long secret")
    tab.active_button.click()
    assert _users(db)["pat"].active and _signs_in(db, "pat", "a long secret")


def test_reset_password(admin_page: AdminPage, db: Database) -> None:
    tab = _tab(admin_page)
    tab.select("pat")
    tab.password_button.click()
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText("brand-new-1")
    dialog.repeat.setText("brand-new-1")
    _save(dialog)
    assert not dialog.isVisible() and admin_page.messages.text() == "New password of pat saved."
    assert _signs_in(db, "pat", "brand-new-1") and not _signs_in(db, "pat", "a long secret")


def test_set_and_remove_a_supervisor_pin(admin_page: AdminPage, db: Database) -> None:
    tab = _tab(admin_page)
    tab.select("pat")
    tab.pin_button.click()
    dialog = tab.dialog
    assert dialog is not None and dialog.clear_button is None  # no PIN yet
    dialog.pin.setText("4826")
    dialog.repeat.setText("4826")
    _save(dialog)  # a packer approves no override
    assert "only a role that may override" in dialog.field_error("pin")
    dialog.reject()
    tab.select("admin1")
    tab.pin_button.click()
    dialog = tab.dialog
    dialog.pin.setText("0000")
    dialog.repeat.setText("0000")
    _save(dialog)
    assert "repeat one digit" in dialog.field_error("pin")
    dialog.pin.setText("48261")
    dialog.repeat.setText("48261")
    _save(dialog)
    assert not dialog.isVisible() and _row_texts(tab, "admin1")[4] == "Set"
    with db.writing() as s:
        approver = verify_supervisor_pin(s, "48261")
    assert isinstance(approver, Actor) and approver.name == "admin1"
    tab.pin_button.click()
    dialog = tab.dialog
    assert dialog.clear_button is not None
    dialog.clear_button.click()
    assert not dialog.isVisible() and admin_page.messages.text() == \
        "Supervisor PIN of admin1 removed."
    assert not _users(db)["admin1"].has_pin


def _packer_ctx(db: Database, tmp_path: Path) -> PageContext:
    user = make_user(db, "pat", Role.PACKER)
    return PageContext(AppContext(StationSettings(station_name="PACK-1"), db),
                       InlineTaskRunner(db), user,
                       QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def test_any_user_changes_their_own_password(qtbot, db: Database, tmp_path: Path) -> None:
    dialog = ChangePasswordDialog(_packer_ctx(db, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText("not it")
    dialog.password.setText("pack-pack-pack")
    dialog.repeat.setText("pack-pack-pack")
    _save(dialog)
    assert "is not right" in dialog.field_error("current")
    dialog.current.setText("a long secret")
    dialog.repeat.setText("pack-pack")
    _save(dialog)
    assert dialog.field_error("repeat") == "The two entries differ."
    dialog.repeat.setText("pack-pack-pack")
    _save(dialog)
    assert dialog.saved_label.isVisible() and "password is changed" in dialog.saved_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isVisible()
    assert _signs_in(db, "pat", "pack-pack-pack")


def test_the_haicang_menu_offers_change_my_password(qtbot, db: Database,
                                                   tmp_path: Path) -> None:
    ctx = _packer_ctx(db, tmp_path)
    window = MainWindow(ShellInfo("PACK-1", db.kind, db.display_url, ctx.ui_settings))
    qtbot.addWidget(window)
    window.start_session(ctx)
    window.show()
    menu = window.menuBar().actions()[0].menu()
    assert window.password_action in menu.actions()
    window.password_action.trigger()
    assert isinstance(window.password_dialog, ChangePasswordDialog)
    assert window.password_dialog.isVisible()
    window.password_dialog.reject()


@pytest.fixture
def chinese(qapp: QApplication):
    from app.ui.i18n import install_translators
    from tests.ui.test_chinese_screens import QM

    if not list(QM.glob("*_zh_CN.qm")):
        pytest.fail("run `make translations` (make test does) to compile the .qm files")
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def _untranslated(widget) -> list[str]:
    return [f"{kind}: {text!r}" for kind, text in _visible_texts(widget)
            if not _has_cjk(text) and not DATA.match(text)]


def test_the_users_tab_and_its_dialogs_read_in_chinese(qtbot, db: Database, tmp_path: Path,
                                                       chinese,
                                                       make_page_ctx) -> None:
    make_user(db, "pat", Role.PACKER)
    ctx = make_page_ctx(role=Role.ADMIN)
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    page.show()
    tab = _tab(page)
    assert _row_texts(tab, "pat")[2:4] == ["打包员", "在用"]
    problems = [f"tab {t}" for t in _untranslated(tab)]
    tab.select("admin1")
    for open_dialog in (tab.add_user, tab.edit_user, tab.reset_password, tab.set_pin):
        open_dialog()
        dialog = tab.dialog
        assert dialog is not None
        _save(dialog)  # the required-field problems too
        problems += [f"{dialog.windowTitle()} {t}" for t in _untranslated(dialog)]
        dialog.reject()
    own = ChangePasswordDialog(ctx)
    qtbot.addWidget(own)
    own.show()
    _save(own)
    problems += [f"own password {t}" for t in _untranslated(own)]
    assert problems == [], "\n".join(problems)


@pytest.mark.skipif(not os.environ.get("HAICANG_SCREENSHOTS"), reason="HAICANG_SCREENSHOTS")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(qtbot, admin_page: AdminPage, db: Database, qapp: QApplication,
                     language: str) -> None:
    """Set HAICANG_SCREENSHOTS=DIR to look at the tab and its dialogs at 1100×640."""
    from app.ui.i18n import install_translators

    folder = Path(os.environ["HAICANG_SCREENSHOTS"])
    install_translators(qapp, language)
    try:
        _signs_in(db, "pat", "a long secret")
        page = AdminPage(admin_page.ctx)
        qtbot.addWidget(page)
        page.resize(1100, 640)
        page.show()
        tab = _tab(page)
        tab.select("pat")
        QApplication.processEvents()
        page.grab().save(str(folder / f"admin_users_{language}.png"))
        for name, open_dialog in (("add", tab.add_user), ("password", tab.reset_password),
                                  ("pin", tab.set_pin)):
            open_dialog()
            dialog = tab.dialog
            assert dialog is not None
            _save(dialog)
            QApplication.processEvents()
            dialog.grab().save(str(folder / f"user_{name}_{language}.png"))
            dialog.reject()
        own = ChangePasswordDialog(page.ctx)
        qtbot.addWidget(own)
        own.show()
        QApplication.processEvents()
        own.grab().save(str(folder / f"user_own_password_{language}.png"))
    finally:
        install_translators(qapp, "en")
