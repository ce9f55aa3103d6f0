"""Users, roles and sign-in. Passwords are argon2 hashes; repeated failures lock the account."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import User
from app.domain.errors import AccountLocked, AlreadyExists, AuthenticationFailed, InvalidValue
from app.domain.ids import UserId
from app.domain.states import Role
from app.services.audit import record_audit
from app.services.dto import UserInfo

MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8

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
    role: Role,
    *,
    actor: str,
    display_name: str | None = None,
) -> UserInfo:
    name = username.strip().lower()
    if not name or len(name) > 64 or not name.replace(".", "").replace("_", "").isalnum():
        raise InvalidValue(field="user name", problem="use letters, digits, '.' or '_'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValue(
            field="password", problem=f"must be at least {MIN_PASSWORD_LENGTH} characters"
        )
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise AlreadyExists(kind="User", key=name)
    user = User(
        username=name,
        display_name=(display_name or name).strip(),
        password_hash=_hasher.hash(password),
        role=Role(role).value,
        active=True,
        failed_attempts=0,
    )
    session.add(user)
    session.flush()
    record_audit(session, actor, "create", "user", user.id, username=name, role=user.role)
    return _info(user)


def authenticate(session: Session, username: str, password: str) -> UserInfo:
    """Check a sign-in. Must run in a write transaction: it counts failures.

    The failure count is committed even though the caller sees an exception, so
    call it through :func:`sign_in`, which returns instead of raising inside
    the transaction.
    """
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    now = utcnow()
    if user is None or not user.active:
        _verify(_dummy_hash(), password)
        raise AuthenticationFailed()
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise AccountLocked(minutes=minutes)
    if not _verify(user.password_hash, password):
        user.failed_attempts += 1
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_attempts = 0
            record_audit(session, user.username, "locked", "user", user.id)
        raise AuthenticationFailed()
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    record_audit(session, user.username, "sign_in", "user", user.id)
    return _info(user)


def sign_in(
    session: Session, username: str, password: str
) -> UserInfo | AuthenticationFailed | AccountLocked:
    """Like :func:`authenticate` but returns the failure, so the count is committed."""
    try:
        return authenticate(session, username, password)
    except (AuthenticationFailed, AccountLocked) as exc:
        return exc


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def _info(u: User) -> UserInfo:
    return UserInfo(UserId(u.id), u.username, u.display_name, u.role, u.active)
