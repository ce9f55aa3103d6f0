"""The Billing screen (3PL): rate cards, accrued charges and monthly invoices.

*Rate card*: a client's prices as a table of kinds and tiers (grams for weight tiers,
days of lot age for storage; an empty "to" = and above), the storage unit, the
dimensional divisor and the monthly minimum; Save checks the whole card (a gap between
tiers is named in red and nothing is saved); Copy takes another client's card or a
template. *Charges*: the lines the daily job accrued for a client and month (one per
kind, tier and day) and, for the selected line, every order, receipt, return or lot-day it
sums; beside Accrue day (the job for one day, by hand) the last ended day charged (by the
nightly job or by hand), so the office sees at a glance that the job runs. *Invoices*:
every invoice; Draft, Issue, and export to PDF, CSV or XLSX.
Administrators only (the sidebar); a page built for another role shows everything and
changes nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.billing import ChargeKind, StorageUnit
from app.domain.billing_errors import BadMonth
from app.domain.errors import QT_TRANSLATE_NOOP  # typed (returns str); lupdate sees the name
from app.domain.permissions import Permission
from app.services.billing_accrual import AccrualResult, accrue, last_accrued_day
from app.services.billing_detail import SourceRow
from app.services.changes import Changes
from app.services.invoice_documents import (
    write_invoice_csv,
    write_invoice_pdf,
    write_invoice_xlsx,
)
from app.services.invoices import (
    ChargeLine,
    InvoiceInfo,
    draft_invoice,
    issue_invoice,
    line_sources,
    list_charges,
    list_invoices,
    show_invoice,
)
from app.services.lookup import client_by_code
from app.services.organisation import list_clients
from app.services.rate_cards import (
    CardSettings,
    RateCardInfo,
    RateItem,
    copy_rate_card,
    list_templates,
    rate_card_by_client_id,
    set_rate_card,
)
from app.ui.pages.admin_clients_common import PlainRowsModel, Saved
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table, fit_columns

CHARGES = Changes.BILLING


#: How each kind of fee reads on the screen (the value stays the card's code).
KIND_TEXT: dict[str, str] = {
    ChargeKind.RECEIVING_CARTON: QT_TRANSLATE_NOOP("BillingPage", "Receiving per carton"),
    ChargeKind.RECEIVING_PALLET: QT_TRANSLATE_NOOP("BillingPage", "Receiving per pallet"),
    ChargeKind.RECEIVING_CONTAINER: QT_TRANSLATE_NOOP("BillingPage", "Container unloading"),
    ChargeKind.RECEIVING_UNIT: QT_TRANSLATE_NOOP("BillingPage", "Receiving per unit"),
    ChargeKind.STORAGE: QT_TRANSLATE_NOOP("BillingPage", "Storage by lot age"),
    ChargeKind.PICK_PACK_ORDER: QT_TRANSLATE_NOOP("BillingPage", "Pick & pack per order"),
    ChargeKind.PICK_PACK_EXTRA_UNIT: QT_TRANSLATE_NOOP("BillingPage", "Extra unit"),
    ChargeKind.LABEL: QT_TRANSLATE_NOOP("BillingPage", "Label markup %"),
    ChargeKind.PACKING_MATERIAL: QT_TRANSLATE_NOOP("BillingPage", "Packing material per box"),
    ChargeKind.VAS_LABELLING: QT_TRANSLATE_NOOP("BillingPage", "Labelling"),
    ChargeKind.VAS_BAGGING: QT_TRANSLATE_NOOP("BillingPage", "Bagging"),
    ChargeKind.VAS_KITTING: QT_TRANSLATE_NOOP("BillingPage", "Kitting"),
    ChargeKind.RETURN: QT_TRANSLATE_NOOP("BillingPage", "Return by weight"),
    ChargeKind.ADHOC: QT_TRANSLATE_NOOP("BillingPage", "Other (ad hoc)"),
}


def page_title() -> str:
    return QCoreApplication.translate("MainWindow", "Billing")


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("BillingPage", KIND_TEXT.get(kind, kind))


class ChargesModel(PlainRowsModel):
    DAY, KIND, DESCRIPTION, QTY, PRICE, AMOUNT, SOURCES, KEY = range(8)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Fee"), self.tr("Description"), self.tr("Qty"),
                self.tr("Price"), self.tr("Amount"), self.tr("Sources"), self.tr("Key")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.QTY, self.PRICE, self.AMOUNT, self.SOURCES})

    def display(self, row: Any, column: int) -> str:
        c: ChargeLine = row
        sources = self.tr("ad hoc") if c.source_type == "adhoc" else str(c.sources)
        return [c.day.isoformat(), kind_text(c.kind), c.description, f"{c.quantity.normalize():f}",
                f"{c.unit_price.normalize():f}", f"{c.amount:.2f}", sources,
                c.accrual_key][column]


class SourcesModel(PlainRowsModel):
    """The sources of the selected line: what the client can check one by one."""

    SOURCE, QTY, AMOUNT, DESCRIPTION = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Source"), self.tr("Qty"), self.tr("Amount"), self.tr("Description")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.QTY, self.AMOUNT})

    def display(self, row: Any, column: int) -> str:
        r: SourceRow = row
        source = f"{r.source_type} {r.source_id if r.source_id is not None else ''}".strip()
        return [source, f"{r.quantity.normalize():f}", f"{r.amount:.2f}", r.description][column]


class InvoicesModel(PlainRowsModel):
    def headers(self) -> list[str]:
        return [self.tr("Invoice"), self.tr("Client"), self.tr("Month"), self.tr("Status"),
                self.tr("Charges"), self.tr("Minimum top-up"), self.tr("Credits"),
                self.tr("Total")]

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({4, 5, 6, 7})

    def display(self, row: Any, column: int) -> str:
        i: InvoiceInfo = row
        status = self.tr("issued") if i.status == "issued" else self.tr("draft")
        return [i.number, i.client, i.month, status, f"{i.subtotal:.2f}",
                f"{i.minimum_topup:.2f}", f"{i.credits:.2f}", f"{i.total:.2f} {i.currency}"][
            column]


class BillingPage(Page):
    """Rate card editor, charges per client and month, invoices."""

    listens_to = CHARGES

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.may = ctx.actor.may(Permission.MANAGE_BILLING)
        title, self.count_label = self.title_row(page_title())
        self.client = QComboBox()
        self.client.setMinimumWidth(180)
        self.month = QLineEdit(QDate.currentDate().toString("yyyy-MM"))
        self.month.setInputMask("9999-99")
        self.month.setMaximumWidth(90)
        title.addWidget(QLabel(self.tr("Client")))
        title.addWidget(self.client)
        title.addWidget(QLabel(self.tr("Month")))
        title.addWidget(self.month)
        self.body().addLayout(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._card_tab(), self.tr("Rate card"))
        self.tabs.addTab(self._charges_tab(), self.tr("Charges"))
        self.tabs.addTab(self._invoices_tab(), self.tr("Invoices"))
        self.body().addWidget(self.tabs, 1)
        self.client.currentIndexChanged.connect(lambda _i: self.reload())
        self.month.editingFinished.connect(self.reload)
        self._load_clients()

    # -- rate card -------------------------------------------------------------------

    def _card_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.currency = QLineEdit("USD")
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(70)
        self.storage_unit = QComboBox()
        for unit, text in ((StorageUnit.M3, self.tr("m³ per day")),
                           (StorageUnit.FT3, self.tr("ft³ per day")),
                           (StorageUnit.PALLET, self.tr("pallet per day")),
                           (StorageUnit.BIN, self.tr("bin per day"))):
            self.storage_unit.addItem(text, unit.value)
        self.divisor = QSpinBox()
        self.divisor.setRange(1, 999)
        self.divisor.setValue(139)
        self.minimum = QDoubleSpinBox()
        self.minimum.setRange(0, 1_000_000)
        self.minimum.setDecimals(2)
        row = QHBoxLayout()
        for label, widget in ((self.tr("Currency"), self.currency),
                              (self.tr("Storage priced per"), self.storage_unit),
                              (self.tr("Dim divisor (in³/lb)"), self.divisor),
                              (self.tr("Monthly minimum"), self.minimum)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        form.addRow(row)
        layout.addLayout(form)
        self.items = QTableWidget(0, 6)
        self.items.setHorizontalHeaderLabels([
            self.tr("Fee"), self.tr("From (g or days)"), self.tr("To (empty = and above)"),
            self.tr("Price"), self.tr("Line minimum"), self.tr("Label")])
        configure_table(self.items)
        self.items.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers)
        fit_columns(self.items, ["Packing material per box    ", "From (g or days)",
                                 "To (empty = and above)", "0000.0000", "Line minimum",
                                 "A label of some length"])
        layout.addWidget(self.items, 1)
        self.card_hint = QLabel(self.tr(
            "Weight tiers in grams (pick/pack by billable weight = max(actual, dimensional); "
            "returns by weight); storage tiers in days of lot age, the day of receipt is "
            "day 1. Tiers of a fee start at 0 and leave no gap. The label price is a markup "
            "in percent on the label's cost."))
        self.card_hint.setWordWrap(True)
        self.card_hint.setObjectName("Muted")
        layout.addWidget(self.card_hint)
        buttons = QHBoxLayout()
        self.add_row = QPushButton(self.tr("Add row"))
        self.add_row.clicked.connect(lambda: self._append_item(None))
        self.remove_row = QPushButton(self.tr("Remove row"))
        self.remove_row.clicked.connect(self._remove_item)
        self.save_card = QPushButton(self.tr("Save rate card"))
        self.save_card.setDefault(True)
        self.save_card.clicked.connect(self.save)
        self.copy_source = QComboBox()
        self.copy_source.setMinimumWidth(200)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addWidget(self.add_row)
        buttons.addWidget(self.remove_row)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Copy from")))
        buttons.addWidget(self.copy_source)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_card)
        layout.addLayout(buttons)
        editors: tuple[QWidget, ...] = (
            self.currency, self.storage_unit, self.divisor, self.minimum, self.add_row,
            self.remove_row, self.save_card, self.copy_source, self.copy_button)
        for editor in editors:
            editor.setEnabled(self.may)
        if not self.may:
            self.items.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return page

    def _append_item(self, item: RateItem | None) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        kind = QComboBox()
        for k in ChargeKind:
            kind.addItem(kind_text(k.value), k.value)
        kind.setEnabled(self.may)
        if item is not None:
            kind.setCurrentIndex(max(0, kind.findData(item.kind)))
        self.items.setCellWidget(row, 0, kind)
        values = ("0", "", "0", "", "") if item is None else (
            str(item.tier_from), "" if item.tier_to is None else str(item.tier_to),
            f"{item.price.normalize():f}",
            "" if item.minimum is None else f"{item.minimum:.2f}", item.label or "")
        for column, value in enumerate(values, start=1):
            self.items.setItem(row, column, QTableWidgetItem(value))

    def _remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)

    def _show_card(self, card: RateCardInfo | None) -> None:
        self.items.setRowCount(0)
        if card is None:
            self.count_label.setText(self.tr("no rate card yet: copy a template or another "
                                             "client's card"))
            return
        self.count_label.setText(self.tr("%n price(s)", "", len(card.items)))
        self.currency.setText(card.currency)
        self.storage_unit.setCurrentIndex(max(0, self.storage_unit.findData(card.storage_unit)))
        self.divisor.setValue(card.dim_divisor)
        self.minimum.setValue(float(card.monthly_minimum))
        for item in card.items:
            self._append_item(item)

    def _card_items(self) -> list[RateItem]:
        items = []
        for row in range(self.items.rowCount()):
            kind = self.items.cellWidget(row, 0)
            assert isinstance(kind, QComboBox)

            def cell(column: int, r: int = row) -> str:
                found = self.items.item(r, column)
                return found.text().strip() if found else ""

            try:
                items.append(RateItem(
                    str(kind.currentData()), Decimal(cell(3) or "0"), int(cell(1) or "0"),
                    int(cell(2)) if cell(2) else None,
                    Decimal(cell(4)) if cell(4) else None, cell(5) or None))
            except (InvalidOperation, ValueError):
                raise ValueError(self.tr("Row {row}: a number is not written right.").format(
                    row=row + 1)) from None
        return items

    def save(self) -> None:
        code = self.client.currentData()
        if not code:
            return
        try:
            items = self._card_items()
        except ValueError as exc:
            self.messages.show_message(str(exc), Level.ERROR)
            return
        settings = CardSettings(self.currency.text().strip().upper() or "USD",
                                str(self.storage_unit.currentData()), self.divisor.value(),
                                Decimal(str(self.minimum.value())).quantize(Decimal("0.01")))
        actor = self.ctx.actor

        def done(saved: Saved) -> None:
            self._show_card(saved.value)
            self.show_info(self.tr("Rate card of {client} saved.").format(client=code))

        self.ctx.tasks.write(
            lambda s: Saved(set_rate_card(s, code, settings, items, actor=actor), CHARGES),
            on_done=done, on_error=self.show_error, owner=self)

    def copy(self) -> None:
        code, source = self.client.currentData(), self.copy_source.currentData()
        if not code or not source:
            return
        kind, name = str(source).split(":", 1)
        actor = self.ctx.actor

        def run(s: Session) -> Saved:
            if kind == "client":
                return Saved(copy_rate_card(s, code, from_client=name, actor=actor), CHARGES)
            return Saved(copy_rate_card(s, code, template=name, actor=actor), CHARGES)

        def done(saved: Saved) -> None:
            self._show_card(saved.value)
            self.show_info(self.tr("Copied {source} to {client}.").format(
                source=self.copy_source.currentText(), client=code))

        self.ctx.tasks.write(run, on_done=done, on_error=self.show_error, owner=self)

    # -- charges ---------------------------------------------------------------------

    def _charges_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.charges = ChargesModel(self)
        self.charges_table = configure_table(QTableView())
        self.charges_table.setModel(self.charges)
        fit_columns(self.charges_table, ["2026-11-30", "Pick & pack per order",
                                         "1200 order(s) shipped, billable weight 0-453 g",
                                         "0000.0000", "00.0000", "00000.00", "000000",
                                         "pick_pack_order:CLIENT:2026-11-30:0"])
        self.charges_table.selectionModel().currentRowChanged.connect(self._show_sources)
        layout.addWidget(self.charges_table, 3)
        self.sources_label = QLabel(self.tr("Select a line to see the orders, receipts, "
                                            "returns or lot-days it sums."))
        layout.addWidget(self.sources_label)
        self.sources = SourcesModel(self)
        self.sources_table = configure_table(QTableView())
        self.sources_table.setModel(self.sources)
        fit_columns(self.sources_table, ["receipt 000000", "0000.0000", "0000.00",
                                         "Storage 1000 x SKU-CODE-01, age 63 d, 1.0000 m3"])
        layout.addWidget(self.sources_table, 2)
        row = QHBoxLayout()
        self.charges_total = QLabel()
        row.addWidget(self.charges_total)
        row.addStretch(1)
        self.charged_through = QLabel()
        self.charged_through.setObjectName("Muted")
        row.addWidget(self.charged_through)
        self.accrue_day = QDateEdit(QDate.currentDate().addDays(-1))
        self.accrue_day.setCalendarPopup(True)
        self.accrue_day.setDisplayFormat("yyyy-MM-dd")
        self.accrue_button = QPushButton(self.tr("Accrue day"))
        self.accrue_button.clicked.connect(self.accrue)
        for widget in (self.accrue_day, self.accrue_button):
            widget.setEnabled(self.may)
        row.addWidget(self.accrue_day)
        row.addWidget(self.accrue_button)
        layout.addLayout(row)
        return page

    def _show_sources(self, current: Any, _previous: Any = None) -> None:
        """Read the selected line's sources in the background (a storage line of a big
        warehouse sums thousands of lot-days)."""
        if not current.isValid():
            self.sources.set_rows([])
            return
        line: ChargeLine = self.charges.row(current.row())

        def done(rows: list[SourceRow]) -> None:
            self.sources.set_rows(rows)
            self.sources_label.setText(self.tr(
                "{description} — %n source(s), {amount} in all", "", len(rows)).format(
                description=line.description, amount=f"{line.amount:.2f}"))

        self.ctx.tasks.read(lambda s: line_sources(s, line.id), on_done=done,
                            on_error=self.show_error, owner=self)

    def accrue(self) -> None:
        day = cast(date, self.accrue_day.date().toPython())
        actor = self.ctx.actor

        def done(saved: Saved) -> None:
            result: AccrualResult = saved.value
            self.show_info(self.tr("{day}: %n new charge(s), {amount} in all.", "",
                                   result.charges).format(day=result.day.isoformat(),
                                                          amount=result.amount))
            self.reload()

        self.ctx.tasks.write(lambda s: Saved(accrue(s, day, actor=actor), CHARGES),
                             on_done=done, on_error=self.show_error, owner=self)

    # -- invoices --------------------------------------------------------------------

    def _invoices_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.invoices = InvoicesModel(self)
        self.invoices_table = configure_table(QTableView())
        self.invoices_table.setModel(self.invoices)
        fit_columns(self.invoices_table, ["INV-202611-CLIENT", "CLIENT", "2026-11", "issued",
                                          "000000.00", "Minimum top-up", "0000.00",
                                          "000000.00 USD"])
        layout.addWidget(self.invoices_table, 1)
        self.invoice_summary = QLabel()
        self.invoice_summary.setWordWrap(True)
        layout.addWidget(self.invoice_summary)
        row = QHBoxLayout()
        self.draft_button = QPushButton(self.tr("Draft"))
        self.draft_button.clicked.connect(lambda: self._invoice_write(draft_invoice))
        self.issue_button = QPushButton(self.tr("Issue"))
        self.issue_button.clicked.connect(lambda: self._invoice_write(issue_invoice))
        for widget in (self.draft_button, self.issue_button):
            widget.setEnabled(self.may)
        row.addWidget(self.draft_button)
        row.addWidget(self.issue_button)
        row.addStretch(1)
        for text, suffix in ((self.tr("Export PDF…"), "pdf"), (self.tr("Export CSV…"), "csv"),
                             (self.tr("Export XLSX…"), "xlsx")):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, x=suffix: self.export(x))
            row.addWidget(button)
        layout.addLayout(row)
        return page

    def _invoice_write(self, fn: Any) -> None:
        code, month = self.client.currentData(), self.month.text()
        if not code:
            return
        actor = self.ctx.actor

        def done(saved: Saved) -> None:
            info: InvoiceInfo = saved.value
            self.show_info(self.tr("{number}: total {total} {currency}.").format(
                number=info.number, total=info.total, currency=info.currency))
            self.reload()

        self.ctx.tasks.write(lambda s: Saved(fn(s, code, month, actor=actor), CHARGES),
                             on_done=done, on_error=self.show_error, owner=self)

    def export(self, suffix: str) -> None:
        code, month = self.client.currentData(), self.month.text()
        if not code:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export invoice"), f"INV-{month.replace('-', '')}-{code}.{suffix}",
            f"*.{suffix}")
        if not name:
            return
        writer = {"pdf": write_invoice_pdf, "csv": write_invoice_csv,
                  "xlsx": write_invoice_xlsx}[suffix]
        self.export_to(code, month, Path(name), writer)

    def export_to(self, code: str, month: str, path: Path, writer: Any) -> None:
        self.ctx.tasks.read(lambda s: writer(show_invoice(s, code, month), path),
                            on_done=lambda p: self.show_info(
                                self.tr("Wrote {file}.").format(file=p)),
                            on_error=self.show_error, owner=self)

    # -- loading ---------------------------------------------------------------------

    def _load_clients(self) -> None:
        def read(s: Session) -> tuple[list[tuple[str, str]], list[str]]:
            clients = [(c.code, c.name) for c in list_clients(s) if c.active]
            return clients, [t.name.removeprefix("template:") for t in list_templates(s)]

        def done(found: tuple[list[tuple[str, str]], list[str]]) -> None:
            clients, templates = found
            self.client.blockSignals(True)
            self.client.clear()
            for code, name in clients:
                self.client.addItem(f"{code} · {name}", code)
            self.client.blockSignals(False)
            self.copy_source.clear()
            for t in templates:
                self.copy_source.addItem(self.tr("Template: {name}").format(name=t),
                                         f"template:{t}")
            for code, _name in clients:
                self.copy_source.addItem(self.tr("Client: {code}").format(code=code),
                                         f"client:{code}")
            self.reload()

        self.ctx.tasks.write(read, on_done=done, on_error=self.show_error, owner=self)

    def reload(self) -> None:
        code, month = self.client.currentData(), self.month.text()
        if not code:
            return

        def read(s: Session) -> tuple[RateCardInfo | None, list[ChargeLine], list[InvoiceInfo],
                                      date | None]:
            client_id = client_by_code(s, code).id
            try:
                charges = list_charges(s, code, month)
            except BadMonth:  # a month still being typed: show no charges
                charges = []
            return (rate_card_by_client_id(s, client_id), charges, list_invoices(s, code),
                    last_accrued_day(s))

        def done(found: tuple[RateCardInfo | None, list[ChargeLine], list[InvoiceInfo],
                              date | None]) -> None:
            card, charges, invoices, through = found
            self._show_card(card)
            self.charged_through.setText(
                self.tr("Charged through {day} (each night on an office PC)").format(
                    day=through.isoformat()) if through is not None
                else self.tr("The nightly billing job has not run yet"))
            self.charges.set_rows(charges)
            self.sources.set_rows([])
            total = sum((c.amount for c in charges), Decimal(0))
            self.charges_total.setText(self.tr("%n charge(s), {total} in all", "",
                                               len(charges)).format(total=f"{total:.2f}"))
            self.invoices.set_rows(invoices)
            this = next((i for i in invoices if i.month == month), None)
            self.invoice_summary.setText(
                self.tr("{number} ({status}): charges {subtotal} + minimum top-up {topup} − "
                        "credits {credits} = {total} {currency}").format(
                    number=this.number, status=this.status, subtotal=this.subtotal,
                    topup=this.minimum_topup, credits=this.credits, total=this.total,
                    currency=this.currency)
                if this else self.tr("No invoice for {month} yet.").format(month=month))

        self.ctx.tasks.read(read, on_done=done, on_error=self.show_error, owner=self)

    def on_changes(self, changes: Changes) -> None:
        if changes & CHARGES:
            self.reload()
