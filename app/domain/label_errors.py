"""What is refused about a flagged seller label: each a one-line reason, nothing written.

A seller label whose tracking number another order also carries must not print until a
clerk has accepted or discarded it (:mod:`app.services.label_flags`): two parcels under
one tracking number is a lost parcel and a claim the warehouse cannot win.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class LabelFlagged(DomainError):
    code = "label_flagged"
    template = ("The seller label {label} of order {order} is not printed: its tracking "
                "number {tracking} is also on order {others}. Accept or discard it first "
                "(haicang labels flagged).")


class LabelNotFlagged(DomainError):
    code = "label_not_flagged"
    template = "The seller label {label} of order {order} is not flagged; nothing to accept."


class AcceptReasonMissing(DomainError):
    code = "accept_reason_missing"
    template = "Say why the flagged label {label} is right (e.g. a reprint of the same parcel)."
