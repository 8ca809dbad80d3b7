"""Compact field versions: one row per record holds the fields that share one version (as a
record's creation on the first sync), instead of a row per field, their columns numbered per
table; `sync_versions` shows both kinds as the rows of `sync_changes`
(imc_desktop.sync.compact).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op


revision = '0018'
down_revision = "0017"
branch_labels = None
depends_on = None

VIEW = """CREATE VIEW sync_versions AS
SELECT table_name, row_id, column_name, kind, key, value, seen, site, segment
FROM sync_changes
UNION ALL
SELECT table_name, row_id, '', 'e', key, e, NULL, substr(key, 22), segment
FROM sync_base WHERE e IS NOT NULL
UNION ALL
SELECT b.table_name, b.row_id, c.column_name, 'v', b.key, j.value,
       json_extract(b.seens, '$."' || c.column_name || '"'), substr(b.key, 22), b.segment
FROM sync_base AS b, json_each(b.vals) AS j, sync_columns AS c
WHERE c.table_name = b.table_name AND c.pos = j.key AND j.type = 'text'"""


def upgrade() -> None:
    op.create_table('sync_base',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.Column('e', sa.String(length=1), nullable=True),
    sa.Column('vals', sa.Text(), nullable=False),
    sa.Column('seens', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_base')),
    sqlite_with_rowid=False
    )
    op.create_table('sync_columns',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('pos', sa.Integer(), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'pos', name=op.f('pk_sync_columns'))
    )
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS sync_versions")
    op.drop_table('sync_columns')
    op.drop_table('sync_base')
