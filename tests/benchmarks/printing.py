"""Printing benchmark: layout -> raster -> encode -> send to a loopback fake printer.

Run: ``python -m tests.benchmarks.printing [ROUNDS]``. For each language prints the
median and p95 time per 4x6 shipping label (fresh tracking number each round, so
nothing is cached) and the bytes each label costs on the wire. Target: p95 < 0.3 s.
"""

from __future__ import annotations

import statistics
import sys
import time

from printers import jobs, layouts
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import READY, FakeTcpPrinter

WAREHOUSE = layouts.Address("Haicang NJ", "100 Dock Rd", "Edison", "NJ", "08817")
CUSTOMER = layouts.Address("王小明", "浦东新区世纪大道100号 Apt 5B", "Los Angeles", "CA", "90001")


def label(round_number: int) -> layouts.ShippingLabel:
    """A shipping label with a tracking number unique to this round."""
    return layouts.ShippingLabel(
        ship_from=WAREHOUSE,
        ship_to=CUSTOMER,
        carrier="UPS",
        service="Ground",
        weight_g=1250,
        order_number=f"SO-{round_number:06d}",
        tracking_number=f"1Z999AA1{round_number:010d}",
    )


def measure(language: Language, printer: FakeTcpPrinter, rounds: int) -> tuple[list[float], int]:
    """Seconds per label from layout to bytes received, and the bytes of the last label."""
    profile = PrinterProfile(f"bench-{language}", printer.uri, language)
    timings: list[float] = []
    size = 0
    jobs.print_pdf(layouts.shipping_label(label(0)), profile)  # warm-up: imports, font
    for round_number in range(1, rounds + 1):
        expected = len(printer.wait_for_jobs(0)) + 1
        started = time.perf_counter()
        pdf = layouts.shipping_label(label(round_number))
        result = jobs.print_pdf(pdf, profile)
        printer.wait_for_jobs(expected)
        timings.append(time.perf_counter() - started)
        size = result.bytes_sent
    return timings, size


def main() -> None:
    """Print the table."""
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(f"4x6 shipping label, {rounds} rounds per language, loopback TCP fake printer")
    print(f"{'language':<8} {'median ms':>10} {'p95 ms':>8} {'bytes/label':>12}")
    with FakeTcpPrinter(status_replies=READY) as printer:
        for language in (Language.ZPL, Language.TSPL, Language.ESCPOS, Language.PDF):
            timings, size = measure(language, printer, rounds)
            p95 = statistics.quantiles(timings, n=20)[18]
            median = statistics.median(timings)
            print(f"{language.value:<8} {median * 1000:>10.1f} {p95 * 1000:>8.1f} {size:>12,}")


if __name__ == "__main__":
    main()
