"""The sales-by-region report on office paper (EN + 中文 headings): the period and
filters, then one table of states or regions with orders and units. Plain data in, PDF
bytes out (``printers`` knows nothing of ``app``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from printers.layouts.documents import _build, _header, _para, _Sheet, _table
from printers.layouts.media import DocumentPaper


@dataclass(frozen=True)
class SalesSection:
    title: str
    headers: Sequence[str]
    #: The last row is the total (it is emphasised).
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class SalesDocument:
    number: str
    lines: Sequence[str]
    sections: Sequence[SalesSection]


def sales_pdf(document: SalesDocument, *, paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    sheet = _Sheet(paper, 300)
    story: list[Flowable] = [*_header(sheet, list(document.lines), document.number)]
    for section in document.sections:
        story.append(_para(f"<b>{section.title}</b>", sheet.size(11)))
        story.append(Spacer(1, 4))
        rows = [list(section.headers), *[list(r) for r in section.rows]]
        shares = [2.0] + [1.0] * (len(section.headers) - 1)
        story.append(_table(sheet, rows, shares, numeric_column=len(section.headers) - 1))
        story.append(Spacer(1, 12))
    return _build(story, sheet, document.lines[0])
