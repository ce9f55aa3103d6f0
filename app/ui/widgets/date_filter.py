"""A day filter that may be empty ("any day"), with a calendar popup that opens at today.

The empty state is the minimum date shown as the special value text, so the calendar
would open on that (long past) month; a clerk wants the month they are working in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

#: The "no day chosen" value (shown as the special value text, e.g. "Any day").
NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A yyyy-MM-dd day or nothing (``any_text``); :meth:`day` gives a date or None."""

    def __init__(self, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(any_text)
        self.setDate(NO_DATE)
        # Qt selects the edit's date (and so its month) each time just before the popup
        # shows; the Show event comes after that, so the page can be turned to today there.
        self.calendarWidget().installEventFilter(self)

    def day(self) -> date | None:
        value = self.date()
        if value == self.minimumDate():
            return None
        return date(value.year(), value.month(), value.day())

    def set_day(self, value: date | None) -> None:
        """Show ``value`` (None: any day) without emitting dateChanged."""
        self.blockSignals(True)
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.calendarWidget() and event.type() == QEvent.Type.Show
                and self.day() is None):
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
