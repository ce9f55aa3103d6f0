"""The permission table: what each role may do, and how a refusal reads."""

import pytest

from app.domain.errors import PermissionDenied
from app.domain.permissions import ROLE_PERMISSIONS, Actor, Permission, require, role_may
from app.domain.states import Role

P = Permission


@pytest.mark.parametrize("permission", [
    P.IMPORT_ORDERS, P.EDIT_ORDERS, P.ALLOCATE, P.CANCEL_ORDERS, P.RECEIVE_STOCK,
    P.ADJUST_STOCK, P.MOVE_STOCK, P.MANAGE_USERS, P.MANAGE_MASTER_DATA, P.MANAGE_CHANNELS,
    P.CHANGE_SETTINGS, P.OVERRIDE_WEIGHT_CHECK, P.MANAGE_CARRIERS, P.COUNT_STOCK,
    P.APPROVE_COUNTS,
])
def test_a_packer_works_at_the_station_only(permission: Permission) -> None:
    assert not role_may(Role.PACKER, permission)


def test_a_packer_packs_labels_ships_and_hands_over() -> None:
    assert {p for p in Permission if role_may(Role.PACKER, p)} == {
        P.PACK, P.SHIP, P.PRINT, P.BUY_LABELS, P.HAND_OVER}


def test_a_picker_works_the_floor_but_neither_adjusts_nor_approves() -> None:
    assert {p for p in Permission if role_may(Role.PICKER, p)} == {
        P.PICK, P.PRINT, P.RECEIVE_STOCK, P.PUT_AWAY, P.COUNT_STOCK, P.HANDLE_RETURNS}


def test_a_clerk_runs_the_office_but_not_users_master_data_or_settings() -> None:
    clerk = Actor("li", Role.CLERK)
    for permission in (P.IMPORT_ORDERS, P.ALLOCATE, P.CANCEL_ORDERS, P.HOLD_ORDERS,
                       P.RECEIVE_STOCK, P.MOVE_STOCK, P.ADJUST_STOCK, P.PRINT,
                       P.MANAGE_CHANNELS):
        assert clerk.may(permission), permission
    for permission in (P.MANAGE_USERS, P.MANAGE_MASTER_DATA, P.CHANGE_SETTINGS,
                       P.OVERRIDE_WEIGHT_CHECK, P.PACK, P.SHIP, P.PICK, P.MANAGE_CARRIERS,
                       P.APPROVE_COUNTS):
        assert not clerk.may(permission), permission


def test_an_admin_may_do_everything_and_every_role_is_in_the_table() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert all(role_may(Role.ADMIN, p) for p in Permission)


def test_the_machine_acts_as_administrator() -> None:
    sync = Actor.system("sync")
    assert (sync.name, sync.role, sync.user_id) == ("sync", Role.ADMIN, None)
    require(sync, P.MANAGE_USERS)  # no exception


def test_require_names_the_role_and_the_action() -> None:
    with pytest.raises(PermissionDenied) as caught:
        require(Actor("wang", Role.PACKER, 7), P.IMPORT_ORDERS)
    error = caught.value
    assert error.code == "permission_denied"
    assert error.fields == {"role": "packer", "action": "import orders"}
    assert error.message == "Your role (packer) may not import orders."
    with pytest.raises(PermissionDenied, match=r"\(clerk\) may not manage users"):
        require(Actor("li", Role.CLERK), P.MANAGE_USERS)
