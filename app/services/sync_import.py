"""The idempotent import of platform orders, keyed on (channel, external id).

A version of an order that is not newer than the one stored changes nothing.
New orders are created in bulk; a platform cancellation cancels and releases
stock before picking and otherwise holds the order for interception; an order
with an unmapped platform SKU is kept as a held record and created when the
mapping is added (``release_held_orders``); one whose address the platform withholds
is made and held until the seller's label comes. The caller owns the transaction:
the sync engine commits each page together with its cursor.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.channels import OrderStatus as PlatformStatus
from app.channels.normalized import Buyer, Platform, PlatformOrder
from app.db.base import utcnow
from app.db.bulk import DriverStatement
from app.db.dialects import dialect_insert
from app.db.models import ChannelOrder, Order, SkuMapping
from app.db.models import OrderLine as OrderLineRow
from app.domain.address import zip_in_state
from app.domain.errors import QT_TRANSLATE_NOOP
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.auto_allocation import AllocationSummary, allocate_automatically
from app.services.channels import ChannelConfig, channel_config
from app.services.order_bulk import existing_order_ids, insert_orders, resolve_skus
from app.services.order_states import status_before_hold
from app.services.orders import cancel_order, hold_order, release_order

# Hold reasons the sync writes on orders: stored in English, shown translated by text
# (context "OrderNotes"; reasons people type are shown as they typed them).
INTERCEPT_REASON = QT_TRANSLATE_NOOP("OrderNotes", "cancelled on platform — intercept")
SHIPPED_ELSEWHERE_REASON = QT_TRANSLATE_NOOP("OrderNotes", "shipped on platform — intercept")
PLATFORM_HOLD_REASON = QT_TRANSLATE_NOOP("OrderNotes", "on hold on platform")
CANCELLED_REASON = QT_TRANSLATE_NOOP("OrderNotes", "cancelled on platform")
LINES_CHANGED_REASON = QT_TRANSLATE_NOOP(
    "OrderNotes", "changed on platform after allocation — check the lines")
UNMAPPED_PREFIX = "unmapped SKU: "
NO_ADDRESS_REASON = "no usable ship-to address"
ZIP_STATE_REASON = QT_TRANSLATE_NOOP(
    "OrderNotes", "ship-to ZIP code is not in its state: correct the address on the platform")
NUMBER_TAKEN_REASON = QT_TRANSLATE_NOOP(
    "OrderNotes", "order number already used by another order of this client")
#: An order Amazon keeps the name and street of from this app (no restricted PII role):
#: made and held; importing the seller's label for it releases it (``seller_labels``).
ADDRESS_WITHHELD_REASON = QT_TRANSLATE_NOOP(
    "OrderNotes",
    "Amazon withholds the address: use the seller's Buy Shipping label or ask for the address")

#: Our states before anything left a bin: a platform cancellation can simply cancel.
_BEFORE_PICKING = frozenset({OrderStatus.NEW, OrderStatus.BACKORDERED, OrderStatus.ALLOCATED})
_SHIPPED_STATES = frozenset({OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED,
                             OrderStatus.RETURNED})
_RELEASABLE = frozenset({PlatformStatus.OPEN, PlatformStatus.PARTIALLY_SHIPPED})


@dataclass
class SyncCounts:
    """Orders of one run: fetched from the platform, and what the import did with them."""

    fetched: int = 0
    new: int = 0
    updated: int = 0
    cancelled: int = 0
    held: int = 0
    unchanged: int = 0
    #: New orders the automatic allocation after each page reserved stock for / backordered.
    allocated: int = 0
    backordered: int = 0

    def add(self, other: SyncCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class ImportOutcome:
    """What importing one page did; ``created`` are new order ids to allocate."""

    counts: SyncCounts = field(default_factory=SyncCounts)
    created: list[int] = field(default_factory=list)
    created_external: list[str] = field(default_factory=list)
    #: New key rows (``_KEY_COLUMNS`` up to ``payload``), written at the end of the page.
    new_keys: list[tuple[Any, ...]] = field(default_factory=list)

    def flush_keys(self, session: Session) -> None:
        """Insert the page's new key rows with one driver-level executemany."""
        if not self.new_keys:
            return
        session.flush()
        insert = DriverStatement.insert(session.connection(), _KEYS, _KEY_COLUMNS)
        when = insert.processor("platform_updated_at")
        stamp = when(utcnow())
        insert.run([(*key[:4], when(key[4]), *key[5:], stamp, stamp) for key in self.new_keys])
        self.new_keys = []


