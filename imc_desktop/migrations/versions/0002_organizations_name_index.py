"""An index on the short name: the directory is listed in that order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.create_index("ix_organizations_short_name", ["short_name"])


def downgrade() -> None:
    with op.batch_alter_table("organizations") as batch:
        batch.drop_index("ix_organizations_short_name")
