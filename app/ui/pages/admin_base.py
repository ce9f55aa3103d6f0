"""What every Admin tab is: a widget that reports through its page's message bar and
reloads when the records it shows change."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.changes import Changes
from app.ui.pages.base import Page, PageContext


class AdminTab(QWidget):
    """One kind of master data on the Admin page (clients, warehouses and bins, SKUs, users).

    Subclasses set ``listens_to``, load their rows with ``self.ctx.tasks.read`` and write
    with ``self.ctx.tasks.write``; messages go to ``self.page`` (``show_error``/``show_info``).
    """

    listens_to: Changes = Changes.NONE

    def __init__(self, ctx: PageContext, page: Page) -> None:
        super().__init__()
        self.ctx = ctx
        self.page = page

    def on_changes(self, changes: Changes) -> None:
        """Reload after a write that touched what this tab shows (ours or another screen's)."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in this tab's search box."""
