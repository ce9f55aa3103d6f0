"""The audit trail names who changed a store, its SKU mappings and a station's settings,
and every reservation names who made it (issue #13)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import AuditEntry, Reservation
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.allocation import allocate_order
from app.services.audit import record_settings_change
from app.services.batch_allocation import allocate_orders
from app.services.channels import (
    ChannelDraft,
    ChannelEdit,
    add_channel,
    new_secret_ref,
    set_channel_enabled,
    update_channel,
)
from app.services.sku_mappings import delete_sku_mapping, map_sku
from app.settings import StationSettings, changed_settings
from tests.world import build_world, place_order, receive

CLERK = Actor("carol", Role.CLERK, 7)
ADMIN = Actor("ann", Role.ADMIN, 1)


def _trail(db: Database, entity: str) -> list[tuple[str, str, int | None, dict[str, Any]]]:
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.entity_id,
                                AuditEntry.detail)
                         .where(AuditEntry.entity == entity).order_by(AuditEntry.id)).all()
    return [(a, act, eid, json.loads(d or "{}")) for a, act, eid, d in rows]


def test_adding_and_changing_a_store_is_in_the_trail(db: Database) -> None:
    build_world(db)
    with db.writing() as s:
        channel = add_channel(s, ChannelDraft("shopify", "Acme", "ACME", new_secret_ref(),
                                              settings={"shop": "acme"}), actor=CLERK).id
    with db.writing() as s:
        update_channel(s, channel, ChannelEdit(name="Acme US", settings={"shop": "acme-us"},
                                               safety_buffer=0), actor=ADMIN)
        update_channel(s, channel, ChannelEdit(name="Acme US"), actor=ADMIN)  # no change
        set_channel_enabled(s, channel, False, actor=CLERK)
    trail = _trail(db, "channel")
    assert [(a, act, eid) for a, act, eid, _ in trail] == [
        ("carol", "create", channel), ("ann", "edit", channel), ("carol", "edit", channel)]
    created, edited, disabled = (t[3] for t in trail)
    assert created["name"] == "Acme" and created["platform"] == "shopify"
    assert created["client"] == "ACME" and created["settings"] == {"shop": "acme"}
    assert edited == {"name": "Acme US", "settings": {"shop": "acme-us"}}
    assert disabled == {"enabled": False}


def test_mapping_and_unmapping_a_sku_is_in_the_trail(db: Database) -> None:
    build_world(db)
    with db.writing() as s:
        channel = add_channel(s, ChannelDraft("shopify", "Acme", "ACME", new_secret_ref()),
                              actor=CLERK).id
        mapping = map_sku(s, channel, " SELLER-MUG ", "MUG", actor=CLERK).mapping.id
    with db.writing() as s:
        delete_sku_mapping(s, mapping, actor=ADMIN)
    detail = {"channel": "Acme", "platform_sku": "SELLER-MUG", "sku": "MUG"}
    assert _trail(db, "sku_mapping") == [("carol", "map_sku", mapping, detail),
                                         ("ann", "unmap_sku", mapping, detail)]


def test_a_settings_change_keeps_the_names_never_the_values(db: Database) -> None:
    old = StationSettings(station_name="PACK-1", database_url="sqlite:///a.db",
                          printers={"label": {"uri": "tcp://10.0.0.5"}})
    new = StationSettings(station_name="PACK-1",
                          database_url="postgresql://haicang:S3cret-pw@db/haicang",
                          printers={"label": {"uri": "tcp://10.0.0.6"}, "document": {"x": 1}},
                          scale={"port": "/dev/ttyUSB0"})
    changed = changed_settings(old, new)
    assert changed == ["database_url", "printers.document", "printers.label", "scale.port"]
    assert changed_settings(old, old) == []
    with db.writing() as s:
        record_settings_change(s, ADMIN, changed, station="PACK-1")
        record_settings_change(s, ADMIN, [], station="PACK-1")  # nothing changed: no entry
    trail = _trail(db, "station")
    assert trail == [("ann", "change_settings", None,
                      {"station": "PACK-1", "changed": sorted(changed)})]
    assert "S3cret" not in json.dumps(trail) and "10.0.0" not in json.dumps(trail)


def _reservations(db: Database) -> dict[int, set[str | None]]:
    with db.reading() as s:
        rows = s.execute(select(Reservation.order_id, Reservation.actor,
                                Reservation.created_at)).all()
    assert all(at is not None for _o, _a, at in rows)
    found: dict[int, set[str | None]] = {}
    for order_id, actor, _at in rows:
        found.setdefault(order_id, set()).add(actor)
    return found


def test_reservations_name_who_made_them(db: Database) -> None:
    build_world(db)
    receive(db, "MUG", 50)
    receive(db, "CUP", 50, bin_code="A-01-01-02")
    one = place_order(db, "SO-1", {"MUG": 1, "CUP": 1})
    batch = [place_order(db, f"SO-{n}", {"MUG": 2}) for n in range(2, 6)]
    with db.writing() as s:
        allocate_order(s, one, actor=CLERK)
    with db.writing() as s:
        allocate_orders(s, batch, actor=Actor.system("auto"), automatic=True)
    found = _reservations(db)
    assert found[one] == {"carol"}
    assert {o: found[o] for o in batch} == {o: {"auto"} for o in batch}


def test_0007_keeps_every_reservation_down_and_up(db: Database) -> None:
    from sqlalchemy import inspect

    from app.db.schema import head_revision, inspect_schema, migrate

    build_world(db)
    receive(db, "MUG", 5)
    order = place_order(db, "SO-1", {"MUG": 2})
    with db.writing() as s:
        allocate_order(s, order, actor=CLERK)
    migrate(db, "0006")
    assert "actor" not in {c["name"] for c in inspect(db.engine).get_columns("reservations")}
    assert "sign_in_throttles" not in inspect(db.engine).get_table_names()
    migrate(db, "head")
    assert inspect_schema(db).current == head_revision()
    assert _reservations(db) == {order: {None}}  # made before 0007: nobody recorded
