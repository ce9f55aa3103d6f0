"""An invoice line opened up: one row per source it sums, for the client's audit.

A line of the billing job (app.services.billing_accrual) keeps its sources in
``charges.detail`` as JSON, ``[source_id, source_ref, quantity x 10^4, measure, cents,
info]`` each; this module reads them back as rows a client can check one by one — the
order, ledger move, carton, ASN, label, return receipt or lot-day, its quantity, the
line's unit price and its own amount. A line's sources add up to the line exactly: each
was priced and rounded on its own, and the line is their sum.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.billing import ChargeKind

K = ChargeKind


@dataclass(frozen=True)
class SourceRow:
    """One source of a line: what was charged, for what, and on which line
    (``accrual_key``); also a line itself, read before it is opened up."""

    day: date
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    currency: str
    source_type: str
    source_id: int | None
    source_ref: str | None
    note: str | None
    accrual_key: str


def plain(number: Decimal) -> str:
    """A number without trailing zeros: "3", not "3.0000"; "42.33", not "42.3300"."""
    return f"{number.normalize():f}"


def _text(kind: str, ref: str, qty: Decimal, measure: int, info: Any) -> str:
    """The source in words, as the client knows it."""
    if kind == K.STORAGE and isinstance(info, list) and len(info) == 2:
        units, unit = info
        return f"Storage {units} x {ref}, age {measure} d, {qty:f} {unit}"
    units = plain(qty)
    return {
        K.RECEIVING_UNIT: f"Received {units} x {info}",
        K.RECEIVING_CARTON: f"Carton {ref}",
        K.RECEIVING_CONTAINER: f"Container {info} ({ref})",
        K.RECEIVING_PALLET: f"{units} pallet(s) of {ref}",
        K.PICK_PACK_ORDER: f"Order {ref}: {info} unit(s), {measure} g billable",
        K.PICK_PACK_EXTRA_UNIT: f"Order {ref}: {units} extra unit(s)",
        K.PACKING_MATERIAL: f"Order {ref}: {units} box(es)",
        K.LABEL: f"Label {info} for {ref}".replace("  ", " "),
        K.RETURN: f"Return {ref}: {units} x {info}, {measure} g each",
    }.get(ChargeKind(kind), f"{ref} {info}")


def _info(value: Any) -> Any:
    """A nested array comes back as text when the database materialised it first."""
    if isinstance(value, str) and value.startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def source_rows(line: SourceRow, detail: str | None) -> Iterator[SourceRow]:
    """The line's sources in source order; ``line`` is the stored line read as a row,
    ``detail`` its JSON. A line without detail (typed in by the office, or accrued
    before lines had detail) is its own single source."""
    if not detail:
        yield line
        return
    entries = sorted(json.loads(detail), key=lambda e: (e[0] is None, e[0] or 0))
    for source_id, ref, qty_e4, measure, cents, info in entries:
        qty = Decimal(int(qty_e4)).scaleb(-4)
        ref_text = "" if ref is None else str(ref)
        yield replace(line, description=_text(line.kind, ref_text, qty, int(measure),
                                              _info(info)),
                      quantity=qty, amount=Decimal(int(cents)).scaleb(-2),
                      source_id=source_id, source_ref=ref_text or None, note=None)


def all_source_rows(lines: Iterable[tuple[SourceRow, str | None]]) -> list[SourceRow]:
    """Every source of ``lines`` (each a line and its detail), line after line."""
    return [row for line, detail in lines for row in source_rows(line, detail)]
