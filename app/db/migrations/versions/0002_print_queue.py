"""print queue and seller-supplied carrier labels

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('station', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('printer_name', sa.String(length=100), nullable=False),
    sa.Column('printer_uri', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('dpi', sa.Integer(), nullable=False),
    sa.Column('printer_profile', sa.Text(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_detail', sa.Text(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=100), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('zpl', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint('copies > 0', name=op.f('ck_print_jobs_copies_positive')),
    sa.CheckConstraint('pdf IS NOT NULL OR zpl IS NOT NULL', name=op.f('ck_print_jobs_has_document')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_print_jobs_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_jobs_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_status_id'), ['status', 'id'], unique=False)

    op.create_table('order_labels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('source_file', sa.String(length=300), nullable=False),
    sa.Column('source_page', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.Column('zpl', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint('pdf IS NOT NULL OR zpl IS NOT NULL', name=op.f('ck_order_labels_has_document')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_labels_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_labels'))
    )
    with op.batch_alter_table('order_labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_labels_order_id'), ['order_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('order_labels', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_labels_order_id'))

    op.drop_table('order_labels')
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_status_id'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_order_id'))

    op.drop_table('print_jobs')
