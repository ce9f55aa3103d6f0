"""Clients (sellers), warehouses and bins: the master data a warehouse sets up on day one.

Every change checks the acting user's role and leaves an audit entry; bad input raises a
:class:`~app.domain.errors.DomainError` before anything is written, so a refused call
changes nothing. Bin codes made by :func:`create_bin_range` follow one scheme,
``AISLE-POSITION-LEVEL`` (``A-07-02``: aisle A, position 7, level 2), documented at
:func:`range_bin_code`; bins added one by one or imported may use any code of letters,
digits and hyphens (``STAGE-01``, the demo's aisle-bay-level-position ``A-01-02-03``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Reservation, Sku, StockBalance, Warehouse
from app.domain.address import normalize_state, normalize_zip
from app.domain.errors import QT_TRANSLATE_NOOP, AlreadyExists, DomainError, InvalidValue
from app.domain.ids import BinId, ClientId, WarehouseId
from app.domain.permissions import Actor, Permission, require
from app.domain.states import BinType, Region
from app.services.audit import record_audit
from app.services.dto import BinInfo, ClientInfo, WarehouseInfo, WarehouseLayout
from app.services.lookup import bin_by_code, client_by_code, warehouse_by_code

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")
#: Letters, digits and single hyphens: ``A-07-02``, ``STAGE-01``, ``A-01-02-03``.
BIN_CODE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CUTOFF = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
#: Bins one range may create: a long aisle is a few hundred; thousands is a typo.
MAX_RANGE_BINS = 2000
#: Business days to ship: more than a month is a typo, not a service level.
MAX_HANDLING_DAYS = 30
#: Bounds of a client's pack-station weight check: beyond them it checks nothing.
MAX_TOLERANCE_PCT = Decimal("50")
MAX_PACK_GRAMS = 5000

#: ISO 4217 codes in use (the seller's billing and declared-value currency).
_CURRENCY_LIST = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
"""
CURRENCIES = frozenset(_CURRENCY_LIST.split())


class InvalidEntry(DomainError):
    """A typed value that cannot be used, shown with the value so the user sees the typo."""

    code = "invalid_entry"
    template = QT_TRANSLATE_NOOP("errors", "{field}: '{value}' {problem}")


class ClientDisabled(DomainError):
    code = "client_disabled"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Client {client} is disabled: its open orders still ship, but no new orders are "
        "imported for it. Enable the client first.",
    )


class BinsExist(DomainError):
    code = "bins_exist"
    template = QT_TRANSLATE_NOOP(
        "errors", "{count} bin code(s) already exist in warehouse {warehouse}: {codes}"
    )


class BinNotEmpty(DomainError):
    code = "bin_not_empty"
    template = QT_TRANSLATE_NOOP(
        "errors", "Bin {bin} still holds stock ({stock}); move it out before disabling the bin."
    )


