"""SKUs (a client's products) and their barcodes: adding, editing, disabling, finding.

A SKU's code is unique within its client. Every code printed on the product - UPC,
EAN, FNSKU, the seller's own - is one of its barcodes, and a barcode names one SKU
of a client only, so a scan at a pack station is never ambiguous. Weights are whole
grams and sizes whole millimetres; conversions from lb/oz/in happen at the edges.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.bulk import chunks
from app.db.models import Client, Sku, SkuBarcode
from app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExists,
    DomainError,
    InvalidValue,
    NotFound,
)
from app.domain.ids import SkuId
from app.domain.permissions import Actor, Permission, require
from app.domain.search import search_term
from app.services.audit import record_audit
from app.services.dto import SkuInfo
from app.services.lookup import client_by_code

MAX_CODE = 64
MAX_NAME = 300
MAX_WEIGHT_G = 1_000_000  # a tonne: anything above is a typo in a unit
MAX_SIZE_MM = 10_000
MAX_DECLARED_VALUE = Decimal("9999999999.99")
MAX_EXPIRY_WINDOW_DAYS = 3650
#: What separates several barcodes typed or imported in one field.
BARCODE_SEPARATORS = re.compile(r"[;；\n]+")
_HS_CODE = re.compile(r"\d+(?:\.\d+)*")
_FNSKU = re.compile(r"X00[A-Z0-9]{7}|B0[A-Z0-9]{8}")

# Field names and problems as InvalidValue reports them; the GUI translates each.
FIELD_SKU = QT_TRANSLATE_NOOP("errors", "SKU")
FIELD_NAME = QT_TRANSLATE_NOOP("errors", "name")
FIELD_NAME_ZH = QT_TRANSLATE_NOOP("errors", "Chinese name")
FIELD_WEIGHT = QT_TRANSLATE_NOOP("errors", "weight")
FIELD_LENGTH = QT_TRANSLATE_NOOP("errors", "length")
FIELD_WIDTH = QT_TRANSLATE_NOOP("errors", "width")
FIELD_HEIGHT = QT_TRANSLATE_NOOP("errors", "height")
FIELD_DECLARED_VALUE = QT_TRANSLATE_NOOP("errors", "declared value")
FIELD_HS_CODE = QT_TRANSLATE_NOOP("errors", "HS code")
FIELD_BARCODE = QT_TRANSLATE_NOOP("errors", "barcode")
FIELD_EXPIRY_WINDOW = QT_TRANSLATE_NOOP("errors", "expiry window")
MUST_NOT_BE_EMPTY = QT_TRANSLATE_NOOP("errors", "must not be empty")
MUST_NOT_BE_NEGATIVE = QT_TRANSLATE_NOOP("errors", "must not be negative")
CODE_LENGTH = QT_TRANSLATE_NOOP("errors", "must be 1 to 64 characters")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("errors", "must be at most 300 characters")
WEIGHT_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "must be at most 1,000,000 g")
SIZE_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "must be at most 10,000 mm")
VALUE_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "must be at most 9,999,999,999.99")
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("errors", "must be an amount such as 12.50")
TWO_DECIMALS = QT_TRANSLATE_NOOP("errors", "must have at most 2 decimals")
HS_CODE_SHAPE = QT_TRANSLATE_NOOP("errors", "must be 6 to 10 digits (dots allowed)")
BARCODE_SHAPE = QT_TRANSLATE_NOOP("errors", "must be 1 to 64 characters without spaces")
EXPIRY_WINDOW_RANGE = QT_TRANSLATE_NOOP("errors", "must be 0 to 3,650 days")

#: Which template column of the SKU file each field's problems belong to.
FIELD_COLUMNS: Mapping[str, str] = {
    FIELD_SKU: "sku", FIELD_NAME: "name", FIELD_NAME_ZH: "name_zh",
    FIELD_WEIGHT: "weight_g", FIELD_LENGTH: "length_mm", FIELD_WIDTH: "width_mm",
    FIELD_HEIGHT: "height_mm", FIELD_DECLARED_VALUE: "declared_value",
    FIELD_HS_CODE: "hs_code", FIELD_BARCODE: "barcodes",
}


class BarcodeTaken(DomainError):
    """A barcode already names another SKU of the client: a scan must name one product."""

    code = "barcode_taken"
    template = QT_TRANSLATE_NOOP("errors", "Barcode {barcode} already belongs to SKU {sku}.")


@dataclass(frozen=True)
class SkuDraft:
    """Everything about a SKU a person or a file states; ``code`` is unique per client."""

    code: str
    name_en: str
    name_zh: str | None = None
    barcodes: tuple[str, ...] = ()
    weight_g: int = 0
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    prepacked: bool = False
    lot_tracked: bool = False
    hazmat: bool = False
    declared_value: Decimal | None = None
    hs_code: str | None = None
    #: Lot-tracked SKUs: never allocate stock expiring within this many days.
    expiry_window_days: int = 0


@dataclass(frozen=True)
class SkuEdit:
    """A change to a SKU: the fields given (not None) replace the stored ones.

    ``barcodes`` replaces the whole set; to clear an optional text or the declared
    value, give an empty string or use the GUI, which sends every field.
    """

    name_en: str | None = None
    name_zh: str | None = None
    barcodes: tuple[str, ...] | None = None
    weight_g: int | None = None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None
    prepacked: bool | None = None
    lot_tracked: bool | None = None
    hazmat: bool | None = None
    declared_value: Decimal | str | None = None
    hs_code: str | None = None
    expiry_window_days: int | None = None

    def applied_to(self, draft: SkuDraft) -> SkuDraft:
        """``draft`` with this edit's fields; '' clears the optional ones."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        given = {k: v for k, v in changes.items() if v is not None}
        for key in ("name_zh", "hs_code"):
            if given.get(key) == "":
                given[key] = None
        if isinstance(given.get("declared_value"), str):
            given["declared_value"] = checked_declared_value(given["declared_value"])
        return replace(draft, **given)


