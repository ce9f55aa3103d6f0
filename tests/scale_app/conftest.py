"""Fixtures for the app side of scales: fake scales on real ptys (shared with tests/hardware)."""

from __future__ import annotations

from tests.hardware.conftest import MakeFake, make_fake, settings_for

__all__ = ["MakeFake", "make_fake", "pty_options", "settings_for"]


def pty_options(port: str, protocol: str) -> list[str]:
    """CLI options for a fake scale: 8N1 (a pty cannot do 7E1, see tests/hardware/conftest)."""
    return ["--port", port, "--protocol", protocol, "--data-bits", "8", "--parity", "N",
            "--reply-timeout", "0.3"]
