"""The window clerks live in: a sidebar of screens, the screen, and a status bar.

The window appears before anything else happens (it is the first thing a
person sees, within a moment of starting the app); the database opens and the
sign-in dialog sits on top of it. After sign-in, :meth:`MainWindow.start_session`
fills in the screens the user may use; signing out empties it again.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.states import Role
from app.services.changes import Changes
from app.ui.pages.base import Page, PageContext
from app.ui.resources import icon
from app.ui.values import database_text

if TYPE_CHECKING:  # the scale module is imported with the devices, after sign-in
    from app.ui.devices.scale import ScaleWorker


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source; shown through the "MainWindow" translation context
    icon: str
    factory: str  # "module:Class", imported on first visit to keep start-up fast
    #: The roles that see this screen (the services still check every action).
    roles: frozenset[Role] = frozenset(Role)

    def display_title(self) -> str:
        return QCoreApplication.translate("MainWindow", self.title)


_OFFICE = frozenset({Role.ADMIN, Role.CLERK})
# The screen a station in this mode (``haicang station set mode=...``) opens on.
STATION_PAGES = {"pack": "pack", "pick": "picking", "handover": "handover"}
_FLOOR = frozenset({Role.PACKER, Role.PICKER, Role.ADMIN})


def page_specs(role: Role | None = None) -> list[PageSpec]:
    """The screens that work today, or those ``role`` sees; later issues add theirs here.

    A clerk runs the office (orders, stock, printing, stores); an admin has everything,
    including the Admin area; packers and pickers see their own work until the
    pack-station and picking screens arrive.
    """
    specs = [
        PageSpec("dashboard", str(QT_TRANSLATE_NOOP("MainWindow", "Dashboard")), "dashboard",
                 "app.ui.pages.dashboard:DashboardPage", _OFFICE),
        PageSpec("orders", str(QT_TRANSLATE_NOOP("MainWindow", "Orders")), "orders",
                 "app.ui.pages.orders:OrdersPage", _OFFICE),
        PageSpec("inventory", str(QT_TRANSLATE_NOOP("MainWindow", "Inventory")), "inventory",
                 "app.ui.pages.inventory:InventoryPage", _OFFICE),
        PageSpec("printing", str(QT_TRANSLATE_NOOP("MainWindow", "Printing")), "printing",
                 "app.ui.pages.printing:PrintingPage", _OFFICE),
        PageSpec("channels", str(QT_TRANSLATE_NOOP("MainWindow", "Channels")), "channels",
                 "app.ui.pages.channels:ChannelsPage", _OFFICE),
        PageSpec("inbound", str(QT_TRANSLATE_NOOP("MainWindow", "Inbound")), "inbound",
                 "app.ui.pages.inbound:InboundPage", _OFFICE),
        PageSpec("receiving", str(QT_TRANSLATE_NOOP("MainWindow", "Receiving")), "receiving",
                 "app.ui.pages.receiving:ReceivingPage", _OFFICE | {Role.PICKER}),
        PageSpec("putaway", str(QT_TRANSLATE_NOOP("MainWindow", "Put-away")), "putaway",
                 "app.ui.pages.putaway:PutawayPage", _OFFICE | {Role.PICKER}),
        PageSpec("replenishment", str(QT_TRANSLATE_NOOP("MainWindow", "Replenishment")),
                 "replenish", "app.ui.pages.replenishment:ReplenishmentPage",
                 _OFFICE | {Role.PICKER}),
        PageSpec("returns", str(QT_TRANSLATE_NOOP("MainWindow", "Returns")), "returns",
                 "app.ui.pages.returns:ReturnsPage", _OFFICE | {Role.PICKER}),
        PageSpec("counts", str(QT_TRANSLATE_NOOP("MainWindow", "Counts")), "counts",
                 "app.ui.pages.counts:CountsPage", _OFFICE | {Role.PICKER}),
        PageSpec("waves", str(QT_TRANSLATE_NOOP("MainWindow", "Waves")), "waves",
                 "app.ui.pages.waves:WavesPage", _OFFICE),
        PageSpec("picking", str(QT_TRANSLATE_NOOP("MainWindow", "Picking")), "picking",
                 "app.ui.pages.picking:PickingPage", frozenset(Role) - {Role.PACKER}),
        PageSpec("pack", str(QT_TRANSLATE_NOOP("MainWindow", "Pack station")), "pack",
                 "app.ui.pages.pack:PackPage", frozenset({Role.PACKER, Role.CLERK, Role.ADMIN})),
        PageSpec("handover", str(QT_TRANSLATE_NOOP("MainWindow", "Handover")), "handover",
                 "app.ui.pages.handover:HandoverPage",
                 frozenset({Role.PACKER, Role.CLERK, Role.ADMIN})),
        PageSpec("shipping", str(QT_TRANSLATE_NOOP("MainWindow", "Shipping")), "shipping",
                 "app.ui.pages.shipping:ShippingPage", _OFFICE),
        PageSpec("billing", str(QT_TRANSLATE_NOOP("MainWindow", "Billing")), "billing",
                 "app.ui.pages.billing:BillingPage", frozenset({Role.ADMIN})),
        PageSpec("sales", str(QT_TRANSLATE_NOOP("MainWindow", "Sales by region")), "sales",
                 "app.ui.pages.sales:SalesPage", _OFFICE),
        PageSpec("split", str(QT_TRANSLATE_NOOP("MainWindow", "Stock split")), "split",
                 "app.ui.pages.split:SplitPage", _OFFICE),
        PageSpec("my_work", str(QT_TRANSLATE_NOOP("MainWindow", "My work")), "my_work",
                 "app.ui.pages.my_work:MyWorkPage", _FLOOR),
        PageSpec("admin", str(QT_TRANSLATE_NOOP("MainWindow", "Admin")), "admin",
                 "app.ui.pages.admin:AdminPage", frozenset({Role.ADMIN})),
        PageSpec("start", str(QT_TRANSLATE_NOOP("MainWindow", "Getting started")), "start",
                 "app.ui.pages.checklist:ChecklistPage", frozenset({Role.ADMIN})),
    ]
    return [s for s in specs if role is None or role in s.roles]


@dataclass(frozen=True)
class ShellInfo:
    """What the window shows before anyone has signed in."""

    station_name: str
    database_kind: str  # "sqlite" or "postgresql"
    database_display: str
    ui_settings: QSettings


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    settings_requested = Signal()

    def __init__(self, shell: ShellInfo) -> None:
        super().__init__()
        self.shell = shell
        self.ctx: PageContext | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Haicang 海仓 — Warehouse"))
        self.setWindowIcon(icon("haicang"))
        self.setMinimumSize(QSize(1100, 640))
        self._specs: list[PageSpec] = []
        self._pages: dict[str, Page] = {}
        self._scale: ScaleWorker | None = None

        self.nav = QListWidget()
        self.nav.setObjectName("Sidebar")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget()
        self.welcome = self._welcome()
        self.stack.addWidget(self.welcome)
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
        self._restore_geometry()

    # -- session -----------------------------------------------------------------------

    def start_session(self, ctx: PageContext, specs: list[PageSpec] | None = None) -> None:
        """Signed in: show the screens and who is working."""
        self.end_session()
        self.ctx = ctx
        self._specs = specs if specs is not None else page_specs(Role(ctx.user.role))
        for spec in self._specs:
            item = QListWidgetItem(icon(spec.icon), spec.display_title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(176, 31))
            self.nav.addItem(item)
        for i, spec in enumerate(self._specs[:9], start=1):
            go = QAction(spec.display_title(), self)
            go.setShortcut(QKeySequence(f"Ctrl+{i}"))
            go.triggered.connect(lambda _=False, row=i - 1: self.nav.setCurrentRow(row))
            self.addAction(go)
            self._page_actions.append(go)
        self.user_label.setText(self.tr("Signed in: {name} ({role})").format(
            name=ctx.user.display_name, role=self._role_text(ctx.user.role)))
        self.user_label.show()
        self.db_label.setToolTip(database_text(self.shell.database_display,
                                               full=self._is_admin()))
        ctx.tasks.data_changed.connect(self._on_tasks_data_changed)
        ctx.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        ctx.tasks.waiting.connect(self.busy_label.setText)
        last = str(ctx.ui_settings.value("main/page", self._specs[0].key if self._specs else ""))
        keys = [s.key for s in self._specs]
        # A pack or pick PC opens its station screen right after sign-in; an office user
        # starts on the dashboard.
        station_page = STATION_PAGES.get(ctx.app.settings.mode, "")
        if station_page not in keys and "dashboard" in keys:
            station_page = "dashboard"
        last = station_page if station_page in keys else last
        if keys:
            self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def end_session(self) -> None:
        """Signed out: no screen, no data left on show."""
        if self.ctx is not None:
            self.ctx.tasks.data_changed.disconnect(self._on_tasks_data_changed)
            self.ctx.tasks.busy_changed.disconnect(self._on_tasks_busy_changed)
            self.ctx.tasks.waiting.disconnect(self.busy_label.setText)
        self.ctx = None
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.close()
            page.deleteLater()
        self._pages.clear()
        for action in self._page_actions:
            self.removeAction(action)
        self._page_actions.clear()
        self._specs = []
        self.stack.setCurrentWidget(self.welcome)
        self.user_label.hide()
        self.db_label.setToolTip(database_text(self.shell.database_display))
        self.busy_label.setText("")

    # -- building ----------------------------------------------------------------------

    def _welcome(self) -> QWidget:
        widget = QWidget()
        logo = QLabel()
        logo.setPixmap(icon("haicang").pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(widget)
        # Only the logo, high up: the sign-in dialog, centred on the window, carries the
        # name and would half cover anything in the middle.
        layout.addStretch(1)
        layout.addWidget(logo)
        layout.addStretch(8)
        return widget

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        kind = "SQLite" if self.shell.database_kind == "sqlite" else "PostgreSQL"
        self.db_label = QLabel(self.tr("Database: {kind}").format(kind=kind))
        self.db_label.setToolTip(database_text(self.shell.database_display))
        self.user_label = QLabel()
        self.user_label.hide()
        self.station_label = QLabel(
            self.tr("Station: {name}").format(name=self.shell.station_name)
        )
        self.busy_label = QLabel("")
        for w in (self.db_label, self.user_label, self.station_label):
            bar.addPermanentWidget(w)
        bar.addWidget(self.busy_label)

    def add_status_widget(self, widget: QWidget) -> None:
        """Devices and sync show their state here, after database, user and station."""
        self.statusBar().addPermanentWidget(widget)

    def _role_text(self, role: str) -> str:
        names = {
            "admin": self.tr("admin"), "clerk": self.tr("clerk"),
            "packer": self.tr("packer"), "picker": self.tr("picker"),
        }
        return names.get(role, role)

    def _build_menu(self) -> None:
        self._page_actions: list[QAction] = []
        menu = self.menuBar().addMenu(self.tr("Hai&cang"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self._on_settings_action_triggered)
        menu.addAction(self.settings_action)
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self._on_password_action_triggered)
        menu.addAction(self.password_action)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self._on_sign_out_triggered)
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
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self._show_user_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About Haicang"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _on_settings_action_triggered(self) -> None:
        if self.ctx is not None:
            self.settings_requested.emit()

    def _on_sign_out_triggered(self) -> None:
        if self.ctx is not None:
            self.sign_out_requested.emit()

    def _on_password_action_triggered(self) -> None:
        if self.ctx is not None:
            from app.ui.dialogs.user_password import ChangePasswordDialog

            self.password_dialog = ChangePasswordDialog(self.ctx, self)
            self.password_dialog.open()

    # -- pages ---------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page for ``key``, built on first use."""
        assert self.ctx is not None, "pages exist only while someone is signed in"
        if key not in self._pages:
            spec = next(s for s in self._specs if s.key == key)
            module_name, class_name = spec.factory.split(":")
            cls = getattr(importlib.import_module(module_name), class_name)
            page: Page = cls(self.ctx)
            page.setObjectName(f"page_{key}")
            page.navigate_requested.connect(self.navigate)
            page.set_scale(self._scale)
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def set_scale(self, worker: ScaleWorker | None) -> None:
        """The station's scale worker (None: none, or stopped), for the screens that weigh."""
        self._scale = worker
        for page in self._pages.values():
            page.set_scale(worker)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, key: str) -> Page:
        keys = [s.key for s in self._specs]
        self.nav.setCurrentRow(keys.index(key))
        return self.page(key)

    def navigate(self, key: str, tab: str = "") -> None:
        """Show screen ``key`` (and its tab ``tab``, for screens with tabs) if this user has it."""
        if key not in {s.key for s in self._specs}:
            return
        page = self.show_page(key)
        if tab:
            page.show_tab(tab)
        page.focus_search()  # the cursor lands where the user works, so its keys work

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0 or self.ctx is None:
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
        geometry = self.shell.ui_settings.value("main/geometry")
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

    def save_window_state(self) -> None:
        """Remember size, place and maximised state for the next window (restart, language)."""
        self.shell.ui_settings.setValue("main/geometry", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self.end_session()
        self.shell.ui_settings.sync()
        super().closeEvent(event)

    def _show_user_guide(self) -> None:
        from app.ui.dialogs.guide import UserGuideDialog

        UserGuideDialog(self).exec()

    def _is_admin(self) -> bool:
        return self.ctx is not None and self.ctx.user.role == "admin"

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Haicang"),
            self.tr(
                "<h3>Haicang 海仓 {version}</h3>"
                "<p>Order and warehouse management for overseas warehouses.</p>"
                "<p>Database: {db}</p>"
            ).format(version=__version__, db=database_text(self.shell.database_display,
                                                           full=self._is_admin())),
        )
