"""The pack station's live weight: large digits, a stable/settling badge, and plain advice.

A packer glances at this from an arm's length while holding a parcel, so the state is told
three ways at once: the badge text, its colour, and the digits themselves (a weight that is
not trustworthy is never left on screen as if it were: errors replace it with dashes).
Units follow the station's display unit; "lb_oz" shows "2 lb 3.4 oz" as US packers read it.
"""

from __future__ import annotations

import html
from enum import Enum
from typing import Final

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.hardware.scales import Reading, ScaleError, ScaleFault, format_weight
from app.ui.devices.scale import ScaleState, ScaleWorker
from app.ui.i18n import error_text

DASHES: Final = "– – –"

# Colours per state: (badge background, badge text, digits).
_COLOURS: Final[dict[str, tuple[str, str, str]]] = {
    "stable": ("#067647", "#ffffff", "#101828"),
    "motion": ("#fec84b", "#4e1d09", "#475467"),
    "negative": ("#fec84b", "#4e1d09", "#b54708"),
    "overload": ("#d92d20", "#ffffff", "#b42318"),
    "fault": ("#d92d20", "#ffffff", "#98a2b3"),
    "error": ("#d92d20", "#ffffff", "#98a2b3"),
    "waiting": ("#d0d5dd", "#344054", "#98a2b3"),
    "no_scale": ("#d0d5dd", "#344054", "#98a2b3"),
}


class WeightState(Enum):
    """What the display is showing; the value names the colour scheme."""

    NO_SCALE = "no_scale"
    WAITING = "waiting"
    MOTION = "motion"
    STABLE = "stable"
    NEGATIVE = "negative"
    OVERLOAD = "overload"
    FAULT = "fault"
    ERROR = "error"


