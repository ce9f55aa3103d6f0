"""picking, packing and import presets

Warehouse pick-route layout (aisle/bin pitch, block length, depot aisle); waves,
their carts and pick tasks; bins flagged for a count after a short pick; the pack
station's box catalogue, parcels, parcel contents, per-order pack sessions (one
station at a time) and restock tasks for orders stopped at packing; clients' weight
tolerance and packing material; per-client column presets for order files.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('boxes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.Column('inner_length_mm', sa.Integer(), nullable=False),
    sa.Column('inner_width_mm', sa.Integer(), nullable=False),
    sa.Column('inner_height_mm', sa.Integer(), nullable=False),
    sa.Column('tare_g', sa.Integer(), nullable=False),
    sa.Column('max_weight_g', sa.Integer(), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('inner_length_mm > 0 AND inner_width_mm > 0 AND inner_height_mm > 0', name=op.f('ck_boxes_dimensions_positive')),
    sa.CheckConstraint('max_weight_g > 0', name=op.f('ck_boxes_max_weight_positive')),
    sa.CheckConstraint('tare_g >= 0', name=op.f('ck_boxes_tare_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_boxes')),
    sa.UniqueConstraint('barcode', name=op.f('uq_boxes_barcode')),
    sa.UniqueConstraint('code', name=op.f('uq_boxes_code'))
    )
    op.create_table('waves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('filters', sa.Text(), nullable=False),
    sa.Column('cart_orders', sa.Integer(), nullable=False),
    sa.Column('label_first', sa.Boolean(), nullable=False),
    sa.Column('single_order_distance_m', sa.Float(), nullable=False),
    sa.Column('batched_distance_m', sa.Float(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_waves_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waves')),
    sa.UniqueConstraint('number', name=op.f('uq_waves_number'))
    )
    op.create_index(op.f('ix_waves_warehouse_id'), 'waves', ['warehouse_id'], unique=False)
    op.create_table('import_presets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('headers', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_import_presets_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_presets')),
    sa.UniqueConstraint('client_id', 'name', name=op.f('uq_import_presets_client_id_name'))
    )
    op.create_index(op.f('ix_import_presets_client_id'), 'import_presets', ['client_id'], unique=False)
    op.create_table('pick_carts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('route', sa.Text(), nullable=False),
    sa.Column('distance_m', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('picker', sa.String(length=64), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['wave_id'], ['waves.id'], name=op.f('fk_pick_carts_wave_id_waves')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_carts')),
    sa.UniqueConstraint('code', name=op.f('uq_pick_carts_code')),
    sa.UniqueConstraint('wave_id', 'seq', name=op.f('uq_pick_carts_wave_id_seq'))
    )
    op.create_index(op.f('ix_pick_carts_wave_id'), 'pick_carts', ['wave_id'], unique=False)
    op.create_table('pack_sessions',
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('station', sa.String(length=100), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pack_sessions_order_id_orders')),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_pack_sessions'))
    )
    op.create_table('parcels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('box_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('expected_weight_g', sa.Integer(), nullable=True),
    sa.Column('dim_weight_g', sa.Integer(), nullable=True),
    sa.Column('billable_weight_g', sa.Integer(), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=True),
    sa.Column('service', sa.String(length=60), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=True),
    sa.Column('label_source', sa.String(length=16), nullable=True),
    sa.Column('station', sa.String(length=100), nullable=True),
    sa.Column('packed_by', sa.String(length=64), nullable=True),
    sa.Column('packed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('override_by', sa.String(length=64), nullable=True),
    sa.Column('override_reason', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['box_id'], ['boxes.id'], name=op.f('fk_parcels_box_id_boxes')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_parcels_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parcels')),
    sa.UniqueConstraint('order_id', 'seq', name=op.f('uq_parcels_order_id_seq'))
    )
    op.create_index(op.f('ix_parcels_order_id'), 'parcels', ['order_id'], unique=False)
    op.create_index(op.f('ix_parcels_tracking_number'), 'parcels', ['tracking_number'], unique=False)
    op.create_table('pick_cart_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cart_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cart_id'], ['pick_carts.id'], name=op.f('fk_pick_cart_orders_cart_id_pick_carts')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pick_cart_orders_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_cart_orders')),
    sa.UniqueConstraint('cart_id', 'order_id', name=op.f('uq_pick_cart_orders_cart_id_order_id')),
    sa.UniqueConstraint('cart_id', 'slot', name=op.f('uq_pick_cart_orders_cart_id_slot'))
    )
    op.create_index(op.f('ix_pick_cart_orders_order_id'), 'pick_cart_orders', ['order_id'], unique=False)
    op.create_table('restock_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('warehouse_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('to_bin_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.String(length=64), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_restock_tasks_quantity_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_restock_tasks_order_id_orders')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_restock_tasks_sku_id_skus')),
    sa.ForeignKeyConstraint(['to_bin_id'], ['bins.id'], name=op.f('fk_restock_tasks_to_bin_id_bins')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_restock_tasks_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restock_tasks'))
    )
    op.create_index(op.f('ix_restock_tasks_order_id'), 'restock_tasks', ['order_id'], unique=False)
    op.create_table('parcel_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parcel_id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_parcel_items_quantity_positive')),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_parcel_items_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['parcel_id'], ['parcels.id'], name=op.f('fk_parcel_items_parcel_id_parcels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_parcel_items_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parcel_items')),
    sa.UniqueConstraint('parcel_id', 'order_line_id', name=op.f('uq_parcel_items_parcel_id_order_line_id'))
    )
    op.create_table('pick_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cart_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('bin_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('picked', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('picked_by', sa.String(length=64), nullable=True),
    sa.Column('picked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.CheckConstraint('picked >= 0 AND picked <= quantity', name=op.f('ck_pick_tasks_picked_in_range')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_pick_tasks_quantity_positive')),
    sa.ForeignKeyConstraint(['bin_id'], ['bins.id'], name=op.f('fk_pick_tasks_bin_id_bins')),
    sa.ForeignKeyConstraint(['cart_id'], ['pick_carts.id'], name=op.f('fk_pick_tasks_cart_id_pick_carts')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pick_tasks_order_id_orders')),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_pick_tasks_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_pick_tasks_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_tasks'))
    )
    op.create_index(op.f('ix_pick_tasks_cart_id_seq'), 'pick_tasks', ['cart_id', 'seq'], unique=False)
    op.create_index(op.f('ix_pick_tasks_order_id'), 'pick_tasks', ['order_id'], unique=False)
    op.add_column('bins', sa.Column('count_flagged_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('bins', sa.Column('count_flag_reason', sa.String(length=200), nullable=True))
    op.add_column('clients', sa.Column('weight_tolerance_pct', sa.Numeric(precision=5, scale=2), server_default='5.00', nullable=False))
    op.add_column('clients', sa.Column('weight_tolerance_floor_g', sa.Integer(), server_default='28', nullable=False))
    op.add_column('clients', sa.Column('packing_material_g', sa.Integer(), server_default='0', nullable=False))
    op.add_column('warehouses', sa.Column('aisle_pitch_m', sa.Float(), server_default='3.0', nullable=False))
    op.add_column('warehouses', sa.Column('bin_pitch_m', sa.Float(), server_default='1.0', nullable=False))
    op.add_column('warehouses', sa.Column('block_length', sa.Integer(), server_default='0', nullable=False))
    op.add_column('warehouses', sa.Column('depot_aisle', sa.Integer(), server_default='1', nullable=False))


def downgrade() -> None:
    op.drop_index(op.f('ix_pick_tasks_order_id'), table_name='pick_tasks')
    op.drop_index(op.f('ix_pick_tasks_cart_id_seq'), table_name='pick_tasks')
    op.drop_table('pick_tasks')
    op.drop_table('parcel_items')
    op.drop_index(op.f('ix_restock_tasks_order_id'), table_name='restock_tasks')
    op.drop_table('restock_tasks')
    op.drop_index(op.f('ix_pick_cart_orders_order_id'), table_name='pick_cart_orders')
    op.drop_table('pick_cart_orders')
    op.drop_index(op.f('ix_parcels_tracking_number'), table_name='parcels')
    op.drop_index(op.f('ix_parcels_order_id'), table_name='parcels')
    op.drop_table('parcels')
    op.drop_table('pack_sessions')
    op.drop_index(op.f('ix_pick_carts_wave_id'), table_name='pick_carts')
    op.drop_table('pick_carts')
    op.drop_index(op.f('ix_import_presets_client_id'), table_name='import_presets')
    op.drop_table('import_presets')
    op.drop_index(op.f('ix_waves_warehouse_id'), table_name='waves')
    op.drop_table('waves')
    op.drop_table('boxes')
    with op.batch_alter_table('warehouses') as batch:
        batch.drop_column('depot_aisle')
        batch.drop_column('block_length')
        batch.drop_column('bin_pitch_m')
        batch.drop_column('aisle_pitch_m')
    with op.batch_alter_table('clients') as batch:
        batch.drop_column('packing_material_g')
        batch.drop_column('weight_tolerance_floor_g')
        batch.drop_column('weight_tolerance_pct')
    with op.batch_alter_table('bins') as batch:
        batch.drop_column('count_flag_reason')
        batch.drop_column('count_flagged_at')