def split_barcodes(text: str | Iterable[str]) -> tuple[str, ...]:
    """Barcodes from ``A;B`` (also full-width ``；`` or one per line), or from several
    such strings; blanks and repeats dropped, first-seen order kept."""
    parts = [text] if isinstance(text, str) else list(text)
    seen: dict[str, None] = {}
    for part in parts:
        for code in BARCODE_SEPARATORS.split(part):
            if code.strip():
                seen.setdefault(code.strip(), None)
    return tuple(seen)


def checked_draft(draft: SkuDraft) -> SkuDraft:
    """``draft`` trimmed and normalised, or :class:`InvalidValue` naming the first bad field."""
    code = draft.code.strip()
    if not 1 <= len(code) <= MAX_CODE:
        raise InvalidValue(field=FIELD_SKU, problem=CODE_LENGTH)
    name = draft.name_en.strip()
    if not name:
        raise InvalidValue(field=FIELD_NAME, problem=MUST_NOT_BE_EMPTY)
    name_zh = (draft.name_zh or "").strip() or None
    for field, text in ((FIELD_NAME, name), (FIELD_NAME_ZH, name_zh or "")):
        if len(text) > MAX_NAME:
            raise InvalidValue(field=field, problem=NAME_TOO_LONG)
    if draft.weight_g < 0:
        raise InvalidValue(field=FIELD_WEIGHT, problem=MUST_NOT_BE_NEGATIVE)
    if draft.weight_g > MAX_WEIGHT_G:
        raise InvalidValue(field=FIELD_WEIGHT, problem=WEIGHT_TOO_LARGE)
    for field, mm in ((FIELD_LENGTH, draft.length_mm), (FIELD_WIDTH, draft.width_mm),
                      (FIELD_HEIGHT, draft.height_mm)):
        if mm < 0:
            raise InvalidValue(field=field, problem=MUST_NOT_BE_NEGATIVE)
        if mm > MAX_SIZE_MM:
            raise InvalidValue(field=field, problem=SIZE_TOO_LARGE)
    if not 0 <= draft.expiry_window_days <= MAX_EXPIRY_WINDOW_DAYS:
        raise InvalidValue(field=FIELD_EXPIRY_WINDOW, problem=EXPIRY_WINDOW_RANGE)
    barcodes = split_barcodes(draft.barcodes)
    for barcode in barcodes:
        if len(barcode) > MAX_CODE or any(ch.isspace() for ch in barcode):
            raise InvalidValue(field=FIELD_BARCODE, problem=BARCODE_SHAPE)
    return replace(
        draft, code=code, name_en=name, name_zh=name_zh, barcodes=barcodes,
        declared_value=checked_declared_value(draft.declared_value),
        hs_code=checked_hs_code(draft.hs_code),
    )


