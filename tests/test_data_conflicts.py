"""A database rule violation reaches the user as a translated sentence, on both databases.

Services check before they write, but another PC can save in between; the database's
own rules (unique keys, references, checks, NOT NULL) then refuse the write. Those
refusals are real here, raised by SQLite and PostgreSQL, and read the same way in the
GUI (English and Chinese) and in the CLI's last line of defence.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import cli
from app.db.engine import Database
from app.db.errors import data_conflict
from app.db.models import Client, PrintJob
from app.domain.errors import DataConflict
from app.ui.i18n import error_text, install_translators


def _duplicate_code(session: Session) -> None:
    session.add(Client(code="ACME", name="Acme"))
    session.flush()
    session.add(Client(code="ACME", name="Acme again"))


def _missing_warehouse(session: Session) -> None:
    session.add(Client(code="ACME", name="Acme", default_warehouse_id=999_999))


def _no_name(session: Session) -> None:
    session.add(Client(code="ACME"))


def _no_copies(session: Session) -> None:
    session.add(PrintJob(actor="admin", station="PC-1", kind="label", reference="SO-1",
                         printer_name="zebra", printer_uri="file:///dev/null", language="zpl",
                         dpi=203, printer_profile="{}", copies=0, status="queued", zpl=b"^XA"))


#: (write that breaks a rule, the rule SQLite names, the rule PostgreSQL names)
VIOLATIONS: dict[str, tuple[Callable[[Session], None], str, str]] = {
    "unique": (_duplicate_code, "clients.code", "uq_clients_code"),
    "foreign key": (_missing_warehouse, "FOREIGN KEY",
                    "fk_clients_default_warehouse_id_warehouses"),
    "not null": (_no_name, "clients.name", "clients.name"),
    "check": (_no_copies, "ck_print_jobs_copies_positive", "ck_print_jobs_copies_positive"),
}


def _violate(db: Database, write: Callable[[Session], None]) -> IntegrityError:
    with pytest.raises(IntegrityError) as caught, db.writing() as session:
        write(session)
        session.flush()
    return caught.value


@pytest.fixture(params=list(VIOLATIONS))
def violation(request: pytest.FixtureRequest, db: Database) -> tuple[IntegrityError, str]:
    write, on_sqlite, on_postgres = VIOLATIONS[request.param]
    return _violate(db, write), on_sqlite if db.kind == "sqlite" else on_postgres


def test_a_violation_becomes_a_data_conflict_naming_the_rule(
    violation: tuple[IntegrityError, str]
) -> None:
    error, rule = violation
    conflict = data_conflict(error)
    assert isinstance(conflict, DataConflict)
    assert conflict.fields == {"constraint": rule}
    assert conflict.message == (
        f"This change conflicts with data saved meanwhile ({rule}); nothing was saved. "
        "Reload and try again."
    )
    assert data_conflict(ValueError("not a database error")) is None


def test_the_gui_shows_it_in_english_and_chinese(
    violation: tuple[IntegrityError, str], qapp: QApplication
) -> None:
    error, rule = violation
    assert error_text(error) == data_conflict(error).message  # type: ignore[union-attr]
    install_translators(qapp, "zh_CN")
    try:
        assert error_text(error) == (
            f"此更改与其他人刚保存的数据冲突（{rule}），未保存任何内容。请刷新后重试。"
        )
    finally:
        install_translators(qapp, "en")


def test_the_cli_says_it_in_one_line(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command whose write the database refuses: one 'error:' line, exit status 1."""

    def handler(args: argparse.Namespace) -> int:
        with db.writing() as session:
            _duplicate_code(session)
        return cli.EXIT_OK

    parser = argparse.ArgumentParser()
    parser.set_defaults(handler=handler)
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    assert cli.main([]) == cli.EXIT_FAILED
    rule = "clients.code" if db.kind == "sqlite" else "uq_clients_code"
    assert capsys.readouterr().err == (
        f"error: This change conflicts with data saved meanwhile ({rule}); nothing was saved. "
        "Reload and try again.\n"
    )
