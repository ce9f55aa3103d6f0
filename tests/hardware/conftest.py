"""Fixtures: fake scales on real pseudo-terminals and matching driver settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.hardware.scales import ScaleSettings
from tests.fakes.scales import FakeScale

#: Reply timeout for the driver under test: short so fault tests stay fast.
TIMEOUT = 0.3

MakeFake = Callable[..., FakeScale]


@pytest.fixture
def make_fake(tmp_path: Path) -> Iterator[MakeFake]:
    """Start fake scales; all are stopped after the test."""
    started: list[FakeScale] = []

    def make(protocol: str, **attributes: object) -> FakeScale:
        fake = FakeScale(protocol, tmp_path)
        for name, value in attributes.items():
            setattr(fake, name, value)
        started.append(fake.start())
        return fake

    yield make
    for fake in started:
        fake.stop()


def settings_for(fake: FakeScale, **overrides: object) -> ScaleSettings:
    """Driver settings for ``fake``.

    8N1 on purpose: a pty cannot really do 7E1 and glibc may refuse re-applying it
    (hardware.md §5); the byte content is identical, and parity handling is tested separately.
    """
    values: dict[str, object] = {
        "port": fake.port,
        "protocol": fake.protocol,
        "bytesize": 8,
        "parity": "N",
        "scale_unit": fake.unit,
        "timeout": TIMEOUT,
    }
    values.update(overrides)
    return ScaleSettings(**values)  # type: ignore[arg-type]
