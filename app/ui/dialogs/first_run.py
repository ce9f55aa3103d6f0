"""First run on an empty database: set up the real warehouse, or load the demo one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.address import US_STATES
from app.domain.permissions import Actor
from app.domain.states import Region
from app.services.organisation import WarehouseDraft
from app.services.setup import FirstRunResult, first_run_setup
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.demo import DemoReport

TIME_ZONES = [
    "America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago",
    "America/New_York", "Pacific/Honolulu", "America/Anchorage",
]


class FirstRunDialog(QDialog):
    """Ends accepted with ``username`` set (the demo sets the demo admin)."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.username = ""
        self.hint = ""
        #: The first screen after sign-in: the getting-started checklist for a real warehouse.
        self.first_page = ""
        self.setWindowTitle(self.tr("Welcome to Haicang"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._demo_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._show_page(0)

    # -- page 1: choose --------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Welcome to Haicang 海仓"))
        title.setObjectName("DialogTitle")
        text = QLabel(self.tr("This database is empty. How would you like to start?"))
        text.setWordWrap(True)
        self.setup_button = QPushButton(self.tr("Set up my warehouse"))
        self.setup_button.setDefault(True)
        self.setup_button.clicked.connect(self._on_setup_button_clicked)
        self.demo_button = QPushButton(self.tr("Load the demo warehouse"))
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        setup_text = QLabel(self.tr(
            "Create the administrator account and your first warehouse. "
            "Clients, SKUs and bins can be added afterwards."))
        demo_text = QLabel(self.tr(
            "Two warehouses (Los Angeles and New Jersey), three sellers, 300 SKUs and "
            "2,000 orders to try everything out. Takes about half a minute."))
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(text)
        for button, explanation in ((self.setup_button, setup_text),
                                    (self.demo_button, demo_text)):
            box = QGroupBox()
            inner = QVBoxLayout(box)
            explanation.setWordWrap(True)
            explanation.setObjectName("Muted")
            inner.addWidget(explanation)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            inner.addLayout(row)
            layout.addWidget(box)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(quit_button)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def _show_page(self, index: int) -> None:
        """Size the dialog to the page shown, not to the largest page."""
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        # Enter presses the page's own main button, not one on a hidden page.
        self.setup_button.setDefault(index == 0)
        self.create_button.setDefault(index == 1)
        self.adjustSize()

    def _on_setup_button_clicked(self) -> None:
        self._show_page(1)
        self.admin_password.setFocus()

    # -- page 2: real setup ----------------------------------------------------------

    def _setup_page(self) -> QWidget:
        page = QWidget()
        admin = QGroupBox(self.tr("Administrator"))
        self.admin_name = QLineEdit("admin")
        self.admin_display = QLineEdit()
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password2 = QLineEdit()
        self.admin_password2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(admin)
        form.addRow(self.tr("User name"), self.admin_name)
        form.addRow(self.tr("Full name"), self.admin_display)
        form.addRow(self.tr("Password"), self.admin_password)
        form.addRow(self.tr("Repeat password"), self.admin_password2)

        wh = QGroupBox(self.tr("First warehouse"))
        self.wh_code = QLineEdit()
        self.wh_code.setPlaceholderText(self.tr("e.g. LA1"))
        self.wh_name = QLineEdit()
        self.wh_region = QComboBox()
        self.wh_region.addItem(self.tr("US-West"), Region.WEST.value)
        self.wh_region.addItem(self.tr("US-East"), Region.EAST.value)
        self.wh_tz = QComboBox()
        self.wh_tz.addItems(TIME_ZONES)
        self.wh_address = QLineEdit()
        self.wh_city = QLineEdit()
        self.wh_state = QComboBox()
        for code, name in US_STATES.items():
            self.wh_state.addItem(f"{code} — {name}", code)
        self.wh_zip = QLineEdit()
        self.wh_zip.setMaxLength(10)
        f2 = QFormLayout(wh)
        f2.addRow(self.tr("Code"), self.wh_code)
        f2.addRow(self.tr("Name"), self.wh_name)
        f2.addRow(self.tr("Region"), self.wh_region)
        f2.addRow(self.tr("Time zone"), self.wh_tz)
        f2.addRow(self.tr("Street address"), self.wh_address)
        f2.addRow(self.tr("City"), self.wh_city)
        f2.addRow(self.tr("State"), self.wh_state)
        f2.addRow(self.tr("ZIP code"), self.wh_zip)

        self.setup_error = QLabel()
        self.setup_error.setObjectName("ErrorText")
        self.setup_error.setWordWrap(True)
        self.setup_error.hide()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self._show_page(0))
        self.create_button = QPushButton(self.tr("Create"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(admin)
        layout.addWidget(wh)
        layout.addWidget(self.setup_error)
        layout.addLayout(row)
        return page

    def _on_create_button_clicked(self) -> None:
        if self.admin_password.text() != self.admin_password2.text():
            self._setup_failed(self.tr("The two passwords differ."))
            return
        draft = WarehouseDraft(
            code=self.wh_code.text(), name=self.wh_name.text(),
            region=Region(self.wh_region.currentData()), time_zone=self.wh_tz.currentText(),
            address1=self.wh_address.text(), city=self.wh_city.text(),
            state=str(self.wh_state.currentData()), zip=self.wh_zip.text(),
        )
        username, password = self.admin_name.text(), self.admin_password.text()
        display = self.admin_display.text()
        self.create_button.setEnabled(False)
        self.tasks.write(
            lambda s: first_run_setup(s, username=username, password=password,
                                      display_name=display, warehouse=draft),
            on_done=self._on_setup_done, on_error=self._setup_failed_exc, owner=self)

    def _on_setup_done(self, result: FirstRunResult) -> None:
        self.username = result.admin.username
        self.first_page = "start"
        self.accept()

    def _setup_failed_exc(self, exc: BaseException) -> None:
        self._setup_failed(error_text(exc))

    def _setup_failed(self, text: str) -> None:
        self.create_button.setEnabled(True)
        self.setup_error.setText(text)
        self.setup_error.show()

    # -- page 3: demo ------------------------------------------------------------------

    def _demo_page(self) -> QWidget:
        page = QWidget()
        self.demo_status = QLabel(self.tr("Building the demo warehouse…"))
        self.demo_status.setWordWrap(True)
        self.demo_progress = QProgressBar()
        self.demo_error = QLabel()
        self.demo_error.setObjectName("ErrorText")
        self.demo_error.setWordWrap(True)
        self.demo_error.hide()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.demo_status)
        layout.addWidget(self.demo_progress)
        layout.addWidget(self.demo_error)
        layout.addStretch(1)
        return page

    def _on_demo_button_clicked(self) -> None:
        from app.services.demo import DemoOptions, load_demo  # only on the first run

        self._show_page(2)
        self.tasks.job(
            lambda db, control: load_demo(db, DemoOptions(), actor=Actor.system("setup"),
                                          progress=lambda st, d, t: control.progress(d, t, st)),
            on_done=self._on_demo_done, on_error=self._on_demo_error,
            on_progress=self._on_demo_progress, owner=self)

    def _on_demo_progress(self, done: int, total: int, stage: str) -> None:
        stages = {
            "setup": self.tr("Creating warehouses, bins, sellers and SKUs…"),
            "stock": self.tr("Receiving stock into bins…"),
            "orders": self.tr("Creating orders…"),
            "allocate": self.tr("Reserving stock for orders…"),
        }
        self.demo_status.setText(stages.get(stage, stage))
        self.demo_progress.setMaximum(max(total, 1))
        self.demo_progress.setValue(done)

    def _on_demo_done(self, report: DemoReport) -> None:
        from app.services.demo import DEMO_PASSWORD

        self.username = "admin"
        self.hint = self.tr(
            "Demo users: admin, clerk, packer, picker — password {password}"
        ).format(password=DEMO_PASSWORD)
        self.accept()

    def _on_demo_error(self, exc: BaseException) -> None:
        self.demo_error.setText(error_text(exc))
        self.demo_error.show()
        self.demo_progress.hide()


