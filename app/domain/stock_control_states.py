"""The life of a return (RMA) and of a cycle count, as tables of data.

A return is opened, receives its first units (``received``) and is closed by the clerk
when nothing more is expected; an RMA for a parcel that never came may be closed while
still ``open`` (the service asks for ``force`` then). A cycle count is open until a
supervisor approves it (its differences are posted) or cancels it (nothing is posted).
Closed, approved and cancelled are final.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.stock_control_errors import CountNotOpen, ReturnIllegalTransition


class ReturnStatus(StrEnum):
    OPEN = "open"
    RECEIVED = "received"
    CLOSED = "closed"


class CountStatus(StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    CANCELLED = "cancelled"


_R = ReturnStatus
_C = CountStatus

RETURN_TRANSITIONS: dict[ReturnStatus, frozenset[ReturnStatus]] = {
    _R.OPEN: frozenset({_R.RECEIVED, _R.CLOSED}),
    _R.RECEIVED: frozenset({_R.CLOSED}),
    _R.CLOSED: frozenset(),
}

COUNT_TRANSITIONS: dict[CountStatus, frozenset[CountStatus]] = {
    _C.OPEN: frozenset({_C.APPROVED, _C.CANCELLED}),
    _C.APPROVED: frozenset(),
    _C.CANCELLED: frozenset(),
}


def check_return_transition(number: str, current: str, target: ReturnStatus) -> None:
    """Raise unless ``current -> target`` is in :data:`RETURN_TRANSITIONS`."""
    if target not in RETURN_TRANSITIONS[ReturnStatus(current)]:
        raise ReturnIllegalTransition(number=number, state=current, target=target.value)


def check_count_transition(number: str, current: str, target: CountStatus) -> None:
    """Raise unless ``current -> target`` is in :data:`COUNT_TRANSITIONS`."""
    if target not in COUNT_TRANSITIONS[CountStatus(current)]:
        raise CountNotOpen(number=number, state=current)
