"""The window clerks live in: a sidebar of screens, the screen, and a status bar."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.services.changes import Changes
from app.ui.pages.base import Page, PageContext
from app.ui.resources import icon


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source; shown through the "MainWindow" translation context
    icon: str
    factory: str  # "module:Class", imported on first visit to keep start-up fast

    def display_title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)


def page_specs() -> list[PageSpec]:
    """The screens that work today; later issues add theirs here."""
    return [
        PageSpec("orders", str(QT_TRANSLATE_NOOP("MainWindow", "Orders")), "orders",
                 "app.ui.pages.orders:OrdersPage"),
        PageSpec("inventory", str(QT_TRANSLATE_NOOP("MainWindow", "Inventory")), "inventory",
                 "app.ui.pages.inventory:InventoryPage"),
    ]


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    settings_requested = Signal()

    def __init__(self, ctx: PageContext, specs: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Haicang 海仓 — Warehouse"))
        self.setWindowIcon(icon("haicang"))
        self.setMinimumSize(QSize(1100, 640))
        self._specs = specs if specs is not None else page_specs()
        self._pages: dict[str, Page] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("Sidebar")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(180)
        for spec in self._specs:
            item = QListWidgetItem(icon(spec.icon), spec.display_title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(160, 40))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([self.nav.width(), 10_000])
        self.setCentralWidget(split)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        self._build_status_bar()
        self._build_menu()
        ctx.tasks.data_changed.connect(self._on_tasks_data_changed)
        self._restore_geometry()
        last = str(ctx.ui_settings.value("main/page", self._specs[0].key if self._specs else ""))
        keys = [s.key for s in self._specs]
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    # -- building ----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        db = self.ctx.app.db
        kind = "SQLite" if db.kind == "sqlite" else "PostgreSQL"
        self.db_label = QLabel(self.tr("Database: {kind}").format(kind=kind))
        self.db_label.setToolTip(db.display_url)
        self.user_label = QLabel(
            self.tr("Signed in: {name} ({role})").format(
                name=self.ctx.user.display_name, role=self._role_text(self.ctx.user.role)
            )
        )
        self.station_label = QLabel(
            self.tr("Station: {name}").format(name=self.ctx.app.settings.station_name)
        )
        self.busy_label = QLabel("")
        for w in (self.db_label, self.user_label, self.station_label):
            bar.addPermanentWidget(w)
        bar.addWidget(self.busy_label)
        self.ctx.tasks.busy_changed.connect(self._on_tasks_busy_changed)

    def add_status_widget(self, widget: QWidget) -> None:
        """Devices and sync show their state here (left of database, user and station)."""
        self.statusBar().insertPermanentWidget(0, widget)

    def _role_text(self, role: str) -> str:
        names = {
            "admin": self.tr("admin"), "clerk": self.tr("clerk"),
            "packer": self.tr("packer"), "picker": self.tr("picker"),
        }
        return names.get(role, role)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Haicang"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.settings_requested)
        menu.addAction(settings)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.sign_out_requested)
        menu.addAction(sign_out)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._on_find_triggered)
        self.addAction(find)
        for i, spec in enumerate(self._specs[:9], start=1):
            go = QAction(spec.display_title(), self)
            go.setShortcut(QKeySequence(f"Ctrl+{i}"))
            go.triggered.connect(lambda _=False, row=i - 1: self.nav.setCurrentRow(row))
            self.addAction(go)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Haicang"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    # -- pages ---------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        if key not in self._pages:
            spec = next(s for s in self._specs if s.key == key)
            module_name, class_name = spec.factory.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            page: Page = cls(self.ctx)
            page.setObjectName(f"page_{key}")
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, key: str) -> Page:
        keys = [s.key for s in self._specs]
        self.nav.setCurrentRow(keys.index(key))
        return self.page(key)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._specs[row].key
        self.stack.setCurrentWidget(self.page(key))
        self.ctx.ui_settings.setValue("main/page", key)

    def _on_find_triggered(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_search()

    def _on_tasks_data_changed(self, changes: Changes) -> None:
        for page in self._pages.values():
            if page.listens_to & changes:
                page.on_changes(changes)

    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    # -- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.ctx.ui_settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        area = screen.availableGeometry()
        if area.width() <= 1440 or area.height() <= 900:
            # Office PCs with 1366x768 screens: use all of it.
            self.setWindowState(Qt.WindowState.WindowMaximized)
        width, height = min(1440, area.width() - 40), min(900, area.height() - 60)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.ui_settings.setValue("main/geometry", self.saveGeometry())
        for page in self._pages.values():
            page.close()
        self.ctx.ui_settings.sync()
        super().closeEvent(event)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Haicang"),
            self.tr(
                "<h3>Haicang 海仓 {version}</h3>"
                "<p>Order and warehouse management for overseas warehouses.</p>"
                "<p>Database: {db}</p>"
            ).format(version=__version__, db=self.ctx.app.db.display_url),
        )
