"""What every screen gets from the main window, and how it reports trouble."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.changes import Changes
from app.ui.i18n import error_text
from app.ui.widgets.message_bar import Level, MessageBar

if TYPE_CHECKING:  # the main window is shown before the database layer is imported
    from app.bootstrap import AppContext
    from app.domain.permissions import Actor
    from app.services.dto import UserInfo
    from app.ui.devices.scale import ScaleWorker
    from app.ui.devices.sync_scheduler import SyncScheduler
    from app.ui.tasks import TaskRunner


@dataclass(frozen=True)
class PageContext:
    app: AppContext
    tasks: TaskRunner
    user: UserInfo
    ui_settings: QSettings
    # The platform-sync thread, when this app runs one (the Channels screen drives it).
    sync: SyncScheduler | None = None

    @property
    def actor(self) -> Actor:
        """The signed-in user as the services check and record them."""
        from app.domain.permissions import Actor
        from app.domain.states import Role

        return Actor(self.user.username, Role(self.user.role), self.user.id)


class Page(QWidget):
    """A screen: a message bar on top, content below, refresh on relevant changes."""

    # Which kinds of change make this page reload.
    listens_to: Changes = Changes.NONE
    #: Asks the window to show another screen: (page key, tab key or "").
    navigate_requested = Signal(str, str)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.messages = MessageBar(self, overlay=True)
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(16, 12, 16, 12)
        self._outer.setSpacing(8)

    def body(self) -> QVBoxLayout:
        return self._outer

    @staticmethod
    def title_row(title: str) -> tuple[QHBoxLayout, QLabel]:
        """The screen's title with a muted count beside it, then room for buttons."""
        label = QLabel(title)
        label.setObjectName("PageTitle")
        count = QLabel()
        count.setObjectName("Muted")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addSpacing(12)
        row.addWidget(count, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        return row, count

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the screen clears its message: it was about what was done here, then."""
        if not event.spontaneous():  # not for a minimised window
            self.messages.hide()
        super().hideEvent(event)

    def show_error(self, exc: BaseException) -> None:
        self.messages.show_message(error_text(exc), Level.ERROR)

    def show_info(self, text: str) -> None:
        self.messages.show_message(text, Level.SUCCESS)

    def on_changes(self, changes: Changes) -> None:
        """Called by the main window after any write; override to reload."""

    def focus_search(self) -> None:
        """Ctrl+F and the scanner land here; pages with a search box override it."""

    def set_scale(self, worker: ScaleWorker | None) -> None:
        """The station's scale (None: none); screens that weigh override it."""

    def show_tab(self, key: str) -> None:
        """Bring the part ``key`` forward; screens with tabs override it (links go there)."""
