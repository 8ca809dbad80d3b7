"""Local changes are stamped with the clock when they are made: sync_pending.clock; the size
of each published segment, to notice one damaged on the share: sync_published.size.

The triggers that fill it are generated from the models after every migration
(imc_desktop.sync.triggers); rows recorded before this revision have none and are stamped
when they are sealed, as before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_pending', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clock', sa.Integer(), nullable=True))
    with op.batch_alter_table('sync_published', schema=None) as batch_op:
        batch_op.add_column(sa.Column('size', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_published', schema=None) as batch_op:
        batch_op.drop_column('size')
    with op.batch_alter_table('sync_pending', schema=None) as batch_op:
        batch_op.drop_column('clock')
