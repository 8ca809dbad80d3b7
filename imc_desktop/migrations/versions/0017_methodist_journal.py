"""The methodist's journal: methodists and what they curate, consultations, visits to ОО
and lesson observations, the methodist's month plan.

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op


revision = '0017'
down_revision = "0016"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [sa.Column('id', sa.String(length=36), nullable=False),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False)]


def _fk(table: str, column: str, target: str, ondelete: str | None = None
        ) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f'{target}.id'],
                                   name=op.f(f'fk_{table}_{column}_{target}'), ondelete=ondelete)


def _indexes(table: str, columns: list[str]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def upgrade() -> None:
    op.create_table('methodist_profiles',
    sa.Column('person_id', sa.String(length=36), nullable=False),
    sa.Column('subjects', sa.Text(), nullable=False),
    sa.Column('organization_ids', sa.Text(), nullable=False),
    sa.Column('associations', sa.Text(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    *_sync_columns(),
    _fk('methodist_profiles', 'person_id', 'persons', 'CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_methodist_profiles'))
    )
    _indexes('methodist_profiles', ['person_id'])

    op.create_table('consultations',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('methodist_id', sa.String(length=36), nullable=True),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('whom_text', sa.Text(), nullable=False),
    sa.Column('form', sa.String(length=30), nullable=False),
    sa.Column('mode', sa.String(length=30), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    *_sync_columns(),
    _fk('consultations', 'methodist_id', 'persons', 'SET NULL'),
    _fk('consultations', 'organization_id', 'organizations'),
    _fk('consultations', 'person_id', 'persons', 'SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultations'))
    )
    _indexes('consultations', ['held_on', 'methodist_id', 'organization_id', 'person_id'])

    op.create_table('school_visits',
    sa.Column('visited_on', sa.Date(), nullable=False),
    sa.Column('methodist_id', sa.String(length=36), nullable=True),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('person_id', sa.String(length=36), nullable=True),
    sa.Column('class_name', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('lesson_topic', sa.Text(), nullable=False),
    sa.Column('marks', sa.Text(), nullable=False),
    sa.Column('recommendations', sa.Text(), nullable=False),
    *_sync_columns(),
    _fk('school_visits', 'methodist_id', 'persons', 'SET NULL'),
    _fk('school_visits', 'organization_id', 'organizations'),
    _fk('school_visits', 'person_id', 'persons', 'SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_visits'))
    )
    _indexes('school_visits', ['methodist_id', 'organization_id', 'person_id', 'visited_on'])

    op.create_table('methodist_plan_items',
    sa.Column('methodist_id', sa.String(length=36), nullable=True),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('visit_id', sa.String(length=36), nullable=True),
    sa.Column('consultation_id', sa.String(length=36), nullable=True),
    sa.Column('done_by_hand', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    *_sync_columns(),
    _fk('methodist_plan_items', 'consultation_id', 'consultations', 'SET NULL'),
    _fk('methodist_plan_items', 'event_id', 'events', 'SET NULL'),
    _fk('methodist_plan_items', 'methodist_id', 'persons', 'SET NULL'),
    _fk('methodist_plan_items', 'visit_id', 'school_visits', 'SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_methodist_plan_items'))
    )
    _indexes('methodist_plan_items',
             ['consultation_id', 'event_id', 'methodist_id', 'month', 'visit_id'])


def downgrade() -> None:
    for table in ('methodist_plan_items', 'school_visits', 'consultations',
                  'methodist_profiles'):
        op.drop_table(table)
