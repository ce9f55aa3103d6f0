"""Settings → Printers: add, edit, delete and test this station's printers.

Each printer is a ``printers.profiles.PrinterProfile`` (name, address, language, dpi,
media); the role combos say which printer prints labels, SKU labels and documents. The
stored shape is documented in :mod:`app.services.printer_settings`. Advanced options a profile
already has (offsets, darkness...) are kept as they are: the form edits only the common
fields. "Print test page" sends the page through the print worker (never the GUI
thread) and shows the outcome next to the button.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.domain.permissions import Actor
from app.services.print_documents import test_page_document
from app.services.print_queue import DeliveryResult
from app.services.printer_settings import PrinterSettings, Role
from app.settings import StationSettings
from app.ui.devices.printing import PrintWorker
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner
from printers.errors import PrinterError
from printers.profiles import Language, PrinterProfile, PrintOptions

DPIS = (203, 300, 600, 152)
ROTATIONS = (0, 90, 180, 270)
_keys = itertools.count(1)


@dataclass
class _Draft:
    """One printer as being edited (may be invalid until saved)."""

    name: str
    uri: str
    language: Language = Language.TSPL
    dpi: int = 203
    width_mm: float = 101.6
    height_mm: float = 152.4
    options: PrintOptions = field(default_factory=PrintOptions)
    key: int = field(default_factory=lambda: next(_keys))

    @classmethod
    def of(cls, profile: PrinterProfile) -> _Draft:
        return cls(profile.name, profile.uri, profile.language, profile.dpi,
                   profile.media_width_mm, profile.media_height_mm, profile.options)

    def profile(self) -> PrinterProfile:
        """Validate: raises InvalidProfile with the reason."""
        return PrinterProfile(self.name.strip(), self.uri.strip(), self.language, self.dpi,
                              self.width_mm, self.height_mm, self.options)


class PrintersSection(QWidget):
    """The "Printers" tab of the settings dialog (the section is its own widget)."""

    def __init__(self, context: AppContext, tasks: TaskRunner,
                 actor: Actor | None = None) -> None:
        super().__init__()
        self._context = context
        self._tasks = tasks
        # Settings open before anyone signs in: the test page then prints as the station.
        self._actor = actor or Actor.system("settings")
        self._loading = False
        self._drafts: list[_Draft] = []
        self._load_error = ""
        roles = self._load_saved()
        left = self._build_list()
        right = QVBoxLayout()
        right.addWidget(self._build_details())
        right.addWidget(self._build_roles())
        self.error = QLabel(self._load_error)
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(self._load_error))
        right.addWidget(self.error)
        right.addStretch(1)
        self.setMinimumWidth(820)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        self._connect_form(roles)

    # -- building ------------------------------------------------------------------------

    def _load_saved(self) -> dict[Role, int]:
        """The station's printers as drafts, and which draft each role uses."""
        roles: dict[Role, int] = {}
        try:
            current = PrinterSettings.from_station(self._context.settings.printers)
        except PrinterError as exc:  # damaged file: start empty, say why
            current = PrinterSettings()
            self._load_error = error_text(exc)
        for profile in current.profiles.values():
            self._drafts.append(_Draft.of(profile))
        for role, name in current.roles.items():
            roles[role] = next(d.key for d in self._drafts if d.name == name)
        return roles

    def _build_list(self) -> QVBoxLayout:
        self.list = QListWidget()
        self.list.setObjectName("printer_list")
        self.list.setMinimumWidth(170)
        self.add_button = QPushButton(self.tr("Add printer"))
        self.add_button.setObjectName("add_printer")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_printer")
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)
        return left

    def _build_details(self) -> QGroupBox:
        """The chosen printer: name, address, language, resolution, media, test page."""
        self.name = QLineEdit()
        self.name.setObjectName("printer_name")
        self.uri = QLineEdit()
        self.uri.setObjectName("printer_uri")
        self.uri.setPlaceholderText("tcp://192.168.1.50:9100")
        self.uri.setToolTip(self.tr(
            "tcp://HOST:9100 (network), serial:///dev/ttyUSB0?baud=9600 or serial://COM3, "
            "usb://VID:PID, cups://QUEUE, win32://PRINTER NAME, file:///PATH"))
        self._build_language()
        size = self._build_media()
        self.rotation = QComboBox()
        for degrees in ROTATIONS:
            self.rotation.addItem(self.tr("{degrees}°").format(degrees=degrees), degrees)
        self.test_button = QPushButton(self.tr("Print test page"))
        self.test_button.setObjectName("test_printer")
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        details = QGroupBox(self.tr("Printer"))
        form = QFormLayout(details)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.uri)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Resolution"), self.dpi)
        form.addRow(self.tr("Media"), self.media)
        form.addRow(self.tr("Size"), size)
        form.addRow(self.tr("Rotation"), self.rotation)
        form.addRow("", test_row)
        self.details = details
        return details

    def _build_language(self) -> None:
        self.language = QComboBox()
        self.language.setObjectName("printer_language")
        for language, text in (
            (Language.TSPL, self.tr("TSPL (Rollo, TSC, iDPRT, Xprinter…)")),
            (Language.ZPL, self.tr("ZPL (Zebra and compatibles)")),
            (Language.ESCPOS, self.tr("ESC/POS (receipt printers)")),
            (Language.PDF, self.tr("PDF (office printer)")),
        ):
            self.language.addItem(text, language)

    def _build_media(self) -> QHBoxLayout:
        """Resolution, the media sizes offered, and the custom size row it returns."""
        self.dpi = QComboBox()
        self.dpi.setObjectName("printer_dpi")
        for dpi in DPIS:
            self.dpi.addItem(self.tr("{dpi} dpi").format(dpi=dpi), dpi)
        self.media = QComboBox()
        self.media.setObjectName("printer_media")
        self._media = [
            (self.tr("4 × 6 in label"), 101.6, 152.4),
            (self.tr("4 × 2 in label"), 101.6, 50.8),
            (self.tr("50 × 30 mm label"), 50.0, 30.0),
            (self.tr("2.25 × 1.25 in label"), 57.15, 31.75),
            (self.tr("Letter paper"), 215.9, 279.4),
            (self.tr("A4 paper"), 210.0, 297.0),
        ]
        for text, width, height in self._media:
            self.media.addItem(text, (width, height))
        self.media.addItem(self.tr("Custom size"), None)
        self.width_mm = QDoubleSpinBox()
        self.height_mm = QDoubleSpinBox()
        for spin in (self.width_mm, self.height_mm):
            spin.setRange(10.0, 500.0)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setMinimumWidth(100)
        # Before any printer is chosen the form shows the first media's size, not 10 x 10 mm.
        self.width_mm.setValue(self._media[0][1])
        self.height_mm.setValue(self._media[0][2])
        size = QHBoxLayout()
        size.addWidget(self.width_mm)
        size.addWidget(QLabel("×"))
        size.addWidget(self.height_mm)
        size.addStretch(1)
        return size

    def _build_roles(self) -> QGroupBox:
        """Which printer prints what ("Use for")."""
        use = QGroupBox(self.tr("Use for"))
        use_form = QFormLayout(use)
        self.role_combos: dict[Role, QComboBox] = {}
        for role, text in (
            (Role.LABEL, self.tr("Shipping and bin labels")),
            (Role.SKU, self.tr("SKU labels")),
            (Role.DOCUMENT, self.tr("Packing slips and pick lists")),
        ):
            combo = QComboBox()
            combo.setObjectName(f"role_{role.value}")
            combo.setMinimumWidth(200)
            self.role_combos[role] = combo
            use_form.addRow(text, combo)
        self.hint = QLabel(self.tr(
            "A role left on Automatic uses the label printer, or the only printer."))
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        use_form.addRow(self.hint)
        return use

    def _connect_form(self, roles: dict[Role, int]) -> None:
        """Fill the list and the roles first: filling them edits no draft."""
        self._fill_list()
        self._fill_roles(roles)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.name.textEdited.connect(self._on_form_edited)
        self.uri.textEdited.connect(self._on_form_edited)
        for combo in (self.language, self.dpi, self.rotation):
            combo.currentIndexChanged.connect(self._on_form_edited)
        self.media.currentIndexChanged.connect(self._on_media_changed)
        self.width_mm.valueChanged.connect(self._on_size_edited)
        self.height_mm.valueChanged.connect(self._on_size_edited)
        self.list.setCurrentRow(0 if self._drafts else -1)
        self._show_current()

    # -- SettingsSection -----------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Printers")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: StationSettings) -> StationSettings:
        """The settings with these printers; ValueError (shown by the dialog) if invalid."""
        return settings.with_changes(printers=self.printer_settings().to_station())

    def printer_settings(self) -> PrinterSettings:
        profiles: dict[str, PrinterProfile] = {}
        for draft in self._drafts:
            try:
                profile = draft.profile()
            except PrinterError as exc:
                raise ValueError(error_text(exc)) from exc
            if profile.name in profiles:
                raise ValueError(self.tr("Two printers are called '{name}'; rename one.").format(
                    name=profile.name))
            profiles[profile.name] = profile
        names = {draft.key: draft.name.strip() for draft in self._drafts}
        roles = {role: names[combo.currentData()] for role, combo in self.role_combos.items()
                 if combo.currentData() in names}
        return PrinterSettings(profiles, roles)

    # -- form ----------------------------------------------------------------------------

    def _current(self) -> _Draft | None:
        row = self.list.currentRow()
        return self._drafts[row] if 0 <= row < len(self._drafts) else None

    def _fill_list(self) -> None:
        self.list.clear()
        for draft in self._drafts:
            self.list.addItem(draft.name or self.tr("(no name)"))

    def _fill_roles(self, selected: dict[Role, int] | None = None) -> None:
        chosen = selected or {role: combo.currentData()
                              for role, combo in self.role_combos.items()}
        for role, combo in self.role_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Automatic"), None)
            for draft in self._drafts:
                combo.addItem(draft.name or self.tr("(no name)"), draft.key)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(role))))
            combo.blockSignals(False)

    def _show_current(self) -> None:
        draft = self._current()
        self.details.setEnabled(draft is not None)
        self.delete_button.setEnabled(draft is not None)
        self.test_result.clear()
        if draft is None:
            return
        self._loading = True
        self.name.setText(draft.name)
        self.uri.setText(draft.uri)
        self.language.setCurrentIndex(self.language.findData(draft.language))
        dpi_index = self.dpi.findData(draft.dpi)
        if dpi_index < 0:
            self.dpi.addItem(self.tr("{dpi} dpi").format(dpi=draft.dpi), draft.dpi)
            dpi_index = self.dpi.count() - 1
        self.dpi.setCurrentIndex(dpi_index)
        self.width_mm.setValue(draft.width_mm)
        self.height_mm.setValue(draft.height_mm)
        self._select_media(draft.width_mm, draft.height_mm)
        self.rotation.setCurrentIndex(max(0, self.rotation.findData(draft.options.rotation)))
        self._loading = False

    def _select_media(self, width: float, height: float) -> None:
        for index, (_text, w, h) in enumerate(self._media):
            if abs(w - width) < 0.5 and abs(h - height) < 0.5:
                self.media.setCurrentIndex(index)
                return
        self.media.setCurrentIndex(self.media.count() - 1)

    def _on_media_changed(self) -> None:
        size = self.media.currentData()
        if self._loading or size is None:
            return
        self._loading = True
        self.width_mm.setValue(size[0])
        self.height_mm.setValue(size[1])
        self._loading = False
        self._on_form_edited()

    def _on_size_edited(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._select_media(self.width_mm.value(), self.height_mm.value())
        self._loading = False
        self._on_form_edited()

    def _on_form_edited(self) -> None:
        draft = self._current()
        if self._loading or draft is None:
            return
        draft.name = self.name.text()
        draft.uri = self.uri.text()
        draft.language = Language(self.language.currentData())
        draft.dpi = int(self.dpi.currentData())
        draft.width_mm = self.width_mm.value()
        draft.height_mm = self.height_mm.value()
        rotation = int(self.rotation.currentData())
        if rotation != draft.options.rotation:
            draft.options = replace(draft.options, rotation=rotation)
        item = self.list.currentItem()
        if item is not None:
            item.setText(draft.name or self.tr("(no name)"))
        self._fill_roles()
        self.error.hide()

    def _on_list_current_row_changed(self, _row: int) -> None:
        self._show_current()

    def _on_add_clicked(self) -> None:
        taken = {draft.name for draft in self._drafts}
        base = self.tr("Label printer")
        name = next(n for n in (base, *(f"{base} {i}" for i in range(2, 100))) if n not in taken)
        self._drafts.append(_Draft(name, "tcp://"))
        self._fill_list()
        self._fill_roles()
        self.list.setCurrentRow(len(self._drafts) - 1)
        self.uri.setFocus()
        self.uri.selectAll()

    def _on_delete_clicked(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._drafts):
            return
        del self._drafts[row]
        self._fill_list()
        self._fill_roles()
        self.list.setCurrentRow(min(row, len(self._drafts) - 1))
        self._show_current()

    # -- test page -----------------------------------------------------------------------

    def _on_test_clicked(self) -> None:
        draft = self._current()
        if draft is None:
            return
        try:
            profile = draft.profile()
        except PrinterError as exc:
            self._show_test(error_text(exc), ok=False)
            return
        self._show_test(self.tr("Sending a test page to {printer}…").format(
            printer=profile.name), ok=True)
        self.test_button.setEnabled(False)
        PrintWorker.for_tasks(self._tasks).print_document(
            lambda _s, p: test_page_document(p), profile, actor=self._actor,
            station=self._context.settings.station_name,
            on_done=self._on_test_done, on_error=self._on_test_failed, owner=self,
        )

    def _on_test_done(self, result: DeliveryResult) -> None:
        self.test_button.setEnabled(True)
        if result.error is None:
            self._show_test(self.tr("Test page sent ({bytes} bytes). Check that the barcode "
                               "scans.").format(bytes=f"{result.bytes_sent:,}"), ok=True)
        else:
            self._show_test(self.tr("Test page failed: {error}").format(
                error=error_text(result.error)), ok=False)

    def _on_test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._show_test(self.tr("Test page failed: {error}").format(
            error=error_text(exc)), ok=False)

    def _show_test(self, text: str, *, ok: bool) -> None:
        self.test_result.setStyleSheet(f"color: {'#05603a' if ok else '#b42318'};")
        self.test_result.setText(text)
