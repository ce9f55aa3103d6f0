"""The demo warehouse's box catalogue: mailers, poly bags and single-wall cartons.

Inner sizes are the usual US stock sizes in inches, in mm; tares are what such boxes
weigh empty (32 ECT single wall cartons, 2.5-3 mil poly mailers, #2-#5 bubble mailers).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.permissions import Actor
from app.services.boxes import BoxDraft, add_box

DEMO_BOXES: tuple[BoxDraft, ...] = (
    BoxDraft("POLY-6x9", (152, 229, 40), 8, 2_000, "PKG-0001", "Poly mailer 6x9"),
    BoxDraft("BUBBLE-8x12", (216, 305, 40), 22, 2_500, "PKG-0002", "Bubble mailer #2 8.5x12"),
    BoxDraft("POLY-10x13", (254, 330, 60), 15, 4_000, "PKG-0003", "Poly mailer 10x13"),
    BoxDraft("POLY-14x17", (356, 432, 80), 28, 6_000, "PKG-0004", "Poly mailer 14x17"),
    BoxDraft("BOX-6x6x6", (152, 152, 152), 140, 18_000, "PKG-0101", "Carton 6x6x6"),
    BoxDraft("BOX-8x6x4", (203, 152, 102), 115, 18_000, "PKG-0102", "Carton 8x6x4"),
    BoxDraft("BOX-10x8x6", (254, 203, 152), 230, 20_000, "PKG-0103", "Carton 10x8x6"),
    BoxDraft("BOX-12x10x8", (305, 254, 203), 390, 25_000, "PKG-0104", "Carton 12x10x8"),
    BoxDraft("BOX-14x10x10", (356, 254, 254), 500, 25_000, "PKG-0105", "Carton 14x10x10"),
    BoxDraft("BOX-16x12x12", (406, 305, 305), 680, 30_000, "PKG-0106", "Carton 16x12x12"),
    BoxDraft("BOX-18x14x12", (457, 356, 305), 860, 30_000, "PKG-0107", "Carton 18x14x12"),
    BoxDraft("BOX-20x20x20", (508, 508, 508), 1_450, 30_000, "PKG-0108", "Carton 20x20x20"),
)


def add_demo_boxes(session: Session, *, actor: Actor) -> int:
    """Add the demo catalogue; returns how many boxes were added."""
    for draft in DEMO_BOXES:
        add_box(session, draft, actor=actor)
    return len(DEMO_BOXES)
