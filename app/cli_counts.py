"""`haicang counts ...` (being built)."""

from __future__ import annotations

from app.cli import Registrar


def register(reg: Registrar) -> None:
    """Nothing yet."""
