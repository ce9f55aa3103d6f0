"""Properties of the file imports: random bytes and mutated valid files never crash a reader.

Whatever the bytes, an import either reads the file (each bad row a row problem) or refuses
the file as a whole (:class:`FileUnreadable` and its kinds: not a regular file, too large,
an encoding other than UTF-8/GBK/UTF-16, no header ...). Nothing read ever carries a control
character or an invisible character in an order number or SKU. The mutations are what the
attack of issue #13 used: NUL and other control bytes, byte-order marks, quotes, line
breaks, invalid multi-byte sequences, numbers of thousands of digits, cut-off files.

`make test` runs a small fixed set; `make fuzz` a large random one (tests/fuzzing.py).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.channels.files import read_order_file
from app.db.engine import Database
from app.db.schema import open_database
from app.domain.errors import FileUnreadable
from app.services.bin_import import BinImportRejected, import_bins
from app.services.sku_import import preview_sku_import
from tests.fuzzing import fuzz_settings
from tests.imports.conftest import ADMIN, build_shop
from tests.imports.writers import csv_bytes, good_row

pytestmark = pytest.mark.fuzz

_UNCLEAN = re.compile("[\x00-\x1f\x7f-\x9f\ufeff\u200b-\u200d\u2060\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069]")

#: Valid files as sellers' tools write them, to be mutated.
ORDER_FILES = [
    csv_bytes([good_row("SO-1", buyer_name="王五"), good_row("SO-2", quantity="3")]),
    csv_bytes([good_row("SO-1", buyer_name="王五", city="爱迪生")], encoding="utf-8-sig"),
    csv_bytes([good_row("SO-1", buyer_name="李娜"), good_row("SO-1", sku="CUP")],
              encoding="gbk"),
    csv_bytes([good_row("SO-1", buyer_name="李娜")], delimiter="\t", encoding="utf-16"),
]
SKU_FILES = [
    "sku,name,name_zh,barcodes,weight_g,length_mm,declared_value\r\n"
    "LAMP-1,Lamp,台灯,036000291452,1250,300,12.5\r\nPEN-2,Pen,笔,,8,140,\r\n".encode("gbk"),
]
BIN_FILES = [
    "库位编码,库位类型,巷道,位置,层\r\nA-01-01,拣货,A,1,1\r\nA-01-02,存储,2,3,4\r\n".encode(),
]
#: Bytes worth inserting: what broke or nearly broke the readers.
TOKENS = [b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xef\xbb\xbf", b"\xe2\x80\x8b", b"\xe2\x80\xae",
          b"\r", b"\n", b'"', b",", b"\t", b";", b"\xff", b"\x80", b"\xa4\xfd", b"+c4tOlA-",
          b"9" * 5000, b"1e99999", b"-1", b"\xc2\x85", b"=cmd|'/c calc'!A0"]

mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(TOKENS)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 16)),
    st.tuples(st.just("flip"), st.integers(0, 10_000), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10_000), st.just(0)),
)


def mutate(data: bytes, changes: list[tuple[str, int, object]]) -> bytes:
    buf = bytearray(data)
    for kind, at, arg in changes:
        pos = at % (len(buf) + 1)
        if kind == "insert":
            assert isinstance(arg, bytes)
            buf[pos:pos] = arg
        elif kind == "delete":
            assert isinstance(arg, int)
            del buf[pos:pos + arg]
        elif kind == "flip" and pos < len(buf):
            assert isinstance(arg, int)
            buf[pos] ^= arg
        elif kind == "cut":
            del buf[pos:]
    return bytes(buf)


def files(valid: list[bytes]) -> st.SearchStrategy[bytes]:
    """Random bytes, or a valid file with a few mutations."""
    return st.one_of(
        st.binary(max_size=4096),
        st.builds(mutate, st.sampled_from(valid), st.lists(mutation, min_size=1, max_size=6)),
    )


@pytest.fixture(scope="module")
def work() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def shop_db(work: Path) -> Iterator[Database]:
    """One shop for every example (hypothesis runs the examples inside one test call)."""
    database = open_database(f"sqlite:///{work / 'fuzz.sqlite3'}")
    build_shop(database)
    try:
        yield database
    finally:
        database.dispose()


@fuzz_settings(150)
@given(data=files(ORDER_FILES))
def test_order_files_read_or_are_refused(work: Path, data: bytes) -> None:
    path = work / "orders.csv"
    path.write_bytes(data)
    try:
        parsed = read_order_file(path)
    except FileUnreadable:
        return
    for order in parsed.orders:
        assert not _UNCLEAN.search(order.number), order.number
        ship = order.ship_to
        for text in (ship.name, ship.address1, ship.city, ship.zip):
            assert not _UNCLEAN.search(text), text
        for line in order.lines:
            assert not _UNCLEAN.search(line.sku) and 0 < line.quantity <= 1_000_000
    for problem in parsed.problems:
        assert problem.reason and "\x00" not in problem.reason


class _RollBack(Exception):
    """Ends a write transaction without committing it."""


@fuzz_settings(40)
@given(data=files(SKU_FILES + ORDER_FILES[:1]))
def test_sku_files_read_or_are_refused(shop_db: Database, work: Path, data: bytes) -> None:
    path = work / "skus.csv"
    path.write_bytes(data)
    with shop_db.reading() as s:
        try:
            report = preview_sku_import(s, "ACME", path)
        except FileUnreadable:
            return
    for code in (*report.created, *report.updated, *report.unchanged):
        assert not _UNCLEAN.search(code), code


@fuzz_settings(40)
@given(data=files(BIN_FILES))
def test_bin_files_read_or_are_refused(shop_db: Database, work: Path, data: bytes) -> None:
    path = work / "bins.csv"
    path.write_bytes(data)
    try:
        with shop_db.writing() as s:
            import_bins(s, "NJ1", path, actor=ADMIN)
            raise _RollBack
    except (_RollBack, BinImportRejected, FileUnreadable):
        pass
