"""Where store secrets are kept without a keyring is an administrator's note, not a clerk's."""

from __future__ import annotations

from pathlib import Path

from keyring.backends import fail
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.domain.permissions import Actor
from app.domain.states import Role
from app.secrets import SecretStore
from app.services.sync_env import SyncEnvironment
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.sync_scheduler import SyncScheduler
from app.ui.pages.base import PageContext
from app.ui.pages.channels import ChannelsPage
from tests.ui.inline_tasks import InlineTaskRunner


def test_only_an_admin_reads_where_the_secrets_file_is(
    env: SyncEnvironment, tmp_path: Path, qtbot: QtBot
) -> None:
    file = tmp_path / "channel-secrets.json"
    scheduler = SyncScheduler(SyncEnvironment(env.db, SecretStore(fail.Keyring(), file),
                                              env.limiter, env.clock), tick_seconds=3600)
    notes = {}
    try:
        for role in (Role.ADMIN, Role.CLERK):
            with env.db.writing() as s:
                user = create_user(s, f"{role.value}1", "secret-pass-1", role,
                                   actor=Actor.system("test"))
            ctx = PageContext(AppContext(StationSettings(), env.db), InlineTaskRunner(env.db),
                              user, QSettings(str(tmp_path / "ui.ini"),
                                              QSettings.Format.IniFormat))
            page = ChannelsPage(ctx, scheduler)
            qtbot.addWidget(page)
            page.show()
            notes[role] = page.keyring_note
    finally:
        scheduler.stop()
    assert notes[Role.ADMIN].isVisible() and str(file) in notes[Role.ADMIN].text()
    assert notes[Role.ADMIN].objectName() == "Muted"  # calm, not a red alarm
    assert not notes[Role.CLERK].isVisible()