def weight_html(text: str, digits_pt: int) -> str:
    """Rich text for a formatted weight: numbers at full size, unit names smaller.

    ``text`` is :func:`format_weight` output such as "2 lb 3.4 oz" or "1.250 kg": numbers and
    units alternate, separated by spaces.
    """
    unit_pt = max(8, digits_pt * 45 // 100)
    parts = []
    for i, token in enumerate(text.split()):
        if i % 2 == 0:
            gap = "&nbsp;&nbsp;" if i else ""  # "2 lb  3.4 oz": pairs apart, unit by its number
            parts.append(f'{gap}<span style="font-size:{digits_pt}pt; font-weight:600">'
                         f"{html.escape(token)}</span>")
        else:
            parts.append(f'&nbsp;<span style="font-size:{unit_pt}pt">{html.escape(token)}</span>')
    return "".join(parts)


class WeightDisplay(QFrame):
    """Live weight for the pack station (and the scale test in Settings).

    Feed it with :meth:`attach` (a :class:`ScaleWorker`) or call :meth:`show_reading` /
    :meth:`show_error` directly.
    """

    def __init__(self, display_unit: str = "lb_oz", parent: QWidget | None = None, *,
                 digits_pt: int = 44) -> None:
        super().__init__(parent)
        self.setObjectName("WeightDisplay")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._display_unit = display_unit
        self._digits_pt = digits_pt
        self._worker: ScaleWorker | None = None
        self._last: Reading | ScaleError | None = None
        self.state = WeightState.NO_SCALE
        self._weight_plain = DASHES

        self.badge = QLabel()
        self.badge.setObjectName("WeightBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits = QLabel()
        self.digits.setObjectName("WeightDigits")
        self.digits.setTextFormat(Qt.TextFormat.RichText)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits.setMinimumHeight(digits_pt * 2)
        self.message = QLabel()
        self.message.setObjectName("WeightMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumHeight(44)  # two lines reserved: the digits never jump

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.badge)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.digits)
        layout.addWidget(self.message)
        self.setMinimumWidth(digits_pt * 10)
        self.show_no_scale()

    # -- feeding ------------------------------------------------------------------------------

    def attach(self, worker: ScaleWorker | None) -> None:
        """Follow ``worker``'s readings and errors in its station's display unit.

        None means this station has no scale.
        """
        if self._worker is not None:
            self._worker.reading.disconnect(self.show_reading)
            self._worker.error.disconnect(self.show_error)
            self._worker.state_changed.disconnect(self._on_worker_state_changed)
        self._worker = worker
        if worker is None:
            self.show_no_scale()
            return
        self._display_unit = worker.settings.display_unit
        worker.reading.connect(self.show_reading)
        worker.error.connect(self.show_error)
        worker.state_changed.connect(self._on_worker_state_changed)
        if worker.last_reading is not None:
            self.show_reading(worker.last_reading)
        elif worker.last_error is not None:
            self.show_error(worker.last_error)
        else:
            self.show_waiting()

    def set_display_unit(self, unit: str) -> None:
        """Switch unit ('g', 'kg', 'lb', 'oz', 'lb_oz') and redraw the last reading."""
        self._display_unit = unit
        if isinstance(self._last, Reading):
            self.show_reading(self._last)

    @Slot(object)
    def show_reading(self, reading: Reading) -> None:
        self._last = reading
        if reading.fault:
            self._show(WeightState.FAULT, self.tr("No weight"), DASHES,
                       error_text(ScaleFault(detail=reading.fault)))
        elif reading.overload or reading.weight_g is None:
            self._show(WeightState.OVERLOAD, self.tr("No weight"), self.tr("OVERLOAD"),
                       self.tr("Too heavy for this scale. Take the parcel off."), rich=False)
        elif reading.negative:
            self._show(WeightState.NEGATIVE, self.tr("Below zero"), self._weight(reading),
                       self.tr("The scale shows less than zero. Empty the scale and press "
                               "Zero."))
        elif reading.stable:
            self._show(WeightState.STABLE, self.tr("✓ Stable"), self._weight(reading), "")
        else:
            self._show(WeightState.MOTION, self.tr("~ Settling…"), self._weight(reading),
                       self.tr("Keep the parcel still until the weight is stable."))

    @Slot(object)
    def show_error(self, error: BaseException) -> None:
        self.show_failure(error_text(error))
        self._last = error if isinstance(error, ScaleError) else None

    def show_failure(self, message: str) -> None:
        """No weight, and ``message`` (translated) says why and what to check."""
        self._last = None
        self._show(WeightState.ERROR, self.tr("No weight"), DASHES, message, rich=False)

    def show_waiting(self) -> None:
        self._last = None
        self._show(WeightState.WAITING, self.tr("Connecting…"), DASHES,
                   self.tr("Waiting for the scale to answer."), rich=False)

    def show_idle(self, message: str) -> None:
        """Not reading on purpose (e.g. the settings test is off); ``message`` says what to do."""
        self._last = None
        self._show(WeightState.WAITING, self.tr("Not reading"), DASHES, message, rich=False)

    def show_no_scale(self) -> None:
        self._last = None
        self._show(WeightState.NO_SCALE, self.tr("No scale"), DASHES,
                   self.tr("No scale is set up for this station. Choose one in Settings → "
                           "Scale."), rich=False)

    # -- what is shown (also for tests) -------------------------------------------------------

    def weight_text(self) -> str:
        """The digits as plain text ('2 lb 3.4 oz', 'OVERLOAD', or dashes)."""
        return self._weight_plain

    def badge_text(self) -> str:
        return self.badge.text()

    def message_text(self) -> str:
        return self.message.text()

    # -- internals ----------------------------------------------------------------------------

    def _on_worker_state_changed(self, state: ScaleState) -> None:
        if state is ScaleState.STARTING:
            self.show_waiting()
        elif state is ScaleState.STOPPED and self._worker is not None:
            self._show(WeightState.WAITING, self.tr("Stopped"), DASHES,
                       self.tr("The scale is not being read."), rich=False)

    def _weight(self, reading: Reading) -> str:
        assert reading.weight_g is not None
        return format_weight(reading.weight_g, self._display_unit)

    def _show(self, state: WeightState, badge: str, weight: str, message: str,
              *, rich: bool = True) -> None:
        self.state = state
        self._weight_plain = weight
        background, foreground, digits = _COLOURS[state.value]
        self.badge.setText(badge)
        self.badge.setStyleSheet(
            f"background: {background}; color: {foreground}; border-radius: 10px; "
            f"padding: 3px 14px; font-size: 12pt; font-weight: 600;")
        self.digits.setStyleSheet(f"color: {digits};")
        if rich:
            self.digits.setText(weight_html(weight, self._digits_pt))
        else:
            size = self._digits_pt if weight == DASHES else self._digits_pt * 7 // 10
            self.digits.setText(f'<span style="font-size:{size}pt; font-weight:600">'
                                f"{html.escape(weight)}</span>")
        self.message.setText(message)
        self.message.setStyleSheet(
            "color: #b42318; font-size: 11pt; font-weight: 600;" if state in
            (WeightState.ERROR, WeightState.OVERLOAD, WeightState.FAULT)
            else "color: #475467; font-size: 11pt;")
