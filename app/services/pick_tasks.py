"""Pick tasks below the picking services: settling carts and waves, cancelling an order's picks.

A lower-level module so that :mod:`app.services.orders` (cancel, hold) can stop an
order's picks and :mod:`app.services.picking` can finish carts without the two
importing each other. Status changes go through the tables in
:mod:`app.domain.picking` and are guarded by ``WHERE status = current``.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import PickCart, PickTask, Wave
from app.domain.picking import (
    CartStatus,
    IllegalPickTransition,
    TaskStatus,
    WaveStatus,
    check_cart_transition,
    check_wave_transition,
)


def cancel_open_tasks(session: Session, order_id: int, *, note: str) -> int:
    """Cancel the order's open pick tasks (it was cancelled or held on a cart).

    The picker learns it at the next scan of that order (the task is no longer open and
    the order no longer picking). Carts left with nothing open are done. Returns how
    many tasks were cancelled.
    """
    carts = list(session.scalars(
        select(PickTask.cart_id).where(PickTask.order_id == order_id,
                                       PickTask.status == TaskStatus.OPEN.value).distinct()
    ))
    if not carts:
        return 0
    result = session.execute(
        update(PickTask)
        .where(PickTask.order_id == order_id, PickTask.status == TaskStatus.OPEN.value)
        .values(status=TaskStatus.CANCELLED.value, note=note[:200])
        .execution_options(synchronize_session=False)
    )
    for cart_id in sorted(carts):
        settle_cart(session, cart_id)
    return int(result.rowcount)  # type: ignore[attr-defined]


def start_cart(session: Session, cart_id: int, picker: str) -> None:
    """The first scan on a cart: it (and its wave) become picking, with the picker's name.

    Two pickers scanning a new cart at once both start it: whoever's UPDATE comes second
    finds it picking already, which is what it wanted (so no error).
    """
    cart = _cart(session, cart_id)
    if CartStatus(cart.status) == CartStatus.OPEN:
        _move_cart(session, cart, CartStatus.PICKING, strict=False, picker=picker[:64],
                   started_at=utcnow())
    wave = session.get(Wave, cart.wave_id)
    assert wave is not None
    if WaveStatus(wave.status) == WaveStatus.RELEASED:
        _move_wave(session, wave, WaveStatus.PICKING, strict=False)


def settle_cart(session: Session, cart_id: int) -> tuple[bool, bool]:
    """Mark the cart done when none of its tasks is open, and its wave when every cart is.

    Returns (cart done, wave done). The wave's row is locked first (PostgreSQL), so two
    pickers finishing the last two carts at once cannot both miss the other's cart.
    """
    cart = _cart(session, cart_id)
    wave = session.scalar(select(Wave).where(Wave.id == cart.wave_id).with_for_update()
                          .execution_options(populate_existing=True))
    assert wave is not None
    cart = _cart(session, cart_id)
    open_tasks = session.scalar(
        select(func.count()).select_from(PickTask)
        .where(PickTask.cart_id == cart_id, PickTask.status == TaskStatus.OPEN.value)
    )
    if open_tasks:
        return False, False
    if CartStatus(cart.status) != CartStatus.DONE:
        _move_cart(session, cart, CartStatus.DONE, completed_at=utcnow())
    unfinished = session.scalar(
        select(func.count()).select_from(PickCart)
        .where(PickCart.wave_id == wave.id, PickCart.status != CartStatus.DONE.value)
    )
    if unfinished:
        return True, False
    if WaveStatus(wave.status) != WaveStatus.DONE:
        _move_wave(session, wave, WaveStatus.DONE, completed_at=utcnow())
    return True, True


def _cart(session: Session, cart_id: int) -> PickCart:
    cart = session.scalar(select(PickCart).where(PickCart.id == cart_id)
                          .execution_options(populate_existing=True))
    assert cart is not None, f"pick cart {cart_id} vanished inside its transaction"
    return cart


def _move_cart(session: Session, cart: PickCart, target: CartStatus, *, strict: bool = True,
               **values: object) -> None:
    """Guarded by ``WHERE status = current``; ``strict``: raise when another writer moved
    the cart first (else that writer's change stands)."""
    current = CartStatus(cart.status)
    check_cart_transition(cart.code, current, target)
    result = session.execute(
        update(PickCart).where(PickCart.id == cart.id, PickCart.status == current.value)
        .values(status=target.value, **values).execution_options(synchronize_session=False)
    )
    if result.rowcount != 1 and strict:  # type: ignore[attr-defined]
        raise IllegalPickTransition(kind="Cart", key=cart.code, state="changed",
                                    target=target.value)
    session.refresh(cart)


def _move_wave(session: Session, wave: Wave, target: WaveStatus, *, strict: bool = True,
               **values: object) -> None:
    current = WaveStatus(wave.status)
    check_wave_transition(wave.number, current, target)
    result = session.execute(
        update(Wave).where(Wave.id == wave.id, Wave.status == current.value)
        .values(status=target.value, **values).execution_options(synchronize_session=False)
    )
    if result.rowcount != 1 and strict:  # type: ignore[attr-defined]
        raise IllegalPickTransition(kind="Wave", key=wave.number, state="changed",
                                    target=target.value)
    session.refresh(wave)
