"""One driver per fake platform, so every test runs the same sync engine on all four."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock
from tests.fakes.platforms.amazon import FakeAmazon
from tests.fakes.platforms.server import FakePlatform
from tests.fakes.platforms.shopify import FakeShopify
from tests.fakes.platforms.tiktok import FakeTikTok
from tests.fakes.platforms.walmart import FakeWalmart

PLATFORMS = ("shopify", "amazon", "walmart", "tiktok")


class Harness:
    """A started fake plus what a store on it needs, and how to read the platform back."""

    platform = ""
    fake: Any

    def __init__(self, clock: VirtualClock, faults: FaultPlan | None = None,
                 **options: Any) -> None:
        self.clock = clock
        self.fake = self._make(clock, faults, **options).start()

    def _make(self, clock: VirtualClock, faults: FaultPlan | None, **options: Any
              ) -> FakePlatform:
        raise NotImplementedError

    # -- store setup --------------------------------------------------------------------

    def values(self, page_size: int) -> dict[str, str]:
        """Settings and secrets together, as ``channels add --set`` receives them."""
        raise NotImplementedError

    # -- seeding ------------------------------------------------------------------------

    def order_id(self, n: int) -> str:
        return str(1000 + n)

    def seed(self, n: int, lines: dict[str, int], at: datetime, status: str = "open"
             ) -> str:
        ident = self.order_id(n)
        self.fake.add(SeedOrder(ident, f"#{ident}", at, at,
                                [SeedLine(sku, qty) for sku, qty in lines.items()],
                                status=status))
        return ident

    def cancel(self, ident: str, at: datetime) -> None:
        self.fake.cancel(ident, at)

    def touch(self, ident: str, at: datetime) -> None:
        raise NotImplementedError

    # -- reading the platform back ------------------------------------------------------

    def tracking(self, ident: str) -> list[str]:
        raise NotImplementedError

    def stock(self, sku: str) -> int | None:
        raise NotImplementedError

    def stop(self) -> None:
        self.fake.stop()


class ShopifyHarness(Harness):
    platform = "shopify"

    def _make(self, clock: VirtualClock, faults: FaultPlan | None, **options: Any
              ) -> FakeShopify:
        return FakeShopify(clock, faults, **options)

    def values(self, page_size: int) -> dict[str, str]:
        return {"page_size": str(page_size), "location_id": "7001",
                "access_token": "shpat_test"}

    def touch(self, ident: str, at: datetime) -> None:
        self.fake.touch(ident, at)

    def tracking(self, ident: str) -> list[str]:
        return [f["tracking_number"] for f in self.fake.fulfillments
                if str(f["order_id"]) == ident]

    def stock(self, sku: str) -> int | None:
        return self.fake.stock_of(sku)


class AmazonHarness(Harness):
    platform = "amazon"

    def _make(self, clock: VirtualClock, faults: FaultPlan | None, **options: Any
              ) -> FakeAmazon:
        options.setdefault("limits", {"get_orders": (1.0, 20), "get_order_items": (5.0, 30),
                                      "search_orders": (1.0, 20), "get_order": (5.0, 30)})
        return FakeAmazon(clock, faults, **options)

    def values(self, page_size: int) -> dict[str, str]:
        return {"page_size": str(page_size), "seller_id": "A1SELLER",
                "token_url": f"{self.fake.url}/auth/o2/token",
                "refresh_token": "Atzr|refresh", "client_id": "amzn-client",
                "client_secret": "amzn-secret"}

    def order_id(self, n: int) -> str:
        return f"111-{n:07d}-0000001"

    def cancel(self, ident: str, at: datetime) -> None:
        self.fake.set_status(ident, "Canceled", at)

    def touch(self, ident: str, at: datetime) -> None:
        self.fake.set_status(ident, self.fake.orders[ident]["OrderStatus"], at)

    def tracking(self, ident: str) -> list[str]:
        return [s["trackingNumber"] for s in self.fake.shipments if s["order_id"] == ident]

    def stock(self, sku: str) -> int | None:
        listing = self.fake.listings.get(sku)
        return None if listing is None else listing.get("quantity")


class WalmartHarness(Harness):
    platform = "walmart"

    def _make(self, clock: VirtualClock, faults: FaultPlan | None, **options: Any
              ) -> FakeWalmart:
        options.setdefault("limits", {"orders": (10.0, 20)})
        return FakeWalmart(clock, faults, **options)

    def values(self, page_size: int) -> dict[str, str]:
        return {"page_size": str(page_size), "client_id": "wm-client",
                "client_secret": "wm-secret"}

    def order_id(self, n: int) -> str:
        return f"PO{1000 + n}"

    def touch(self, ident: str, at: datetime) -> None:
        with self.fake.lock:
            for line in self.fake.orders[ident]["orderLines"]["orderLine"]:
                line["statusDate"] = int(at.timestamp() * 1000)

    def tracking(self, ident: str) -> list[str]:
        return [s["trackingNumber"] for s in self.fake.shipments if s["po"] == ident]

    def stock(self, sku: str) -> int | None:
        return self.fake.inventory.get(sku)


class TikTokHarness(Harness):
    platform = "tiktok"

    def _make(self, clock: VirtualClock, faults: FaultPlan | None, **options: Any
              ) -> FakeTikTok:
        return FakeTikTok(clock, faults, **options)

    def values(self, page_size: int) -> dict[str, str]:
        return {"app_key": "test_key", "page_size": str(page_size),
                "token_url": self.fake.url, "warehouse_id": "W1",
                "shipping_provider_id": "7117858858072016686",
                "app_secret": "test_secret", "access_token": "TTP_initial",
                "refresh_token": "TTP_refresh"}

    def order_id(self, n: int) -> str:
        return f"57{1000 + n}"

    def touch(self, ident: str, at: datetime) -> None:
        with self.fake.lock:
            self.fake.orders[ident]["update_time"] = int(at.timestamp())

    def tracking(self, ident: str) -> list[str]:
        return [p["tracking_number"] for p in self.fake.packages if p["order_id"] == ident]

    def stock(self, sku: str) -> int | None:
        return self.fake.inventory.get(sku)


HARNESSES: dict[str, type[Harness]] = {
    "shopify": ShopifyHarness, "amazon": AmazonHarness, "walmart": WalmartHarness,
    "tiktok": TikTokHarness,
}


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)
