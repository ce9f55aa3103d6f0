"""Importing a seller's order file: read it, check it against the database, write it.

The whole file imports or nothing does, so a clerk fixes the listed lines and
imports the same file again; ``valid_only`` imports the good orders (an order
with one bad line is rejected whole) and reports the rest. An order number the
client already has is "already imported" when its content is the same - so
importing a file twice is harmless - and a problem when the content differs.
Two PCs importing overlapping files at the same moment get the same answer as one
after the other: an order the other import wrote first is skipped, never
duplicated, and reported as already imported (or as a conflict if it differs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.channels.files import (
    Notice,
    RowProblem,
    read_order_file,
)
from app.channels.order_formats import TEMPLATE
from app.db.engine import Database
from app.domain.errors import QT_TRANSLATE_NOOP, ImportRejected, InvalidValue
from app.domain.ids import OrderId
from app.domain.order_value import IncomingOrder
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.audit import record_audit
from app.services.auto_allocation import AllocationSummary, allocate_in_batches
from app.services.import_presets import ClientFile, read_client_orders
from app.services.lookup import client_by_code
from app.services.order_bulk import (
    StoredOrder,
    existing_order_ids,
    insert_orders,
    load_stored_orders,
    resolve_skus,
)
from app.services.order_rows import CONTENT_FIELDS, order_values
from app.services.order_states import set_status
from app.services.organisation import require_active_client
from app.services.run import run_write

UNKNOWN_SKU = QT_TRANSLATE_NOOP("imports", "SKU '{value}' is not a product of client {client}")
EXISTS_DIFFERENT = QT_TRANSLATE_NOOP(
    "imports", "order {number} already exists with different content ({fields})"
)


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a preview, would do).

    ``orders_created`` lists the numbers written - for a preview, the numbers that an
    import with ``valid_only`` would write; ``ok`` says whether a full import succeeds.
    """

    file: str
    client: str
    rows: int
    orders_created: tuple[str, ...]
    orders_already_imported: tuple[str, ...]
    orders_rejected: tuple[str, ...]
    problems: tuple[RowProblem, ...]
    warnings: tuple[Notice, ...]
    preview: bool = False
    #: Ids of the orders written, for the automatic allocation that follows the import.
    created_ids: tuple[int, ...] = ()
    #: What the automatic allocation after the import did; None when it did not run
    #: (a preview, a rejected file, or ``auto_allocate`` off in every warehouse).
    allocation: AllocationSummary | None = None
    #: The column preset the file was read with; None for the template or a platform export.
    preset: str | None = None
    #: "template" or the platform export the file is ("shopify", "amazon", "tiktok").
    layout: str = TEMPLATE
    #: Of ``orders_created``, those written on hold (an export masked their address).
    orders_held: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_lines(self) -> int:
        return len({p.line for p in self.problems})

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "client": self.client,
            "rows": self.rows,
            "orders_created": list(self.orders_created),
            "orders_already_imported": list(self.orders_already_imported),
            "orders_rejected": list(self.orders_rejected),
            "problems": [p.to_json() for p in self.problems],
            "warnings": [w.message for w in self.warnings],
            "allocation": None if self.allocation is None else self.allocation.to_json(),
            "preset": self.preset,
            "format": self.layout,
            "orders_held": list(self.orders_held),
        }


