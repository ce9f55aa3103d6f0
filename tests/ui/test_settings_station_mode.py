"""Settings → General edits the station's mode, auto-print, tracking poll and nightly
billing, the values that `haicang station set mode=... auto_print=... tracking_minutes=...
no_scan_days=... billing_auto=...` writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from app.settings import StationSettings
from app.ui.dialogs.settings_dialog import GeneralSection, SettingsDialog
from app.ui.i18n import install_translators

SHOTS = os.environ.get("HAICANG_SHOTS")  # a folder: save screenshots there


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


def test_billing_auto_is_shown_applied_and_only_for_an_administrator(qtbot: QtBot) -> None:
    section = GeneralSection(StationSettings(billing_auto=False), "SQLite")
    qtbot.addWidget(section)
    assert not section.billing_auto.isChecked() and section.billing_auto.isEnabled()
    section.billing_auto.setChecked(True)
    assert section.apply(StationSettings(billing_auto=False)).billing_auto
    clerk = GeneralSection(StationSettings(), "SQLite", station_editable=False)
    qtbot.addWidget(clerk)
    assert clerk.billing_auto.isChecked() and not clerk.billing_auto.isEnabled()


@pytest.mark.parametrize(("language", "says"), [
    ("en", "Charge each ended day's billing on this PC (nightly)"),
    ("zh_CN", "本机每晚自动计费（逐日结算已过去的日子）"),
])
def test_the_general_tab_in_both_languages(qtbot: QtBot, qapp: QApplication, language: str,
                                          says: str) -> None:
    install_translators(qapp, language)
    try:
        dialog = SettingsDialog(StationSettings(station_name="OFFICE-1"),
                                [GeneralSection(StationSettings(station_name="OFFICE-1"),
                                                "SQLite · C:/Haicang/haicang.sqlite3")])
        qtbot.addWidget(dialog)
        dialog.show()
        qapp.processEvents()
        box = dialog.findChild(QCheckBox, "billingAuto")
        assert box is not None and box.text() == says
        assert box.width() >= box.sizeHint().width()  # not cut off
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / f"settings-general-{language}.png"))
    finally:
        install_translators(qapp, "en")
