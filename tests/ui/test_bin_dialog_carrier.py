"""Add bin: a staging lane takes its carrier in the same dialog; other bins have none."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.states import BinType
from app.ui.dialogs.bin_dialog import BinDialog


def test_only_a_staging_bin_takes_a_carrier(qtbot: QtBot) -> None:
    dialog = BinDialog("LA1")
    qtbot.addWidget(dialog)
    dialog.code.setText("LANE-USPS")
    dialog.carrier.setText(" USPS ")
    dialog.type.setCurrentIndex(dialog.type.findData(BinType.PICK.value))
    assert not dialog.carrier.isEnabled() and dialog.lane_carrier() is None
    dialog.type.setCurrentIndex(dialog.type.findData(BinType.STAGING.value))
    assert dialog.carrier.isEnabled() and dialog.lane_carrier() == "USPS"
    assert dialog.draft().bin_type is BinType.STAGING
