"""Accepting Settings notes in the audit trail who changed which station settings (names
only), through the task runner (issue #13)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import AppContext
from app.db.engine import Database
from app.db.models import AuditEntry
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.users import create_user
from app.settings import StationSettings, load_settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.main_window import MainWindow
from app.ui.pages.base import PageContext
from tests.ui.inline_tasks import InlineTaskRunner


@pytest.mark.parametrize("changes", [
    {"warehouse_code": "NJ1", "database_url": "postgresql://h:S3cret-pw@db/h"},
    {},
])
def test_accepted_settings_are_noted_without_values(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, changes: dict[str, str]
) -> None:
    from app.ui.app import AppController, shell_info, ui_settings

    with db.writing() as s:
        user = create_user(s, "ann", "long password", Role.ADMIN, actor=Actor.system("test"))
    settings = StationSettings(station_name="PACK-7")
    new = settings.with_changes(**changes)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    monkeypatch.setattr(SettingsDialog, "result_settings", lambda self: new)
    window = MainWindow(shell_info(settings, db.url))
    qtbot.addWidget(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    controller = AppController(qt_app, window, settings, db.url)
    controller.context = AppContext(settings, db)
    controller.tasks = InlineTaskRunner(db)
    controller._show_session(PageContext(controller.context, controller.tasks, user,
                                         ui_settings()))
    try:
        controller._on_window_settings_requested()
    finally:
        controller._stop_devices()
        controller.window.end_session()
    assert load_settings() == new  # station.json has what was accepted
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.detail)
                         .where(AuditEntry.action == "change_settings")).all()
    if not changes:
        assert rows == []
        return
    assert [(a, json.loads(d or "")) for a, d in rows] == [
        ("ann", {"station": "PACK-7", "changed": ["database_url", "warehouse_code"]})]
    assert "S3cret" not in str(rows)

