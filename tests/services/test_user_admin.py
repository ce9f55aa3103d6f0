"""Managing users: roles, password resets, deactivation, and the supervisor PIN."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.db.models import AuditEntry, User
from app.domain.errors import (
    AuthenticationFailed,
    InvalidValue,
    LastAdministrator,
    NotFound,
    OwnAccountRefused,
    PermissionDenied,
    SupervisorPinLocked,
    SupervisorPinRejected,
)
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services import users

SYSTEM = Actor.system("cli:test")
CLERK = Actor("carol", Role.CLERK)


def _add(db, name: str, role: Role | str | None = Role.CLERK, password: str = "long enough"):
    with db.writing() as s:
        return users.create_user(s, name, password, role, actor=SYSTEM)


def _as(info) -> Actor:
    return Actor(info.username, Role(info.role), info.id)


def _write(db, fn, *args, **kwargs):
    with db.writing() as s:
        return fn(s, *args, **kwargs)


def _audit(db, action: str) -> list[tuple[str, str, int | None, str | None]]:
    """(action, actor, entity id, detail) of each audit entry of ``action``."""
    with db.reading() as s:
        return [tuple(r) for r in s.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.entity_id, AuditEntry.detail)
            .where(AuditEntry.action == action).order_by(AuditEntry.id))]


@pytest.mark.parametrize("role", [None, "", "boss"])
def test_a_user_without_a_valid_role_is_refused_and_nothing_is_saved(db, role) -> None:
    with pytest.raises(InvalidValue, match="role: choose one"):
        _add(db, "nobody", role)
    with db.reading() as s:
        assert users.count_users(s) == 0


def test_edit_name_and_role_with_audit(db) -> None:
    bob = _add(db, "bob")
    info = _write(db, users.edit_user, bob.id, actor=SYSTEM, display_name="  Bob   Li ",
                  role="packer")
    assert (info.display_name, info.role) == ("Bob Li", "packer")
    assert "packer" in str(_audit(db, "edit")[0][3])
    with pytest.raises(InvalidValue, match="display name"):
        _write(db, users.edit_user, bob.id, actor=SYSTEM, display_name="   ")


def test_every_change_needs_manage_users(db) -> None:
    bob = _add(db, "bob")
    for call in (
        lambda s: users.create_user(s, "eve", "long enough", Role.ADMIN, actor=CLERK),
        lambda s: users.edit_user(s, bob.id, actor=CLERK, role=Role.ADMIN),
        lambda s: users.reset_password(s, bob.id, "new password", actor=CLERK),
        lambda s: users.set_user_active(s, bob.id, False, actor=CLERK),
        lambda s: users.set_supervisor_pin(s, bob.id, "4826", actor=CLERK),
        lambda s: users.clear_supervisor_pin(s, bob.id, actor=CLERK),
    ):
        with pytest.raises(PermissionDenied), db.writing() as s:
            call(s)


def test_reset_password_lets_the_user_sign_in_with_the_new_one_and_lifts_a_lock(db) -> None:
    bob = _add(db, "bob")
    with db.writing() as s:
        s.execute(update(User).values(locked_until=users.utcnow() + timedelta(minutes=10)))
    _write(db, users.reset_password, bob.id, "fresh password", actor=SYSTEM)
    assert isinstance(_write(db, users.sign_in, "bob", "long enough"), AuthenticationFailed)
    signed = _write(db, users.sign_in, "bob", "fresh password")
    assert not isinstance(signed, Exception) and signed.last_login_at is not None
    with pytest.raises(InvalidValue, match="at least 8"):
        _write(db, users.reset_password, bob.id, "short", actor=SYSTEM)
    assert len(_audit(db, "reset_password")) == 1


def test_change_own_password_needs_the_current_one_and_no_permission(db) -> None:
    packer = _as(_add(db, "pat", Role.PACKER))
    with pytest.raises(InvalidValue, match="current password"):
        _write(db, users.change_own_password, "wrong one", "brand new pass", actor=packer)
    with pytest.raises(InvalidValue, match="same as the current"):
        _write(db, users.change_own_password, "long enough", "long enough", actor=packer)
    _write(db, users.change_own_password, "long enough", "brand new pass", actor=packer)
    assert not isinstance(_write(db, users.sign_in, "pat", "brand new pass"), Exception)
    with pytest.raises(NotFound):  # the machine itself has no password
        _write(db, users.change_own_password, "x", "brand new pass", actor=SYSTEM)


def test_deactivate_and_activate(db) -> None:
    bob = _add(db, "bob")
    assert not _write(db, users.set_user_active, bob.id, False, actor=SYSTEM).active
    assert isinstance(_write(db, users.sign_in, "bob", "long enough"), AuthenticationFailed)
    with db.reading() as s:
        assert users.acting_user(s, "bob") is None
    assert _write(db, users.set_user_active, bob.id, True, actor=SYSTEM).active
    assert [e[0] for e in _audit(db, "deactivate") + _audit(db, "activate")] == [
        "deactivate", "activate"]


def test_an_admin_cannot_lock_themself_out_or_remove_the_last_admin(db) -> None:
    root = _add(db, "root", Role.ADMIN)
    me = _as(root)
    with pytest.raises(OwnAccountRefused):
        _write(db, users.set_user_active, root.id, False, actor=me)
    with pytest.raises(OwnAccountRefused):
        _write(db, users.edit_user, root.id, actor=me, role=Role.CLERK)
    with pytest.raises(LastAdministrator, match="root is the last active administrator"):
        _write(db, users.set_user_active, root.id, False, actor=SYSTEM)
    with pytest.raises(LastAdministrator):
        _write(db, users.edit_user, root.id, actor=SYSTEM, role=Role.PICKER)
    second = _add(db, "second", Role.ADMIN)
    assert not _write(db, users.set_user_active, root.id, False, actor=_as(second)).active
    with pytest.raises(LastAdministrator):  # root is inactive: second is the only one left
        _write(db, users.edit_user, second.id, actor=SYSTEM, role=Role.CLERK)


@pytest.mark.parametrize("pin,problem", [
    ("12a4", "4 to 6 digits"), ("123", "4 to 6 digits"), ("1234567", "4 to 6 digits"),
    ("０８２６", "4 to 6 digits"), ("0000", "repeat one digit"), ("777777", "repeat one digit"),
    ("1234", "run of digits"), ("987654", "run of digits"), ("3456", "run of digits"),
])
def test_guessable_or_malformed_pins_are_refused(db, pin: str, problem: str) -> None:
    root = _add(db, "root", Role.ADMIN)
    with pytest.raises(InvalidValue, match=problem):
        _write(db, users.set_supervisor_pin, root.id, pin, actor=SYSTEM)
    with db.reading() as s:
        assert s.scalar(select(User.pin_hash)) is None


def test_pin_is_argon2_unique_and_only_for_roles_that_may_override(db) -> None:
    root, boss = _add(db, "root", Role.ADMIN), _add(db, "boss", Role.ADMIN)
    clerk = _add(db, "carl", Role.CLERK)
    info = _write(db, users.set_supervisor_pin, root.id, "4826", actor=SYSTEM)
    assert info.has_pin
    with db.reading() as s:
        stored = s.scalar(select(User.pin_hash).where(User.id == root.id))
    assert stored and stored.startswith("$argon2") and "4826" not in stored
    with pytest.raises(InvalidValue, match="another supervisor uses this PIN"):
        _write(db, users.set_supervisor_pin, boss.id, "4826", actor=SYSTEM)
    with pytest.raises(InvalidValue, match="only a role that may override"):
        _write(db, users.set_supervisor_pin, clerk.id, "5937", actor=SYSTEM)
    demoted = _write(db, users.edit_user, root.id, actor=SYSTEM, role=Role.CLERK)
    assert not demoted.has_pin  # a PIN that could approve nothing is not kept
    assert _audit(db, "set_pin") and "4826" not in str(_audit(db, "set_pin"))


def test_verify_supervisor_pin_names_the_approving_admin(db) -> None:
    root, boss = _add(db, "root", Role.ADMIN), _add(db, "boss", Role.ADMIN)
    _write(db, users.set_supervisor_pin, root.id, "4826", actor=SYSTEM)
    _write(db, users.set_supervisor_pin, boss.id, "50713", actor=SYSTEM)
    packer = _as(_add(db, "pat", Role.PACKER))
    approver = _write(db, users.verify_supervisor_pin, "50713", requested_by=packer)
    assert approver == Actor("boss", Role.ADMIN, boss.id)
    assert isinstance(_write(db, users.verify_supervisor_pin, "1111"), SupervisorPinRejected)
    _write(db, users.set_user_active, boss.id, False, actor=SYSTEM)
    assert isinstance(_write(db, users.verify_supervisor_pin, "50713"), SupervisorPinRejected)
    _write(db, users.clear_supervisor_pin, root.id, actor=SYSTEM)
    assert isinstance(_write(db, users.verify_supervisor_pin, "4826"), SupervisorPinRejected)
    approved = _audit(db, "pin_approved")
    assert [(e[1], e[2]) for e in approved] == [("pat", boss.id)]


def test_wrong_pins_are_counted_and_lock_approval_for_a_while(db) -> None:
    root = _add(db, "root", Role.ADMIN)
    _write(db, users.set_supervisor_pin, root.id, "4826", actor=SYSTEM)
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        assert isinstance(_write(db, users.verify_supervisor_pin, "9999"), SupervisorPinRejected)
    assert isinstance(_write(db, users.verify_supervisor_pin, "4826"), Actor)  # resets the count
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        assert isinstance(_write(db, users.verify_supervisor_pin, "9999"), SupervisorPinRejected)
    locked = _write(db, users.verify_supervisor_pin, "4826")  # even the right PIN waits
    assert isinstance(locked, SupervisorPinLocked)
    assert locked.fields["minutes"] == users.LOCK_MINUTES
    with db.writing() as s:  # time passes
        s.execute(update(AuditEntry).values(at=users.utcnow() - timedelta(minutes=16)))
    assert isinstance(_write(db, users.verify_supervisor_pin, "4826"), Actor)


def test_user_list_shows_pin_and_last_sign_in_without_secrets(db) -> None:
    root = _add(db, "root", Role.ADMIN)
    _write(db, users.set_supervisor_pin, root.id, "4826", actor=SYSTEM)
    _add(db, "bob")
    _write(db, users.sign_in, "bob", "long enough")
    with db.reading() as s:
        rows = {u.username: u for u in users.list_users(s)}
        assert users.find_user_id(s, " BOB ") == rows["bob"].id
        with pytest.raises(NotFound):
            users.find_user_id(s, "nobody")
    assert rows["root"].has_pin and not rows["bob"].has_pin
    assert rows["bob"].last_login_at is not None and rows["root"].last_login_at is None
