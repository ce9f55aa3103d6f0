"""What the handover clerk sees: the mode (staging or pickup), the lane to put a parcel
in, big, the pickup's live counts, the parcels still missing in red, the answer to the
last scan, the scan field and the function keys.

Only showing: :class:`app.ui.pages.handover.HandoverPage` decides what a scan means and
calls the services. Buttons carry their key in their text and never take the focus from
the scan field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages.picking_panel import _BANNER
from app.ui.pages.picking_stop import FitLabel
from app.ui.widgets.wrap_row import WrapRow

_CARD = "background: #ffffff; border: 1px solid #d0d5dd; border-radius: 8px;"
_LANE = {
    "idle": "background: #f2f4f7; color: #475467; border: 3px solid #d0d5dd;",
    "ok": "background: #ecfdf3; color: #05603a; border: 3px solid #12b76a;",
    "wait": "background: #eef2ff; color: #1e3a8a; border: 3px solid #6172f3;",
    "bad": "background: #d92d20; color: white; border: 3px solid #912018;",
}
MISSING_COLOUR = "#b42318"
#: The function keys, in the order the buttons show them.
KEYS = ("F1", "F2", "F3", "F4", "F5", "F10", "F12")


def page_title() -> str:
    """The screen's name, as the sidebar shows it (one translation for both)."""
    return QCoreApplication.translate("MainWindow", "Handover")


def _key_button(key: str) -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the focus
    button.setObjectName(f"HandoverKey{key}")
    button.setStyleSheet("font-size: 11pt; padding: 4px 8px;")
    return button


