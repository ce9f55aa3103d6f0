"""Order files in another overseas warehouse's Chinese layout, for the preset tests.

The columns are those of Goodcang's outbound order (谷仓 ``createOrder``: reference_no
订单参考号, name 收件人姓名, address1 地址1, zipcode 邮编, product_sku 产品SKU, quantity
数量 ..., ../shared/reference/files-billing-placement.md §3e, source S28), laid out as
such a warehouse's Excel template is: a title line above the header, one row per
product, order fields repeated on every row, saved from a Chinese Excel as GBK CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from tests.imports.writers import write_xlsx

HEADER = ["订单参考号", "配送方式", "收件人姓名", "公司名称", "地址1", "地址2", "城市", "省",
          "邮编", "收件人国家/地区", "收件人联系方式", "产品SKU", "数量", "订单备注"]

#: The preset a clerk makes for that layout: order field -> the file's column.
MAPPING = {
    "order_number": "订单参考号", "service_level": "配送方式", "buyer_name": "收件人姓名",
    "company": "公司名称", "address1": "地址1", "address2": "地址2", "city": "城市",
    "state": "省", "zip": "邮编", "country": "收件人国家/地区", "phone": "收件人联系方式",
    "sku": "产品SKU", "quantity": "数量", "notes": "订单备注",
}

ROWS: list[list[str]] = [
    ["GC-1001", "standard", "张伟 Wei Zhang", "", "123 Main St", "Apt 4", "Edison", "NJ",
     "08817", "US", "732-555-0100", "MUG-RED", "2", "易碎品"],
    ["GC-1001", "standard", "张伟 Wei Zhang", "", "123 Main St", "Apt 4", "Edison", "NJ",
     "08817", "US", "732-555-0100", "CUP", "1", "易碎品"],
    ["GC-1002", "standard", "Jane Doe", "Doe LLC", "1 Elm St", "", "Austin", "TX", "78701",
     "US", "", "TEE-M", "3", ""],
]
TITLE = ["谷仓出库订单导入模板"]


def gbk_csv(path: Path, rows: Sequence[Sequence[str]] = ROWS,
            header: Sequence[str] = HEADER) -> Path:
    """The layout saved from a Chinese Excel: GBK, CRLF, a title line above the header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TITLE)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("gbk"))
    return path


def xlsx(path: Path, rows: Sequence[Sequence[str]] = ROWS) -> Path:
    """The same layout as a workbook (quantities as numbers, as Excel keeps them)."""
    cells = [[int(c) if i == HEADER.index("数量") else c for i, c in enumerate(r)] for r in rows]
    return write_xlsx(path, HEADER, cells, before=[TITLE])
