"""Typed ids, so a bin id can never be passed where an order id is expected."""

from typing import NewType

ClientId = NewType("ClientId", int)
WarehouseId = NewType("WarehouseId", int)
BinId = NewType("BinId", int)
SkuId = NewType("SkuId", int)
OrderId = NewType("OrderId", int)
OrderLineId = NewType("OrderLineId", int)
UserId = NewType("UserId", int)
