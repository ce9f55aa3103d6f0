"""Files that broke the imports when attacked on purpose (issue #13): devices, pipes, huge
files and encodings other than the ones Chinese Excel writes. Each is a clear refusal of the
file before it is read (or decoded into nonsense), never a hang or garbled text stored."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from app.channels.encodings import EncodingRefused, MixedEncoding
from app.channels.file_input import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_MB,
    FileTooLarge,
    NotARegularFile,
    read_import_file,
)
from app.channels.files import ParsedFile, read_order_file
from app.cli import main
from app.db.engine import Database
from app.domain.errors import FileUnreadable
from app.services.sku_import import import_skus
from tests.imports.conftest import ADMIN
from tests.imports.writers import HEADER, csv_bytes, good_row, write_csv

CHINESE = {"order_number": "订单号", "sku": "商品编码", "quantity": "数量", "buyer_name": "收件人",
           "address1": "地址1", "city": "城市", "state": "州", "zip": "邮编"}
SHORT = ["order_number", "sku", "quantity", "buyer_name", "address1", "city", "state", "zip"]


def _read(tmp_path: Path, data: bytes, name: str = "orders.csv") -> ParsedFile:
    path = tmp_path / name
    path.write_bytes(data)
    return read_order_file(path)


# --- what is not a regular file, and files too large -------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_before_reading(device: str) -> None:
    with pytest.raises(NotARegularFile, match="not a file saved on disk"):
        read_order_file(device)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile):
        read_order_file(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_instead_of_waiting_for_ever(tmp_path: Path) -> None:
    fifo = tmp_path / "orders.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_order_file(fifo)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the hung reader so the test process can end
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe hung")
    assert len(outcome) == 1 and isinstance(outcome[0], NotARegularFile)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:  # sparse: costs no disk and, if read, 200 MB of memory
        fh.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(FileTooLarge) as caught:
        read_order_file(path)
    assert f"{MAX_IMPORT_MB} MB" in caught.value.message
    assert caught.value.fields["size"] == MAX_IMPORT_MB + 1


def test_the_limit_counts_what_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_bytes(b"x" * 100)
    assert read_import_file(path, limit=100) == b"x" * 100
    with pytest.raises(FileTooLarge):
        read_import_file(path, limit=99)


# --- encodings -------------------------------------------------------------------------------


def _refused_as(tmp_path: Path, data: bytes) -> str:
    with pytest.raises(EncodingRefused) as caught:
        _read(tmp_path, data)
    message = caught.value.message
    assert "save it as 'CSV UTF-8 (Comma delimited)'" in message
    return str(caught.value.fields["encoding"])


@pytest.mark.parametrize(
    ("encoding", "name", "expected"),
    [
        ("big5", "王五 陳大文", "Big5 (Traditional Chinese)"),
        ("big5", "王五", "Big5 (Traditional Chinese)"),  # GB18030 read it as a private-use char
        ("shift_jis", "山田太郎", "Shift-JIS (Japanese)"),
        ("shift_jis", "田中", "Shift-JIS (Japanese)"),
        ("utf-7", "王五", "UTF-7"),
    ],
)
def test_other_encodings_are_refused_with_their_name(
    tmp_path: Path, encoding: str, name: str, expected: str
) -> None:
    data = csv_bytes([good_row(buyer_name=name)], encoding=encoding)
    assert _refused_as(tmp_path, data) == expected


def test_western_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    data = csv_bytes([good_row(buyer_name="José Müller")], encoding="cp1252")
    assert "Windows-125" in _refused_as(tmp_path, data)


def test_a_file_half_utf8_half_gbk_is_refused_with_the_line_where_it_changes(
    tmp_path: Path
) -> None:
    utf8 = csv_bytes([good_row("SO-1", buyer_name="王五"), good_row("SO-2", buyer_name="赵六")])
    gbk = csv_bytes([good_row("SO-3", buyer_name="李四")], encoding="gbk").split(b"\r\n", 1)[1]
    with pytest.raises(MixedEncoding) as caught:
        _read(tmp_path, utf8 + gbk)
    assert (caught.value.fields["first"], caught.value.fields["line"]) == (2, 4)
    assert "changes on line 4" in caught.value.message


@pytest.mark.parametrize("name", ["王五", "王喆", "张三", "李堃 王喆"])
def test_short_gbk_files_with_chinese_headers_still_import(tmp_path: Path, name: str) -> None:
    row = good_row(buyer_name=name)
    parsed = _read(tmp_path, csv_bytes([row], SHORT, encoding="gbk", names=CHINESE))
    assert parsed.encoding == "gb18030"
    assert parsed.orders[0].ship_to.name == name


def test_gbk_with_chinese_punctuation_and_symbols_imports(tmp_path: Path) -> None:
    notes = "温度≤30℃，面积5㎡，①号—“加急”…《说明》【易碎】·×2"
    parsed = _read(tmp_path, csv_bytes([good_row(buyer_name="王五", notes=notes)],
                                       encoding="gbk"))
    assert parsed.orders[0].notes == notes


def test_utf16_without_its_byte_order_mark_reads(tmp_path: Path) -> None:
    data = csv_bytes([good_row(buyer_name="李娜")], delimiter="\t", encoding="utf-16-le")
    parsed = _read(tmp_path, data)
    assert parsed.encoding == "utf-16-le" and parsed.orders[0].ship_to.name == "李娜"


def test_plus_signs_in_utf8_text_are_not_taken_for_utf7(tmp_path: Path) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row(phone="+17325550100",
                                                 email="jane+abc-x@example.com")]))
    assert parsed.encoding == "utf-8" and parsed.problems == ()


def test_a_big5_sku_file_is_refused_through_the_shared_reader(shop: Database,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "skus.csv"
    path.write_bytes("sku,name,name_zh\nLAMP-1,Lamp,檯燈 電源線\n".encode("big5"))
    with pytest.raises(EncodingRefused, match="Big5"), shop.writing() as s:
        import_skus(s, "ACME", path, actor=ADMIN)


# --- the command line: one line on stderr, exit 1 ----------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("kind", ["big5", "device", "huge"])
def test_cli_imports_refuse_in_one_line(shop: Database, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str], kind: str) -> None:
    path = tmp_path / "in.csv"
    if kind == "big5":
        path.write_bytes(csv_bytes([good_row(buyer_name="王五")], encoding="big5"))
        expected = "Big5"
    elif kind == "huge":
        with path.open("wb") as fh:
            fh.truncate(MAX_IMPORT_BYTES + 1)
        expected = f"{MAX_IMPORT_MB} MB"
    else:
        if sys.platform == "win32":
            pytest.skip("no /dev/zero")
        path = Path("/dev/zero")
        expected = "not a file saved on disk"
    for argv in (["orders", "import", str(path), "--client", "ACME"],
                 ["skus", "import", str(path), "--client", "ACME"],
                 ["bins", "import", str(path), "--warehouse", "NJ1"],
                 ["labels", "import", str(path)]):
        if argv[0] == "labels" and kind == "big5":
            continue  # label files are PDF, PNG or ZPL: no text encoding
        code, err = _cli(capsys, *argv, "--db", shop.url)
        assert code == 1, argv
        assert err.startswith("error: ") and err.count("\n") == 1 and expected in err, argv


def test_cli_a_huge_quantity_is_a_row_problem_not_a_crash(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path / "o.csv", [good_row(quantity="9" * 5000)], HEADER)
    code, err = _cli(capsys, "orders", "import", str(path), "--client", "ACME", "--db", shop.url)
    assert code == 1
    assert err.splitlines()[-1] == "error: 1 of 1 rows have problems; nothing was imported."
    assert "unexpected" not in err


def test_everything_refused_is_a_file_unreadable() -> None:
    """The GUI dialogs and the CLI catch FileUnreadable: each new refusal is one."""
    for cls in (NotARegularFile, FileTooLarge, EncodingRefused, MixedEncoding):
        assert issubclass(cls, FileUnreadable)
