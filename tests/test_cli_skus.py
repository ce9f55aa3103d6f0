"""`haicang skus ...` as a warehouse admin types it, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import open_database
from tests.world import build_world

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(tmp_path: Path) -> str:
    """ACME (SKUs MUG with UPC 012345678905, CUP) and BETA (MUG); a clerk to act as."""
    from app.domain.states import Role
    from app.services.users import create_user
    from tests.world import ACTOR

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    build_world(db)
    with db.writing() as s:
        create_user(s, "clerk", "clerk-password", Role.CLERK, actor=ACTOR)
    db.dispose()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def show(capsys: pytest.CaptureFixture[str], url: str, code: str,
         client: str = "ACME") -> dict[str, object]:
    status, out, _err = run(capsys, "skus", "show", code, "--client", client, "--json",
                            "--db", url)
    assert status == 0
    return dict(json.loads(out))


def test_add_with_every_option_then_show_and_list(url: str, capsys) -> None:
    status, out, err = run(
        capsys, "skus", "add", "LAMP", "--client", "ACME", "--name", "Desk lamp",
        "--name-zh", "台灯", "--barcode", "036000291452", "--barcode", "X00LAMP001;OWN-7",
        "--weight-g", "1250", "--length-mm", "300", "--width-mm", "200", "--height-mm", "450",
        "--prepacked", "--lot-tracked", "--hazmat", "--declared-value", "12.50",
        "--hs-code", "9405.20.60", "--db", url)
    assert (status, err) == (0, "") and out == "SKU LAMP added for client ACME.\n"
    lamp = show(capsys, url, "OWN-7")  # by any barcode
    assert lamp["code"] == "LAMP" and lamp["barcodes"] == ["036000291452", "X00LAMP001", "OWN-7"]
    assert (lamp["weight_g"], lamp["length_mm"], lamp["width_mm"], lamp["height_mm"]) == (
        1250, 300, 200, 450)
    assert (lamp["prepacked"], lamp["lot_tracked"], lamp["hazmat"]) == (True, True, True)
    assert (lamp["declared_value"], lamp["hs_code"], lamp["name_zh"]) == (
        "12.50", "9405.20.60", "台灯")
    status, out, _ = run(capsys, "skus", "list", "--client", "ACME", "--db", url)
    assert status == 0 and out.splitlines()[0].split() == [
        "CLIENT", "SKU", "NAME", "中文名", "BARCODES", "WEIGHT", "G", "PRE-PACKED", "ACTIVE"]
    assert "036000291452;X00LAMP001;OWN-7" in out
    status, out, _ = run(capsys, "skus", "list", "--json", "--db", url)
    assert [(k["client_code"], k["code"]) for k in json.loads(out)] == [
        ("ACME", "CUP"), ("ACME", "LAMP"), ("ACME", "MUG"), ("BETA", "MUG")]


@pytest.mark.parametrize(("argv", "message"), [
    (["CUP2", "--name", "Cup", "--weight-g", "-1"], "error: weight: must not be negative\n"),
    (["CUP2", "--name", "Cup", "--barcode", "012345678905"],
     "error: Barcode 012345678905 already belongs to SKU MUG.\n"),
    (["MUG", "--name", "Mug again"], "error: SKU ACME/MUG already exists.\n"),
    (["CUP2", "--name", "Cup", "--hs-code", "12"],
     "error: HS code: must be 6 to 10 digits (dots allowed)\n"),
    (["CUP2", "--name", "Cup", "--declared-value", "1.234"],
     "error: declared value: must have at most 2 decimals\n"),
])
def test_add_refuses_bad_input_in_one_line_and_changes_nothing(
    url: str, capsys, argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, "skus", "add", *argv, "--client", "ACME", "--db", url)
    assert (status, out, err) == (1, "", message)
    status, out, _ = run(capsys, "skus", "list", "--client", "ACME", "--json", "--db", url)
    assert [k["code"] for k in json.loads(out)] == ["CUP", "MUG"]


def test_edit_changes_only_the_options_given(url: str, capsys) -> None:
    status, out, _ = run(capsys, "skus", "edit", "MUG", "--client", "ACME", "--weight-g", "360",
                         "--hazmat", "--barcode", "012345678905;MUG-OWN", "--db", url)
    assert status == 0 and out == "SKU MUG of client ACME saved.\n"
    mug = show(capsys, url, "MUG")
    assert (mug["name_en"], mug["name_zh"], mug["weight_g"], mug["hazmat"]) == (
        "Mug", "马克杯", 360, True)
    assert mug["barcodes"] == ["012345678905", "MUG-OWN"]
    assert run(capsys, "skus", "edit", "MUG", "--client", "ACME", "--no-hazmat",
               "--db", url)[0] == 0
    assert show(capsys, url, "MUG")["hazmat"] is False
    status, _out, err = run(capsys, "skus", "edit", "NOPE", "--client", "ACME",
                            "--weight-g", "1", "--db", url)
    assert (status, err) == (1, "error: SKU NOPE was not found.\n")


def test_disable_and_enable(url: str, capsys) -> None:
    status, out, _ = run(capsys, "skus", "disable", "CUP", "--client", "ACME", "--db", url)
    assert status == 0 and out == "SKU CUP of client ACME disabled.\n"
    assert show(capsys, url, "CUP")["active"] is False
    status, out, _ = run(capsys, "skus", "enable", "CUP", "--client", "ACME", "--db", url)
    assert status == 0 and out == "SKU CUP of client ACME enabled.\n"
    assert show(capsys, url, "CUP")["active"] is True


def test_a_clerk_may_not_change_skus(url: str, capsys) -> None:
    status, out, err = run(capsys, "skus", "add", "X", "--client", "ACME", "--name", "X",
                           "--user", "clerk", "--db", url)
    assert (status, out) == (3, "") and err.startswith("error: Your role (clerk) may not")


@pytest.mark.parametrize("name", ["skus.csv", "skus.xlsx"])
def test_template_writes_english_or_chinese_headers_and_refuses_to_overwrite(
    tmp_path: Path, capsys, name: str
) -> None:
    from app.channels.files import read_table
    from app.channels.sku_template import SKU_HEADERS

    path = tmp_path / name
    assert run(capsys, "skus", "template", str(path))[1] == f"Template written to {path}\n"
    status, _out, err = run(capsys, "skus", "template", str(path), "--chinese")
    assert (status, err) == (1, f"error: {path} exists; add --force to overwrite it\n")
    assert run(capsys, "skus", "template", str(path), "--chinese", "--force")[0] == 0

    def headers(source, _rows):  # type: ignore[no-untyped-def]
        return [name for name, _idx in source.header.mapping]

    assert read_table(path, SKU_HEADERS, headers)[:4] == ["sku", "name", "name_zh", "barcodes"]
    if name.endswith(".csv"):
        first = path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert first == ("SKU编码,品名,中文品名,条码,重量(g),长(mm),宽(mm),高(mm),自带包装,"
                         "批次管理,危险品,申报价值,海关编码")


def test_import_reports_rows_and_updates_on_the_second_run(url: str, tmp_path: Path,
                                                          capsys) -> None:
    path = tmp_path / "skus.csv"
    path.write_bytes("SKU编码,品名,重量(kg),条码\r\nLAMP,Desk lamp,1.25,036000291452\r\n"
                     "CUP,Cup,0.2,\r\n".encode("gbk"))
    status, out, err = run(capsys, "skus", "import", str(path), "--client", "ACME", "--db", url)
    assert (status, err) == (0, "")
    assert out == "2 rows: 1 created, 0 updated, 1 unchanged, 0 rejected.\n"
    path.write_bytes(b"sku,name,weight_kg\nLAMP,Desk lamp,1.3\n")
    status, out, _ = run(capsys, "skus", "import", str(path), "--client", "ACME", "--json",
                         "--db", url)
    report = json.loads(out)
    assert status == 0 and (report["created"], report["updated"]) == ([], ["LAMP"])
    assert show(capsys, url, "036000291452")["weight_g"] == 1300


def test_a_rejected_import_prints_the_problems_on_stdout_and_one_error_line(
    url: str, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("sku,name,weight_g,barcodes\nGOOD,Good,5,\nBAD,Bad,-1,\n"
                    "TWIN,Twin,1,012345678905\n", encoding="utf-8")
    status, out, err = run(capsys, "skus", "import", str(path), "--client", "ACME", "--db", url)
    assert status == 1
    assert out == ("line 3: sku BAD: weight_g: must not be negative\n"
                   "line 4: sku TWIN: barcodes: barcode 012345678905 already belongs to SKU MUG\n"
                   "3 rows: 0 created, 0 updated, 0 unchanged, 2 rejected.\n")
    assert err == "error: 2 of 3 rows have problems; nothing was imported.\n"
    status, out, err = run(capsys, "skus", "import", str(path), "--client", "ACME",
                           "--valid-only", "--db", url)
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == "3 rows: 1 created, 0 updated, 0 unchanged, 2 rejected."
    assert show(capsys, url, "GOOD")["weight_g"] == 5


def test_import_of_an_unreadable_file_is_one_error_line(url: str, tmp_path: Path,
                                                       capsys) -> None:
    path = tmp_path / "x.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    status, out, err = run(capsys, "skus", "import", str(path), "--client", "ACME", "--db", url)
    assert status == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"error: Cannot read {path}: no header row with the SKU template")
