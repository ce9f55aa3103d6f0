"""Users, roles and sign-in, and the supervisor PIN that approves an override.

Passwords and PINs are argon2 hashes. Repeated wrong passwords slow sign-in down rather
than lock it: past a few free tries each failure doubles a short wait (seconds, up to a
few minutes) for that user from every station, and for that station whatever names it
tries, so guessing is slow but nobody can keep the administrator out for long; an
administrator can also unlock a user at once. A wrong PIN names nobody, so wrong PINs
are counted in the audit trail and, past a limit, lock PIN approval everywhere for a
while.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from functools import cache
from itertools import pairwise

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import AuditEntry, SignInThrottle, User
from app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AccountLocked,
    AlreadyExists,
    AuthenticationFailed,
    InvalidValue,
    LastAdministrator,
    NotFound,
    OwnAccountRefused,
    SupervisorPinLocked,
    SupervisorPinRejected,
)
from app.domain.ids import UserId
from app.domain.permissions import Actor, Permission, require, role_may
from app.domain.states import Role
from app.services.audit import record_audit
from app.services.dto import UserInfo

#: Wrong supervisor PINs (anywhere) that close PIN approval, and for how long.
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
#: Wrong passwords without a wait; each further one doubles it, from FIRST_DELAY to
#: MAX_DELAY, for that user (from any station) and for that station (any user name).
FREE_FAILURES = 3
FIRST_DELAY = timedelta(seconds=2)
MAX_DELAY = timedelta(minutes=5)
#: Failures older than this are forgotten: last week's typos do not slow today's sign-in.
FAILURES_FORGOTTEN_AFTER = timedelta(minutes=15)
#: The throttle key when a station has no name.
UNNAMED_STATION = "(unnamed station)"
MIN_PASSWORD_LENGTH = 8
MAX_DISPLAY_NAME = 200
PIN_LENGTHS = range(4, 7)

# Fixed texts for InvalidValue's {field} and {problem}, translated by the GUI ("errors").
ROLE = QT_TRANSLATE_NOOP("errors", "role")
PIN = QT_TRANSLATE_NOOP("errors", "PIN")
DISPLAY_NAME = QT_TRANSLATE_NOOP("errors", "display name")
CURRENT_PASSWORD = QT_TRANSLATE_NOOP("errors", "current password")
NEW_PASSWORD = QT_TRANSLATE_NOOP("errors", "new password")
ROLE_MISSING = QT_TRANSLATE_NOOP("errors", "choose one: admin, clerk, packer or picker")
PASSWORD_TOO_SHORT = QT_TRANSLATE_NOOP("errors", "must be at least 8 characters")
PASSWORD_WRONG = QT_TRANSLATE_NOOP("errors", "is not right")
PASSWORD_UNCHANGED = QT_TRANSLATE_NOOP("errors", "is the same as the current one")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("errors", "must be at most 200 characters")
PIN_DIGITS = QT_TRANSLATE_NOOP("errors", "must be 4 to 6 digits")
PIN_SAME_DIGIT = QT_TRANSLATE_NOOP("errors", "must not repeat one digit (like 0000)")
PIN_RUN = QT_TRANSLATE_NOOP("errors", "must not be a run of digits (like 1234)")
PIN_TAKEN = QT_TRANSLATE_NOOP("errors", "another supervisor uses this PIN: choose another")
PIN_ROLE = QT_TRANSLATE_NOOP(
    "errors", "only a role that may override a weight check can have a supervisor PIN"
)

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so timing does not reveal which part
    was wrong. Made on first use: hashing costs a noticeable moment at start-up."""
    return _hasher.hash("not-a-real-password")


def create_user(
    session: Session,
    username: str,
    password: str,
    role: Role | str | None,
    *,
    actor: Actor,
    display_name: str | None = None,
) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    name = username.strip().lower()
    if not name or len(name) > 64 or not name.replace(".", "").replace("_", "").isalnum():
        raise InvalidValue(field="user name", problem="use letters, digits, '.' or '_'")
    checked_role = _role(role)
    _check_password(password, field="password")
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise AlreadyExists(kind="User", key=name)
    user = User(
        username=name,
        display_name=_display_name(display_name or name),
        password_hash=_hasher.hash(password),
        role=checked_role.value,
        active=True,
        failed_attempts=0,
    )
    session.add(user)
    session.flush()
    record_audit(session, actor, "create", "user", user.id, username=name, role=user.role)
    return _info(user)


