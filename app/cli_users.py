"""`haicang users add | passwd | edit | pin | disable | enable | unlock | list`.

Passwords and PINs are read from standard input, never from the command line, where
they would stay in the shell history and show in the process list: at a terminal the
command asks twice without echo; from a pipe it reads one line
(``printf '%s\\n' "$PASS" | haicang users add bob --role clerk``).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from app.cli import EXIT_OK, EXIT_USAGE, Registrar, actor_of, open_context
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.domain.states import Role

ROLE_CHOICES = tuple(r.value for r in Role)


def read_secret(what: str) -> str:
    """A password or PIN from standard input: typed twice without echo at a terminal,
    else the first line (without its line ending)."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"{what}: ")
        if getpass.getpass(f"{what} again: ") != first:
            raise InvalidValue(field=what, problem="the two entries differ; nothing changed")
        return first
    line = sys.stdin.readline()
    if not line.strip():
        raise InvalidValue(field=what, problem="expected on standard input; nothing changed")
    return line.rstrip("\r\n")


def user_json(u: Any) -> dict[str, Any]:
    """The fields ``users list --json`` shows for one user (never a hash)."""
    return {
        "username": u.username, "name": u.display_name, "role": u.role, "active": u.active,
        "has_pin": u.has_pin,
        "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
    }


def _report(args: argparse.Namespace, info: Any, text: str) -> int:
    from app.clioutput import print_json

    if args.json:
        print_json(user_json(info))
    else:
        print(text)
    return EXIT_OK


def _managing(args: argparse.Namespace) -> tuple[Any, Actor]:
    """Open the database as the acting user, refused (exit 3) before any prompt when that
    user may not manage users."""
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    require(actor, Permission.MANAGE_USERS)
    return ctx, actor


def _user_id(ctx: Any, username: str) -> int:
    from app.services.users import find_user_id

    with ctx.db.reading() as s:
        return find_user_id(s, username)


def cmd_users_add(args: argparse.Namespace) -> int:
    from app.services.run import run_write
    from app.services.users import create_user

    ctx, actor = _managing(args)
    password = read_secret("password")
    info = run_write(ctx.db, create_user, args.username, password, args.role, actor=actor,
                     display_name=args.name)
    return _report(args, info, f"User {info.username} ({info.role}) added.")


def cmd_users_passwd(args: argparse.Namespace) -> int:
    from app.services.run import run_write
    from app.services.users import reset_password

    ctx, actor = _managing(args)
    user_id = _user_id(ctx, args.username)
    password = read_secret("password")
    info = run_write(ctx.db, reset_password, user_id, password, actor=actor)
    return _report(args, info, f"Password of {info.username} changed.")


def cmd_users_edit(args: argparse.Namespace) -> int:
    from app.services.run import run_write
    from app.services.users import edit_user, find_user_id

    if args.name is None and args.role is None:
        print("error: nothing to change: give --name and/or --role", file=sys.stderr)
        return EXIT_USAGE
    ctx, actor = _managing(args)
    info = run_write(ctx.db, lambda s: edit_user(s, find_user_id(s, args.username), actor=actor,
                                                 display_name=args.name, role=args.role))
    return _report(args, info,
                   f"User {info.username}: name {info.display_name}, role {info.role}.")


def cmd_users_pin(args: argparse.Namespace) -> int:
    from app.services.run import run_write
    from app.services.users import clear_supervisor_pin, set_supervisor_pin

    ctx, actor = _managing(args)
    user_id = _user_id(ctx, args.username)
    if args.clear:
        info = run_write(ctx.db, clear_supervisor_pin, user_id, actor=actor)
        return _report(args, info, f"Supervisor PIN of {info.username} cleared.")
    pin = read_secret("PIN")
    info = run_write(ctx.db, set_supervisor_pin, user_id, pin, actor=actor)
    return _report(args, info, f"Supervisor PIN of {info.username} set.")


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from app.services.run import run_write
    from app.services.users import find_user_id, set_user_active

    ctx, actor = _managing(args)
    info = run_write(ctx.db, lambda s: set_user_active(s, find_user_id(s, args.username),
                                                       active, actor=actor))
    state = ("activated: they can sign in again" if active
             else "deactivated: they can no longer sign in")
    return _report(args, info, f"User {info.username} {state}.")


def cmd_users_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_users_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def cmd_users_unlock(args: argparse.Namespace) -> int:
    """Lift a sign-in delay at once (wrong passwords are forgotten)."""
    from app.services.run import run_write
    from app.services.users import find_user_id, unlock_user

    ctx, actor = _managing(args)
    info = run_write(ctx.db, lambda s: unlock_user(s, find_user_id(s, args.username),
                                                   actor=actor))
    return _report(args, info, f"User {info.username} unlocked: they can sign in now.")


def cmd_users_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.users import list_users

    ctx = open_context(args)
    actor_of(args, ctx.db)  # an unknown --user is refused here too
    with ctx.db.reading() as s:
        rows = list_users(s)
    if args.json:
        print_json([user_json(u) for u in rows])
    else:
        print_table(
            ["USER", "NAME", "ROLE", "ACTIVE", "PIN", "LAST SIGN-IN (UTC)"],
            [(u.username, u.display_name, u.role, u.active, u.has_pin,
              f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else None)
             for u in rows],
        )
    return EXIT_OK


def register(reg: Registrar) -> None:
    """Add the user commands to the `haicang` parser."""
    add = reg.add
    users = reg.group("users", "users, roles, passwords and supervisor PINs")
    p = add(users, "add", cmd_users_add,
            "add a user (the password is read from standard input)", True)
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--role", required=True, choices=ROLE_CHOICES)
    p.add_argument("--name", metavar="NAME", help="display name (default: the user name)")
    p = add(users, "passwd", cmd_users_passwd,
            "set a user's password (read from standard input)", True)
    p.add_argument("username", metavar="USERNAME")
    p = add(users, "edit", cmd_users_edit, "change a user's display name or role", True)
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--name", metavar="NAME", help="new display name")
    p.add_argument("--role", choices=ROLE_CHOICES, help="new role")
    p = add(users, "pin", cmd_users_pin,
            "set a supervisor's 4-6 digit PIN (read from standard input) or clear it", True)
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--clear", action="store_true", help="remove the PIN")
    for name, handler, text in (
        ("disable", cmd_users_disable, "deactivate a user (they can no longer sign in)"),
        ("enable", cmd_users_enable, "activate a deactivated user again"),
        ("unlock", cmd_users_unlock, "let a user sign in again now after wrong passwords"),
    ):
        p = add(users, name, handler, text, True)
        p.add_argument("username", metavar="USERNAME")
    add(users, "list", cmd_users_list, "list users", True)
