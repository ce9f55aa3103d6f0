"""Wrong passwords slow sign-in down, per user (from any station) and per station (any
user name), with a growing wait capped at a few minutes; an administrator can unlock.
A fake clock stands in for time (issue #13: the old 15-minute lock let anyone keep the
administrator out)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import AuditEntry
from app.domain.errors import AccountLocked, AuthenticationFailed, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services import users
from app.services.dto import UserInfo

ADMIN = Actor("root", Role.ADMIN)
T0 = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def pass_(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def people(db: Database) -> Database:
    with db.writing() as s:
        for name, role in (("admin", Role.ADMIN), ("bob", Role.CLERK)):
            users.create_user(s, name, f"{name}-password", role, actor=ADMIN)
    return db


def _try(db: Database, clock: Clock, name: str, password: str, station: str = "PC-1"
         ) -> UserInfo | AuthenticationFailed | AccountLocked:
    with db.writing() as s:
        return users.sign_in(s, name, password, station=station, now=clock.now)


def _waits(outcome: object) -> int:
    assert isinstance(outcome, AccountLocked), outcome
    seconds = int(outcome.fields["seconds"])
    assert outcome.message == f"Too many failed sign-ins. Try again in {seconds} s."
    return seconds


def test_the_wait_starts_after_three_failures_and_doubles_up_to_five_minutes() -> None:
    waits = [users.sign_in_delay(n).total_seconds() for n in range(1, 14)]
    assert waits == [0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
    assert users.sign_in_delay(10_000) == timedelta(minutes=5)


def test_a_user_waits_after_three_wrong_passwords_then_signs_in(people: Database,
                                                                clock: Clock) -> None:
    for _ in range(2):
        assert isinstance(_try(people, clock, "admin", "guess"), AuthenticationFailed)
    assert isinstance(_try(people, clock, "admin", "guess"), AuthenticationFailed)
    clock.pass_(0.5)
    assert _waits(_try(people, clock, "admin", "admin-password")) == 2  # 1.5 s, rounded up
    clock.pass_(1.5)
    assert isinstance(_try(people, clock, "admin", "admin-password"), UserInfo)
    clock.pass_(1)  # a good sign-in starts the count again
    for _ in range(2):
        assert isinstance(_try(people, clock, "admin", "guess"), AuthenticationFailed)
    assert isinstance(_try(people, clock, "admin", "admin-password"), UserInfo)


def test_an_attacker_never_keeps_the_admin_out_longer_than_the_cap(people: Database,
                                                                   clock: Clock) -> None:
    """Tries during a wait are refused without counting, so even a steady stream of
    guesses from many stations leaves the admin at most five minutes to wait."""
    for n in range(40):
        outcome = _try(people, clock, "admin", "guess", station=f"PC-{n % 7}")
        if isinstance(outcome, AccountLocked):
            assert _waits(outcome) <= 300
        clock.pass_(1)
    with people.reading() as s:
        failures = s.scalar(select(users.User.failed_attempts).where(
            users.User.username == "admin"))
    assert failures is not None and failures < 12  # most guesses never got checked
    seconds = _waits(_try(people, clock, "admin", "admin-password", station="OFFICE"))
    assert seconds <= 300
    clock.pass_(seconds)
    assert isinstance(_try(people, clock, "admin", "admin-password", station="OFFICE"),
                      UserInfo)


def test_a_user_waits_at_every_station(people: Database, clock: Clock) -> None:
    for station in ("PC-1", "PC-2", "PC-3"):
        assert isinstance(_try(people, clock, "bob", "guess", station), AuthenticationFailed)
    assert _waits(_try(people, clock, "bob", "bob-password", "PC-4")) == 2


def test_one_station_guessing_many_users_is_slowed_too(people: Database,
                                                        clock: Clock) -> None:
    for name in ("ann", "carl", "dora"):
        assert isinstance(_try(people, clock, name, "guess", "PC-9"), AuthenticationFailed)
    assert _waits(_try(people, clock, "bob", "bob-password", "PC-9")) == 2
    assert isinstance(_try(people, clock, "bob", "bob-password", "PC-1"), UserInfo)
    clock.pass_(2)
    assert isinstance(_try(people, clock, "eve", "guess", "PC-9"), AuthenticationFailed)
    assert _waits(_try(people, clock, "bob", "bob-password", "PC-9")) == 4


def test_old_failures_are_forgotten(people: Database, clock: Clock) -> None:
    for _ in range(5):
        _try(people, clock, "bob", "guess")
        clock.pass_(20)
    clock.pass_(users.FAILURES_FORGOTTEN_AFTER.total_seconds() + 301)
    assert isinstance(_try(people, clock, "bob", "guess"), AuthenticationFailed)
    assert isinstance(_try(people, clock, "bob", "bob-password"), UserInfo)


def test_an_admin_unlocks_a_user_at_once(people: Database, clock: Clock) -> None:
    for _ in range(8):
        _try(people, clock, "bob", "guess", "PC-1")
        clock.pass_(300)
    _try(people, clock, "bob", "guess", "PC-2")
    assert _waits(_try(people, clock, "bob", "bob-password", "PC-3")) == 128  # 9 failures
    with people.writing() as s:
        bob = users.find_user_id(s, "bob")
        assert users.list_users(s)[1].failed_sign_ins == 9
        with pytest.raises(PermissionDenied):
            users.unlock_user(s, bob, actor=Actor("carol", Role.CLERK))
        info = users.unlock_user(s, bob, actor=ADMIN)
    assert info.failed_sign_ins == 0
    assert isinstance(_try(people, clock, "bob", "bob-password", "PC-3"), UserInfo)
    with people.reading() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "user")))
    assert "sign_in_delayed" in actions and "unlock" in actions