# Field names and fixed problems the services put into InvalidValue / InvalidEntry; listed
# so the GUI translates them (``error_text`` looks each parameter up in "errors").
FIELD_WORDS = (
    QT_TRANSLATE_NOOP("errors", "currency"),
    QT_TRANSLATE_NOOP("errors", "handling days"),
    QT_TRANSLATE_NOOP("errors", "e-mail"),
    QT_TRANSLATE_NOOP("errors", "time zone"),
    QT_TRANSLATE_NOOP("errors", "cut-off time"),
    QT_TRANSLATE_NOOP("errors", "region"),
    QT_TRANSLATE_NOOP("errors", "bin type"),
    QT_TRANSLATE_NOOP("errors", "aisle"),
    QT_TRANSLATE_NOOP("errors", "positions"),
    QT_TRANSLATE_NOOP("errors", "levels"),
    QT_TRANSLATE_NOOP("errors", "position"),
    QT_TRANSLATE_NOOP("errors", "level"),
    QT_TRANSLATE_NOOP("errors", "bin range"),
    QT_TRANSLATE_NOOP("errors", "default warehouse"),
    QT_TRANSLATE_NOOP("errors", "weight tolerance"),
    QT_TRANSLATE_NOOP("errors", "weight tolerance floor"),
    QT_TRANSLATE_NOOP("errors", "packing material"),
    QT_TRANSLATE_NOOP("errors", "capacity units"),
    QT_TRANSLATE_NOOP("errors", "capacity litres"),
)
_NOT_CODE = QT_TRANSLATE_NOOP("errors", "is not a valid code (letters A-Z, digits, - and _)")
_NOT_BIN_CODE = QT_TRANSLATE_NOOP("errors", "is not a valid bin code (letters, digits, hyphens)")
_NOT_CURRENCY = QT_TRANSLATE_NOOP("errors", "is not an ISO 4217 currency code such as USD")
_NOT_EMAIL = QT_TRANSLATE_NOOP("errors", "is not an e-mail address")
_NOT_DAYS = QT_TRANSLATE_NOOP("errors", "must be a whole number from 0 to 30")
_NOT_PCT = QT_TRANSLATE_NOOP("errors", "must be a percentage from 0 to 50")
_NOT_GRAMS = QT_TRANSLATE_NOOP("errors", "must be a whole number of grams from 0 to 5000")
_NOT_ZONE = QT_TRANSLATE_NOOP("errors", "is not a time zone such as America/Los_Angeles")
_NOT_CUTOFF = QT_TRANSLATE_NOOP("errors", "is not a time of day as HH:MM, such as 14:00")
_NOT_REGION = QT_TRANSLATE_NOOP("errors", "is not a region (US-West or US-East)")
_NOT_STATE = QT_TRANSLATE_NOOP("errors", "is not a US state")
_NOT_ZIP = QT_TRANSLATE_NOOP("errors", "is not a US ZIP code")
_NOT_BIN_TYPE = QT_TRANSLATE_NOOP(
    "errors", "is not a bin type (pick, storage, staging, receiving, returns, damaged)"
)
_NOT_AISLE = QT_TRANSLATE_NOOP("errors", "is not an aisle (letters such as A or AB, or a number)")
_NOT_SPAN = QT_TRANSLATE_NOOP("errors", "is not a range of whole numbers such as 1-20")
_NEGATIVE = QT_TRANSLATE_NOOP("errors", "must not be negative")
_CAPACITY = QT_TRANSLATE_NOOP("errors", "must be more than 0 (leave empty for no limit)")
_EMPTY = QT_TRANSLATE_NOOP("errors", "must not be empty")
_TOO_LONG_WAREHOUSE = QT_TRANSLATE_NOOP("errors", "must be at most 16 characters")
_TOO_MANY = QT_TRANSLATE_NOOP("errors", "makes more than 2000 bins; split it into smaller ranges")


def _code(value: str, field: str) -> str:
    code = value.strip().upper()
    if not _CODE.match(code):
        raise InvalidEntry(field=field, value=value, problem=_NOT_CODE)
    return code


def _text(value: str | None) -> str | None:
    """Optional free text: stripped, and empty means none."""
    text = (value or "").strip()
    return text or None


