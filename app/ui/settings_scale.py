"""Settings → Scale: which scale this station has, how to talk to it, and a live test.

Most packers only pick the port and press Detect: probing sends read-weight requests only
(never zero, tare or calibrate) and fills in protocol and line settings from the scale that
answered. Probing runs on the task runner's scale-detect lane and the live test on its scale
lane, never on the GUI thread (a silent port costs seconds), and the test stops
when the tab is left or the dialog closes, so the port is free again for the station's own
scale worker. Stopping never waits on the GUI thread: the buttons come back when the worker
says its polling job has ended. A test that gets no reading within ``answer_timeout`` seconds
ends by itself with a message saying what to check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hardware.scales import (
    PROTOCOLS,
    DetectedScale,
    InvalidScaleSettings,
    ScaleError,
    ScaleSettings,
    SerialPortInfo,
    list_serial_ports,
    probe_port,
)
from app.settings import StationSettings
from app.ui.devices.scale import TARE, ZERO, ScaleWorker, scale_operations
from app.ui.i18n import error_text
from app.ui.tasks import Task, TaskRunner
from app.ui.widgets.weight_display import WeightDisplay

log = logging.getLogger(__name__)

SIMULATED: Final = "simulated"
# A test that has shown no weight after this many seconds ends with advice (the worker would
# otherwise retry for ever, and an 'auto' probe of a silent port alone takes ~15 s).
ANSWER_TIMEOUT_S: Final = 5.0
BAUD_RATES: Final = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
# The task-runner lane that probes ports (each probe is bounded by the driver's reply timeout).
DETECT_LANE: Final = "scale-detect"

PortLister = Callable[[], Sequence[SerialPortInfo]]
Prober = Callable[[str], DetectedScale | None]
WorkerFactory = Callable[[ScaleSettings], ScaleWorker]


@dataclass(frozen=True)
class ProbeResult:
    """What Detect learned about one port."""

    port: str
    detected: DetectedScale | None
    error: ScaleError | None = None


def detect_ports(list_ports: PortLister, probe: Prober) -> tuple[list[SerialPortInfo],
                                                                  list[ProbeResult]]:
    """List the ports and probe each (blocking: run it off the GUI thread)."""
    ports = list(list_ports())
    results = []
    for info in ports:
        try:
            results.append(ProbeResult(info.device, probe(info.device)))
        except ScaleError as exc:
            results.append(ProbeResult(info.device, None, exc))
    return ports, results


class _ScalePanel(QWidget):
    """The section's widget; tells the section when it is hidden (tab left, dialog closed)."""

    def __init__(self, on_hidden: Callable[[], None]) -> None:
        super().__init__()
        self._on_hidden = on_hidden

    def hideEvent(self, event: QHideEvent) -> None:
        self._on_hidden()
        super().hideEvent(event)


