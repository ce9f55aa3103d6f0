"""One order's whole life from a script, as a warehouse runs it (issue #18, point 9):
an order file is imported, stock reserved, the order packed and its label bought from
EasyPost (a fake on 127.0.0.1) and printed, the parcel staged in its carrier's lane,
handed to the driver, the pickup closed, and carrier tracking takes it to delivered.

After every step the stock is checked (on hand, reserved, ledger = balances) and so is
the money: what the label cost is what the carrier quoted, bought once, and the order's
value is what the file said.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.engine import Database
from app.db.models import LabelPurchase, Order, OrderLine, Sku, StockBalance, StockMove
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.services.packing_world import build_pack_world

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

ORDER_FILE = (
    "order_number,order_date,sku,quantity,unit_price,currency,buyer_name,company,address1,"
    "address2,city,state,zip,country,phone,email,service_level,notes\n"
    "SO-7001,{today} 09:15,MUG,2,12.99,USD,Jane Doe,,500 Ocean Ave,,Santa Monica,CA,90402,"
    "US,310-555-0100,jane@example.com,standard,\n"
)


@pytest.fixture
def fake() -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(timeout_sleep=0.8).start()
    yield server
    server.stop()


class Script:
    """The CLI as a shell script runs it: exit code checked, JSON read back."""

    def __init__(self, capsys: pytest.CaptureFixture[str], url: str) -> None:
        self.capsys, self.url = capsys, url

    def __call__(self, *argv: str) -> str:
        self.capsys.readouterr()
        code = main([*argv, "--db", self.url])
        out, err = self.capsys.readouterr()
        assert code == 0, f"{argv}: {err}"
        return out

    def json(self, *argv: str) -> dict[str, Any]:
        answer: dict[str, Any] = json.loads(self(*argv, "--json"))
        return answer


def stock(db: Database) -> tuple[int, int]:
    """(on hand, reserved) of ACME's MUG in LA1, after checking ledger = balances."""
    with db.reading() as s:
        sku_id = s.scalar(select(Sku.id).where(Sku.code == "MUG", Sku.client_id == 1))
        on_hand, reserved = s.execute(
            select(func.coalesce(func.sum(StockBalance.on_hand), 0),
                   func.coalesce(func.sum(StockBalance.reserved), 0))
            .where(StockBalance.sku_id == sku_id)).one()
        into = s.scalar(select(func.coalesce(func.sum(StockMove.quantity), 0))
                        .where(StockMove.sku_id == sku_id, StockMove.to_bin_id.is_not(None)))
        out = s.scalar(select(func.coalesce(func.sum(StockMove.quantity), 0))
                       .where(StockMove.sku_id == sku_id, StockMove.from_bin_id.is_not(None)))
    assert int(into or 0) - int(out or 0) == on_hand, "the ledger and the balances disagree"
    return int(on_hand), int(reserved)


def order_status(db: Database) -> str:
    with db.reading() as s:
        return str(s.scalar(select(Order.status).where(Order.number == "SO-7001")))


