"""translatable details of channel sync and push errors

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('channels', sa.Column('last_error_detail', sa.Text(), nullable=True))
    op.add_column('channel_pushes', sa.Column('last_error_detail', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('channel_pushes') as batch:
        batch.drop_column('last_error_detail')
    with op.batch_alter_table('channels') as batch:
        batch.drop_column('last_error_detail')