_KEYS = cast(Table, ChannelOrder.__table__)
_KEY_COLUMNS = (
    "channel_id", "external_id", "number", "order_id", "platform_updated_at",
    "platform_status", "status", "content_hash", "held_reason", "payload", "imported_at",
    "updated_at",
)


def allocate_new_orders(session: Session, order_ids: Sequence[int], *,
                        actor: Actor) -> AllocationSummary | None:
    """Try to reserve stock for freshly imported orders, as the warehouses' setting says.

    Automatic allocation: only warehouses with ``auto_allocate`` on give stock, and None
    (nothing tried) when none has it on. Orders someone held or cancelled meanwhile are
    simply left out by the batch.
    """
    return allocate_automatically(session, order_ids, actor=actor)


def import_orders(session: Session, config: ChannelConfig, orders: Iterable[PlatformOrder],
                  *, actor: Actor) -> ImportOutcome:
    """Apply one page of platform orders to the warehouse (caller owns the transaction)."""
    require(actor, Permission.IMPORT_ORDERS)
    outcome = ImportOutcome()
    newest: dict[str, PlatformOrder] = {}
    for order in orders:
        outcome.counts.fetched += 1
        known = newest.get(order.external_id)
        if known is None or order.updated_at > known.updated_at:
            newest[order.external_id] = order
    if not newest:
        return outcome
    rows = {
        r.external_id: r for r in session.scalars(
            select(ChannelOrder).where(ChannelOrder.channel_id == config.id,
                                       ChannelOrder.external_id.in_(list(newest)))
        )
    }
    to_create: list[tuple[PlatformOrder, ChannelOrder | None]] = []
    for external_id, order in newest.items():
        row = rows.get(external_id)
        if row is not None and order.updated_at <= row.platform_updated_at:
            outcome.counts.unchanged += 1
            continue
        if (row is not None and row.order_id is not None
                and row.content_hash == content_digest(order)):
            row.platform_updated_at, row.platform_status = order.updated_at, order.platform_status
            outcome.counts.unchanged += 1
            continue
        if row is not None and row.order_id is not None:
            _update_existing(session, row, order, outcome, config, actor)
            continue
        if order.status in _RELEASABLE and order.order.lines:
            to_create.append((order, row))
            continue
        # Not to be shipped (yet): unpaid, cancelled or shipped before we saw it, or
        # nothing on it to ship (a gift card alone): remembered, not made, not held.
        _record(outcome, config.id, row, order, order_id=None, held=None, keep_payload=False)
        if row is not None:
            outcome.counts.updated += 1
    if to_create:
        _create(session, config, to_create, outcome, actor)
    outcome.flush_keys(session)
    return outcome


def release_held_orders(session: Session, channel_id: int, *, actor: Actor) -> list[str]:
    """Create the orders held for unmapped SKUs that can now be resolved; their numbers."""
    require(actor, Permission.IMPORT_ORDERS)
    config = channel_config(session, channel_id)
    held = list(session.scalars(
        select(ChannelOrder).where(ChannelOrder.channel_id == channel_id,
                                   ChannelOrder.order_id.is_(None),
                                   ChannelOrder.held_reason.is_not(None),
                                   ChannelOrder.payload.is_not(None))
    ))
    candidates = [(order_from_json(r.payload or "{}"), r) for r in held]
    if not candidates:
        return []
    outcome = ImportOutcome()
    _create(session, config, [(o, r) for o, r in candidates], outcome, actor)
    outcome.flush_keys(session)
    allocate_new_orders(session, outcome.created, actor=actor)
    numbers = session.scalars(select(Order.number).where(Order.id.in_(outcome.created)))
    return sorted(numbers)


