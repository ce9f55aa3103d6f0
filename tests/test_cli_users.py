"""`haicang users ...`: passwords and PINs only ever from standard input, roles checked."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator

import pytest

from app.cli import main
from app.db.engine import Database
from app.services.users import list_users, sign_in

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """An empty database at the latest schema with one administrator, ``root``."""
    _stdin("root-password\n")
    assert main(["users", "add", "root", "--role", "admin", "--name", "Ruth Admin",
                 "--db", db_url]) == 0
    yield db_url


def _stdin(text: str) -> None:
    sys.stdin = io.StringIO(text)


@pytest.fixture(autouse=True)
def _restore_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", sys.stdin)


def _users(capsys: pytest.CaptureFixture[str], url: str) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["users", "list", "--json", "--db", url]) == 0
    return {u["username"]: u for u in json.loads(capsys.readouterr().out)}


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_add_reads_the_password_from_stdin_and_the_user_can_sign_in(url, db, capsys) -> None:
    _stdin("bob-password\nignored second line\n")
    assert main(["users", "add", "Bob", "--role", "clerk", "--name", "Bob Li", "--db", url]) == 0
    assert capsys.readouterr().out == "User bob (clerk) added.\n"
    with db.writing() as s:
        user = sign_in(s, "bob", "bob-password")
    assert not isinstance(user, Exception) and user.display_name == "Bob Li"
    listed = _users(capsys, url)["bob"]
    assert listed["role"] == "clerk" and listed["active"] is True
    assert listed["last_login_at"] is not None and listed["has_pin"] is False
    assert set(listed) == {"username", "name", "role", "active", "has_pin", "last_login_at"}


@pytest.mark.parametrize("argv", [
    ["users", "add", "eve", "--role", "clerk", "--password", "eve-password"],
    ["users", "add", "eve", "eve-password", "--role", "clerk"],
    ["users", "passwd", "root", "new-password"],
    ["users", "pin", "root", "4826"],
])
def test_a_password_or_pin_is_never_accepted_on_the_command_line(url, db, capsys,
                                                                 argv) -> None:
    _stdin("")
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--db", url])
    assert exit_info.value.code == 2
    with db.reading() as s:
        users = {u.username: u for u in list_users(s)}
    assert set(users) == {"root"} and not users["root"].has_pin


@pytest.mark.parametrize("role", [["--role", "boss"], ["--role", ""], []])
def test_a_bad_or_missing_role_is_refused_and_nothing_is_added(url, capsys, role) -> None:
    _stdin("eve-password\n")
    with pytest.raises(SystemExit) as exit_info:
        main(["users", "add", "eve", *role, "--db", url])
    assert exit_info.value.code == 2
    assert "--role" in capsys.readouterr().err
    assert set(_users(capsys, url)) == {"root"}


def test_at_a_terminal_the_password_is_asked_twice(url, db, capsys, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["first-password", "other-password", "same-password", "same-password"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    sys.stdin = Terminal("")
    assert main(["users", "add", "tina", "--role", "packer", "--db", url]) == 1
    assert "the two entries differ" in _one_error_line(capsys)
    assert "tina" not in _users(capsys, url)
    assert main(["users", "add", "tina", "--role", "packer", "--db", url]) == 0
    assert prompts == ["password: ", "password again: "] * 2
    with db.writing() as s:
        assert not isinstance(sign_in(s, "tina", "same-password"), Exception)


@pytest.mark.parametrize("stdin,problem", [
    ("", "expected on standard input"), ("\n", "expected on standard input"),
    ("short\n", "at least 8 characters"),
])
def test_a_missing_or_short_password_is_one_line_and_changes_nothing(url, capsys, stdin,
                                                                     problem) -> None:
    _stdin(stdin)
    assert main(["users", "add", "eve", "--role", "clerk", "--db", url]) == 1
    assert problem in _one_error_line(capsys)
    assert "eve" not in _users(capsys, url)


def test_passwd_edit_disable_enable(url, db, capsys) -> None:
    _stdin("bob-password\n")
    assert main(["users", "add", "bob", "--role", "clerk", "--db", url]) == 0
    capsys.readouterr()
    _stdin("fresh-password\n")
    assert main(["users", "passwd", "BOB", "--db", url]) == 0
    assert capsys.readouterr().out == "Password of bob changed.\n"
    with db.writing() as s:
        assert isinstance(sign_in(s, "bob", "bob-password"), Exception)
        assert not isinstance(sign_in(s, "bob", "fresh-password"), Exception)

    assert main(["users", "edit", "bob", "--name", "Bob Li", "--role", "packer", "--db", url]) == 0
    assert capsys.readouterr().out == "User bob: name Bob Li, role packer.\n"
    assert main(["users", "edit", "bob", "--db", url]) == 2  # nothing to change
    assert main(["users", "disable", "bob", "--db", url]) == 0
    assert _users(capsys, url)["bob"]["active"] is False
    with db.writing() as s:
        assert isinstance(sign_in(s, "bob", "fresh-password"), Exception)
    assert main(["users", "enable", "bob", "--json", "--db", url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["active"] is True and shown["role"] == "packer" and shown["name"] == "Bob Li"
    assert main(["users", "passwd", "nobody", "--db", url]) == 1
    assert "User nobody was not found" in _one_error_line(capsys)


def test_supervisor_pin_from_stdin_rules_and_clear(url, capsys) -> None:
    for pin, problem in (("1234", "run of digits"), ("0000", "repeat one digit"),
                         ("12a4", "4 to 6 digits")):
        _stdin(f"{pin}\n")
        assert main(["users", "pin", "root", "--db", url]) == 1
        assert problem in _one_error_line(capsys)
    assert _users(capsys, url)["root"]["has_pin"] is False
    _stdin("48260\n")
    assert main(["users", "pin", "root", "--db", url]) == 0
    assert capsys.readouterr().out == "Supervisor PIN of root set.\n"
    assert _users(capsys, url)["root"]["has_pin"] is True
    _stdin("clerk-password\n")
    assert main(["users", "add", "carl", "--role", "clerk", "--db", url]) == 0
    _stdin("59371\n")
    assert main(["users", "pin", "carl", "--db", url]) == 1  # a clerk approves no override
    assert "only a role that may override a weight check" in _one_error_line(capsys)
    _stdin("")  # --clear reads nothing
    assert main(["users", "pin", "root", "--clear", "--db", url]) == 0
    assert _users(capsys, url)["root"]["has_pin"] is False


def test_who_may_manage_users(url, capsys) -> None:
    _stdin("clerk-password\n")
    assert main(["users", "add", "carl", "--role", "clerk", "--db", url]) == 0
    capsys.readouterr()
    _stdin("")  # refused before asking for a password: an empty stdin would be exit 1
    assert main(["--user", "carl", "users", "add", "eve", "--role", "admin", "--db", url]) == 3
    assert "Your role (clerk) may not manage users." in _one_error_line(capsys)
    assert main(["--user", "carl", "users", "disable", "root", "--db", url]) == 3
    _one_error_line(capsys)
    assert main(["--user", "ghost", "users", "list", "--db", url]) == 3
    assert "no active user named 'ghost'" in _one_error_line(capsys)
    assert main(["--user", "root", "users", "disable", "root", "--db", url]) == 1
    assert "cannot deactivate your own account" in _one_error_line(capsys)
    assert main(["users", "disable", "root", "--db", url]) == 1
    assert "root is the last active administrator" in _one_error_line(capsys)
    assert main(["users", "edit", "root", "--role", "clerk", "--db", url]) == 1
    _one_error_line(capsys)
    users = _users(capsys, url)
    assert users["root"]["active"] is True and users["root"]["role"] == "admin"
    assert users["carl"]["active"] is True


def test_users_list_as_a_table(url, capsys) -> None:
    capsys.readouterr()
    assert main(["users", "list", "--db", url]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["USER", "NAME", "ROLE", "ACTIVE", "PIN", "LAST", "SIGN-IN", "(UTC)"]
    assert row.split()[:5] == ["root", "Ruth", "Admin", "admin", "yes"]


def test_unlock_lets_a_user_sign_in_again_at_once(url, db, capsys) -> None:
    from app.services.users import FREE_FAILURES

    _stdin("bob-password\n")
    assert main(["users", "add", "bob", "--role", "clerk", "--db", url]) == 0
    with db.writing() as s:
        for _ in range(FREE_FAILURES):
            sign_in(s, "bob", "wrong", station="PACK-1")
        assert "Try again in" in str(sign_in(s, "bob", "bob-password", station="PACK-2"))
    capsys.readouterr()
    assert main(["users", "unlock", "bob", "--user", "bob", "--db", url]) == 3  # a clerk may not
    capsys.readouterr()
    assert main(["users", "unlock", "bob", "--db", url]) == 0
    assert capsys.readouterr().out == "User bob unlocked: they can sign in now.\n"
    with db.writing() as s:
        assert not isinstance(sign_in(s, "bob", "bob-password", station="PACK-2"), Exception)
