"""`haicang pack`, `haicang boxes ...` and `haicang station show|set` from a script."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.cli import main
from app.db.engine import Database
from app.domain.states import OrderStatus
from app.services.orders import cancel_order, get_order
from app.services.print_queue import JobStatus, list_jobs
from app.settings import load_settings
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.services.packing_world import SUPERVISOR_PIN, allocated_order, build_pack_world
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """The pack world: boxes MAILER-S, BOX-8X6X4 (barcode BX0002), BOX-12X10X8; MUG 350 g,
    CUP 200 g; supervisor 'boss' with the PIN 4826."""
    build_pack_world(db)
    yield db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> str:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], code: int, *argv: str, url: str) -> str:
    """A command that must fail with ``code`` and one error line; returns the line."""
    capsys.readouterr()
    assert main([*argv, "--db", url]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def show(capsys: pytest.CaptureFixture[str], url: str) -> dict[str, object]:
    return json.loads(run(capsys, "station", "show", "--json", url=url))


def test_station_is_set_up_by_script_and_shown_as_json(
        capsys: pytest.CaptureFixture[str], url: str) -> None:
    before = show(capsys, url)
    assert before["mode"] == "office" and before["label_printer"] is None
    assert set(before) == {
        "name", "warehouse", "language", "mode", "label_printer", "label_printer_language",
        "label_printer_dpi", "document_printer", "document_printer_language", "scale",
        "scale_protocol", "scale_baud", "auto_print", "tracking_minutes", "no_scan_days",
        "billing_auto"}
    assert (before["tracking_minutes"], before["no_scan_days"], before["billing_auto"]) == (
        30, 2, "on")
    run(capsys, "station", "set", "name=PACK-3", "warehouse=la1", "language=zh_CN", "mode=pack",
        "label_printer=tcp://10.0.0.31:9100", "label_printer_language=zpl",
        "label_printer_dpi=300", "document_printer=cups://Office", "document_printer_language=pdf",
        "scale=/dev/ttyUSB0", "scale_protocol=toledo", "scale_baud=9600", "auto_print=off",
        "tracking_minutes=0", "no_scan_days=5", "billing_auto=OFF", url=url)
    assert show(capsys, url) == {
        "name": "PACK-3", "warehouse": "LA1", "language": "zh_CN", "mode": "pack",
        "label_printer": "tcp://10.0.0.31:9100", "label_printer_language": "zpl",
        "label_printer_dpi": 300, "document_printer": "cups://Office",
        "document_printer_language": "pdf", "scale": "/dev/ttyUSB0", "scale_protocol": "toledo",
        "scale_baud": 9600, "auto_print": "off", "tracking_minutes": 0, "no_scan_days": 5,
        "billing_auto": "off"}
    settings = load_settings()
    assert settings.station_name == "PACK-3" and settings.mode == "pack"
    assert (settings.tracking_minutes, settings.no_scan_days) == (0, 5)
    assert not settings.billing_auto
    assert settings.printers["label"] == "label" and not settings.auto_print
    run(capsys, "station", "set", "scale=simulated", "document_printer=", url=url)
    after = show(capsys, url)
    assert after["scale"] == "simulated" and after["document_printer"] is None
    run(capsys, "station", "set", "billing_auto=on", url=url)
    assert show(capsys, url)["billing_auto"] == "on" and load_settings().billing_auto


@pytest.mark.parametrize(("pairs", "says"), [
    (["mode=pack", "colour=red"], "'colour' is not a station setting"),
    (["mode=pack", "mode=packer"], "mode=packer: must be one of office, pack, pick"),
    (["mode=pack", "language=fr"], "language=fr"),
    (["mode=pack", "warehouse=ZZ9"], "warehouse=ZZ9: no active warehouse"),
    (["mode=pack", "label_printer=tcp://x:9100"], "needs its language"),
    (["mode=pack", "label_printer=lpt1", "label_printer_language=zpl"], "label_printer=lpt1"),
    (["mode=pack", "label_printer_dpi=203"], "set the printer first"),
    (["mode=pack", "scale_baud=9600"], "set the scale first"),
    (["mode=pack", "scale=COM3", "scale_protocol=morse"], "scale_protocol=morse"),
    (["mode=pack", "auto_print=maybe"], "auto_print=maybe: must be one of on, off"),
    (["mode=pack", "billing_auto=nightly"], "billing_auto=nightly: must be one of on, off"),
    (["mode=pack", "name="], "name=: must not be empty"),
    (["mode=pack", "tracking_minutes=-5"], "tracking_minutes=-5: must be a whole number of "
                                           "minutes from 0 (never) to 1440"),
    (["mode=pack", "tracking_minutes=1441"], "tracking_minutes=1441"),
    (["mode=pack", "tracking_minutes=half"], "tracking_minutes=half"),
    (["mode=pack", "tracking_minutes=²"], "tracking_minutes=²"),
    (["mode=pack", "no_scan_days=0"], "no_scan_days=0: must be a whole number of days from 1 "
                                      "to 30"),
    (["mode=pack", "no_scan_days=31"], "no_scan_days=31"),
])
def test_a_bad_station_setting_is_refused_and_nothing_is_written(
        capsys: pytest.CaptureFixture[str], url: str, pairs: list[str], says: str) -> None:
    before = show(capsys, url)
    assert says in fails(capsys, 1, "station", "set", *pairs, url=url)
    assert show(capsys, url) == before


def test_boxes_are_added_listed_and_disabled(capsys: pytest.CaptureFixture[str], url: str) -> None:
    run(capsys, "boxes", "add", "BOX-10x8x6", "--inner-mm", "254x203x152", "--tare-g", "230",
        "--max-weight-g", "20000", "--barcode", "PKG-0103", "--name", "Carton 10x8x6", url=url)
    boxes = json.loads(run(capsys, "boxes", "list", "--json", url=url))
    assert [b["code"] for b in boxes] == ["MAILER-S", "BOX-8X6X4", "BOX-10x8x6", "BOX-12X10X8"]
    added = boxes[2]
    assert (added["inner_mm"], added["tare_g"], added["max_weight_g"], added["barcode"]) == (
        [254, 203, 152], 230, 20000, "PKG-0103")
    assert "already exists" in fails(capsys, 1, "boxes", "add", "X1", "--inner-mm", "1x1x1",
                                     "--tare-g", "1", "--max-weight-g", "9", "--barcode",
                                     "PKG-0103", url=url)
    assert "does not fit" in fails(capsys, 1, "boxes", "add", "X2", "--inner-mm", "0x1x1",
                                   "--tare-g", "1", "--max-weight-g", "9", url=url)
    with pytest.raises(SystemExit) as usage:
        main(["boxes", "add", "X3", "--inner-mm", "ten", "--tare-g", "1", "--max-weight-g", "9",
              "--db", url])
    assert usage.value.code == 2
    assert "already exists" in fails(capsys, 1, "boxes", "add", "box-10X8X6", "--inner-mm",
                                     "1x1x1", "--tare-g", "1", "--max-weight-g", "9", url=url)
    run(capsys, "boxes", "disable", "box-10x8x6", url=url)
    codes = [b["code"] for b in json.loads(run(capsys, "boxes", "list", "--json", url=url))]
    assert "BOX-10x8x6" not in codes


def test_pack_prints_a_label_whose_barcode_is_the_order_and_orders_show_lists_the_parcel(
        capsys: pytest.CaptureFixture[str], db: Database, url: str) -> None:
    allocated_order(db, "P-1", {"MUG": 2})
    with FakeTcpPrinter() as printer, FakeTcpPrinter() as documents:
        run(capsys, "station", "set", f"label_printer={printer.uri}", "label_printer_language=zpl",
            f"document_printer={documents.uri}", "document_printer_language=zpl", url=url)
        out = run(capsys, "pack", "P-1", "--box", "BX0002", "--weight-g", "830", url=url)
        (label,) = printer.wait_for_jobs(1)
        (slip,) = documents.wait_for_jobs(1)
    assert "P-1 packed: parcel 1 in BOX-8X6X4, 830 g (expected 820 g)" in out
    assert decode(parse_zpl(label)[0]) == ["P-1"]
    assert parse_zpl(slip)  # the client wants packing slips: on the document printer
    assert len(printer.jobs) == 1  # and never on the label roll
    detail = json.loads(run(capsys, "orders", "show", "P-1", "--json", url=url))
    assert detail["row"]["status"] == "packed"
    (parcel,) = detail["parcels"]
    assert {k: parcel[k] for k in ("seq", "box", "weight_g", "expected_weight_g",
                                   "label_source", "tracking_number")} == {
        "seq": 1, "box": "BOX-8X6X4", "weight_g": 830, "expected_weight_g": 820,
        "label_source": "warehouse", "tracking_number": None}
    # 8x6x4 in = 192 in³ / 139 -> 2 lb dim weight (no carrier yet: the 139 rule)
    assert (parcel["dim_weight_g"], parcel["billable_weight_g"]) == (907, 907)
    assert parcel["packed_by"].startswith("cli") and parcel["packed_at"]
    assert "packed already" in fails(capsys, 1, "pack", "P-1", "--box", "BOX-8X6X4",
                                     "--weight-g", "830", url=url)


def test_pack_refuses_what_the_station_refuses(capsys: pytest.CaptureFixture[str], db: Database,
                                               url: str) -> None:
    oid = allocated_order(db, "P-2", {"MUG": 1, "CUP": 1})
    pack = ["pack", "P-2", "--box", "BOX-8X6X4"]
    assert "No box has the code or barcode 'BOX-99'" in fails(
        capsys, 1, "pack", "P-2", "--box", "BOX-99", "--weight-g", "670", url=url)
    err = fails(capsys, 1, *pack, "--weight-g", "900", url=url)
    assert "weighs 900 g, expected 670 g ± 34 g (difference +230 g)" in err
    assert "not complete: 1 unit" in fails(capsys, 1, *pack, "--weight-g", "470", "--items",
                                           "MUG=1", url=url)
    assert "Wrong supervisor PIN" in fails(capsys, 1, *pack, "--weight-g", "900",
                                           "--override-pin", "1357", "--reason", "x", url=url)
    with db.reading() as s:
        assert get_order(s, oid).row.status is OrderStatus.ALLOCATED  # nothing half-written
    run(capsys, *pack, "--weight-g", "900", "--override-pin", SUPERVISOR_PIN, "--reason",
        "gift wrap", url=url)
    with db.reading() as s:
        assert get_order(s, oid).row.status is OrderStatus.PACKED
    oid3 = allocated_order(db, "P-3", {"CUP": 1})
    with db.writing() as s:
        cancel_order(s, oid3, actor=ACTOR, reason="buyer cancelled")
    assert "order P-3 is cancelled" in fails(capsys, 1, "pack", "P-3", "--box", "BOX-8X6X4",
                                             "--weight-g", "320", url=url)


def test_pack_with_the_printer_offline_packs_and_keeps_the_label_queued(
        capsys: pytest.CaptureFixture[str], db: Database, url: str) -> None:
    allocated_order(db, "P-4", {"CUP": 1})
    with FakeTcpPrinter() as printer:
        dead = printer.uri
    run(capsys, "station", "set", f"label_printer={dead}", "label_printer_language=zpl", url=url)
    capsys.readouterr()
    assert main(["pack", "P-4", "--box", "MAILER-S", "--weight-g", "225", "--db", url]) == 0
    err = capsys.readouterr().err
    assert "not delivered, waiting in the queue" in err
    with db.reading() as s:
        jobs = list_jobs(s)
        # no document printer on this station: no slip is laid out for the label roll
        assert [j.kind.value for j in jobs] == ["shipping_label"]
        assert all(j.status is JobStatus.FAILED and j.reference == "P-4" for j in jobs)
        assert get_order(s, jobs[0].order_id or 0).row.status is OrderStatus.PACKED
