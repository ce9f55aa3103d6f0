"""What the dock and the inbound office are refused: each a one-line reason, nothing written.

Kept apart from :mod:`app.domain.errors` because only inbound shipments and receiving
raise them; they are ``DomainError`` subclasses like every other expected failure, so the
GUI translates them and the CLI prints them on one line.
"""

from __future__ import annotations

from app.domain.errors import DomainError, NotFound


class InboundIllegalTransition(DomainError):
    code = "inbound_illegal_transition"
    template = "Inbound shipment {reference} is {state} and cannot become {target}."
    # inbound states
    field_words = ("announced", "arrived", "receiving", "closed")


class InboundNotFound(NotFound):
    code = "inbound_not_found"
    template = "Inbound shipment {reference} was not found."


class InboundAmbiguous(DomainError):
    """One reference announced by two clients: the command must say whose."""

    code = "inbound_ambiguous"
    template = "Inbound shipment {reference} exists for clients {clients}; say which client."


class InboundExists(DomainError):
    code = "inbound_exists"
    template = "Inbound shipment {reference} of client {client} is already announced."


class InboundClosed(DomainError):
    code = "inbound_closed"
    template = "Inbound shipment {reference} is closed; nothing more can be received."


class CartonNotInShipment(DomainError):
    code = "carton_unknown"
    template = "Carton {carton} is not in inbound shipment {reference}."


class LotRequired(DomainError):
    code = "lot_required"
    template = "SKU {sku} is lot-tracked: enter its lot and expiry date."


class NoReceivingBin(DomainError):
    code = "no_receiving_bin"
    template = (
        "Warehouse {warehouse} has no active receiving bin; add a bin of type receiving "
        "or scan the bin to receive into."
    )


class WrongWarehouseBin(DomainError):
    code = "bin_other_warehouse"
    template = "Bin {bin} is not in warehouse {warehouse}, where shipment {reference} arrives."


class UnknownLineNotOpen(DomainError):
    """A quarantine task that was resolved meanwhile (by another PC) or never existed."""

    code = "unknown_line_not_open"
    template = "Code {code} of shipment {reference} is not waiting in quarantine."
