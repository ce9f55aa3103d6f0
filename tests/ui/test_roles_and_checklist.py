"""Each role sees its own screens; a new warehouse is walked through its checklist; floor
staff see their own work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services import fulfilment
from app.services.allocation import allocate_order
from app.services.organisation import create_client
from app.settings import StationSettings
from app.ui.main_window import MainWindow, ShellInfo, page_specs
from app.ui.pages.admin import AdminPage
from app.ui.pages.base import PageContext
from app.ui.pages.checklist import ChecklistPage
from app.ui.pages.inventory import InventoryPage
from app.ui.pages.my_work import MyWorkPage
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world, place_order, receive

ADMIN = Actor.system("test")


def _keys(role: Role) -> list[str]:
    return [s.key for s in page_specs(role)]


def test_each_role_sees_only_its_screens() -> None:
    assert _keys(Role.PACKER) == ["pack", "handover", "my_work"]
    assert _keys(Role.PICKER) == ["receiving", "putaway", "replenishment", "returns",
                                  "counts", "picking", "my_work"]
    assert _keys(Role.CLERK) == ["dashboard", "orders", "inventory", "printing", "channels",
                                 "inbound", "receiving", "putaway", "replenishment", "returns",
                                 "counts", "waves", "picking", "pack", "handover", "shipping",
                                 "sales", "split"]
    assert set(_keys(Role.ADMIN)) == {s.key for s in page_specs()}
    assert {"admin", "start"} <= set(_keys(Role.ADMIN))


def _window(qtbot, db: Database, tmp_path: Path, role: Role) -> MainWindow:
    user = make_user(db, f"{role.value}9", role)
    shell = ShellInfo("PC-1", db.kind, db.display_url,
                      QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(shell)
    qtbot.addWidget(window)
    window.start_session(PageContext(AppContext(StationSettings(station_name="PC-1"), db),
                                     InlineTaskRunner(db), user, shell.ui_settings))
    return window


def test_a_packer_signs_in_to_the_pack_station_and_their_own_work_only(
        qtbot, db: Database, tmp_path: Path) -> None:
    window = _window(qtbot, db, tmp_path, Role.PACKER)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Pack station", "Handover", "My work"]
    window.navigate("my_work")
    assert isinstance(window.current_page(), MyWorkPage)
    window.navigate("orders")  # a link to a screen the role does not have goes nowhere
    assert isinstance(window.current_page(), MyWorkPage)


def _status_texts(page: ChecklistPage) -> list[str]:
    return [label.text() for label in page.status_labels]


def test_the_checklist_ticks_itself_off_and_links_to_each_screen(
    qtbot, db: Database, tmp_path: Path
) -> None:
    window = _window(qtbot, db, tmp_path, Role.ADMIN)
    window.navigate("start")
    page = window.current_page()
    assert isinstance(page, ChecklistPage)
    assert _status_texts(page) == ["Not yet"] * 5
    assert page.count_label.text() == "0 of 5 done"
    assert page.buttons[0].isDefault()  # Enter starts with the first open step

    with db.writing() as s:
        create_client(s, "ACME", "Acme Trading", actor=ADMIN)
    page.on_changes(page.listens_to)
    assert _status_texts(page)[0] == "✓ 1 client"
    assert page.count_label.text() == "1 of 5 done"
    assert page.buttons[1].isDefault() and not page.buttons[0].isDefault()

    page.buttons[3].click()  # "Receive stock" opens Inventory
    assert isinstance(window.current_page(), InventoryPage)

    window.show()
    window.navigate("start")
    page.buttons[0].click()  # "Add your clients" opens Admin → Clients, cursor in its search
    admin = window.current_page()
    assert isinstance(admin, AdminPage) and admin.tabs.currentWidget() is admin.tab("clients")
    assert admin.tabs.currentWidget().isAncestorOf(window.focusWidget())


def test_my_work_lists_what_this_packer_did(qtbot, make_page_ctx, db: Database) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    order_id = place_order(db, "A-1", {"MUG": 2})
    packer = make_user(db, "pat", Role.PACKER)
    picker = Actor("pia", Role.PICKER)
    with db.writing() as s:
        allocate_order(s, order_id, actor=ADMIN)
        fulfilment.start_picking(s, order_id, actor=picker)
        fulfilment.pack_order(s, order_id, actor=Actor(packer.username, Role.PACKER))
    page = MyWorkPage(make_page_ctx(user=packer))
    qtbot.addWidget(page)
    rows = {tuple(page.model.display(page.model._rows[r], c) for c in (1, 2))
            for r in range(page.model.rowCount())}
    # packing takes the units out of their bin: the ledger names the packer too
    assert rows == {("Order: packed", "A-1"), ("Stock: pick", "MUG × 2")}
    assert "1 packed" in page.summary.text()
    assert page.count_label.text() == "2 items"

    other = MyWorkPage(make_page_ctx(role=Role.PICKER))  # a user who did nothing today
    qtbot.addWidget(other)
    assert other.model.rowCount() == 0
    assert "Nothing recorded yet" in other.summary.text()


def test_only_an_administrator_sets_up_the_station(qapp, db: Database) -> None:
    """Printers, scale and station name are CHANGE_SETTINGS; the language is anyone's."""
    from app.ui.dialogs.settings_dialog import GeneralSection, default_sections

    context = AppContext(StationSettings(station_name="PACK-3"), db)
    runner = InlineTaskRunner(db)
    clerk = default_sections(context, runner, admin=False)
    assert len(clerk) == 1 and isinstance(clerk[0], GeneralSection)
    assert clerk[0].station.isReadOnly() and clerk[0].language.isEnabled()
    admin = default_sections(context, runner, admin=True)
    assert [s.title() for s in admin] == ["General", "Printers", "Scale"]
    assert not admin[0].station.isReadOnly()