def checked_declared_value(value: Decimal | str | None) -> Decimal | None:
    """A customs value: 0 or more, at most two decimals (cents)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except InvalidOperation:
        raise InvalidValue(field=FIELD_DECLARED_VALUE, problem=NOT_AN_AMOUNT) from None
    if not amount.is_finite():
        raise InvalidValue(field=FIELD_DECLARED_VALUE, problem=NOT_AN_AMOUNT)
    if amount < 0:
        raise InvalidValue(field=FIELD_DECLARED_VALUE, problem=MUST_NOT_BE_NEGATIVE)
    if amount > MAX_DECLARED_VALUE:
        raise InvalidValue(field=FIELD_DECLARED_VALUE, problem=VALUE_TOO_LARGE)
    cents = amount.quantize(Decimal("0.01"))
    if cents != amount:
        raise InvalidValue(field=FIELD_DECLARED_VALUE, problem=TWO_DECIMALS)
    return cents


def checked_hs_code(text: str | None) -> str | None:
    """A tariff code: 6 to 10 digits, written with or without dots (6912.00.4810)."""
    code = (text or "").strip()
    if not code:
        return None
    digits = code.replace(".", "")
    if not _HS_CODE.fullmatch(code) or not 6 <= len(digits) <= 10:
        raise InvalidValue(field=FIELD_HS_CODE, problem=HS_CODE_SHAPE)
    return code


def looks_like_fnsku(code: str) -> bool:
    """Amazon's fulfilment label code (X00..., or the ASIN B0... for some sellers)."""
    return _FNSKU.fullmatch(code) is not None


# --- writing -------------------------------------------------------------------------------


def create_sku(session: Session, client_code: str, draft: SkuDraft, *, actor: Actor) -> SkuInfo:
    """Add a SKU to the client; refused when its code or one of its barcodes is taken."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    client = client_by_code(session, client_code)
    draft = checked_draft(draft)
    if session.scalar(select(Sku.id).where(Sku.client_id == client.id, Sku.code == draft.code)):
        raise AlreadyExists(kind=FIELD_SKU, key=f"{client.code}/{draft.code}")
    check_barcodes_free(session, client.id, draft.barcodes, None)
    sku = new_sku(session, client.id, draft)
    record_audit(session, actor, "create", "sku", sku.id, code=draft.code, client=client.code)
    return sku_info(sku, client, draft.barcodes)


def edit_sku(
    session: Session, client_code: str, code: str, edit: SkuEdit, *, actor: Actor
) -> SkuInfo:
    """Change the given fields of a SKU (found by code); the code itself stays."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    client = client_by_code(session, client_code)
    sku = _sku(session, client.id, code)
    before = draft_of(sku, barcodes_of(session, [sku.id])[sku.id])
    after = checked_draft(edit.applied_to(before))
    if after.barcodes != before.barcodes:
        check_barcodes_free(session, client.id, after.barcodes, sku.id)
    changed = changed_fields(before, after)
    if changed:
        apply_draft(session, sku, before, after)
        record_audit(session, actor, "edit", "sku", sku.id, code=sku.code, client=client.code,
                     fields=changed)
    return sku_info(sku, client, after.barcodes)