def find_user_id(session: Session, username: str) -> UserId:
    """The id of the user with that name, active or not."""
    user_id = session.scalar(select(User.id).where(User.username == username.strip().lower()))
    if user_id is None:
        raise NotFound(kind="User", key=username)
    return UserId(user_id)


def edit_user(
    session: Session,
    user_id: int,
    *,
    actor: Actor,
    display_name: str | None = None,
    role: Role | str | None = None,
) -> UserInfo:
    """Change the display name and/or role (``None`` keeps it). A role that may not
    override a weight check loses its supervisor PIN."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    changed: dict[str, str] = {}
    if display_name is not None and _display_name(display_name) != user.display_name:
        user.display_name = changed["display_name"] = _display_name(display_name)
    if role is not None and _role(role).value != user.role:
        new_role = _role(role)
        if actor.user_id == user.id:
            raise OwnAccountRefused()
        if user.role == Role.ADMIN.value and user.active:
            _keep_an_admin(session, user)
        user.role = changed["role"] = new_role.value
        if user.pin_hash is not None and not role_may(new_role, Permission.OVERRIDE_WEIGHT_CHECK):
            user.pin_hash = None
            changed["pin"] = "cleared"
    if changed:
        record_audit(session, actor, "edit", "user", user.id, **changed)
    return _info(user)


def reset_password(session: Session, user_id: int, password: str, *, actor: Actor) -> UserInfo:
    """An administrator sets a new password (and lifts a lock-out); the user signs in with it."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    _check_password(password, field="password")
    user.password_hash = _hasher.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    record_audit(session, actor, "reset_password", "user", user.id)
    return _info(user)


def change_own_password(
    session: Session, current_password: str, new_password: str, *, actor: Actor
) -> UserInfo:
    """The signed-in user changes their own password; no permission needed, the current
    password is (someone else at an unlocked station should not be able to)."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None or not user.active:
        raise NotFound(kind="User", key=actor.name)
    if not _verify(user.password_hash, current_password):
        raise InvalidValue(field=CURRENT_PASSWORD, problem=PASSWORD_WRONG)
    _check_password(new_password, field=NEW_PASSWORD)
    if new_password == current_password:
        raise InvalidValue(field=NEW_PASSWORD, problem=PASSWORD_UNCHANGED)
    user.password_hash = _hasher.hash(new_password)
    record_audit(session, actor, "change_password", "user", user.id)
    return _info(user)


def set_user_active(session: Session, user_id: int, active: bool, *, actor: Actor) -> UserInfo:
    """Deactivate (cannot sign in, cannot approve) or activate again. Users are never
    deleted: their name stays on the history they wrote."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    if user.active == active:
        return _info(user)
    if not active:
        if actor.user_id == user.id:
            raise OwnAccountRefused()
        if user.role == Role.ADMIN.value:
            _keep_an_admin(session, user)
    user.active = active
    record_audit(session, actor, "activate" if active else "deactivate", "user", user.id)
    return _info(user)


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a supervisor PIN (a fixed English text), or None if it can.

    Guessable PINs are refused: one digit repeated (0000) and runs up or down (1234, 9876).
    """
    if not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        return PIN_DIGITS
    if len(set(pin)) == 1:
        return PIN_SAME_DIGIT
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    if steps in ({1}, {-1}):
        return PIN_RUN
    return None


def set_supervisor_pin(session: Session, user_id: int, pin: str, *, actor: Actor) -> UserInfo:
    """Give a supervisor a PIN of 4-6 digits, unique among supervisors so an approval
    always names one person."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    if not role_may(Role(user.role), Permission.OVERRIDE_WEIGHT_CHECK):
        raise InvalidValue(field=PIN, problem=PIN_ROLE)
    pin = pin.strip()
    problem = pin_problem(pin)
    if problem is not None:
        raise InvalidValue(field=PIN, problem=problem)
    others = session.scalars(
        select(User.pin_hash).where(User.id != user.id, User.pin_hash.is_not(None))
    )
    if any(_verify(h, pin) for h in others if h):
        raise InvalidValue(field=PIN, problem=PIN_TAKEN)
    user.pin_hash = _hasher.hash(pin)
    record_audit(session, actor, "set_pin", "user", user.id)
    return _info(user)


