"""Inbound shipments (ASN, 入库预报): announce by file or by hand, list, show, arrive.

A file is read by :mod:`app.channels.inbound_template` and checked here against the
database: every SKU must be the client's (code or barcode), a SKU of another client is
refused by name, and a reference the client already announced is refused. Like the
order and SKU imports the whole file imports or nothing does; ``valid_only`` imports the
shipments whose rows are all good and reports the rest (a shipment is never imported
with some of its rows missing). Receiving, closing and the discrepancy report are in
:mod:`app.services.receiving`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.channels.files import Notice, read_table
from app.channels.inbound_template import INBOUND_HEADERS, InboundRow, collect_inbound_rows
from app.db.base import utcnow
from app.db.bulk import chunks
from app.db.models import (
    Client,
    InboundCarton,
    InboundLine,
    InboundReceipt,
    InboundShipment,
    Sku,
    SkuBarcode,
    Warehouse,
)
from app.domain.errors import (
    QT_TRANSLATE_NOOP,
    DataConflict,
    ImportRejected,
    InvalidValue,
    NotFound,
    WrongClient,
)
from app.domain.inbound_errors import InboundExists
from app.domain.permissions import Actor, Permission, require
from app.domain.states import InboundStatus, check_inbound_transition
from app.services.audit import record_audit
from app.services.inbound_dto import (
    CartonView,
    InboundDetail,
    InboundSummary,
    LineView,
    shipment_by_reference,
)
from app.services.lookup import client_by_code, skus_matching, warehouse_by_code

# Reasons of a row (English templates, translated by the GUI in the "errors" context).
UNKNOWN_SKU = QT_TRANSLATE_NOOP("errors", "client {client} has no SKU {sku}")
OTHER_CLIENT_SKU = QT_TRANSLATE_NOOP(
    "errors", "SKU {sku} belongs to client {owner}, not to client {client}")
REFERENCE_TAKEN = QT_TRANSLATE_NOOP(
    "errors", "shipment {reference} is already announced for client {client}")
SKU_TWICE = QT_TRANSLATE_NOOP(
    "errors", "SKU {sku} of carton {carton} is also on line {other_line}")
VALUE_DIFFERS = QT_TRANSLATE_NOOP(
    "errors", "{column} '{value}' differs from line {other_line} of the same shipment")


@dataclass(frozen=True)
class InboundRowProblem:
    """Why one row of the file cannot be imported; ``column`` as the template names it."""

    line: int
    reference: str | None
    column: str | None
    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "reference": self.reference, "column": self.column,
                "reason": self.reason}


@dataclass(frozen=True)
class InboundImportReport:
    """What an import did (or, for a rejected file, would do with ``valid_only``)."""

    file: str
    client: str
    warehouse: str
    rows: int
    shipments: tuple[str, ...]
    cartons: int
    units: int
    problems: tuple[InboundRowProblem, ...]
    warnings: tuple[Notice, ...]

    @property
    def bad_lines(self) -> int:
        return len({p.line for p in self.problems})

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "client": self.client, "warehouse": self.warehouse,
            "rows": self.rows, "shipments": list(self.shipments), "cartons": self.cartons,
            "units": self.units, "rejected_lines": sorted({p.line for p in self.problems}),
            "problems": [p.to_json() for p in self.problems],
            "warnings": [w.message for w in self.warnings],
        }


class InboundImportRejected(ImportRejected):
    """The file has problems and nothing was imported; ``report`` lists them."""

    def __init__(self, report: InboundImportReport) -> None:
        super().__init__(bad=report.bad_lines, total=report.rows)
        self.report = report


@dataclass(frozen=True)
class CartonDraft:
    code: str
    #: (SKU code or barcode, units announced)
    lines: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class InboundDraft:
    """A shipment typed by hand (the New shipment dialog)."""

    reference: str
    cartons: tuple[CartonDraft, ...]
    eta: date | None = None
    container: str | None = None
    tracking: str | None = None


# --- import ----------------------------------------------------------------------------------


def preview_inbound_import(
    session: Session, path: str | Path, *, client_code: str, warehouse_code: str
) -> InboundImportReport:
    """Read and check the file against the database; write nothing (the import dialog)."""
    return _plan(session, path, client_code, warehouse_code)[0]


def import_inbound(
    session: Session,
    path: str | Path,
    *,
    client_code: str,
    warehouse_code: str,
    actor: Actor,
    valid_only: bool = False,
) -> InboundImportReport:
    """Announce the file's shipments for the client at the warehouse, in the caller's
    transaction; raises :class:`InboundImportRejected` (having written nothing) when a
    row has a problem and ``valid_only`` is false."""
    require(actor, Permission.RECEIVE_STOCK)
    report, good, client_id, warehouse_id = _plan(session, path, client_code, warehouse_code)
    if report.problems and not valid_only:
        raise InboundImportRejected(replace(report, shipments=(), cartons=0, units=0))
    for ref, rows in good.items():
        _insert_shipment(
            session, client_id, warehouse_id, ref, actor, source_file=Path(path).name,
            eta=next((r.row.eta for r in rows if r.row.eta), None),
            container=next((r.row.container for r in rows if r.row.container), None),
            tracking=next((r.row.tracking for r in rows if r.row.tracking), None),
            lines=[(r.row.carton or "", r.sku_id, r.sku_code, r.row.quantity or 0)
                   for r in rows],
        )
    record_audit(session, actor, "import_inbound", "client", client_id, file=report.file,
                 shipments=list(report.shipments), rejected_lines=report.bad_lines)
    return report


def _plan(
    session: Session, path: str | Path, client_code: str, warehouse_code: str
) -> tuple[InboundImportReport, dict[str, list[_GoodRow]], int, int]:
    client = client_by_code(session, client_code)
    warehouse = warehouse_by_code(session, warehouse_code)
    parsed = read_table(path, INBOUND_HEADERS, collect_inbound_rows)
    problems, shipments = _check_rows(session, client, parsed.rows)
    bad_refs = {p.reference for p in problems}
    good = {ref: rows for ref, rows in shipments.items() if ref not in bad_refs}
    report = InboundImportReport(
        file=str(path), client=client.code, warehouse=warehouse.code, rows=len(parsed.rows),
        shipments=tuple(good), cartons=sum(len({r.row.carton for r in rows})
                                           for rows in good.values()),
        units=sum(r.row.quantity or 0 for rows in good.values() for r in rows),
        problems=tuple(sorted(problems, key=lambda p: p.line)), warnings=parsed.warnings,
    )
    return report, good, client.id, warehouse.id


@dataclass(frozen=True)
class _GoodRow:
    row: InboundRow
    sku_id: int
    sku_code: str


def _check_rows(
    session: Session, client: Client, rows: Iterable[InboundRow]
) -> tuple[list[InboundRowProblem], dict[str, list[_GoodRow]]]:
    rows = list(rows)
    refs = {r.reference for r in rows if r.reference}
    taken = _announced(session, client.id, refs)
    own = _client_skus(session, client.id, {r.sku for r in rows if r.sku})
    problems: list[InboundRowProblem] = []
    shipments: dict[str, list[_GoodRow]] = {}
    seen: dict[tuple[str, str, int], int] = {}  # (reference, carton, sku id) -> line
    header: dict[tuple[str, str], tuple[str, int]] = {}  # (reference, column) -> value, line

    def problem(row: InboundRow, where: str | None, template: str, **params: Any) -> None:
        problems.append(InboundRowProblem(row.line, row.reference, where, template, params))

    for row in rows:
        for column, exc in row.problems:
            problem(row, column, exc.template, **exc.params)
        if row.problems or row.reference is None:
            continue
        ref = row.reference
        if ref in taken:
            problem(row, "reference", REFERENCE_TAKEN, reference=ref, client=client.code)
            continue
        assert row.sku is not None and row.carton is not None  # parsed as required
        sku = own.get(row.sku)
        if sku is None:
            owners = sorted({c for c in _owners(session, row.sku) if c != client.code})
            if owners:
                problem(row, "sku", OTHER_CLIENT_SKU, sku=row.sku, owner=", ".join(owners),
                        client=client.code)
            else:
                problem(row, "sku", UNKNOWN_SKU, client=client.code, sku=row.sku)
            continue
        key = (ref, row.carton, sku[0])
        if key in seen:
            problem(row, "sku", SKU_TWICE, sku=row.sku, carton=row.carton, other_line=seen[key])
            continue
        seen[key] = row.line
        differs = False
        for column in ("eta", "container", "tracking"):
            value = getattr(row, column)
            if value is None:
                continue
            known = header.setdefault((ref, column), (str(value), row.line))
            if known[0] != str(value):
                problem(row, column, VALUE_DIFFERS, column=column, value=str(value),
                        other_line=known[1])
                differs = True
        if not differs:
            shipments.setdefault(ref, []).append(_GoodRow(row, sku[0], sku[1]))
    return problems, shipments


def _announced(session: Session, client_id: int, refs: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(refs), 500):
        found.update(session.scalars(select(InboundShipment.reference).where(
            InboundShipment.client_id == client_id, InboundShipment.reference.in_(chunk))))
    return found


def _client_skus(session: Session, client_id: int, codes: set[str]) -> dict[str, tuple[int, str]]:
    """Code or barcode -> (SKU id, SKU code) for the client's SKUs the file names."""
    found: dict[str, tuple[int, str]] = {}
    for chunk in chunks(sorted(codes), 500):
        for sid, code in session.execute(select(Sku.id, Sku.code).where(
                Sku.client_id == client_id, Sku.code.in_(chunk))):
            found[code] = (sid, code)
        for barcode, sid, code in session.execute(
                select(SkuBarcode.code, Sku.id, Sku.code).join(Sku, Sku.id == SkuBarcode.sku_id)
                .where(SkuBarcode.client_id == client_id, SkuBarcode.code.in_(chunk))):
            found.setdefault(barcode, (sid, code))
    return found