def set_sku_barcodes(
    session: Session, client_code: str, code: str, barcodes: Sequence[str], *, actor: Actor
) -> SkuInfo:
    """Replace the SKU's barcodes (e.g. after scanning them in one by one)."""
    return edit_sku(session, client_code, code, SkuEdit(barcodes=tuple(barcodes)), actor=actor)


def disable_sku(session: Session, client_code: str, code: str, *, actor: Actor) -> SkuInfo:
    """Hide a SKU from new orders and pickers' lists; its history and stock stay."""
    return _set_active(session, client_code, code, False, actor)


def enable_sku(session: Session, client_code: str, code: str, *, actor: Actor) -> SkuInfo:
    return _set_active(session, client_code, code, True, actor)


def _set_active(
    session: Session, client_code: str, code: str, active: bool, actor: Actor
) -> SkuInfo:
    require(actor, Permission.MANAGE_MASTER_DATA)
    client = client_by_code(session, client_code)
    sku = _sku(session, client.id, code)
    if sku.active != active:
        sku.active = active
        record_audit(session, actor, "enable" if active else "disable", "sku", sku.id,
                     code=sku.code, client=client.code)
    return sku_info(sku, client, barcodes_of(session, [sku.id])[sku.id])


def check_barcodes_free(
    session: Session, client_id: int, barcodes: Sequence[str], sku_id: int | None
) -> None:
    """Refuse a barcode that already names another SKU of the client."""
    if not barcodes:
        return
    taken = session.execute(
        select(SkuBarcode.code, Sku.code)
        .join(Sku, Sku.id == SkuBarcode.sku_id)
        .where(SkuBarcode.client_id == client_id, SkuBarcode.code.in_(barcodes),
               SkuBarcode.sku_id != (sku_id or 0))
        .order_by(SkuBarcode.code)
    ).first()
    if taken is not None:
        raise BarcodeTaken(barcode=taken[0], sku=taken[1])


def changed_fields(before: SkuDraft, after: SkuDraft) -> list[str]:
    """Names of the fields that differ (what an edit or a re-import changes)."""
    return [f.name for f in fields(SkuDraft) if getattr(before, f.name) != getattr(after, f.name)]


def apply_draft(session: Session, sku: Sku, before: SkuDraft, after: SkuDraft) -> None:
    """Write ``after`` over ``sku`` (whose stored state is ``before``), barcodes included."""
    _write(sku, after)
    if after.barcodes != before.barcodes:
        _store_barcodes(session, sku, after.barcodes)


def new_sku(session: Session, client_id: int, draft: SkuDraft) -> Sku:
    """Insert a checked draft whose code and barcodes the caller made sure are free."""
    sku = Sku(client_id=client_id, active=True)
    _write(sku, draft)
    session.add(sku)
    session.flush()
    _store_barcodes(session, sku, draft.barcodes)
    return sku


def _write(sku: Sku, draft: SkuDraft) -> None:
    sku.code = draft.code
    sku.name_en = draft.name_en
    sku.name_zh = draft.name_zh
    sku.weight_g = draft.weight_g
    sku.length_mm = draft.length_mm
    sku.width_mm = draft.width_mm
    sku.height_mm = draft.height_mm
    sku.prepacked = draft.prepacked
    sku.lot_tracked = draft.lot_tracked
    sku.hazmat = draft.hazmat
    sku.declared_value = draft.declared_value
    sku.hs_code = draft.hs_code
    sku.expiry_window_days = draft.expiry_window_days


def _store_barcodes(session: Session, sku: Sku, barcodes: Sequence[str]) -> None:
    """Make the SKU's barcodes exactly ``barcodes`` (kept ones keep their row and order)."""
    rows = {b.code: b for b in session.scalars(
        select(SkuBarcode).where(SkuBarcode.sku_id == sku.id))}
    for code, row in rows.items():
        if code not in barcodes:
            session.delete(row)
    session.flush()  # a code moved between two SKUs of one edit would otherwise clash
    session.add_all(SkuBarcode(client_id=sku.client_id, sku_id=sku.id, code=code)
                    for code in barcodes if code not in rows)
    session.flush()


