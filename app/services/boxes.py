"""The box catalogue of the pack stations: cartons, mailers and poly bags.

A box has inner dimensions (what fits), a tare (what it adds to the weight check) and a
max weight. Packers choose one by scanning its code (in any case: the code is kept as
written, ``BOX-12x10x8``, and unique whatever its case) or barcode; the smallest that
fits is suggested (:mod:`app.domain.box_fit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.models import Box
from app.domain.box_fit import BoxSpec
from app.domain.errors import AlreadyExists, DomainError
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
#: A box may carry up to 70 kg (the heaviest parcel UPS and FedEx ground take is 150 lb).
MAX_BOX_WEIGHT_G = 70_000
MAX_SIDE_MM = 3000


class UnknownBox(DomainError):
    code = "unknown_box"
    template = "No box has the code or barcode '{scan}'."


class InvalidBox(DomainError):
    code = "invalid_box"
    template = (
        "Box {box}: code of letters and digits (up to 32), inner sides 1 to 3000 mm, tare "
        "0 or more, max weight 1 g to 70 kg and above the tare; '{value}' does not fit."
    )


@dataclass(frozen=True)
class BoxDraft:
    code: str
    inner_mm: tuple[int, int, int]
    tare_g: int
    max_weight_g: int
    barcode: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class BoxInfo:
    id: int
    code: str
    name: str | None
    inner_mm: tuple[int, int, int]
    tare_g: int
    max_weight_g: int
    barcode: str | None
    active: bool

    @property
    def spec(self) -> BoxSpec:
        return BoxSpec(self.code, self.inner_mm, self.tare_g, self.max_weight_g)


def box_info(box: Box) -> BoxInfo:
    return BoxInfo(
        box.id, box.code, box.name,
        (box.inner_length_mm, box.inner_width_mm, box.inner_height_mm),
        box.tare_g, box.max_weight_g, box.barcode, box.active,
    )


def _checked(draft: BoxDraft) -> BoxDraft:
    code = draft.code.strip()
    if not _CODE.match(code):
        raise InvalidBox(box=draft.code, value=draft.code)
    if len(draft.inner_mm) != 3 or not all(0 < side <= MAX_SIDE_MM for side in draft.inner_mm):
        raise InvalidBox(box=code, value="x".join(str(s) for s in draft.inner_mm))
    if draft.tare_g < 0:
        raise InvalidBox(box=code, value=draft.tare_g)
    if not draft.tare_g < draft.max_weight_g <= MAX_BOX_WEIGHT_G:
        raise InvalidBox(box=code, value=draft.max_weight_g)
    barcode = (draft.barcode or "").strip() or None
    if barcode is not None and len(barcode) > 64:
        raise InvalidBox(box=code, value=barcode)
    name = (draft.name or "").strip()[:100] or None
    return BoxDraft(code, draft.inner_mm, draft.tare_g, draft.max_weight_g, barcode, name)


def _refuse_taken(session: Session, draft: BoxDraft, own_id: int | None) -> None:
    """A code or barcode already answering a scan would make the scan ambiguous."""
    for text in filter(None, (draft.code, draft.barcode)):
        taken = session.scalar(select(Box.id).where(
            or_(func.upper(Box.code) == text.upper(), Box.barcode == text)).limit(1))
        if taken is not None and taken != own_id:
            raise AlreadyExists(kind="Box", key=text)


def add_box(session: Session, draft: BoxDraft, *, actor: Actor) -> BoxInfo:
    require(actor, Permission.MANAGE_MASTER_DATA)
    draft = _checked(draft)
    _refuse_taken(session, draft, None)
    length, width, height = draft.inner_mm
    box = Box(code=draft.code, name=draft.name, inner_length_mm=length, inner_width_mm=width,
              inner_height_mm=height, tare_g=draft.tare_g, max_weight_g=draft.max_weight_g,
              barcode=draft.barcode, active=True)
    session.add(box)
    session.flush()
    record_audit(session, actor, "add", "box", box.id, code=box.code)
    return box_info(box)


def edit_box(session: Session, code: str, draft: BoxDraft, *, actor: Actor) -> BoxInfo:
    """Replace a box's sizes, weights, barcode and name (its code may change too)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    box = _by_code(session, code)
    draft = _checked(draft)
    _refuse_taken(session, draft, box.id)
    box.code, box.name, box.barcode = draft.code, draft.name, draft.barcode
    box.inner_length_mm, box.inner_width_mm, box.inner_height_mm = draft.inner_mm
    box.tare_g, box.max_weight_g = draft.tare_g, draft.max_weight_g
    session.flush()
    record_audit(session, actor, "edit", "box", box.id, code=box.code)
    return box_info(box)


def set_box_active(session: Session, code: str, active: bool, *, actor: Actor) -> BoxInfo:
    """Disable a box no longer stocked (parcels packed in it keep it), or enable it again."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    box = _by_code(session, code)
    box.active = active
    record_audit(session, actor, "enable" if active else "disable", "box", box.id)
    return box_info(box)


def list_boxes(session: Session, *, include_inactive: bool = False) -> list[BoxInfo]:
    """The catalogue, smallest inner volume first (the order a packer thinks in)."""
    stmt = select(Box)
    if not include_inactive:
        stmt = stmt.where(Box.active.is_(True))
    boxes = [box_info(b) for b in session.scalars(stmt)]
    return sorted(boxes, key=lambda b: (b.spec.volume_mm3, b.code))


def box_by_scan(session: Session, scan: str) -> BoxInfo:
    """An active box by its code (any case) or its barcode."""
    text = scan.strip()
    box = session.scalar(
        select(Box).where(func.upper(Box.code) == text.upper(), Box.active.is_(True)))
    if box is None:
        box = session.scalar(select(Box).where(Box.barcode == text, Box.active.is_(True)))
    if box is None:
        raise UnknownBox(scan=text)
    return box_info(box)


def _by_code(session: Session, code: str) -> Box:
    box = session.scalar(select(Box).where(func.upper(Box.code) == code.strip().upper()))
    if box is None:
        raise UnknownBox(scan=code)
    return box
