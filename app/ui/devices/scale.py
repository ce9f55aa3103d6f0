"""The station's scale, polled on the task runner's ``scale`` lane: readings arrive as signals.

Serial reads block for up to the reply timeout, so they must never run on the GUI thread
(docs/architecture.md, "Threads"). :class:`ScaleWorker` lives on the GUI thread; the polling
is one long job on the runner's ``scale`` lane (``Lane.run``): a loop that polls the device,
and between polls runs the zero and tare requests queued by the GUI, so a command never
interleaves its bytes with a read. Readings, errors and command results reach the GUI thread
through the runner, like every other background result.

Errors never end the loop: :class:`ScaleMonitor` closes the device on an error and the next
poll reopens it, so an unplugged scale comes back by itself once it is plugged in again.

Stopping never waits on the GUI thread: :meth:`ScaleWorker.stop` cancels the job and returns;
``stopped`` fires once the job has ended and the port is closed. A poll in progress ends
within the driver's reply timeout, a protocol probe ('auto') is cancelled between reads, and
the pause between polls ends at once. The runner's ``shutdown()`` stops a loop left running.
One lane for every scale worker means a new worker's loop starts only once the previous one
has let go of the port.
"""

from __future__ import annotations

import functools
import logging
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Final

from PySide6.QtCore import QObject, Signal

from app.hardware.scales import (
    PROTOCOLS,
    InvalidScaleSettings,
    Reading,
    ScaleDevice,
    ScaleError,
    ScaleMonitor,
    ScaleNotResponding,
    ScalePortError,
    ScaleSettings,
    create_scale,
)
from app.settings import StationSettings
from app.ui.tasks import Cancelled, Task, TaskControl, TaskRunner

log = logging.getLogger(__name__)

DeviceFactory = Callable[[ScaleSettings], ScaleDevice]

# The task-runner lane every scale worker polls on (one port user at a time).
SCALE_LANE: Final = "scale"

ZERO: Final = "zero"
TARE: Final = "tare"


class ScaleState(Enum):
    """What the scale is doing, for the status bar and the settings test."""

    STARTING = "starting"
    READING = "reading"
    ERROR = "error"
    STOPPED = "stopped"


def scale_operations(protocol: str) -> frozenset[str]:
    """The commands ('zero', 'tare') the computer can send to a scale of ``protocol``.

    'auto' offers both: the real protocol is known only once detection ran, and a scale that
    cannot do one answers with a clear UnsupportedOperation message.
    """
    if protocol in ("simulated", "auto"):
        return frozenset({ZERO, TARE})
    if protocol == "hid":
        return frozenset({ZERO})
    cls = PROTOCOLS.get(protocol)
    if cls is None:
        return frozenset()
    return frozenset(
        name for name, command in ((ZERO, cls.zero_command), (TARE, cls.tare_command))
        if command is not None
    )


@dataclass(frozen=True)
class _Ready:
    """The device is open; ``protocol`` is the detected one for 'auto'."""

    protocol: str


@dataclass(frozen=True)
class _CommandDone:
    operation: str
    outcome: ScaleError | None


class _ScaleLoop:
    """The lane job: creates the device, polls it, runs zero/tare between polls."""

    def __init__(self, settings: ScaleSettings, factory: DeviceFactory | None, interval: float,
                 reconnect_interval: float) -> None:
        self._settings = settings
        self._factory = factory
        self._interval = interval
        self._reconnect_interval = reconnect_interval
        # Zero/tare requests from the GUI; None only wakes the loop (to notice a stop).
        self._commands: queue.SimpleQueue[str | None] = queue.SimpleQueue()

    def request(self, operation: str | None) -> None:
        """Any thread: queue a command, or (None) wake the pause between polls."""
        self._commands.put(operation)

    def run(self, control: TaskControl) -> None:
        """Poll until cancelled; every wait is bounded by the device's timeouts or the pause."""
        # An 'auto' probe stops as soon as the worker is told to stop.
        factory = self._factory or functools.partial(
            create_scale, cancelled=lambda: control.cancelled)
        monitor: ScaleMonitor | None = None
        pause = 0.0
        try:
            while self._pause(control, monitor, pause):
                monitor, event = self._poll(factory, monitor, control)
                if control.cancelled:
                    return
                control.report(event)
                pause = self._reconnect_interval if isinstance(event, ScaleError) else (
                    self._interval)
        finally:
            if monitor is not None:
                monitor.device.close()

    def _pause(self, control: TaskControl, monitor: ScaleMonitor | None, seconds: float) -> bool:
        """Wait ``seconds`` running queued commands; False once the job is cancelled."""
        deadline = time.monotonic() + seconds
        while not control.cancelled:
            try:
                operation = self._commands.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                return not control.cancelled
            if operation is not None and not control.cancelled:
                control.report(_CommandDone(operation, self._run_command(monitor, operation)))
        return False

    def _run_command(self, monitor: ScaleMonitor | None, operation: str) -> ScaleError | None:
        if monitor is None:
            return ScaleNotResponding(port=self._settings.port)
        try:
            getattr(monitor.device, operation)()
        except ScaleError as exc:
            return exc
        return None

    def _poll(self, factory: DeviceFactory, monitor: ScaleMonitor | None,
              control: TaskControl) -> tuple[ScaleMonitor | None, Reading | ScaleError]:
        """One poll (creating the device first if needed)."""
        try:
            if monitor is None:
                device = factory(self._settings)  # 'auto' probes here: seconds at most
                monitor = ScaleMonitor(device, interval=self._interval,
                                       reconnect_interval=self._reconnect_interval)
                if not control.cancelled:
                    control.report(_Ready(device.protocol_name))
            return monitor, monitor.poll()
        except ScaleError as exc:  # detection found nothing, or the port is missing
            return monitor, exc
        except Exception as exc:  # a driver bug must not kill the loop: report and retry
            log.exception("scale poll failed on %s", self._settings.port)
            if monitor is not None:
                monitor.device.close()
            return monitor, ScalePortError(port=self._settings.port, reason=type(exc).__name__)


