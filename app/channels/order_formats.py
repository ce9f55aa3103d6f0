"""Platform export files as order files: what each layout is called, how it is recognised,
and the shape of the small per-platform readers.

Sellers send the file Seller Center or the Shopify admin gives them, not our template.
Each platform's export is described by an :class:`ExportLayout`: which of its headers
hold which template column (:mod:`app.channels.order_template`), the headers that must
all be there for the file to be that export, and an :class:`ExportRows` that turns the
export's rows into template rows (skipping what does not ship, filling order-level cells
the export leaves blank, holding orders whose address is masked). The reader of
:mod:`app.channels.files` does the rest - encodings, XLSX, per-row checks with file line
numbers, grouping - so every guarantee of the template import holds for the exports.

The layouts themselves are in ``export_shopify``, ``export_amazon`` and ``export_tiktok``;
:data:`EXPORT_LAYOUTS` lists them. Nothing here reads files or touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.channels.cell_values import cell_text

#: The layout name of our own template (``--format template``).
TEMPLATE = "template"

@dataclass
class ExportRows:
    """Turns one file's export rows into template rows; one instance per file read.

    ``columns`` is where each template column is in the file, ``extra`` where the export's
    own columns named in :attr:`ExportLayout.extra` are. :meth:`row` returns the row to
    validate - the same list or a changed copy - or None to skip it; skipped lines are
    counted per reason (an English notice template of the ``imports`` context with a
    ``{count}``), and each reason becomes one notice of the import.
    """

    columns: Mapping[str, int]
    extra: Mapping[str, int]
    #: Order number -> why the order is imported on hold (an "OrderNotes" reason).
    holds: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def row(self, line: int, cells: Sequence[object]) -> Sequence[object] | None:
        return cells

    def text(self, cells: Sequence[object], key: str) -> str:
        """The text of a template or extra column on this row ("" when absent)."""
        idx = self.columns.get(key, self.extra.get(key))
        return cell_text(cells[idx]) if idx is not None and idx < len(cells) else ""

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def with_cells(self, cells: Sequence[object], **values: object) -> list[object]:
        """A copy of the row with template columns set (widened when the row is short)."""
        out = list(cells)
        for column, value in values.items():
            idx = self.columns.get(column)
            if idx is None:
                continue
            if idx >= len(out):
                out.extend([None] * (idx + 1 - len(out)))
            out[idx] = value
        return out

    def notices(self) -> list[tuple[str, dict[str, Any]]]:
        return [(template, {"count": n}) for template, n in self.skipped.items()]


@dataclass(frozen=True)
class ExportLayout:
    """One platform's order export."""

    name: str  # what --format takes: "shopify", "amazon", "tiktok"
    label: str  # shown in the import preview; QT_TRANSLATE_NOOP("imports", ...)
    source: str  # recorded as the orders' source (the platform)
    #: Template column -> the export's headers for it (the first one is named in messages).
    columns: Mapping[str, tuple[str, ...]]
    #: The export's own columns the rows need: key -> headers.
    extra: Mapping[str, tuple[str, ...]]
    #: Headers that are all in the file's header row exactly when it is this export.
    signature: tuple[str, ...]
    rows: Callable[[Mapping[str, int], Mapping[str, int]], ExportRows]
    #: Template columns without which an order cannot be made from this export.
    required: tuple[str, ...] = (
        "order_number", "sku", "quantity", "buyer_name", "address1", "city", "state", "zip",
    )
    #: The encoding the platform writes the file in when it is not UTF-8 (None: the
    #: detection of :mod:`app.channels.encodings` decides, as for any CSV).
    encoding: str | None = None


@dataclass(frozen=True)
class RefusedExport:
    """An export that looks like orders but cannot ship anything (no street addresses):
    refused with an error that says which export to download instead."""

    signature: tuple[str, ...]
    #: Headers whose presence means it is the usable export after all.
    unless: tuple[str, ...]
    error: Callable[[str], Exception]  # path -> the error to raise
