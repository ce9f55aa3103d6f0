"""The station's scale on its own thread: readings and error states arrive as Qt signals.

Serial reads block for up to the reply timeout, so they must never run on the GUI thread
(ARCHITECTURE.md, "Threads"). :class:`ScaleWorker` lives on the GUI thread and owns a
QThread; the polling itself is done by a private loop object living on that thread, driven
by a single-shot QTimer. Between two polls that thread's event loop runs, which is how zero
and tare requests from the GUI are marshalled to it: they are queued signals, executed
between polls, so a command never interleaves its bytes with a read.

Errors never end the loop: :class:`ScaleMonitor` closes the device on an error and the next
poll reopens it, so an unplugged scale comes back by itself once it is plugged in again.

Stopping never waits on the GUI thread: :meth:`ScaleWorker.stop` asks the loop to finish and
returns; ``stopped`` fires once the thread has ended and the port is closed. A poll in progress
ends within the driver's reply timeout, and a protocol probe ('auto') is cancelled between reads.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from enum import Enum
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QThread,
    QTimer,
    Signal,
    Slot,
)

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

log = logging.getLogger(__name__)

DeviceFactory = Callable[[ScaleSettings], ScaleDevice]

# How long the app's quit waits for a poll in progress (reads are bounded by the reply timeout).
QUIT_WAIT_MS: Final = 3_000

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


class _ScaleLoop(QObject):
    """Runs on the worker thread: creates the device, polls it, runs zero/tare between polls."""

    reading = Signal(object)
    error = Signal(object)
    ready = Signal(str)
    command_finished = Signal(str, object)

    def __init__(self, settings: ScaleSettings, factory: DeviceFactory, interval: float,
                 reconnect_interval: float, halt: threading.Event) -> None:
        super().__init__()
        self._settings = settings
        self._factory = factory
        self._interval = interval
        self._reconnect_interval = reconnect_interval
        self._monitor: ScaleMonitor | None = None
        self._timer: QTimer | None = None
        self._halt = halt

    def halt(self) -> None:
        """Stop emitting at once (any thread); the poll in progress finishes quietly."""
        self._halt.set()

    @Slot()
    def begin(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(0)

    @Slot()
    def _on_timer_timeout(self) -> None:
        pause = self._step()
        if not self._halt.is_set() and self._timer is not None:
            self._timer.start(int(pause * 1000))

    def _step(self) -> float:
        """One poll (creating the device first if needed); returns the pause before the next."""
        try:
            if self._monitor is None:
                device = self._factory(self._settings)  # 'auto' probes here: seconds at most
                self._monitor = ScaleMonitor(device, interval=self._interval,
                                             reconnect_interval=self._reconnect_interval)
                if not self._halt.is_set():
                    self.ready.emit(device.protocol_name)
            event = self._monitor.poll()
        except ScaleError as exc:  # detection found nothing, or the port is missing
            event = exc
        except Exception as exc:  # a driver bug must not kill the loop: report and retry
            log.exception("scale poll failed on %s", self._settings.port)
            if self._monitor is not None:
                self._monitor.device.close()
            event = ScalePortError(port=self._settings.port, reason=f"{type(exc).__name__}")
        if self._halt.is_set():
            return 0
        if isinstance(event, ScaleError):
            self.error.emit(event)
            return self._reconnect_interval
        self.reading.emit(event)
        return self._interval

    @Slot(str)
    def run_command(self, operation: str) -> None:
        if self._halt.is_set():
            return
        outcome: ScaleError | None = None
        if self._monitor is None:
            outcome = ScaleNotResponding(port=self._settings.port)
        else:
            try:
                getattr(self._monitor.device, operation)()
            except ScaleError as exc:
                outcome = exc
        self.command_finished.emit(operation, outcome)

    @Slot()
    def finish(self) -> None:
        """Last call on the worker thread: close the device and end the thread's event loop."""
        self._halt.set()
        if self._timer is not None:
            self._timer.stop()
        if self._monitor is not None:
            self._monitor.device.close()
        thread = self.thread()
        thread.quit()


# Workers told to stop whose thread has not ended yet: kept alive here so Qt never destroys
# a running thread (that aborts the process), whoever dropped the worker. Each leaves the set
# when its thread has finished.
_STOPPING: set[ScaleWorker] = set()


