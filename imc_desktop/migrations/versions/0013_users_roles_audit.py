"""Users and roles (администратор / методист, the ОО a methodist edits) and the audit trail
of personal data: both synchronised; the audit table refuses UPDATE and DELETE (triggers),
except while remote changes are applied (a change that arrives is checked by the chain).

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = "0011"
branch_labels = None
depends_on = None


_REFUSAL = ("SELECT RAISE(ABORT, 'Журнал аудита нельзя изменить или удалить: записи только "
            "добавляются.')")
GUARD_TRIGGERS = [
    f"CREATE TRIGGER audit_log_no_{op_name.lower()} BEFORE {op_name} ON audit_log "
    f"WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN {_REFUSAL}; END"
    for op_name in ("UPDATE", "DELETE")]


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('site', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_name', sa.String(length=120), nullable=False),
    sa.Column('workstation', sa.String(length=120), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('persons', sa.Integer(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_site_seq', ['site', 'seq'], unique=False)

    op.create_table('user_roles',
    sa.Column('login', sa.String(length=120), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('organizations', sa.Text(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_roles'))
    )
    with op.batch_alter_table('user_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_roles_login'), ['login'], unique=False)
    for statement in GUARD_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table('user_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_roles_login'))
    op.drop_table('user_roles')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_site_seq')
    op.drop_table('audit_log')
