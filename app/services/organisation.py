"""Clients (sellers), warehouses, bins and SKUs: creating and listing them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Sku, Warehouse
from app.domain.address import normalize_state, normalize_zip
from app.domain.errors import AlreadyExists, InvalidValue
from app.domain.ids import BinId, ClientId, SkuId, WarehouseId
from app.domain.states import BinType, Region
from app.services.audit import record_audit
from app.services.dto import BinInfo, ClientInfo, SkuInfo, WarehouseInfo
from app.services.lookup import client_by_code, warehouse_by_code

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")
#: Aisle-bay-level-position, e.g. A-01-02-03; other shapes are allowed for staging etc.
BIN_CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")


def _code(value: str, field: str) -> str:
    code = value.strip().upper()
    if not _CODE.match(code):
        raise InvalidValue(field=field, problem=f"'{value}' is not a valid code (A-Z, 0-9, - _)")
    return code


def create_client(
    session: Session, code: str, name: str, *, actor: str, contact_email: str | None = None
) -> ClientInfo:
    code = _code(code, "client code")
    if session.scalar(select(Client.id).where(Client.code == code)) is not None:
        raise AlreadyExists(kind="Client", key=code)
    if not name.strip():
        raise InvalidValue(field="client name", problem="must not be empty")
    client = Client(code=code, name=name.strip(), contact_email=contact_email, active=True)
    session.add(client)
    session.flush()
    record_audit(session, actor, "create", "client", client.id, code=code)
    return _client_info(client)


def list_clients(session: Session) -> list[ClientInfo]:
    return [_client_info(c) for c in session.scalars(select(Client).order_by(Client.code))]


def _client_info(c: Client) -> ClientInfo:
    return ClientInfo(ClientId(c.id), c.code, c.name, c.active)


@dataclass(frozen=True)
class WarehouseDraft:
    code: str
    name: str
    region: Region
    time_zone: str
    address1: str
    city: str
    state: str
    zip: str
    address2: str | None = None
    phone: str | None = None


def create_warehouse(session: Session, draft: WarehouseDraft, *, actor: str) -> WarehouseInfo:
    code = _code(draft.code, "warehouse code")
    if session.scalar(select(Warehouse.id).where(Warehouse.code == code)) is not None:
        raise AlreadyExists(kind="Warehouse", key=code)
    state = normalize_state(draft.state)
    if state is None:
        raise InvalidValue(field="state", problem=f"'{draft.state}' is not a US state")
    zip_code = normalize_zip(draft.zip)
    if zip_code is None:
        raise InvalidValue(field="zip", problem=f"'{draft.zip}' is not a US ZIP code")
    for field, value in (("name", draft.name), ("address", draft.address1), ("city", draft.city)):
        if not value.strip():
            raise InvalidValue(field=field, problem="must not be empty")
    wh = Warehouse(
        code=code,
        name=draft.name.strip(),
        region=Region(draft.region).value,
        time_zone=draft.time_zone,
        address1=draft.address1.strip(),
        address2=draft.address2,
        city=draft.city.strip(),
        state=state,
        zip=zip_code,
        country="US",
        phone=draft.phone,
    )
    session.add(wh)
    session.flush()
    record_audit(session, actor, "create", "warehouse", wh.id, code=code)
    return _warehouse_info(wh)


def list_warehouses(session: Session) -> list[WarehouseInfo]:
    return [_warehouse_info(w) for w in session.scalars(select(Warehouse).order_by(Warehouse.code))]


def _warehouse_info(w: Warehouse) -> WarehouseInfo:
    return WarehouseInfo(
        WarehouseId(w.id), w.code, w.name, w.region, w.time_zone, w.address1, w.city, w.state,
        w.zip,
    )


@dataclass(frozen=True)
class BinDraft:
    code: str
    bin_type: BinType
    aisle: int = 0
    position: int = 0
    level: int = 0


def create_bins(
    session: Session, warehouse_code: str, drafts: list[BinDraft], *, actor: str
) -> int:
    """Create many bins at once (a new aisle is dozens); all or none."""
    wh = warehouse_by_code(session, warehouse_code)
    existing = set(session.scalars(select(Bin.code).where(Bin.warehouse_id == wh.id)))
    rows = []
    for d in drafts:
        code = d.code.strip().upper()
        if not BIN_CODE.match(code):
            raise InvalidValue(field="bin code", problem=f"'{d.code}' is not a valid bin code")
        if code in existing:
            raise AlreadyExists(kind="Bin", key=f"{wh.code}/{code}")
        existing.add(code)
        rows.append(
            Bin(
                warehouse_id=wh.id, code=code, bin_type=BinType(d.bin_type).value,
                aisle=d.aisle, position=d.position, level=d.level, active=True,
            )
        )
    session.add_all(rows)
    session.flush()
    record_audit(session, actor, "create_bins", "warehouse", wh.id, count=len(rows))
    return len(rows)


def list_bins(session: Session, warehouse_code: str | None = None) -> list[BinInfo]:
    stmt = select(Bin, Warehouse.code).join(Warehouse, Bin.warehouse_id == Warehouse.id)
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    stmt = stmt.order_by(Warehouse.code, Bin.code)
    return [
        BinInfo(BinId(b.id), wc, b.code, b.bin_type, b.aisle, b.position, b.level, b.active)
        for b, wc in session.execute(stmt)
    ]


@dataclass(frozen=True)
class SkuDraft:
    code: str
    name_en: str
    name_zh: str | None = None
    upc: str | None = None
    ean: str | None = None
    fnsku: str | None = None
    weight_g: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    prepacked: bool = False


def create_sku(session: Session, client_code: str, draft: SkuDraft, *, actor: str) -> SkuInfo:
    client = client_by_code(session, client_code)
    code = draft.code.strip()
    if not code or len(code) > 64:
        raise InvalidValue(field="SKU", problem="must be 1 to 64 characters")
    if session.scalar(select(Sku.id).where(Sku.client_id == client.id, Sku.code == code)):
        raise AlreadyExists(kind="SKU", key=f"{client.code}/{code}")
    for field, value in (
        ("weight", draft.weight_g), ("length", draft.length_mm),
        ("width", draft.width_mm), ("height", draft.height_mm),
    ):
        if value < 0:
            raise InvalidValue(field=field, problem="must not be negative")
    sku = Sku(
        client_id=client.id, code=code, name_en=draft.name_en.strip(), name_zh=draft.name_zh,
        upc=draft.upc, ean=draft.ean, fnsku=draft.fnsku, weight_g=draft.weight_g,
        length_mm=draft.length_mm, width_mm=draft.width_mm, height_mm=draft.height_mm,
        prepacked=draft.prepacked, active=True,
    )
    session.add(sku)
    session.flush()
    record_audit(session, actor, "create", "sku", sku.id, code=code, client=client.code)
    return sku_info(sku, client.code)


def list_skus(session: Session, client_code: str | None = None) -> list[SkuInfo]:
    stmt = select(Sku, Client.code).join(Client, Sku.client_id == Client.id)
    if client_code:
        stmt = stmt.where(Client.id == client_by_code(session, client_code).id)
    return [sku_info(s, cc) for s, cc in session.execute(stmt.order_by(Client.code, Sku.code))]


def sku_info(s: Sku, client_code: str) -> SkuInfo:
    return SkuInfo(
        SkuId(s.id), client_code, s.code, s.name_en, s.name_zh, s.upc, s.ean, s.fnsku,
        s.weight_g, s.length_mm, s.width_mm, s.height_mm, s.prepacked,
    )
