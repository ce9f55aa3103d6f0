"""The demo warehouse: a realistic, deterministic day at a small US overseas warehouse.

Same seed and same day give the same data. Everything goes through the real
services (clients, bins, SKUs, receipts into the ledger, orders, allocation), so
the demo also exercises the code paths a real warehouse uses.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Warehouse
from app.domain.errors import AlreadyExists
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor, Permission, require
from app.domain.states import BinType, OrderStatus, Region, Role
from app.services import demo_data as data
from app.services.allocation import allocatable_order_ids
from app.services.batch_allocation import ALLOCATION_BATCH, allocate_orders
from app.services.demo_boxes import add_demo_boxes
from app.services.inventory import receive_stock
from app.services.layout import set_layout
from app.services.orders import cancel_order, create_order, hold_order
from app.services.organisation import (
    BinDraft,
    WarehouseDraft,
    create_bins,
    create_client,
    create_warehouse,
)
from app.services.run import run_write
from app.services.skus import SkuDraft, create_sku
from app.services.users import count_users, create_user

DEMO_PASSWORD = "demo1234"
LEVELS, POSITIONS = 3, 2


@dataclass(frozen=True)
class DemoFloor:
    """A demo warehouse's racking and its pick-route layout: ``aisles`` lettered aisles of
    ``bays`` bays (two positions each, three levels: level 1 is the pick face), cross
    aisles every ``block_length`` positions, carts starting at the front of aisle 1."""

    aisles: str
    bays: int
    aisle_pitch_m: float
    bin_pitch_m: float
    block_length: int

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoOptions:
    orders: int = 2000
    seed: int = 1
    today: date = field(default_factory=lambda: datetime.now(UTC).date())


@dataclass(frozen=True)
class DemoReport:
    warehouses: int
    bins: int
    clients: int
    skus: int
    orders: int
    allocated: int
    backordered: int
    users: tuple[str, ...]
    password: str | None


#: Two mid-sized floors: 10 aisles × 40 positions and 8 × 48, a cross aisle half-way.
FLOORS = {
    "LA1": DemoFloor("ABCDEFGHJK", 20, aisle_pitch_m=2.8, bin_pitch_m=1.1, block_length=20),
    "NJ1": DemoFloor("ABCDEFGH", 24, aisle_pitch_m=3.0, bin_pitch_m=1.0, block_length=24),
}

WAREHOUSES = [
    WarehouseDraft("LA1", "Los Angeles (Ontario, CA)", Region.WEST, "America/Los_Angeles",
                   "4100 E Mission Blvd", "Ontario", "CA", "91761", phone="909-555-0142"),
    WarehouseDraft("NJ1", "New Jersey (Edison, NJ)", Region.EAST, "America/New_York",
                   "300 Raritan Center Pkwy", "Edison", "NJ", "08837", phone="732-555-0199"),
]


def load_demo(
    db: Database, options: DemoOptions, *, actor: Actor, progress: Progress | None = None
) -> DemoReport:
    """Load the demo into an empty database, all of it or - if stopped - nothing.

    It is one transaction, so a demo killed half-way leaves the database empty and the
    next one simply runs. 2,000 orders take about as long and as much memory as when
    the demo committed in stages (measured: ~35 s and ~135 MB on SQLite, ~55 s and
    ~145 MB on PostgreSQL, on a busy 2-core machine).
    """
    require(actor, Permission.MANAGE_MASTER_DATA)
    report = progress or (lambda _stage, _done, _total: None)
    return run_write(db, _load, options, actor, report)


def _load(s: Session, options: DemoOptions, actor: Actor, report: Progress) -> DemoReport:
    rng = random.Random(options.seed)
    if s.scalar(select(func.count(Warehouse.id))):
        raise AlreadyExists(
            kind="Warehouse data", key="in this database (the demo needs an empty one)"
        )
    report("setup", 0, 1)
    bins = 0
    for w in WAREHOUSES:
        create_warehouse(s, w, actor=actor)
        bins += create_bins(s, w.code, _bin_drafts(FLOORS[w.code]), actor=actor)
        floor = FLOORS[w.code]
        set_layout(s, w.code, aisle_pitch_m=floor.aisle_pitch_m,
                   bin_pitch_m=floor.bin_pitch_m, block_length=floor.block_length,
                   depot_aisle=1, actor=actor)
    skus = _create_catalog(s, rng, actor)
    add_demo_boxes(s, actor=actor)
    users: tuple[str, ...] = ()
    if count_users(s) == 0:
        for name, role in (("admin", Role.ADMIN), ("clerk", Role.CLERK),
                           ("packer", Role.PACKER), ("picker", Role.PICKER)):
            create_user(s, name, DEMO_PASSWORD, role, actor=actor,
                        display_name=name.capitalize())
        users = ("admin", "clerk", "packer", "picker")
    report("setup", 1, 1)
    weights = _popularity(rng, skus)
    _receive_stock(s, rng, skus, weights, options.orders, actor, report)
    _create_orders(s, rng, skus, weights, options, actor, report)
    s.flush()
    ids = allocatable_order_ids(s)
    allocated = backordered = 0
    for i in range(0, len(ids), ALLOCATION_BATCH):
        for result in allocate_orders(s, ids[i:i + ALLOCATION_BATCH], actor=actor):
            allocated += result.status == OrderStatus.ALLOCATED
            backordered += result.status == OrderStatus.BACKORDERED
        report("allocate", i, len(ids))
    report("allocate", len(ids), len(ids))
    _hold_and_cancel_a_few(s, rng, ids, actor)
    return DemoReport(
        len(WAREHOUSES), bins, len(data.CLIENTS), len(skus), options.orders, allocated,
        backordered, users, DEMO_PASSWORD if users else None,
    )


def _bin_drafts(floor: DemoFloor) -> list[BinDraft]:
    drafts = []
    for a, aisle in enumerate(floor.aisles, start=1):
        for bay in range(1, floor.bays + 1):
            for level in range(1, LEVELS + 1):
                for pos in range(1, POSITIONS + 1):
                    drafts.append(BinDraft(
                        f"{aisle}-{bay:02d}-{level:02d}-{pos:02d}",
                        BinType.PICK if level == 1 else BinType.STORAGE,
                        aisle=a, position=(bay - 1) * POSITIONS + pos, level=level,
                    ))
    drafts += [BinDraft(f"STAGE-{i:02d}", BinType.STAGING) for i in range(1, 5)]
    drafts += [BinDraft(f"RCV-{i:02d}", BinType.RECEIVING) for i in range(1, 3)]
    drafts += [BinDraft("RET-01", BinType.RETURNS), BinDraft("DMG-01", BinType.DAMAGED)]
    return drafts


@dataclass(frozen=True)
class _Sku:
    client: str
    code: str
    weight_g: int
    price: Decimal


def _create_catalog(s: Session, rng: random.Random, actor: Actor) -> list[_Sku]:
    skus = []
    for code, name, email, prefix, products in data.CLIENTS:
        create_client(s, code, name, actor=actor, contact_email=email)
        for p, (en, zh, grams, (ln, wd, ht)) in enumerate(products, start=1):
            for v, (ven, vzh) in enumerate(zip(data.VARIANTS_EN, data.VARIANTS_ZH, strict=True)):
                sku_code = f"{prefix}-{p:02d}{v:02d}-{ven[:3].upper()}"
                barcodes: tuple[str, ...] = (_upc(rng),)
                if rng.random() < 0.4:
                    barcodes += (f"X00{rng.randrange(36**7):07X}"[:10],)
                draft = SkuDraft(
                    sku_code, f"{en} - {ven}", f"{zh} {vzh}", barcodes,
                    weight_g=grams + rng.randrange(0, 20), length_mm=ln, width_mm=wd,
                    height_mm=ht, prepacked=rng.random() < 0.25,
                )
                create_sku(s, code, draft, actor=actor)
                price = Decimal(rng.randrange(699, 4999)) / 100
                skus.append(_Sku(code, sku_code, draft.weight_g, price))
    return skus


def _upc(rng: random.Random) -> str:
    body = [rng.randrange(10) for _ in range(11)]
    check = (10 - (3 * sum(body[0::2]) + sum(body[1::2])) % 10) % 10
    return "".join(map(str, body)) + str(check)


def _popularity(rng: random.Random, skus: list[_Sku]) -> list[float]:
    """Long-tailed demand: a few best sellers, many slow movers."""
    ranks = list(range(1, len(skus) + 1))
    rng.shuffle(ranks)
    return [1.0 / r**0.8 for r in ranks]


def _receive_stock(
    s: Session, rng: random.Random, skus: list[_Sku], weights: list[float], orders: int,
    actor: Actor, report: Progress,
) -> None:
    total_w = sum(weights)
    units_per_order = 2.6
    floors = {code: _bin_drafts(floor) for code, floor in FLOORS.items()}
    pick_bins = {code: [b for b in drafts if b.bin_type == BinType.PICK]
                 for code, drafts in floors.items()}
    store_bins = {code: [b for b in drafts if b.bin_type == BinType.STORAGE]
                  for code, drafts in floors.items()}
    for i, (sku, w) in enumerate(zip(skus, weights, strict=True)):
        demand = orders * units_per_order * w / total_w
        factor = 0.4 if rng.random() < 0.08 else 1.4
        for wh, share in (("LA1", 0.45), ("NJ1", 0.55)):
            qty = max(2, round(demand * share * factor))
            pick_qty = max(1, qty * 2 // 5)
            ref = f"ASN-{wh}-{1000 + i // 25}"
            # Pick faces spread over the whole floor, each SKU its own; overstock above.
            face = pick_bins[wh][i * len(pick_bins[wh]) // len(skus)]
            receive_stock(s, client_code=sku.client, sku_code=sku.code, warehouse_code=wh,
                          bin_code=face.code, quantity=pick_qty, actor=actor, reference=ref)
            if qty > pick_qty:
                receive_stock(s, client_code=sku.client, sku_code=sku.code, warehouse_code=wh,
                              bin_code=store_bins[wh][(i * 7) % len(store_bins[wh])].code,
                              quantity=qty - pick_qty, actor=actor, reference=ref)
        if i % 30 == 0:
            report("stock", i, len(skus))


def _create_orders(
    s: Session, rng: random.Random, skus: list[_Sku], weights: list[float],
    options: DemoOptions, actor: Actor, report: Progress,
) -> None:
    states = [st for st, _pop, _c in data.STATES]
    state_w = [pop for _st, pop, _c in data.STATES]
    cities = {st: c for st, _pop, c in data.STATES}
    by_client: dict[str, list[int]] = {}
    for i, sku in enumerate(skus):
        by_client.setdefault(sku.client, []).append(i)
    clients = [c[0] for c in data.CLIENTS]
    levels = [lv for lv, _ in data.SERVICE_LEVELS]
    level_w = [w for _, w in data.SERVICE_LEVELS]
    counters = dict.fromkeys(clients, 0)
    for n in range(options.orders):
        client = rng.choices(clients, weights=[5, 3, 2])[0]
        counters[client] += 1
        idx = by_client[client]
        n_lines = rng.choices([1, 2, 3, 4], weights=[55, 25, 12, 8])[0]
        chosen: set[int] = set()
        while len(chosen) < n_lines:
            chosen.add(rng.choices(idx, weights=[weights[i] for i in idx])[0])
        lines = tuple(
            OrderLine(skus[i].code, rng.choices([1, 2, 3], weights=[75, 18, 7])[0],
                      skus[i].price)
            for i in sorted(chosen)
        )
        state = rng.choices(states, weights=state_w)[0]
        city, zip_code = rng.choice(cities[state])
        day = options.today - timedelta(days=rng.choices(range(1, 15), weights=range(14, 0, -1))[0])
        placed = datetime.combine(day, time(rng.randrange(24), rng.randrange(60),
                                            rng.randrange(60)), UTC)
        name = f"{rng.choice(data.FIRST_NAMES)} {rng.choice(data.LAST_NAMES)}"
        create_order(s, client, IncomingOrder(
            number=_order_number(rng, client, counters[client]),
            ship_to=ShipTo(
                name=name,
                company=rng.choice(data.COMPANIES) if rng.random() < 0.06 else "",
                address1=f"{rng.randrange(1, 9999)} {rng.choice(data.STREETS)} "
                         f"{rng.choice(data.STREET_TYPES)}",
                address2=rng.choice(data.UNITS) if rng.random() < 0.2 else "",
                city=city, state=state, zip=zip_code, country="US",
                phone=f"{rng.randrange(201, 989)}-555-{rng.randrange(10000):04d}",
                email=f"{name.split()[0].lower()}.{rng.randrange(100, 999)}@example.com",
            ),
            lines=lines,
            order_date=placed,
            ship_by=placed + timedelta(days=2),
            service_level=rng.choices(levels, weights=level_w)[0],
            source="demo",
        ), actor=actor)
        if n % 100 == 0:
            report("orders", n, options.orders)
    report("orders", options.orders, options.orders)


def _order_number(rng: random.Random, client: str, n: int) -> str:
    """Numbers shaped like the seller's platform: Amazon, Shopify or TikTok Shop."""
    if client == "SZTECH":
        return f"11{rng.randrange(1, 5)}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
    if client == "YWHOME":
        return f"#HH{1000 + n}"
    return f"57{rng.randrange(10**16):016d}"


def _hold_and_cancel_a_few(s: Session, rng: random.Random, ids: list[int], actor: Actor) -> None:
    """A real order book has a few problems: address checks on hold, buyer cancellations."""
    sample = rng.sample(ids, k=min(len(ids), max(2, len(ids) // 100)))
    for i, oid in enumerate(sample):
        if i % 2 == 0:
            hold_order(s, oid, actor=actor, reason="Address check: apartment missing")
        else:
            cancel_order(s, oid, actor=actor, reason="Buyer cancelled")
