"""The scale's state in the main window's status bar: "Scale: 2 lb 3.4 oz ✓".

Visible on every screen, so a clerk notices a pulled cable before the packer calls. The text
is short (status bars are narrow); the full, translated advice is in the tooltip.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.hardware.scales import (
    NoisyLine,
    ProtocolError,
    Reading,
    ScaleDisconnected,
    ScaleError,
    ScaleNotDetected,
    ScaleNotFound,
    ScaleNotResponding,
    format_weight,
)
from app.ui.devices.scale import ScaleState, ScaleWorker
from app.ui.i18n import error_text

_OK: Final = "color: #067647;"
_WARN: Final = "color: #b54708;"
_BAD: Final = "color: #b42318; font-weight: 600;"
_IDLE: Final = "color: #5b6675;"


class ScaleStatusWidget(QLabel):
    """Follows a :class:`ScaleWorker` (or says "No scale" when there is none)."""

    def __init__(self, worker: ScaleWorker | None = None, display_unit: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ScaleStatus")
        self._worker: ScaleWorker | None = None
        self._display_unit = "lb_oz"
        self.set_worker(worker, display_unit)

    def set_worker(self, worker: ScaleWorker | None, display_unit: str | None = None) -> None:
        """Follow another worker (after the scale settings changed); None: no scale.

        Weights are shown in ``display_unit``, by default the worker's station setting.
        """
        if display_unit is not None:
            self._display_unit = display_unit
        elif worker is not None:
            self._display_unit = worker.settings.display_unit
        if self._worker is not None:
            self._worker.reading.disconnect(self.show_reading)
            self._worker.error.disconnect(self.show_error)
            self._worker.state_changed.disconnect(self._on_worker_state_changed)
        self._worker = worker
        if worker is None:
            self._set(self.tr("No scale"), _IDLE,
                      self.tr("No scale is set up for this station (Settings → Scale)."))
            return
        worker.reading.connect(self.show_reading)
        worker.error.connect(self.show_error)
        worker.state_changed.connect(self._on_worker_state_changed)
        if worker.last_reading is not None:
            self.show_reading(worker.last_reading)
        elif worker.last_error is not None:
            self.show_error(worker.last_error)
        else:
            self._on_worker_state_changed(worker.state)

    @Slot(object)
    def show_reading(self, reading: Reading) -> None:
        port = self._port()
        if reading.fault:
            self._set(self.tr("Scale: error {detail}").format(detail=reading.fault), _BAD, port)
        elif reading.overload or reading.weight_g is None:
            self._set(self.tr("Scale: overload"), _BAD,
                      self.tr("Too heavy for this scale. Take the parcel off."))
        elif reading.negative:
            self._set(self.tr("Scale: below zero"), _WARN,
                      self.tr("The scale shows less than zero. Empty the scale and press "
                              "Zero."))
        else:
            weight = format_weight(reading.weight_g, self._display_unit)
            if reading.stable:
                self._set(self.tr("Scale: {weight} ✓").format(weight=weight), _OK,
                          self.tr("Stable weight from the scale on {port}").format(port=port))
            else:
                self._set(self.tr("Scale: {weight} (settling)").format(weight=weight), _WARN,
                          self.tr("The weight is still moving."))

    @Slot(object)
    def show_error(self, error: BaseException) -> None:
        port = str(getattr(error, "params", {}).get("port") or self._port())
        if isinstance(error, ScaleNotResponding):
            text = self.tr("Scale: not responding on {port}")
        elif isinstance(error, ScaleDisconnected):
            text = self.tr("Scale: disconnected from {port}")
        elif isinstance(error, ScaleNotFound):
            text = self.tr("Scale: port {port} not found")
        elif isinstance(error, ScaleNotDetected):
            text = self.tr("Scale: no scale answered on {port}")
        elif isinstance(error, NoisyLine):
            text = self.tr("Scale: noisy line on {port}")
        elif isinstance(error, ProtocolError):
            text = self.tr("Scale: unreadable data on {port}")
        elif isinstance(error, ScaleError):
            text = self.tr("Scale: error on {port}")
        else:
            text = self.tr("Scale: error")
        self._set(text.format(port=port), _BAD, error_text(error))

    def _on_worker_state_changed(self, state: ScaleState) -> None:
        if state is ScaleState.STARTING:
            self._set(self.tr("Scale: connecting…"), _IDLE, self._port())
        elif state is ScaleState.STOPPED:
            self._set(self.tr("Scale: off"), _IDLE, self._port())

    def _port(self) -> str:
        return self._worker.port if self._worker is not None else ""

    def _set(self, text: str, style: str, tooltip: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setToolTip(tooltip)