def _owners(session: Session, code: str) -> list[str]:
    ids = [s.client_id for s in skus_matching(session, code)]
    return list(session.scalars(select(Client.code).where(Client.id.in_(ids)))) if ids else []


def _insert_shipment(
    session: Session, client_id: int, warehouse_id: int, reference: str, actor: Actor, *,
    eta: date | None, container: str | None, tracking: str | None,
    lines: list[tuple[str, int, str, int]], source_file: str | None = None,
) -> int:
    shipment = InboundShipment(
        client_id=client_id, warehouse_id=warehouse_id, reference=reference, eta=eta,
        container=container, tracking=tracking, status=InboundStatus.ANNOUNCED.value,
        source_file=source_file, created_by=actor.name, created_at=utcnow(),
    )
    session.add(shipment)
    session.flush()
    cartons: dict[str, int] = {}
    for carton, sku_id, sku_code, quantity in lines:
        if carton not in cartons:
            row = InboundCarton(shipment_id=shipment.id, code=carton)
            session.add(row)
            session.flush()
            cartons[carton] = row.id
        session.add(InboundLine(shipment_id=shipment.id, carton_id=cartons[carton],
                                sku_id=sku_id, sku_code=sku_code, expected=quantity))
    session.flush()
    return shipment.id


# --- by hand ---------------------------------------------------------------------------------


