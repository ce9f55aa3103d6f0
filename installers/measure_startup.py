"""Start-up time of the frozen app against the same app run from source.

    python -m installers.measure_startup [--bundle build/pyinstaller/dist/haicang] [--runs 5]

Both start on one Xvfb display with a fresh home folder and an up-to-date SQLite
database; the time is from process start to the "shown" line (main window on screen).
One unmeasured run of each comes first so both read from a warm disk cache; then the
runs alternate and the medians and their ratio are printed. Figures, not assertions:
the README quotes them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from installers.build import PYINSTALLER_WORK, ROOT
from installers.gui_probe import isolated_env, shown_gui, virtual_display


def measure(commands: dict[str, list[str]], env: dict[str, str],
            runs: int) -> dict[str, list[float]]:
    """Seconds to "shown" for each command, ``runs`` times, alternating."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            with shown_gui(command, env, cwd=ROOT) as app:
                if round_:  # round 0 warms the disk cache
                    times[name].append(app.seconds_to_shown)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=PYINSTALLER_WORK / "dist" / "haicang",
                        help="the one-folder bundle (holding the haicang executable)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    frozen = args.bundle / "haicang"
    if not frozen.is_file():
        print(f"error: no frozen app at {frozen}; run `make dist` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, virtual_display() as display:
        home = Path(tmp)
        env = isolated_env(home, display)
        url = f"sqlite:///{home / 'startup.db'}"
        subprocess.run([str(frozen), "db", "upgrade", "--db", url], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        times = measure({
            "frozen": [str(frozen), "--db", url],
            "source": [sys.executable, "-m", "app", "--db", url],
        }, env, args.runs)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"{name:7s} median {medians[name]:.2f} s  (runs: {shown})")
    print(f"frozen/source ratio {medians['frozen'] / medians['source']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