def resolve_platform_skus(session: Session, channel_id: int, client_id: int,
                          platform_skus: Iterable[str]) -> dict[str, int]:
    """Platform SKU -> warehouse SKU id: explicit mappings first, then the client's codes."""
    return _resolve_skus(session, channel_id, client_id, platform_skus)[0]


def _resolve_skus(session: Session, channel_id: int, client_id: int,
                  platform_skus: Iterable[str]) -> tuple[dict[str, int], set[str]]:
    """Like ``resolve_platform_skus``; also says which SKUs already have a mapping row."""
    wanted = sorted(set(platform_skus))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        found.update(session.execute(
            select(SkuMapping.platform_sku, SkuMapping.sku_id)
            .where(SkuMapping.channel_id == channel_id, SkuMapping.platform_sku.in_(chunk))
        ).all())
    mapped = set(found)
    rest = [s for s in wanted if s not in found]
    if rest:
        found.update(resolve_skus(session, client_id, rest))
    return found, mapped


def _create(session: Session, config: ChannelConfig,
            items: Sequence[tuple[PlatformOrder, ChannelOrder | None]],
            outcome: ImportOutcome, actor: Actor) -> None:
    """Make warehouse orders of releasable platform orders; hold what cannot be made."""
    skus, mapped = _resolve_skus(session, config.id, config.client_id,
                                 {ln.sku for o, _ in items for ln in o.order.lines})
    _remember_auto_mappings(session, config.id, {s: i for s, i in skus.items()
                                                 if s not in mapped})
    drafts: list[IncomingOrder] = []
    pending: list[tuple[PlatformOrder, ChannelOrder | None, str]] = []
    used = _numbers_in_use(session, config, [o for o, _ in items])
    for order, row in items:
        problem = _problem(order, skus)
        if problem == NO_ADDRESS_REASON and order.address_withheld:
            problem = None  # made without name and street, then held (below)
        number = _free_number(config, order, used) if problem is None else None
        if number is None:
            was_held = row is not None and row.held_reason is not None
            _record(outcome, config.id, row, order, order_id=None,
                    held=problem or NUMBER_TAKEN_REASON, keep_payload=True)
            if not was_held:
                outcome.counts.held += 1
            continue
        used.add(number)
        drafts.append(_warehouse_order(order, number, skus))
        pending.append((order, row, number))
    if not drafts:
        return
    ids = insert_orders(session, config.client_id, drafts,
                        {str(i): i for i in set(skus.values())}, actor=actor)
    for order, row, number in pending:
        order_id = ids[number]
        _record(outcome, config.id, row, order, order_id=order_id, held=None, keep_payload=False)
        outcome.created.append(order_id)
        outcome.created_external.append(order.external_id)
        outcome.counts.new += 1
        if order.address_withheld:
            hold_order(session, order_id, actor=actor, reason=ADDRESS_WITHHELD_REASON)
            outcome.counts.held += 1


def _problem(order: PlatformOrder, skus: Mapping[str, int]) -> str | None:
    missing = sorted({ln.sku for ln in order.order.lines if ln.sku not in skus})
    if missing:
        return (UNMAPPED_PREFIX + ", ".join(missing))[:300]
    ship = order.order.ship_to
    if (not ship.address1.strip() or not ship.city.strip()
            or len(ship.state.strip()) != 2 or not ship.zip.strip() or len(ship.zip) > 10
            or len(ship.country or "US") != 2 or not order.order.lines):
        return NO_ADDRESS_REASON
    if ship.country in ("", "US") and not zip_in_state(ship.zip, ship.state.upper()):
        return ZIP_STATE_REASON
    return None


