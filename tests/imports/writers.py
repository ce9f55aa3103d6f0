"""Writing small order files for the tests, the way sellers' tools write them."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

HEADER = ["order_number", "order_date", "sku", "quantity", "unit_price", "currency",
          "buyer_name", "company", "address1", "address2", "city", "state", "zip", "country",
          "phone", "email", "service_level", "notes"]


def good_row(number: str = "SO-1", **changes: str) -> dict[str, str]:
    """A valid single-line order for client ACME; override any column by keyword."""
    row = {
        "order_number": number, "order_date": "2024-03-05 14:30", "sku": "MUG-RED",
        "quantity": "2", "unit_price": "12.99", "currency": "USD", "buyer_name": "Jane Doe",
        "company": "", "address1": "123 Main St", "address2": "Apt 4", "city": "Edison",
        "state": "NJ", "zip": "08817", "country": "US", "phone": "732-555-0100",
        "email": "jane@example.com", "service_level": "standard", "notes": "",
    }
    row.update(changes)
    return row


def csv_bytes(
    rows: Sequence[dict[str, str]],
    header: Sequence[str] = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    names: dict[str, str] | None = None,
) -> bytes:
    """CSV text of ``rows`` under ``header``; ``names`` renames header cells (aliases)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([(names or {}).get(h, h) for h in header])
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue().encode(encoding)


def write_csv(
    path: Path,
    rows: Sequence[dict[str, str]],
    header: Sequence[str] = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    names: dict[str, str] | None = None,
) -> Path:
    path.write_bytes(csv_bytes(rows, header, encoding=encoding, delimiter=delimiter,
                               names=names))
    return path


def write_xlsx(path: Path, header: Sequence[object], rows: Sequence[Sequence[object]],
               *, before: Sequence[Sequence[object]] = ()) -> Path:
    """A workbook whose first sheet holds ``before`` rows, the header and ``rows``
    (cells keep their Python types: datetimes become Excel dates, numbers numbers)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "订单"
    for values in before:
        sheet.append(list(values))
    sheet.append(list(header))
    for values in rows:
        sheet.append(list(values))
    book.save(path)
    return path
