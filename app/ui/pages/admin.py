"""The Admin area: clients, warehouses and bins, SKUs, users — the master data a
warehouse sets up on day one and keeps up to date.

One sidebar entry with a tab per kind of record. Each tab lives in its own module
and is built the first time it is shown, so opening Admin costs one tab, not four.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from app.services.changes import Changes
from app.ui.pages.admin_base import AdminTab
from app.ui.pages.base import Page, PageContext


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source, translated in the "AdminPage" context
    factory: str  # "module:Class"


TABS: tuple[TabSpec, ...] = (
    TabSpec("clients", str(QT_TRANSLATE_NOOP("AdminPage", "Clients")),
            "app.ui.pages.admin_clients:ClientsTab"),
    TabSpec("warehouses", str(QT_TRANSLATE_NOOP("AdminPage", "Warehouses and bins")),
            "app.ui.pages.admin_warehouses:WarehousesTab"),
    TabSpec("skus", str(QT_TRANSLATE_NOOP("AdminPage", "SKUs")),
            "app.ui.pages.admin_skus:SkusTab"),
    TabSpec("users", str(QT_TRANSLATE_NOOP("AdminPage", "Users")),
            "app.ui.pages.admin_users:UsersTab"),
)


class AdminPage(Page):
    listens_to = Changes.ORGANISATION | Changes.CATALOG | Changes.USERS | Changes.STOCK

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        title_row, _count = self.title_row(self.tr("Admin"))
        self.body().addLayout(title_row)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("AdminTabs")
        self.tabs.setDocumentMode(True)
        self._tabs: dict[str, AdminTab] = {}
        for spec in TABS:
            self.tabs.addTab(QWidget(), QCoreApplication.translate("AdminPage", spec.title))
        self.body().addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        last = str(ctx.ui_settings.value("admin/tab", TABS[0].key))
        self.show_tab(last if last in {t.key for t in TABS} else TABS[0].key)

    def show_tab(self, key: str) -> None:
        """Bring the tab ``key`` forward (the getting-started checklist links here)."""
        index = next((i for i, t in enumerate(TABS) if t.key == key), None)
        if index is not None:
            self._tab(index)
            self.tabs.setCurrentIndex(index)

    def tab(self, key: str) -> AdminTab | None:
        """The tab ``key`` if it has been built."""
        return self._tabs.get(key)

    def _tab(self, index: int) -> AdminTab:
        spec = TABS[index]
        if spec.key not in self._tabs:
            module_name, class_name = spec.factory.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            tab: AdminTab = cls(self.ctx, self)
            tab.setObjectName(f"admin_{spec.key}")
            self._tabs[spec.key] = tab
            blocked = self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, QCoreApplication.translate("AdminPage", spec.title))
            self.tabs.blockSignals(blocked)
        return self._tabs[spec.key]

    def _on_tabs_current_changed(self, index: int) -> None:
        if index < 0:
            return
        self._tab(index)
        self.tabs.setCurrentIndex(index)
        self.ctx.ui_settings.setValue("admin/tab", TABS[index].key)

    def on_changes(self, changes: Changes) -> None:
        for tab in self._tabs.values():
            if tab.listens_to & changes:
                tab.on_changes(changes)

    def focus_search(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, AdminTab):
            current.focus_search()