def _number(config: ChannelConfig, order: PlatformOrder, variant: int) -> str:
    """The order number: the platform's, else prefixed by the store when another has it."""
    if variant == 0:
        return order.order.number[:64]
    if variant == 1:
        return f"{config.name}-{order.order.number}"[:64]
    return f"{config.name}-{order.external_id}"[:64]


def _numbers_in_use(session: Session, config: ChannelConfig,
                    orders: Sequence[PlatformOrder]) -> set[str]:
    """The client's order numbers among those ``_free_number`` may pick for ``orders``.

    The platform's own numbers first; the store-prefixed ones only for orders whose
    number is taken or repeats in the page (rare: one query instead of two per page).
    """
    client = config.client_id
    own = Counter(_number(config, o, 0) for o in orders)
    used = set(existing_order_ids(session, client, own))
    clashing = [o for o in orders if (n := _number(config, o, 0)) in used or own[n] > 1]
    if clashing:
        used.update(existing_order_ids(
            session, client, {_number(config, o, k) for o in clashing for k in (1, 2)}))
    return used


def _free_number(config: ChannelConfig, order: PlatformOrder, used: set[str]) -> str | None:
    for variant in range(3):
        number = _number(config, order, variant)
        if number not in used:
            return number
    return None


def _warehouse_order(order: PlatformOrder, number: str,
                     skus: Mapping[str, int]) -> IncomingOrder:
    """The order the warehouse makes of a platform order: the buyer fills in what the
    ship-to leaves out, texts are cut to the columns, one line per warehouse SKU (its id
    as text, the key :func:`insert_orders` is given)."""
    ship, buyer = order.order.ship_to, order.buyer
    # one line per SKU and price: a line split to keep its total exact stays split
    merged: dict[tuple[int, Decimal | None, str], int] = {}
    for ln in order.order.lines:
        key = (skus[ln.sku], ln.unit_price, (ln.currency or order.currency or "USD")[:3])
        merged[key] = merged.get(key, 0) + ln.quantity
    return order.order._replace(
        number=number,
        ship_to=ShipTo(
            name=(ship.name or buyer.name or "?")[:200], company=ship.company[:200],
            address1=ship.address1[:200], address2=ship.address2[:200], city=ship.city[:100],
            state=ship.state.upper(), zip=ship.zip, country=ship.country,
            phone=(ship.phone or buyer.phone)[:40], email=buyer.email[:200],
        ),
        lines=tuple(OrderLine(str(i), q, p, c) for (i, p, c), q in merged.items()),
    )


def _remember_auto_mappings(session: Session, channel_id: int, skus: Mapping[str, int]) -> None:
    """SKUs matched by code (``skus``: those without a mapping row) become mappings, so
    stock pushes cover them too."""
    new = [{"channel_id": channel_id, "platform_sku": s, "sku_id": i, "auto": True,
            "created_at": utcnow()} for s, i in skus.items()]
    if new:
        stmt = dialect_insert(session)(SkuMapping).on_conflict_do_nothing(
            index_elements=["channel_id", "platform_sku"])
        session.execute(stmt, new)


def _record(outcome: ImportOutcome, channel_id: int, row: ChannelOrder | None,
            order: PlatformOrder,
            *, order_id: int | None, held: str | None, keep_payload: bool) -> None:
    """Insert or update the (channel, external id) key row."""
    payload = order_to_json(order) if keep_payload else None
    if row is None:
        outcome.new_keys.append((
            channel_id, order.external_id, order.order.number[:100], order_id, order.updated_at,
            order.platform_status[:100], order.status.value, content_digest(order), held,
            payload))
        return
    row.number, row.platform_updated_at = order.order.number[:100], order.updated_at
    row.platform_status, row.status = order.platform_status[:100], order.status.value
    row.held_reason, row.payload = held, payload
    row.content_hash, row.updated_at = content_digest(order), utcnow()
    if order_id is not None:
        row.order_id = order_id


