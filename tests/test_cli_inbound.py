"""`haicang inbound ...` as the office and the dock type it, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from app.cli import main
from app.db.schema import open_database
from tests.world import build_world

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(tmp_path: Path) -> str:
    from app.domain.states import Role
    from app.services import skus as sku_svc
    from app.services.users import create_user
    from tests.world import ACTOR

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    build_world(db)
    with db.writing() as s:
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("HAT", "Hat"), actor=ACTOR)
        create_user(s, "pete", "picker-password", Role.PICKER, actor=ACTOR)
        create_user(s, "pat", "packer-password", Role.PACKER, actor=ACTOR)
    db.dispose()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _asn(tmp_path: Path, body: str, header: str = "reference,carton,sku,quantity,eta,container,"
         "tracking") -> str:
    path = tmp_path / "asn.csv"
    path.write_text(header + "\n" + body, encoding="utf-8")
    return str(path)


def test_announce_receive_close(url: str, tmp_path: Path, capsys) -> None:
    status, out, _ = run(capsys, "inbound", "template", str(tmp_path / "t.xlsx"), "--chinese",
                         "--db", url)
    assert status == 0 and (tmp_path / "t.xlsx").exists()
    path = _asn(tmp_path, "ASN-1,C1,MUG,10,2026-12-20,MSKU1,\nASN-1,C1,CUP,5,,,\n"
                          "ASN-1,C2,MUG,4,,,\n")
    status, out, err = run(capsys, "inbound", "import", path, "--client", "ACME",
                           "--warehouse", "LA1", "--json", "--db", url)
    assert (status, err) == (0, "")
    assert json.loads(out)["shipments"] == ["ASN-1"]
    status, out, _ = run(capsys, "inbound", "list", "--client", "ACME", "--json", "--db", url)
    listed = json.loads(out)
    assert [(r["reference"], r["status"], r["cartons"], r["expected"]) for r in listed] == [
        ("ASN-1", "announced", 2, 19)]
    assert run(capsys, "inbound", "arrive", "ASN-1", "--db", url)[0] == 0
    for argv in (["--carton", "C1", "--sku", "MUG", "--qty", "8", "--damaged", "1"],
                 ["--carton", "C1", "--sku", "CUP", "--qty", "6"],
                 ["--carton", "C2", "--sku", "MUG", "--qty", "4"],
                 ["--carton", "C2", "--sku", "NEW-1", "--qty", "1"]):
        status, out, err = run(capsys, "inbound", "receive", "ASN-1", *argv, "--user", "pete",
                               "--db", url)
        assert (status, err) == (0, ""), argv
    assert "quarantine" in out
    status, out, _ = run(capsys, "inbound", "show", "ASN-1", "--json", "--db", url)
    shown = json.loads(out)
    assert shown["status"] == "receiving"
    assert [(c["carton"], [(ln["sku"], ln["received"]) for ln in c["lines"]])
            for c in shown["cartons"]] == [("C1", [("MUG", 8), ("CUP", 6)]),
                                           ("C2", [("MUG", 4), ("NEW-1", 1)])]
    assert [(ln["carton"], ln["sku"], ln["difference"]) for ln in shown["lines"]] == [
        ("C1", "MUG", -1), ("C1", "CUP", 1), ("C2", "MUG", 0), ("C2", "NEW-1", 1)]
    status, out, _ = run(capsys, "inbound", "unknown", "--json", "--db", url)
    assert [u["code"] for u in json.loads(out)] == ["NEW-1"]
    report = tmp_path / "report.pdf"
    status, out, err = run(capsys, "inbound", "close", "ASN-1", "--json", "--report",
                           str(report), "--db", url)
    assert (status, err) == (0, "")
    assert json.loads(out) == {"reference": "ASN-1", "lines": [
        {"sku": "MUG", "expected": 14, "received": 12, "damaged": 1, "difference": -1},
        {"sku": "CUP", "expected": 5, "received": 6, "damaged": 0, "difference": 1},
        {"sku": "NEW-1", "expected": 0, "received": 1, "damaged": 0, "difference": 1},
    ]}
    assert "收货差异报告" in pdfium.PdfDocument(report.read_bytes())[0].get_textpage() \
        .get_text_range()
    status, out, _ = run(capsys, "stock", "--json", "--db", url)
    assert sorted((r["sku_code"], r["on_hand"]) for r in json.loads(out)) == [
        ("CUP", 6), ("MUG", 13)]
    status, out, _ = run(capsys, "check", "--db", url)
    assert status == 0
    status, out, err = run(capsys, "inbound", "receive", "ASN-1", "--carton", "C1", "--sku",
                           "MUG", "--qty", "1", "--db", url)
    assert (status, out, err) == (
        1, "", "error: Inbound shipment ASN-1 is closed; nothing more can be received.\n")
    status, _, _ = run(capsys, "inbound", "labels", "ASN-1", "--pdf", str(tmp_path / "l.pdf"),
                       "--db", url)
    assert status == 0 and len(pdfium.PdfDocument(str(tmp_path / "l.pdf"))) == 2


@pytest.mark.parametrize(("argv", "message"), [
    (["--carton", "C9", "--sku", "MUG", "--qty", "1"],
     "error: Carton C9 is not in inbound shipment ASN-1.\n"),
    (["--carton", "C1", "--sku", "HAT", "--qty", "1"],
     "error: SKU HAT belongs to client BETA, not to client ACME.\n"),
    (["--carton", "C1", "--sku", "MUG", "--qty", "-2"], "error: quantity: must not be negative\n"),
    (["--carton", "C1", "--sku", "MUG", "--qty", "1", "--bin", "STAGE-9"],
     "error: Bin STAGE-9 was not found.\n"),
])
def test_receive_refusals_are_one_line(url: str, tmp_path: Path, capsys, argv: list[str],
                                       message: str) -> None:
    path = _asn(tmp_path, "ASN-1,C1,MUG,10,,,\n")
    assert run(capsys, "inbound", "import", path, "--client", "ACME", "--warehouse", "LA1",
               "--db", url)[0] == 0
    status, out, err = run(capsys, "inbound", "receive", "ASN-1", *argv, "--db", url)
    assert (status, out, err) == (1, "", message)
    status, out, _ = run(capsys, "inbound", "show", "ASN-1", "--json", "--db", url)
    assert json.loads(out)["received"] == 0 and json.loads(out)["status"] == "announced"


def test_bad_file_lists_rows_and_imports_nothing(url: str, tmp_path: Path, capsys) -> None:
    path = _asn(tmp_path, "入-1,1,MUG,0,,,\n入-1,2,HAT,1,,,\n入-2,1,CUP,2,,,\n",
                header="入库单号,箱号,SKU,数量,预计到达,柜号,追踪号")
    status, out, err = run(capsys, "inbound", "import", path, "--client", "ACME",
                           "--warehouse", "LA1", "--db", url)
    assert status == 1 and err == "error: 2 of 3 rows have problems; nothing was imported.\n"
    assert out.splitlines()[:2] == [
        "line 2: reference 入-1: quantity: quantity '0' is not a whole number greater than 0",
        "line 3: reference 入-1: sku: SKU HAT belongs to client BETA, not to client ACME"]
    assert json.loads(run(capsys, "inbound", "list", "--json", "--db", url)[1]) == []
    status, out, _ = run(capsys, "inbound", "import", path, "--client", "ACME", "--warehouse",
                         "LA1", "--valid-only", "--json", "--db", url)
    assert status == 0 and json.loads(out)["shipments"] == ["入-2"]


def test_same_reference_for_two_clients_needs_client(url: str, tmp_path: Path, capsys) -> None:
    assert run(capsys, "inbound", "create", "PO-1", "--client", "ACME", "--warehouse", "LA1",
               "--line", "1:MUG:2", "--db", url)[0] == 0
    assert run(capsys, "inbound", "create", "PO-1", "--client", "BETA", "--warehouse", "NJ1",
               "--line", "1:HAT:1", "--db", url)[0] == 0
    status, _, err = run(capsys, "inbound", "arrive", "PO-1", "--db", url)
    assert (status, err) == (
        1, "error: Inbound shipment PO-1 exists for clients ACME, BETA; say which client.\n")
    assert run(capsys, "inbound", "arrive", "PO-1", "--client", "BETA", "--db", url)[0] == 0
    status, _, err = run(capsys, "inbound", "arrive", "PO-1", "--client", "BETA", "--db", url)
    assert (status, err) == (
        1, "error: Inbound shipment PO-1 is arrived and cannot become arrived.\n")
    status, _, err = run(capsys, "inbound", "close", "PO-1", "--client", "ACME", "--db", url)
    assert (status, err) == (
        1, "error: Inbound shipment PO-1 is announced and cannot become closed.\n")
    status, _, err = run(capsys, "inbound", "create", "PO-2", "--client", "ACME", "--warehouse",
                         "LA1", "--line", "1:MUG:2", "--user", "pat", "--db", url)
    assert status == 3 and err == "error: Your role (packer) may not receive stock.\n"


def test_carton_labels_print_on_the_station_label_printer(
        url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --pdf the labels go through the print queue to this station's 4x6 printer,
    laid out at its dpi; each label's barcode scans back as REFERENCE/CARTON."""
    from app.settings import StationSettings, save_settings
    from printers.profiles import Language, PrinterProfile
    from tests.fakes.printers import FakeTcpPrinter, parse_tspl, parse_zpl
    from tests.printers.helpers import decode

    path = _asn(tmp_path, "ASN-7,C1,MUG,10,,,\nASN-7,C1,CUP,5,,,\nASN-7,C2,MUG,4,,,\n")
    assert run(capsys, "inbound", "import", path, "--client", "ACME", "--warehouse", "LA1",
               "--db", url)[0] == 0
    status, out, err = run(capsys, "inbound", "labels", "ASN-7", "--db", url)
    assert (status, out) == (1, "") and err.startswith("error: No printer is set up for labels")
    assert err.count("\n") == 1

    def station(profile: PrinterProfile) -> None:
        save_settings(StationSettings(station_name="DOCK-1", printers={
            "profiles": {profile.name: profile.to_dict()}, "label": profile.name}))

    with FakeTcpPrinter() as rollo:
        station(PrinterProfile("Rollo", rollo.uri, Language.TSPL, dpi=203))
        status, out, err = run(capsys, "inbound", "labels", "ASN-7", "--db", url)
        assert (status, err) == (0, "")
        assert out == "Carton labels of ASN-7 (all cartons) sent to Rollo as print job 1.\n"
        (job,) = rollo.wait_for_jobs(1)
    assert [decode(image) for image in parse_tspl(job).images] == [["ASN-7/C1"], ["ASN-7/C2"]]

    with FakeTcpPrinter() as zebra:
        station(PrinterProfile("Zebra", zebra.uri, Language.ZPL, dpi=300))
        status, out, err = run(capsys, "inbound", "labels", "ASN-7", "--carton", "C2",
                               "--db", url)
        assert (status, err) == (0, "")
        assert out == "Carton labels of ASN-7/C2 (carton C2) sent to Zebra as print job 2.\n"
        (job,) = zebra.wait_for_jobs(1)
        assert [decode(image) for image in parse_zpl(job)] == [["ASN-7/C2"]]
        status, out, err = run(capsys, "inbound", "labels", "ASN-7", "--carton", "C9",
                               "--db", url)
        assert (status, out, err) == (1, "", "error: Carton C9 is not in inbound shipment "
                                             "ASN-7.\n")
    # the printer is gone: the job waits in the queue, one line names it
    status, out, err = run(capsys, "inbound", "labels", "ASN-7", "--db", url)
    assert (status, out) == (1, "")
    assert err.startswith("error: print job 3 not delivered (waiting in the queue): ")
    assert err.count("\n") == 1
    status, out, _ = run(capsys, "print", "queue", "--json", "--db", url)
    queue = json.loads(out)
    assert [(j["id"], j["kind"], j["reference"], j["status"], j["dpi"]) for j in queue] == [
        (3, "carton_labels", "ASN-7", "failed", 300),
        (2, "carton_labels", "ASN-7/C2", "sent", 300),
        (1, "carton_labels", "ASN-7", "sent", 203)]
    pdf = tmp_path / "c1.pdf"
    status, out, _ = run(capsys, "inbound", "labels", "ASN-7", "--carton", "C1", "--pdf",
                         str(pdf), "--db", url)
    assert status == 0 and len(pdfium.PdfDocument(str(pdf))) == 1
