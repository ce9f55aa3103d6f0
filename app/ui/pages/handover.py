"""Staging and handover, driven by the scanner: packed parcels into their carrier's lane,
then out to the driver.

**Staging** (F2): scan a parcel (its tracking number, order number or ORDER/N): the lane
it goes in is shown big. Scan the lane's barcode to confirm: the parcel is staged. A lane
of another carrier is refused loudly (red banner and the error sound) and nothing
changes; scanning another parcel instead starts over with that one.

**Pickup** (F3): choose the driver's carrier; every parcel scanned is handed to that
driver. The counts (staged, scanned, missing) follow each scan and the parcels staged for
the carrier but not scanned yet are listed in red. F12 closes the pickup: the manifest is
printed (document printer) and parcels left behind are listed first, in red.

Every rule is the services' (:mod:`app.services.staging`, :mod:`app.services.pickups`);
the screen decides only what a scan means and runs every call on the task runner.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.domain.handover import same_carrier
from app.secrets import SecretStore
from app.services.changes import Changes
from app.services.handover_parcels import ScannedParcel, packed_parcel
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderSource
from app.services.pickups import (
    ClosedPickup,
    HandoverParcel,
    PickupSummary,
    ProviderManifests,
    ScanOutResult,
    close_pickup,
    pickup_summary,
    request_provider_manifests,
    scan_out,
    unscan,
)
from app.services.print_queue import DeliveryResult, PrintJobInfo, deliver
from app.services.staging import LaneInfo, StagedParcel, list_lanes, stage_parcel
from app.ui.devices.printing import PrintWorker
from app.ui.i18n import error_text
from app.ui.models.orders import status_text
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.handover_panel import HandoverPanel
from app.ui.pages.pack_printing import station_profiles
from app.ui.tasks import TaskControl
from app.ui.widgets.sounds import Sound, Sounds

T = TypeVar("T")
MUTE_KEY = "handover/muted"
MODE_KEY = "handover/mode"
CARRIER_KEY = "handover/carrier"


@dataclass(frozen=True)
class ParcelLanes:
    """A scanned parcel and the codes of the lanes it may go in."""

    parcel: ScannedParcel
    lanes: tuple[str, ...]


def parcel_lanes(session: Session, scan: str) -> ParcelLanes:
    """On the reader thread: the packed parcel a scan names and its carrier's lanes."""
    found = packed_parcel(session, scan)
    lanes = tuple(lane.code for lane in list_lanes(session, found.warehouse_code)
                  if lane.active and same_carrier(lane.carrier, found.carrier))
    return ParcelLanes(found, lanes)


