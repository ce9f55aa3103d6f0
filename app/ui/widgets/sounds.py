"""The station's OK and error sounds, played off the GUI thread and mutable.

QtMultimedia is not part of the shipped PySide6 modules, so the bundled wavs
(``resources/sounds``) are played by the operating system's own player: ``winsound``
on Windows, ``afplay`` on macOS, ``paplay``/``aplay``/``pw-play`` on Linux. Playing blocks
for the length of the sound, so it runs on the task runner's ``sound`` lane. Where no
player exists the error falls back to the system beep (the OK sound then stays silent:
one beep for everything would tell the packer nothing).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Final

from PySide6.QtWidgets import QApplication

from app.ui.resources import resources_dir
from app.ui.tasks import TaskRunner

SOUND_LANE: Final = "sound"
_LINUX_PLAYERS: Final = ("paplay", "pw-play", "aplay")


class Sound(Enum):
    OK = "ok"
    ERROR = "error"


def _player() -> Callable[[Path], None] | None:
    """A blocking call that plays a wav file, or None when this PC has no player."""
    if sys.platform == "win32":
        import winsound

        return lambda path: winsound.PlaySound(str(path), winsound.SND_FILENAME)
    commands = ("afplay",) if sys.platform == "darwin" else _LINUX_PLAYERS
    for name in commands:
        exe = shutil.which(name)
        if exe is not None:
            args = [exe, "-q"] if name == "aplay" else [exe]
            return partial(_run, args)
    return None


def _run(args: list[str], path: Path) -> None:
    subprocess.run([*args, str(path)], check=False, timeout=5, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


class Sounds:
    """``play(Sound.OK)`` / ``play(Sound.ERROR)`` unless muted; never blocks the screen."""

    def __init__(self, tasks: TaskRunner, *, muted: bool = False) -> None:
        self._tasks = tasks
        self.muted = muted
        self._play = _player()
        #: What was played, newest last (the screen test listens to it).
        self.played: list[Sound] = []

    def play(self, sound: Sound) -> None:
        if self.muted:
            return
        self.played.append(sound)
        del self.played[:-20]
        if self._play is None:
            if sound is Sound.ERROR:
                QApplication.beep()
            return
        path = resources_dir() / "sounds" / f"{sound.value}.wav"
        play = self._play
        self._tasks.lane(SOUND_LANE).submit(lambda: play(path), on_error=lambda _e: None)