def _required(value: str, field: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidValue(field=field, problem=_EMPTY)
    return text


# --- clients ------------------------------------------------------------------------------


def check_currency(value: str) -> str:
    code = value.strip().upper()
    if code not in CURRENCIES:
        raise InvalidEntry(field="currency", value=value, problem=_NOT_CURRENCY)
    return code


def _email(value: str | None) -> str | None:
    text = _text(value)
    if text is not None and not _EMAIL.match(text):
        raise InvalidEntry(field="e-mail", value=text, problem=_NOT_EMAIL)
    return text


def _handling_days(value: int) -> int:
    if not 0 <= value <= MAX_HANDLING_DAYS:
        raise InvalidEntry(field="handling days", value=value, problem=_NOT_DAYS)
    return value


def _tolerance_pct(value: Decimal) -> Decimal:
    if not Decimal(0) <= value <= MAX_TOLERANCE_PCT:
        raise InvalidEntry(field="weight tolerance", value=str(value), problem=_NOT_PCT)
    return value.quantize(Decimal("0.01"))


def _grams(value: int, field: str) -> int:
    if not 0 <= value <= MAX_PACK_GRAMS:
        raise InvalidEntry(field=field, value=value, problem=_NOT_GRAMS)
    return value


def _default_warehouse_id(session: Session, code: str | None) -> int | None:
    if not (code or "").strip():
        return None
    return warehouse_by_code(session, str(code)).id


def create_client(
    session: Session,
    code: str,
    name: str,
    *,
    actor: Actor,
    contact_email: str | None = None,
    contact_name: str | None = None,
    contact_phone: str | None = None,
    currency: str = "USD",
    default_warehouse: str | None = None,
    include_packing_slip: bool = True,
    handling_days: int = 1,
    notes: str | None = None,
    weight_tolerance_pct: Decimal = Decimal("5"),
    weight_tolerance_floor_g: int = 28,
    packing_material_g: int = 0,
) -> ClientInfo:
    """A new seller; ``default_warehouse`` is a warehouse code (None: nearest with stock)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    code = _code(code, "client code")
    if session.scalar(select(Client.id).where(Client.code == code)) is not None:
        raise AlreadyExists(kind="Client", key=code)
    client = Client(
        code=code,
        name=_required(name, "client name"),
        contact_name=_text(contact_name),
        contact_email=_email(contact_email),
        contact_phone=_text(contact_phone),
        currency=check_currency(currency),
        default_warehouse_id=_default_warehouse_id(session, default_warehouse),
        include_packing_slip=include_packing_slip,
        handling_days=_handling_days(handling_days),
        notes=_text(notes),
        weight_tolerance_pct=_tolerance_pct(weight_tolerance_pct),
        weight_tolerance_floor_g=_grams(weight_tolerance_floor_g, "weight tolerance floor"),
        packing_material_g=_grams(packing_material_g, "packing material"),
        active=True,
    )
    session.add(client)
    session.flush()
    record_audit(session, actor, "create", "client", client.id, code=code)
    return _client_info(session, client)


def update_client(
    session: Session,
    code: str,
    *,
    actor: Actor,
    name: str | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
    contact_phone: str | None = None,
    currency: str | None = None,
    default_warehouse: str | None = None,
    include_packing_slip: bool | None = None,
    handling_days: int | None = None,
    notes: str | None = None,
    weight_tolerance_pct: Decimal | None = None,
    weight_tolerance_floor_g: int | None = None,
    packing_material_g: int | None = None,
) -> ClientInfo:
    """Change the fields given; ``None`` leaves a field alone, ``""`` clears an optional one."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    client = client_by_code(session, code)
    changed: dict[str, object] = {}

    def put(field: str, value: object) -> None:
        if getattr(client, field) != value:
            changed[field] = value
            setattr(client, field, value)

    if name is not None:
        put("name", _required(name, "client name"))
    if contact_name is not None:
        put("contact_name", _text(contact_name))
    if contact_email is not None:
        put("contact_email", _email(contact_email))
    if contact_phone is not None:
        put("contact_phone", _text(contact_phone))
    if currency is not None:
        put("currency", check_currency(currency))
    if default_warehouse is not None:
        put("default_warehouse_id", _default_warehouse_id(session, default_warehouse))
    if include_packing_slip is not None:
        put("include_packing_slip", include_packing_slip)
    if handling_days is not None:
        put("handling_days", _handling_days(handling_days))
    if notes is not None:
        put("notes", _text(notes))
    if weight_tolerance_pct is not None:
        put("weight_tolerance_pct", _tolerance_pct(weight_tolerance_pct))
    if weight_tolerance_floor_g is not None:
        put("weight_tolerance_floor_g",
            _grams(weight_tolerance_floor_g, "weight tolerance floor"))
    if packing_material_g is not None:
        put("packing_material_g", _grams(packing_material_g, "packing material"))
    if changed:
        session.flush()
        record_audit(session, actor, "update", "client", client.id, code=client.code,
                     fields=sorted(changed))
    return _client_info(session, client)


def set_client_active(session: Session, code: str, active: bool, *, actor: Actor) -> ClientInfo:
    """Disable or enable a seller. A disabled client's orders already in the warehouse
    still ship; only new imports for it are refused (see :class:`ClientDisabled`)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    client = client_by_code(session, code)
    if client.active != active:
        client.active = active
        session.flush()
        record_audit(session, actor, "enable" if active else "disable", "client", client.id,
                     code=client.code)
    return _client_info(session, client)


def require_active_client(client: Client) -> None:
    """Refuse new orders for a disabled client (file imports check this)."""
    if not client.active:
        raise ClientDisabled(client=client.code)


def client_info(session: Session, code: str) -> ClientInfo:
    client = client_by_code(session, code)
    return _client_info(session, client)


def list_clients(session: Session) -> list[ClientInfo]:
    warehouses = {wid: code for wid, code in session.execute(select(Warehouse.id, Warehouse.code))}
    return [
        _client_info(session, c, warehouses)
        for c in session.scalars(select(Client).order_by(Client.code))
    ]


def _client_info(
    session: Session, c: Client, warehouses: dict[int, str] | None = None
) -> ClientInfo:
    wh_code = None
    if c.default_warehouse_id is not None:
        if warehouses is None:
            wh_code = session.scalar(
                select(Warehouse.code).where(Warehouse.id == c.default_warehouse_id))
        else:
            wh_code = warehouses.get(c.default_warehouse_id)
    return ClientInfo(
        ClientId(c.id), c.code, c.name, c.active,
        contact_name=c.contact_name, contact_email=c.contact_email,
        contact_phone=c.contact_phone, currency=c.currency, default_warehouse_code=wh_code,
        include_packing_slip=c.include_packing_slip, handling_days=c.handling_days,
        notes=c.notes, weight_tolerance_pct=c.weight_tolerance_pct,
        weight_tolerance_floor_g=c.weight_tolerance_floor_g,
        packing_material_g=c.packing_material_g,
    )


# --- warehouses ---------------------------------------------------------------------------


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
    cutoff_local: str = "14:00"
    auto_allocate: bool = True


def check_time_zone(value: str) -> str:
    """An IANA zone name Python knows (``America/Chicago``); it drives the daily cut-off."""
    name = value.strip()
    try:
        if not name or name != str(ZoneInfo(name)):
            raise ValueError(name)
    except (ValueError, ZoneInfoNotFoundError):
        raise InvalidEntry(field="time zone", value=value, problem=_NOT_ZONE) from None
    return name


def check_cutoff(value: str) -> str:
    m = _CUTOFF.match(value.strip())
    if m is None:
        raise InvalidEntry(field="cut-off time", value=value, problem=_NOT_CUTOFF)
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def _region(value: str) -> str:
    for region in Region:
        if value.strip().casefold() == region.value.casefold():
            return region.value
    raise InvalidEntry(field="region", value=value, problem=_NOT_REGION)


def _state(value: str) -> str:
    state = normalize_state(value)
    if state is None:
        raise InvalidEntry(field="state", value=value, problem=_NOT_STATE)
    return state


def _zip(value: str) -> str:
    zip_code = normalize_zip(value)
    if zip_code is None:
        raise InvalidEntry(field="zip", value=value, problem=_NOT_ZIP)
    return zip_code


def create_warehouse(session: Session, draft: WarehouseDraft, *, actor: Actor) -> WarehouseInfo:
    require(actor, Permission.MANAGE_MASTER_DATA)
    code = _code(draft.code, "warehouse code")
    if len(code) > 16:
        raise InvalidValue(field="warehouse code", problem=_TOO_LONG_WAREHOUSE)
    if session.scalar(select(Warehouse.id).where(Warehouse.code == code)) is not None:
        raise AlreadyExists(kind="Warehouse", key=code)
    wh = Warehouse(
        code=code,
        name=_required(draft.name, "name"),
        region=_region(draft.region),
        time_zone=check_time_zone(draft.time_zone),
        address1=_required(draft.address1, "address"),
        address2=_text(draft.address2),
        city=_required(draft.city, "city"),
        state=_state(draft.state),
        zip=_zip(draft.zip),
        country="US",
        phone=_text(draft.phone),
        cutoff_local=check_cutoff(draft.cutoff_local),
        auto_allocate=draft.auto_allocate,
        active=True,
    )
    session.add(wh)
    session.flush()
    record_audit(session, actor, "create", "warehouse", wh.id, code=code)
    return _warehouse_info(wh)


def update_warehouse(
    session: Session,
    code: str,
    *,
    actor: Actor,
    name: str | None = None,
    region: str | None = None,
    time_zone: str | None = None,
    address1: str | None = None,
    address2: str | None = None,
    city: str | None = None,
    state: str | None = None,
    zip: str | None = None,
    phone: str | None = None,
    cutoff_local: str | None = None,
    auto_allocate: bool | None = None,
) -> WarehouseInfo:
    """Change the fields given; ``None`` leaves a field alone, ``""`` clears an optional one."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, code)
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = _required(name, "name")
    if region is not None:
        values["region"] = _region(region)
    if time_zone is not None:
        values["time_zone"] = check_time_zone(time_zone)
    if address1 is not None:
        values["address1"] = _required(address1, "address")
    if address2 is not None:
        values["address2"] = _text(address2)
    if city is not None:
        values["city"] = _required(city, "city")
    if state is not None:
        values["state"] = _state(state)
    if zip is not None:
        values["zip"] = _zip(zip)
    if phone is not None:
        values["phone"] = _text(phone)
    if cutoff_local is not None:
        values["cutoff_local"] = check_cutoff(cutoff_local)
    if auto_allocate is not None:
        values["auto_allocate"] = auto_allocate
    changed = sorted(k for k, v in values.items() if getattr(wh, k) != v)
    for key in changed:
        setattr(wh, key, values[key])
    if changed:
        session.flush()
        record_audit(session, actor, "update", "warehouse", wh.id, code=wh.code, fields=changed)
    return _warehouse_info(wh)


def warehouse_info(session: Session, code: str) -> WarehouseInfo:
    return _warehouse_info(warehouse_by_code(session, code))


def list_warehouses(session: Session) -> list[WarehouseInfo]:
    return [_warehouse_info(w) for w in session.scalars(select(Warehouse).order_by(Warehouse.code))]


def _warehouse_info(w: Warehouse) -> WarehouseInfo:
    return WarehouseInfo(
        WarehouseId(w.id), w.code, w.name, w.region, w.time_zone, w.address1, w.city, w.state,
        w.zip, address2=w.address2, phone=w.phone, cutoff_local=w.cutoff_local,
        auto_allocate=w.auto_allocate, active=w.active,
        layout=WarehouseLayout(w.aisle_pitch_m, w.bin_pitch_m, w.block_length, w.depot_aisle),
    )


# --- bins ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinDraft:
    code: str
    bin_type: BinType
    aisle: int = 0
    position: int = 0
    level: int = 0
    #: Room for put-away (None = not limited): units of all SKUs, or litres of their volume.
    capacity_units: int | None = None
    capacity_litres: Decimal | None = None


def bin_type_of(value: str) -> BinType:
    try:
        return BinType(value.strip().lower())
    except ValueError:
        raise InvalidEntry(field="bin type", value=value, problem=_NOT_BIN_TYPE) from None


def check_bin_draft(draft: BinDraft) -> BinDraft:
    """The draft with its code normalised; InvalidEntry/InvalidValue when it is not a bin."""
    code = draft.code.strip().upper()
    if not BIN_CODE.match(code) or len(code) > 32:
        raise InvalidEntry(field="bin code", value=draft.code, problem=_NOT_BIN_CODE)
    for field, value in (("aisle", draft.aisle), ("position", draft.position),
                         ("level", draft.level)):
        if value < 0:
            raise InvalidValue(field=field, problem=_NEGATIVE)
    check_capacity(draft.capacity_units, draft.capacity_litres)
    return BinDraft(code, bin_type_of(str(draft.bin_type)), draft.aisle, draft.position,
                    draft.level, draft.capacity_units, draft.capacity_litres)


def check_capacity(units: int | None, litres: Decimal | None) -> None:
    """A capacity is more than 0 (leave it empty for "not limited")."""
    if units is not None and units <= 0:
        raise InvalidValue(field="capacity units", problem=_CAPACITY)
    if litres is not None and (litres <= 0 or litres >= Decimal("100000000")):
        raise InvalidValue(field="capacity litres", problem=_CAPACITY)


def set_bin_capacity(session: Session, warehouse_code: str, bin_code: str, *,
                     capacity_units: int | None, capacity_litres: Decimal | None,
                     actor: Actor) -> BinInfo:
    """Set a bin's room for put-away (both values; None = not limited)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    check_capacity(capacity_units, capacity_litres)
    wh = warehouse_by_code(session, warehouse_code)
    b = bin_by_code(session, wh.id, bin_code)
    litres = capacity_litres.quantize(Decimal("0.01")) if capacity_litres is not None else None
    if (b.capacity_units, b.capacity_litres) != (capacity_units, litres):
        b.capacity_units, b.capacity_litres = capacity_units, litres
        session.flush()
        record_audit(session, actor, "bin_capacity", "bin", b.id, code=b.code,
                     units=capacity_units, litres=str(litres) if litres is not None else None)
    return bin_info(session, wh.code, b.code)


def create_bins(
    session: Session, warehouse_code: str, drafts: Sequence[BinDraft], *, actor: Actor
) -> int:
    """Create many bins at once (a new aisle is dozens); all or none.

    Codes the warehouse already has (or that repeat within ``drafts``) are refused
    together, all of them named, so one correction fixes the whole list.
    """
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, warehouse_code)
    checked = [check_bin_draft(d) for d in drafts]
    existing = set(session.scalars(select(Bin.code).where(Bin.warehouse_id == wh.id)))
    taken: list[str] = []
    seen: set[str] = set()
    for d in checked:
        if d.code in existing or d.code in seen:
            taken.append(d.code)
        seen.add(d.code)
    if taken:
        shown = ", ".join(taken[:20]) + (" …" if len(taken) > 20 else "")
        raise BinsExist(count=len(taken), warehouse=wh.code, codes=shown)
    session.add_all(
        Bin(warehouse_id=wh.id, code=d.code, bin_type=d.bin_type.value, aisle=d.aisle,
            position=d.position, level=d.level, active=True, capacity_units=d.capacity_units,
            capacity_litres=d.capacity_litres)
        for d in checked
    )
    session.flush()
    record_audit(session, actor, "create_bins", "warehouse", wh.id, count=len(checked),
                 first=checked[0].code if checked else None,
                 last=checked[-1].code if checked else None)
    return len(checked)


def create_bin(
    session: Session, warehouse_code: str, draft: BinDraft, *, actor: Actor
) -> BinInfo:
    create_bins(session, warehouse_code, [draft], actor=actor)
    return bin_info(session, warehouse_code, draft.code)


def aisle_number(label: str) -> tuple[str, int]:
    """(code prefix, aisle number) for an aisle typed as letters or a number.

    Letters count like spreadsheet columns (A=1, Z=26, AA=27) and stay as typed in the
    code; a number is the aisle itself and is written with two digits (``7`` → ``07``).
    """
    text = label.strip().upper()
    if text.isascii() and text.isalpha() and len(text) <= 3:
        number = 0
        for ch in text:
            number = number * 26 + ord(ch) - 64
        return text, number
    if text.isascii() and text.isdigit() and len(text.lstrip("0")) <= 3 and 0 < int(text) < 1000:
        return f"{int(text):02d}", int(text)
    raise InvalidEntry(field="aisle", value=label, problem=_NOT_AISLE)


def parse_span(text: str, field: str) -> tuple[int, int]:
    """``"1-20"`` → (1, 20); ``"3"`` → (3, 3). Whole numbers from 1 to 999, low to high."""
    m = re.fullmatch(r"\s*(\d{1,3})\s*(?:[-~–]\s*(\d{1,3})\s*)?", text)
    if m is None:
        raise InvalidEntry(field=field, value=text, problem=_NOT_SPAN)
    low, high = int(m.group(1)), int(m.group(2) or m.group(1))
    if not 1 <= low <= high:
        raise InvalidEntry(field=field, value=text, problem=_NOT_SPAN)
    return low, high


def range_bin_code(aisle: str, position: int, level: int) -> str:
    """The code of one bin of a range: ``AISLE-PP-LL`` (``A-07-02``; three digits past 99)."""
    prefix, _number = aisle_number(aisle)
    return f"{prefix}-{position:02d}-{level:02d}"


def range_drafts(
    aisle: str, positions: tuple[int, int], levels: tuple[int, int], bin_type: BinType | str
) -> list[BinDraft]:
    """Every bin of an aisle section, position by position and level by level."""
    prefix, number = aisle_number(aisle)
    kind = bin_type_of(str(bin_type))
    count = (positions[1] - positions[0] + 1) * (levels[1] - levels[0] + 1)
    if count > MAX_RANGE_BINS:
        raise InvalidEntry(field="bin range", value=count, problem=_TOO_MANY)
    return [
        BinDraft(f"{prefix}-{p:02d}-{lv:02d}", kind, number, p, lv)
        for p in range(positions[0], positions[1] + 1)
        for lv in range(levels[0], levels[1] + 1)
    ]


@dataclass(frozen=True)
class BinRangeResult:
    warehouse_code: str
    created: int
    first: str
    last: str


def create_bin_range(
    session: Session,
    warehouse_code: str,
    aisle: str,
    positions: tuple[int, int],
    levels: tuple[int, int],
    bin_type: BinType | str,
    *,
    actor: Actor,
) -> BinRangeResult:
    """An aisle section's bins in one go (all or none; see :func:`range_bin_code`)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    drafts = range_drafts(aisle, positions, levels, bin_type)
    count = create_bins(session, warehouse_code, drafts, actor=actor)
    return BinRangeResult(warehouse_code.strip().upper(), count, drafts[0].code, drafts[-1].code)


def _stock_in_bin(session: Session, bin_id: int) -> str:
    """What a bin still holds, as "MUG (ACME): 10 on hand, 2 reserved; ..." or ""."""
    rows = session.execute(
        select(Sku.code, Client.code, StockBalance.on_hand, StockBalance.reserved)
        .join(Sku, StockBalance.sku_id == Sku.id)
        .join(Client, Sku.client_id == Client.id)
        .where(StockBalance.bin_id == bin_id,
               (StockBalance.on_hand > 0) | (StockBalance.reserved > 0))
        .order_by(Client.code, Sku.code)
    ).all()
    parts = [f"{sku} ({client}): {on_hand} on hand, {reserved} reserved"
             for sku, client, on_hand, reserved in rows]
    reserved = session.scalar(
        select(func.coalesce(func.sum(Reservation.quantity), 0))
        .where(Reservation.bin_id == bin_id))
    if not parts and reserved:
        parts.append(f"{reserved} units reserved for orders")
    return "; ".join(parts)


def set_bin_active(
    session: Session, warehouse_code: str, bin_code: str, active: bool, *, actor: Actor
) -> BinInfo:
    """Enable a bin, or disable it - only when it holds no stock and no reservations."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, warehouse_code)
    b = bin_by_code(session, wh.id, bin_code)
    if not active:
        stock = _stock_in_bin(session, b.id)
        if stock:
            raise BinNotEmpty(bin=f"{wh.code}/{b.code}", stock=stock)
    if b.active != active:
        b.active = active
        session.flush()
        record_audit(session, actor, "enable" if active else "disable", "bin", b.id,
                     warehouse=wh.code, code=b.code)
    return bin_info(session, wh.code, b.code)


def bin_info(session: Session, warehouse_code: str, bin_code: str) -> BinInfo:
    wh = warehouse_by_code(session, warehouse_code)
    return list_bins(session, wh.code, bin_id=bin_by_code(session, wh.id, bin_code).id)[0]


def list_bins(
    session: Session, warehouse_code: str | None = None, *, bin_id: int | None = None
) -> list[BinInfo]:
    """Bins with the units they hold (one grouped query, so a screen needs no per-row SQL)."""
    stock = (
        select(StockBalance.bin_id, func.sum(StockBalance.on_hand).label("on_hand"),
               func.sum(StockBalance.reserved).label("reserved"))
        .group_by(StockBalance.bin_id).subquery()
    )
    stmt = (
        select(Bin, Warehouse.code, stock.c.on_hand, stock.c.reserved)
        .join(Warehouse, Bin.warehouse_id == Warehouse.id)
        .outerjoin(stock, stock.c.bin_id == Bin.id)
    )
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    if bin_id is not None:
        stmt = stmt.where(Bin.id == bin_id)
    rows = [
        BinInfo(BinId(b.id), wc, b.code, b.bin_type, b.aisle, b.position, b.level, b.active,
                on_hand=int(on_hand or 0), reserved=int(reserved or 0),
                capacity_units=b.capacity_units, capacity_litres=b.capacity_litres,
                staging_carrier=b.staging_carrier)
        for b, wc, on_hand, reserved in session.execute(stmt)
    ]
    # Sorted here, not in SQL: PostgreSQL's collation ignores hyphens (see print_documents).
    rows.sort(key=lambda b: (b.warehouse_code, b.code))
    return rows
