"""A warehouse's pick-route layout and `haicang route`: set, shown, refused, agreed on."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.engine import Database
from app.db.models import AuditEntry, Warehouse
from app.domain.errors import InvalidValue, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import BinType, Role
from app.services import organisation as org
from app.services.layout import (
    BinsInOtherWarehouse,
    BinsNotInWarehouse,
    DepotAisleUnused,
    set_layout,
    warehouse_layout,
)
from tests.services.wave_world import ACTOR, build_wave_world
from tests.world import LA

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _layout(db: Database, code: str = "WP1") -> tuple[float, float, int, int]:
    with db.reading() as s:
        w = s.scalar(select(Warehouse).where(Warehouse.code == code))
        assert w is not None
        return (w.aisle_pitch_m, w.bin_pitch_m, w.block_length, w.depot_aisle)


def test_set_layout_changes_only_what_is_given_and_refuses_bad_values(db: Database) -> None:
    build_wave_world(db)
    with db.writing() as s:
        info = set_layout(s, "WP1", bin_pitch_m=1.2, actor=ACTOR)
    assert (info.layout.aisle_pitch_m, info.layout.bin_pitch_m) == (3.0, 1.2)
    assert _layout(db) == (3.0, 1.2, 0, 1)
    for bad, error in (({"aisle_pitch_m": 0.0}, InvalidValue),
                       ({"bin_pitch_m": -1.0}, InvalidValue),
                       ({"block_length": -2}, InvalidValue),
                       ({"depot_aisle": 0}, InvalidValue),
                       ({"depot_aisle": 7, "aisle_pitch_m": 2.5}, DepotAisleUnused)):
        with pytest.raises(error), db.writing() as s:
            set_layout(s, "WP1", actor=ACTOR, **bad)
        assert _layout(db) == (3.0, 1.2, 0, 1)
    with pytest.raises(PermissionDenied), db.writing() as s:
        set_layout(s, "WP1", block_length=5, actor=Actor("p", Role.PICKER))
    with db.reading() as s:
        layout = warehouse_layout(s, s.scalars(select(Warehouse.id)).one())
    assert layout.max_position == 10     # the deepest sellable bin; STAGE-01 does not count
    with db.reading() as s:
        assert s.scalar(select(func.count(AuditEntry.id))
                        .where(AuditEntry.action == "set_layout")) == 1   # the world set defaults


def test_cli_layout_show_and_list(db_url: str, db: Database,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    build_wave_world(db)
    with db.writing() as s:
        org.create_warehouse(s, LA, actor=ACTOR)    # no bins: any depot aisle goes
    assert main(["warehouses", "layout", "WP1", "--aisle-pitch-m", "2.8", "--bin-pitch-m",
                 "1.1", "--block-length", "5", "--depot-aisle", "4", "--db", db_url]) == 0
    assert "depot at the front of aisle 4" in capsys.readouterr().out
    assert main(["warehouses", "show", "WP1", "--json", "--db", db_url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["layout"] == {"aisle_pitch_m": 2.8, "bin_pitch_m": 1.1, "block_length": 5,
                               "depot_aisle": 4}
    assert main(["warehouses", "list", "--json", "--db", db_url]) == 0
    listed = {w["code"]: w["layout"] for w in json.loads(capsys.readouterr().out)}
    assert listed["WP1"] == shown["layout"]
    assert listed["LA1"] == {"aisle_pitch_m": 3.0, "bin_pitch_m": 1.0, "block_length": 0,
                             "depot_aisle": 1}
    assert main(["warehouses", "layout", "LA1", "--depot-aisle", "9", "--db", db_url]) == 0
    capsys.readouterr()
    for argv in (["--bin-pitch-m", "0"], ["--aisle-pitch-m", "-3"], ["--block-length", "-1"],
                 ["--depot-aisle", "9"]):
        assert main(["warehouses", "layout", "WP1", *argv, "--db", db_url]) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1, err
    assert _layout(db) == (2.8, 1.1, 5, 4)
    with pytest.raises(SystemExit) as usage:
        main(["warehouses", "layout", "WP1", "--bin-pitch-m", "x", "--db", db_url])
    assert usage.value.code == 2


def test_route_cli_contract(db_url: str, db: Database,
                            capsys: pytest.CaptureFixture[str]) -> None:
    build_wave_world(db)
    code = main(["route", "--warehouse", "WP1", "--bins", "A4-P10,A1-P01,a1-p02,A1-P01",
                 "--json", "--db", db_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"route", "distance_m", "method"}
    assert data["route"] in (["A1-P01", "A1-P02", "A4-P10"], ["A4-P10", "A1-P02", "A1-P01"])
    # up aisle 1 to the back (10 m), 9 m across, down aisle 4 from the back (0.5 m to
    # position 10 and 9.5 m to the front), 9 m back to the depot
    assert data["distance_m"] == pytest.approx(10 + 9 + 10 + 9)
    assert isinstance(data["method"], str) and data["method"]
    assert main(["route", "--warehouse", "WP1", "--bins", "A1-P01", "--db", db_url]) == 0
    assert "1.0 m" in capsys.readouterr().out


@pytest.mark.parametrize(("bins", "message"), [
    ("A1-P01,NOPE", "Warehouse WP1 has no bin NOPE."),
    ("", "Give at least one bin of warehouse WP1."),
    ("STAGE-01", "Bin STAGE-01 has no aisle and position"),
    ("A-01-01-01", "Bin A-01-01-01 is in warehouse LA1, not in WP1."),
])
def test_route_refusals(db_url: str, db: Database, capsys: pytest.CaptureFixture[str],
                        bins: str, message: str) -> None:
    build_wave_world(db)
    with db.writing() as s:
        org.create_warehouse(s, LA, actor=ACTOR)
        org.create_bins(s, "LA1", [org.BinDraft("A-01-01-01", BinType.PICK, 1, 1)], actor=ACTOR)
    assert main(["route", "--warehouse", "WP1", "--bins", bins, "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and err.count("\n") == 1, err


def test_route_service_errors_name_every_bin(db: Database) -> None:
    from app.services.layout import route_bins

    build_wave_world(db)
    with pytest.raises(BinsNotInWarehouse, match="X1, X2"), db.reading() as s:
        route_bins(s, "WP1", ["X1", "A1-P01", "X2"])
    with db.writing() as s:
        org.create_warehouse(s, LA, actor=ACTOR)
        org.create_bins(s, "LA1", [org.BinDraft("L-1", BinType.PICK, 1, 1)], actor=ACTOR)
    with pytest.raises(BinsInOtherWarehouse), db.reading() as s:
        route_bins(s, "WP1", ["L-1"])


def test_the_demo_warehouses_have_two_block_layouts_their_bins_fit(sqlite_url: str) -> None:
    from app.db.schema import open_database
    from app.services.demo import FLOORS, DemoOptions, load_demo
    from app.services.wave_plan import WaveFilters, plan_wave

    db = open_database(sqlite_url)
    try:
        load_demo(db, DemoOptions(orders=120, seed=3), actor=ACTOR)
        with db.reading() as s:
            for code, floor in FLOORS.items():
                info = org.warehouse_info(s, code)
                assert (info.layout.aisle_pitch_m, info.layout.bin_pitch_m,
                        info.layout.block_length, info.layout.depot_aisle) == (
                    floor.aisle_pitch_m, floor.bin_pitch_m, floor.block_length, 1)
                layout = warehouse_layout(s, info.id)
                assert layout.max_position == 2 * floor.bays > floor.block_length  # 2 blocks
                sellable = [b for b in org.list_bins(s, code) if b.bin_type in ("pick", "storage")]
                assert {b.aisle for b in sellable} == set(range(1, len(floor.aisles) + 1))
                assert min(b.position for b in sellable) == 1
                plan = plan_wave(s, code, WaveFilters())
                assert plan.batched_distance_m < plan.fcfs_distance_m \
                    < plan.single_order_distance_m
    finally:
        db.dispose()