def create_inbound(
    session: Session,
    *,
    client_code: str,
    warehouse_code: str,
    draft: InboundDraft,
    actor: Actor,
) -> InboundSummary:
    """Announce one shipment typed by hand; every SKU must be the client's."""
    require(actor, Permission.RECEIVE_STOCK)
    client = client_by_code(session, client_code)
    warehouse = warehouse_by_code(session, warehouse_code)
    reference = draft.reference.strip()
    if not reference or len(reference) > 64:
        raise InvalidValue(field="reference", problem="must be 1 to 64 characters")
    if _announced(session, client.id, {reference}):
        raise InboundExists(reference=reference, client=client.code)
    if not draft.cartons:
        raise InvalidValue(field="cartons", problem="must not be empty")
    own = _client_skus(session, client.id, {code.strip() for c in draft.cartons
                                            for code, _q in c.lines})
    lines: list[tuple[str, int, str, int]] = []
    for carton in draft.cartons:
        code = carton.code.strip()
        if not code or len(code) > 64:
            raise InvalidValue(field="carton", problem="must be 1 to 64 characters")
        if not carton.lines:
            raise InvalidValue(field=f"carton {code}", problem="must not be empty")
        for sku_text, quantity in carton.lines:
            sku = own.get(sku_text.strip())
            if sku is None:
                owners = [c for c in _owners(session, sku_text.strip()) if c != client.code]
                if owners:
                    raise WrongClient(sku=sku_text, owner=", ".join(owners), client=client.code)
                raise NotFound(kind="SKU", key=sku_text)
            if not isinstance(quantity, int) or quantity <= 0:
                raise InvalidValue(field="quantity", problem=f"'{quantity}' must be a whole "
                                   "number above 0")
            if any(c == code and s == sku[0] for c, s, _k, _q in lines):
                raise InvalidValue(field=f"carton {code}",
                                   problem=f"SKU {sku[1]} is listed twice")
            lines.append((code, sku[0], sku[1], quantity))
    shipment_id = _insert_shipment(
        session, client.id, warehouse.id, reference, actor, eta=draft.eta,
        container=(draft.container or "").strip() or None,
        tracking=(draft.tracking or "").strip() or None, lines=lines)
    record_audit(session, actor, "create_inbound", "inbound_shipment", shipment_id,
                 reference=reference)
    return _summaries(session, [shipment_id])[0]