class Counter(QFrame):
    """One big number with its name under it (staged, scanned, missing)."""

    def __init__(self, colour: str = "#101828", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"QFrame {{ {_CARD} }} QLabel {{ border: none; }}")
        self.number = QLabel("0")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._colour = colour
        self.name = QLabel()
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setStyleSheet("font-size: 12pt; color: #475467;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addWidget(self.number)
        layout.addWidget(self.name)
        self.set_value(0)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        self.number.setText(f"{value:,}")
        colour = MISSING_COLOUR if alert else self._colour
        self.number.setStyleSheet(f"font-size: 34pt; font-weight: 800; color: {colour};")


class HandoverPanel(QFrame):
    """The staging/handover screen's widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HandoverPanel")
        self.setStyleSheet("QFrame#HandoverPanel { background: #f6f7f9; }")
        self.keys = {key: _key_button(key) for key in KEYS}
        self.mode_label = QLabel()
        self.mode_label.setObjectName("HandoverMode")
        self.mode_label.setStyleSheet(
            "font-size: 13pt; font-weight: 700; color: white; background: #344054;"
            " border-radius: 6px; padding: 3px 12px;")
        self.carrier = QComboBox()
        self.carrier.setObjectName("HandoverCarrier")
        self.carrier.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.carrier.setMinimumWidth(200)
        self.carrier.setStyleSheet("font-size: 13pt;")
        self.carrier_label = QLabel()
        self.lane = FitLabel(64)
        self.lane.setObjectName("HandoverLane")
        self.lane.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lane.setMinimumHeight(150)
        self.lane_caption = QLabel()
        self.lane_caption.setObjectName("HandoverLaneCaption")
        self.lane_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lane_caption.setWordWrap(True)
        self.lane_caption.setStyleSheet("font-size: 15pt; color: #344054;")
        self.staged = Counter()
        self.staged.name.setText(self.tr("Staged"))
        self.scanned = Counter("#05603a")
        self.scanned.name.setText(self.tr("Scanned out"))
        self.missing = Counter()
        self.missing.name.setText(self.tr("Missing"))
        self.missing_list = QListWidget()
        self.missing_list.setObjectName("HandoverMissing")
        self.missing_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.missing_list.setStyleSheet(f"font-size: 12pt; color: {MISSING_COLOUR};")
        self.recent = QListWidget()
        self.recent.setObjectName("HandoverRecent")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setStyleSheet("font-size: 11pt;")
        self.missing_title = QLabel()
        self.missing_title.setStyleSheet(f"font-weight: 700; color: {MISSING_COLOUR};")
        self.recent_title = QLabel()
        self.recent_title.setStyleSheet("font-weight: 700;")
        self.instruction = FitLabel(22)
        self.instruction.setObjectName("HandoverInstruction")
        self.banner = QLabel()
        self.banner.setObjectName("HandoverBanner")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(64)  # two lines: a refusal names the right lane
        self.scan = QLineEdit()
        self.scan.setObjectName("HandoverScan")
        self.scan.setPlaceholderText(self.tr("Scan here (or type and press Enter)"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(6)
        layout.addLayout(self._build_top())
        middle = QHBoxLayout()
        middle.addWidget(self._build_main(), 3)
        middle.addWidget(self._build_side(), 2)
        layout.addLayout(middle, 1)
        layout.addWidget(self.instruction)
        layout.addWidget(self.banner)
        layout.addWidget(self.scan)
        keys = QWidget()
        row = WrapRow(keys, spacing=4)
        for button in self.keys.values():
            row.add(button)
        layout.addWidget(keys)
        layout.addWidget(self.status)
        self.say("", "info")

    # -- building ----------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        title = QLabel(page_title())
        title.setObjectName("PageTitle")
        self.carrier_label.setText(self.tr("Carrier"))
        self.carrier_label.setStyleSheet("font-size: 13pt;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.mode_label)
        top.addStretch(1)
        top.addWidget(self.carrier_label)
        top.addWidget(self.carrier)
        return top

    def _build_main(self) -> QWidget:
        main = QWidget()
        self.counters = QWidget()
        grid = QGridLayout(self.counters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.staged, 0, 0)
        grid.addWidget(self.scanned, 0, 1)
        grid.addWidget(self.missing, 0, 2)
        layout = QVBoxLayout(main)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lane, 1)
        layout.addWidget(self.lane_caption)
        layout.addWidget(self.counters)
        return main

    def _build_side(self) -> QWidget:
        side = QWidget()
        side.setMaximumWidth(480)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.missing_title)
        layout.addWidget(self.missing_list, 2)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent, 3)
        return side

    def retranslate_keys(self, *, pickup: bool, muted: bool) -> None:
        names = {
            "F1": self.tr("Help"), "F2": self.tr("Staging"), "F3": self.tr("Pickup"),
            "F4": self.tr("Take off the truck"), "F5": self.tr("Reload"),
            "F10": self.tr("Sound off") if muted else self.tr("Sound on"),
            "F12": self.tr("Close pickup"),
        }
        for key, button in self.keys.items():
            button.setText(f"{key} {names[key]}")
        self.keys["F2"].setEnabled(pickup)
        self.keys["F3"].setEnabled(not pickup)
        self.keys["F4"].setVisible(pickup)
        self.keys["F12"].setVisible(pickup)

    # -- showing -----------------------------------------------------------------------

    def show_mode(self, *, pickup: bool) -> None:
        """Staging: the lane is the big thing; pickup: the counts and what is missing."""
        self.mode_label.setText(self.tr("PICKUP — scan parcels out to the driver") if pickup
                                else self.tr("STAGING — scan parcels into their lanes"))
        self.carrier.setVisible(pickup)
        self.carrier_label.setVisible(pickup)
        self.counters.setVisible(pickup)
        self.missing_title.setVisible(pickup)
        self.missing_list.setVisible(pickup)
        self.recent_title.setText(self.tr("Scanned out") if pickup else self.tr("Just staged"))

    def show_lane(self, text: str, caption: str, state: str) -> None:
        """The big box: a lane code (or a word), what it means, and its colour."""
        self.lane.setText(text)
        self.lane.setStyleSheet(f"{_LANE[state]} border-radius: 12px; font-size: "
                                f"{self.lane.font().pointSize()}pt; font-weight: 800;")
        self.lane.set_points(64)
        self.lane_caption.setText(caption)

    def show_counts(self, staged: int, scanned: int, missing: Sequence[str]) -> None:
        """``staged``: the carrier's parcels that went through a lane (waiting or on the
        truck); ``missing``: lines of the parcels labelled for it and not scanned out."""
        self.staged.set_value(staged)
        self.scanned.set_value(scanned)
        self.missing.set_value(len(missing), alert=bool(missing))
        self.missing_list.clear()
        for text in missing:
            self.missing_list.addItem(QListWidgetItem(text))
        self.missing_title.setText(self.tr("Not scanned yet: %n parcel(s)", "", len(missing)))

    def add_recent(self, text: str, *, bad: bool = False) -> None:
        item = QListWidgetItem(text)
        if bad:
            item.setForeground(Qt.GlobalColor.red)
        self.recent.insertItem(0, item)
        while self.recent.count() > 50:
            self.recent.takeItem(self.recent.count() - 1)

    def say(self, text: str, level: str) -> None:
        """The answer to the last scan; red on ``error``."""
        self.banner.setText(text)
        self.banner.setStyleSheet(f"{_BANNER[level]} border-radius: 8px; padding: 8px;"
                                  " font-size: 14pt; font-weight: 600;")
        self.banner.setProperty("level", level)
