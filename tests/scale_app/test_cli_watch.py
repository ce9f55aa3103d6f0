"""`haicang scale watch` streams readings, survives an unplugged cable and stops on Ctrl+C.

Runs the real command in a subprocess (signals and line buffering are part of the contract);
every wait is bounded, and the process is killed if a test fails half-way.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.scale_app.conftest import MakeFake, pty_options

ROOT = Path(__file__).resolve().parents[2]
LINE_WAIT = 10.0  # seconds for one expected line before the test fails


class Watch:
    """A running `haicang scale watch` with its stdout lines in a queue."""

    def __init__(self, *argv: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app", "scale", "watch", *argv],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self) -> str:
        line = self.lines.get(timeout=LINE_WAIT)
        assert line is not None, f"watch ended early: {self.stderr()}"
        return line

    def until(self, accept: Callable[[dict[str, Any]], bool], limit: int = 300) -> dict[str, Any]:
        """Read JSON lines until one is accepted (bounded by ``limit`` lines)."""
        for _ in range(limit):
            event = json.loads(self.next_line())
            assert isinstance(event, dict)
            if accept(event):
                return event
        raise AssertionError("expected line never came")

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=LINE_WAIT)

    def stderr(self) -> str:
        if self.process.poll() is None or self.process.stderr is None:
            return ""
        return self.process.stderr.read()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=LINE_WAIT)


@pytest.fixture
def watch() -> Iterator[Callable[..., Watch]]:
    started: list[Watch] = []

    def start(*argv: str) -> Watch:
        started.append(Watch(*argv))
        return started[-1]

    yield start
    for w in started:
        w.kill()


def test_watch_streams_json_lines_and_stops_cleanly_on_ctrl_c(
    make_fake: MakeFake, watch: Callable[..., Watch]
) -> None:
    fake = make_fake("sics")
    fake.place("1.50", motion_frames=3)
    w = watch(*pty_options(fake.port, "sics"), "--json", "--interval", "0.05")
    moving = w.until(lambda e: e["weight_g"] is not None and not e["stable"])
    assert moving["error"] is None
    stable = w.until(lambda e: e["stable"])
    assert stable["weight_g"] == 680 and stable["protocol"] == "sics"
    assert {"weight_g", "unit", "raw_value", "protocol", "stable", "overload", "negative",
            "fault", "error", "message"} <= set(stable)
    assert w.interrupt() == 0
    assert "Traceback" not in w.stderr()


def test_watch_reports_unplug_and_reconnects_by_itself(
    make_fake: MakeFake, watch: Callable[..., Watch]
) -> None:
    fake = make_fake("nci")
    fake.place("1.00")
    w = watch(*pty_options(fake.port, "nci"), "--json", "--interval", "0.05",
              "--reconnect", "0.1")
    w.until(lambda e: e["weight_g"] == 454)
    fake.disconnect()
    lost = w.until(lambda e: e["error"] is not None)
    assert lost["error"] in {"ScaleDisconnected", "ScaleNotFound", "ScaleNotResponding"}
    assert fake.port in lost["message"]
    assert lost["weight_g"] is None and lost["stable"] is False
    fake.place("2.00")
    fake.reconnect()
    back = w.until(lambda e: e["weight_g"] == 907)
    assert back["error"] is None and back["stable"] is True
    assert w.interrupt() == 0


def test_watch_text_lines_show_weight_and_errors(
    make_fake: MakeFake, watch: Callable[..., Watch]
) -> None:
    fake = make_fake("toledo")
    fake.place("0.50")
    w = watch(*pty_options(fake.port, "toledo"), "--unit", "g", "--interval", "0.05",
              "--reconnect", "0.1")
    assert "227 g (227 g)  stable" in w.next_line()
    fake.silent = True
    for _ in range(100):
        line = w.next_line()
        if "error:" in line:
            break
    assert f"Scale not responding on {fake.port}" in line
    w.process.send_signal(signal.SIGTERM)  # `kill PID` ends it as cleanly as Ctrl+C
    assert w.process.wait(timeout=LINE_WAIT) == 0
