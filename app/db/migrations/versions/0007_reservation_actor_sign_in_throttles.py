"""who made each reservation; failed sign-ins counted per station

Reservations name the user who made them (empty for older rows). sign_in_throttles
counts failed sign-ins per station name so one PC guessing many user names is slowed
down, as each user is.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('reservations', sa.Column('actor', sa.String(length=64), nullable=True))
    op.create_table(
        'sign_in_throttles',
        sa.Column('station', sa.String(length=100), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('blocked_until', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('station', name=op.f('pk_sign_in_throttles')),
    )


def downgrade() -> None:
    op.drop_table('sign_in_throttles')
    with op.batch_alter_table('reservations') as batch:
        batch.drop_column('actor')