# --- reading -------------------------------------------------------------------------------


def get_sku(session: Session, client_code: str, code: str) -> SkuInfo:
    """One SKU of the client by its code or any of its barcodes."""
    client = client_by_code(session, client_code)
    sku = _sku(session, client.id, code, by_barcode=True)
    return sku_info(sku, client, barcodes_of(session, [sku.id])[sku.id])


def list_skus(
    session: Session,
    client_code: str | None = None,
    *,
    search: str | None = None,
    include_inactive: bool = True,
) -> list[SkuInfo]:
    """SKUs by client and code; ``search`` matches a code, name or Chinese name (part of
    it, any case) or a whole barcode, so a scanned code finds its SKU."""
    stmt = select(Sku, Client).join(Client, Sku.client_id == Client.id)
    if client_code:
        stmt = stmt.where(Client.id == client_by_code(session, client_code).id)
    if not include_inactive:
        stmt = stmt.where(Sku.active.is_(True))
    text = search_term(search)
    if text == "":
        return []  # only characters no SKU holds (a NUL, a control code) were typed
    if text:
        like = f"%{_escape(text.lower())}%"
        stmt = stmt.where(or_(
            func.lower(Sku.code).like(like, escape="\\"),
            func.lower(Sku.name_en).like(like, escape="\\"),
            Sku.name_zh.like(f"%{_escape(text)}%", escape="\\"),
            Sku.id.in_(select(SkuBarcode.sku_id).where(SkuBarcode.code == text)),
        ))
    rows = session.execute(stmt.order_by(Client.code, Sku.code)).all()
    codes = barcodes_of(session, [s.id for s, _c in rows])
    return [sku_info(s, c, codes[s.id]) for s, c in rows]


def barcodes_of(session: Session, sku_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Each SKU's barcodes in the order they were added (an empty tuple for none)."""
    found: dict[int, list[str]] = {sid: [] for sid in sku_ids}
    for chunk in chunks(sorted(found), 500):
        for sku_id, code in session.execute(
            select(SkuBarcode.sku_id, SkuBarcode.code)
            .where(SkuBarcode.sku_id.in_(chunk)).order_by(SkuBarcode.id)
        ):
            found[sku_id].append(code)
    return {sid: tuple(codes) for sid, codes in found.items()}


def draft_of(sku: Sku, barcodes: tuple[str, ...]) -> SkuDraft:
    """The stored SKU as a draft, to compare with or edit."""
    return SkuDraft(
        sku.code, sku.name_en, sku.name_zh, barcodes, sku.weight_g, sku.length_mm,
        sku.width_mm, sku.height_mm, bool(sku.prepacked), bool(sku.lot_tracked),
        bool(sku.hazmat), sku.declared_value, sku.hs_code, int(sku.expiry_window_days or 0),
    )


def sku_info(s: Sku, client: Client, barcodes: tuple[str, ...]) -> SkuInfo:
    return SkuInfo(
        SkuId(s.id), client.code, s.code, s.name_en, s.name_zh, barcodes, s.weight_g,
        s.length_mm, s.width_mm, s.height_mm, bool(s.prepacked), bool(s.lot_tracked),
        bool(s.hazmat), s.declared_value, client.currency or "USD", s.hs_code, bool(s.active),
        int(s.expiry_window_days or 0),
    )


def _sku(session: Session, client_id: int, code: str, *, by_barcode: bool = False) -> Sku:
    text = code.strip()
    sku = session.scalar(select(Sku).where(Sku.client_id == client_id, Sku.code == text))
    if sku is None and by_barcode:
        sku = session.scalar(
            select(Sku).join(SkuBarcode, SkuBarcode.sku_id == Sku.id)
            .where(SkuBarcode.client_id == client_id, SkuBarcode.code == text))
    if sku is None:
        raise NotFound(kind=FIELD_SKU, key=code)
    return sku


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
