"""`haicang ratecards ...`, `haicang billing accrue | charge`, `haicang invoices draft | issue
| show | credit | list`: the contracts of issue #20 (options, JSON keys, files, exit codes)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.db.engine import Database
from app.domain.states import Role
from app.services.invoice_documents import CSV_HEADERS
from app.services.users import create_user
from tests.services.billing_world import date_last_receipt, set_dims
from tests.world import ACTOR, build_world, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> str:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def run_json(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> object:
    return json.loads(run(capsys, url, *argv, "--json"))


def fails(capsys: pytest.CaptureFixture[str], url: str, code: int, *argv: str) -> str:
    capsys.readouterr()
    assert main([*argv, "--db", url]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_rate_cards_accrual_and_invoices(db: Database, db_url: str, capsys,
                                         tmp_path: Path) -> None:
    build_world(db)
    set_dims(db, "MUG", (100, 100, 100))
    receive(db, "MUG", 1000)  # 1 m³
    date_last_receipt(db, date(2026, 9, 1))

    templates = run_json(capsys, db_url, "ratecards", "templates")
    assert isinstance(templates, list) and templates[0]["name"] == "template:standard"
    card = run_json(capsys, db_url, "ratecards", "copy", "--client", "ACME",
                    "--template", "standard")
    assert isinstance(card, dict) and card["client"] == "ACME" and card["storage_unit"] == "m3"
    shown = run_json(capsys, db_url, "ratecards", "show", "--client", "ACME")
    assert isinstance(shown, dict)
    assert any(i["kind"] == "storage" and i["tiers"] == "31-60" and Decimal(i["price"]) == 1 / 2
               for i in shown["items"])

    gap = tmp_path / "gap.json"
    gap.write_text(json.dumps({"items": [
        {"kind": "storage", "tier_from": 0, "tier_to": 31, "price": "0"},
        {"kind": "storage", "tier_from": 45, "tier_to": None, "price": "1"}]}))
    err = fails(capsys, db_url, 1, "ratecards", "set", "--client", "ACME", "--file", str(gap))
    assert "no tier covers 31 to 45" in err
    assert run_json(capsys, db_url, "ratecards", "show", "--client", "ACME") == shown

    result = run_json(capsys, db_url, "billing", "accrue", "--date", "2026-11-02")
    assert isinstance(result, dict)
    assert set(result) == {"date", "charges", "amount", "snapshots", "clients"}
    # Sep 1 lot: Nov 2 is day 63 -> tier 61-90 at 1.00 per m³ per day, 1 m³
    assert result["date"] == "2026-11-02" and result["amount"] == "1.00"
    assert result["clients"] == {"ACME": {"charges": 1, "amount": "1.00"}}
    again = run_json(capsys, db_url, "billing", "accrue", "--date", "2026-11-02")
    assert isinstance(again, dict) and again["charges"] == 0
    # A run of days is one call (one transaction); the day already charged is skipped.
    days = run_json(capsys, db_url, "billing", "accrue", "--date", "2026-11-01", "--to",
                    "2026-11-02")
    assert isinstance(days, dict) and (days["date"], days["to"]) == ("2026-11-01", "2026-11-02")
    assert (days["charges"], days["amount"], days["snapshots"]) == (1, "1.00", 1)
    err = fails(capsys, db_url, 1, "billing", "accrue", "--date", "2026-11-02", "--to",
                "2026-11-01")
    assert "--to" in err
    run(capsys, db_url, "billing", "charge", "--client", "ACME", "--kind", "adhoc", "--qty", "2",
        "--price", "12.50", "--note", "Relabelled damaged cartons", "--date", "2026-11-05")
    err = fails(capsys, db_url, 1, "billing", "charge", "--client", "ACME", "--kind", "bogus",
                "--qty", "1", "--price", "1", "--note", "x")
    assert "bogus is not a kind of charge" in err

    draft = run_json(capsys, db_url, "invoices", "draft", "--client", "ACME", "--month",
                     "2026-11")
    assert isinstance(draft, dict)
    assert {k: draft[k] for k in ("number", "status", "subtotal", "minimum_topup", "credits",
                                  "total", "currency")} == {
        "number": "INV-202611-ACME", "status": "draft", "subtotal": "27.00",
        "minimum_topup": "0.00", "credits": "0.00", "total": "27.00", "currency": "USD"}
    pdf, csv_path, xlsx = tmp_path / "i.pdf", tmp_path / "i.csv", tmp_path / "i.xlsx"
    shown_inv = run_json(capsys, db_url, "invoices", "show", "--client", "ACME", "--month",
                         "2026-11", "--pdf", str(pdf), "--csv", str(csv_path), "--xlsx",
                         str(xlsx))
    assert isinstance(shown_inv, dict) and len(shown_inv["lines"]) == 3
    assert pdf.read_bytes().startswith(b"%PDF")
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == CSV_HEADERS and len(rows) == 1 + 2 + 1   # lot-days + ad hoc
    assert load_workbook(xlsx).sheetnames == ["Invoice 账单", "Lines 账单行", "Charges 明细",
                                              "Credits 抵扣"]

    text = run(capsys, db_url, "invoices", "issue", "--client", "ACME", "--month", "2026-11")
    assert "INV-202611-ACME (issued)" in text
    err = fails(capsys, db_url, 1, "invoices", "draft", "--client", "ACME", "--month", "2026-11")
    assert "already issued" in err
    fails(capsys, db_url, 1, "invoices", "draft", "--client", "ACME", "--month", "2026-13")
    listed = run_json(capsys, db_url, "invoices", "list")
    assert isinstance(listed, list) and listed[0]["status"] == "issued"


def test_clerk_is_refused_billing(db: Database, db_url: str, capsys) -> None:
    build_world(db)
    with db.writing() as s:
        create_user(s, "clara", "pw-123456-long", Role.CLERK, actor=ACTOR)
    fails(capsys, db_url, 3, "billing", "accrue", "--date", "2026-11-02", "--user", "clara")


def test_a_scheduled_task_charges_the_ended_days_due(db: Database, db_url: str,
                                                     capsys) -> None:
    """``billing accrue --due``: yesterday on a first run (the lot held since Sep 1 is
    charged for it), then nothing until another day has ended."""
    build_world(db)
    set_dims(db, "MUG", (100, 100, 100))
    receive(db, "MUG", 1000)
    date_last_receipt(db, date(2026, 9, 1))
    run(capsys, db_url, "ratecards", "copy", "--client", "ACME", "--template", "standard")
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    first = run_json(capsys, db_url, "billing", "accrue", "--due")
    assert isinstance(first, dict) and first["date"] == str(yesterday)
    assert first["charges"] == 1 and first["snapshots"] == 1
    again = run_json(capsys, db_url, "billing", "accrue", "--due")
    assert again == {"date": None, "to": None, "charges": 0, "amount": "0.00", "snapshots": 0,
                     "clients": {}}
    assert f"every day up to {yesterday} is charged" in run(capsys, db_url, "billing",
                                                            "accrue", "--due")
    assert "--to: goes with --date" in fails(capsys, db_url, 1, "billing", "accrue", "--due",
                                            "--to", str(yesterday))
    with pytest.raises(SystemExit) as usage:   # --date or --due, not both
        main(["billing", "accrue", "--due", "--date", str(yesterday), "--db", db_url])
    assert usage.value.code == 2