def _update_existing(session: Session, row: ChannelOrder, order: PlatformOrder,
                     outcome: ImportOutcome, config: ChannelConfig, actor: Actor) -> None:
    """A newer platform version of an order we already made."""
    assert row.order_id is not None
    current = session.get(Order, row.order_id)
    _record(outcome, config.id, row, order, order_id=None, held=None, keep_payload=False)
    if current is None:
        return
    session.refresh(current)
    status = OrderStatus(current.status)
    before_pick = status in _BEFORE_PICKING or (
        status == OrderStatus.ON_HOLD
        and status_before_hold(session, current.id) in _BEFORE_PICKING
    )
    counts = outcome.counts
    if order.status == PlatformStatus.CANCELLED:
        if status == OrderStatus.CANCELLED or status in _SHIPPED_STATES:
            counts.updated += 1
        elif before_pick:
            cancel_order(session, current.id, actor=actor, reason=CANCELLED_REASON)
            counts.cancelled += 1
        else:
            _intercept(session, current, status, INTERCEPT_REASON, actor)
            counts.held += 1
        return
    if order.status in (PlatformStatus.SHIPPED, PlatformStatus.DELIVERED):
        if status in _SHIPPED_STATES or status == OrderStatus.CANCELLED:
            counts.updated += 1
        else:
            _intercept(session, current, status, SHIPPED_ELSEWHERE_REASON, actor)
            counts.held += 1
        return
    if order.status == PlatformStatus.ON_HOLD and before_pick and status != OrderStatus.ON_HOLD:
        hold_order(session, current.id, actor=actor, reason=PLATFORM_HOLD_REASON)
        counts.held += 1
        return
    if (order.status in _RELEASABLE and status == OrderStatus.ON_HOLD
            and current.hold_reason == PLATFORM_HOLD_REASON):
        release_order(session, current.id, actor=actor)
        session.refresh(current)
        status = OrderStatus(current.status)
    counts.updated += 1
    if before_pick:
        _update_content(session, config, current, status, order, actor)
        if (current.hold_reason == ADDRESS_WITHHELD_REASON and not order.address_withheld
                and current.address1):  # the address came after all (role granted)
            session.flush()
            release_order(session, current.id, actor=actor)


def _intercept(session: Session, order: Order, status: OrderStatus, reason: str,
               actor: Actor) -> None:
    """Stop an order the warehouse already works on, so the pack station catches it."""
    if status == OrderStatus.ON_HOLD:
        order.hold_reason = reason
        return
    hold_order(session, order.id, actor=actor, reason=reason)


def _update_content(session: Session, config: ChannelConfig, current: Order,
                    status: OrderStatus, order: PlatformOrder, actor: Actor) -> None:
    """Bring address and lines up to date while nothing has been picked."""
    ship = order.order.ship_to
    if ship.address1 and len(ship.state) == 2 and ship.zip:
        current.buyer_name = (ship.name or order.buyer.name or current.buyer_name)[:200]
        current.company = ship.company[:200] or None
        current.address1, current.address2 = ship.address1[:200], ship.address2[:200] or None
        current.city, current.state, current.zip = ship.city[:100], ship.state.upper(), ship.zip
        current.country = ship.country or current.country
        current.phone = (ship.phone or order.buyer.phone or current.phone or "")[:40] or None
    skus = resolve_platform_skus(session, config.id, config.client_id,
                                 {ln.sku for ln in order.order.lines})
    if any(ln.sku not in skus for ln in order.order.lines) or not order.order.lines:
        return
    wanted: dict[int, int] = {}
    for ln in order.order.lines:
        wanted[skus[ln.sku]] = wanted.get(skus[ln.sku], 0) + ln.quantity
    existing = list(session.scalars(
        select(OrderLineRow).where(OrderLineRow.order_id == current.id)
        .order_by(OrderLineRow.line_no)))
    have: dict[int, int] = {}
    for line in existing:
        have[line.sku_id] = have.get(line.sku_id, 0) + line.quantity
    if have == wanted:
        return
    if status in (OrderStatus.NEW, OrderStatus.BACKORDERED):
        new_lines = _warehouse_order(order, current.number, skus).lines
        for line in existing:
            session.delete(line)
        session.flush()
        for n, new in enumerate(new_lines, start=1):
            session.add(OrderLineRow(order_id=current.id, line_no=n, sku_id=int(new.sku),
                                     quantity=new.quantity, unit_price=new.unit_price,
                                     currency=new.currency))
        session.flush()
        return
    if status == OrderStatus.ALLOCATED:
        hold_order(session, current.id, actor=actor, reason=LINES_CHANGED_REASON)
    else:
        current.hold_reason = LINES_CHANGED_REASON


