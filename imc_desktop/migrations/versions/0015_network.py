"""The methodological network: associations (РМО, творческие группы…), members, the plan's
meetings linked to their events, protocols' decisions, innovation sites, mentoring pairs and
their plans. All synchronised.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op


revision = '0015'
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mentoring_pairs',
    sa.Column('mentor_id', sa.String(length=36), nullable=False),
    sa.Column('mentee_id', sa.String(length=36), nullable=False),
    sa.Column('form', sa.String(length=60), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['mentee_id'], ['persons.id'], name=op.f('fk_mentoring_pairs_mentee_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mentor_id'], ['persons.id'], name=op.f('fk_mentoring_pairs_mentor_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_pairs'))
    )
    with op.batch_alter_table('mentoring_pairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentoring_pairs_mentee_id'), ['mentee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentoring_pairs_mentor_id'), ['mentor_id'], unique=False)

    op.create_table('network_associations',
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('education_level', sa.String(length=60), nullable=False),
    sa.Column('head_id', sa.String(length=36), nullable=True),
    sa.Column('curator_id', sa.String(length=36), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['curator_id'], ['persons.id'], name=op.f('fk_network_associations_curator_id_persons'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['head_id'], ['persons.id'], name=op.f('fk_network_associations_head_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_associations'))
    )
    with op.batch_alter_table('network_associations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_associations_curator_id'), ['curator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_associations_head_id'), ['head_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_associations_year'), ['year'], unique=False)

    op.create_table('network_sites',
    sa.Column('kind', sa.String(length=80), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('order_number', sa.String(length=60), nullable=False),
    sa.Column('order_date', sa.Date(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('responsible_id', sa.String(length=36), nullable=True),
    sa.Column('report_received', sa.Boolean(), nullable=False),
    sa.Column('report_received_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_network_sites_organization_id_organizations')),
    sa.ForeignKeyConstraint(['responsible_id'], ['persons.id'], name=op.f('fk_network_sites_responsible_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_sites'))
    )
    with op.batch_alter_table('network_sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_sites_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_sites_responsible_id'), ['responsible_id'], unique=False)

    op.create_table('mentoring_plan_items',
    sa.Column('pair_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['pair_id'], ['mentoring_pairs.id'], name=op.f('fk_mentoring_plan_items_pair_id_mentoring_pairs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_plan_items'))
    )
    with op.batch_alter_table('mentoring_plan_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentoring_plan_items_pair_id'), ['pair_id'], unique=False)

    op.create_table('network_meetings',
    sa.Column('association_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('form', sa.String(length=60), nullable=False),
    sa.Column('speakers', sa.Text(), nullable=False),
    sa.Column('responsible_id', sa.String(length=36), nullable=True),
    sa.Column('protocol_number', sa.String(length=40), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('heard', sa.Text(), nullable=False),
    sa.Column('spoke', sa.Text(), nullable=False),
    sa.Column('decided', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['association_id'], ['network_associations.id'], name=op.f('fk_network_meetings_association_id_network_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_network_meetings_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['responsible_id'], ['persons.id'], name=op.f('fk_network_meetings_responsible_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_meetings'))
    )
    with op.batch_alter_table('network_meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_meetings_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_meetings_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_meetings_responsible_id'), ['responsible_id'], unique=False)

    op.create_table('network_members',
    sa.Column('association_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['association_id'], ['network_associations.id'], name=op.f('fk_network_members_association_id_network_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_network_members_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_members'))
    )
    with op.batch_alter_table('network_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_members_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_members_person_id'), ['person_id'], unique=False)

    op.create_table('network_decisions',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('responsible_id', sa.String(length=36), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['network_meetings.id'], name=op.f('fk_network_decisions_meeting_id_network_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['responsible_id'], ['persons.id'], name=op.f('fk_network_decisions_responsible_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_decisions'))
    )
    with op.batch_alter_table('network_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_decisions_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_decisions_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_decisions_responsible_id'), ['responsible_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('network_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_decisions_responsible_id'))
        batch_op.drop_index(batch_op.f('ix_network_decisions_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_network_decisions_deadline'))

    op.drop_table('network_decisions')
    with op.batch_alter_table('network_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_members_person_id'))
        batch_op.drop_index(batch_op.f('ix_network_members_association_id'))

    op.drop_table('network_members')
    with op.batch_alter_table('network_meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_meetings_responsible_id'))
        batch_op.drop_index(batch_op.f('ix_network_meetings_event_id'))
        batch_op.drop_index(batch_op.f('ix_network_meetings_association_id'))

    op.drop_table('network_meetings')
    with op.batch_alter_table('mentoring_plan_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentoring_plan_items_pair_id'))

    op.drop_table('mentoring_plan_items')
    with op.batch_alter_table('network_sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_sites_responsible_id'))
        batch_op.drop_index(batch_op.f('ix_network_sites_organization_id'))

    op.drop_table('network_sites')
    with op.batch_alter_table('network_associations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_associations_year'))
        batch_op.drop_index(batch_op.f('ix_network_associations_head_id'))
        batch_op.drop_index(batch_op.f('ix_network_associations_curator_id'))

    op.drop_table('network_associations')
    with op.batch_alter_table('mentoring_pairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentoring_pairs_mentor_id'))
        batch_op.drop_index(batch_op.f('ix_mentoring_pairs_mentee_id'))

    op.drop_table('mentoring_pairs')
