"""A warehouse that buys its labels: the pack world, a fake EasyPost account, ACME's rules."""

from __future__ import annotations

from app.carriers.base import CarrierProvider
from app.carriers.providers import make_provider
from app.channels.http import ConnectorRuntime, HttpOptions
from app.db.engine import Database
from app.services.carrier_accounts import (
    CarrierAccountConfig,
    CarrierAccountDraft,
    add_carrier_account,
)
from app.services.label_quotes import ProviderPool
from app.services.shipping_rules import ShippingRulesDraft, set_shipping_rules
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.carriers.shippo import TEST_TOKEN as SHIPPO_TOKEN
from tests.fakes.platforms.clock import VirtualClock
from tests.services.packing_world import build_pack_world
from tests.world import ACTOR

#: Ordinary calls: generous timeouts (a loaded box must not fake a timeout on a buy).
FAST = HttpOptions(timeout=10.0, connect_timeout=5.0, max_attempts=4)
#: Timeout tests: the fake holds a "timeout" answer longer than this.
SHORT = HttpOptions(timeout=0.3, connect_timeout=5.0, max_attempts=2)


def build_label_world(db: Database, fake: FakeEasyPost, *, rules: bool = True) -> int:
    """The pack world plus an EasyPost account at ``fake`` (and ACME's shipping rules);
    returns the account's id."""
    build_pack_world(db)
    with db.writing() as s:
        account = add_carrier_account(s, CarrierAccountDraft(
            "easypost", "EasyPost main", "carrier-test", base_url=fake.url + "/v2"), actor=ACTOR)
        if rules:
            set_shipping_rules(s, "ACME", ShippingRulesDraft(), actor=ACTOR)
    return account.id


def fake_providers(clock: VirtualClock, http: HttpOptions = FAST,
                   key: str = TEST_KEY) -> ProviderPool:
    """Providers with the fake's key (as the secret store would give it), on the fake's
    clock (EasyPost's find looks back from "now" for purchases)."""

    def build(account: CarrierAccountConfig) -> CarrierProvider:
        return make_provider(account.provider, base_url=account.base_url, mode=account.mode,
                             settings=account.settings,
                             secrets=({"api_key": key} if account.provider == "easypost"
                                      else {"api_token": SHIPPO_TOKEN}
                                      if account.provider == "shippo" else {}),
                             account=account.name,
                             runtime=ConnectorRuntime(http=http, clock=clock))

    return ProviderPool(build)
