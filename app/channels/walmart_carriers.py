"""Carrier names as Walmart accepts them in a shipping update.

``trackingInfo.carrierName.carrier`` is an enum; a name outside it must go as
``otherCarrier`` together with a ``trackingURL`` (Walmart Marketplace Orders API,
``CarrierNameType`` in ``resources/schemas/models/us/mp/orders.json`` of
highsidelabs/walmart-api-php, which mirrors Walmart's published OpenAPI model).
Our carrier names come from people and label files ("FEDEX", "FedEx Ground",
"United States Postal Service"), so they are matched without case and through a
few well-known aliases before falling back to ``otherCarrier``.
"""

from __future__ import annotations

#: Walmart's enum, in the model's order.
WALMART_CARRIERS: tuple[str, ...] = (
    "UPS", "USPS", "FedEx", "Airborne", "OnTrac", "DHL Ecommerce - US", "DHL", "LS", "UDS",
    "UPSMI", "FDX", "PILOT", "ESTES", "SAIA", "FDS Express", "Seko Worldwide", "HIT Delivery",
    "FEDEXSP", "RL Carriers", "Metropolitan Warehouse & Delivery", "China Post", "YunExpress",
    "Yellow Freight Sys", "AIT Worldwide Logistics", "Chukou1", "Sendle", "Landmark Global",
    "Sunyou", "Yanwen", "4PX", "GLS", "OSM Worldwide", "FIRST MILE", "AM Trucking", "CEVA",
    "India Post", "SF Express", "CNE", "TForce Freight", "AxleHire", "LSO", "Royal Mail",
    "ABF Freight System", "WanB", "Roadrunner Freight", "Meyer Distribution", "AAA Cooper",
    "Canada Post", "Southeastern Freight Lines", "Japan Post", "Correos de Mexico",
    "XPO Logistics", "JD Logistics", "YDH", "JCEX", "Flyt", "Deutsche Post",
)

#: Other spellings of carriers in the enum (the model's own descriptions name some:
#: LS = LaserShip, UDS = United Delivery Service, UPSMI = UPS Mail Innovations,
#: FEDEXSP = FedEx SmartPost).
_ALIASES: dict[str, str] = {
    "united parcel service": "UPS",
    "ups ground": "UPS",
    "united states postal service": "USPS",
    "us postal service": "USPS",
    "federal express": "FedEx",
    "fedex ground": "FedEx",
    "fedex home delivery": "FedEx",
    "fedex express": "FedEx",
    "fedex smartpost": "FEDEXSP",
    "fedex ground economy": "FEDEXSP",
    "ups mail innovations": "UPSMI",
    "lasership": "LS",
    "united delivery service": "UDS",
    "dhl ecommerce": "DHL Ecommerce - US",
    "dhl ecommerce us": "DHL Ecommerce - US",
    "dhl express": "DHL",
    "lone star overnight": "LSO",
    "yun express": "YunExpress",
    "4px express": "4PX",
    "tforce": "TForce Freight",
}

_BY_FOLDED = {name.casefold(): name for name in WALMART_CARRIERS}
_BY_FOLDED.update({alias: name for alias, name in _ALIASES.items()})


def walmart_carrier(name: str) -> str | None:
    """The enum value Walmart expects for ``name``, or None when it is not in the list."""
    folded = " ".join(name.replace("-", " ").split()).casefold()
    return _BY_FOLDED.get(name.strip().casefold()) or _BY_FOLDED.get(folded)