class ScaleSection(QObject):
    """The "Scale" tab of the settings dialog (see ``SettingsSection``).

    A QObject only for ``self.tr`` (translation context "ScaleSection").
    """

    def __init__(self, settings: StationSettings, tasks: TaskRunner, *,
                 list_ports: PortLister = list_serial_ports,
                 probe: Prober = probe_port,
                 worker_factory: WorkerFactory | None = None,
                 answer_timeout: float = ANSWER_TIMEOUT_S) -> None:
        super().__init__()
        self._list_ports = list_ports
        self._probe = probe
        self._worker_factory: WorkerFactory = worker_factory or (
            lambda scale: ScaleWorker(scale, tasks))
        self._test_worker: ScaleWorker | None = None
        # A test worker told to stop whose polling job has not ended yet (it still holds the port).
        self._stopping: ScaleWorker | None = None
        self._detect_after_stop = False
        self._tasks = tasks
        self._detect_task: Task[Any] | None = None
        self._answer_timeout = answer_timeout
        try:
            current: ScaleSettings | None = (
                ScaleSettings.from_dict(settings.scale) if settings.scale else None)
        except InvalidScaleSettings:
            log.warning("damaged scale settings %r; showing defaults", settings.scale)
            current = None
        self._original = current
        self._panel = _ScalePanel(self.stop_test)
        self._answer_timer = QTimer(self._panel)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.timeout.connect(self._on_answer_timer_timeout)
        self._build(current)

    # -- SettingsSection --------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Scale")

    def widget(self) -> QWidget:
        return self._panel

    def apply(self, settings: StationSettings) -> StationSettings:
        """The station settings with this tab's scale; ValueError (translated) if impossible."""
        if not self.enabled.isChecked():
            return settings.with_changes(scale={})
        return settings.with_changes(scale=self.scale_settings().to_dict())

    # -- reading the form -------------------------------------------------------------------

    def scale_settings(self) -> ScaleSettings:
        """The ScaleSettings the form describes; ValueError with a translated reason if not."""
        port = self.port_text()
        if not port:
            raise ValueError(self.tr(
                "Choose the scale's port, or 'simulated' for the practice scale."))
        keep = self._original
        try:
            return ScaleSettings(
                port=port,
                protocol=str(self.protocol.currentData()),
                baudrate=self.baud.currentData(),
                bytesize=self.data_bits.currentData(),
                parity=self.parity.currentData(),
                stopbits=self.stop_bits.currentData(),
                display_unit=self.display_unit.currentData(),
                scale_unit=str(self.scale_unit.currentData()),
                timeout=keep.timeout if keep is not None else 1.0,
            )
        except InvalidScaleSettings as exc:
            raise ValueError(error_text(exc)) from None

    def port_text(self) -> str:
        """The port as typed or chosen (item data holds the bare device name)."""
        text = self.port.currentText().strip()
        index = self.port.findText(text)
        if index >= 0 and self.port.itemData(index):
            return str(self.port.itemData(index))
        return text

    # -- building ---------------------------------------------------------------------------

    def _build(self, current: ScaleSettings | None) -> None:
        self.enabled = QGroupBox(self.tr("This station has a scale"))
        self.enabled.setCheckable(True)
        self.enabled.setChecked(current is not None)
        self._build_settings_form()
        self.detect_status = QLabel()
        self.detect_status.setObjectName("scaleDetectStatus")
        self.detect_status.setWordWrap(True)
        self.detect_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detect_status.hide()
        test_box = self._build_test_box(current)

        # Settings left, live test right: short enough for a 1366x768 screen.
        left = QVBoxLayout()
        left.addWidget(self.enabled)
        left.addWidget(self.detect_status)
        left.addStretch(1)
        self._panel.setMinimumWidth(880)
        layout = QHBoxLayout(self._panel)
        layout.addLayout(left, 3)
        layout.addWidget(test_box, 2)

        self._show_current(current)
        self._connect_choices()

    def _build_settings_form(self) -> None:
        """Port, protocol, serial framing and units, in the "has a scale" group."""
        port_row = self._build_port_row()
        self.protocol = QComboBox()
        self.protocol.setObjectName("scaleProtocol")
        for name, label in self._protocol_labels().items():
            self.protocol.addItem(label, name)
        speed_row, framing_row = self._build_serial_choices()
        self._build_unit_choices()
        form = QFormLayout(self.enabled)
        form.addRow(self.tr("Port"), port_row)
        form.addRow("", self.port_info)
        form.addRow(self.tr("Protocol"), self.protocol)
        form.addRow(self.tr("Baud rate"), speed_row)
        form.addRow(self.tr("Parity"), framing_row)
        form.addRow(self.tr("Unit on the scale"), self.scale_unit)
        form.addRow(self.tr("Show weights in"), self.display_unit)

    def _build_port_row(self) -> QHBoxLayout:
        self.port = QComboBox()
        self.port.setObjectName("scalePort")
        self.port.setEditable(True)
        self.port.setMinimumContentsLength(18)
        self.port.setToolTip(self.tr("A serial port such as /dev/ttyUSB0 or COM3, 'hid' for a USB "
                                "scale, or 'simulated' for the practice scale"))
        self.detect_button = QPushButton(self.tr("Detect"))
        self.detect_button.setObjectName("scaleDetect")
        self.detect_button.setToolTip(self.tr("Look for scales on every serial port. Only asks for "
                                         "the weight: nothing is zeroed or changed."))
        self.detect_button.clicked.connect(self.start_detect)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port, 1)
        port_row.addWidget(self.detect_button)
        self.port_info = QLabel()
        self.port_info.setObjectName("Muted")
        self.port_info.setWordWrap(True)
        return port_row

    def _build_serial_choices(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Baud rate with data bits, parity with stop bits: two rows of two choices."""
        self.baud = self._choices([(self.tr("Protocol default"), None)]
                                  + [(str(b), b) for b in BAUD_RATES])
        self.data_bits = self._choices([(self.tr("Default"), None), ("7", 7), ("8", 8)])
        self.parity = self._choices([(self.tr("Default"), None), (self.tr("None"), "N"),
                                     (self.tr("Even"), "E"), (self.tr("Odd"), "O")])
        self.stop_bits = self._choices([(self.tr("Default"), None), ("1", 1), ("1.5", 1.5),
                                        ("2", 2)])
        speed_row = self._pair(self.baud, self.tr("Data bits"), self.data_bits)
        framing_row = self._pair(self.parity, self.tr("Stop bits"), self.stop_bits)
        return speed_row, framing_row

    def _build_unit_choices(self) -> None:
        self.scale_unit = self._choices([
            (self.tr("Pounds (lb)"), "lb"), (self.tr("Kilograms (kg)"), "kg"),
            (self.tr("Ounces (oz)"), "oz"), (self.tr("Grams (g)"), "g")])
        self.scale_unit.setToolTip(self.tr(
            "Toledo 8213/8217 scales send numbers without a unit: pick the unit the scale is "
            "set to."))
        self.display_unit = self._choices([
            (self.tr("Pounds and ounces (2 lb 3.4 oz)"), "lb_oz"),
            (self.tr("Pounds (2.21 lb)"), "lb"),
            (self.tr("Ounces (35.4 oz)"), "oz"), (self.tr("Kilograms (1.005 kg)"), "kg"),
            (self.tr("Grams (1005 g)"), "g")])
        self.display_unit.setObjectName("scaleDisplayUnit")

    def _build_test_box(self, current: ScaleSettings | None) -> QGroupBox:
        """Test, Zero and Tare with the live weight below them."""
        test_box = QGroupBox(self.tr("Test the scale"))
        self.test_button = QPushButton(self.tr("Test scale"))
        self.test_button.setObjectName("scaleTest")
        self.test_button.setToolTip(
            self.tr("Read the scale with the settings above (not saved yet)"))
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.zero_button = QPushButton(self.tr("Zero"))
        self.zero_button.setToolTip(self.tr("Set the empty scale to zero"))
        self.zero_button.clicked.connect(lambda: self._command(ZERO))
        self.tare_button = QPushButton(self.tr("Tare"))
        self.tare_button.setToolTip(
            self.tr("Subtract the box or tray on the scale from the weight"))
        self.tare_button.clicked.connect(lambda: self._command(TARE))
        self.test_status = QLabel()
        self.test_status.setObjectName("scaleTestStatus")
        self.test_status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.zero_button, self.tare_button):
            buttons.addWidget(button)
        buttons.addWidget(self.test_status, 1)
        self.display = WeightDisplay(
            current.display_unit if current else "lb_oz", digits_pt=26)
        self.display.setMinimumWidth(0)
        self.display.show_idle(self._idle_text())
        test_layout = QVBoxLayout(test_box)
        test_layout.addLayout(buttons)
        test_layout.addWidget(self.display)
        test_layout.addStretch(1)
        return test_box

    def _show_current(self, current: ScaleSettings | None) -> None:
        """The ports found, and the saved settings chosen in every list."""
        self._fill_ports(self._safe_list_ports(), current.port if current else "")
        if current is not None:
            self._select(self.protocol, current.protocol)
            self._select(self.baud, current.baudrate)
            self._select(self.data_bits, current.bytesize)
            self._select(self.parity, current.parity)
            self._select(self.stop_bits, current.stopbits)
            self._select(self.scale_unit, current.scale_unit)
            self._select(self.display_unit, current.display_unit)

    def _connect_choices(self) -> None:
        """Connected after the saved settings are shown, so showing them changes nothing."""
        self.port.currentTextChanged.connect(self._on_port_current_text_changed)
        self.protocol.currentIndexChanged.connect(self._update_enabled)
        self.display_unit.currentIndexChanged.connect(
            lambda: self.display.set_display_unit(str(self.display_unit.currentData())))
        self.enabled.toggled.connect(self._update_enabled)
        self._on_port_current_text_changed(self.port.currentText())
        self._update_enabled()

    def _idle_text(self) -> str:
        return self.tr("Press Test scale to see the live weight.")

    def _protocol_labels(self) -> dict[str, str]:
        labels = {
            "auto": self.tr("Detect automatically"),
            "toledo": self.tr("Toledo 8213/8217 demand (Transcell, Brecknell)"),
            "sics": self.tr("Mettler Toledo MT-SICS"),
            "sma": self.tr("SMA (Fairbanks, Rice Lake, B-TEK)"),
            "nci": self.tr("NCI / Avery Weigh-Tronix"),
            "toledo-continuous": self.tr("Toledo continuous output"),
            "and": self.tr("A&D / CAS continuous output"),
            "hid": self.tr("USB scale (Dymo, Stamps.com)"),
            "simulated": self.tr("Simulated scale (demo and training)"),
        }
        assert set(PROTOCOLS) <= set(labels)
        return labels

    @staticmethod
    def _pair(first: QComboBox, label: str, second: QComboBox) -> QHBoxLayout:
        """Two line settings side by side (keeps the tab short enough for 768-pixel screens)."""
        row = QHBoxLayout()
        row.addWidget(first, 1)
        row.addSpacing(12)
        row.addWidget(QLabel(label))
        row.addWidget(second, 1)
        return row

    @staticmethod
    def _choices(items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for label, value in items:
            combo.addItem(label, value)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return

    def _safe_list_ports(self) -> list[SerialPortInfo]:
        try:
            return list(self._list_ports())
        except OSError:  # the OS refused the listing: typing a port still works
            log.exception("could not list serial ports")
            return []

    def _fill_ports(self, ports: Sequence[SerialPortInfo], selected: str) -> None:
        keep = selected or self.port_text()
        self.port.blockSignals(True)
        self.port.clear()
        for info in ports:
            self.port.addItem(info.device, info.device)
            self.port.setItemData(self.port.count() - 1, self._describe_port(info),
                                  Qt.ItemDataRole.ToolTipRole)
        self.port.addItem(SIMULATED, SIMULATED)
        self.port.setItemData(self.port.count() - 1,
                              self.tr("Practice scale for demo and training"),
                              Qt.ItemDataRole.ToolTipRole)
        if keep and self.port.findText(keep) < 0:
            self.port.insertItem(0, keep, keep)
        self.port.setCurrentIndex(max(0, self.port.findText(keep)) if keep else 0)
        self.port.blockSignals(False)
        self._on_port_current_text_changed(self.port.currentText())

    def _describe_port(self, info: SerialPortInfo) -> str:
        parts = [p for p in (info.description, info.manufacturer) if p and p != "n/a"]
        return " — ".join(parts) or self.tr("Serial port")

    # -- reacting ---------------------------------------------------------------------------

    def _on_port_current_text_changed(self, text: str) -> None:
        index = self.port.findText(text.strip())
        tip = self.port.itemData(index, Qt.ItemDataRole.ToolTipRole) if index >= 0 else None
        if text.strip() == SIMULATED:
            self._select(self.protocol, SIMULATED)
            tip = self.tr("Practice scale for demo and training: it settles after a moment, like a "
                     "real one.")
        elif str(self.protocol.currentData()) == SIMULATED and text.strip():
            self._select(self.protocol, "auto")
        self.port_info.setText(str(tip) if tip else "")
        self.port_info.setVisible(bool(tip))

    def _update_enabled(self) -> None:
        protocol = str(self.protocol.currentData())
        serial_line = protocol not in (SIMULATED, "hid")
        for combo in (self.baud, self.data_bits, self.parity, self.stop_bits):
            combo.setEnabled(serial_line)
        self.scale_unit.setEnabled(protocol in ("toledo", "auto"))
        self._update_test_buttons()

    def _update_test_buttons(self) -> None:
        testing = self._test_worker is not None
        stopping = self._stopping is not None
        operations = self._test_worker.operations() if self._test_worker else frozenset()
        self.zero_button.setEnabled(testing and ZERO in operations)
        self.tare_button.setEnabled(testing and TARE in operations)
        if stopping:
            self.test_button.setText(self.tr("Stopping…"))
        else:
            self.test_button.setText(self.tr("Stop test") if testing
                                     else self.tr("Test scale"))
        self.test_button.setEnabled(not stopping and (self.enabled.isChecked() or testing))
        self.detect_button.setEnabled(self._detect_task is None and not stopping)

    # -- detect -----------------------------------------------------------------------------

    def start_detect(self) -> None:
        """List the ports and probe them on the scale-detect lane; results fill the form."""
        if self._detect_task is not None:
            return
        self.stop_test()  # the test would hold the port the probe needs
        if self._stopping is not None:  # start once the test's job has let go of the port
            self._detect_after_stop = True
            return
        self.detect_status.setText(self.tr(
            "Looking for scales… A port without a scale takes a few seconds."))
        self.detect_status.show()
        list_ports, probe = self._list_ports, self._probe
        self._detect_task = self._tasks.lane(DETECT_LANE).submit(
            lambda: detect_ports(list_ports, probe), on_done=self._on_detect_done,
            on_error=self._on_detect_done, owner=self._panel)
        self._update_test_buttons()

    def _on_detect_done(self, outcome: object) -> None:
        """Ports and probe results, or the exception that stopped the detection."""
        self._detect_task = None
        self._update_test_buttons()
        if isinstance(outcome, Exception) and not isinstance(outcome, ScaleError):
            log.error("scale detection failed", exc_info=outcome)
        if not isinstance(outcome, tuple):
            self.detect_status.setText(error_text(outcome) if isinstance(outcome, BaseException)
                                       else self.tr("Detection failed."))
            return
        ports, results = outcome
        self._fill_ports(ports, self.port_text())
        lines = []
        found = [r.detected for r in results if r.detected is not None]
        for result in results:
            if result.detected is not None:
                d = result.detected
                lines.append(self.tr("✓ {port}: {protocol}, {line}").format(
                    port=d.port, protocol=self._protocol_labels().get(d.protocol, d.protocol),
                    line=d.line.describe()))
            elif result.error is not None:
                lines.append(self.tr("✗ {port}: {reason}").format(
                    port=result.port, reason=error_text(result.error)))
            else:
                lines.append(self.tr("✗ {port}: no scale answered").format(port=result.port))
        if not results:
            lines.append(self.tr("No serial ports found on this computer."))
        if found:
            self._use_detected(found[0])
            lines.append(self.tr("The settings of the scale on {port} are filled in. Press Save to "
                            "keep them.").format(port=found[0].port))
        else:
            lines.append(self.tr("No scale answered. Check that the scale is switched on and "
                            "connected, or type its port and protocol yourself."))
        self.detect_status.setText("\n".join(lines))

    def _use_detected(self, detected: DetectedScale) -> None:
        self.enabled.setChecked(True)
        self.port.setCurrentIndex(max(0, self.port.findText(detected.port)))
        self._select(self.protocol, detected.protocol)
        self._select(self.baud, detected.line.baudrate)
        self._select(self.data_bits, detected.line.bytesize)
        self._select(self.parity, detected.line.parity)
        self._select(self.stop_bits, detected.line.stopbits)

    # -- test -------------------------------------------------------------------------------

    def _on_test_button_clicked(self) -> None:
        if self._test_worker is not None:
            self.stop_test()
        else:
            self.start_test()

    def start_test(self) -> None:
        """Read the scale live with the form's (unsaved) settings."""
        if self._test_worker is not None:
            return
        try:
            settings = self.scale_settings()
        except ValueError as exc:
            self.test_status.setText(str(exc))
            return
        if self._stopping is not None:  # the last test still holds the port
            return
        self.test_status.setText("")
        self.display.set_display_unit(settings.display_unit)
        worker = self._worker_factory(settings)
        worker.ready.connect(lambda _protocol: self._update_test_buttons())
        worker.reading.connect(self._on_test_reading)
        worker.command_finished.connect(self._on_test_command_finished)
        worker.stopped.connect(self._on_test_worker_stopped)
        self._test_worker = worker
        self.display.attach(worker)
        worker.start()
        self._answer_timer.start(round(self._answer_timeout * 1000))
        self._update_test_buttons()

    def stop_test(self) -> None:
        """Stop the live test without waiting; the buttons return once the port is free."""
        worker, self._test_worker = self._test_worker, None
        self._answer_timer.stop()
        if worker is None:
            return
        self._stopping = worker
        worker.stop()
        self.test_status.setText("")  # a zero/tare still queued is dropped with the worker
        self.display.attach(None)
        self.display.show_idle(self._idle_text())
        self._update_test_buttons()

    @property
    def stopping(self) -> bool:
        """True while a stopped test's job is still letting go of the port."""
        return self._stopping is not None

    def _on_test_worker_stopped(self) -> None:
        self._stopping = None
        self._update_test_buttons()
        if self._detect_after_stop:
            self._detect_after_stop = False
            self.start_detect()

    def _on_test_reading(self, _reading: object) -> None:
        self._answer_timer.stop()  # the scale answers: the test runs until it is stopped

    def _on_answer_timer_timeout(self) -> None:
        worker = self._test_worker
        if worker is None:
            return
        message = self.tr("No answer from the scale on {port} within {seconds} s: check the "
                          "cable, port and baud rate.").format(
            port=worker.port, seconds=f"{self._answer_timeout:g}")
        if worker.last_error is not None:
            message += "\n" + error_text(worker.last_error)
        self.stop_test()
        self.display.show_failure(message)

    @property
    def test_worker(self) -> ScaleWorker | None:
        return self._test_worker

    def _command(self, operation: str) -> None:
        if self._test_worker is None:
            return
        if operation not in scale_operations(self._test_worker.protocol):
            return
        self.test_status.setText(self.tr("Sending…"))
        if operation == ZERO:
            self._test_worker.zero()
        else:
            self._test_worker.tare()

    def _on_test_command_finished(self, operation: str, outcome: ScaleError | None) -> None:
        if outcome is not None:
            self.test_status.setText(error_text(outcome))
        elif operation == ZERO:
            self.test_status.setText(self.tr("The scale was zeroed."))
        else:
            self.test_status.setText(self.tr("The scale was tared."))
