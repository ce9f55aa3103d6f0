"""The import dialogs show a refused file and a refused cell in the user's language.

The order and SKU import dialogs show ``error_text(exc)`` for a file the reader refuses and
``import_text`` / ``problem_text`` for a row problem; the templates are the reader's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.channels.cell_values import CONTROL_CHARACTER
from app.channels.encodings import ENCODING_NAMES, OTHER, EncodingRefused, MixedEncoding
from app.channels.file_input import FileTooLarge, NotARegularFile
from app.services.sku_import import NUMBER_TOO_LARGE, SkuRowProblem
from app.ui.dialogs.sku_import_dialog import problem_text
from app.ui.i18n import error_text, install_translators
from app.ui.models.orders import import_text

QM = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    if not list(QM.glob("imports_zh_CN.qm")):
        pytest.fail("run `make translations` (make test does) to compile the .qm files")
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


REFUSALS = [
    EncodingRefused(path="单.csv", encoding=ENCODING_NAMES["big5"]),
    MixedEncoding(path="单.csv", first=2, line=40, before=ENCODING_NAMES["utf-8"], after=OTHER),
    NotARegularFile(path="/dev/zero"),
    FileTooLarge(path="单.csv", size=201, limit=200),
]


def test_file_refusals_read_in_chinese(chinese: None) -> None:
    texts = [error_text(exc) for exc in REFUSALS]
    assert texts[0] == ("无法导入 单.csv：此文件的编码看起来是 Big5（繁体中文）。请用 Excel 打开，"
                        "另存为“CSV UTF-8 (逗号分隔)”格式。")
    assert "第 40 行" in texts[1] and "GBK 或其他编码" in texts[1]
    assert "不是保存在磁盘上的文件" in texts[2]
    assert "201 MB" in texts[3] and "200 MB" in texts[3] and "拆分" in texts[3]


def test_file_refusals_read_in_english_as_the_cli_prints_them(qapp: QApplication) -> None:
    assert [error_text(exc) for exc in REFUSALS] == [exc.message for exc in REFUSALS]
    assert "\n" not in "".join(exc.message for exc in REFUSALS)


def test_refused_cells_read_in_chinese(chinese: None) -> None:
    params = {"column": "city", "char": "U+0000"}
    english = CONTROL_CHARACTER.format(**params)
    assert "含有控制字符（U+0000）" in import_text(CONTROL_CHARACTER, params, english)
    problem = SkuRowProblem(3, "LAMP", "weight_g", NUMBER_TOO_LARGE, {"value": "9999…"})
    assert problem_text(problem) == "“9999…”数值过大"
