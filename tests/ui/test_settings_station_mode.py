"""Settings → General edits the station's mode, auto-print and tracking poll, the values
that `haicang station set mode=... auto_print=... tracking_minutes=... no_scan_days=...`
writes."""

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


def test_tracking_interval_and_no_scan_days_are_shown_and_applied(qtbot: QtBot) -> None:
    settings = StationSettings(tracking_minutes=15, no_scan_days=3)
    section = GeneralSection(settings, "SQLite")
    qtbot.addWidget(section)
    assert (section.tracking_minutes.value(), section.no_scan_days.value()) == (15, 3)
    section.tracking_minutes.setValue(0)
    assert section.tracking_minutes.text() == "Never on this PC"
    section.no_scan_days.setValue(45)  # clamped to the CLI's range
    applied = section.apply(settings)
    assert (applied.tracking_minutes, applied.no_scan_days) == (0, 30)


def test_a_clerk_cannot_change_the_tracking_poll(qtbot: QtBot) -> None:
    section = GeneralSection(StationSettings(), "SQLite", station_editable=False)
    qtbot.addWidget(section)
    assert not section.tracking_minutes.isEnabled() and not section.no_scan_days.isEnabled()
