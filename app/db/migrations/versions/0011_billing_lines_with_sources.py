"""3PL billing lines with their sources: a charge is one invoice line (a kind at one tier
on one day) whose ``detail`` lists every source it sums; the lot-days of storage live
there, so the separate storage snapshot table goes. Indexes for the billing job: a
day's status transitions with their orders (covering), the layers still holding units, a
day's receipts. And ``billing_runs``: the days charged after they ended, where the
nightly job resumes.

Lines accrued before this revision are one source each (``sources`` 1, no detail).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('billing_runs',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('ran_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ran_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_billing_runs'))
    )
    with op.batch_alter_table('storage_snapshots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_storage_snapshots_client_id_snapshot_date'))

    op.drop_table('storage_snapshots')
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sources', sa.Integer(), nullable=False,
                                      server_default='1'))
        batch_op.add_column(sa.Column('detail', sa.Text(), nullable=True))

    with op.batch_alter_table('order_status_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_status_history_to_status_at_order_id'), ['to_status', 'at', 'order_id'], unique=False)

    with op.batch_alter_table('stock_lots', schema=None) as batch_op:
        batch_op.create_index('ix_stock_lots_held', ['client_id'], unique=False, sqlite_where=sa.text('remaining > 0'), postgresql_where=sa.text('remaining > 0'))
        batch_op.create_index(batch_op.f('ix_stock_lots_received_on'), ['received_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('stock_lots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_lots_received_on'))
        batch_op.drop_index('ix_stock_lots_held', sqlite_where=sa.text('remaining > 0'), postgresql_where=sa.text('remaining > 0'))

    with op.batch_alter_table('order_status_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_status_history_to_status_at_order_id'))

    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_column('detail')
        batch_op.drop_column('sources')

    op.drop_table('billing_runs')
    op.create_table('storage_snapshots',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('snapshot_date', sa.DATE(), nullable=False),
    sa.Column('client_id', sa.INTEGER(), nullable=False),
    sa.Column('warehouse_id', sa.INTEGER(), nullable=False),
    sa.Column('sku_id', sa.INTEGER(), nullable=False),
    sa.Column('lot_id', sa.INTEGER(), nullable=False),
    sa.Column('units', sa.INTEGER(), nullable=False),
    sa.Column('volume_m3', sa.NUMERIC(precision=14, scale=6), nullable=False),
    sa.Column('age_days', sa.INTEGER(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_storage_snapshots_client_id_clients')),
    sa.ForeignKeyConstraint(['lot_id'], ['stock_lots.id'], name=op.f('fk_storage_snapshots_lot_id_stock_lots')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_storage_snapshots_sku_id_skus')),
    sa.ForeignKeyConstraint(['warehouse_id'], ['warehouses.id'], name=op.f('fk_storage_snapshots_warehouse_id_warehouses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_storage_snapshots')),
    sa.UniqueConstraint('snapshot_date', 'lot_id', name=op.f('uq_storage_snapshots_snapshot_date_lot_id'))
    )
    with op.batch_alter_table('storage_snapshots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_storage_snapshots_client_id_snapshot_date'), ['client_id', 'snapshot_date'], unique=False)

