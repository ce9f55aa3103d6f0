"""Faults become typed errors quickly; the same bytes then print on a healthy printer."""

from __future__ import annotations

import socket

import pytest

from printers import jobs, layouts
from printers.errors import (
    ConnectionDropped,
    ConnectionRefused,
    CoverOpen,
    PaperOut,
    PrinterError,
    PrinterOffline,
    PrinterTimeout,
)
from printers.profiles import Language, PrinterProfile, PrintOptions
from printers.transports import DummyTransport, TcpTransport
from tests.fakes.printers import COVER_OPEN, PAPER_OUT, READY, FakeTcpPrinter, parse_zpl
from tests.printers.helpers import TRACKING, decode, shipping


@pytest.fixture(scope="module")
def zpl_job() -> bytes:
    profile = PrinterProfile("p", "dummy://", Language.ZPL)
    return jobs.encode_job(layouts.shipping_label(shipping()), profile)


def _profile(uri: str, language: Language = Language.ZPL) -> PrinterProfile:
    return PrinterProfile("pack-1", uri, language, options=PrintOptions(timeout_s=0.5))


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_refused_connection_then_retry_on_healthy_printer(zpl_job: bytes) -> None:
    with pytest.raises(ConnectionRefused) as caught:
        jobs.send(zpl_job, _profile(f"tcp://127.0.0.1:{_closed_port()}"))
    assert isinstance(caught.value, PrinterOffline)
    assert "refused the connection" in str(caught.value)
    with FakeTcpPrinter() as healthy:
        jobs.send(zpl_job, _profile(healthy.uri))
        assert healthy.wait_for_jobs(1) == [zpl_job]
        assert decode(parse_zpl(healthy.wait_for_jobs(1)[0])[0]) == [TRACKING]


def test_printer_closing_mid_job_is_connection_dropped() -> None:
    big_job = b"^XA" + b"0" * 8_000_000 + b"^XZ"  # bigger than any socket buffer
    with (
        FakeTcpPrinter("close_after", close_after=1000) as flaky,
        pytest.raises(ConnectionDropped) as caught,
    ):
        jobs.send(big_job, _profile(flaky.uri))
    assert "closed the connection after" in caught.value.message
    with FakeTcpPrinter() as healthy:
        jobs.send(big_job, _profile(healthy.uri))
        assert healthy.wait_for_jobs(1) == [big_job]


def test_printer_that_stops_reading_times_out() -> None:
    big_job = b"\x00" * 8_000_000
    with FakeTcpPrinter("stall") as stalled:
        transport = TcpTransport(
            "127.0.0.1", stalled.port, timeout=0.3, send_buffer_bytes=4096, drain_timeout=0.1
        )
        with pytest.raises(PrinterTimeout) as caught:
            jobs.send(big_job, _profile(stalled.uri), transport=transport)
    assert caught.value.fields["seconds"] == 0.3
    assert "stopped responding" in str(caught.value)


@pytest.mark.parametrize(("replies", "error"), [(PAPER_OUT, PaperOut), (COVER_OPEN, CoverOpen)])
def test_escpos_status_stops_the_job_before_sending(
    replies: dict[int, int], error: type[PrinterError]
) -> None:
    pdf = layouts.shipping_label(shipping())
    with FakeTcpPrinter(status_replies=replies) as printer:
        with pytest.raises(error):
            jobs.print_pdf(pdf, _profile(printer.uri, Language.ESCPOS))
        # The fake records a connection's queries once the client has hung up.
        assert printer.wait_for_status_queries(1)[:1] == [1]
        assert printer.jobs == []


def test_offline_status_is_printer_offline() -> None:
    transport = DummyTransport(replies=bytes([0x1A, 0x12, 0x12]))
    with pytest.raises(PrinterOffline, match="reports itself offline"):
        jobs.send(b"job", _profile("dummy://", Language.ESCPOS), transport=transport)
    assert transport.output == b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"


def test_silent_escpos_printer_still_prints() -> None:
    with FakeTcpPrinter(status_replies=None) as printer:
        profile = _profile(printer.uri, Language.ESCPOS)
        result = jobs.send(b"\x1b@", profile)
        assert result.status is None
        assert printer.wait_for_jobs(1) == [b"\x1b@"]


def test_ready_status_is_reported() -> None:
    with FakeTcpPrinter(status_replies=READY) as printer:
        result = jobs.send(b"\x1b@", _profile(printer.uri, Language.ESCPOS))
        assert result.status is not None and result.status.online
