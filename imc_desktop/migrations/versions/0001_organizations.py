"""The directory of educational organisations.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("short_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("legal_form", sa.String(20), nullable=False),
        sa.Column("inn", sa.String(12), nullable=False),
        sa.Column("kpp", sa.String(9), nullable=False),
        sa.Column("ogrn", sa.String(15), nullable=False),
        sa.Column("okpo", sa.String(10), nullable=False),
        sa.Column("legal_address", sa.Text(), nullable=False),
        sa.Column("actual_address", sa.Text(), nullable=False),
        sa.Column("is_rural", sa.Boolean(), nullable=False),
        sa.Column("head_name", sa.String(200), nullable=False),
        sa.Column("head_phone", sa.String(40), nullable=False),
        sa.Column("head_email", sa.String(120), nullable=False),
        sa.Column("website", sa.String(200), nullable=False),
        sa.Column("pupils", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("reorganized_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
    )


def downgrade() -> None:
    op.drop_table("organizations")
