"""Getting started: the checklist a new warehouse works through after "Set up my warehouse".

Clients → SKUs → bins → stock → first orders, each with what is there so far and a
button that opens the screen where it is done. The counts come from the database,
so the list is true whichever PC or command did the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton

from app.services.changes import Changes
from app.services.setup import SetupProgress, setup_progress
from app.ui.pages.base import Page, PageContext


@dataclass(frozen=True)
class Step:
    title: str
    how: str
    page: str
    tab: str
    done: Callable[[SetupProgress], str]  # what is there, or "" while the step is open


class ChecklistPage(Page):
    listens_to = Changes.ORGANISATION | Changes.CATALOG | Changes.STOCK | Changes.ORDERS

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        row, self.count_label = self.title_row(self.tr("Getting started"))
        self.body().addLayout(row)
        intro = QLabel(self.tr(
            "Five steps take a new warehouse from empty to its first orders. Each button "
            "opens the screen where the step is done; the list ticks itself off."))
        intro.setWordWrap(True)
        self.body().addWidget(intro)
        self.steps = self._steps()
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.status_labels: list[QLabel] = []
        self.buttons: list[QPushButton] = []
        for i, step in enumerate(self.steps):
            number = QLabel(str(i + 1))
            number.setObjectName("StepNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFixedSize(28, 28)
            text = QLabel(f"<b>{step.title}</b><br>{step.how}")
            text.setWordWrap(True)
            status = QLabel()
            status.setMinimumWidth(160)
            button = QPushButton(self.tr("Open"))
            button.clicked.connect(lambda _=False, s=step: self.navigate_requested.emit(
                s.page, s.tab))
            grid.addWidget(number, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1)
            grid.addWidget(status, i, 2)
            grid.addWidget(button, i, 3)
            self.status_labels.append(status)
            self.buttons.append(button)
        frame = QFrame()
        frame.setObjectName("Card")
        frame.setLayout(grid)
        self.body().addWidget(frame)
        self.body().addStretch(1)
        self.reload()

    def _steps(self) -> list[Step]:
        return [
            Step(self.tr("Add your clients"),
                 self.tr("The sellers whose goods you store: code, name, contact, currency."),
                 "admin", "clients",
                 lambda p: self.tr("%n client(s)", "", p.clients) if p.clients else ""),
            Step(self.tr("Add their SKUs"),
                 self.tr("By hand or from the seller's product list (CSV or Excel): names, "
                         "barcodes, weights and sizes."),
                 "admin", "skus",
                 lambda p: self.tr("%n SKU(s)", "", p.skus) if p.skus else ""),
            Step(self.tr("Set up your bins"),
                 self.tr("Pick and storage locations, a whole aisle at a time, or from a "
                         "file; then print their labels."),
                 "admin", "warehouses",
                 lambda p: self.tr("%n bin(s)", "", p.storage_bins) if p.storage_bins else ""),
            Step(self.tr("Receive stock"),
                 self.tr("On the Inventory screen, scan a bin, a SKU and the count."),
                 "inventory", "",
                 lambda p: self.tr("%Ln unit(s) on hand", "", p.units_on_hand)
                 if p.units_on_hand else ""),
            Step(self.tr("Import the first orders"),
                 self.tr("On the Orders screen, \"Import orders…\" takes a seller's file; "
                         "or connect a store on the Channels screen."),
                 "orders", "",
                 lambda p: self.tr("%n order(s)", "", p.orders) if p.orders else ""),
        ]

    def reload(self) -> None:
        self.ctx.tasks.read(setup_progress, on_done=self._on_loaded, owner=self)

    def _on_loaded(self, progress: SetupProgress) -> None:
        done = 0
        for step, label, button in zip(self.steps, self.status_labels, self.buttons,
                                       strict=True):
            text = step.done(progress)
            done += bool(text)
            label.setText(f"✓ {text}" if text else self.tr("Not yet"))
            label.setObjectName("Success" if text else "Muted")
            label.style().unpolish(label)
            label.style().polish(label)
            button.setDefault(False)
        first_open = next((b for s, b in zip(self.steps, self.buttons, strict=True)
                           if not s.done(progress)), None)
        if first_open is not None:
            first_open.setDefault(True)
            first_open.setFocus()  # Space opens the next step
        self.count_label.setText(self.tr("{done} of {total} done").format(
            done=done, total=len(self.steps)))

    def on_changes(self, changes: Changes) -> None:
        self.reload()