def clear_supervisor_pin(session: Session, user_id: int, *, actor: Actor) -> UserInfo:
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    if user.pin_hash is not None:
        user.pin_hash = None
        record_audit(session, actor, "clear_pin", "user", user.id)
    return _info(user)


def verify_supervisor_pin(
    session: Session, pin: str, *, requested_by: Actor | None = None
) -> Actor | SupervisorPinRejected | SupervisorPinLocked:
    """The active supervisor whose PIN this is, as the approving :class:`Actor`.

    Must run in a write transaction: it records the attempt, and returns (not raises)
    a failure so the count is committed. ``requested_by`` (the user at the station) is
    who the audit trail names for the attempt.
    """
    now = utcnow()
    locked_minutes = _pin_lock_minutes(session, now)
    who = requested_by or Actor.system("station")
    if locked_minutes:
        return SupervisorPinLocked(minutes=locked_minutes)
    pin = pin.strip()
    if pin_problem(pin) != PIN_DIGITS:  # a malformed PIN cannot match; still a wrong try
        supervisors = session.scalars(
            select(User).where(User.active.is_(True), User.pin_hash.is_not(None)).order_by(User.id)
        )
        for user in supervisors:
            if not role_may(Role(user.role), Permission.OVERRIDE_WEIGHT_CHECK):
                continue
            if user.locked_until is not None and user.locked_until > now:
                continue
            if user.pin_hash and _verify(user.pin_hash, pin):
                approver = _actor(user)
                record_audit(session, who, "pin_approved", "supervisor_pin", user.id,
                             approver=user.username)
                return approver
    record_audit(session, who, "pin_failed", "supervisor_pin")
    return SupervisorPinRejected()


def _pin_lock_minutes(session: Session, now: datetime) -> int:
    """Minutes until PIN approval opens again (0: open): locked while the last
    MAX_FAILED_ATTEMPTS wrong PINs since the last approval all fell within LOCK_MINUTES."""
    window = timedelta(minutes=LOCK_MINUTES)
    since = now - window
    last_ok = session.scalar(
        select(func.max(AuditEntry.at)).where(
            AuditEntry.entity == "supervisor_pin", AuditEntry.action == "pin_approved",
            AuditEntry.at > since,
        )
    )
    failures = list(session.scalars(
        select(AuditEntry.at)
        .where(AuditEntry.entity == "supervisor_pin", AuditEntry.action == "pin_failed",
               AuditEntry.at > (last_ok if last_ok and last_ok > since else since))
        .order_by(AuditEntry.at.desc())
        .limit(MAX_FAILED_ATTEMPTS)
    ))
    if len(failures) < MAX_FAILED_ATTEMPTS:
        return 0
    return max(1, math.ceil((failures[-1] + window - now).total_seconds() / 60))


