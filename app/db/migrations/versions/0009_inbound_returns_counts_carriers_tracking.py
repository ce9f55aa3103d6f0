"""carriers, labels, staging and tracking; inbound, returns, counts and replenishment

Carrier accounts, per-client rate-shopping rules, bought labels (intent recorded
before the provider is called), pickups and the parcels handed over, tracking
events and shipping exceptions; staging lanes and put-away capacity on bins;
seller labels keep their original file and tracking number. Inbound shipments
(ASN) with cartons, lines and receipts; FIFO stock lots for stock age; put-away
tasks; returns (RMA) and their graded receipts; cycle counts; replenishment
limits and tasks; lot and expiry on balances and moves; per-SKU expiry window.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('carrier_accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('base_url', sa.String(length=300), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('settings', sa.Text(), nullable=False),
    sa.Column('secret_ref', sa.String(length=64), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carrier_accounts')),
    sa.UniqueConstraint('name', name=op.f('uq_carrier_accounts_name')),
    sa.UniqueConstraint('secret_ref', name=op.f('uq_carrier_accounts_secret_ref'))
    )
    op.create_table('cycle_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('blind', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_cycle_counts_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_counts')),
    sa.UniqueConstraint('number', name=op.f('uq_cycle_counts_number'))
    )
    with op.batch_alter_table('cycle_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_counts_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('pickups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.Column('manifest_pdf', sa.LargeBinary(), nullable=True),
    sa.Column('provider_manifest_id', sa.String(length=100), nullable=True),
    sa.Column('provider_manifest_url', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_pickups_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pickups'))
    )
    with op.batch_alter_table('pickups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pickups_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('inbound_shipments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('container', sa.String(length=64), nullable=True),
    sa.Column('tracking', sa.String(length=200), nullable=True),
    sa.Column('eta', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('arrived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_inbound_shipments_client_id_clients')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_inbound_shipments_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_shipments')),
    sa.UniqueConstraint('client_id', 'reference', name=op.f('uq_inbound_shipments_client_id_reference'))
    )
    with op.batch_alter_table('inbound_shipments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_shipments_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_shipments_reference'), ['reference'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbound_shipments_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('shipping_rules',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('strategy', sa.String(length=24), nullable=False),
    sa.Column('max_cost', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('insure_above', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('allowed_services', sa.Text(), nullable=False),
    sa.Column('service_overrides', sa.Text(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_shipping_rules_client_id_clients')),
    sa.PrimaryKeyConstraint('client_id', name=op.f('pk_shipping_rules'))
    )
    op.create_table('inbound_cartons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['shipment_id'], ['inbound_shipments.id'], name=op.f('fk_inbound_cartons_shipment_id_inbound_shipments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_cartons')),
    sa.UniqueConstraint('shipment_id', 'code', name=op.f('uq_inbound_cartons_shipment_id_code'))
    )
    with op.batch_alter_table('inbound_cartons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_cartons_shipment_id'), ['shipment_id'], unique=False)

    op.create_table('putaway_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('from_bin_id', sa.Integer(), nullable=False),
    sa.Column('suggested_bin_id', sa.Integer(), nullable=True),
    sa.Column('to_bin_id', sa.Integer(), nullable=True),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('source', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_putaway_tasks_quantity_positive')),
    sa.ForeignKeyConstraint(['from_bin_id'], ['bins.id'], name=op.f('fk_putaway_tasks_from_bin_id_bins')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_putaway_tasks_sku_id_skus')),
    sa.ForeignKeyConstraint(['suggested_bin_id'], ['bins.id'], name=op.f('fk_putaway_tasks_suggested_bin_id_bins')),
    sa.ForeignKeyConstraint(['to_bin_id'], ['bins.id'], name=op.f('fk_putaway_tasks_to_bin_id_bins')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_putaway_tasks_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_putaway_tasks'))
    )
    with op.batch_alter_table('putaway_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_putaway_tasks_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('replenish_limits',
    sa.Column('bin_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('min_qty', sa.Integer(), nullable=False),
    sa.Column('max_qty', sa.Integer(), nullable=False),
    sa.CheckConstraint('min_qty >= 0 AND max_qty > min_qty', name=op.f('ck_replenish_limits_limits_valid')),
    sa.ForeignKeyConstraint(['bin_id'], ['bins.id'], name=op.f('fk_replenish_limits_bin_id_bins')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_replenish_limits_sku_id_skus')),
    sa.PrimaryKeyConstraint('bin_id', 'sku_id', name=op.f('pk_replenish_limits'))
    )
    op.create_table('replenish_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('from_bin_id', sa.Integer(), nullable=False),
    sa.Column('to_bin_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_replenish_tasks_quantity_positive')),
    sa.ForeignKeyConstraint(['from_bin_id'], ['bins.id'], name=op.f('fk_replenish_tasks_from_bin_id_bins')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_replenish_tasks_sku_id_skus')),
    sa.ForeignKeyConstraint(['to_bin_id'], ['bins.id'], name=op.f('fk_replenish_tasks_to_bin_id_bins')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_replenish_tasks_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replenish_tasks'))
    )
    with op.batch_alter_table('replenish_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_replenish_tasks_warehouse_id'), ['warehouse_id'], unique=False)

    op.create_table('returns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_returns_client_id_clients')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_returns_order_id_orders')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_returns_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_returns')),
    sa.UniqueConstraint('number', name=op.f('uq_returns_number'))
    )
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_returns_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_returns_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_returns_tracking_number'), ['tracking_number'], unique=False)

    op.create_table('cycle_count_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('count_id', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=True),
    sa.Column('counted', sa.Integer(), nullable=True),
    sa.Column('counted_by', sa.String(length=64), nullable=True),
    sa.Column('counted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recounted', sa.Integer(), nullable=True),
    sa.Column('recounted_by', sa.String(length=64), nullable=True),
    sa.Column('recounted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('posted_move_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('counted IS NULL OR counted >= 0', name=op.f('ck_cycle_count_lines_counted_not_negative')),
    sa.CheckConstraint('recounted IS NULL OR recounted >= 0', name=op.f('ck_cycle_count_lines_recounted_not_negative')),
    sa.ForeignKeyConstraint(['bin_id'], ['bins.id'], name=op.f('fk_cycle_count_lines_bin_id_bins')),
    sa.ForeignKeyConstraint(['count_id'], ['cycle_counts.id'], name=op.f('fk_cycle_count_lines_count_id_cycle_counts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['posted_move_id'], ['stock_moves.id'], name=op.f('fk_cycle_count_lines_posted_move_id_stock_moves')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_cycle_count_lines_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cycle_count_lines')),
    sa.UniqueConstraint('count_id', 'bin_id', 'sku_id', name=op.f('uq_cycle_count_lines_count_id_bin_id_sku_id'))
    )
    with op.batch_alter_table('cycle_count_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_count_lines_count_id'), ['count_id'], unique=False)

    op.create_table('inbound_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shipment_id', sa.Integer(), nullable=False),
    sa.Column('carton_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=True),
    sa.Column('sku_code', sa.String(length=64), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.CheckConstraint('expected >= 0', name=op.f('ck_inbound_lines_expected_not_negative')),
    sa.ForeignKeyConstraint(['carton_id'], ['inbound_cartons.id'], name=op.f('fk_inbound_lines_carton_id_inbound_cartons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['shipment_id'], ['inbound_shipments.id'], name=op.f('fk_inbound_lines_shipment_id_inbound_shipments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_inbound_lines_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_lines')),
    sa.UniqueConstraint('carton_id', 'sku_code', name=op.f('uq_inbound_lines_carton_id_sku_code'))
    )
    with op.batch_alter_table('inbound_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_lines_shipment_id'), ['shipment_id'], unique=False)

    op.create_table('label_purchases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=True),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('trigger', sa.String(length=16), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('provider_shipment_id', sa.String(length=100), nullable=True),
    sa.Column('provider_label_id', sa.String(length=100), nullable=True),
    sa.Column('rate_id', sa.String(length=100), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=True),
    sa.Column('service', sa.String(length=60), nullable=True),
    sa.Column('cost', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('insured_value', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=True),
    sa.Column('label_format', sa.String(length=8), nullable=True),
    sa.Column('label', sa.LargeBinary(), nullable=True),
    sa.Column('rates_considered', sa.Text(), nullable=False),
    sa.Column('choice_reason', sa.String(length=300), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('void_status', sa.String(length=24), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('bought_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['carrier_accounts.id'], name=op.f('fk_label_purchases_account_id_carrier_accounts')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_label_purchases_order_id_orders')),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_label_purchases_parcel_id_parcels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_label_purchases')),
    sa.UniqueConstraint('reference', name=op.f('uq_label_purchases_reference')),
    sa.UniqueConstraint('tracking_number', name=op.f('uq_label_purchases_tracking_number'))
    )
    with op.batch_alter_table('label_purchases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_label_purchases_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_label_purchases_parcel_id'), ['parcel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_label_purchases_status_created_at'), ['status', 'created_at'], unique=False)

    op.create_table('pickup_parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pickup_id', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=False),
    sa.Column('scanned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_pickup_parcels_parcel_id_parcels')),
    sa.ForeignKeyConstraint(['pickup_id'], ['pickups.id'], name=op.f('fk_pickup_parcels_pickup_id_pickups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pickup_parcels')),
    sa.UniqueConstraint('parcel_id', name=op.f('uq_pickup_parcels_parcel_id'))
    )
    with op.batch_alter_table('pickup_parcels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pickup_parcels_pickup_id'), ['pickup_id'], unique=False)

    op.create_table('return_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('return_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_return_receipts_quantity_positive')),
    sa.ForeignKeyConstraint(['bin_id'], ['bins.id'], name=op.f('fk_return_receipts_bin_id_bins')),
    sa.ForeignKeyConstraint(['return_id'], ['returns.id'], name=op.f('fk_return_receipts_return_id_returns')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_return_receipts_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_receipts'))
    )
    with op.batch_alter_table('return_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_return_receipts_return_id'), ['return_id'], unique=False)

    op.create_table('shipping_exceptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('detail', sa.String(length=300), nullable=True),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_shipping_exceptions_order_id_orders')),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_shipping_exceptions_parcel_id_parcels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipping_exceptions')),
    sa.UniqueConstraint('parcel_id', 'kind', name=op.f('uq_shipping_exceptions_parcel_id_kind'))
    )
    with op.batch_alter_table('shipping_exceptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipping_exceptions_order_id'), ['order_id'], unique=False)

    op.create_table('stock_lots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('remaining', sa.Integer(), nullable=False),
    sa.Column('move_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('remaining >= 0 AND remaining <= quantity', name=op.f('ck_stock_lots_remaining_valid')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_stock_lots_client_id_clients')),
    sa.ForeignKeyConstraint(['move_id'], ['stock_moves.id'], name=op.f('fk_stock_lots_move_id_stock_moves')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_stock_lots_sku_id_skus')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_stock_lots_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_lots'))
    )
    with op.batch_alter_table('stock_lots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stock_lots_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_lots_warehouse_id_sku_id_received_on'), ['warehouse_id', 'sku_id', 'received_on'], unique=False)

    op.create_table('tracking_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=True),
    sa.Column('location', sa.String(length=200), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_tracking_events_parcel_id_parcels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tracking_events')),
    sa.UniqueConstraint('tracking_number', 'at', 'status', name=op.f('uq_tracking_events_tracking_number_at_status'))
    )
    with op.batch_alter_table('tracking_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tracking_events_parcel_id'), ['parcel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tracking_events_tracking_number'), ['tracking_number'], unique=False)

    op.create_table('inbound_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('line_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('damaged', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=False),
    sa.Column('lot', sa.String(length=64), nullable=True),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity >= 0 AND damaged >= 0 AND quantity + damaged > 0', name=op.f('ck_inbound_receipts_quantities_valid')),
    sa.ForeignKeyConstraint(['bin_id'], ['bins.id'], name=op.f('fk_inbound_receipts_bin_id_bins')),
    sa.ForeignKeyConstraint(['line_id'], ['inbound_lines.id'], name=op.f('fk_inbound_receipts_line_id_inbound_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_receipts'))
    )
    with op.batch_alter_table('inbound_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbound_receipts_line_id'), ['line_id'], unique=False)

    with op.batch_alter_table('bins', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staging_carrier', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('capacity_units', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('capacity_litres', sa.Numeric(precision=10, scale=2), nullable=True))

    with op.batch_alter_table('order_labels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tracking_number', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('original', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('original_format', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('flag', sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f('ix_order_labels_tracking_number'), ['tracking_number'], unique=False)

    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staged_bin_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('staged_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('staged_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('shipped_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('tracking_status', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('first_scan_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('tracked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_parcels_staged_bin_id_bins'), 'bins', ['staged_bin_id'], ['id'])

    with op.batch_alter_table('skus', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expiry_window_days', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lot', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('expiry', sa.Date(), nullable=True))

    with op.batch_alter_table('stock_moves', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lot', sa.String(length=64), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('stock_moves', schema=None) as batch_op:
        batch_op.drop_column('lot')

    with op.batch_alter_table('stock_balances', schema=None) as batch_op:
        batch_op.drop_column('expiry')
        batch_op.drop_column('lot')

    with op.batch_alter_table('skus', schema=None) as batch_op:
        batch_op.drop_column('expiry_window_days')

    with op.batch_alter_table('parcels', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_parcels_staged_bin_id_bins'), type_='foreignkey')
        batch_op.drop_column('tracked_at')
        batch_op.drop_column('delivered_at')
        batch_op.drop_column('first_scan_at')
        batch_op.drop_column('tracking_status')
        batch_op.drop_column('shipped_at')
        batch_op.drop_column('staged_by')
        batch_op.drop_column('staged_at')
        batch_op.drop_column('staged_bin_id')

    with op.batch_alter_table('order_labels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_labels_tracking_number'))
        batch_op.drop_column('flag')
        batch_op.drop_column('original_format')
        batch_op.drop_column('original')
        batch_op.drop_column('tracking_number')

    with op.batch_alter_table('bins', schema=None) as batch_op:
        batch_op.drop_column('capacity_litres')
        batch_op.drop_column('capacity_units')
        batch_op.drop_column('staging_carrier')

    with op.batch_alter_table('inbound_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_receipts_line_id'))

    op.drop_table('inbound_receipts')
    with op.batch_alter_table('tracking_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_events_tracking_number'))
        batch_op.drop_index(batch_op.f('ix_tracking_events_parcel_id'))

    op.drop_table('tracking_events')
    with op.batch_alter_table('stock_lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_lots_warehouse_id_sku_id_received_on'))
        batch_op.drop_index(batch_op.f('ix_stock_lots_client_id'))

    op.drop_table('stock_lots')
    with op.batch_alter_table('shipping_exceptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipping_exceptions_order_id'))

    op.drop_table('shipping_exceptions')
    with op.batch_alter_table('return_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_return_receipts_return_id'))

    op.drop_table('return_receipts')
    with op.batch_alter_table('pickup_parcels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pickup_parcels_pickup_id'))

    op.drop_table('pickup_parcels')
    with op.batch_alter_table('label_purchases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_label_purchases_status_created_at'))
        batch_op.drop_index(batch_op.f('ix_label_purchases_parcel_id'))
        batch_op.drop_index(batch_op.f('ix_label_purchases_order_id'))

    op.drop_table('label_purchases')
    with op.batch_alter_table('inbound_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_lines_shipment_id'))

    op.drop_table('inbound_lines')
    with op.batch_alter_table('cycle_count_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_count_lines_count_id'))

    op.drop_table('cycle_count_lines')
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_returns_tracking_number'))
        batch_op.drop_index(batch_op.f('ix_returns_order_id'))
        batch_op.drop_index(batch_op.f('ix_returns_client_id'))

    op.drop_table('returns')
    with op.batch_alter_table('replenish_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_replenish_tasks_warehouse_id'))

    op.drop_table('replenish_tasks')
    op.drop_table('replenish_limits')
    with op.batch_alter_table('putaway_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_putaway_tasks_warehouse_id'))

    op.drop_table('putaway_tasks')
    with op.batch_alter_table('inbound_cartons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_cartons_shipment_id'))

    op.drop_table('inbound_cartons')
    op.drop_table('shipping_rules')
    with op.batch_alter_table('inbound_shipments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbound_shipments_warehouse_id'))
        batch_op.drop_index(batch_op.f('ix_inbound_shipments_reference'))
        batch_op.drop_index(batch_op.f('ix_inbound_shipments_client_id'))

    op.drop_table('inbound_shipments')
    with op.batch_alter_table('pickups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pickups_warehouse_id'))

    op.drop_table('pickups')
    with op.batch_alter_table('cycle_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_counts_warehouse_id'))

    op.drop_table('cycle_counts')
    op.drop_table('carrier_accounts')
