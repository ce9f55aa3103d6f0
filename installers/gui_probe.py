"""Start the GUI on a virtual X server and wait for its main window.

Shared by the frozen-bundle test (tests/installers) and the start-up measurement
(installers/measure_startup.py). The app prints "shown" on stdout once its main window
is on screen when HAICANG_STARTUP_PROBE is set (app/ui/app.py), which is both the proof
that the window appeared and the end point of the start-up time.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

PROBE_ENV = "HAICANG_STARTUP_PROBE"
PROBE_LINE = "shown"


class ProbeError(Exception):
    """The virtual display or the app did not come up; the message carries the evidence."""

    message_template: ClassVar[str] = "{what}: {detail}"

    def __init__(self, *, what: str, detail: str) -> None:
        self.params = {"what": what, "detail": detail}
        super().__init__(self.message_template.format(**self.params))


@contextmanager
def virtual_display(width: int = 1280, height: int = 800, timeout: float = 15) -> Iterator[str]:
    """Run Xvfb on a display number it picks itself (-displayfd); yields ``":N"``."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise ProbeError(what="Xvfb not found", detail="install the xvfb package")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        number = _read_line(read_fd, timeout)
        if not number.isdigit():
            raise ProbeError(what="Xvfb did not start", detail=f"exit code {proc.poll()}")
        yield f":{number}"
    finally:
        os.close(read_fd)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _read_line(fd: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data.decode().strip()


def isolated_env(home: Path, display: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment whose settings, data, logs and caches all live under ``home``.

    The real X11 platform plugin is forced (the test suite runs with
    QT_QPA_PLATFORM=offscreen, which would not exercise the bundled xcb plugin).
    """
    env = {k: v for k, v in (base if base is not None else os.environ).items()
           if not k.startswith("HAICANG_")}
    env.update({
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        PROBE_ENV: "1",
    })
    env.pop("WAYLAND_DISPLAY", None)
    return env


@dataclass
class ShownApp:
    """A GUI process whose main window is on screen."""

    process: subprocess.Popen[bytes]
    seconds_to_shown: float


@contextmanager
def shown_gui(command: Sequence[str], env: Mapping[str, str], *, cwd: Path | None = None,
              timeout: float = 60) -> Iterator[ShownApp]:
    """Start ``command``, wait for "shown", yield; on exit close the app (SIGTERM)."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(list(command), env=dict(env), cwd=cwd,
                                stdout=subprocess.PIPE, stderr=stderr)
        try:
            assert proc.stdout is not None
            elapsed = _wait_for_probe(proc, proc.stdout.fileno(), start, timeout)
            if elapsed is None:
                code = proc.poll()
                stderr.seek(0)
                tail = stderr.read().decode(errors="replace")[-2000:]
                state = "still running" if code is None else f"exited with {code}"
                raise ProbeError(what=f"no main window within {timeout:.0f} s ({state})",
                                 detail=tail or "(no output on stderr)")
            yield ShownApp(proc, elapsed)
        finally:
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


def _wait_for_probe(proc: subprocess.Popen[bytes], fd: int, start: float,
                    timeout: float) -> float | None:
    """Seconds from start until the probe line, or None if the app died or timed out."""
    buffer = b""
    while True:
        left = start + timeout - time.perf_counter()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 4096)
        if not chunk:
            return None  # stdout closed: the process is gone
        buffer += chunk
        lines = buffer.split(b"\n")
        if any(line.strip() == PROBE_LINE.encode() for line in lines[:-1]):
            return time.perf_counter() - start
        buffer = lines[-1]