def test_an_imported_order_is_packed_labelled_handed_over_and_delivered(
        db: Database, db_url: str, fake: FakeEasyPost, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    build_pack_world(db)  # LA1, client ACME, MUG 350 g, boxes, no stock, no orders
    run = Script(capsys, db_url)
    run("stock", "receive", "--warehouse", "LA1", "--bin", "A-01-01-01", "--sku", "MUG",
        "--client", "ACME", "--qty", "10", "--reference", "PO-1")
    assert stock(db) == (10, 0)

    # the warehouse's EasyPost account, ACME opted in, a staging lane per carrier
    run("carriers", "add", "--provider", "easypost", "--name", "EasyPost", "--base-url",
        fake.url + "/v2", "--set", f"api_key={TEST_KEY}")
    run("shipping-rules", "set", "--client", "ACME")
    for lane, carrier in (("LANE-USPS", "USPS"), ("LANE-UPS", "UPS")):
        run("bins", "add", lane, "--warehouse", "LA1", "--type", "staging", "--carrier", carrier)

    # 1. the seller's file comes in and the stock is reserved
    path = tmp_path / "orders.csv"
    path.write_text(ORDER_FILE.format(today=datetime.now(UTC).strftime("%Y-%m-%d")), "utf-8")
    run("orders", "import", str(path), "--client", "ACME")
    run("allocate")  # the warehouse allocates on import; a second pass changes nothing
    assert order_status(db) == "allocated" and stock(db) == (10, 2)
    with db.reading() as s:
        value = s.scalar(select(func.sum(OrderLine.unit_price * OrderLine.quantity))
                         .join(Order).where(Order.number == "SO-7001"))
    assert value == Decimal("25.98")

    # 2. the rates the client's rules choose from, and why
    quote = run.json("rates", "--order", "SO-7001")
    chosen = quote["chosen"]
    assert isinstance(chosen, dict) and chosen["carrier"] and quote["reason"]

    # 3. packed at the station: the label is bought once, printed, stock leaves the bin
    with FakeTcpPrinter() as printer:
        run("station", "set", f"label_printer={printer.uri}", "label_printer_language=zpl")
        packed = run.json("pack", "SO-7001", "--box", "BOX-8X6X4", "--weight-g", "830")
        (label,) = packed["labels"]
        (job,) = printer.wait_for_jobs(1)
    tracking, carrier = label["tracking_number"], label["carrier"]
    assert packed["label_error"] is None and carrier == chosen["carrier"]
    with db.reading() as s:
        (purchase,) = s.scalars(select(LabelPurchase))
        bought = (purchase.reference, purchase.status, purchase.tracking_number,
                  purchase.service, purchase.cost, purchase.label_format, purchase.label)
    reference, status, bought_tracking, service, cost, label_format, label_bytes = bought
    if label_format == "ZPL":  # the carrier's own ZPL goes to the printer raw
        assert job == label_bytes and f"^FD{tracking}^FS".encode() in job
    else:  # a PDF/PNG label is rasterised at the printer's dpi: read its barcode back
        assert tracking in [text for image in parse_zpl(job) for text in decode(image)]
    assert order_status(db) == "packed" and stock(db) == (8, 0)
    assert status == "bought" and bought_tracking == tracking
    assert fake.bought_once(reference)
    # the money: what was paid is the carrier's price of the rate bought
    assert cost is not None and cost > 0
    assert str(cost) in {r["rate"] for shipment in fake.shipments.values()
                         for r in shipment["rates"]
                         if r["carrier"] == carrier and r["service"] == service}

    # 4. staged in its carrier's lane (another lane is refused), handed over, closed
    lane = "LANE-UPS" if carrier == "UPS" else "LANE-USPS"
    wrong = "LANE-USPS" if lane == "LANE-UPS" else "LANE-UPS"
    capsys.readouterr()
    assert main(["staging", "scan", tracking, "--lane", wrong, "--db", db_url]) == 1
    assert lane in capsys.readouterr().err
    run("staging", "scan", tracking, "--lane", lane)
    run("pickup", "scan", tracking, "--carrier", carrier)
    closed = run.json("pickup", "close", "--carrier", carrier, "--pdf",
                      str(tmp_path / "manifest.pdf"))
    assert (tmp_path / "manifest.pdf").read_bytes().startswith(b"%PDF")
    assert closed["missing"] == [] and order_status(db) == "shipped"
    assert stock(db) == (8, 0)

    # 5. the carrier scans it: in transit, then delivered
    fake.script_tracking(tracking, ["in_transit", "delivered"])
    first = run.json("tracking", "update")
    assert first["orders_in_transit"] == ["SO-7001"] and order_status(db) == "in_transit"
    second = run.json("tracking", "update")
    assert second["orders_delivered"] == ["SO-7001"] and order_status(db) == "delivered"
    assert stock(db) == (8, 0)
    with db.reading() as s:  # still one label, still its first price
        assert s.scalar(select(func.count()).select_from(LabelPurchase)) == 1
        assert s.scalar(select(LabelPurchase.cost)) == cost

    # 6. the client's bill, line by line back to the order and its label: standard card;
    #    830 g in the 8x6x4 box weighs 907 g dimensional (8 x 6 x 4 in / 139, up to 2 lb)
    #    -> pick/pack 0.60, one extra unit 0.25, one box 0.50, the label at cost (+0 %);
    #    receiving per unit is 0.00 and the lot is inside its 30 free days.
    run("ratecards", "copy", "--client", "ACME", "--template", "standard")
    today = datetime.now(UTC).date()
    accrued = run.json("billing", "accrue", "--date", str(today - timedelta(days=1)), "--to",
                       str(today))
    assert accrued["charges"] == 4 and accrued["snapshots"] == 0
    draft = run.json("invoices", "draft", "--client", "ACME", "--month", f"{today:%Y-%m}")
    expected = Decimal("0.60") + Decimal("0.25") + Decimal("0.50") + cost
    assert Decimal(draft["total"]) == expected
    audit = tmp_path / "audit.csv"
    run("invoices", "show", "--client", "ACME", "--month", f"{today:%Y-%m}", "--csv", str(audit))
    with audit.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["kind"]: r for r in csv.DictReader(fh)}
    assert {k: (r["source_ref"], Decimal(r["amount"])) for k, r in rows.items()} == {
        "pick_pack_order": ("SO-7001", Decimal("0.60")),
        "pick_pack_extra_unit": ("SO-7001", Decimal("0.25")),
        "packing_material": ("SO-7001", Decimal("0.50")),
        "label": ("SO-7001", cost)}
    assert tracking in rows["label"]["description"]
    assert rows["pick_pack_order"]["description"] == "Order SO-7001: 2 unit(s), 907 g billable"
