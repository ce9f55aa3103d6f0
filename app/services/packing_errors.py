"""What the pack station refuses, each with its own code and message.

Kept apart from :mod:`app.services.packing` so the screen and the CLI can name them
without importing the cycle, and so the modules of the cycle share one set.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class UnknownPackScan(DomainError):
    code = "unknown_pack_scan"
    template = ("Nothing matches '{scan}': scan an order number, a tote, a pick list or a "
                "tracking number.")


class AmbiguousPackScan(DomainError):
    code = "ambiguous_pack_scan"
    template = "'{scan}' matches {count} orders: scan the tote or the order's label instead."


class OrderBeingPacked(DomainError):
    code = "order_being_packed"
    template = "Order {order} is being packed at station {station}."


class OrderNotPackable(DomainError):
    code = "order_not_packable"
    template = "Order {order} is {state}: only allocated or picked orders can be packed."
    field_words = ("new", "backordered")


class PickNotFinished(DomainError):
    code = "pick_not_finished"
    template = ("Order {order} is still being picked ({open} pick task(s) not done): finish "
                "the pick run first.")


class OrderStopped(DomainError):
    """Cancelled or held after picking: the screen shows it full-screen."""

    code = "order_stopped"
    template = "STOP: order {order} is {state}. Do not pack it; put its units aside for restocking."
    field_words = ("cancelled", "on_hold")


class OrderAlreadyPacked(DomainError):
    code = "order_already_packed"
    template = "Order {order} is packed already; its label and slip can be reprinted."


class NotOnBench(DomainError):
    code = "not_on_bench"
    template = "Order {order} is not on a pack bench: scan the order first."


class UnknownItem(DomainError):
    code = "unknown_item"
    template = "No SKU of client {client} has the code or barcode '{scan}'."


class ItemOfAnotherClient(DomainError):
    code = "item_of_another_client"
    template = "'{scan}' is a unit of client {owner}, not of {client}: keep it out of this order."


class WrongItem(DomainError):
    code = "wrong_item"
    template = "SKU {sku} is not in order {order}."


class ExtraUnit(DomainError):
    code = "extra_unit"
    template = ("Order {order} needs {wanted} more of SKU {sku}; {quantity} scanned is too many. "
                "Nothing was counted.")


class BadScanQuantity(DomainError):
    code = "bad_scan_quantity"
    template = "A count must be 1 or more, not {quantity}."


class ParcelNotOpen(DomainError):
    code = "parcel_not_open"
    template = "Order {order} has no open parcel {seq}."


class NoBoxFits(DomainError):
    code = "no_box_fits"
    template = ("No box in the catalogue fits parcel {seq} of order {order}: scan a box, or split "
                "the order into parcels.")


class BoxOverloaded(DomainError):
    code = "box_overloaded"
    template = ("Parcel {seq} weighs {weight} g, more than box {box} carries ({max} g): use a "
                "stronger box or split the order.")


class WeightNotStable(DomainError):
    code = "weight_not_stable"
    template = "The scale has not settled yet: wait for a stable weight."


class WeightNotPositive(DomainError):
    code = "weight_not_positive"
    template = ("The scale reads {weight} g: that is no weight. Check the scale (zero it) and the "
                "parcel.")


class WeightOutOfTolerance(DomainError):
    code = "weight_out_of_tolerance"
    template = ("Parcel {seq} of order {order} weighs {actual} g, expected {expected} g ± "
                "{tolerance} g (difference {difference} g): check its contents, or a supervisor "
                "overrides with PIN and reason.")


class OverrideReasonMissing(DomainError):
    code = "override_reason_missing"
    template = "A weight override needs the supervisor's reason."


class PackingIncomplete(DomainError):
    code = "packing_incomplete"
    template = "Order {order} is not complete: {missing} unit(s) still to scan."


class ParcelNotWeighed(DomainError):
    code = "parcel_not_weighed"
    template = "Parcel {seq} of order {order} has no accepted weight yet."


class RestockTaskDone(DomainError):
    code = "restock_task_done"
    template = "Restock task {task} is done already."

