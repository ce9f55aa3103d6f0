
import pytest
from sqlalchemy import select

from app.db.models import User
from app.domain.errors import AlreadyExists, AuthenticationFailed, InvalidValue
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services import users

ADMIN = Actor("admin", Role.ADMIN)


def _make(db, name="alice", password="correct horse"):
    with db.writing() as s:
        return users.create_user(s, name, password, Role.CLERK, actor=ADMIN)


def _sign_in(db, name, password):
    with db.writing() as s:
        return users.sign_in(s, name, password)


def test_passwords_are_hashed_with_argon2(db) -> None:
    _make(db)
    with db.reading() as s:
        stored = s.scalar(select(User.password_hash))
    assert stored.startswith("$argon2") and "correct horse" not in stored


def test_good_sign_in_returns_the_user(db) -> None:
    _make(db)
    user = _sign_in(db, "Alice", "correct horse")
    assert not isinstance(user, Exception) and user.username == "alice" and user.role == "clerk"


def test_wrong_password_and_unknown_user_give_the_same_message(db) -> None:
    _make(db)
    wrong = _sign_in(db, "alice", "nope")
    unknown = _sign_in(db, "mallory", "nope")
    assert isinstance(wrong, AuthenticationFailed) and isinstance(unknown, AuthenticationFailed)
    assert str(wrong) == str(unknown)


def test_user_validation(db) -> None:
    _make(db)
    with pytest.raises(AlreadyExists), db.writing() as s:
        users.create_user(s, "ALICE", "another pass", Role.PACKER, actor=ADMIN)
    with pytest.raises(InvalidValue, match="password"), db.writing() as s:
        users.create_user(s, "bob", "short", Role.PACKER, actor=ADMIN)
    with pytest.raises(InvalidValue, match="user name"), db.writing() as s:
        users.create_user(s, "bad name!", "long enough", Role.PACKER, actor=ADMIN)
    with pytest.raises(AuthenticationFailed), db.writing() as s:
        users.authenticate(s, "alice", "wrong")
