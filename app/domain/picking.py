"""Picking as data: the states of waves, carts and pick tasks, and what a picker may get wrong.

The transition tables sit beside the order table's rules (:mod:`app.domain.states`):
a move that is not in a table raises, so a cart can never be "done" twice nor a
cancelled task be picked. The errors are what a picker sees at the scanner, so each
says what was expected and what to do.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import DomainError


class WaveStatus(StrEnum):
    RELEASED = "released"
    PICKING = "picking"
    DONE = "done"
    CANCELLED = "cancelled"


class CartStatus(StrEnum):
    OPEN = "open"
    PICKING = "picking"
    DONE = "done"


class TaskStatus(StrEnum):
    OPEN = "open"
    PICKED = "picked"
    SHORT = "short"
    CANCELLED = "cancelled"


#: A wave is picking from its first scan; done when every cart is done (also when every
#: order on it was cancelled before anyone started).
WAVE_TRANSITIONS: dict[WaveStatus, frozenset[WaveStatus]] = {
    WaveStatus.RELEASED: frozenset({WaveStatus.PICKING, WaveStatus.DONE, WaveStatus.CANCELLED}),
    WaveStatus.PICKING: frozenset({WaveStatus.DONE}),
    WaveStatus.DONE: frozenset(),
    WaveStatus.CANCELLED: frozenset(),
}

#: A cart is picking once a picker opens it; done when none of its tasks is open.
CART_TRANSITIONS: dict[CartStatus, frozenset[CartStatus]] = {
    CartStatus.OPEN: frozenset({CartStatus.PICKING, CartStatus.DONE}),
    CartStatus.PICKING: frozenset({CartStatus.DONE}),
    CartStatus.DONE: frozenset(),
}

#: A task stays open while units are left to pick; short when the bin had fewer (the
#: missing units moved to another task or the order went back to backordered);
#: cancelled when its order was cancelled or held while on the cart.
TASK_TRANSITIONS: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.OPEN: frozenset({TaskStatus.PICKED, TaskStatus.SHORT, TaskStatus.CANCELLED}),
    TaskStatus.PICKED: frozenset(),
    TaskStatus.SHORT: frozenset(),
    TaskStatus.CANCELLED: frozenset(),
}


#: Task states with nothing left to pick (the pack station waits for every other one).
TASK_CLOSED_STATES = frozenset({TaskStatus.PICKED, TaskStatus.SHORT, TaskStatus.CANCELLED})


class IllegalPickTransition(DomainError):
    code = "illegal_pick_transition"
    template = "{kind} {key} is {state} and cannot become {target}."
    field_words = (
        "Wave", "Cart", "Pick task", "released", "picking", "done", "cancelled", "open",
        "picked", "short",
    )


def check_wave_transition(number: str, current: WaveStatus, target: WaveStatus) -> None:
    if target not in WAVE_TRANSITIONS[current]:
        raise IllegalPickTransition(kind="Wave", key=number, state=current.value,
                                    target=target.value)


def check_cart_transition(code: str, current: CartStatus, target: CartStatus) -> None:
    if target not in CART_TRANSITIONS[current]:
        raise IllegalPickTransition(kind="Cart", key=code, state=current.value,
                                    target=target.value)


def check_task_transition(task_id: int, current: TaskStatus, target: TaskStatus) -> None:
    if target not in TASK_TRANSITIONS[current]:
        raise IllegalPickTransition(kind="Pick task", key=str(task_id), state=current.value,
                                    target=target.value)


#: Ledger reason of the units a short pick found missing (an adjustment out of the bin),
#: and of picked units put back when their order could not be completed.
SHORT_PICK_REASON = "short_pick"
PUT_BACK_REASON = "short_pick_put_back"


# --- what the picker and the supervisor may get wrong -------------------------------------


class WaveNotFound(DomainError):
    code = "wave_not_found"
    template = "Wave {wave} was not found."


class CartNotFound(DomainError):
    code = "cart_not_found"
    template = "Pick cart {cart} was not found."


class PickTaskNotFound(DomainError):
    code = "pick_task_not_found"
    template = "Pick task {task} was not found."


class NothingToRelease(DomainError):
    code = "nothing_to_release"
    template = "No allocated orders in warehouse {warehouse} match; no wave was released."


class OrderAlreadyOnWave(DomainError):
    code = "order_on_wave"
    template = (
        "Order {order} is already on wave {wave} (or was released meanwhile); "
        "nothing was released."
    )


class WrongBin(DomainError):
    code = "wrong_bin"
    template = "Wrong bin: you scanned {scanned}, this pick is in bin {expected}."


class WrongItem(DomainError):
    code = "wrong_item"
    template = "Wrong item: you scanned {scanned}, this pick is SKU {expected}."


class TooManyUnits(DomainError):
    code = "too_many_units"
    template = "Too many: {wanted} scanned, only {remaining} of SKU {sku} left to pick here."


class TaskNotOpen(DomainError):
    code = "task_not_open"
    template = "This pick of SKU {sku} in bin {bin} is already {state}; go to the next one."
    field_words = ("picked", "short", "cancelled")


class OrderNotPickable(DomainError):
    """The order was cancelled or held while on the cart: told at the next scan."""

    code = "order_not_pickable"
    template = (
        "Order {order} is {state}: stop picking it. Take tote {slot} off the cart and "
        "give it to the supervisor."
    )
    field_words = ("cancelled", "on_hold", "backordered", "packed", "shipped")


class ShortNotLess(DomainError):
    code = "short_not_less"
    template = "A short pick needs fewer than the {remaining} units left; {found} were given."


class LabelNotOnCart(DomainError):
    code = "label_not_on_cart"
    template = "Label {label} belongs to no order with a pick left at this stop of cart {cart}."


class NotLabelFirst(DomainError):
    code = "not_label_first"
    template = "Cart {cart} is not a label-first cart: scan the bin and the item instead."


class PickQuantityNotPositive(DomainError):
    code = "pick_quantity"
    template = "Pick at least 1 unit; {quantity} was given."


class ShortReasonMissing(DomainError):
    code = "short_reason_missing"
    template = "Say why the pick is short (empty bin, damaged, count less than expected)."
