"""a SKU's codes live only in sku_barcodes: drop skus.upc, ean and fnsku

0005 copied every UPC/EAN/FNSKU into sku_barcodes; keeping the old columns would
leave two places to look a scan up and two truths to keep in step.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

import re

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_OLD_COLUMNS = ('upc', 'ean', 'fnsku')


def upgrade() -> None:
    with op.batch_alter_table('skus') as batch:
        for column in _OLD_COLUMNS:
            batch.drop_index(batch.f(f'ix_skus_{column}'))
            batch.drop_column(column)


#: Which old column a barcode fits: a 12-digit UPC-A, a 13-digit EAN, an Amazon FNSKU
#: (X00... or an ASIN-style B0...; 10 characters).
_SHAPES = (
    ('upc', re.compile(r'\d{12}')),
    ('ean', re.compile(r'\d{13}')),
    ('fnsku', re.compile(r'X00[A-Z0-9]{7}|B0[A-Z0-9]{8}')),
)


def downgrade() -> None:
    with op.batch_alter_table('skus') as batch:
        batch.add_column(sa.Column('upc', sa.String(length=14), nullable=True))
        batch.add_column(sa.Column('ean', sa.String(length=14), nullable=True))
        batch.add_column(sa.Column('fnsku', sa.String(length=10), nullable=True))
        for column in _OLD_COLUMNS:
            batch.create_index(batch.f(f'ix_skus_{column}'), [column], unique=False)
    # Each old column takes the SKU's first barcode (lowest id) that looks like one.
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT sku_id, code FROM sku_barcodes ORDER BY id")).all()
    filled: dict[int, dict[str, str]] = {}
    for sku_id, code in rows:
        values = filled.setdefault(sku_id, {})
        for column, shape in _SHAPES:
            if column not in values and shape.fullmatch(code):
                values[column] = code
                break
    for sku_id, values in filled.items():
        if values:
            conn.execute(
                sa.text(f"UPDATE skus SET {', '.join(f'{c} = :{c}' for c in values)} "
                        "WHERE id = :id"),
                {**values, 'id': sku_id},
            )