# --- states ----------------------------------------------------------------------------------


def set_inbound_status(
    session: Session, shipment: InboundShipment, target: InboundStatus, actor: Actor
) -> None:
    """Move the shipment to ``target`` through the transition table; refused as a
    conflict when another PC changed its state meanwhile."""
    if not try_inbound_status(session, shipment, target, actor):
        raise DataConflict(constraint=f"inbound shipment {shipment.reference} status")


def try_inbound_status(
    session: Session, shipment: InboundShipment, target: InboundStatus, actor: Actor
) -> bool:
    """Move the shipment from the state it was read in to ``target`` (illegal moves
    raise), guarded by that state so two PCs never both make the same move; False when
    another PC moved it first. The shipment is re-read either way."""
    current = InboundStatus(shipment.status)
    check_inbound_transition(shipment.reference, current, target)
    values: dict[str, Any] = {"status": target.value}
    now = utcnow()
    if target is InboundStatus.ARRIVED:
        values["arrived_at"] = now
    if target is InboundStatus.CLOSED:
        values.update(closed_at=now, closed_by=actor.name)
    result = session.execute(
        update(InboundShipment)
        .where(InboundShipment.id == shipment.id, InboundShipment.status == current.value)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.refresh(shipment)
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def arrive_inbound(
    session: Session, reference: str, *, actor: Actor, client_code: str | None = None
) -> InboundSummary:
    """The shipment is at the dock (announced -> arrived)."""
    require(actor, Permission.RECEIVE_STOCK)
    shipment = shipment_by_reference(session, reference, client_code)
    set_inbound_status(session, shipment, InboundStatus.ARRIVED, actor)
    record_audit(session, actor, "arrive_inbound", "inbound_shipment", shipment.id,
                 reference=shipment.reference)
    return _summaries(session, [shipment.id])[0]


# --- reading ---------------------------------------------------------------------------------


def list_inbound(
    session: Session, *, client_code: str | None = None, status: str | None = None,
    warehouse_code: str | None = None,
) -> list[InboundSummary]:
    """Shipments, newest first."""
    stmt = select(InboundShipment.id).order_by(InboundShipment.id.desc())
    if client_code:
        stmt = stmt.where(InboundShipment.client_id == client_by_code(session, client_code).id)
    if warehouse_code:
        stmt = stmt.where(
            InboundShipment.warehouse_id == warehouse_by_code(session, warehouse_code).id)
    if status:
        stmt = stmt.where(InboundShipment.status == InboundStatus(status).value)
    return _summaries(session, list(session.scalars(stmt)))


def get_inbound(
    session: Session, reference: str, client_code: str | None = None
) -> InboundDetail:
    shipment = shipment_by_reference(session, reference, client_code)
    return inbound_detail(session, shipment.id)


def inbound_detail(session: Session, shipment_id: int) -> InboundDetail:
    """The shipment with its cartons and lines (announced and found), counted units each."""
    summary = _summaries(session, [shipment_id])[0]
    counted = dict(
        (line_id, (int(q or 0), int(d or 0))) for line_id, q, d in session.execute(
            select(InboundReceipt.line_id, func.sum(InboundReceipt.quantity),
                   func.sum(InboundReceipt.damaged))
            .join(InboundLine, InboundLine.id == InboundReceipt.line_id)
            .where(InboundLine.shipment_id == shipment_id)
            .group_by(InboundReceipt.line_id)))
    rejected = rejected_lines(session, shipment_id)
    cartons: dict[int, tuple[str, Any, list[LineView]]] = {
        cid: (code, at, []) for cid, code, at in session.execute(
            select(InboundCarton.id, InboundCarton.code, InboundCarton.received_at)
            .where(InboundCarton.shipment_id == shipment_id).order_by(InboundCarton.id))}
    rows = session.execute(
        select(InboundLine.id, InboundLine.carton_id, InboundLine.sku_code, InboundLine.expected,
               Sku.code, Sku.name_en, Sku.lot_tracked, InboundLine.sku_id)
        .outerjoin(Sku, Sku.id == InboundLine.sku_id)
        .where(InboundLine.shipment_id == shipment_id).order_by(InboundLine.id))
    for lid, cid, scanned, expected, code, name, lot_tracked, sku_id in rows:
        q, d = counted.get(lid, (0, 0))
        cartons[cid][2].append(LineView(
            lid, cartons[cid][0], code or scanned, name or "", expected, q, d,
            unknown=sku_id is None, rejected=lid in rejected, lot_tracked=bool(lot_tracked)))
    return InboundDetail(summary, tuple(CartonView(code, at, tuple(lines))
                                        for code, at, lines in cartons.values()))


def rejected_lines(session: Session, shipment_id: int) -> frozenset[int]:
    """Unknown-code lines a clerk rejected (kept in the shipment's notes, see
    :func:`app.services.receiving.reject_unknown`)."""
    notes = session.scalar(select(InboundShipment.notes).where(
        InboundShipment.id == shipment_id))
    if not notes:
        return frozenset()
    try:
        data = json.loads(notes)
    except ValueError:
        return frozenset()
    return frozenset(int(i) for i in data.get("rejected_lines", ())) if isinstance(
        data, dict) else frozenset()


def _summaries(session: Session, ids: list[int]) -> list[InboundSummary]:
    if not ids:
        return []
    lines = (
        select(InboundLine.shipment_id.label("sid"),
               func.count(func.distinct(InboundLine.carton_id)).label("cartons"),
               func.sum(InboundLine.expected).label("expected"))
        .group_by(InboundLine.shipment_id).subquery())
    counted = (
        select(InboundLine.shipment_id.label("sid"),
               func.sum(InboundReceipt.quantity).label("received"),
               func.sum(InboundReceipt.damaged).label("damaged"))
        .join(InboundLine, InboundLine.id == InboundReceipt.line_id)
        .group_by(InboundLine.shipment_id).subquery())
    found: dict[int, InboundSummary] = {}
    for chunk in chunks(ids, 500):
        stmt = (
            select(InboundShipment, Client.code, Warehouse.code, lines.c.cartons,
                   lines.c.expected, counted.c.received, counted.c.damaged)
            .join(Client, Client.id == InboundShipment.client_id)
            .join(Warehouse, Warehouse.id == InboundShipment.warehouse_id)
            .outerjoin(lines, lines.c.sid == InboundShipment.id)
            .outerjoin(counted, counted.c.sid == InboundShipment.id)
            .where(InboundShipment.id.in_(chunk)))
        for s, client, warehouse, cartons, expected, received, damaged in session.execute(stmt):
            found[s.id] = InboundSummary(
                s.id, s.reference, client, warehouse, s.status, s.eta, s.container,
                s.tracking, int(cartons or 0), int(expected or 0), int(received or 0),
                int(damaged or 0), s.created_at, s.arrived_at, s.closed_at)
    return [found[i] for i in ids if i in found]
