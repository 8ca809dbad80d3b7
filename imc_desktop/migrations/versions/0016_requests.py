"""Requests and monitorings: incoming requests with deadlines, data collections from the ОО
with their template, and each ОО's answer.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op


revision = '0016'
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('incoming_requests',
    sa.Column('sender', sa.Text(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('deadline_at', sa.DateTime(), nullable=True),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('answer_number', sa.String(length=60), nullable=False),
    sa.Column('answer_date', sa.Date(), nullable=True),
    sa.Column('files', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incoming_requests'))
    )
    with op.batch_alter_table('incoming_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incoming_requests_deadline_at'), ['deadline_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incoming_requests_received_on'), ['received_on'], unique=False)

    op.create_table('data_collections',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('request_id', sa.String(length=36), nullable=True),
    sa.Column('deadline_at', sa.DateTime(), nullable=True),
    sa.Column('addressees', sa.String(length=10), nullable=False),
    sa.Column('addressee_kind', sa.String(length=60), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('prefill', sa.String(length=20), nullable=False),
    sa.Column('template', sa.Text(), nullable=False),
    sa.Column('template_version', sa.Integer(), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=True),
    sa.Column('folder', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['incoming_requests.id'], name=op.f('fk_data_collections_request_id_incoming_requests'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_collections'))
    )
    with op.batch_alter_table('data_collections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_collections_deadline_at'), ['deadline_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_data_collections_request_id'), ['request_id'], unique=False)

    op.create_table('collection_answers',
    sa.Column('collection_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('file_path', sa.Text(), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['collection_id'], ['data_collections.id'], name=op.f('fk_collection_answers_collection_id_data_collections'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_collection_answers_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collection_answers'))
    )
    with op.batch_alter_table('collection_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collection_answers_collection_id'), ['collection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_collection_answers_organization_id'), ['organization_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('collection_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collection_answers_organization_id'))
        batch_op.drop_index(batch_op.f('ix_collection_answers_collection_id'))

    op.drop_table('collection_answers')
    with op.batch_alter_table('data_collections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_collections_request_id'))
        batch_op.drop_index(batch_op.f('ix_data_collections_deadline_at'))

    op.drop_table('data_collections')
    with op.batch_alter_table('incoming_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_requests_received_on'))
        batch_op.drop_index(batch_op.f('ix_incoming_requests_deadline_at'))

    op.drop_table('incoming_requests')
