"""The frozen-bundle tests run only when HAICANG_BUILD_DIST=1.

They build (or reuse) the Linux tarball: about a minute of PyInstaller and 170 MB on
disk, so `make test` leaves them out. They are *deselected* at collection rather than
skipped, because a skipped test reads as a passed one; CI sets the variable after
`make dist` (see README, "Building installers").
"""

from __future__ import annotations

import os

import pytest

BUILD_ENV = "HAICANG_BUILD_DIST"
MARKER = "frozen_bundle"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}: runs the PyInstaller bundle; collected only with {BUILD_ENV}=1"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(BUILD_ENV) == "1":
        return
    dropped = [item for item in items if item.get_closest_marker(MARKER)]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker(MARKER)]
