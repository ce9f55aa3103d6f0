"""SKUs by hand: every rule a clerk can trip over gives a clear refusal and changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import AuditEntry
from app.domain.errors import AlreadyExists, InvalidValue, NotFound, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.lookup import sku_by_code
from app.services.skus import (
    BarcodeTaken,
    SkuDraft,
    SkuEdit,
    create_sku,
    disable_sku,
    edit_sku,
    enable_sku,
    get_sku,
    list_skus,
    set_sku_barcodes,
    split_barcodes,
)
from tests.world import ACTOR, build_world

CLERK = Actor("clerk", Role.CLERK)


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


def _create(db: Database, draft: SkuDraft, client: str = "ACME", actor: Actor = ACTOR):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return create_sku(s, client, draft, actor=actor)


def _codes(db: Database, client: str = "ACME") -> list[str]:
    with db.reading() as s:
        return [k.code for k in list_skus(s, client)]


def test_a_sku_keeps_every_field_and_is_found_by_any_barcode(world: Database) -> None:
    info = _create(world, SkuDraft(
        " LAMP ", " Desk lamp ", "台灯", ("036000291452", "X00LAMP001"), 1250, 300, 200, 450,
        prepacked=True, lot_tracked=True, hazmat=True, declared_value=Decimal("12.5"),
        hs_code="9405.20.60"))
    assert (info.code, info.name_en, info.currency) == ("LAMP", "Desk lamp", "USD")
    assert info.declared_value == Decimal("12.50") and info.active
    with world.reading() as s:
        assert get_sku(s, "ACME", "X00LAMP001") == info
        assert sku_by_code(s, info_client_id(s), "036000291452").code == "LAMP"


def info_client_id(s: Session) -> int:
    from app.services.lookup import client_by_code

    return client_by_code(s, "ACME").id


@pytest.mark.parametrize(("draft", "message"), [
    (SkuDraft("", "No code"), "SKU: must be 1 to 64 characters"),
    (SkuDraft("X" * 65, "Long"), "SKU: must be 1 to 64 characters"),
    (SkuDraft("NONAME", "  "), "name: must not be empty"),
    (SkuDraft("NEG", "Negative", weight_g=-1), "weight: must not be negative"),
    (SkuDraft("NEG", "Negative", height_mm=-5), "height: must not be negative"),
    (SkuDraft("VAL", "Value", declared_value=Decimal("-0.01")),
     "declared value: must not be negative"),
    (SkuDraft("VAL", "Value", declared_value=Decimal("1.005")),
     "declared value: must have at most 2 decimals"),
    (SkuDraft("HS", "HS", hs_code="12345"), "HS code: must be 6 to 10 digits (dots allowed)"),
    (SkuDraft("HS", "HS", hs_code="1234567890123"),
     "HS code: must be 6 to 10 digits (dots allowed)"),
    (SkuDraft("HS", "HS", hs_code="6912-00"), "HS code: must be 6 to 10 digits (dots allowed)"),
    (SkuDraft("BC", "Barcode", barcodes=("has space",)),
     "barcode: must be 1 to 64 characters without spaces"),
])
def test_bad_values_are_refused_clearly(world: Database, draft: SkuDraft, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        _create(world, draft)
    assert caught.value.message == message
    assert _codes(world) == ["CUP", "MUG"]


def test_a_duplicate_code_or_barcode_is_refused_naming_the_other_sku(world: Database) -> None:
    with pytest.raises(AlreadyExists, match="SKU ACME/MUG already exists"):
        _create(world, SkuDraft("MUG", "Another mug"))
    with pytest.raises(BarcodeTaken) as caught:
        _create(world, SkuDraft("BOWL", "Bowl", barcodes=("BOWL-1", "012345678905")))
    assert caught.value.message == "Barcode 012345678905 already belongs to SKU MUG."
    assert _codes(world) == ["CUP", "MUG"]
    with world.writing() as s:  # ...but for the SKU that has it, it is no change
        set_sku_barcodes(s, "ACME", "MUG", ["012345678905", "MUG-OWN"], actor=ACTOR)
    with pytest.raises(BarcodeTaken, match="belongs to SKU MUG"), world.writing() as s:
        edit_sku(s, "ACME", "CUP", SkuEdit(barcodes=("MUG-OWN",)), actor=ACTOR)
    # another client may print the same code on its own product
    bowl = _create(world, SkuDraft("BOWL", "Bowl", barcodes=("012345678905",)), "BETA")
    assert bowl.barcodes == ("012345678905",)


def test_editing_changes_only_what_is_given_and_leaves_an_audit_entry(world: Database) -> None:
    with world.writing() as s:
        info = edit_sku(s, "ACME", "MUG", SkuEdit(weight_g=360, hazmat=True,
                                                  barcodes=("NEW-1", "NEW-2"),
                                                  declared_value="3.20"), actor=ACTOR)
    assert (info.name_en, info.name_zh, info.weight_g, info.hazmat) == (
        "Mug", "马克杯", 360, True)
    assert info.barcodes == ("NEW-1", "NEW-2") and info.declared_value == Decimal("3.20")
    with world.reading() as s:
        with pytest.raises(NotFound):
            get_sku(s, "ACME", "012345678905")  # the old UPC is gone
        entity, detail = s.execute(select(AuditEntry.entity, AuditEntry.detail)
                                   .where(AuditEntry.action == "edit")).one()
    assert entity == "sku" and "weight_g" in (detail or "")
    with world.writing() as s:
        cleared = edit_sku(s, "ACME", "MUG", SkuEdit(name_zh="", declared_value=""),
                           actor=ACTOR)
    assert cleared.name_zh is None and cleared.declared_value is None
    with pytest.raises(InvalidValue, match="weight: must not be negative"), \
            world.writing() as s:
        edit_sku(s, "ACME", "MUG", SkuEdit(weight_g=-1), actor=ACTOR)
    with world.reading() as s:
        assert get_sku(s, "ACME", "MUG").weight_g == 360


def test_disabled_skus_are_listed_apart_and_can_be_enabled_again(world: Database) -> None:
    with world.writing() as s:
        assert disable_sku(s, "ACME", "CUP", actor=ACTOR).active is False
    with world.reading() as s:
        assert [k.code for k in list_skus(s, "ACME", include_inactive=False)] == ["MUG"]
    with world.writing() as s:
        assert enable_sku(s, "ACME", "CUP", actor=ACTOR).active is True


def test_search_finds_by_code_name_chinese_name_or_whole_barcode(world: Database) -> None:
    with world.reading() as s:
        def found(text: str) -> list[str]:
            return [f"{k.client_code}/{k.code}" for k in list_skus(s, search=text)]

        assert found("mu") == ["ACME/MUG", "BETA/MUG"]
        assert found("beta M") == ["BETA/MUG"]
        assert found("杯") == ["ACME/CUP", "ACME/MUG"]
        assert found("012345678905") == ["ACME/MUG"]
        assert found("0123456") == []  # a barcode is matched whole, as a scanner sends it
        assert found("100%") == []


def test_only_roles_that_manage_master_data_may_change_skus(world: Database) -> None:
    for change in (
        lambda s: create_sku(s, "ACME", SkuDraft("NEW", "New"), actor=CLERK),
        lambda s: edit_sku(s, "ACME", "MUG", SkuEdit(weight_g=1), actor=CLERK),
        lambda s: disable_sku(s, "ACME", "MUG", actor=CLERK),
        lambda s: set_sku_barcodes(s, "ACME", "MUG", ["X"], actor=CLERK),
    ):
        with pytest.raises(PermissionDenied), world.writing() as s:
            change(s)
    assert _codes(world) == ["CUP", "MUG"]


def test_barcodes_split_on_semicolons_full_width_ones_and_lines() -> None:
    assert split_barcodes("A; B；C\nA ;;") == ("A", "B", "C")
    assert split_barcodes(["A;B", "C", " "]) == ("A", "B", "C")
