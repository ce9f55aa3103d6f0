"""How every list in the app looks and behaves: read-only rows of fixed height.

Fixed heights matter for speed, not looks: a view whose rows size to their
contents asks the model for every row (performance.md §3.2: 100k rows went
from 50 ms to 100 s); with a fixed height it asks only for what is visible.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_HEIGHT = 26


def configure_table(view: QTableView, *, row_height: int = ROW_HEIGHT,
                    multi_select: bool = False) -> QTableView:
    """Set ``view`` up as a read-only list of whole rows with fixed row heights."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def fit_columns(view: QTableView, samples: Sequence[str], *, padding: int = 28) -> None:
    """Starting widths that fit each column's header and a typical value of it.

    Works before any row is loaded and in any language (headers are measured as
    translated), which fixed pixel widths do not: a Chinese header is often
    shorter, an English one longer. The last column stretches anyway.
    """
    model = view.model()
    header = view.horizontalHeader()
    bold = header.font()
    bold.setBold(True)
    titles, values = QFontMetrics(bold), view.fontMetrics()
    for column, sample in enumerate(samples):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(titles.horizontalAdvance(title), values.horizontalAdvance(sample))
        view.setColumnWidth(column, width + padding)
