"""An order's rates, quoted now and not bought: what ``haicang rates`` and the order
detail show — every rate considered, the one the rules would choose, and why.

Quoting is HTTP (each account creates a shipment at the provider, free of charge), so it
runs outside any transaction; call it from a worker, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.carriers.base import CarrierError
from app.db.engine import Database
from app.domain.permissions import Actor, Permission, require
from app.services.label_errors import NoCarrierAccount, QuoteFailed
from app.services.label_quotes import ProviderSource, order_label_setup, quote_plan
from app.services.label_records import ConsideredRateInfo, considered_rates
from app.services.run import run_read


@dataclass(frozen=True)
class ParcelRates:
    seq: int
    packed: bool
    weight_g: int
    dims_mm: tuple[int, int, int]
    rates: tuple[ConsideredRateInfo, ...]
    chosen: ConsideredRateInfo | None
    reason: str
    reason_template: str
    reason_fields: dict[str, object]
    insure_amount: Decimal | None
    #: (account, the provider's message) of accounts that could not quote.
    errors: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class OrderRates:
    order_id: int
    order_number: str
    parcels: tuple[ParcelRates, ...]


def quote_order(db: Database, order_id: int, *, providers: ProviderSource, actor: Actor
                ) -> OrderRates:
    """Rates for each parcel of the order (packed parcels, or the expected one)."""
    require(actor, Permission.BUY_LABELS)
    setup = run_read(db, order_label_setup, order_id)
    if not setup.accounts:
        raise NoCarrierAccount(order=setup.order_number)
    parcels = []
    for plan in setup.parcels:
        try:
            quote = quote_plan(plan, setup.accounts, setup.rules, providers,
                               f"HC-{setup.order_id}-{plan.seq}-quote")
        except CarrierError as exc:
            raise QuoteFailed(order=setup.order_number, message=exc.message) from exc
        rates = considered_rates(quote, quote.choice)
        reason = quote.choice.reason
        parcels.append(ParcelRates(
            plan.seq, plan.parcel_id is not None, plan.weight_g, plan.dims_mm, rates,
            next((r for r in rates if r.chosen), None), reason.text, reason.template,
            dict(reason.fields), quote.choice.insure_amount, quote.errors))
    return OrderRates(setup.order_id, setup.order_number, tuple(parcels))
