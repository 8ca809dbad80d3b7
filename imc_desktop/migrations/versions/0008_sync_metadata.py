"""Synchronisation metadata: state, pending changes, field versions, tombstones, segments,
conflicts and held-back changes (local tables, never synchronised).

The change-recording triggers are not written here: imc_desktop.sync.triggers generates them
from the models after every migration (imc_desktop.db).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_applied',
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('workstation', sa.String(length=120), nullable=False),
    sa.Column('user_name', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('site', 'seq', name=op.f('pk_sync_applied'))
    )
    op.create_table('sync_applying',
    sa.Column('flag', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('flag', name=op.f('pk_sync_applying'))
    )
    op.create_table('sync_changes',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=1), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('seen', sa.String(length=80), nullable=True),
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', 'column_name', 'kind', 'key', name=op.f('pk_sync_changes'))
    )
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.create_index('ix_sync_changes_segment', ['site', 'segment'], unique=False)

    op.create_table('sync_conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('loser_key', sa.String(length=80), nullable=False),
    sa.Column('loser_value', sa.Text(), nullable=True),
    sa.Column('winner_key', sa.String(length=80), nullable=False),
    sa.Column('winner_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflicts_row', ['table_name', 'row_id'], unique=False)

    op.create_table('sync_held',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('line', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_held'))
    )
    op.create_table('sync_pending',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=1), nullable=False),
    sa.Column('column_name', sa.String(length=60), nullable=False),
    sa.Column('seen', sa.String(length=80), nullable=True),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_pending'))
    )
    op.create_table('sync_published',
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=True),
    sa.Column('published', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('site', 'seq', name=op.f('pk_sync_published'))
    )
    op.create_table('sync_state',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_state'))
    )
    op.create_table('sync_tombstones',
    sa.Column('table_name', sa.String(length=60), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', 'key', name=op.f('pk_sync_tombstones'))
    )


def downgrade() -> None:
    # the generated triggers write into these tables: they go first
    conn = op.get_bind()
    names = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
    ).scalars().all()
    for name in names:
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    op.drop_table('sync_tombstones')
    op.drop_table('sync_state')
    op.drop_table('sync_published')
    op.drop_table('sync_pending')
    op.drop_table('sync_held')
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflicts_row')

    op.drop_table('sync_conflicts')
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_changes_segment')

    op.drop_table('sync_changes')
    op.drop_table('sync_applying')
    op.drop_table('sync_applied')
