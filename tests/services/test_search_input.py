"""Search terms with characters nobody types (a NUL, a control code, a lone surrogate):
dropped before SQL, and a term of nothing else finds nothing — on SQLite (where a NUL
cut the LIKE pattern short and matched every order) and PostgreSQL (where it raised)."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.domain.search import search_term
from app.services.inventory import stock_by_bin, stock_by_sku
from app.services.orders import (
    OrderQuery,
    count_orders_by_status,
    find_orders_by_number,
    list_orders,
)
from app.services.skus import list_skus
from tests.world import build_world, place_order, receive

UNTYPEABLE = ["\x00", "\x00\x00", "\x07", "\u200b", "\ud800", " \x00 ", "\x1b[2J"]


@pytest.fixture
def shop(db: Database) -> Database:
    build_world(db)
    receive(db, "MUG", 10)
    place_order(db, "SO-1", {"MUG": 1})
    place_order(db, "SO-2", {"CUP": 1})
    return db


def test_search_term_keeps_what_can_be_typed() -> None:
    assert search_term(None) is None and search_term("  ") is None and search_term("\t") is None
    assert search_term("\x00") == "" and search_term("\u200b\u202e") == ""
    assert search_term(" SO-1\x00\r") == "SO-1" and search_term("王五") == "王五"


@pytest.mark.parametrize("term", UNTYPEABLE)
def test_an_untypeable_order_search_finds_nothing(shop: Database, term: str) -> None:
    query = OrderQuery(search=term)
    with shop.reading() as s:
        assert list_orders(s, query) == []
        assert find_orders_by_number(s, query) == []
        assert count_orders_by_status(s, query) == {}
        assert len(list_orders(s, OrderQuery())) == 2  # no search at all: every order


def test_untypeable_characters_around_a_scan_are_dropped(shop: Database) -> None:
    with shop.reading() as s:
        for term in ("SO-1\x00", "\u200bSO-1\r\n", "\x02SO-1\x03"):
            query = OrderQuery(search=term)
            assert [r.number for r in find_orders_by_number(s, query)] == ["SO-1"]
            assert [r.number for r in list_orders(s, query)] == ["SO-1"]
            assert sum(count_orders_by_status(s, query).values()) == 1
        assert [r.number for r in list_orders(s, OrderQuery(search="MU\x00G"))] == ["SO-1"]


@pytest.mark.parametrize("term", UNTYPEABLE)
def test_an_untypeable_sku_or_stock_search_finds_nothing(shop: Database, term: str) -> None:
    with shop.reading() as s:
        assert list_skus(s, search=term) == []
        assert stock_by_sku(s, sku_code=term) == []
        assert stock_by_bin(s, sku_code=term) == []
        assert stock_by_bin(s, bin_code=term) == []
        assert len(list_skus(s, search="")) == 3


def test_sku_and_stock_searches_drop_untypeable_characters(shop: Database) -> None:
    with shop.reading() as s:
        assert {k.code for k in list_skus(s, search="mu\x00g")} == {"MUG"}
        assert [r.sku_code for r in stock_by_sku(s, sku_code="MUG\x00")] == ["MUG"]
        assert [r.bin_code for r in stock_by_bin(s, bin_code="a-01-01-01\x00")] == ["A-01-01-01"]
