"""Lots and expiry: which stock may still be shipped, and one lot per (bin, SKU).

A lot-tracked SKU keeps one lot in a sellable bin at a time, so a balance row's
``lot``/``expiry`` describe every unit in it and allocation can rank bins
first-expiring-first (FEFO) without reading lots per unit.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.errors import DomainError


class LotMixing(DomainError):
    code = "lot_mixing"
    template = ("Bin {bin} already holds lot {held} of {sku}: lot {lot} cannot go in with it "
                "(one lot per bin).")


def last_shippable_expiry(today: date, window_days: int) -> date:
    """Stock expiring on or before this day is inside the "do not ship" window."""
    return today + timedelta(days=max(0, window_days))


def shippable(expiry: date | None, today: date, window_days: int) -> bool:
    """Whether stock with ``expiry`` may still be allocated on ``today`` (the warehouse's
    date): stock without an expiry always may; stock expiring within ``window_days`` of
    today (or already expired) never."""
    return expiry is None or expiry > last_shippable_expiry(today, window_days)