def sign_in_delay(failures: int) -> timedelta:
    """The wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_DELAY, FIRST_DELAY * 2 ** min(failures - FREE_FAILURES, 16))


def authenticate(
    session: Session, username: str, password: str, *, station: str = "",
    now: datetime | None = None,
) -> UserInfo:
    """Check a sign-in at ``station`` (its name). Must run in a write transaction: it
    counts failures.

    The failure count is committed even though the caller sees an exception, so
    call it through :func:`sign_in`, which returns instead of raising inside
    the transaction. While the user or the station waits out a delay the password is
    not even checked, and the attempt does not count: the wait never grows past
    MAX_DELAY for someone trying the right password.
    """
    now = now or utcnow()
    throttle = _station_throttle(session, station, now)
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    known = user is not None and user.active
    if user is not None and known:
        _forget_old_failures(user, now)
    wait = max(_until(throttle.blocked_until, now),
               _until(user.locked_until, now) if user is not None and known else 0)
    if wait:
        raise AccountLocked(seconds=wait)
    if user is None or not known:
        _verify(_dummy_hash(), password)
        _count_failure(throttle, now)
        raise AuthenticationFailed()
    if not _verify(user.password_hash, password):
        _count_failure(throttle, now)
        user.failed_attempts += 1
        user.locked_until = now + sign_in_delay(user.failed_attempts)  # also: when it failed
        if user.failed_attempts == FREE_FAILURES:
            record_audit(session, _actor(user), "sign_in_delayed", "user", user.id,
                         station=throttle.station)
        raise AuthenticationFailed()
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    throttle.failures, throttle.blocked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    record_audit(session, _actor(user), "sign_in", "user", user.id)
    return _info(user)


def sign_in(
    session: Session, username: str, password: str, *, station: str = "",
    now: datetime | None = None,
) -> UserInfo | AuthenticationFailed | AccountLocked:
    """Like :func:`authenticate` but returns the failure, so the count is committed."""
    try:
        return authenticate(session, username, password, station=station, now=now)
    except (AuthenticationFailed, AccountLocked) as exc:
        return exc


def unlock_user(session: Session, user_id: int, *, actor: Actor) -> UserInfo:
    """Forget a user's wrong passwords, so they can sign in again at once."""
    require(actor, Permission.MANAGE_USERS)
    user = _user(session, user_id)
    if user.failed_attempts or user.locked_until is not None:
        user.failed_attempts = 0
        user.locked_until = None
        record_audit(session, actor, "unlock", "user", user.id)
    return _info(user)


def _station_throttle(session: Session, station: str, now: datetime) -> SignInThrottle:
    """This station's failure count (a new row on its first sign-in), old failures forgotten."""
    key = " ".join(station.split())[:100] or UNNAMED_STATION
    throttle = session.get(SignInThrottle, key)
    if throttle is None:
        throttle = SignInThrottle(station=key, failures=0)
        session.add(throttle)
    elif (throttle.last_failure_at is not None
          and now - throttle.last_failure_at > FAILURES_FORGOTTEN_AFTER + MAX_DELAY):
        throttle.failures, throttle.blocked_until = 0, None
    return throttle


def _count_failure(throttle: SignInThrottle, now: datetime) -> None:
    throttle.failures = (throttle.failures or 0) + 1
    throttle.last_failure_at = now
    throttle.blocked_until = now + sign_in_delay(throttle.failures)


def _forget_old_failures(user: User, now: datetime) -> None:
    if user.locked_until is not None and now - user.locked_until > FAILURES_FORGOTTEN_AFTER:
        user.failed_attempts = 0
        user.locked_until = None


def _until(moment: datetime | None, now: datetime) -> int:
    """Whole seconds (rounded up) until ``moment``; 0 once it has passed."""
    if moment is None or moment <= now:
        return 0
    return math.ceil((moment - now).total_seconds())


def _actor(u: User) -> Actor:
    return Actor(u.username, Role(u.role), u.id)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(kind="User", key=str(user_id))
    return user


def _role(value: Role | str | None) -> Role:
    """A role from a value a form or command line gave; "no role" is a clear error."""
    try:
        return Role(str(value or "").strip().lower())
    except ValueError:
        raise InvalidValue(field=ROLE, problem=ROLE_MISSING) from None


def _display_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise InvalidValue(field=DISPLAY_NAME, problem="must not be empty")
    if len(name) > MAX_DISPLAY_NAME:
        raise InvalidValue(field=DISPLAY_NAME, problem=NAME_TOO_LONG)
    return name


def _check_password(password: str, *, field: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValue(field=field, problem=PASSWORD_TOO_SHORT)


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse a change that would leave no active administrator besides ``user``."""
    others = session.scalar(
        select(func.count(User.id)).where(
            User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id
        )
    )
    if not others:
        raise LastAdministrator(user=user.username)


def acting_user(session: Session, username: str) -> Actor | None:
    """The active user of that name as an :class:`Actor` (for ``--user``); None if there is none."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        return None
    return _actor(user)


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def _info(u: User) -> UserInfo:
    return UserInfo(UserId(u.id), u.username, u.display_name, u.role, u.active,
                    has_pin=u.pin_hash is not None, last_login_at=u.last_login_at,
                    failed_sign_ins=u.failed_attempts)
