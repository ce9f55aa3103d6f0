"""All tables. Import from here so every model is registered on ``Base.metadata``."""

from app.db.models.billing import (
    BillingRun,
    Charge,
    Invoice,
    InvoiceCredit,
    RateCard,
    RateCardItem,
    ZoneChart,
    ZoneChartRow,
)
from app.db.models.catalog import Sku, SkuBarcode
from app.db.models.channels import (
    Channel,
    ChannelCursor,
    ChannelOrder,
    ChannelPush,
    SkuMapping,
    SyncLease,
)
from app.db.models.control import CycleCount, CycleCountLine, ReplenishLimit, ReplenishTask
from app.db.models.imports import ImportPreset
from app.db.models.inbound import (
    InboundCarton,
    InboundLine,
    InboundReceipt,
    InboundShipment,
    PutawayTask,
    ReturnAuthorization,
    ReturnReceipt,
    StockLot,
)
from app.db.models.orders import Order, OrderLine, OrderStatusChange, Reservation
from app.db.models.org import AuditEntry, Bin, Client, SignInThrottle, User, Warehouse
from app.db.models.packing import Box, PackSession, Parcel, ParcelItem, RestockTask
from app.db.models.picking import PickCart, PickCartOrder, PickTask, Wave
from app.db.models.printing import OrderLabel, PrintJob
from app.db.models.shipping import (
    CarrierAccount,
    LabelPurchase,
    Pickup,
    PickupParcel,
    ShippingException,
    ShippingRules,
    TrackingEvent,
)
from app.db.models.stock import StockBalance, StockMove

__all__ = [
    "AuditEntry",
    "BillingRun",
    "Bin",
    "Box",
    "CarrierAccount",
    "Channel",
    "ChannelCursor",
    "ChannelOrder",
    "ChannelPush",
    "Charge",
    "Client",
    "CycleCount",
    "CycleCountLine",
    "ImportPreset",
    "InboundCarton",
    "InboundLine",
    "InboundReceipt",
    "InboundShipment",
    "Invoice",
    "InvoiceCredit",
    "LabelPurchase",
    "Order",
    "OrderLabel",
    "OrderLine",
    "OrderStatusChange",
    "PackSession",
    "Parcel",
    "ParcelItem",
    "PickCart",
    "PickCartOrder",
    "PickTask",
    "Pickup",
    "PickupParcel",
    "PrintJob",
    "PutawayTask",
    "RateCard",
    "RateCardItem",
    "ReplenishLimit",
    "ReplenishTask",
    "Reservation",
    "RestockTask",
    "ReturnAuthorization",
    "ReturnReceipt",
    "ShippingException",
    "ShippingRules",
    "SignInThrottle",
    "Sku",
    "SkuBarcode",
    "SkuMapping",
    "StockBalance",
    "StockLot",
    "StockMove",
    "SyncLease",
    "TrackingEvent",
    "User",
    "Warehouse",
    "Wave",
    "ZoneChart",
    "ZoneChartRow",
]