# --- normalised order <-> JSON (kept for held orders) -------------------------------------------


def content_digest(order: PlatformOrder) -> str:
    """A digest of what the warehouse takes from an order (not its timestamps)."""
    ship = order.order.ship_to
    content = [
        order.status.value, order.order.number, order.buyer.name, order.buyer.email,
        order.buyer.phone,
        None if ship.missing else [ship.name, ship.company, ship.address1, ship.address2,
                                   ship.city, ship.state, ship.zip, ship.country, ship.phone],
        [[ln.sku, ln.quantity, str(ln.unit_price), ln.currency] for ln in order.order.lines],
    ]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()[:32]


def order_to_json(order: PlatformOrder) -> str:
    """The order as kept for a held order (the shape of the stored payloads: keep it)."""
    ship, placed = order.order.ship_to, order.order.order_date
    return json.dumps({
        "platform": order.platform.value, "store": order.store,
        "external_id": order.external_id, "number": order.order.number,
        "created_at": None if placed is None else placed.isoformat(),
        "updated_at": order.updated_at.isoformat(),
        "platform_status": order.platform_status, "status": order.status.value,
        "buyer": {"name": order.buyer.name, "email": order.buyer.email,
                  "phone": order.buyer.phone},
        "ship_to": None if ship.missing else {k: getattr(ship, k) for k in _SHIP_TO_KEYS},
        "lines": [{"sku": ln.sku, "quantity": ln.quantity,
                   "unit_price": None if ln.unit_price is None else str(ln.unit_price),
                   "currency": ln.currency, "title": ln.title} for ln in order.order.lines],
        "currency": order.currency,
        **({"address_withheld": True} if order.address_withheld else {}),
    }, ensure_ascii=False)


#: The ship-to fields a payload keeps (platforms give no recipient e-mail; the buyer's is kept).
_SHIP_TO_KEYS = ("name", "company", "address1", "address2", "city", "state", "zip", "country",
                 "phone")


def order_from_json(text: str) -> PlatformOrder:
    """Read what :func:`order_to_json` wrote."""
    raw = json.loads(text)
    ship = raw.get("ship_to")
    platform = Platform(raw["platform"])
    placed = raw.get("created_at")
    return PlatformOrder(
        platform=platform, store=raw["store"], external_id=raw["external_id"],
        updated_at=datetime.fromisoformat(raw["updated_at"]),
        platform_status=raw["platform_status"], status=PlatformStatus(raw["status"]),
        buyer=Buyer(**raw.get("buyer", {})),
        order=IncomingOrder(
            number=raw["number"],
            ship_to=ShipTo() if ship is None else ShipTo(**ship),
            lines=tuple(
                OrderLine(ln["sku"], int(ln["quantity"]),
                          None if ln["unit_price"] is None else Decimal(ln["unit_price"]),
                          ln["currency"], ln.get("title", ""))
                for ln in raw.get("lines", [])),
            order_date=None if placed is None else datetime.fromisoformat(placed),
            source=platform.value,
        ),
        currency=raw.get("currency", ""),
        address_withheld=bool(raw.get("address_withheld", False)),
    )
