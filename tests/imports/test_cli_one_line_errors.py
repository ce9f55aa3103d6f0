"""A failed import prints its row report as output and exactly one ``error:`` line on
stderr, as the README promises (issue #13 point 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.db.engine import Database
from tests.imports.writers import good_row, write_csv

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _bad_file(kind: str, tmp_path: Path) -> tuple[list[str], str]:
    """(the command, a line of its report) for a file whose rows have problems."""
    path = tmp_path / f"{kind}.csv"
    if kind == "orders":
        write_csv(path, [good_row("SO-1"), good_row("SO-2", quantity="-1", state="ZZ"),
                         good_row("SO-3", sku="NOPE")])
        return ["orders", "import", str(path), "--client", "ACME"], "line 3: order SO-2"
    if kind == "skus":
        path.write_text("sku,name,weight_g\nOK-1,Fine,10\nBAD-1,Heavy,lots\n,No code,1\n",
                        encoding="utf-8")
        return ["skus", "import", str(path), "--client", "ACME"], "line 3: sku BAD-1"
    if kind == "bins":
        path.write_text("code,type\nF-01,pick\nF-02,shelf\nF-01,pick\n", encoding="utf-8")
        return ["bins", "import", str(path), "--warehouse", "NJ1"], "line 3: bin type"
    path = tmp_path / "labels.pdf"
    path.write_bytes(b"%PDF-1.4 not really a PDF\n" * 20)
    return ["labels", "import", str(path)], ""


@pytest.mark.parametrize("kind", ["orders", "skus", "bins", "labels"])
def test_a_failed_import_has_one_line_on_stderr(shop: Database, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                kind: str) -> None:
    argv, report_line = _bad_file(kind, tmp_path)
    code = main([*argv, "--db", shop.url])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert report_line in out
    if report_line:  # the rejected file's report is the output
        assert "nothing was imported" not in out and "line " not in err
