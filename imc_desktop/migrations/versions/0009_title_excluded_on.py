"""The date a title was excluded from the federal list (ФПУ).

A title excluded without a «use until» date may be used for 5 years from its exclusion, so
the date is kept. Titles excluded before this revision keep an empty date (it is not known).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("literature_titles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("excluded_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("literature_titles", schema=None) as batch_op:
        batch_op.drop_column("excluded_on")
