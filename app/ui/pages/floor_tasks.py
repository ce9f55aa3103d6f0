"""What the Put-away and Replenishment screens share: a warehouse, a task list, a banner
and a scan field that keeps the focus, OK and error sounds (Ctrl+M mutes).

Scans are handled one at a time in order (a scanner can be faster than a write); the
subclass says what a scan means (:meth:`FloorTaskPage.handle_scan`) and calls
:meth:`scan_done` when its write or read has come back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton
from sqlalchemy.orm import Session

from app.services.changes import Changes
from app.services.dto import WarehouseInfo
from app.services.organisation import list_warehouses
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.picking_panel import _BANNER
from app.ui.widgets.sounds import Sound, Sounds

T = TypeVar("T")


def key_button(text: str, key: str) -> QPushButton:
    """A button with its key in the label; it never takes the focus from the scan field."""
    button = QPushButton(f"{text}  [{key}]")
    button.setShortcut(QKeySequence(key))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class FloorTaskPage(Page):
    """A scanner-first task screen of one warehouse (subclasses add the table)."""

    listens_to = Changes.STOCK
    #: The ui.ini keys of the remembered warehouse and sound setting.
    settings_prefix = "floor"

    def __init__(self, ctx: PageContext, title: str) -> None:
        super().__init__(ctx)
        self._queue: deque[str] = deque()
        self._busy = False
        muted = str(ctx.ui_settings.value(f"{self.settings_prefix}/muted", "false")) == "true"
        self.sounds = Sounds(ctx.tasks, muted=muted)
        self.title_layout, self.count_label = self.title_row(title)
        self.warehouse = QComboBox()
        self.warehouse.setMinimumWidth(160)
        self.warehouse.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.warehouse.currentIndexChanged.connect(lambda _i: self._warehouse_chosen())
        self.title_layout.addWidget(QLabel(self.tr("Warehouse")))
        self.title_layout.addWidget(self.warehouse)
        self.buttons = QHBoxLayout()
        self.reload_button = key_button(self.tr("Reload"), "F5")
        self.reload_button.clicked.connect(self.reload)
        self.mute_button = key_button(self.tr("Sound on"), "Ctrl+M")
        self.mute_button.setCheckable(True)
        self.mute_button.clicked.connect(self.toggle_mute)
        self.banner = QLabel()
        self.banner.setObjectName("FloorBanner")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(48)
        self.scan = QLineEdit()
        self.scan.setObjectName("FloorScan")
        self.scan.setPlaceholderText(self.tr("Scan here (or type and press Enter)"))
        self.scan.setStyleSheet("font-size: 18pt; padding: 6px;")
        self.scan.returnPressed.connect(self._on_scan)
        self._show_mute()

    def finish_layout(self) -> None:
        """Put the shared parts around what the subclass built (call at the end)."""
        self.buttons.addWidget(self.reload_button)
        self.buttons.addWidget(self.mute_button)
        self.buttons.addStretch(1)

    # -- public ------------------------------------------------------------------------

    def warehouse_code(self) -> str | None:
        data = self.warehouse.currentData()
        return str(data) if data else None

    def focus_search(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def scan_text(self, text: str) -> None:
        """Handle one scan (what the scanner types before its Enter), after those before it."""
        text = text.strip()
        if text:
            self._queue.append(text)
            self._next_scan()

    def on_changes(self, changes: Changes) -> None:
        if not self._busy:
            self.reload()

    def reload(self) -> None:
        """F5: the task list read again (override)."""

    def load_warehouses(self) -> None:
        self.ctx.tasks.read(list_warehouses, on_done=self._set_warehouses,
                            on_error=self.show_error, owner=self)

    def toggle_mute(self) -> None:
        self.sounds.muted = not self.sounds.muted
        self.ctx.ui_settings.setValue(f"{self.settings_prefix}/muted",
                                      "true" if self.sounds.muted else "false")
        self._show_mute()
        self.scan.setFocus()

    # -- for subclasses ----------------------------------------------------------------

    def handle_scan(self, text: str) -> None:
        """Act on one scan; call :meth:`scan_done` when finished."""
        raise NotImplementedError

    def scan_done(self) -> None:
        self._busy = False
        self.scan.setFocus()
        self._next_scan()

    def write(self, fn: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        """One transaction; a refusal is said loudly. Then the list is read again and the
        next scan handled."""

        def done(saved: Saved) -> None:
            on_done(saved.value)
            self.reload()
            self.scan_done()

        def failed(error: BaseException) -> None:
            self.refuse(error_text(error))
            self.scan_done()

        self.ctx.tasks.write(lambda s: Saved(fn(s), Changes.STOCK), on_done=done,
                             on_error=failed, owner=self)

    def say(self, text: str, level: str) -> None:
        self.banner.setText(text)
        self.banner.setProperty("level", level)
        self.banner.setStyleSheet(f"QLabel#FloorBanner {{ {_BANNER[level]} border-radius: "
                                  "6px; padding: 8px 12px; font-size: 14pt; }")

    def ok(self, text: str) -> None:
        self.say(text, "ok")
        self.sounds.play(Sound.OK)

    def refuse(self, text: str) -> None:
        """A loud no: the red banner, and the error sound unless muted."""
        self.say(text, "error")
        self.sounds.play(Sound.ERROR)
        self.scan.setFocus()

    # -- internals ---------------------------------------------------------------------

    def _set_warehouses(self, rows: list[WarehouseInfo]) -> None:
        remembered = self.ctx.ui_settings.value(f"{self.settings_prefix}/warehouse", "")
        current = self.warehouse.currentData() or remembered
        self.warehouse.blockSignals(True)
        self.warehouse.clear()
        for w in rows:
            if w.active:
                self.warehouse.addItem(f"{w.code} · {w.name}", w.code)
        self.warehouse.setCurrentIndex(max(0, self.warehouse.findData(current)))
        self.warehouse.blockSignals(False)
        self._warehouse_chosen()

    def _warehouse_chosen(self) -> None:
        code = self.warehouse_code()
        if code:
            self.ctx.ui_settings.setValue(f"{self.settings_prefix}/warehouse", code)
        self.reload()
        self.scan.setFocus()

    def _on_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan_text(text)

    def _next_scan(self) -> None:
        if self._busy or not self._queue:
            return
        self._busy = True
        self.handle_scan(self._queue.popleft())

    def _show_mute(self) -> None:
        self.mute_button.setChecked(self.sounds.muted)
        text = self.tr("Sound off") if self.sounds.muted else self.tr("Sound on")
        self.mute_button.setText(f"{text}  [Ctrl+M]")
        self.mute_button.setShortcut(QKeySequence("Ctrl+M"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()

    def _read(self, fn: Callable[[Session], Any], on_done: Callable[[Any], None]) -> None:
        self.ctx.tasks.read(fn, on_done=on_done, on_error=self.show_error, owner=self)
