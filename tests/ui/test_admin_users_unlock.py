"""Admin → Users → Unlock: a user slowed down by wrong passwords can sign in at once
(issue #13)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import AuditEntry
from app.domain.states import Role
from app.services.users import FREE_FAILURES, sign_in
from app.ui.pages.admin import AdminPage
from app.ui.pages.admin_users import UsersTab
from app.ui.pages.base import PageContext
from tests.ui.conftest import make_user


def test_unlock_lifts_the_wait_of_a_user(qtbot: QtBot, db: Database,
                                         make_page_ctx: Callable[..., PageContext]) -> None:
    make_user(db, "pat", Role.PACKER)
    make_user(db, "sam", Role.PICKER)
    for _ in range(FREE_FAILURES):
        with db.writing() as s:
            sign_in(s, "pat", "wrong guess", station="PACK-2")
    page = AdminPage(make_page_ctx(role=Role.ADMIN))
    qtbot.addWidget(page)
    page.show()
    page.show_tab("users")
    tab = page.tab("users")
    assert isinstance(tab, UsersTab)
    tab.select("sam")
    assert not tab.unlock_button.isEnabled()  # nothing to unlock
    tab.select("pat")
    row = next(r for r in range(tab.proxy.rowCount())
               if tab.proxy.index(r, 0).data() == "pat")
    assert tab.proxy.index(row, 3).data() == "Wrong passwords"
    assert tab.unlock_button.isEnabled()
    tab.unlock_button.click()
    assert page.messages.text() == "User pat unlocked: they can sign in now."
    assert not tab.unlock_button.isEnabled()
    with db.writing() as s:  # from another station, at once
        assert not isinstance(sign_in(s, "pat", "a long secret", station="PACK-3"), Exception)
        assert s.scalar(select(AuditEntry.actor).where(AuditEntry.action == "unlock"))
