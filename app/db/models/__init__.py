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
from app.db.models.orders import Order, OrderLine, OrderStatusChange, Reservation
from app.db.models.org import AuditEntry, Bin, Client, SignInThrottle, User, Warehouse
from app.db.models.printing import OrderLabel, PrintJob
from app.db.models.stock import StockBalance, StockMove

__all__ = [
    "AuditEntry",
    "Bin",
    "Channel",
    "ChannelCursor",
    "ChannelOrder",
    "ChannelPush",
    "Client",
    "Order",
    "OrderLabel",
    "OrderLine",
    "OrderStatusChange",
    "PrintJob",
    "Reservation",
    "SignInThrottle",
    "Sku",
    "SkuBarcode",
    "SkuMapping",
    "StockBalance",
    "StockMove",
    "SyncLease",
    "User",
    "Warehouse",
]