class HandoverPage(Page):
    """Scan-driven staging and carrier pickup."""

    listens_to = Changes.ORDERS

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.pickup_mode = str(ctx.ui_settings.value(MODE_KEY, "staging")) == "pickup"
        self.lanes: list[LaneInfo] = []
        #: The parcel scanned last in staging, waiting for its lane's scan.
        self.pending: ParcelLanes | None = None
        self._queue: deque[str] = deque()
        self._pending_calls = 0
        self.sounds = Sounds(ctx.tasks, muted=str(ctx.ui_settings.value(MUTE_KEY, "false"))
                             == "true")
        self.panel = HandoverPanel()
        self.scan = self.panel.scan
        self.scan.returnPressed.connect(self._on_scan)
        actions: dict[str, Callable[[], None]] = {
            "F1": self.show_help, "F2": self.staging, "F3": self.pickup,
            "F4": self.take_off, "F5": self.reload,
            "F10": self.toggle_mute, "F12": self.close_pickup,
        }
        for key, slot in actions.items():
            self.panel.keys[key].clicked.connect(slot)
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.body().setContentsMargins(0, 0, 0, 0)
        self.body().addWidget(self.panel)
        self._init_pickup()
        self._show_mode()
        self.reload()

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def scan_text(self, text: str) -> None:
        """Handle one scan (what the scanner types before its Enter), after those before it."""
        text = text.strip()
        if text:
            self._queue.append(text)
            self._idle()

    @property
    def busy(self) -> bool:
        return self._pending_calls > 0

    def on_changes(self, changes: Changes) -> None:
        if not self.busy:
            self.reload()

    # -- keys --------------------------------------------------------------------------

    def show_help(self) -> None:
        """F1: how to work the screen, in the banner."""
        self.panel.say(self.tr(
            "Staging: scan a parcel, then the lane it shows. Pickup: choose the carrier, scan "
            "each parcel the driver takes, F12 closes the pickup and prints the manifest. "
            "F2 staging · F3 pickup · F4 take a parcel off the truck · F5 reload · F10 sound."),
            "info")

    def staging(self) -> None:
        """F2: scan parcels into their lanes."""
        self._set_mode(pickup=False)

    def pickup(self) -> None:
        """F3: scan parcels out to a carrier's driver."""
        self._set_mode(pickup=True)

    def reload(self) -> None:
        """F5: the lanes (and the open pickup) again."""
        self._read(lambda s: list_lanes(s), self._on_lanes)
        if self.pickup_mode:
            self._reload_pickup()

    def toggle_mute(self) -> None:
        """F10: sounds off or on (remembered on this PC)."""
        self.sounds.muted = not self.sounds.muted
        self.ctx.ui_settings.setValue(MUTE_KEY, "true" if self.sounds.muted else "false")
        self._show_mode()

    # -- scanning ----------------------------------------------------------------------

    def _on_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan_text(text)

    def _idle(self) -> None:
        while not self.busy and self._queue:
            self._handle(self._queue.popleft())

    def _handle(self, text: str) -> None:
        if self.pickup_mode:
            self._pickup_scan(text)
        elif self.pending is not None and self._is_lane(text):
            self._stage(self.pending, text)
        elif self.pending is None and any(
                lane.code.upper() == text.upper() for lane in self.lanes):
            self._refuse(self.tr("{lane} is a lane: scan the parcel first, then its lane.")
                         .format(lane=text.upper()))
        else:
            if self.pending is not None:
                self.panel.add_recent(self.tr("{parcel}: not staged (another parcel was "
                                              "scanned)").format(
                    parcel=self.pending.parcel.name), bad=True)
            self._read(lambda s: parcel_lanes(s, text), self._on_parcel)

    def _is_lane(self, text: str) -> bool:
        """A staging lane's code in the waiting parcel's warehouse (any carrier's)."""
        assert self.pending is not None
        warehouse = self.pending.parcel.warehouse_code
        wanted = text.strip().upper()
        return any(lane.code.upper() == wanted and lane.warehouse == warehouse
                   for lane in self.lanes)

    def _on_parcel(self, got: ParcelLanes) -> None:
        self.pending = got
        parcel = got.parcel
        if not got.lanes:
            self.pending = None
            self._refuse(self.tr("Parcel {parcel} goes with {carrier}, and warehouse "
                                 "{warehouse} has no staging lane for it.").format(
                parcel=parcel.name, carrier=parcel.carrier, warehouse=parcel.warehouse_code))
            self.panel.show_lane("?", self.tr("No lane for {carrier}").format(
                carrier=parcel.carrier), "bad")
            return
        self.panel.show_lane(" · ".join(got.lanes), self.tr(
            "{carrier} · order {order} · parcel {parcel}: put it in this lane and scan the "
            "lane").format(carrier=parcel.carrier, order=parcel.order_number,
                           parcel=parcel.name), "wait")
        self.panel.say(self.tr("Parcel {parcel} ({carrier}): scan lane {lane}.").format(
            parcel=parcel.name, carrier=parcel.carrier, lane=" / ".join(got.lanes)), "info")
        self.sounds.play(Sound.OK)

    def _stage(self, pending: ParcelLanes, lane: str) -> None:
        actor, scan = self.ctx.actor, pending.parcel.name
        warehouse = pending.parcel.warehouse_code

        def done(staged: StagedParcel) -> None:
            self.pending = None
            self.panel.show_lane(staged.lane, self.tr(
                "{parcel} · {carrier} · order {order}: staged ✓ — scan the next parcel").format(
                parcel=staged.parcel, carrier=staged.carrier, order=staged.order_number), "ok")
            text = (self.tr("Parcel {parcel} was already in lane {lane}.") if staged.already
                    else self.tr("Parcel {parcel} staged in lane {lane} ✓"))
            self.panel.say(text.format(parcel=staged.parcel, lane=staged.lane), "ok")
            self.panel.add_recent(f"{staged.lane}  ←  {staged.parcel}  ({staged.carrier}, "
                                  f"{staged.order_number})")
            self.sounds.play(Sound.OK)
            self.reload()

        def failed(error: BaseException) -> None:
            # The parcel still waits for its lane: the right lane stays on show.
            assert self.pending is not None
            self.panel.show_lane(" · ".join(pending.lanes), self.tr(
                "WRONG LANE — put parcel {parcel} in this lane").format(
                parcel=pending.parcel.name), "bad")
            self._refuse(error_text(error))

        self._write(lambda s: stage_parcel(s, scan, lane, warehouse=warehouse, actor=actor),
                    done, failed=failed)

    def _on_lanes(self, lanes: list[LaneInfo]) -> None:
        self.lanes = lanes
        self._show_status()

    # -- pickup ------------------------------------------------------------------------

    def _init_pickup(self) -> None:
        """The carrier list (a lane's carrier at its warehouse), remembered per PC."""
        self.summary: PickupSummary | None = None
        self.closed: ClosedPickup | None = None
        #: F12 pressed once while parcels are missing: the next F12 closes anyway.
        self._close_armed = False
        #: F4 pressed: the next scan takes that parcel off the truck again.
        self._taking_off = False
        self._providers: ProviderSource | None = None
        #: What the providers said about their manifests for the pickup closed last.
        self._manifest_note = ""
        self.panel.carrier.currentIndexChanged.connect(self._on_carrier_current_index_changed)
        _label, self.document_printer, _problem = station_profiles(self.ctx.app.settings)

    def _carriers(self) -> list[tuple[str, str]]:
        """(carrier, warehouse) of every lane with a carrier, once each."""
        seen: list[tuple[str, str]] = []
        for lane in self.lanes:
            if lane.carrier and lane.active and not any(
                    w == lane.warehouse and same_carrier(lane.carrier, c) for c, w in seen):
                seen.append((lane.carrier, lane.warehouse))
        return sorted(seen, key=lambda cw: (cw[0].casefold(), cw[1]))

    def current_carrier(self) -> tuple[str, str] | None:
        """(carrier, warehouse) chosen; kept in the combo as "CARRIER|WAREHOUSE"."""
        data = str(self.panel.carrier.currentData() or "")
        carrier, _bar, warehouse = data.rpartition("|")
        return (carrier, warehouse) if carrier else None

    def _on_carrier_current_index_changed(self, _index: int) -> None:
        chosen = self.current_carrier()
        if chosen is not None:
            self.ctx.ui_settings.setValue(CARRIER_KEY, "|".join(chosen))
            self._close_armed = False
            if self.pickup_mode:
                self._show_mode()
                self._reload_pickup()

    def _fill_carriers(self) -> None:
        combo = self.panel.carrier
        carriers = self._carriers()
        keys = ["|".join(cw) for cw in carriers]
        if [combo.itemData(i) for i in range(combo.count())] == keys:
            return
        several = len({w for _c, w in carriers}) > 1
        wanted = combo.currentData() or str(self.ctx.ui_settings.value(CARRIER_KEY, ""))
        blocked = combo.blockSignals(True)
        combo.clear()
        for (carrier, warehouse), key in zip(carriers, keys, strict=True):
            combo.addItem(f"{carrier} · {warehouse}" if several else carrier, key)
        combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(blocked)
        if self.pickup_mode:
            self._show_mode()
            self._reload_pickup()

    def _reload_pickup(self) -> None:
        """The chosen carrier's open pickup: counts and the parcels still missing."""
        chosen = self.current_carrier()
        if chosen is None:
            return
        carrier, warehouse = chosen
        self._read(lambda s: pickup_summary(s, carrier, warehouse), self._on_summary)

    def _on_summary(self, summary: PickupSummary) -> None:
        chosen = self.current_carrier()
        if chosen is None or not same_carrier(summary.carrier, chosen[0]):
            return  # the clerk chose another carrier meanwhile
        self.summary = summary
        staged = summary.staged_count + sum(1 for p in summary.scanned if p.lane)
        self.panel.show_counts(staged, len(summary.scanned),
                               [self._parcel_line(p) for p in summary.missing])
        if self.closed is None:
            self.panel.recent.clear()
            for parcel in summary.scanned:
                self.panel.add_recent(self._parcel_line(parcel))

    def _parcel_line(self, parcel: HandoverParcel) -> str:
        lane = parcel.lane or self.tr("not staged")
        return f"{parcel.parcel}  ·  {parcel.order_number}  ·  {lane}"

    def take_off(self) -> None:
        """F4: the next scan takes a parcel off the open pickup (the driver refused it)."""
        if not self.pickup_mode:
            return
        self._taking_off = True
        self.panel.say(self.tr("Scan the parcel to take off the truck."), "warning")
        self.scan.setFocus()

    def _take_off(self, text: str, carrier: str) -> None:
        actor = self.ctx.actor
        self._taking_off = False

        def done(parcel: HandoverParcel) -> None:
            self.panel.say(self.tr("Parcel {parcel} taken off the {carrier} truck: put it "
                                   "back in its lane.").format(parcel=parcel.parcel,
                                                                carrier=carrier), "warning")
            self.panel.show_lane(parcel.lane or "—", self.tr("Back to this lane"), "wait")
            self.sounds.play(Sound.OK)
            self._reload_pickup()

        self._write(lambda s: unscan(s, text, carrier, actor=actor), done)

    def _pickup_scan(self, text: str) -> None:
        chosen = self.current_carrier()
        if chosen is None:
            self._refuse(self.tr("No carrier has a staging lane yet: set up lanes in Admin → "
                                 "Warehouses and bins."))
            return
        carrier, warehouse = chosen
        actor = self.ctx.actor
        self.closed = None
        self._close_armed = False
        self._manifest_note = ""
        if self._taking_off:
            self._take_off(text, carrier)
            return

        def done(result: ScanOutResult) -> None:
            if result.already:
                self.panel.say(self.tr("Parcel {parcel} is on this pickup already.").format(
                    parcel=result.parcel), "warning")
            elif not result.staged:
                self.panel.say(self.tr("Parcel {parcel} handed to {carrier} — it was never "
                                       "staged: check its label.").format(
                    parcel=result.parcel, carrier=result.carrier), "warning")
            else:
                self.panel.say(self.tr("Parcel {parcel} handed to {carrier} ✓ ({count} on "
                                       "the truck)").format(parcel=result.parcel,
                                                            carrier=result.carrier,
                                                            count=result.scanned), "ok")
            self.panel.show_lane(f"{result.scanned:,}", self.tr(
                "on the {carrier} truck · order {order}").format(
                carrier=result.carrier, order=result.order_number), "ok")
            self.sounds.play(Sound.OK)
            self._reload_pickup()

        def failed(error: BaseException) -> None:
            self.panel.show_lane("✕", self.tr("NOT for this driver — keep it"), "bad")
            self._refuse(error_text(error))

        self._write(lambda s: scan_out(s, text, carrier, warehouse=warehouse, actor=actor),
                    done, failed=failed)

    def close_pickup(self) -> None:
        """F12: close the carrier's pickup; with parcels missing, the second F12 does."""
        chosen = self.current_carrier()
        if not self.pickup_mode or chosen is None or self.busy:
            return
        summary = self.summary
        if summary is not None and summary.missing and not self._close_armed:
            self._close_armed = True
            self._refuse(self.tr("%n parcel(s) for this carrier are not scanned. Scan them, or "
                                 "press F12 again to close the pickup without them.", "",
                                 len(summary.missing)))
            return
        self._close_armed = False
        carrier, warehouse = chosen
        actor, printer = self.ctx.actor, self.document_printer
        station = self.ctx.app.settings.station_name
        self._write(lambda s: close_pickup(s, carrier, warehouse=warehouse, actor=actor,
                                           document_printer=printer, station=station),
                    self._on_closed)

    def _on_closed(self, closed: ClosedPickup) -> None:
        self.closed = closed
        self.panel.show_lane(closed.number, self.tr(
            "{carrier} pickup closed: %n parcel(s) handed over", "",
            len(closed.scanned)).format(carrier=closed.carrier),
            "bad" if closed.missing or closed.stopped else "ok")
        self.panel.recent.clear()
        for parcel in closed.scanned:
            self.panel.add_recent(self._parcel_line(parcel))
        for stopped in closed.stopped:
            self.panel.add_recent(self.tr("TAKE BACK {parcel}: order {order} is {state}")
                                  .format(parcel=stopped.parcel, order=stopped.order_number,
                                          state=status_text(stopped.state)), bad=True)
        staged = sum(1 for p in (*closed.scanned, *closed.missing) if p.lane)
        self.panel.show_counts(staged, len(closed.scanned),
                               [self._parcel_line(p) for p in closed.missing])
        orders = self.tr("%n order(s) shipped", "", len(closed.shipped_orders))
        if closed.print_job is not None:
            printed = self.tr("manifest printing on {printer}").format(
                printer=closed.print_job.printer_name)
            self._send(closed.print_job)
        else:
            printed = self.tr("no document printer on this PC: the manifest is kept with "
                              "the pickup")
        self._request_provider_manifests(closed)
        if closed.missing:
            self._refuse(self.tr("Pickup {number} closed — %n parcel(s) MISSED THE TRUCK (in "
                                 "red). {orders}; {printed}.", "", len(closed.missing))
                         .format(number=closed.number, orders=orders, printed=printed))
        else:
            self.panel.say(self.tr("Pickup {number} closed ✓ {orders}; {printed}.").format(
                number=closed.number, orders=orders, printed=printed), "ok")
            self.sounds.play(Sound.OK)

    def providers(self) -> ProviderSource:
        """Carrier accounts reached with the keyring's secrets (built on first use)."""
        if self._providers is None:
            self._providers = provider_source(self.ctx.tasks.db, SecretStore())
        return self._providers

    def set_providers(self, providers: ProviderSource) -> None:
        """Another way to reach the carriers (tests: the fake servers)."""
        self._providers = providers

    def _request_provider_manifests(self, closed: ClosedPickup) -> None:
        """The providers' own SCAN form / manifest for the labels that left (HTTP: a job;
        the pickup is closed whatever they answer)."""
        providers, actor, pickup_id = self.providers(), self.ctx.actor, closed.pickup_id

        def job(db: Database, _control: TaskControl) -> ProviderManifests:
            return request_provider_manifests(db, pickup_id, providers, actor=actor)

        self.ctx.tasks.job(job, on_done=self._on_provider_manifests,
                           on_error=lambda exc: self._show_manifests_note(error_text(exc)),
                           owner=self)

    def _on_provider_manifests(self, answer: ProviderManifests) -> None:
        made = [self.tr("{account}: {manifest}").format(account=account, manifest=provider_id)
                for account, provider_id, _url in answer.manifests]
        lines = ([self.tr("Carrier manifest: {list}").format(list=", ".join(made))]
                 if made else [])
        lines += [self.tr("No carrier manifest from {note}").format(note=note)
                  for note in answer.notes]
        if lines:
            self._show_manifests_note(" · ".join(lines))

    def _show_manifests_note(self, text: str) -> None:
        """On the status line until the next pickup scan (reloads keep it)."""
        self._manifest_note = text
        self._show_status()

    def _send(self, job: PrintJobInfo) -> None:
        """The manifest to its printer, on that printer's lane (a failure stays queued)."""
        db, actor = self.ctx.tasks.db, self.ctx.actor
        station = self.ctx.app.settings.station_name
        PrintWorker.for_tasks(self.ctx.tasks).submit(
            job.printer_uri, partial(deliver, db, job.id, actor=actor, station=station),
            on_done=self._on_manifest_sent, on_error=self._failed, owner=self)

    def _on_manifest_sent(self, result: DeliveryResult) -> None:
        if result.error is not None:
            self._refuse(self.tr("The printer did not take the manifest: {error} It waits in "
                                 "the print queue (Printing screen).").format(
                error=error_text(result.error)))

    # -- plumbing ----------------------------------------------------------------------

    def _set_mode(self, *, pickup: bool) -> None:
        self.pickup_mode = pickup
        self.pending = None
        self._taking_off = False
        self.ctx.ui_settings.setValue(MODE_KEY, "pickup" if pickup else "staging")
        self._show_mode()
        self.reload()
        self.scan.setFocus()

    def _show_mode(self) -> None:
        self.panel.show_mode(pickup=self.pickup_mode)
        self.panel.retranslate_keys(pickup=self.pickup_mode, muted=self.sounds.muted)
        if self.pickup_mode:
            self.closed = None
            self.panel.instruction.setText(self.tr("Scan each parcel the driver takes · F12 "
                                                   "close the pickup"))
            self.panel.show_lane(self.panel.carrier.currentText() or "—", self.tr(
                "The driver's carrier: scan each parcel handed over"), "idle")
        else:
            self.panel.instruction.setText(self.tr("Scan a packed parcel, then its lane"))
            self.panel.show_lane("—", self.tr("Scan a parcel: its lane is shown here"), "idle")
        self.panel.say(self.tr("Ready."), "info")

    def _show_status(self) -> None:
        waiting = sum(lane.parcels for lane in self.lanes)
        parts = [self.tr("%n staging lane(s)", "", len(self.lanes)),
                 self.tr("%n parcel(s) waiting for a driver", "", waiting)]
        self.panel.status.setText(" · ".join([*parts, self._manifest_note] if
                                             self._manifest_note else parts))
        self._fill_carriers()

    def _write(self, fn: Callable[[Session], T], on_done: Callable[[T], None], *,
               failed: Callable[[BaseException], None] | None = None) -> None:
        """A write; scans that come meanwhile wait for it."""
        self._pending_calls += 1

        def done(saved: Saved) -> None:
            try:
                on_done(saved.value)
            finally:
                self._finished()

        def refused(error: BaseException) -> None:
            try:
                (failed or self._failed)(error)
            finally:
                self._finished()

        self.ctx.tasks.write(lambda s: Saved(fn(s), Changes.ORDERS), on_done=done,
                             on_error=refused, owner=self)

    def _read(self, fn: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        self._pending_calls += 1

        def done(value: T) -> None:
            try:
                on_done(value)
            finally:
                self._finished()

        def refused(error: BaseException) -> None:
            try:
                self._failed(error)
            finally:
                self._finished()

        self.ctx.tasks.read(fn, on_done=done, on_error=refused, owner=self)

    def _finished(self) -> None:
        self._pending_calls -= 1
        if self._pending_calls == 0:
            self._idle()

    def _failed(self, error: BaseException) -> None:
        self._refuse(error_text(error))

    def _refuse(self, text: str) -> None:
        """A loud no: the red banner and the error sound (unless muted)."""
        self.panel.say(text, "error")
        self.sounds.play(Sound.ERROR)
        self.scan.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()
