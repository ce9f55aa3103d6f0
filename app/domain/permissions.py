"""Who may do what: the acting user, and a permission table per role as data.

Services that change data call :func:`require` with the acting user first, so the
rule holds for the GUI, the CLI and anything else that calls them; the GUI only
*hides* what a role may not do, it never is the only guard.

Actions in the background (the platform sync, the demo loader, the CLI run
without ``--user``) act as the machine's administrator: whoever can run them can
open the database file anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied
from app.domain.states import Role


class Permission(StrEnum):
    """One thing a role may be allowed to do. The value names it in English for messages."""

    IMPORT_ORDERS = QT_TRANSLATE_NOOP("errors", "import orders")
    EDIT_ORDERS = QT_TRANSLATE_NOOP("errors", "create or change orders")
    ALLOCATE = QT_TRANSLATE_NOOP("errors", "allocate stock to orders")
    CANCEL_ORDERS = QT_TRANSLATE_NOOP("errors", "cancel orders")
    HOLD_ORDERS = QT_TRANSLATE_NOOP("errors", "hold or release orders")
    RECEIVE_STOCK = QT_TRANSLATE_NOOP("errors", "receive stock")
    MOVE_STOCK = QT_TRANSLATE_NOOP("errors", "move stock between bins")
    ADJUST_STOCK = QT_TRANSLATE_NOOP("errors", "adjust stock")
    PICK = QT_TRANSLATE_NOOP("errors", "pick orders")
    PACK = QT_TRANSLATE_NOOP("errors", "pack orders")
    SHIP = QT_TRANSLATE_NOOP("errors", "ship orders")
    PRINT = QT_TRANSLATE_NOOP("errors", "print labels and documents")
    MANAGE_CHANNELS = QT_TRANSLATE_NOOP("errors", "manage stores and sync them")
    MANAGE_MASTER_DATA = QT_TRANSLATE_NOOP(
        "errors", "manage clients, warehouses, bins and SKUs"
    )
    MANAGE_USERS = QT_TRANSLATE_NOOP("errors", "manage users")
    CHANGE_SETTINGS = QT_TRANSLATE_NOOP("errors", "change settings")
    OVERRIDE_WEIGHT_CHECK = QT_TRANSLATE_NOOP("errors", "override a weight check")
    BUY_LABELS = QT_TRANSLATE_NOOP("errors", "buy and void carrier labels")
    MANAGE_CARRIERS = QT_TRANSLATE_NOOP(
        "errors", "manage carrier accounts and shipping rules"
    )
    HAND_OVER = QT_TRANSLATE_NOOP("errors", "stage parcels and hand them to carriers")
    PUT_AWAY = QT_TRANSLATE_NOOP("errors", "put away and replenish stock")
    COUNT_STOCK = QT_TRANSLATE_NOOP("errors", "count stock")
    APPROVE_COUNTS = QT_TRANSLATE_NOOP("errors", "approve count variances")
    HANDLE_RETURNS = QT_TRANSLATE_NOOP("errors", "receive and grade returns")
    MANAGE_BILLING = QT_TRANSLATE_NOOP("errors", "manage rate cards, charges and invoices")


_P = Permission
_CLERK = frozenset({
    _P.IMPORT_ORDERS, _P.EDIT_ORDERS, _P.ALLOCATE, _P.CANCEL_ORDERS, _P.HOLD_ORDERS,
    _P.RECEIVE_STOCK, _P.MOVE_STOCK, _P.ADJUST_STOCK, _P.PRINT, _P.MANAGE_CHANNELS,
    _P.BUY_LABELS, _P.HAND_OVER, _P.PUT_AWAY, _P.COUNT_STOCK, _P.HANDLE_RETURNS,
})

#: The permission table. A packer packs, weighs, labels, stages and hands over at a
#: station; a picker walks the floor (picks, receives at the dock, puts away, counts,
#: grades returns); a clerk runs the office (orders, stock, printing, stores); an admin may
#: do everything, including the master data, users, settings and weight-check overrides.
ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: _CLERK,
    Role.PACKER: frozenset({_P.PACK, _P.SHIP, _P.PRINT, _P.BUY_LABELS, _P.HAND_OVER}),
    Role.PICKER: frozenset({_P.PICK, _P.PRINT, _P.RECEIVE_STOCK, _P.PUT_AWAY, _P.COUNT_STOCK,
                            _P.HANDLE_RETURNS}),
}


def role_may(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]


@dataclass(frozen=True)
class Actor:
    """Who is acting: recorded by name in history and audit, checked by role."""

    name: str
    role: Role
    #: The signed-in user's id; ``None`` for the machine itself (sync, CLI, demo).
    user_id: int | None = None

    def may(self, permission: Permission) -> bool:
        return role_may(self.role, permission)

    @classmethod
    def system(cls, name: str) -> Actor:
        """The machine acting as its administrator (background sync, the CLI without --user)."""
        return cls(name, Role.ADMIN)


def require(actor: Actor, permission: Permission) -> None:
    """Refuse unless ``actor``'s role may do ``permission``."""
    if not actor.may(permission):
        raise PermissionDenied(role=actor.role.value, action=permission.value)