class ScaleWorker(QObject):
    """The scale's polling loop, seen from the GUI: start(), stop(), zero(), tare() and signals.

    Signals (all delivered on the GUI thread):

    * ``reading(Reading)`` for every frame, stable or not;
    * ``error(ScaleError)`` for every failed poll (it retries by itself);
    * ``state_changed(ScaleState)`` when the state changes;
    * ``ready(str)`` with the protocol name once the device is open (after auto-detect);
    * ``command_finished(str, ScaleError | None)`` after zero/tare;
    * ``stopped()`` once, after :meth:`stop`, when the lane job has ended and the port is free.

    Call :meth:`stop` before dropping the worker (the runner's shutdown also ends the loop).
    """

    reading = Signal(object)
    error = Signal(object)
    state_changed = Signal(object)
    ready = Signal(str)
    command_finished = Signal(str, object)
    stopped = Signal()

    def __init__(self, settings: ScaleSettings, runner: TaskRunner,
                 parent: QObject | None = None, *, factory: DeviceFactory | None = None,
                 interval: float = 0.2, reconnect_interval: float = 1.0) -> None:
        super().__init__(parent)
        self.settings = settings
        self.state = ScaleState.STOPPED
        self.last_reading: Reading | None = None
        self.last_error: ScaleError | None = None
        self.protocol = settings.protocol
        self._runner = runner
        self._loop = _ScaleLoop(settings, factory, interval, reconnect_interval)
        self._task: Task[None] | None = None

    @property
    def port(self) -> str:
        return self.settings.port

    @property
    def running(self) -> bool:
        return self._task is not None and self.state is not ScaleState.STOPPED

    def operations(self) -> frozenset[str]:
        """Zero/tare as far as the protocol allows (known exactly once ``ready`` fired)."""
        return scale_operations(self.protocol)

    def start(self) -> None:
        """Start polling (once; a stopped worker is not restarted — make a new one)."""
        if self._task is not None:
            return
        self._set_state(ScaleState.STARTING)
        # owner=self: nothing reaches a worker whose Qt object was deleted with its window.
        self._task = self._runner.lane(SCALE_LANE).run(
            self._loop.run, on_report=self._on_loop_event, on_done=self._on_job_ended,
            on_error=self._on_job_failed, owner=self)

    def stop(self) -> None:
        """Stop polling and close the port, without waiting: ``stopped`` says when it is done.

        No reading or error is delivered after this call.
        """
        if self._task is None or self.state is ScaleState.STOPPED:
            return
        self._task.cancel()
        self._loop.request(None)  # end the pause between polls now
        # The job's end reaches the GUI thread queued, so ``stopped`` comes after this returns.
        self._set_state(ScaleState.STOPPED)

    def zero(self) -> None:
        """Ask the scale to zero; the answer comes as ``command_finished('zero', ...)``."""
        self._loop.request(ZERO)

    def tare(self) -> None:
        """Ask the scale to tare; the answer comes as ``command_finished('tare', ...)``."""
        self._loop.request(TARE)

    # -- from the lane job (delivered on the GUI thread by the runner) -------------------------

    def _on_loop_event(self, event: Reading | ScaleError | _Ready | _CommandDone) -> None:
        if self.state is ScaleState.STOPPED:
            return
        if isinstance(event, _Ready):
            self.protocol = event.protocol
            self.ready.emit(event.protocol)
        elif isinstance(event, _CommandDone):
            self.command_finished.emit(event.operation, event.outcome)
        elif isinstance(event, ScaleError):
            self.last_error = event
            self._set_state(ScaleState.ERROR)
            self.error.emit(event)
        else:
            self.last_reading, self.last_error = event, None
            self._set_state(ScaleState.READING)
            self.reading.emit(event)

    def _on_job_ended(self, _result: None) -> None:
        self._set_state(ScaleState.STOPPED)
        self.stopped.emit()

    def _on_job_failed(self, error: BaseException) -> None:
        """Cancelled before it ran (the lane stopped), or a bug that escaped the loop."""
        if not isinstance(error, Cancelled):
            log.error("the scale loop on %s failed", self.port, exc_info=error)
        self._on_job_ended(None)

    def _set_state(self, state: ScaleState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)


def scale_settings_of(station: StationSettings) -> ScaleSettings | None:
    """The station's scale, or None when none is set up.

    Raises InvalidScaleSettings when the stored settings are damaged.
    """
    if not station.scale:
        return None
    return ScaleSettings.from_dict(station.scale)


def start_scale(settings: StationSettings, runner: TaskRunner,
                parent: QObject | None = None) -> ScaleWorker | None:
    """Start the station's scale worker; None when the station has no (usable) scale.

    Damaged scale settings are logged and treated as "no scale" so the app still starts;
    the Settings dialog shows and fixes them.
    """
    try:
        scale = scale_settings_of(settings)
    except InvalidScaleSettings:
        log.warning("ignoring invalid scale settings %r", settings.scale)
        return None
    if scale is None:
        return None
    worker = ScaleWorker(scale, runner, parent)
    worker.start()
    return worker
