"""Attestation records and leave periods.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attestation_records',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('stage', sa.String(length=30), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('order_number', sa.String(length=60), nullable=False),
    sa.Column('order_date', sa.Date(), nullable=True),
    sa.Column('order_body', sa.Text(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('simplified', sa.Boolean(), nullable=False),
    sa.Column('simplified_basis', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_attestation_records_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_attestation_records_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attestation_records'))
    )
    with op.batch_alter_table('attestation_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attestation_records_decided_on'), ['decided_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_attestation_records_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attestation_records_person_id'), ['person_id'], unique=False)

    op.create_table('leave_periods',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_leave_periods_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_periods'))
    )
    with op.batch_alter_table('leave_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leave_periods_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('leave_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_periods_person_id'))

    op.drop_table('leave_periods')
    with op.batch_alter_table('attestation_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attestation_records_person_id'))
        batch_op.drop_index(batch_op.f('ix_attestation_records_organization_id'))
        batch_op.drop_index(batch_op.f('ix_attestation_records_decided_on'))

    op.drop_table('attestation_records')
