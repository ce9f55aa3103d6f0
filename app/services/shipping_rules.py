"""Per-client rate-shopping rules (``shipping_rules``): read them, set them.

A client without a row has no rules: the defaults of
:class:`app.domain.rate_shopping.ShippingRuleSet` apply (cheapest that arrives on
time, any carrier). Having a row is also what tells the pack station that the
warehouse buys this client's labels (see :mod:`app.services.label_quotes`), so setting
rules is how a client opts in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Client
from app.db.models.shipping import ShippingRules
from app.domain.permissions import Actor, Permission, require
from app.domain.rate_shopping import ShippingRuleSet, Strategy
from app.services.audit import record_audit
from app.services.label_errors import BadShippingRule
from app.services.lookup import client_by_code


@dataclass(frozen=True)
class ShippingRulesInfo:
    client_code: str
    #: False: the client has no rules row (the defaults shown; the warehouse does not buy
    #: its labels at packing).
    configured: bool
    strategy: str
    max_cost: Decimal | None
    insure_above: Decimal | None
    allowed: tuple[str, ...]
    overrides: dict[str, str]
    updated_by: str | None
    updated_at: datetime | None

    def rule_set(self) -> ShippingRuleSet:
        return ShippingRuleSet(Strategy(self.strategy), self.max_cost, self.insure_above,
                               self.allowed, dict(self.overrides))


@dataclass(frozen=True)
class ShippingRulesDraft:
    """A client's whole rule set as it is to be kept (a screen or the CLI starts from
    :func:`get_shipping_rules` and changes what the user changed)."""

    strategy: str = Strategy.CHEAPEST_ON_TIME.value
    max_cost: Decimal | str | None = None
    insure_above: Decimal | str | None = None
    allowed: tuple[str, ...] = ()
    overrides: dict[str, str] = field(default_factory=dict)


def get_shipping_rules(session: Session, client_code: str) -> ShippingRulesInfo:
    client = client_by_code(session, client_code)
    return _info(client, session.get(ShippingRules, client.id))


def rules_for_client(session: Session, client_id: int) -> ShippingRulesInfo | None:
    """The client's rules, or None when it has none (its labels are not bought here)."""
    client = session.get(Client, client_id)
    row = session.get(ShippingRules, client_id)
    if client is None or row is None:
        return None
    return _info(client, row)


def set_shipping_rules(session: Session, client_code: str, draft: ShippingRulesDraft, *,
                       actor: Actor) -> ShippingRulesInfo:
    """Create or replace a client's rules; every value is checked before anything is kept."""
    require(actor, Permission.MANAGE_CARRIERS)
    client = client_by_code(session, client_code)
    strategy = _strategy(draft.strategy)
    max_cost = _money("max cost", draft.max_cost)
    insure_above = _money("insure above", draft.insure_above)
    allowed = [_code("allowed", c) for c in draft.allowed if c.strip()]
    overrides = {_level(k): _code(f"override {k}", v, service=True)
                 for k, v in draft.overrides.items()}
    if strategy == Strategy.FASTEST_UNDER.value and max_cost is None:
        raise BadShippingRule(rule="fastest_under", problem="needs a max cost")
    row = session.get(ShippingRules, client.id)
    before = _plain(_info(client, row)) if row is not None else None
    if row is None:
        row = ShippingRules(client_id=client.id)
        session.add(row)
    row.strategy, row.max_cost, row.insure_above = strategy, max_cost, insure_above
    row.allowed_services = json.dumps(allowed)
    row.service_overrides = json.dumps(overrides, sort_keys=True)
    row.updated_by = actor.name[:64]
    row.updated_at = utcnow()
    session.flush()
    after = _info(client, row)
    record_audit(session, actor, "shipping_rules", "client", client.id, before=before,
                 after=_plain(after))
    return after


# --- internals -------------------------------------------------------------------------------


def _strategy(value: str) -> str:
    try:
        return Strategy(value.strip().lower()).value
    except ValueError:
        raise BadShippingRule(rule="strategy", problem=f"{value!r} is not one of "
                              f"{', '.join(s.value for s in Strategy)}") from None


def _money(name: str, value: Decimal | str | None) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).strip().lstrip("$"))
    except InvalidOperation:
        raise BadShippingRule(rule=name, problem=f"{value!r} is not an amount") from None
    if not amount.is_finite() or amount < 0:
        raise BadShippingRule(rule=name, problem=f"{value!r} is not an amount")
    return amount.quantize(Decimal("0.01"))


def _code(rule: str, value: str, *, service: bool = False) -> str:
    """``CARRIER`` or ``CARRIER/SERVICE``, trimmed; an override must name the service."""
    carrier, slash, svc = value.strip().partition("/")
    carrier, svc = carrier.strip(), svc.strip()
    if not carrier or (slash and not svc) or (service and not svc):
        raise BadShippingRule(rule=rule, problem=f"{value!r} is not CARRIER/SERVICE"
                              if service else f"{value!r} is not CARRIER or CARRIER/SERVICE")
    return f"{carrier}/{svc}" if svc else carrier


def _level(value: str) -> str:
    level = " ".join(value.split())
    if not level:
        raise BadShippingRule(rule="override", problem="the service level is empty")
    return level


def _info(client: Client, row: ShippingRules | None) -> ShippingRulesInfo:
    if row is None:
        d = ShippingRuleSet()
        return ShippingRulesInfo(client.code, False, d.strategy.value, d.max_cost,
                                 d.insure_above, d.allowed, dict(d.overrides), None, None)
    allowed = json.loads(row.allowed_services or "[]")
    overrides = json.loads(row.service_overrides or "{}")
    return ShippingRulesInfo(
        client.code, True, row.strategy, row.max_cost, row.insure_above,
        tuple(str(a) for a in allowed), {str(k): str(v) for k, v in overrides.items()},
        row.updated_by, row.updated_at)


def _plain(info: ShippingRulesInfo) -> dict[str, Any]:
    return {"strategy": info.strategy, "max_cost": info.max_cost,
            "insure_above": info.insure_above, "allowed": list(info.allowed),
            "overrides": info.overrides}
