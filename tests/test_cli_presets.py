"""`haicang orders presets ...` and `orders import --preset` as a clerk types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import open_database
from tests.imports import presets_files as gc
from tests.imports.conftest import build_shop

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(tmp_path: Path) -> str:
    """The import tests' shop (ACME: MUG-RED, CUP, TEE-M; BETA: HAT) and a clerk."""
    from app.domain.states import Role
    from app.services.users import create_user
    from tests.imports.conftest import ADMIN

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    build_shop(db)
    with db.writing() as s:
        create_user(s, "clerk", "clerk-password", Role.CLERK, actor=ADMIN)
        create_user(s, "picker", "picker-password", Role.PICKER, actor=ADMIN)
    db.dispose()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def maps() -> list[str]:
    return [a for field, column in gc.MAPPING.items() for a in ("--map", f"{field}={column}")]


def test_unknown_layout_is_one_line_then_a_saved_preset_imports_it(
    url: str, tmp_path: Path, capsys
) -> None:
    path = str(gc.gbk_csv(tmp_path / "谷仓.csv"))
    status, out, err = run(capsys, "orders", "import", path, "--client", "ACME", "--db", url)
    assert status == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("error: Cannot read ") and "--preset NAME" in err

    status, out, err = run(capsys, "orders", "presets", "save", "谷仓", "--client", "ACME",
                           "--from", path, *maps(), "--user", "clerk", "--db", url)
    assert (status, err) == (0, "")
    assert out == "Column preset '谷仓' saved for client ACME (14 fields).\n"

    status, out, err = run(capsys, "orders", "import", path, "--client", "ACME",
                           "--preset", "谷仓", "--json", "--db", url)
    assert status == 0, err
    report = json.loads(out)
    assert report["preset"] == "谷仓" and report["orders_created"] == ["GC-1001", "GC-1002"]

    status, out, err = run(capsys, "orders", "import", path, "--client", "ACME", "--db", url)
    assert status == 0, err  # recognised without --preset; the second time is harmless
    assert "read with the column preset '谷仓' of client ACME" in out
    assert "0 orders imported, 2 already imported" in out


def test_list_show_detect_and_delete(url: str, tmp_path: Path, capsys) -> None:
    path = str(gc.xlsx(tmp_path / "orders.xlsx"))
    assert run(capsys, "orders", "presets", "save", "谷仓", "--client", "acme", *maps(),
               "--db", url)[0] == 0
    status, out, _ = run(capsys, "orders", "presets", "list", "--client", "ACME", "--json",
                         "--db", url)
    listed = json.loads(out)
    assert status == 0 and [p["name"] for p in listed] == ["谷仓"]
    assert listed[0]["mapping"]["order_number"] == "订单参考号"
    status, out, _ = run(capsys, "orders", "presets", "show", "谷仓", "--client", "ACME",
                         "--db", url)
    assert status == 0 and ["order_number", "yes", "订单参考号"] in [ln.split() for ln in
                                                                  out.splitlines()]
    status, out, _ = run(capsys, "orders", "presets", "detect", path, "--client", "ACME",
                         "--json", "--db", url)
    assert json.loads(out) == {"file": path, "client": "ACME", "preset": "谷仓"}
    status, out, _ = run(capsys, "orders", "presets", "delete", "谷仓", "--client", "ACME",
                         "--json", "--db", url)
    assert status == 0 and json.loads(out) == {"client": "ACME", "deleted": "谷仓"}
    status, out, err = run(capsys, "orders", "presets", "show", "谷仓", "--client", "ACME",
                           "--db", url)
    assert status == 1 and err == (
        "error: Client ACME has no column preset '谷仓' (its presets: none).\n")


def test_export_to_a_file_and_import_for_another_client(url: str, tmp_path: Path,
                                                        capsys) -> None:
    assert run(capsys, "orders", "presets", "save", "谷仓", "--client", "ACME", *maps(),
               "--db", url)[0] == 0
    target = tmp_path / "presets.json"
    status, out, err = run(capsys, "orders", "presets", "export", "--client", "ACME",
                           "--to", str(target), "--db", url)
    assert (status, err) == (0, "") and str(target) in out
    status, out, _ = run(capsys, "orders", "presets", "export", "--client", "ACME",
                         "--db", url)
    assert json.loads(out) == json.loads(target.read_text(encoding="utf-8"))
    status, out, err = run(capsys, "orders", "presets", "import", str(target), "--client",
                           "BETA", "--db", url)
    assert (status, err) == (0, "") and out == "1 column preset(s) saved for client BETA: 谷仓.\n"
    status, _out, err = run(capsys, "orders", "presets", "import", str(target), "--client",
                            "BETA", "--db", url)
    assert status == 1 and "already has a column preset '谷仓'" in err
    status, _out, err = run(capsys, "orders", "presets", "export", "--client", "ACME",
                            "--to", str(target), "--db", url)
    assert status == 1 and "add --force" in err


def test_ambiguous_presets_and_bad_mappings_are_one_line_errors(url: str, tmp_path: Path,
                                                                capsys) -> None:
    path = str(gc.gbk_csv(tmp_path / "orders.csv"))
    for name in ("谷仓", "谷仓2"):
        assert run(capsys, "orders", "presets", "save", name, "--client", "ACME", *maps(),
                   "--db", url)[0] == 0
    status, out, err = run(capsys, "orders", "import", path, "--client", "ACME", "--db", url)
    assert status == 1 and out == "" and err.count("\n") == 1
    assert "fits the column presets '谷仓', '谷仓2' of client ACME" in err

    status, _out, err = run(capsys, "orders", "presets", "save", "x", "--client", "ACME",
                            *maps(), "--map", "notes=订单参考号", "--db", url)
    assert status == 1 and err == "error: --map names the field notes twice\n"
    twice = [a if a != "sku=产品SKU" else "sku=订单参考号" for a in maps()]
    status, _out, err = run(capsys, "orders", "presets", "save", "x", "--client", "ACME",
                            *twice, "--db", url)
    assert status == 1 and "chosen for both order_number and sku" in err

    other = [a if a != "quantity=数量" else "quantity=件数" for a in maps()]
    status, _out, err = run(capsys, "orders", "presets", "save", "y", "--client", "ACME",
                            "--from", path, *other, "--db", url)
    assert status == 1 and "has no column '件数'" in err


def test_a_picker_is_refused(url: str, capsys) -> None:
    status, _out, err = run(capsys, "orders", "presets", "list", "--client", "ACME",
                            "--user", "picker", "--db", url)
    assert status == 3 and err.startswith("error: Your role (picker) may not import orders")
