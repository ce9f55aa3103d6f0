"""All tables. Import from here so every model is registered on ``Base.metadata``."""

from app.db.models.catalog import Sku, SkuBarcode
from app.db.models.channels import (
    Channel,
    ChannelCursor,
    ChannelOrder,
    ChannelPush,
    SkuMapping,
    SyncLease,
)
from app.db.models.imports import ImportPreset
from app.db.models.orders import Order, OrderLine, OrderStatusChange, Reservation
from app.db.models.org import AuditEntry, Bin, Client, SignInThrottle, User, Warehouse
from app.db.models.packing import Box, PackSession, Parcel, ParcelItem, RestockTask
from app.db.models.picking import PickCart, PickCartOrder, PickTask, Wave
from app.db.models.printing import OrderLabel, PrintJob
from app.db.models.stock import StockBalance, StockMove

__all__ = [
    "AuditEntry",
    "Bin",
    "Box",
    "Channel",
    "ChannelCursor",
    "ChannelOrder",
    "ChannelPush",
    "Client",
    "ImportPreset",
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
    "PrintJob",
    "Reservation",
    "RestockTask",
    "SignInThrottle",
    "Sku",
    "SkuBarcode",
    "SkuMapping",
    "StockBalance",
    "StockMove",
    "SyncLease",
    "User",
    "Warehouse",
    "Wave",
]
