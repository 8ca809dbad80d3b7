"""Equipment acts: the basis of the act — the number and date of the order (приказ) it is
drawn up by — printed on 0504104 and 0504101 («Основание: приказ № … от …»).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('equipment_acts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('basis_number', sa.String(length=60), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('basis_date', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('equipment_acts', schema=None) as batch_op:
        batch_op.drop_column('basis_date')
        batch_op.drop_column('basis_number')
