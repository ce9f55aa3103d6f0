"""All tables. Import from here so every model is registered on ``Base.metadata``."""

from app.db.models.catalog import Sku
from app.db.models.orders import Order, OrderLine, OrderStatusChange, Reservation
from app.db.models.org import AuditEntry, Bin, Client, User, Warehouse
from app.db.models.printing import OrderLabel, PrintJob
from app.db.models.stock import StockBalance, StockMove

__all__ = [
    "AuditEntry",
    "Bin",
    "Client",
    "Order",
    "OrderLabel",
    "OrderLine",
    "OrderStatusChange",
    "PrintJob",
    "Reservation",
    "Sku",
    "StockBalance",
    "StockMove",
    "User",
    "Warehouse",
]
