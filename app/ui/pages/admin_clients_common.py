"""Pieces the Clients and the Warehouses-and-bins tabs share: a searchable table, the
edit dialog's frame with messages beside its fields, and a write result that says it
changed the organisation (so every screen showing clients, warehouses or bins reloads)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services.changes import Changes
from app.ui.i18n import error_text
from app.ui.models.inventory import SORT_ROLE, RowsModel
from app.ui.widgets.tables import configure_table

ERROR_STYLE = "color: #b42318;"


@dataclass(frozen=True)
class Saved:
    """A write's result: the task runner announces ``changes`` so screens reload."""

    value: Any
    changes: Changes = Changes.ORGANISATION


class PlainRowsModel(RowsModel):
    """Rows of DTOs a background read returned; cells only format them."""

    def row(self, index: int) -> Any:
        return self._rows[index]

    def all_rows(self) -> list[Any]:
        return list(self._rows)


def searchable_table(
    model: PlainRowsModel, *, multi_select: bool = False
) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable, read-only table whose proxy filters on every column's text."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = configure_table(QTableView(), multi_select=multi_select)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view, proxy


def search_box(placeholder: str, proxy: QSortFilterProxyModel) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setMinimumWidth(180)
    box.textChanged.connect(proxy.setFilterFixedString)
    return box


def shortcut(
    parent: QWidget, keys: str | QKeySequence.StandardKey | Qt.Key, slot: Any
) -> QShortcut:
    """A key that works anywhere inside ``parent`` (the tab), not only in one field."""
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sc.activated.connect(slot)
    return sc


def select_first(view: QTableView, model: PlainRowsModel,
                 matches: Callable[[Any], bool]) -> None:
    """Make the first row ``matches`` accepts current (if the search filter shows it)."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    for i, row in enumerate(model.all_rows()):
        if matches(row):
            index = proxy.mapFromSource(model.index(i, 0))
            if index.isValid():
                view.setCurrentIndex(index)
            return


def selected_rows(view: QTableView, model: PlainRowsModel) -> list[Any]:
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    rows = sorted({proxy.mapToSource(i).row() for i in view.selectionModel().selectedRows()})
    return [model.row(r) for r in rows]


class FormDialog(QDialog):
    """An edit dialog: a form whose fields each show their own problem beside them.

    ``submitted`` fires when Save is pressed and the dialog's own checks pass; the tab
    then writes in the background and calls :meth:`accept` or :meth:`show_error`.
    """

    submitted = Signal()

    #: The service's field names (``InvalidValue(field=...)``) -> this form's keys.
    field_keys: ClassVar[Mapping[str, str]] = {}

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def set_first_field(self, widget: QWidget) -> None:
        """The field the cursor starts in when the dialog opens."""
        self._first = widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = getattr(self, "_first", None)
        if first is not None:
            self.activateWindow()
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """A form row with the field and, below it, room for its problem."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"{key}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, box)
        self.fields[key] = widget
        self._errors[key] = error
        return widget

    def field_error(self, key: str) -> str:
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    def show_field_error(self, key: str, text: str) -> None:
        self._errors[key].setText(text)
        self._errors[key].show()
        self.fields[key].setFocus()

    def show_error(self, exc: BaseException) -> None:
        """A refused save: beside the field it names, else below the form."""
        field = exc.fields.get("field") if isinstance(exc, DomainError) else None
        key = self.field_keys.get(str(field)) if field else None
        if key is not None:
            self.show_field_error(key, error_text(exc))
        else:
            self.general_error.setText(error_text(exc))
            self.general_error.show()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.general_error.hide()

    def check(self) -> bool:
        """The dialog's own checks (required fields); the service checks the rest."""
        return True

    def require_text(self, *keys: str) -> bool:
        ok = True
        for key in reversed(keys):
            widget = self.fields[key]
            if isinstance(widget, QLineEdit) and not widget.text().strip():
                self.show_field_error(key, self.tr("Required."))
                ok = False
        return ok

    def _on_buttons_accepted(self) -> None:
        self.clear_errors()
        if self.check():
            self.submitted.emit()