class ScaleWorker(QObject):
    """The scale's thread, seen from the GUI: start(), stop(), zero(), tare() and signals.

    Signals (all delivered on the GUI thread):

    * ``reading(Reading)`` for every frame, stable or not;
    * ``error(ScaleError)`` for every failed poll (it retries by itself);
    * ``state_changed(ScaleState)`` when the state changes;
    * ``ready(str)`` with the protocol name once the device is open (after auto-detect);
    * ``command_finished(str, ScaleError | None)`` after zero/tare;
    * ``stopped()`` once, after :meth:`stop`, when the thread has ended and the port is free.

    Call :meth:`stop` before dropping the worker (it is also stopped when the app quits).
    """

    reading = Signal(object)
    error = Signal(object)
    state_changed = Signal(object)
    ready = Signal(str)
    command_finished = Signal(str, object)
    stopped = Signal()
    _command_requested = Signal(str)
    _finish_requested = Signal()

    def __init__(self, settings: ScaleSettings, parent: QObject | None = None, *,
                 factory: DeviceFactory | None = None, interval: float = 0.2,
                 reconnect_interval: float = 1.0) -> None:
        super().__init__(parent)
        self.settings = settings
        self.state = ScaleState.STOPPED
        self.last_reading: Reading | None = None
        self.last_error: ScaleError | None = None
        self.protocol = settings.protocol
        halt = threading.Event()
        if factory is None:  # an 'auto' probe stops as soon as the worker is told to stop
            factory = functools.partial(create_scale, cancelled=halt.is_set)
        self._thread = QThread()
        self._thread.setObjectName(f"scale {settings.port}")
        self._loop = _ScaleLoop(settings, factory, interval, reconnect_interval, halt)
        self._loop.moveToThread(self._thread)
        self._thread.started.connect(self._loop.begin)
        self._thread.finished.connect(self._loop.deleteLater)
        self._thread.finished.connect(self._on_thread_finished)
        self._loop.reading.connect(self._on_loop_reading)
        self._loop.error.connect(self._on_loop_error)
        self._loop.ready.connect(self._on_loop_ready)
        self._loop.command_finished.connect(self._on_loop_command_finished)
        self._command_requested.connect(self._loop.run_command)
        self._finish_requested.connect(self._loop.finish)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_app_about_to_quit)
        self._started = False

    @property
    def port(self) -> str:
        return self.settings.port

    @property
    def running(self) -> bool:
        return self._started and self.state is not ScaleState.STOPPED

    def operations(self) -> frozenset[str]:
        """Zero/tare as far as the protocol allows (known exactly once ``ready`` fired)."""
        return scale_operations(self.protocol)

    def start(self) -> None:
        """Start polling (once; a stopped worker is not restarted — make a new one)."""
        if self._started:
            return
        self._started = True
        self._set_state(ScaleState.STARTING)
        self._thread.start()

    def stop(self) -> None:
        """Stop polling and close the port, without waiting: ``stopped`` says when it is done.

        No reading or error is delivered after this call.
        """
        if not self._started or self.state is ScaleState.STOPPED:
            return
        self._loop.halt()
        self._finish_requested.emit()
        self._set_state(ScaleState.STOPPED)
        # The thread ends only after this request, and its ``finished`` reaches the GUI thread
        # queued, so ``stopped`` always comes after stop() has returned.
        _STOPPING.add(self)

    def _on_thread_finished(self) -> None:
        if self in _STOPPING:
            _STOPPING.discard(self)
            self.stopped.emit()

    def _on_app_about_to_quit(self) -> None:
        """The event loop is ending: the thread must be gone before Qt tears down."""
        self.stop()
        if not self._thread.wait(QUIT_WAIT_MS):
            log.warning("scale thread on %s did not stop in time", self.port)

    def zero(self) -> None:
        """Ask the scale to zero; the answer comes as ``command_finished('zero', ...)``."""
        self._command_requested.emit(ZERO)

    def tare(self) -> None:
        """Ask the scale to tare; the answer comes as ``command_finished('tare', ...)``."""
        self._command_requested.emit(TARE)

    # -- from the loop (queued onto the GUI thread) -------------------------------------------

    def _on_loop_reading(self, reading: Reading) -> None:
        if self.state is ScaleState.STOPPED:
            return
        self.last_reading, self.last_error = reading, None
        self._set_state(ScaleState.READING)
        self.reading.emit(reading)

    def _on_loop_error(self, error: ScaleError) -> None:
        if self.state is ScaleState.STOPPED:
            return
        self.last_error = error
        self._set_state(ScaleState.ERROR)
        self.error.emit(error)

    def _on_loop_ready(self, protocol: str) -> None:
        if self.state is ScaleState.STOPPED:
            return
        self.protocol = protocol
        self.ready.emit(protocol)

    def _on_loop_command_finished(self, operation: str, outcome: ScaleError | None) -> None:
        if self.state is not ScaleState.STOPPED:
            self.command_finished.emit(operation, outcome)

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


def start_scale(settings: StationSettings, parent: QObject | None = None) -> ScaleWorker | None:
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
    worker = ScaleWorker(scale, parent)
    worker.start()
    return worker
