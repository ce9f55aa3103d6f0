"""The Add store dialog names every platform field, explains it, and checks it before saving."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout, QLabel, QLineEdit

from app.services.channels import PLATFORMS, secret_keys, setting_keys
from app.ui.i18n import install_translators
from app.ui.pages.channels_dialog import StoreDialog
from app.ui.pages.channels_fields import FIELDS


def _labels(form: QFormLayout) -> list[str]:
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            labels.append(widget.text())
    return labels


def _dialog(qtbot, platform: str) -> StoreDialog:  # type: ignore[no-untyped-def]
    dialog = StoreDialog(["ACME"])
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
    dialog.name.setText("Acme US")
    return dialog


def _edit(dialog: StoreDialog, key: str) -> QLineEdit:
    rows = {**dialog._setting_rows, **dialog._secret_rows}
    editor = rows[key].editor
    assert isinstance(editor, QLineEdit)
    return editor


def test_every_connector_field_has_a_label_help_and_rule() -> None:
    for platform in PLATFORMS:
        required, optional = setting_keys(platform)
        keys = {*required, *optional, *secret_keys(platform)}
        specs = {f.key: f for f in FIELDS[platform]}
        assert keys == set(specs), platform
        assert all(f.label and f.help for f in specs.values())


def test_the_form_shows_labels_not_keys_and_keeps_bad_values_from_saving(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, "amazon")
    labels = _labels(dialog._settings_form) + _labels(dialog._secrets_form)
    assert "Marketplace ID" in labels and "Fetch buyer addresses" in labels
    assert not {"marketplace_id", "use_rdt", "page_size", "refresh_token"} & set(labels)
    assert isinstance(dialog._setting_rows["use_rdt"].editor, QCheckBox)

    _edit(dialog, "marketplace_id").setText("AMAZON-US")
    _edit(dialog, "page_size").setText("500")
    dialog.base_url.setText("not a url")
    dialog._on_buttons_accepted()
    assert dialog.result() != StoreDialog.DialogCode.Accepted
    errors = {k: r.error.text() for k, r in dialog._setting_rows.items() if r.error.text()}
    secrets = {k for k, r in dialog._secret_rows.items() if r.error.text()}
    assert "ATVPDKIKX0DER" in errors["marketplace_id"]
    assert errors["page_size"] == "A whole number from 1 to 100."
    assert secrets == {"refresh_token", "client_id", "client_secret"}
    assert dialog.base_url_error.text().startswith("An address")

    _edit(dialog, "marketplace_id").setText("ATVPDKIKX0DER")
    _edit(dialog, "page_size").setText("50")
    dialog.base_url.setText("")
    for key in ("refresh_token", "client_id", "client_secret"):
        _edit(dialog, key).setText("x")
    dialog._on_buttons_accepted()
    assert dialog.result() == StoreDialog.DialogCode.Accepted
    form = dialog.form()
    assert form.settings["marketplace_id"] == "ATVPDKIKX0DER" and form.settings["use_rdt"] == "true"


def test_shopify_needs_the_shop_name_only_without_an_api_address(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, "shopify")
    dialog._on_buttons_accepted()
    assert dialog._setting_rows["shop"].error.text() == "Required."
    dialog.base_url.setText("https://shop.example.test")
    dialog._on_buttons_accepted()
    assert dialog.result() == StoreDialog.DialogCode.Accepted


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_the_labels_and_problems_read_in_chinese(qtbot, chinese: None) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, "walmart")
    labels = _labels(dialog._settings_form)
    assert "发货节点（Ship node）" in labels and "ship_node" not in labels
    _edit(dialog, "tracking_url_template").setText("https://t.example/track")
    dialog._on_buttons_accepted()
    assert dialog._setting_rows["tracking_url_template"].error.text() == \
        "地址中必须包含 {tracking}。"
