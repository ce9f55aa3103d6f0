"""The mapping step of the order import: which column of the client's file is which field.

Shown by the import dialog when nothing recognises a file's layout. One combo per order
field lists the file's headers (required fields marked ``*``; headers the template
already knows are chosen in advance), a preview shows the first rows as they will be
read, and "Save preset and check" hands the mapping to the dialog, which saves it as a
named preset of the client (``app.services.import_presets``) and checks the file with it.
The panel itself does no I/O: it gets the file's header and sample rows
(:class:`app.channels.preset_reader.FileLayout`) read on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.channels.files import match_header
from app.channels.order_template import TEMPLATE_COLUMNS
from app.channels.preset_reader import FileLayout, header_key
from app.domain.errors import QT_TRANSLATE_NOOP

CONTEXT = "ColumnMappingPanel"
#: The order fields as a clerk reads them, in the template's order.
FIELD_LABELS: dict[str, str] = {
    "order_number": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Order number"),
    "order_date": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Order date"),
    "sku": QT_TRANSLATE_NOOP("ColumnMappingPanel", "SKU"),
    "quantity": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Unit price"),
    "currency": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Currency"),
    "buyer_name": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Recipient"),
    "company": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Company"),
    "address1": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Address line 1"),
    "address2": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Address line 2"),
    "city": QT_TRANSLATE_NOOP("ColumnMappingPanel", "City"),
    "state": QT_TRANSLATE_NOOP("ColumnMappingPanel", "State"),
    "zip": QT_TRANSLATE_NOOP("ColumnMappingPanel", "ZIP code"),
    "country": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Country"),
    "phone": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Phone"),
    "email": QT_TRANSLATE_NOOP("ColumnMappingPanel", "E-mail"),
    "service_level": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Shipping service"),
    "notes": QT_TRANSLATE_NOOP("ColumnMappingPanel", "Notes"),
}
#: Field combos per row of the grid (three pairs fit the dialog at 1366×768).
GRID_COLUMNS = 3


def field_label(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, FIELD_LABELS[name])


class ColumnMappingPanel(QWidget):
    """Emits ``save_requested(name, mapping, headers)`` when the clerk saves the mapping."""

    save_requested = Signal(str, dict, tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout: FileLayout | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for pos, column in enumerate(TEMPLATE_COLUMNS):
            row, col = divmod(pos, GRID_COLUMNS)
            label = field_label(column.name) + (" *" if column.required else "")
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _i: self._on_mapping_changed())
            self.combos[column.name] = combo
            grid.addWidget(QLabel(label), row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
        for col in range(GRID_COLUMNS):
            grid.setColumnStretch(col * 2 + 1, 1)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setMinimumHeight(110)
        self.problem = QLabel()
        self.problem.setObjectName("ErrorText")
        self.problem.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("e.g. Goodcang outbound template"))
        self.name_edit.textChanged.connect(lambda _t: self._on_mapping_changed())
        self.save_button = QPushButton(self.tr("Save preset and check file"))
        self.save_button.setProperty("primary", True)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Preset name")))
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.intro)
        box.addLayout(grid)
        box.addWidget(QLabel(self.tr("The first rows as they will be read:")))
        box.addWidget(self.preview, 1)
        box.addWidget(self.problem)
        box.addLayout(name_row)

    def set_layout(self, layout: FileLayout, client: str, file_name: str) -> None:
        """Offer the file's headers in every combo; choose the ones the template knows."""
        self._layout = layout
        self.intro.setText(self.tr(
            "Choose the column of {file} for each order field (* required). The mapping is "
            "saved as a preset of client {client}, and the next file of this layout is "
            "recognised by itself.").format(file=file_name, client=client))
        headers = [h for h in layout.headers if h]
        guessed: dict[str, str] = {}
        for text in headers:
            name = match_header(text)
            if name is not None:
                guessed.setdefault(name, text)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), None)
            for text in headers:
                combo.addItem(text, text)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(name))))
            combo.blockSignals(False)
        self._on_mapping_changed()

    def mapping(self) -> dict[str, str]:
        """Order field -> the chosen header, for the fields that have one."""
        return {name: str(combo.currentData()) for name, combo in self.combos.items()
                if combo.currentData() is not None}

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)

    def _on_mapping_changed(self) -> None:
        mapping = self.mapping()
        self._show_preview(mapping)
        problems: list[str] = []
        missing = [field_label(c.name) for c in TEMPLATE_COLUMNS
                   if c.required and c.name not in mapping]
        if missing:
            problems.append(self.tr("Choose a column for: {fields}.").format(
                fields=self.tr(", ").join(missing)))
        used: dict[str, str] = {}
        for name, text in mapping.items():
            other = used.setdefault(header_key(text), name)
            if other != name:
                problems.append(self.tr("Column '{column}' is chosen for both {first} and "
                                        "{second}.").format(column=text,
                                                            first=field_label(other),
                                                            second=field_label(name)))
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        self.save_button.setEnabled(not problems and bool(self.name_edit.text().strip()))

    def _show_preview(self, mapping: dict[str, str]) -> None:
        layout = self._layout
        fields = [c.name for c in TEMPLATE_COLUMNS if c.name in mapping]
        rows = layout.sample if layout is not None else ()
        self.preview.clear()
        self.preview.setColumnCount(len(fields))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels([field_label(f) for f in fields])
        if layout is None:
            return
        for col, name in enumerate(fields):
            idx = layout.column_of(mapping[name])
            for row, cells in enumerate(rows):
                text = cells[idx] if idx is not None and idx < len(cells) else ""
                self.preview.setItem(row, col, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

    def _on_save_clicked(self) -> None:
        if self._layout is None or not self.save_button.isEnabled():
            return
        self.save_requested.emit(self.name_edit.text().strip(), self.mapping(),
                                 tuple(self._layout.headers))
