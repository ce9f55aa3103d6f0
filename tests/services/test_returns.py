"""Returns: an RMA from an order or a scanned tracking number, graded receipts with ledger
moves and layers, the order returned, the client's list; and `haicang returns ...`."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cli import main
from app.db.models import Order, PutawayTask, ReturnReceipt, StockLot, StockMove
from app.domain.errors import BinInactive, InvalidValue, NotFound, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import BinType, Role
from app.domain.stock_control_errors import (
    NoBinOfType,
    ReturnBinRefused,
    ReturnClientNeeded,
    ReturnNotReturnable,
    ReturnTooMany,
    ReturnWrongSku,
)
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.allocation import allocate_order
from app.services.fulfilment import pack_order, ship_order, start_picking
from app.services.returns import create_return, get_return, list_returns, receive_return
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
CLERK = Actor("clerk", Role.CLERK)
PACKER = Actor("packer", Role.PACKER)


def returns_world(db) -> int:
    """build_world plus a returns bin in LA1, and order O-1 (2 MUG, 1 CUP) shipped as 1Z999."""
    build_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft("RET-01", BinType.RETURNS)], actor=ACTOR)
    receive(db, "MUG", 5)
    receive(db, "CUP", 3)
    oid = place_order(db, "O-1", {"MUG": 2, "CUP": 1})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)
        ship_order(s, oid, carrier="UPS", tracking_number="1Z999", actor=ACTOR)
    return int(oid)


def test_rma_from_order_graded_three_ways_returns_the_order(db) -> None:
    oid = returns_world(db)
    with db.writing() as s:
        rma = create_return(s, order_number="O-1", actor=CLERK)
    assert rma.number.startswith("RMA-") and (rma.order, rma.status, rma.warehouse) == (
        "O-1", "open", "LA1")
    with db.writing() as s:
        got = receive_return(s, rma.number, sku_code="MUG", quantity=1, grade="resellable",
                             reason="unwanted", actor=CLERK)
    assert (got.bin, got.order_returned) == ("RET-01", True) and got.putaway_task
    with db.reading() as s:
        assert s.scalar(select(Order.status).where(Order.id == oid)) == "returned"
        task = s.get(PutawayTask, got.putaway_task)
        assert (task.quantity, task.source, task.status) == (1, rma.number, "open")
    with db.writing() as s:
        dmg = receive_return(s, rma.number, sku_code="CUP", quantity=1, grade="damaged",
                             actor=CLERK, weight_g=260)
        gone = receive_return(s, rma.number, sku_code="MUG", quantity=1, grade="dispose",
                              reason="broken", actor=CLERK)
    assert (dmg.bin, dmg.order_returned, gone.bin) == ("DMG-01", False, "DMG-01")
    with db.reading() as s:
        moves = [(m.kind, m.quantity, m.reason, m.reference) for m in s.scalars(
            select(StockMove).where(StockMove.reference == rma.number).order_by(StockMove.id))]
        weights = list(s.scalars(select(ReturnReceipt.weight_g).order_by(ReturnReceipt.id)))
        layers = [(x.source, x.quantity, x.remaining) for x in s.scalars(
            select(StockLot).where(StockLot.reference == rma.number).order_by(StockLot.id))]
        info = get_return(s, rma.number)
    assert moves == [("return", 1, "return resellable: unwanted", rma.number),
                     ("return", 1, "return damaged", rma.number),
                     ("return", 1, "return dispose: broken", rma.number),
                     ("adjustment", 1, "damaged", rma.number)]
    assert weights == [350, 260, 350]
    assert layers == [("return", 1, 1), ("return", 1, 1), ("return", 1, 0)]
    assert (info.status, info.units, [ln.grade for ln in info.lines]) == (
        "received", 3, ["resellable", "damaged", "dispose"])
    assert_stock_true(db)


def test_scanning_a_tracking_number_finds_the_order_or_opens_one_for_the_clerk(db) -> None:
    returns_world(db)
    with db.writing() as s:
        found = create_return(s, tracking="1Z999", actor=CLERK)
    assert found.order == "O-1" and found.tracking_number == "1Z999"
    with pytest.raises(ReturnClientNeeded), db.writing() as s:
        create_return(s, tracking="9400UNKNOWN", actor=CLERK)
    with db.writing() as s:
        loose = create_return(s, tracking="9400UNKNOWN", client_code="ACME",
                              warehouse_code="LA1", actor=CLERK)
        got = receive_return(s, loose.number, sku_code="CUP", quantity=4, grade="resellable",
                             bin_code="B-01-02-01", actor=CLERK)
    assert (loose.order, loose.client, got.putaway_task, got.order_returned) == (
        None, "ACME", None, False)
    with db.reading() as s:
        assert [r.number for r in list_returns(s, client_code="ACME")] == [
            loose.number, found.number]
        assert list_returns(s, client_code="BETA") == []
    assert_stock_true(db)


def test_refusals_write_nothing(db) -> None:
    returns_world(db)
    place_order(db, "O-2", {"MUG": 1})
    with pytest.raises(ReturnNotReturnable), db.writing() as s:
        create_return(s, order_number="O-2", actor=CLERK)
    with pytest.raises(PermissionDenied), db.writing() as s:
        create_return(s, order_number="O-1", actor=PACKER)
    with db.writing() as s:
        number = create_return(s, order_number="O-1", actor=CLERK).number
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("BOWL", "Bowl"), actor=ACTOR)
    with db.reading() as s:
        before = s.scalar(select(StockMove.id).order_by(StockMove.id.desc()).limit(1))
    bad = [
        (ReturnTooMany, {"sku_code": "MUG", "quantity": 3, "grade": "resellable"}),
        (ReturnWrongSku, {"sku_code": "BOWL", "quantity": 1, "grade": "damaged"}),
        (NotFound, {"sku_code": "NOPE", "quantity": 1, "grade": "damaged"}),
        (ReturnBinRefused, {"sku_code": "MUG", "quantity": 1, "grade": "damaged",
                            "bin_code": "A-01-01-01"}),
        (ReturnBinRefused, {"sku_code": "MUG", "quantity": 1, "grade": "resellable",
                            "bin_code": "STAGE-01"}),
        (InvalidValue, {"sku_code": "MUG", "quantity": 0, "grade": "damaged"}),
        (InvalidValue, {"sku_code": "MUG", "quantity": 1, "grade": "lost"}),
    ]
    for error, kwargs in bad:
        with pytest.raises(error), db.writing() as s:
            receive_return(s, number, actor=CLERK, **kwargs)
    with db.writing() as s:
        org.set_bin_active(s, "LA1", "RET-01", False, actor=ACTOR)
    with pytest.raises(BinInactive), db.writing() as s:
        receive_return(s, number, sku_code="MUG", quantity=1, grade="resellable",
                       bin_code="RET-01", actor=CLERK)
    with pytest.raises(NoBinOfType), db.writing() as s:
        receive_return(s, number, sku_code="MUG", quantity=1, grade="resellable", actor=CLERK)
    with db.reading() as s:
        assert s.scalar(select(StockMove.id).order_by(StockMove.id.desc()).limit(1)) == before
        assert s.scalar(select(ReturnReceipt.id)) is None
        assert get_return(s, number).status == "open"
    assert_stock_true(db)


def test_more_than_shipped_over_two_rmas_is_refused(db) -> None:
    returns_world(db)
    with db.writing() as s:
        first = create_return(s, order_number="O-1", actor=CLERK).number
        receive_return(s, first, sku_code="MUG", quantity=2, grade="damaged", actor=CLERK)
        second = create_return(s, order_number="O-1", actor=CLERK).number
    with pytest.raises(ReturnTooMany, match="2 already came back"), db.writing() as s:
        receive_return(s, second, sku_code="MUG", quantity=1, grade="damaged", actor=CLERK)


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_returns(db, db_url, capsys) -> None:
    returns_world(db)
    code, out, err = _cli(capsys, "returns", "create", "--order", "O-1", "--json",
                          "--db", db_url)
    assert code == 0, err
    number = json.loads(out)["number"]
    code, out, err = _cli(capsys, "returns", "receive", number, "--sku", "MUG", "--qty", "1",
                          "--grade", "resellable", "--reason", "wrong size", "--db", db_url)
    assert code == 0, err
    assert "RET-01" in out and "order returned" in out
    code, out, _err = _cli(capsys, "returns", "list", "--client", "ACME", "--json",
                           "--db", db_url)
    (row,) = json.loads(out)
    assert (row["number"], row["order"], row["units"], row["status"]) == (
        number, "O-1", 1, "received")
    code, out, _err = _cli(capsys, "returns", "show", number, "--json", "--db", db_url)
    assert json.loads(out)["lines"][0]["reason"] == "wrong size"
    code, _out, err = _cli(capsys, "returns", "receive", number, "--sku", "MUG", "--qty", "9",
                           "--grade", "damaged", "--db", db_url)
    assert code == 1 and err.startswith("error: Order O-1 shipped 2 × MUG")
    code, _out, err = _cli(capsys, "returns", "create", "--tracking", "NOPE", "--db", db_url)
    assert code == 1 and "name the client" in err
    code, _out, err = _cli(capsys, "returns", "show", "RMA-999999", "--db", db_url)
    assert code == 1 and "Return RMA-999999 was not found." in err
