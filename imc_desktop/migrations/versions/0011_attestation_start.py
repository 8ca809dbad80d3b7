"""Attestation records: the start of the attestation, a date the commission sets (the
60 days of an attestation run from it, the 30 days of considering from the application).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attestation_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_on', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('attestation_records', schema=None) as batch_op:
        batch_op.drop_column('started_on')
