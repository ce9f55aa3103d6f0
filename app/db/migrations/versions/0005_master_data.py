"""master data a real warehouse sets up: client terms, warehouse cut-off, SKU attributes,
barcodes, supervisor PINs

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('clients') as batch:
        batch.add_column(sa.Column('contact_name', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('contact_phone', sa.String(length=40), nullable=True))
        batch.add_column(sa.Column('currency', sa.String(length=3), server_default='USD',
                                   nullable=False))
        batch.add_column(sa.Column('default_warehouse_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('include_packing_slip', sa.Boolean(),
                                   server_default=sa.true(), nullable=False))
        batch.add_column(sa.Column('handling_days', sa.Integer(), server_default='1',
                                   nullable=False))
        batch.add_column(sa.Column('notes', sa.Text(), nullable=True))
        batch.create_foreign_key(op.f('fk_clients_default_warehouse_id_warehouses'),
                                 'warehouses', ['default_warehouse_id'], ['id'])
    with op.batch_alter_table('warehouses') as batch:
        batch.add_column(sa.Column('cutoff_local', sa.String(length=5), server_default='14:00',
                                   nullable=False))
        batch.add_column(sa.Column('auto_allocate', sa.Boolean(), server_default=sa.true(),
                                   nullable=False))
        batch.add_column(sa.Column('active', sa.Boolean(), server_default=sa.true(),
                                   nullable=False))
    with op.batch_alter_table('skus') as batch:
        batch.add_column(sa.Column('lot_tracked', sa.Boolean(), server_default=sa.false(),
                                   nullable=False))
        batch.add_column(sa.Column('hazmat', sa.Boolean(), server_default=sa.false(),
                                   nullable=False))
        batch.add_column(sa.Column('declared_value', sa.Numeric(precision=12, scale=2),
                                   nullable=True))
        batch.add_column(sa.Column('hs_code', sa.String(length=16), nullable=True))
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('pin_hash', sa.String(length=255), nullable=True))

    barcodes = op.create_table('sku_barcodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('sku_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_sku_barcodes_client_id_clients')),
    sa.ForeignKeyConstraint(['sku_id'], ['skus.id'], name=op.f('fk_sku_barcodes_sku_id_skus'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sku_barcodes')),
    sa.UniqueConstraint('client_id', 'code', name=op.f('uq_sku_barcodes_client_id_code'))
    )
    op.create_index(op.f('ix_sku_barcodes_code'), 'sku_barcodes', ['code'], unique=False)
    op.create_index(op.f('ix_sku_barcodes_sku_id'), 'sku_barcodes', ['sku_id'], unique=False)

    # Every UPC/EAN/FNSKU already kept on a SKU becomes one of its barcodes; where two SKUs
    # of one client carried the same code, the first (lowest id) keeps it.
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, client_id, upc, ean, fnsku FROM skus ORDER BY id")).all()
    seen: set[tuple[int, str]] = set()
    batch_rows = []
    for sku_id, client_id, *codes in rows:
        for code in codes:
            code = (code or '').strip()
            if code and (client_id, code) not in seen:
                seen.add((client_id, code))
                batch_rows.append({'client_id': client_id, 'sku_id': sku_id, 'code': code})
    if batch_rows:
        op.bulk_insert(barcodes, batch_rows)


def downgrade() -> None:
    op.drop_index(op.f('ix_sku_barcodes_sku_id'), table_name='sku_barcodes')
    op.drop_index(op.f('ix_sku_barcodes_code'), table_name='sku_barcodes')
    op.drop_table('sku_barcodes')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('pin_hash')
    with op.batch_alter_table('skus') as batch:
        batch.drop_column('hs_code')
        batch.drop_column('declared_value')
        batch.drop_column('hazmat')
        batch.drop_column('lot_tracked')
    with op.batch_alter_table('warehouses') as batch:
        batch.drop_column('active')
        batch.drop_column('auto_allocate')
        batch.drop_column('cutoff_local')
    with op.batch_alter_table('clients') as batch:
        batch.drop_constraint(op.f('fk_clients_default_warehouse_id_warehouses'),
                              type_='foreignkey')
        batch.drop_column('notes')
        batch.drop_column('handling_days')
        batch.drop_column('include_packing_slip')
        batch.drop_column('default_warehouse_id')
        batch.drop_column('currency')
        batch.drop_column('contact_phone')
        batch.drop_column('contact_name')
