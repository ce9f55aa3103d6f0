"""`haicang print ...` to loopback fake printers: what they print scans as the right code."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.db.engine import Database
from app.services.allocation import allocate_order
from app.services.print_queue import job_pdf, list_jobs
from app.services.run import run_write
from app.settings import StationSettings, save_settings
from printers import jobs
from printers.profiles import Language, PrinterProfile, PrintOptions
from tests.fakes.printers import READY, FakeTcpPrinter, parse_tspl
from tests.printers.helpers import decode, page_texts
from tests.printing.conftest import FNSKU, PARSERS, TRACKED, TRACKING
from tests.world import ACTOR, place_order

LANGUAGES = ["zpl", "tspl", "escpos"]


def _run(world: Database, printer: FakeTcpPrinter, language: str, *argv: str) -> list[bytes]:
    code = main(["print", *argv, "--printer", printer.uri, "--language", language,
                 "--db", world.url])
    assert code == 0
    return printer.wait_for_jobs(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipping_label_barcode_is_the_order_number_or_tracking(world: Database,
                                                                 language: str) -> None:
    with FakeTcpPrinter(status_replies=READY) as printer:
        (untracked,) = _run(world, printer, language, "label", "--order", "SO-2001")
        assert main(["print", "label", "--order", TRACKED, "--printer", printer.uri,
                     "--language", language, "--db", world.url]) == 0
        tracked = printer.wait_for_jobs(2)[1]
    (page,) = PARSERS[language](untracked)
    assert page.height == 1218  # 6 in at 203 dpi
    assert decode(page) == ["SO-2001"]
    assert decode(PARSERS[language](tracked)[0]) == [TRACKING]


@pytest.mark.parametrize("language", LANGUAGES)
def test_bin_labels_for_a_range_scan_as_their_codes(world: Database, language: str) -> None:
    with FakeTcpPrinter(status_replies=READY) as printer:
        (data,) = _run(world, printer, language, "bin-labels", "--warehouse", "LA1",
                       "--from", "A-01-01-01", "--to", "B-01-02-01")
    pages = PARSERS[language](data)
    expected = ["A-01-01-01", "A-01-01-02", "B-01-02-01"]
    if language == "escpos":  # a receipt printer without cuts prints one long strip
        assert sorted(decode(pages[0])) == expected
    else:
        assert [decode(page) for page in pages] == [[code] for code in expected]


@pytest.mark.parametrize("language", LANGUAGES)
def test_sku_labels_carry_the_fnsku_n_times(world: Database, language: str) -> None:
    with FakeTcpPrinter(status_replies=READY) as printer:
        (data,) = _run(world, printer, language, "sku-labels", "--sku", "LAMP", "--copies", "3")
    pages = PARSERS[language](data)
    assert set(decode(pages[0])) == {FNSKU}
    if language == "tspl":
        assert parse_tspl(data).copies == [3]  # one bitmap, printed three times
    elif language == "zpl":
        assert b"^PQ3" in data
    else:
        assert decode(pages[0]) == [FNSKU] * 3  # one strip of three labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_packing_slip_on_a_203_dpi_label_printer_scans_as_the_order(world: Database,
                                                                   language: str) -> None:
    # Laid out for the 4x6 label, not shrunk from letter: bars of whole dots at 203 dpi.
    with FakeTcpPrinter(status_replies=READY) as printer:
        (data,) = _run(world, printer, language, "packing-slip", "--order", "SO-2001")
    (page, *_) = PARSERS[language](data)
    if language != "escpos":  # a receipt strip has no page height
        assert page.height == 1218
    assert "SO-2001" in decode(page)


def test_packing_slip_as_pdf_lists_the_order_lines(world: Database, tmp_path) -> None:
    target = tmp_path / "slip.pdf"
    assert main(["print", "packing-slip", "--order", "SO-2001", "--printer",
                 f"file://{target}", "--language", "pdf", "--db", world.url]) == 0
    (text,) = page_texts(target.read_bytes())
    assert "SO-2001" in text and "MUG" in text and "LAMP" in text


def test_a_sku_several_clients_use_needs_the_client(world: Database, capsys) -> None:
    with FakeTcpPrinter() as printer:
        assert main(["print", "sku-labels", "--sku", "MUG", "--printer", printer.uri,
                     "--language", "zpl", "--db", world.url]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "ACME, BETA" in err
        assert main(["print", "sku-labels", "--sku", "MUG", "--client", "BETA", "--printer",
                     printer.uri, "--language", "zpl", "--db", world.url]) == 0
        assert decode(PARSERS["zpl"](printer.wait_for_jobs(1)[0])[0]) == ["MUG"]
    with world.reading() as s:
        assert list_jobs(s)[0].reference == "BETA/MUG"


def test_profile_from_station_settings(world: Database) -> None:
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Pack 1", printer.uri, Language.TSPL, dpi=203)
        save_settings(StationSettings(station_name="PACK-1", printers={
            "profiles": {"Pack 1": profile.to_dict()}, "label": "Pack 1"}))
        assert main(["print", "test", "--profile", "Pack 1", "--db", world.url]) == 0
        assert main(["print", "label", "--order", "SO-2001", "--db", world.url]) == 0  # role
        test_page, label = printer.wait_for_jobs(2)
    assert decode(parse_tspl(test_page).images[0]) == ["HC-TEST-1"]
    assert decode(parse_tspl(label).images[0]) == ["SO-2001"]
    with world.reading() as s:
        assert {(j.printer_name, j.station) for j in list_jobs(s)} == {("Pack 1", "PACK-1")}


def test_unknown_profile_and_missing_language_are_one_line_errors(world: Database,
                                                                  capsys) -> None:
    assert main(["print", "test", "--profile", "Nope", "--db", world.url]) == 1
    assert main(["print", "test", "--printer", "tcp://127.0.0.1:9", "--db", world.url]) == 2
    assert main(["print", "test", "--db", world.url]) == 1  # no printers set up
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all(line.startswith("error:") for line in lines)
    assert "Nope" in lines[0] and "--language" in lines[1] and "Settings" in lines[2]


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _queue(world: Database, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["print", "queue", "--json", "--db", world.url]) == 0
    return json.loads(capsys.readouterr().out)


def test_refused_printer_keeps_the_job_and_retry_prints_the_identical_pdf(
    world: Database, capsys
) -> None:
    refused = f"tcp://127.0.0.1:{_closed_port()}"
    assert main(["print", "label", "--order", "SO-2001", "--printer", refused,
                 "--language", "zpl", "--db", world.url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refused the connection" in err
    (job,) = _queue(world, capsys)
    assert f"print job {job['id']} " in err
    assert (job["status"], job["attempts"], job["printer_uri"]) == ("failed", 1, refused)
    assert "refused" in job["last_error"]
    with world.reading() as s:
        archived = job_pdf(s, job["id"])
    assert archived is not None
    with FakeTcpPrinter() as healthy:
        assert main(["print", "queue", "--retry", str(job["id"]), "--printer", healthy.uri,
                     "--language", "zpl", "--db", world.url]) == 0
        (received,) = healthy.wait_for_jobs(1)
    profile = PrinterProfile("x", healthy.uri, Language.ZPL)
    assert received == jobs.encode_job(archived, profile)
    assert decode(PARSERS["zpl"](received)[0]) == ["SO-2001"]
    (after,) = _queue(world, capsys)
    assert (after["status"], after["attempts"], after["last_error"]) == ("sent", 2, None)
    with world.reading() as s:
        assert job_pdf(s, job["id"]) == archived
    # A sent job is not sent again by --retry; --reprint makes a new job of the same PDF.
    assert main(["print", "queue", "--retry", str(job["id"]), "--db", world.url]) == 1
    with FakeTcpPrinter() as again:
        assert main(["print", "queue", "--reprint", str(job["id"]), "--printer", again.uri,
                     "--language", "zpl", "--db", world.url]) == 0
        assert again.wait_for_jobs(1) == [received]


def test_retry_without_a_printer_uses_the_jobs_own_printer(world: Database, tmp_path,
                                                           capsys) -> None:
    target = tmp_path / "later" / "out.zpl"  # the folder does not exist yet
    assert main(["print", "test", "--printer", f"file://{target}", "--language", "zpl",
                 "--db", world.url]) == 1
    (job,) = _queue(world, capsys)
    assert job["status"] == "failed" and not target.exists()
    target.parent.mkdir()
    assert main(["print", "queue", "--retry", str(job["id"]), "--db", world.url]) == 0
    assert decode(PARSERS["zpl"](target.read_bytes())[0]) == ["HC-TEST-1"]


def test_unknown_job_is_a_one_line_error(world: Database, capsys) -> None:
    assert main(["print", "queue", "--retry", "999", "--db", world.url]) == 1
    assert capsys.readouterr().err == "error: Print job 999 was not found.\n"


def test_profile_timeout_from_settings_is_used(world: Database) -> None:
    profile = PrinterProfile("slow", "tcp://127.0.0.1:9", Language.ZPL,
                             options=PrintOptions(timeout_s=0.2))
    save_settings(StationSettings(printers={"profiles": {"slow": profile.to_dict()}}))
    assert main(["print", "test", "--db", world.url]) == 1  # the only printer serves all roles


def test_a_backordered_order_gets_no_label_and_no_job(world: Database, capsys) -> None:
    backordered = place_order(world, "SO-3001", {"MUG": 500})
    run_write(world, allocate_order, backordered, actor=ACTOR)
    capsys.readouterr()
    assert main(["print", "label", "--order", "SO-3001", "--printer", "tcp://127.0.0.1:9",
                 "--language", "zpl", "--db", world.url]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: Order SO-3001 is backordered: allocate it before printing its label."]
    with world.reading() as s:
        assert list_jobs(s) == []  # nothing waits in the queue that could never print
