"""The sync state in the status bar: "Sync: Main Shop, page 3, 120 new" or the last error.

Visible on every screen, so a clerk notices a store whose credentials expired. The text
is short; the translated error with the platform's request id is in the tooltip.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from app.services.channel_push import PushReport
from app.services.sync import SyncProgress, SyncReport
from app.ui.devices.sync_scheduler import SyncScheduler
from app.ui.pages.channels_text import report_error_text

_OK: Final = "color: #067647;"
_BUSY: Final = "color: #175cd3;"
_BAD: Final = "color: #b42318; font-weight: 600;"
_IDLE: Final = "color: #5b6675;"


class SyncStatusWidget(QLabel):
    """Follows the app's :class:`SyncScheduler` (None: sync is not running)."""

    def __init__(self, scheduler: SyncScheduler | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncStatus")
        self._failures: dict[int, str] = {}
        self._scheduler = scheduler
        if self._scheduler is None:
            self._set(self.tr("Sync: off"), _IDLE, self.tr("Platform sync is not running."))
            return
        s = self._scheduler
        s.sync_started.connect(self._on_scheduler_sync_started)
        s.progress.connect(self._on_scheduler_progress)
        s.sync_finished.connect(self._on_scheduler_sync_finished)
        s.pushes_finished.connect(self._on_scheduler_pushes_finished)
        self._set(self.tr("Sync: idle"), _IDLE, self.tr("Stores sync in the background."))

    @Slot(int, str)
    def _on_scheduler_sync_started(self, _channel_id: int, name: str) -> None:
        self._set(self.tr("Sync: {store}…").format(store=name), _BUSY, "")

    @Slot(object)
    def _on_scheduler_progress(self, p: SyncProgress) -> None:
        self._set(self.tr("Sync: {store}, page {pages}, {new} new").format(
            store=p.channel, pages=p.pages, new=p.new), _BUSY, "")

    @Slot(object)
    def _on_scheduler_sync_finished(self, report: SyncReport) -> None:
        if report.failed:
            self._failures[report.channel_id] = report_error_text(report)
        else:
            self._failures.pop(report.channel_id, None)
        if self._failures:
            self._set(self.tr("Sync: %n store(s) failing", "", len(self._failures)), _BAD,
                      "\n".join(self._failures.values()))
        else:
            self._set(self.tr("Sync: OK, {new} new").format(new=report.counts.new), _OK,
                      self.tr("Last store synced: {store}").format(store=report.channel))

    @Slot(object)
    def _on_scheduler_pushes_finished(self, report: PushReport) -> None:
        if report.failed and not self._failures:
            self._set(self.tr("Sync: %n push(es) failed", "", report.failed),
                      _BAD, "\n".join(report.errors[:5]))

    def _set(self, text: str, style: str, tip: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setToolTip(tip)
