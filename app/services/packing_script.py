"""Packing a whole order in one call, for scripts (``haicang pack``).

The same checks as the station, step by step, in one transaction: the order is put on
this station's bench (anything this station had scanned for it before is discarded),
the units are counted (all lines, or the given SKU quantities), the box is chosen, the
weight checked and the order packed with its label queued. Any refusal leaves nothing
written; a refused weight check raises its error.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from app.domain.permissions import Actor
from app.services.packing import (
    PackResult,
    accept_weight,
    cancel_packing,
    choose_box,
    complete_packing,
    scan_item,
    start_packing,
)
from app.services.packing_errors import OrderAlreadyPacked, OrderStopped
from app.services.packing_view import PackState
from printers.profiles import PrinterProfile


def pack_at_once(session: Session, scan: str, *, box: str, weight_g: int,
                 items: Mapping[str, int] | None, override_pin: str | None = None,
                 reason: str | None = None, station: str, actor: Actor,
                 label_printer: PrinterProfile | None = None,
                 document_printer: PrinterProfile | None = None) -> PackResult:
    """Pack the scanned order into one ``box`` weighing ``weight_g`` (a stable reading)."""
    view = start_packing(session, scan, station=station, actor=actor)
    if view.state is PackState.STOPPED:
        raise OrderStopped(order=view.number, state=view.status.value)
    if view.state is PackState.PACKED:
        raise OrderAlreadyPacked(order=view.number)
    if view.scanned:
        cancel_packing(session, view.order_id, actor=actor)
        view = start_packing(session, scan, station=station, actor=actor)
    wanted: dict[str, int] = dict(items or {})
    if items is None:
        for line in view.lines:
            wanted[line.sku_code] = wanted.get(line.sku_code, 0) + line.quantity
    for sku, quantity in wanted.items():
        scan_item(session, view.order_id, sku, quantity=quantity, actor=actor)
    choose_box(session, view.order_id, box, actor=actor)
    check = accept_weight(session, view.order_id, weight_g=weight_g, stable=True,
                          override_pin=override_pin, reason=reason, actor=actor)
    if check.error is not None:
        raise check.error
    return complete_packing(session, view.order_id, station=station, actor=actor,
                            label_printer=label_printer, document_printer=document_printer)
