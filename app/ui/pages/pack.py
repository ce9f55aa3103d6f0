"""The Pack station: scan, verify, weigh, label — a normal order with zero mouse clicks.

The scanner is a keyboard that types a code and Enter into the scan field, which keeps
the focus. Scan an order number, a tote or a seller label's tracking number: the order's
lines appear big. Scan each unit (``5*SKU`` counts five; a bare number right after an
item counts that many more of it); a wrong SKU, an extra unit or another client's unit
is refused loudly (red banner and the error sound) and changes nothing. Scan a box's
barcode to use it instead of the suggested one. Once every unit is in, the scale's first
*stable* weight is taken, checked, and — when it passes — the order is packed, its label
sent to the station's label printer and its packing slip to the document printer: the
screen is then ready for the next scan. A weight out of tolerance blocks until the
contents are fixed (a new stable weight is checked again) or a supervisor overrides
(F9: PIN and reason). F6 closes the current box (it is weighed) and opens another.

Every check is the services' (:mod:`app.services.packing`); the screen decides only
what a scan means to the packer and when to weigh. Database work runs on the task
runner, printing on the printer's lane (:mod:`app.ui.pages.pack_printing`), the scale
on its own lane (:class:`app.ui.devices.scale.ScaleWorker`).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy.orm import Session

from app.domain.permissions import Permission
from app.domain.weighing import Verdict
from app.hardware.scales import Reading
from app.services.changes import Changes
from app.services.packing import (
    BenchScan,
    BenchScanKind,
    PackResult,
    WeightCheck,
    accept_weight,
    add_parcel,
    bench_scan,
    cancel_packing,
    complete_packing,
    find_pack_order,
    get_pack_view,
    orders_packed_since,
    reprint_label,
    reprint_slip,
    start_packing,
)
from app.services.packing_errors import (
    OrderAlreadyPacked,
    OrderStopped,
    WeightNotPositive,
    WeightNotStable,
)
from app.services.packing_view import PackState, PackView
from app.services.print_queue import DeliveryResult, PrintJobInfo
from app.ui.devices.scale import ScaleState, ScaleWorker
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.pages.pack_carrier import CarrierLabels
from app.ui.pages.pack_lines import load_pictures
from app.ui.pages.pack_override import OverrideDialog
from app.ui.pages.pack_panel import PackPanel
from app.ui.pages.pack_printing import StationPrinters
from app.ui.widgets.sounds import Sound, Sounds
from printers.profiles import PrinterProfile

T = TypeVar("T")
MUTE_KEY = "pack/muted"
#: "5*SKU" (or 5 * SKU, 5×SKU): five units of one SKU in one scan. Not "5x": SKU codes
#: such as "2X4-BOARD" would read as a count.
_COUNTED = re.compile(r"^(\d{1,4})\s*[*×]\s*(\S.*)$")
#: A reading at or below this is an empty platter: the next parcel is weighed afresh.
EMPTY_G = 5
#: A new stable weight within this of the last checked one is the same parcel.
SAME_WEIGHT_G = 2


def hour_start() -> datetime:
    """The start of this clock hour, local time (the counter's "this hour")."""
    return datetime.now().astimezone().replace(minute=0, second=0, microsecond=0)


class PackPage(Page):
    """Scan-driven packing of one order at a time."""

    # Nothing to reload on others' changes: every scan reads the order afresh.
    listens_to = Changes.NONE
    #: The screen shows a new state of the order (after a scan, a weight, packing).
    view_shown = Signal()
    #: A label or slip job was sent (or failed and waits in the queue).
    delivered = Signal(object)

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        settings = ctx.app.settings
        self.station = settings.station_name
        self.auto_print = settings.auto_print
        self.may_pack = ctx.actor.may(Permission.PACK)
        self.view: PackView | None = None
        self.check: WeightCheck | None = None
        self._queue: deque[str] = deque()
        self._pending = 0
        #: A count for the next item scan (F3), None: one unit.
        self._count: int | None = None
        self._last_item: str | None = None
        self._last_line: int | None = None
        #: F6 was pressed: weigh the current box, then open a new one.
        self._close_box = False
        #: The weight last checked: not taken again until the platter is emptied or the
        #: weight changes (a refused parcel being fixed, or the next order's parcel put on
        #: the scale before the last one is taken off).
        self._judged_weight: int | None = None
        self._scale: ScaleWorker | None = None
        self.sounds = Sounds(ctx.tasks, muted=str(ctx.ui_settings.value(MUTE_KEY, "false"))
                             == "true")
        self._build()
        self.printers = StationPrinters(settings, ctx.tasks, self.panel, ctx.actor)
        self.printers.delivered.connect(self._on_delivered)
        self.carrier = CarrierLabels(ctx, self.printers, self.station,
                                     lambda text: self._say(text, "ok"), self._refuse, self)
        self._show()
        self._read_counter()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.panel = PackPanel()
        actions: dict[str, Callable[[], None]] = {
            "F1": self.show_help, "F2": self.put_back, "F3": self.ask_count,
            "F4": self.weigh_now, "F5": self.reload, "F6": self.new_box,
            "F7": self.reprint_label, "F8": self.reprint_slip, "F9": self.override,
            "F10": self.toggle_mute, "F12": self.finish,
        }
        for key, slot in actions.items():
            self.panel.keys[key].clicked.connect(slot)
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.panel.retranslate_keys(muted=self.sounds.muted)
        self.panel.station_label.setText(self.tr("Station {name} · auto-print {state}").format(
            name=self.station, state=self.tr("on") if self.auto_print else self.tr("off")))
        self.scan = self.panel.scan
        self.scan.returnPressed.connect(self._on_scan)
        self.body().setContentsMargins(0, 0, 0, 0)
        self.body().addWidget(self.panel)

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_scale(self, worker: ScaleWorker | None) -> None:
        """Follow the station's scale (None: this station has none)."""
        if self._scale is not None:
            self._scale.reading.disconnect(self._on_reading)
        self._scale = worker
        self.panel.weight.attach(worker)
        self.panel.scale_status.set_worker(worker)
        if worker is not None:
            worker.reading.connect(self._on_reading)
        self._show()

    def scan_text(self, text: str) -> None:
        """Handle one scan (what the scanner types before its Enter), after those before it."""
        text = text.strip()
        if text:
            self._queue.append(text)
            if not self.busy:
                self._idle()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- function keys -----------------------------------------------------------------

    def show_help(self) -> None:
        """F1: how to work the station, in the banner."""
        self._say(self.tr(
            "Scan the order, then each unit (5*SKU for five). Scan a box to change it. "
            "The weight is taken when the scale is stable. F2 put the order back · F3 count "
            "· F4 weigh now · F5 reload · F6 new box · F7/F8 reprint label/slip · F9 "
            "supervisor override · F10 sound · F12 finish."), "info")

    def put_back(self) -> None:
        """F2: take the order off the bench; its scans are discarded."""
        view = self._packing_view()
        if view is None:
            return
        actor = self.ctx.actor

        def done(_none: None) -> None:
            self._say(self.tr("Order {order} put back: its scans are discarded.").format(
                order=view.number), "info")
            self._set_view(None)

        self._write(lambda s: cancel_packing(s, view.order_id, actor=actor), done,
                    Changes.ORDERS)

    def ask_count(self) -> None:
        """F3: how many units the next item scan counts."""
        count, ok = QInputDialog.getInt(self, self.tr("Count"),
                                        self.tr("How many units does the next scan count?"),
                                        2, 1, 9999)
        self.scan.setFocus()
        if ok:
            self._count = count
            self._say(self.tr("The next item scan counts {count} units.").format(count=count),
                      "info")

    def weigh_now(self) -> None:
        """F4: take the scale's weight now (it must be stable and above zero)."""
        view = self._packing_view()
        if view is None or self.busy:
            return
        reading = self._scale.last_reading if self._scale is not None else None
        problem = self._scale_problem()
        if problem:
            self._refuse(problem)
        elif reading is None or reading.weight_g is None or not reading.stable:
            self._refuse(error_text(WeightNotStable()))
        elif reading.negative or reading.weight_g <= 0:
            self._refuse(error_text(WeightNotPositive(weight=reading.weight_g)))
        else:
            self._judged_weight = None
            self._weigh(reading.weight_g)

    def reload(self) -> None:
        """F5: read the order again."""
        if self.view is not None:
            order_id = self.view.order_id
            self._read(lambda s: get_pack_view(s, order_id), self._on_reloaded)

    def new_box(self) -> None:
        """F6: close this box (it is weighed first) and scan into a new one."""
        view = self._packing_view()
        if view is None:
            return
        current = view.parcel(view.current_parcel) if view.current_parcel else None
        if current is None or not current.items:
            self._say(self.tr("Box {seq} is open and empty: scan units into it.").format(
                seq=current.seq if current else 1), "info")
        elif current.weight_g is None:
            self._close_box = True
            self._say(self.tr("Put box {seq} on the scale: it is weighed, then box {next} "
                              "opens.").format(seq=current.seq, next=current.seq + 1), "info")
            self._show()
            self._advance()
        else:
            self._open_box(view.order_id)

    def reprint_label(self) -> None:
        """F7: the packed order's label(s) again — or its carrier label, bought now when
        buying it after packing failed."""
        def again() -> None:
            self._reprint(self.printers.label, lambda s, oid, p: reprint_label(
                s, oid, station=self.station, actor=self.ctx.actor, profile=p))

        view = self.view
        if view is None or view.state is not PackState.PACKED or not self.may_pack:
            again()
            return
        self.carrier.buy(view.order_id, auto_print=True, nothing=again)

    def reprint_slip(self) -> None:
        """F8: the packed order's packing slip again."""
        self._reprint(self.printers.document or self.printers.label, lambda s, oid, p: (
            reprint_slip(s, oid, station=self.station, actor=self.ctx.actor, profile=p),))

    def override(self) -> None:
        """F9: a supervisor accepts a weight out of tolerance (PIN and reason)."""
        check = self.check
        if (check is None or check.accepted or check.verdict is not Verdict.OUT_OF_TOLERANCE
                or self._packing_view() is None):
            self._refuse(self.tr("There is no failed weight check to override."))
            return
        dialog = OverrideDialog(check, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.scan.setFocus()
        if accepted:
            pin, reason = dialog.values()
            self._weigh(check.actual_g, pin=pin, reason=reason)

    def toggle_mute(self) -> None:
        """F10: sounds off or on (remembered on this PC)."""
        self.sounds.muted = not self.sounds.muted
        self.ctx.ui_settings.setValue(MUTE_KEY, "true" if self.sounds.muted else "false")
        self.panel.retranslate_keys(muted=self.sounds.muted)
        self.scan.setFocus()

    def finish(self) -> None:
        """F12: pack the order now (when every unit is in weighed boxes)."""
        if self._packing_view() is not None:
            self._complete()

    # -- scanning ----------------------------------------------------------------------

    def _on_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()
        self.scan_text(text)

    def _idle(self) -> None:
        """Nothing running: the next scan waiting, else whatever the scale says now."""
        while not self.busy and self._queue:
            self._handle(self._queue.popleft())
        if not self.busy:
            self._advance()

    def _handle(self, text: str) -> None:
        quantity, code = self._parse(text)
        view = self.view
        self.panel.stop.hide()
        if view is None or view.state is not PackState.PACKING or not self.may_pack:
            self._start(code)
            return
        actor, station = self.ctx.actor, self.station
        self._write(lambda s: self._with_pictures(bench_scan(
            s, view.order_id, code, station=station, quantity=quantity, actor=actor)),
            lambda got: self._on_bench(code, quantity, got))

    def _parse(self, text: str) -> tuple[int, str]:
        """(units, code): "5*SKU", a bare count after an item, or one unit of the scan."""
        counted = _COUNTED.match(text)
        if counted:
            self._count = None
            return int(counted[1]), counted[2].strip()
        if self._count is not None:
            count, self._count = self._count, None
            return count, text
        line = self._last_line_view()
        if (self._last_item and line is not None and text.isdigit()
                and 0 < int(text) <= line.remaining):
            return int(text), self._last_item
        return 1, text

    def _last_line_view(self) -> Any:
        if self.view is None or self._last_line is None:
            return None
        return next((line for line in self.view.lines if line.line_no == self._last_line),
                    None)

    def _start(self, code: str) -> None:
        """The first scan of an order: put it on the bench (or just look at it)."""
        actor, station = self.ctx.actor, self.station
        if self.may_pack:
            self._write(lambda s: self._with_pictures(
                start_packing(s, code, station=station, actor=actor)), self._on_started)
        else:
            self._read(lambda s: self._with_pictures(
                get_pack_view(s, find_pack_order(s, code))), self._on_started)

    def _with_pictures(self, got: T) -> tuple[T, dict[str, QImage]]:
        """The result and its order's pictures not loaded yet (on the task's thread)."""
        view = got.view if isinstance(got, BenchScan) else got
        assert isinstance(view, PackView)
        return got, load_pictures(view.lines, set(self.panel.lines.pictures))

    # -- results -----------------------------------------------------------------------

    def _on_started(self, got: tuple[PackView, dict[str, QImage]]) -> None:
        view, images = got
        before = self.view if self.view is not None and self.view.order_id == view.order_id else (
            None)
        self.panel.lines.add_pictures(images)
        self.check = None
        self._close_box = False
        self._last_item = self._last_line = None
        self._set_view(view)
        if view.state is PackState.STOPPED:
            text = error_text(OrderStopped(order=view.number, state=view.status.value))
            self.panel.stop.show_view(view, text, before)
            self._refuse(text)
        elif view.state is PackState.PACKED:
            self._say(error_text(OrderAlreadyPacked(order=view.number)), "warning")
            self.sounds.play(Sound.ERROR)
        elif not self.may_pack:
            self._say(self.tr("Order {order}: looking only (you may not pack).").format(
                order=view.number), "info")
        else:
            self._say(self.tr("Order {order} on the bench: %n unit(s) to scan.", "",
                              view.units - view.scanned).format(order=view.number), "ok")
            self.sounds.play(Sound.OK)

    def _on_bench(self, code: str, quantity: int,
                  got: tuple[BenchScan, dict[str, QImage]]) -> None:
        result, images = got
        if result.kind is BenchScanKind.ORDER:
            self._on_started((result.view, images))
            return
        if result.kind is BenchScanKind.ITEM and result.item is not None:
            item = result.item
            self._last_item, self._last_line = code, item.line_no
            self.check = None
            line = next(x for x in result.view.lines if x.line_no == item.line_no)
            self._set_view(result.view)
            self._say(self.tr("+{quantity} {sku} — {scanned} of {wanted} in box {seq}").format(
                quantity=item.quantity, sku=item.sku_code, scanned=line.scanned,
                wanted=line.quantity, seq=item.parcel_seq), "ok")
        else:
            self.check = None
            self._set_view(result.view)
            current = result.view.parcel(result.view.current_parcel) if (
                result.view.current_parcel) else None
            self._say(self.tr("Box {box} chosen.").format(
                box=current.box_code if current else code), "ok")
        self.sounds.play(Sound.OK)

    def _on_reloaded(self, view: PackView) -> None:
        self._set_view(view)

    def _weigh(self, grams: int, *, pin: str | None = None, reason: str | None = None) -> None:
        view = self._packing_view()
        if view is None:
            return
        actor, seq, order_id = self.ctx.actor, view.current_parcel, view.order_id
        self._write(lambda s: accept_weight(
            s, order_id, parcel_seq=seq, weight_g=grams, stable=True, override_pin=pin,
            reason=reason, actor=actor), self._on_weighed)

    def _on_weighed(self, check: WeightCheck) -> None:
        self.check = check
        view = self.view
        if not check.accepted:
            self._judged_weight = check.actual_g
            self._show()
            self._refuse(error_text(check.error) if check.error else "")
            return
        self._judged_weight = check.actual_g  # the parcel still on the scale is done
        if view is None:
            return
        if view.all_scanned:
            self._complete()
        elif self._close_box:
            self._open_box(view.order_id)
        else:
            self.reload()

    def _open_box(self, order_id: int) -> None:
        actor = self.ctx.actor

        def opened(view: PackView) -> None:
            self._close_box = False
            self.check = None
            self._set_view(view)
            self._say(self.tr("Box {seq} open: scan the units that go into it.").format(
                seq=view.current_parcel), "ok")
            self.sounds.play(Sound.OK)

        self._write(lambda s: add_parcel(s, order_id, actor=actor), opened)

    def _complete(self) -> None:
        view = self.view
        if view is None:
            return
        actor, station = self.ctx.actor, self.station
        label = self.printers.label if self.auto_print else None
        document = self.printers.document if self.auto_print else None
        self._write(lambda s: complete_packing(
            s, view.order_id, station=station, actor=actor, label_printer=label,
            document_printer=document), self._on_packed, Changes.ORDERS | Changes.STOCK)

    def _on_packed(self, result: PackResult) -> None:
        view = self.view
        if view is not None:
            self._set_view(replace(view, state=PackState.PACKED, parcels=result.parcels,
                                   current_parcel=None, suggested_box=None))
        jobs = [*result.label_jobs, *([result.slip_job] if result.slip_job else [])]
        if result.labels_to_buy:  # bought now that the pack is committed, then printed
            text = self.tr("Order {order} packed ✓ — buying its label. Scan the next order.")
        elif jobs:
            text = self.tr("Order {order} packed ✓ — label printing. Scan the next order.")
        elif self.printers.label is None:
            text = self.tr("Order {order} packed ✓ — no label printer: set one in Settings, "
                           "then F7 prints the label.")
        else:
            text = self.tr("Order {order} packed ✓ — auto-print is off: F7 prints the label.")
        self._say(text.format(order=result.number), "ok")
        self.sounds.play(Sound.OK)
        self.printers.send(jobs)
        if result.labels_to_buy:  # bought now that the pack is committed, then printed
            self.carrier.buy(result.transition.order_id, auto_print=self.auto_print)
        self._read_counter()

    # -- printing ----------------------------------------------------------------------

    def _reprint(self, profile: PrinterProfile | None,
                 queue: Callable[[Session, int, PrinterProfile], tuple[PrintJobInfo, ...]],
                 ) -> None:
        view = self.view
        if view is None or view.state is not PackState.PACKED:
            self._refuse(self.tr("Scan a packed order first: only a packed order's label "
                                 "and slip are reprinted."))
            return
        if profile is None:
            self._refuse(self.tr("No printer is set up on this station (Settings → Printers)."))
            return
        order_id = view.order_id

        def queued(jobs: tuple[PrintJobInfo, ...]) -> None:
            self._say(self.tr("Reprinting for order {order}.").format(order=view.number), "ok")
            self.printers.send(list(jobs))

        self._write(lambda s: queue(s, order_id, profile), queued)

    def _on_delivered(self, outcome: DeliveryResult | BaseException) -> None:
        """A job sent (or not): a label that did not go out is said loudly."""
        if isinstance(outcome, BaseException):
            self._refuse(error_text(outcome))
        elif outcome.error is not None:
            self._refuse(self.tr("The printer did not take {reference}: {error} It waits in "
                                 "the print queue (Printing screen); the order stays packed.")
                         .format(reference=outcome.job.reference,
                                 error=error_text(outcome.error)))
        self.delivered.emit(outcome)

    # -- weighing ----------------------------------------------------------------------

    def _wants_weight(self) -> bool:
        """The current box is full (every unit scanned, or F6) and not weighed yet."""
        view = self._packing_view(quiet=True)
        if view is None or view.current_parcel is None:
            return False
        current = view.parcel(view.current_parcel)
        return bool(current.items) and current.weight_g is None and (
            view.all_scanned or self._close_box)

    def _on_reading(self, reading: Reading) -> None:
        """A reading from the scale: an empty platter re-arms; a stable one is taken."""
        if reading.weight_g is None or reading.negative or reading.weight_g <= EMPTY_G:
            self._judged_weight = None
            return
        if not reading.stable or self.busy or not self._wants_weight():
            return
        if (self._judged_weight is not None
                and abs(reading.weight_g - self._judged_weight) <= SAME_WEIGHT_G):
            return
        self._weigh(reading.weight_g)

    def _advance(self) -> None:
        """Idle: if the box waits for its weight, the scale's last reading may be it."""
        if self._scale is not None and self._scale.last_reading is not None:
            self._on_reading(self._scale.last_reading)

    def _scale_problem(self) -> str:
        if self._scale is None:
            return self.tr("No scale is set up for this station (Settings → Scale).")
        if self._scale.state is ScaleState.ERROR and self._scale.last_error is not None:
            return error_text(self._scale.last_error)
        return ""

    # -- plumbing ----------------------------------------------------------------------

    def _packing_view(self, *, quiet: bool = False) -> PackView | None:
        view = self.view
        if view is None or view.state is not PackState.PACKING or not self.may_pack:
            if not quiet:
                self._refuse(self.tr("Scan an order to pack first."))
            return None
        return view

    def _write(self, fn: Callable[[Session], T], on_done: Callable[[T], None],
               changes: Changes = Changes.NONE) -> None:
        """A write; scans that come meanwhile wait for it (and for what it leads to)."""
        self._pending += 1

        def done(saved: Saved) -> None:
            try:
                on_done(saved.value)
            finally:
                self._finished()

        def failed(error: BaseException) -> None:
            try:
                self._failed(error)
            finally:
                self._finished()

        self.ctx.tasks.write(lambda s: Saved(fn(s), changes), on_done=done, on_error=failed,
                             owner=self)

    def _read(self, fn: Callable[[Session], T], on_done: Callable[[T], None]) -> None:
        self._pending += 1

        def done(value: T) -> None:
            try:
                on_done(value)
            finally:
                self._finished()

        def failed(error: BaseException) -> None:
            try:
                self._failed(error)
            finally:
                self._finished()

        self.ctx.tasks.read(fn, on_done=done, on_error=failed, owner=self)

    def _finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self._idle()

    def _failed(self, error: BaseException) -> None:
        """Refused: said loudly; an order stopped meanwhile is shown full screen."""
        self._refuse(error_text(error))
        if isinstance(error, OrderStopped) and self.view is not None and self.may_pack:
            self._start(self.view.number)

    def _read_counter(self) -> None:
        packer, since = self.ctx.actor.name, hour_start()
        self.ctx.tasks.read(lambda s: orders_packed_since(s, packer, since),
                            on_done=self.panel.show_counter, owner=self)

    # -- showing -----------------------------------------------------------------------

    def _set_view(self, view: PackView | None) -> None:
        self.view = view
        if view is None or view.state is not PackState.PACKING:
            self._last_item = self._last_line = None
        self._show()

    def _show(self) -> None:
        self.panel.show_view(self.view, self._instruction(), self._last_line)
        self.panel.show_check(self.check)
        self.view_shown.emit()

    def _instruction(self) -> str:
        view = self.view
        if view is None:
            return self.tr("Scan an order, a tote or a label")
        if view.state is PackState.STOPPED:
            return self.tr("STOP: do not pack this order")
        if view.state is PackState.PACKED:
            return self.tr("Packed — F7 reprint label · F8 reprint slip · scan the next order")
        if not self.may_pack:
            return self.tr("Looking only — scan another order")
        if self._wants_weight() or (self.check is not None and not self.check.accepted):
            if self.check is not None and not self.check.accepted:
                return self.tr("Weight check failed: fix the contents and weigh again, or "
                               "F9 supervisor override")
            problem = self._scale_problem()
            if problem and self._scale is None:
                return self.tr("No scale: set one up in Settings to weigh this box")
            if self._scale is not None and self._scale.state is ScaleState.ERROR:
                return self.tr("The scale is not answering: check its cable and power")
            return self.tr("Put box {seq} on the scale").format(seq=view.current_parcel)
        left = view.units - view.scanned
        return self.tr("Scan each unit: %n unit(s) left (5*SKU counts five)", "", left)

    def _say(self, text: str, level: str) -> None:
        self.panel.say(text, level)

    def _refuse(self, text: str) -> None:
        """A loud no: the red banner and the error sound (unless muted)."""
        self._say(text, "error")
        self.sounds.play(Sound.ERROR)
        self.scan.setFocus()

    # -- focus -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()
        self._read_counter()
