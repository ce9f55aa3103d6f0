"""What staging, the carrier pickup and tracking refuse, each with its own code and message.

Kept apart from the services so the Staging/Handover screen and the CLI can name them
without importing the services.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class UnknownParcelScan(DomainError):
    code = "unknown_parcel_scan"
    template = ("No parcel matches '{scan}': scan the parcel's tracking number or its order "
                "number.")


class AmbiguousParcelScan(DomainError):
    code = "ambiguous_parcel_scan"
    template = ("'{scan}' matches {count} parcels: scan the tracking number, or ORDER/N for "
                "parcel N of an order.")


class ParcelNotPacked(DomainError):
    code = "parcel_not_packed"
    template = "Parcel {parcel} of order {order} is not packed yet: pack it first."


class ParcelAlreadyShipped(DomainError):
    code = "parcel_already_shipped"
    template = "Parcel {parcel} has left already: order {order} is {state}."
    field_words = ("shipped", "in_transit", "delivered", "returned")


class ParcelOrderStopped(DomainError):
    """Cancelled or put on hold after packing: the parcel must not leave."""

    code = "parcel_order_stopped"
    template = "STOP: order {order} is {state}. Do not hand parcel {parcel} to the carrier."
    field_words = ("cancelled", "on_hold")


class ParcelWithoutCarrier(DomainError):
    code = "parcel_without_carrier"
    template = ("Parcel {parcel} of order {order} has no carrier yet: buy or import its "
                "label first.")


class NotAStagingLane(DomainError):
    code = "not_a_staging_lane"
    template = "Bin {lane} in warehouse {warehouse} is not a staging lane."


class LaneWithoutCarrier(DomainError):
    code = "lane_without_carrier"
    template = "Staging lane {lane} has no carrier set: set its carrier in the bin settings."


class WrongStagingLane(DomainError):
    code = "wrong_staging_lane"
    template = ("Wrong lane: parcel {parcel} goes with {carrier}. Put it in lane {right}, not "
                "{lane} ({lane_carrier}).")


class NoLaneForCarrier(DomainError):
    code = "no_lane_for_carrier"
    template = ("Parcel {parcel} goes with {carrier}, and warehouse {warehouse} has no staging "
                "lane for {carrier}.")


class ParcelOfOtherWarehouse(DomainError):
    code = "parcel_of_other_warehouse"
    template = "Parcel {parcel} ships from warehouse {parcel_warehouse}, not {warehouse}."


class StagingCarrierOnlyForLanes(DomainError):
    code = "staging_carrier_only_for_lanes"
    template = "Bin {bin} is a {bin_type} bin: only staging bins have a carrier."


class WrongCarrierAtPickup(DomainError):
    code = "wrong_carrier_at_pickup"
    template = ("Parcel {parcel} goes with {parcel_carrier}, not {carrier}: keep it for its own "
                "driver.")


class ParcelAlreadyHandedOver(DomainError):
    code = "parcel_already_handed_over"
    template = "Parcel {parcel} was handed to {carrier} already (pickup {pickup})."


class NoOpenPickup(DomainError):
    code = "no_open_pickup"
    template = "No {carrier} pickup is open: scan the driver's parcels out first."


class WarehouseNeeded(DomainError):
    code = "warehouse_needed"
    template = ("{carrier} pickups are open at several warehouses ({warehouses}): name the "
                "warehouse.")


class ParcelNotInPickup(DomainError):
    code = "parcel_not_in_pickup"
    template = "Parcel {parcel} is not on the open {carrier} pickup."


class ShippingExceptionNotFound(DomainError):
    code = "shipping_exception_not_found"
    template = "Shipping exception {id} was not found."
