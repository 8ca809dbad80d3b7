"""Events, their participants and the register of issued certificates.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('events',
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('all_day', sa.Boolean(), nullable=False),
    sa.Column('place_organization_id', sa.String(length=36), nullable=True),
    sa.Column('place_text', sa.Text(), nullable=False),
    sa.Column('organizer_id', sa.String(length=36), nullable=True),
    sa.Column('audience_positions', sa.Text(), nullable=False),
    sa.Column('audience_subjects', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('series_id', sa.String(length=36), nullable=True),
    sa.Column('repeat_kind', sa.String(length=20), nullable=False),
    sa.Column('repeat_until', sa.Date(), nullable=True),
    sa.Column('repeat_count', sa.Integer(), nullable=True),
    sa.Column('is_exception', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organizer_id'], ['persons.id'], name=op.f('fk_events_organizer_id_persons'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['place_organization_id'], ['organizations.id'], name=op.f('fk_events_place_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_ends_at'), ['ends_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_organizer_id'), ['organizer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_place_organization_id'), ['place_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_starts_at'), ['starts_at'], unique=False)

    op.create_table('event_participants',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('organization_text', sa.Text(), nullable=False),
    sa.Column('position', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('result', sa.String(length=30), nullable=False),
    sa.Column('nomination', sa.Text(), nullable=False),
    sa.Column('place', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_participants_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_event_participants_organization_id_organizations')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_event_participants_person_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_participants'))
    )
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participants_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participants_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participants_person_id'), ['person_id'], unique=False)

    op.create_table('issued_documents',
    sa.Column('participant_id', sa.String(length=36), nullable=True),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('event_title', sa.Text(), nullable=False),
    sa.Column('result', sa.String(length=30), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('printed_times', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_issued_documents_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_id'], ['event_participants.id'], name=op.f('fk_issued_documents_participant_id_event_participants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_year'), ['year'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_year'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_participant_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_event_id'))

    op.drop_table('issued_documents')
    with op.batch_alter_table('event_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participants_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_participants_organization_id'))
        batch_op.drop_index(batch_op.f('ix_event_participants_event_id'))

    op.drop_table('event_participants')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_starts_at'))
        batch_op.drop_index(batch_op.f('ix_events_series_id'))
        batch_op.drop_index(batch_op.f('ix_events_place_organization_id'))
        batch_op.drop_index(batch_op.f('ix_events_organizer_id'))
        batch_op.drop_index(batch_op.f('ix_events_ends_at'))

    op.drop_table('events')