class OrderImportRejected(ImportRejected):
    """The file has problems and nothing was imported; ``report`` lists them."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(bad=report.bad_lines, total=report.rows)
        self.report = report


@dataclass(frozen=True)
class _Plan:
    client_id: int
    new: tuple[IncomingOrder, ...]
    sku_ids: dict[str, int]
    report: ImportReport
    #: Every valid order of the file, in file order.
    orders: tuple[IncomingOrder, ...]
    #: The file lines of each valid order's lines, by order number.
    line_numbers: Mapping[str, tuple[int, ...]]
    #: Orders to write on hold: number -> reason.
    holds: Mapping[str, str]


def preview_order_import(session: Session, client_code: str, path: str | Path,
                         preset: str | None = None, layout: str | None = None) -> ImportReport:
    """Read and check the file against the database; write nothing."""
    return _plan(session, client_code, path, preview=True, preset=preset,
                 layout=layout).report


def import_orders(
    session: Session,
    client_code: str,
    path: str | Path,
    *,
    actor: Actor,
    valid_only: bool = False,
    preset: str | None = None,
    layout: str | None = None,
) -> ImportReport:
    """Import the file's orders for the client in the caller's transaction.

    ``preset`` names the client's column preset to read the file with; without it the
    layout is recognised (:func:`app.services.import_presets.read_client_orders`).
    ``layout`` ("template", "shopify", "amazon", "tiktok") forces how the file is read.
    Orders whose export masks the address are written on hold (``ParsedFile.holds``).

    Raises FileUnreadable when the file is not an order file, NotFound for an unknown
    client, ClientDisabled for a disabled one, and :class:`OrderImportRejected` (an
    ``ImportRejected``) carrying the report when any row has a problem and ``valid_only``
    is false - having written nothing.
    """
    require(actor, Permission.IMPORT_ORDERS)
    plan = _plan(session, client_code, path, preview=False, preset=preset, layout=layout)
    report = plan.report
    if report.problems and not valid_only:
        raise OrderImportRejected(replace(report, orders_created=()))
    created = insert_orders(session, plan.client_id, plan.new, plan.sku_ids, actor=actor,
                            skip_existing=True)
    if len(created) < len(plan.new):
        report = _late_arrivals(session, plan, created)
        if report.problems and not valid_only:
            raise OrderImportRejected(replace(report, orders_created=()))
    for number, reason in plan.holds.items():
        if number in created:
            set_status(session, created[number], number, OrderStatus.NEW, OrderStatus.ON_HOLD,
                       actor=actor, note=reason, hold_reason=reason)
    record_audit(
        session, actor, "import_orders", "client", plan.client_id, file=report.file,
        created=len(created), already_imported=len(report.orders_already_imported),
        rejected=len(report.orders_rejected),
    )
    return replace(report, created_ids=tuple(created[o] for o in report.orders_created))


def _late_arrivals(session: Session, plan: _Plan, created: dict[str, OrderId]) -> ImportReport:
    """The report once another PC's import committed some of this file's new orders first.

    Those orders were skipped, not duplicated (:func:`insert_orders`); they are judged as
    if this import had started a moment later: already imported when the content is the
    same, a problem when it differs.
    """
    late = [o for o in plan.new if o.number not in created]
    _, already, problems = _sort_existing(session, plan.client_id, late, plan.sku_ids,
                                          plan.line_numbers)
    report = plan.report
    numbers = set(already)
    all_problems = sorted([*report.problems, *problems], key=lambda p: p.line)
    return replace(
        report,
        orders_created=tuple(n for n in report.orders_created if n in created),
        orders_held=tuple(n for n in report.orders_held if n in created),
        orders_already_imported=tuple(
            o.number for o in _file_order(plan, numbers | set(report.orders_already_imported))),
        orders_rejected=_rejected_numbers(all_problems),
        problems=tuple(all_problems),
    )


def import_order_file(
    db: Database,
    client_code: str,
    path: str | Path,
    *,
    actor: Actor,
    valid_only: bool = False,
    preset: str | None = None,
    layout: str | None = None,
) -> ImportReport:
    """:func:`import_orders` in its own transaction, then allocate what it created.

    The import commits first, so its orders are kept whatever the allocation meets;
    the allocation then runs in batches, each its own transaction
    (:func:`app.services.auto_allocation.allocate_in_batches`), and the report says
    what it did. Raises what :func:`import_orders` raises.
    """
    report = run_write(db, import_orders, client_code, path, actor=actor,
                       valid_only=valid_only, preset=preset, layout=layout)
    return replace(report, allocation=allocate_in_batches(db, report.created_ids, actor=actor))


def _plan(session: Session, client_code: str, path: str | Path, *, preview: bool,
          preset: str | None = None, layout: str | None = None) -> _Plan:
    client = client_by_code(session, client_code)
    require_active_client(client)  # its orders already here still ship; new ones do not come in
    if layout is not None:  # a layout named by the caller: no presets
        if preset is not None:
            raise InvalidValue(field="format", problem="give a format or a column preset, "
                                                       "not both")
        read = ClientFile(read_order_file(path, layout), None)
    else:
        read = read_client_orders(session, client, path, preset)
    parsed = read.parsed
    problems = list(parsed.problems)
    named = {ln.sku for o in parsed.orders for ln in o.lines}
    named.update(ref.sku for ref in parsed.rejected_sku_refs)
    sku_ids = resolve_skus(session, client.id, named)
    unknown = named - sku_ids.keys()
    for ref in parsed.sku_refs() if unknown else ():
        if ref.sku in unknown:
            problems.append(RowProblem(ref.line, ref.order_number, "sku", UNKNOWN_SKU,
                                       {"value": ref.sku, "client": client.code}))
    bad_numbers = {p.order_number for p in problems if p.order_number is not None}
    candidates = [o for o in parsed.orders if o.number not in bad_numbers]
    new, already, clashes = _sort_existing(session, client.id, candidates, sku_ids,
                                           parsed.line_numbers)
    problems.extend(clashes)
    problems.sort(key=lambda p: p.line)
    report = ImportReport(
        file=str(path),
        client=client.code,
        rows=parsed.rows,
        orders_created=tuple(o.number for o in new),
        orders_already_imported=tuple(already),
        orders_rejected=_rejected_numbers(problems),
        problems=tuple(problems),
        warnings=parsed.warnings,
        preview=preview,
        preset=read.preset,
        layout=parsed.layout,
        orders_held=tuple(o.number for o in new if o.number in parsed.holds),
    )
    return _Plan(client.id, tuple(new), sku_ids, report, parsed.orders, parsed.line_numbers,
                 parsed.holds)


def _sort_existing(
    session: Session, client_id: int, orders: list[IncomingOrder], sku_ids: dict[str, int],
    line_numbers: Mapping[str, tuple[int, ...]],
) -> tuple[list[IncomingOrder], list[str], list[RowProblem]]:
    """Split ``orders`` into new ones, numbers already imported with the same content,
    and problems for numbers that exist with different content."""
    existing = existing_order_ids(session, client_id, (o.number for o in orders))
    stored = load_stored_orders(session, existing.values()) if existing else {}
    new: list[IncomingOrder] = []
    already: list[str] = []
    problems: list[RowProblem] = []
    for order in orders:
        oid = existing.get(order.number)
        if oid is None:
            new.append(order)
            continue
        differs = _differences(order, stored[oid], sku_ids)
        if differs:
            problems.append(RowProblem(
                line_numbers[order.number][0], order.number, "order_number", EXISTS_DIFFERENT,
                {"number": order.number, "fields": ", ".join(differs)},
            ))
        else:
            already.append(order.number)
    return new, already, problems


def _file_order(plan: _Plan, numbers: set[str]) -> list[IncomingOrder]:
    """Those of the file's orders whose number is in ``numbers``, in file order."""
    return [o for o in plan.orders if o.number in numbers]


def _rejected_numbers(problems: list[RowProblem]) -> tuple[str, ...]:
    """Order numbers with problems, in the order of their first bad line."""
    seen: dict[str, None] = {}
    for p in problems:
        if p.order_number is not None:
            seen.setdefault(p.order_number, None)
    return tuple(seen)


def _differences(
    order: IncomingOrder, stored: StoredOrder, sku_ids: dict[str, int]
) -> list[str]:
    """Names of what differs between the file's order and the stored one.

    A file without an order date took the import time, so the date is compared only
    when the file gives one.
    """
    differs = [
        f for f, value in zip(CONTENT_FIELDS, order_values(order), strict=True)
        if value != stored.fields[f]
    ]
    if order.order_date is not None and order.order_date != stored.order_date:
        differs.insert(0, "order_date")
    lines = tuple(
        (sku_ids[ln.sku], ln.quantity, ln.unit_price, ln.currency) for ln in order.lines
    )
    if lines != tuple(tuple(s) for s in stored.lines):
        differs.append("lines")
    return differs

