"""channels, sync cursors, leases, SKU mappings, push queue

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('channels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('base_url', sa.String(length=300), nullable=True),
    sa.Column('settings', sa.Text(), nullable=False),
    sa.Column('secret_ref', sa.String(length=64), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('interval_minutes', sa.Integer(), nullable=False),
    sa.Column('safety_buffer', sa.Integer(), nullable=False),
    sa.Column('stock_push_minutes', sa.Integer(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_stock_push_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_request_id', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_channels_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channels')),
    sa.UniqueConstraint('name', name=op.f('uq_channels_name')),
    sa.UniqueConstraint('secret_ref', name=op.f('uq_channels_secret_ref'))
    )
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channels_client_id'), ['client_id'], unique=False)

    op.create_table('channel_cursors',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('operation', sa.String(length=32), nullable=False),
    sa.Column('window_cursor', sa.DateTime(timezone=True), nullable=True),
    sa.Column('run_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('run_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('run_max', sa.DateTime(timezone=True), nullable=True),
    sa.Column('page_cursor', sa.Text(), nullable=True),
    sa.Column('pages_done', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_channel_cursors_channel_id_channels'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', 'operation', name=op.f('pk_channel_cursors'))
    )
    op.create_table('channel_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('platform_updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('platform_status', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('held_reason', sa.String(length=300), nullable=True),
    sa.Column('payload', sa.Text(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_channel_orders_channel_id_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_channel_orders_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_orders')),
    sa.UniqueConstraint('channel_id', 'external_id', name=op.f('uq_channel_orders_channel_id_external_id')),
    sa.UniqueConstraint('order_id', name=op.f('uq_channel_orders_order_id'))
    )
    with op.batch_alter_table('channel_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_orders_channel_id_held_reason'), ['channel_id', 'held_reason'], unique=False)

    op.create_table('channel_pushes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('sku', sa.String(length=200), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('request_id', sa.String(length=200), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_channel_pushes_channel_id_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_channel_pushes_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_pushes'))
    )
    with op.batch_alter_table('channel_pushes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_channel_pushes_channel_id_kind_sku'), ['channel_id', 'kind', 'sku'], unique=False)
        batch_op.create_index(batch_op.f('ix_channel_pushes_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_channel_pushes_status_next_attempt_at'), ['status', 'next_attempt_at'], unique=False)

    op.create_table('sku_mappings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('platform_sku', sa.String(length=200), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('auto', sa.Boolean(), nullable=False),
    sa.Column('pushed_quantity', sa.Integer(), nullable=True),
    sa.Column('pushed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_sku_mappings_channel_id_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_sku_mappings_sku_id_skus')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sku_mappings')),
    sa.UniqueConstraint('channel_id', 'platform_sku', name=op.f('uq_sku_mappings_channel_id_platform_sku'))
    )
    with op.batch_alter_table('sku_mappings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sku_mappings_sku_id'), ['sku_id'], unique=False)

    op.create_table('sync_leases',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('acquired_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_sync_leases_channel_id_channels'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', name=op.f('pk_sync_leases'))
    )


def downgrade() -> None:
    op.drop_table('sync_leases')
    with op.batch_alter_table('sku_mappings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sku_mappings_sku_id'))

    op.drop_table('sku_mappings')
    with op.batch_alter_table('channel_pushes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_pushes_status_next_attempt_at'))
        batch_op.drop_index(batch_op.f('ix_channel_pushes_order_id'))
        batch_op.drop_index(batch_op.f('ix_channel_pushes_channel_id_kind_sku'))

    op.drop_table('channel_pushes')
    with op.batch_alter_table('channel_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channel_orders_channel_id_held_reason'))

    op.drop_table('channel_orders')
    op.drop_table('channel_cursors')
    with op.batch_alter_table('channels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_channels_client_id'))

    op.drop_table('channels')
