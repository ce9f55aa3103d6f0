"""Shared fixtures for screen tests: a signed-in user and the context a page is built with.

Generic on purpose (every screen's tests use them): nothing here knows about one page.
Pages get an :class:`InlineTaskRunner` by default, so results arrive before the call
returns; pass a real :class:`TaskRunner` for the few threaded tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.dto import UserInfo
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.pages.base import PageContext
from app.ui.tasks import TaskRunner
from tests.ui.inline_tasks import InlineTaskRunner

PageCtxFactory = Callable[..., PageContext]


def make_user(db: Database, username: str = "clerk", role: Role = Role.CLERK) -> UserInfo:
    """A real user row, so services that record the actor see a known name."""
    with db.writing() as s:
        return create_user(s, username, "a long secret", role, actor=Actor.system("test"),
                           display_name=username.title())


@pytest.fixture
def make_page_ctx(
    qapp: QApplication, db: Database, tmp_path: Path
) -> Iterator[PageCtxFactory]:
    """Builds PageContexts: ``make_page_ctx(runner=None, user=None, role=Role.CLERK)``.

    Every context shares one ui.ini under ``tmp_path`` (so a test can build a second
    page and see the first one's saved column layout). Real runners are shut down at
    the end so no worker thread outlives its database.
    """
    settings_path = str(tmp_path / "ui.ini")
    runners: list[TaskRunner] = []
    users: dict[str, UserInfo] = {}

    def build(runner: TaskRunner | None = None, user: UserInfo | None = None,
              role: Role = Role.CLERK) -> PageContext:
        if user is None:
            key = role.value
            if key not in users:
                users[key] = make_user(db, f"{key}1", role)
            user = users[key]
        tasks = runner if runner is not None else InlineTaskRunner(db)
        runners.append(tasks)
        ui = QSettings(settings_path, QSettings.Format.IniFormat)
        return PageContext(AppContext(StationSettings(station_name="TEST-PC"), db), tasks,
                           user, ui)

    yield build
    for tasks in runners:
        if not isinstance(tasks, InlineTaskRunner):
            tasks.shutdown()


@pytest.fixture
def page_ctx(make_page_ctx: PageCtxFactory) -> PageContext:
    """A clerk's context with inline tasks: the common case."""
    return make_page_ctx()
