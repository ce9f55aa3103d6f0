"""Settings → General edits the station's mode and auto-print, the values that
`haicang station set mode=... auto_print=...` writes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.settings import StationSettings
from app.ui.dialogs.settings_dialog import GeneralSection


def test_mode_and_auto_print_are_shown_and_applied(qtbot: QtBot) -> None:
    settings = StationSettings(station_name="PACK-2", mode="pack", auto_print=False)
    section = GeneralSection(settings, "SQLite")
    qtbot.addWidget(section)
    assert section.mode.currentData() == "pack" and not section.auto_print.isChecked()
    section.mode.setCurrentIndex(section.mode.findData("pick"))
    section.auto_print.setChecked(True)
    applied = section.apply(settings)
    assert (applied.mode, applied.auto_print, applied.station_name) == ("pick", True, "PACK-2")


def test_only_an_administrator_changes_them(qtbot: QtBot) -> None:
    section = GeneralSection(StationSettings(), "SQLite", station_editable=False)
    qtbot.addWidget(section)
    assert not section.mode.isEnabled() and not section.auto_print.isEnabled()
    assert section.apply(StationSettings()).mode == "office"
