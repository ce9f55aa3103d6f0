"""Fake Shopify / Amazon / Walmart / TikTok Shop servers for connector tests."""

from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.model import SeedLine, SeedOrder, make_orders
from tests.fakes.platforms.server import FakeRequest, FakeResponse, FaultPlan

__all__ = [
    "FakeRequest",
    "FakeResponse",
    "FaultPlan",
    "SeedLine",
    "SeedOrder",
    "VirtualClock",
    "make_orders",
]
