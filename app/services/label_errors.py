"""What buying, voiding and choosing carrier labels refuses, one message each.

A provider's refusal (an address it will not ship to, an expired key, a rate that
vanished between quote and buy) is passed on in the provider's own words inside
:class:`LabelNotBought`, with what the user can do next.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class NoCarrierAccount(DomainError):
    code = "no_carrier_account"
    template = ("Order {order} has no carrier account to buy a label through: add one with "
                "'haicang carriers add' (or in Settings) and set the client's shipping rules.")


class LabelNotBought(DomainError):
    """The provider refused, or did not answer; ``retry`` says whether trying again may work."""

    code = "label_not_bought"
    template = "Label for order {order} not bought: {message} — {advice}"
    field_words = ("buy again", "fix the order, then buy again", "fix the carrier account",
                   "quote again and choose another rate")


class QuoteFailed(DomainError):
    code = "quote_failed"
    template = "No rates for order {order}: {message}"


class NoRateChosen(DomainError):
    code = "no_rate_chosen"
    template = "Label for order {order} not bought: {reason}."


class RateNotQuoted(DomainError):
    code = "rate_not_quoted"
    template = "No quoted rate of order {order} is {service}. Quoted: {quoted}."


class LabelBeingBought(DomainError):
    code = "label_being_bought"
    template = ("The label of order {order} is being bought right now (since {since}); "
                "try again in a minute.")


class TrackingNumberTaken(DomainError):
    code = "tracking_number_taken"
    template = "Tracking number {tracking} is already used by order {other}."


class NothingToVoid(DomainError):
    code = "nothing_to_void"
    template = "Order {order} has no bought label to void."


class VoidNotDone(DomainError):
    code = "void_not_done"
    template = "Label of order {order} not voided: {message} — void again later."


class OrderCannotShip(DomainError):
    code = "order_cannot_ship"
    template = "Order {order} is {state}: no label is bought for it."
    field_words = ("cancelled", "on_hold", "shipped", "in_transit", "delivered", "returned")


class BadShippingRule(DomainError):
    code = "bad_shipping_rule"
    template = "Shipping rule {rule}: {problem}"
