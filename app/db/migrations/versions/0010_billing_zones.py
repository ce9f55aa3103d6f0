"""3PL billing and placement: rate cards and their tiered items, daily storage
snapshots by lot, accrued charges (unique accrual key: a rerun charges nothing
twice), monthly invoices with credits for corrections, imported zone charts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('zone_charts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_zone_charts_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zone_charts'))
    )
    with op.batch_alter_table('zone_charts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_zone_charts_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('invoices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('minimum_topup', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('credits', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_invoices_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('client_id', 'month', name=op.f('uq_invoices_client_id_month')),
    sa.UniqueConstraint('number', name=op.f('uq_invoices_number'))
    )
    op.create_table('rate_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('storage_unit', sa.String(length=8), nullable=False),
    sa.Column('dim_divisor', sa.Integer(), nullable=False),
    sa.Column('monthly_minimum', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_rate_cards_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_cards')),
    sa.UniqueConstraint('client_id', name=op.f('uq_rate_cards_client_id')),
    sa.UniqueConstraint('name', name=op.f('uq_rate_cards_name'))
    )
    op.create_table('zone_chart_rows',
    sa.Column('chart_id', sa.Integer(), nullable=False),
    sa.Column('dest_zip3', sa.String(length=3), nullable=False),
    sa.Column('zone', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chart_id'], ['zone_charts.id'], name=op.f('fk_zone_chart_rows_chart_id_zone_charts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('chart_id', 'dest_zip3', name=op.f('pk_zone_chart_rows'))
    )
    op.create_table('charges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accrual_key', sa.String(length=120), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('charge_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=14, scale=4), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=4), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('source_type', sa.String(length=16), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('source_ref', sa.String(length=100), nullable=True),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_charges_client_id_clients')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_charges_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_charges')),
    sa.UniqueConstraint('accrual_key', name=op.f('uq_charges_accrual_key'))
    )
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_charges_client_id_charge_date'), ['client_id', 'charge_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_charges_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('invoice_credits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('corrects_invoice_id', sa.Integer(), nullable=False),
    sa.Column('applied_invoice_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['applied_invoice_id'], ['invoices.id'], name=op.f('fk_invoice_credits_applied_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_invoice_credits_client_id_clients')),
    sa.ForeignKeyConstraint(['corrects_invoice_id'], ['invoices.id'], name=op.f('fk_invoice_credits_corrects_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_credits'))
    )
    with op.batch_alter_table('invoice_credits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_credits_client_id'), ['client_id'], unique=False)

    op.create_table('rate_card_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rate_card_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('tier_from', sa.Integer(), nullable=False),
    sa.Column('tier_to', sa.Integer(), nullable=True),
    sa.Column('price', sa.Numeric(precision=12, scale=4), nullable=False),
    sa.Column('minimum', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('label', sa.String(length=100), nullable=True),
    sa.CheckConstraint('price >= 0', name=op.f('ck_rate_card_items_price_not_negative')),
    sa.CheckConstraint('tier_to IS NULL OR tier_to > tier_from', name=op.f('ck_rate_card_items_tier_ordered')),
    sa.ForeignKeyConstraint(['rate_card_id'], ['rate_cards.id'], name=op.f('fk_rate_card_items_rate_card_id_rate_cards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_card_items')),
    sa.UniqueConstraint('rate_card_id', 'kind', 'tier_from', name=op.f('uq_rate_card_items_rate_card_id_kind_tier_from'))
    )
    with op.batch_alter_table('rate_card_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_card_items_rate_card_id'), ['rate_card_id'], unique=False)

    op.create_table('storage_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('snapshot_date', sa.Date(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('volume_m3', sa.Numeric(precision=14, scale=6), nullable=False),
    sa.Column('age_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_storage_snapshots_client_id_clients')),
    sa.ForeignKeyConstraint(['lot_id'], ['stock_lots.id'], name=op.f('fk_storage_snapshots_lot_id_stock_lots')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_storage_snapshots_sku_id_skus')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_storage_snapshots_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_storage_snapshots')),
    sa.UniqueConstraint('snapshot_date', 'lot_id', name=op.f('uq_storage_snapshots_snapshot_date_lot_id'))
    )
    with op.batch_alter_table('storage_snapshots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_storage_snapshots_client_id_snapshot_date'), ['client_id', 'snapshot_date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('storage_snapshots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_storage_snapshots_client_id_snapshot_date'))

    op.drop_table('storage_snapshots')
    with op.batch_alter_table('rate_card_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_card_items_rate_card_id'))

    op.drop_table('rate_card_items')
    with op.batch_alter_table('invoice_credits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_credits_client_id'))

    op.drop_table('invoice_credits')
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_charges_invoice_id'))
        batch_op.drop_index(batch_op.f('ix_charges_client_id_charge_date'))

    op.drop_table('charges')
    op.drop_table('zone_chart_rows')
    op.drop_table('rate_cards')
    op.drop_table('invoices')
    with op.batch_alter_table('zone_charts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_zone_charts_warehouse_id'))

    op.drop_table('zone_charts')
