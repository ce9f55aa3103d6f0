"""Station settings: one tab per section (general, printers, scale, ...).

Sections are small classes, so each device screen owns its own settings tab
without touching the others: a section builds a widget from the current
settings and returns the changed settings when the user saves.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import AppContext
from app.domain.permissions import Actor, Permission
from app.settings import STATION_MODES, StationSettings
from app.station import NO_SCAN_DAYS, TRACKING_MINUTES
from app.ui.i18n import LANGUAGES
from app.ui.tasks import TaskRunner
from app.ui.values import database_text


class SettingsSection(Protocol):
    """One tab of the settings dialog."""

    def title(self) -> str: ...

    def widget(self) -> QWidget: ...

    def apply(self, settings: StationSettings) -> StationSettings:
        """Return ``settings`` with this section's values; raise ValueError to refuse."""
        ...


class GeneralSection(QWidget):
    """Language, station name, what the PC is for, whether it prints labels by itself, how
    often an office PC polls carrier tracking and whether it charges each ended day's
    billing (a widget itself, so lupdate sees its ``self.tr``). The same settings are
    ``haicang station set name=... mode=... auto_print=... tracking_minutes=...
    no_scan_days=... billing_auto=...`` (app/station.py); the spin boxes hold the same
    ranges the CLI checks."""

    def __init__(self, settings: StationSettings, database: str, *,
                 station_editable: bool = True) -> None:
        super().__init__()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.station = QLineEdit(settings.station_name)
        self.station.setObjectName("station")
        self.station.setReadOnly(not station_editable)
        self.mode = QComboBox()
        self.mode.setObjectName("stationMode")
        mode_names = dict(zip(STATION_MODES, (
            self.tr("Office"), self.tr("Pack station (opens Pack after sign-in)"),
            self.tr("Picking"), self.tr("Dock (opens Handover after sign-in)")), strict=True))
        for mode, name in mode_names.items():
            self.mode.addItem(name, mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.mode)))
        self.mode.setEnabled(station_editable)
        self.auto_print = QCheckBox(self.tr("Print the label and packing slip as soon as an "
                                            "order is packed"))
        self.auto_print.setObjectName("autoPrint")
        self.auto_print.setChecked(settings.auto_print)
        self.auto_print.setEnabled(station_editable)
        self.tracking_minutes = QSpinBox()
        self.tracking_minutes.setObjectName("trackingMinutes")
        self.tracking_minutes.setRange(*TRACKING_MINUTES)
        self.tracking_minutes.setSingleStep(5)
        self.tracking_minutes.setSpecialValueText(self.tr("Never on this PC"))
        self.tracking_minutes.setSuffix(self.tr(" min"))
        self.tracking_minutes.setValue(settings.tracking_minutes)
        self.tracking_minutes.setToolTip(self.tr(
            "How often an office PC asks the carriers where shipped parcels are; "
            "pack, pick and dock stations never poll."))
        self.tracking_minutes.setEnabled(station_editable)
        self.no_scan_days = QSpinBox()
        self.no_scan_days.setObjectName("noScanDays")
        self.no_scan_days.setRange(*NO_SCAN_DAYS)
        self.no_scan_days.setValue(settings.no_scan_days)
        self.no_scan_days.setToolTip(self.tr(
            "A parcel handed over this many days ago without a carrier scan is listed "
            "as an exception (evidence for a late-scan claim)."))
        self.no_scan_days.setEnabled(station_editable)
        self.billing_auto = QCheckBox(self.tr("Charge each ended day's billing on this PC "
                                              "(nightly)"))
        self.billing_auto.setObjectName("billingAuto")
        self.billing_auto.setChecked(settings.billing_auto)
        self.billing_auto.setToolTip(self.tr(
            "While it is on, an office PC checks every hour and charges each day that has "
            "ended (storage as held when the day is charged); pack, pick and dock stations "
            "never do."))
        self.billing_auto.setEnabled(station_editable)
        db = QLabel(database)
        db.setObjectName("Muted")
        db.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Language / 语言"), self.language)
        form.addRow(self.tr("Station name"), self.station)
        form.addRow(self.tr("Used as"), self.mode)
        form.addRow("", self.auto_print)
        form.addRow(self.tr("Poll tracking every"), self.tracking_minutes)
        form.addRow(self.tr("No carrier scan after (days)"), self.no_scan_days)
        form.addRow("", self.billing_auto)
        form.addRow(self.tr("Database"), db)
        if not station_editable:
            note = QLabel(self.tr("The station name, printers and scale of this PC are set "
                                  "up by an administrator."))
            note.setObjectName("Muted")
            note.setWordWrap(True)
            form.addRow(note)

    def title(self) -> str:
        return self.tr("General")

    def widget(self) -> QWidget:
        return self

    def apply(self, settings: StationSettings) -> StationSettings:
        return settings.with_changes(
            language=str(self.language.currentData()),
            station_name=self.station.text().strip() or settings.station_name,
            mode=str(self.mode.currentData()),
            auto_print=self.auto_print.isChecked(),
            tracking_minutes=self.tracking_minutes.value(),
            no_scan_days=self.no_scan_days.value(),
            billing_auto=self.billing_auto.isChecked(),
        )


def default_sections(context: AppContext, tasks: TaskRunner, *,
                     admin: bool = False, actor: Actor | None = None) -> list[SettingsSection]:
    """The tabs this build offers; device screens add theirs here.

    Changing the station's set-up is an administrator's permission
    (``Permission.CHANGE_SETTINGS``): everyone else gets the language only, and sees
    which kind of database this is, where only an ``admin`` sees its URL. Carrier
    accounts and shipping rules (database, not station) are for ``actor``s who may
    ``MANAGE_CARRIERS``.
    """
    general = GeneralSection(context.settings,
                             database_text(context.db.display_url, full=admin),
                             station_editable=admin)
    if not admin:
        return [general]
    from app.ui.settings_printers import PrintersSection
    from app.ui.settings_scale import ScaleSection

    sections: list[SettingsSection] = [general, PrintersSection(context, tasks),
                                       ScaleSection(context.settings, tasks)]
    if actor is not None and actor.may(Permission.MANAGE_CARRIERS):
        from app.ui.settings_carriers import CarrierAccountsSection
        from app.ui.settings_shipping_rules import ShippingRulesSection

        sections += [CarrierAccountsSection(tasks, actor), ShippingRulesSection(tasks, actor)]
    return sections


class SettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, sections: list[SettingsSection],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self._original = settings
        self.sections = sections
        self.tabs = QTabWidget()
        for section in sections:
            self.tabs.addTab(section.widget(), section.title())
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._result = settings

    def _on_buttons_accepted(self) -> None:
        settings = self._original
        try:
            for section in self.sections:
                settings = section.apply(settings)
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self._result = settings
        self.accept()

    def result_settings(self) -> StationSettings:
        return self._result
