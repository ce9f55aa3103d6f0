"""The scan panel of the Inventory screen: receive, move and adjust stock.

Fields come in the order a person scans: bin, Enter, SKU (or its barcode),
Enter, quantity, Enter — and the action runs. Each action is one service call,
so one transaction: it either happens completely or not at all, and the
message next to the form says which. After a success the panel is ready for
the next item with the cursor in the first scan field.

It lives beside the tables rather than in a modal dialog so a clerk can keep
scanning while watching the stock numbers change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.errors import BinInactive, InsufficientStock, InvalidValue, NotFound
from app.domain.states import SELLABLE_BIN_TYPES, AdjustReason
from app.services.dto import BinInfo, MoveResult, WarehouseInfo
from app.services.inventory import adjust_stock, move_stock, receive_stock
from app.services.lookup import skus_matching
from app.services.organisation import list_bins, list_clients
from app.ui.i18n import error_text
from app.ui.models.inventory import adjust_reason_names, bin_type_names
from app.ui.pages.base import PageContext
from app.ui.values import product_name
from app.ui.widgets.message_bar import Level, MessageBar

MODE_KEY = "inventory/action_mode"
WAREHOUSE_KEY = "inventory/action_warehouse"


class Mode(StrEnum):
    RECEIVE = "receive"
    MOVE = "move"
    ADJUST = "adjust"


@dataclass(frozen=True)
class SkuMatch:
    """A SKU a scanned code points at, as plain values for the GUI thread."""

    sku_id: int
    client_code: str
    code: str
    name_en: str
    name_zh: str | None


def find_skus(session: Session, code: str) -> list[SkuMatch]:
    """Every SKU of any client whose code or barcode is ``code`` (runs in a task)."""
    clients: dict[int, str] = {c.id: c.code for c in list_clients(session)}
    matches = [
        SkuMatch(s.id, clients.get(s.client_id, "?"), s.code, s.name_en, s.name_zh)
        for s in skus_matching(session, code)
    ]
    return sorted(matches, key=lambda m: (m.client_code, m.code))


def parse_quantity(text: str, *, signed: bool) -> int | None:
    """A positive whole number, or with ``signed`` a non-zero one written with + or -."""
    value = text.strip().replace(",", "")
    if signed and (not value or value[0] not in "+-"):
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    if number == 0 or (not signed and number < 0):
        return None
    return number


class _EnterFilter(QObject):
    """Turns Enter on a widget without an Enter signal (a combo box) into a callback."""

    def __init__(self, parent: QObject, callbacks: dict[QObject, Callable[[], None]]) -> None:
        super().__init__(parent)
        self._callbacks = callbacks

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            callback = self._callbacks.get(watched)
            if callback is not None:
                callback()
                return True
        return False


class StockActionPanel(QWidget):
    """Receive, move and adjust stock with scan-friendly fields and inline results."""

    # A stock action went through (the page also hears about it through Changes).
    action_done = Signal(object)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StockActionPanel")
        self.ctx = ctx
        self._bins: dict[str, BinInfo] = {}
        self._bins_for = ""
        self._sku: SkuMatch | None = None
        self._matches: list[SkuMatch] = []
        self._busy = False
        self._mode = Mode.RECEIVE
        self._after_client: Callable[[], None] = self._after_sku
        self._type_names = bin_type_names()
        self._build()
        mode = str(ctx.ui_settings.value(MODE_KEY, Mode.RECEIVE.value))
        self.set_mode(Mode(mode) if mode in Mode._value2member_map_ else Mode.RECEIVE)

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Receive, move or adjust"))
        title.setObjectName("SectionTitle")
        title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        mode_row = self._build_mode_row()
        self._build_fields()
        self._build_form()
        buttons = self._build_buttons()
        self.hint = QLabel()
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        self.messages = MessageBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addLayout(mode_row)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.messages)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._connect_scans()

    def _build_mode_row(self) -> QHBoxLayout:
        """Receive, Move and Adjust as one row of checkable buttons."""
        self.receive_button = QPushButton(self.tr("&Receive"))
        self.move_button = QPushButton(self.tr("&Move"))
        self.adjust_button = QPushButton(self.tr("A&djust"))
        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        mode_row.setSpacing(4)
        for button, mode in ((self.receive_button, Mode.RECEIVE),
                             (self.move_button, Mode.MOVE), (self.adjust_button, Mode.ADJUST)):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, m=mode: self._on_mode_clicked(m))
            self.modes.addButton(button)
            mode_row.addWidget(button, 1)
        return mode_row

    def _build_fields(self) -> None:
        """Every field of the three modes; the mode shows the ones it needs."""
        self.warehouse = QComboBox()
        self.warehouse.setToolTip(self.tr("Remembered on this PC"))
        self.warehouse.currentIndexChanged.connect(self._on_warehouse_current_index_changed)
        self.bin_edit = self._scan_edit(self.tr("Scan bin"))
        self.sku_edit = self._scan_edit(self.tr("Scan SKU or barcode"))
        self.sku_edit.textEdited.connect(self._on_sku_edit_text_edited)
        self.client_combo = QComboBox()
        self.client_combo.setToolTip(
            self.tr("Several clients use this code: choose whose stock it is")
        )
        self.client_combo.activated.connect(lambda _i: self._on_client_chosen())
        self.sku_info = QLabel()
        self.sku_info.setObjectName("Muted")
        self.sku_info.setWordWrap(True)
        self.to_bin_edit = self._scan_edit(self.tr("Scan target bin"))
        self.quantity_edit = QLineEdit()
        self.quantity_edit.setMaxLength(9)
        self.reason_combo = QComboBox()
        for value, name in adjust_reason_names().items():
            self.reason_combo.addItem(name, value)
        self.reason_combo.setPlaceholderText(self.tr("Choose a reason…"))
        self.reason_combo.setCurrentIndex(-1)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. count sheet number"))
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(self.tr("Optional, e.g. PO or ASN number"))
        self.reference_edit.setToolTip(self.tr("Kept for the next items of the same delivery"))

    def _build_form(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.bin_label = QLabel()
        self.form.addRow(self.tr("Warehouse"), self.warehouse)
        self.form.addRow(self.bin_label, self.bin_edit)
        self.form.addRow(self.tr("SKU"), self.sku_edit)
        self.form.addRow(self.tr("Client"), self.client_combo)
        self.form.addRow("", self.sku_info)
        self.form.addRow(self.tr("To bin"), self.to_bin_edit)
        self.quantity_label = QLabel()
        self.form.addRow(self.quantity_label, self.quantity_edit)
        self.form.addRow(self.tr("Reason"), self.reason_combo)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.form.addRow(self.tr("Reference"), self.reference_edit)

    def _build_buttons(self) -> QHBoxLayout:
        self.act_button = QPushButton()
        self.act_button.setProperty("primary", True)
        self.act_button.clicked.connect(self.act)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.act_button, 1)
        buttons.addWidget(self.clear_button)
        return buttons

    def _connect_scans(self) -> None:
        """Enter in each field checks it and moves on, as a scanner clerk works."""
        self.bin_edit.returnPressed.connect(
            lambda: self._check_bin(self.bin_edit, self.sku_edit)
        )
        self.sku_edit.returnPressed.connect(lambda: self._resolve_sku(self._after_sku))
        self.to_bin_edit.returnPressed.connect(
            lambda: self._check_bin(self.to_bin_edit, self.quantity_edit)
        )
        self.quantity_edit.returnPressed.connect(self._on_quantity_return_pressed)
        self.note_edit.returnPressed.connect(self.act)
        self.reference_edit.returnPressed.connect(self.act)
        self._enter = _EnterFilter(self, {
            self.client_combo: self._on_client_chosen,
            self.reason_combo: lambda: self._focus(self.note_edit),
        })
        self.client_combo.installEventFilter(self._enter)
        self.reason_combo.installEventFilter(self._enter)
        self._show_client_row(False)
        self._set_sku(None)

    def _scan_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    # -- public --------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        self._mode = mode
        {Mode.RECEIVE: self.receive_button, Mode.MOVE: self.move_button,
         Mode.ADJUST: self.adjust_button}[mode].setChecked(True)
        moving, adjusting = mode is Mode.MOVE, mode is Mode.ADJUST
        self.bin_label.setText(self.tr("From bin") if moving else self.tr("Bin"))
        self.quantity_label.setText(self.tr("Change (+/−)") if adjusting else self.tr("Quantity"))
        self.quantity_edit.setPlaceholderText(
            self.tr("+3 or -2") if adjusting else self.tr("Units, then Enter")
        )
        self.form.setRowVisible(self.to_bin_edit, moving)
        self.form.setRowVisible(self.reason_combo, adjusting)
        self.form.setRowVisible(self.note_edit, adjusting)
        self.form.setRowVisible(self.reference_edit, mode is Mode.RECEIVE)
        self.act_button.setText({
            Mode.RECEIVE: self.tr("Receive into bin"),
            Mode.MOVE: self.tr("Move stock"),
            Mode.ADJUST: self.tr("Adjust stock"),
        }[mode])
        self.hint.setText({
            Mode.RECEIVE: self.tr("Scan the bin, Enter, scan the item, Enter, type the "
                                  "quantity, Enter."),
            Mode.MOVE: self.tr("Scan the bin to take from, the item, the bin to put into, "
                               "then type the quantity. Only unreserved units can move."),
            Mode.ADJUST: self.tr("For counts and damage: type the change with a sign "
                                 "(+3 found, -2 missing) and choose a reason."),
        }[mode])
        self.ctx.ui_settings.setValue(MODE_KEY, mode.value)

    def set_warehouses(self, warehouses: list[WarehouseInfo]) -> None:
        """Fill the warehouse choice, keeping the one this PC used last."""
        remembered = str(self.ctx.ui_settings.value(WAREHOUSE_KEY, "") or "")
        preferred = remembered or (self.ctx.app.settings.warehouse_code or "")
        self.warehouse.blockSignals(True)
        self.warehouse.clear()
        for w in warehouses:
            self.warehouse.addItem(f"{w.code} — {w.name}", w.code)
        index = self.warehouse.findData(preferred)
        self.warehouse.setCurrentIndex(index if index >= 0 else 0)
        self.warehouse.blockSignals(False)
        self._load_bins()

    def warehouse_code(self) -> str:
        return str(self.warehouse.currentData() or "")

    def focus_first(self) -> None:
        """Ready for the next scan: cursor in the first scan field, its text selected."""
        self._focus(self.bin_edit)

    def act(self) -> None:
        """Run the action with what the fields say; resolves the SKU first if needed."""
        if self._busy:
            return
        if not self.warehouse_code():
            self._fail(self.tr("Choose a warehouse first."), self.warehouse)
            return
        if not self.bin_edit.text().strip():
            self._fail(self.tr("Scan a bin first."), self.bin_edit)
            return
        if self._sku is None:
            self._resolve_sku(self._act_resolved)
            return
        self._act_resolved()

    # -- scan steps ----------------------------------------------------------------------

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def _check_bin(self, edit: QLineEdit, then: QWidget) -> None:
        code = edit.text().strip().upper()
        if not code:
            self._fail(self.tr("Scan a bin first."), edit)
            return
        edit.setText(code)
        if self._bins_for == self.warehouse_code() and code in self._bins:
            self._bin_checked(edit, then)
            return
        # Not in our list: the bin may have been created since we loaded it.
        self._load_bins(lambda: self._bin_checked(edit, then))

    def _bin_checked(self, edit: QLineEdit, then: QWidget) -> None:
        code = edit.text().strip().upper()
        info = self._bins.get(code)
        if info is None:
            self._fail(self.tr("Bin {bin} is not in warehouse {warehouse}.").format(
                bin=code, warehouse=self.warehouse_code()), edit)
            return
        if not info.active and self._mode is not Mode.ADJUST:
            self._fail(self.tr("Bin {bin} is inactive.").format(bin=code), edit)
            return
        if info.bin_type not in {t.value for t in SELLABLE_BIN_TYPES}:
            name = self._type_names.get(info.bin_type, info.bin_type)
            self.messages.show_message(self.tr(
                "{bin} is a {type} bin: stock there is on hand but not available to sell."
            ).format(bin=code, type=name), Level.INFO)
        else:
            self.messages.hide()
        self._focus(then)

    def _on_sku_edit_text_edited(self, _text: str) -> None:
        self._set_sku(None)
        self._show_client_row(False)

    def _resolve_sku(self, then: Callable[[], None]) -> None:
        code = self.sku_edit.text().strip()
        if not code:
            self._fail(self.tr("Scan a SKU or its barcode."), self.sku_edit)
            return
        if self._sku is not None:
            then()
            return
        self.ctx.tasks.read(
            lambda s: find_skus(s, code),
            on_done=lambda matches: self._on_skus_found(code, matches, then),
            on_error=self._on_action_error, owner=self,
        )

    def _on_skus_found(self, code: str, matches: list[SkuMatch],
                       then: Callable[[], None]) -> None:
        if code != self.sku_edit.text().strip():
            return  # the clerk scanned something else meanwhile
        self._matches = matches
        if not matches:
            self._set_sku(None)
            self._fail(self.tr("No SKU or barcode {code} for any client.").format(code=code),
                       self.sku_edit)
            return
        if len(matches) == 1:
            self._show_client_row(False)
            self._set_sku(matches[0])
            then()
            return
        self.client_combo.clear()
        for m in matches:
            self.client_combo.addItem(
                f"{m.client_code} — {m.code} · {product_name(m.name_en, m.name_zh)}",
                m.client_code)
        self.client_combo.setCurrentIndex(-1)
        self.client_combo.setPlaceholderText(self.tr("Whose stock? Choose the client…"))
        self._show_client_row(True)
        self._set_sku(None)
        self.messages.show_message(self.tr(
            "{count} clients have {code}. Choose the client, then press Enter."
        ).format(count=len(matches), code=code), Level.INFO)
        self._after_client = then
        self.client_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_client_chosen(self) -> None:
        index = self.client_combo.currentIndex()
        if not 0 <= index < len(self._matches):
            self._fail(self.tr("Choose the client whose stock this is."), self.client_combo)
            return
        self._set_sku(self._matches[index])
        self.messages.hide()
        self._after_client()

    def _set_sku(self, sku: SkuMatch | None) -> None:
        self._sku = sku
        self.form.setRowVisible(self.sku_info, sku is not None)
        if sku is None:
            self.sku_info.setText("")
            return
        name = sku.name_zh if self.ctx.app.settings.language == "zh_CN" and sku.name_zh \
            else sku.name_en
        self.sku_info.setText(self.tr("{sku} · {name} · client {client}").format(
            sku=sku.code, name=name, client=sku.client_code))

    def _show_client_row(self, visible: bool) -> None:
        self.form.setRowVisible(self.client_combo, visible)

    def _after_sku(self) -> None:
        self.messages.hide()
        self._focus(self.to_bin_edit if self._mode is Mode.MOVE else self.quantity_edit)

    def _on_quantity_return_pressed(self) -> None:
        if self._mode is Mode.ADJUST and self.reason_combo.currentIndex() < 0:
            if self._quantity() is None:
                self._fail(self._quantity_problem(), self.quantity_edit)
                return
            self.reason_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.act()

    def _quantity(self) -> int | None:
        return parse_quantity(self.quantity_edit.text(), signed=self._mode is Mode.ADJUST)

    def _quantity_problem(self) -> str:
        if self._mode is Mode.ADJUST:
            return self.tr("Type the change with its sign, e.g. +3 or -2 (not 0).")
        return self.tr("Quantity must be a whole number above 0.")

    # -- acting --------------------------------------------------------------------------

    def _act_resolved(self) -> None:
        sku = self._sku
        assert sku is not None
        quantity = self._quantity()
        if quantity is None:
            self._fail(self._quantity_problem(), self.quantity_edit)
            return
        warehouse, bin_code = self.warehouse_code(), self.bin_edit.text().strip().upper()
        actor, mode = self.ctx.actor, self._mode
        if mode is Mode.MOVE and not self.to_bin_edit.text().strip():
            self._fail(self.tr("Scan the bin to move into."), self.to_bin_edit)
            return
        if mode is Mode.ADJUST and self.reason_combo.currentIndex() < 0:
            self._fail(self.tr("Choose a reason for the adjustment."), self.reason_combo)
            return
        to_bin = self.to_bin_edit.text().strip().upper()
        reason = AdjustReason(str(self.reason_combo.currentData() or AdjustReason.COUNT.value))
        note = self.note_edit.text().strip() or None
        reference = self.reference_edit.text().strip() or None

        def run(s: Session) -> MoveResult:
            if mode is Mode.RECEIVE:
                return receive_stock(s, client_code=sku.client_code, sku_code=sku.code,
                                     warehouse_code=warehouse, bin_code=bin_code,
                                     quantity=quantity, actor=actor, reference=reference)
            if mode is Mode.MOVE:
                return move_stock(s, client_code=sku.client_code, sku_code=sku.code,
                                  warehouse_code=warehouse, from_bin=bin_code, to_bin=to_bin,
                                  quantity=quantity, actor=actor)
            return adjust_stock(s, client_code=sku.client_code, sku_code=sku.code,
                                warehouse_code=warehouse, bin_code=bin_code, delta=quantity,
                                reason=reason, actor=actor, note=note)

        summary = self._summary(mode, sku, quantity, bin_code, to_bin, reason)
        self._set_busy(True)
        self.ctx.tasks.write(run, on_done=lambda r: self._on_action_done(r, summary),
                             on_error=self._on_action_error, owner=self)

    def _summary(self, mode: Mode, sku: SkuMatch, quantity: int, bin_code: str, to_bin: str,
                 reason: AdjustReason) -> str:
        item = self.tr("{qty} × {sku} ({client})").format(
            qty=abs(quantity), sku=sku.code, client=sku.client_code)
        if mode is Mode.RECEIVE:
            return self.tr("Received {item} into {bin}.").format(item=item, bin=bin_code)
        if mode is Mode.MOVE:
            return self.tr("Moved {item} from {source} to {target}.").format(
                item=item, source=bin_code, target=to_bin)
        reason_name = adjust_reason_names()[reason.value]
        if quantity > 0:
            return self.tr("Added {item} to {bin} ({reason}).").format(
                item=item, bin=bin_code, reason=reason_name)
        return self.tr("Removed {item} from {bin} ({reason}).").format(
            item=item, bin=bin_code, reason=reason_name)

    def _on_action_done(self, result: MoveResult, summary: str) -> None:
        self._set_busy(False)
        text = summary
        allocated = result.allocated_orders
        if allocated:
            text += " " + self.tr("%n backordered order(s) now allocated: {orders}.", "",
                                  len(allocated)).format(orders=", ".join(allocated))
        self.messages.show_message(text, Level.SUCCESS)
        self.sku_edit.clear()
        self._set_sku(None)
        self._show_client_row(False)
        self.quantity_edit.clear()
        self.note_edit.clear()
        self.reason_combo.setCurrentIndex(-1)
        self.focus_first()
        self.action_done.emit(result)

    def _on_action_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._fail(error_text(exc), self._field_for(exc))

    def _field_for(self, exc: BaseException) -> QWidget:
        """Put the cursor where the problem is, so the clerk can rescan or retype."""
        if isinstance(exc, InsufficientStock):
            return self.quantity_edit
        if isinstance(exc, InvalidValue):
            field = str(exc.fields.get("field", ""))
            return {"quantity": self.quantity_edit, "to bin": self.to_bin_edit}.get(
                field, self.bin_edit)
        if isinstance(exc, NotFound | BinInactive):
            key = str(exc.fields.get("key", exc.fields.get("bin", ""))).strip().upper()
            if exc.fields.get("kind") == "SKU":
                return self.sku_edit
            if self._mode is Mode.MOVE and key == self.to_bin_edit.text().strip().upper():
                return self.to_bin_edit
        return self.bin_edit

    def _fail(self, text: str, field: QWidget) -> None:
        self.messages.show_message(text, Level.ERROR)
        self._focus(field)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.act_button.setEnabled(not busy)

    # -- reacting ------------------------------------------------------------------------

    def _on_mode_clicked(self, mode: Mode) -> None:
        self.set_mode(mode)
        self.messages.hide()
        self.focus_first()

    def _on_clear_button_clicked(self) -> None:
        for edit in (self.bin_edit, self.sku_edit, self.to_bin_edit, self.quantity_edit,
                     self.note_edit, self.reference_edit):
            edit.clear()
        self._set_sku(None)
        self._show_client_row(False)
        self.reason_combo.setCurrentIndex(-1)
        self.messages.hide()
        self.focus_first()

    def _on_warehouse_current_index_changed(self, _index: int) -> None:
        self.ctx.ui_settings.setValue(WAREHOUSE_KEY, self.warehouse_code())
        self._load_bins()

    def _load_bins(self, then: Callable[[], None] | None = None) -> None:
        """Keep the warehouse's bins at hand so a scanned bin is checked at once."""
        code = self.warehouse_code()
        if not code:
            return

        def loaded(bins: list[BinInfo]) -> None:
            if code != self.warehouse_code():
                return
            self._bins = {b.code: b for b in bins}
            self._bins_for = code
            if then is not None:
                then()

        self.ctx.tasks.read(lambda s: list_bins(s, code), on_done=loaded, owner=self)

    def reload_bins(self) -> None:
        """Bins were created or changed elsewhere."""
        self._load_bins()
