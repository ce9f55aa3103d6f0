"""Opening databases: upgrade on open, backup first, refuse the future, clear errors."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.db.base import Base
from app.db.engine import create_database
from app.db.schema import head_revision, inspect_schema, open_database, upgrade
from app.domain.errors import DatabaseUnavailable, SchemaTooNew


def test_migrations_create_exactly_the_models(db) -> None:
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    assert inspect_schema(db).current == head_revision()


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_a_database_from_a_newer_version_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(SchemaTooNew, match="newer version"):
        open_database(db_url)


def test_an_old_sqlite_file_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}")
    with db.engine.begin() as conn:  # pretend the file predates the newest migration
        conn.execute(text("UPDATE alembic_version SET version_num = 'base_marker'"))
    db.dispose()
    # 'base_marker' is unknown, so it is refused rather than upgraded blindly
    with pytest.raises(SchemaTooNew):
        open_database(f"sqlite:///{path}")


def test_a_sqlite_file_with_data_is_backed_up_before_its_schema_changes(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as conn:  # a file someone already keeps data in
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    db = create_database(f"sqlite:///{path}")
    state = upgrade(db, backup_dir=tmp_path / "bk")
    db.dispose()
    assert state.up_to_date and state.backup is not None
    with sqlite3.connect(state.backup) as conn:
        assert conn.execute("SELECT body FROM notes").fetchone() == ("keep me",)
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'orders'").fetchone() == (0,)
    conn.close()


def test_a_new_file_needs_no_backup_and_a_current_one_is_left_alone(tmp_path: Path) -> None:
    db = create_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert upgrade(db, backup_dir=tmp_path / "bk").backup is None
    assert upgrade(db, backup_dir=tmp_path / "bk").backup is None
    db.dispose()
    assert not (tmp_path / "bk").exists()


def test_unreachable_or_bad_urls_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match=r"Connection refused|connect"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(DatabaseUnavailable, match="only sqlite"):
        open_database("mysql://x/y")
    with pytest.raises(DatabaseUnavailable):
        open_database("not a url")
    (tmp_path / "garbage.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnavailable):
        open_database(f"sqlite:///{tmp_path / 'garbage.sqlite3'}")


def test_the_quick_revision_reader_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from app.db.schema import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {r.revision for r in script.walk_revisions()}


def test_a_store_with_an_error_survives_the_upgrade_that_adds_error_details(
    tmp_path: Path,
) -> None:
    from app.db.schema import migrate
    from app.services.channels import list_channels
    from tests.world import build_world

    url = f"sqlite:///{tmp_path / 'v3.sqlite3'}"
    db = create_database(url)
    migrate(db, "0003")  # a PC still on the previous release
    db.dispose()
    db = open_database(url)  # today's build_world needs today's schema: downgrade after
    build_world(db)
    migrate(db, "0003")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO channels (platform, name, client_id, settings, secret_ref, enabled, "
            "interval_minutes, safety_buffer, stock_push_minutes, last_error, created_at) "
            "VALUES ('shopify', 'Old store', (SELECT id FROM clients WHERE code = 'ACME'), "
            "'{}', 'ref-1', 1, 15, 0, 60, 'Shopify is throttling store Old store', "
            "'2026-11-01 00:00:00')"))
    db.dispose()
    db = open_database(url)
    assert inspect_schema(db).current == head_revision()
    with db.reading() as s:
        (store,) = list_channels(s)
    db.dispose()
    assert store.name == "Old store" and store.last_error == "Shopify is throttling store Old store"
    assert store.error_template is None  # shown as stored (English) until the next sync


def test_skus_keep_their_codes_as_barcodes_across_the_master_data_upgrade(
    tmp_path: Path,
) -> None:
    """0005: every UPC/EAN/FNSKU becomes a barcode; a code two SKUs of one client shared
    stays with the first; new client, warehouse and SKU columns get their defaults."""
    from app.db.schema import migrate

    url = f"sqlite:///{tmp_path / 'v4.sqlite3'}"
    db = create_database(url)
    migrate(db, "0004")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO clients (id, code, name, active, created_at) "
                          "VALUES (1, 'ACME', 'Acme', 1, '2026-11-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO warehouses (id, code, name, region, time_zone, address1, city, state, "
            "zip, country) VALUES (1, 'LA1', 'LA', 'US-West', 'America/Los_Angeles', "
            "'1 Main St', 'Ontario', 'CA', '91761', 'US')"))
        for sku_id, code, upc, ean, fnsku in (
            (1, "MUG", "012345678905", "4006381333931", "X001ABCDEF"),
            (2, "CUP", "012345678905", None, " "),  # same UPC as MUG: MUG keeps it
        ):
            conn.execute(text(
                "INSERT INTO skus (id, client_id, code, name_en, upc, ean, fnsku, weight_g, "
                "length_mm, width_mm, height_mm, prepacked, active) VALUES "
                "(:id, 1, :code, :code, :upc, :ean, :fnsku, 0, 0, 0, 0, 0, 1)"),
                {"id": sku_id, "code": code, "upc": upc, "ean": ean, "fnsku": fnsku})
    db.dispose()
    db = open_database(url)
    with db.engine.connect() as conn:
        codes = conn.execute(text(
            "SELECT sku_id, code FROM sku_barcodes ORDER BY sku_id, code")).all()
        client = conn.execute(text(
            "SELECT currency, include_packing_slip, handling_days FROM clients")).one()
        warehouse = conn.execute(text(
            "SELECT cutoff_local, auto_allocate, active FROM warehouses")).one()
        sku = conn.execute(text("SELECT hazmat, lot_tracked FROM skus WHERE id = 1")).one()
    db.dispose()
    assert [tuple(r) for r in codes] == [
        (1, "012345678905"), (1, "4006381333931"), (1, "X001ABCDEF")]
    assert tuple(client) == ("USD", True, 1)
    assert tuple(warehouse) == ("14:00", True, True)
    assert tuple(sku) == (False, False)


def test_the_old_sku_code_columns_go_and_come_back_from_the_barcodes(tmp_path: Path) -> None:
    """0006 drops skus.upc/ean/fnsku (0005 copied them into sku_barcodes); going back to
    0005 fills each from the first barcode of its shape, and up again keeps the barcodes."""
    from app.db.schema import migrate

    url = f"sqlite:///{tmp_path / 'v5.sqlite3'}"
    db = create_database(url)
    migrate(db, "0005")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO clients (id, code, name, active, created_at) "
                          "VALUES (1, 'ACME', 'Acme', 1, '2026-11-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO skus (id, client_id, code, name_en, upc, weight_g, length_mm, "
            "width_mm, height_mm, prepacked, active) VALUES "
            "(1, 1, 'MUG', 'Mug', '012345678905', 0, 0, 0, 0, 0, 1), "
            "(2, 1, 'CUP', 'Cup', NULL, 0, 0, 0, 0, 0, 1)"))
        conn.execute(text(
            "INSERT INTO sku_barcodes (client_id, sku_id, code) VALUES "
            "(1, 1, '012345678905'), (1, 2, 'OWN-CUP-1'), (1, 2, '4006381333931'), "
            "(1, 2, 'X001ABCDEF'), (1, 2, '036000291452')"))
    migrate(db, "head")
    with db.engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(skus)")}
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(skus)")}
    assert not columns & {"upc", "ean", "fnsku"}
    assert not indexes & {"ix_skus_upc", "ix_skus_ean", "ix_skus_fnsku"}
    migrate(db, "0005")
    with db.engine.connect() as conn:
        old = conn.execute(text("SELECT id, upc, ean, fnsku FROM skus ORDER BY id")).all()
        indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list(skus)")}
    assert [tuple(r) for r in old] == [
        (1, "012345678905", None, None),
        (2, "036000291452", "4006381333931", "X001ABCDEF"),  # OWN-CUP-1 fits none
    ]
    assert {"ix_skus_upc", "ix_skus_ean", "ix_skus_fnsku"} <= indexes
    migrate(db, "head")
    with db.engine.connect() as conn:
        kept = conn.execute(text("SELECT count(*) FROM sku_barcodes")).scalar()
        current = inspect_schema(db).current
    db.dispose()
    assert kept == 5 and current == head_revision()
