"""The pack station's carrier labels: bought once the pack is committed, then printed.

The purchase talks to the provider over HTTP, so it runs on its own ``carriers`` lane —
never on the GUI thread, never inside the pack's transaction, and without holding up
the next order's scans. A refusal is said loudly with the provider's words; the order
stays packed and F7 buys the label again (``pack_labels.label_packed_order`` never buys
twice).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.secrets import SecretStore
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderPool
from app.services.pack_labels import PackLabels, label_packed_order
from app.ui.i18n import error_text
from app.ui.pages.base import PageContext
from app.ui.pages.pack_printing import StationPrinters

LANE = "carriers"


class CarrierLabels(QObject):
    """Buys and prints the carrier labels of packed orders for one pack screen."""

    def __init__(self, ctx: PageContext, printers: StationPrinters, station: str,
                 say: Callable[[str], None], refuse: Callable[[str], None],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.ctx, self.printers, self.station = ctx, printers, station
        self._say, self._refuse = say, refuse
        self._providers: ProviderPool | None = None

    def _pool(self) -> ProviderPool:
        """The screen's providers, made on first use and kept for its life (an HTTPS
        client costs a fifth of a second to make); closed with the screen."""
        if self._providers is None:
            pool = self._providers = provider_source(self.ctx.tasks.db, SecretStore())
            self.destroyed.connect(lambda *_: pool.close())
        return self._providers

    def buy(self, order_id: int, *, auto_print: bool,
            nothing: Callable[[], None] | None = None) -> None:
        """Buy what the packed order still needs; ``nothing`` runs when it needed nothing."""
        db, actor, station = self.ctx.tasks.db, self.ctx.actor, self.station
        label = self.printers.label if auto_print else None
        providers = self._pool()

        def work() -> PackLabels:
            return label_packed_order(db, order_id, providers=providers, actor=actor,
                                      station=station, label_printer=label)

        def done(result: PackLabels) -> None:
            if result.error is not None:
                self._refuse(self.tr(
                    "Order {order} is packed, but its label was not bought: {error} "
                    "F7 buys it again.").format(order=result.order_number,
                                                error=error_text(result.error)))
            elif result.label_jobs:
                self._say(self.tr("Label for order {order} bought ✓ — printing.").format(
                    order=result.order_number))
                self.printers.send(list(result.label_jobs))
            elif result.purchases:
                self._say(self.tr("Label for order {order} bought ✓ — F7 prints it.").format(
                    order=result.order_number))
            elif nothing is not None:
                nothing()

        self.ctx.tasks.lane(LANE).submit(work, on_done=done,
                                         on_error=lambda e: self._refuse(error_text(e)),
                                         owner=self)
