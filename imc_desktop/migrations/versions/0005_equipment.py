"""Equipment: items, acts, history events, issued numbers, inventory sessions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('equipment_issued_numbers',
    sa.Column('inventory_number', sa.String(length=60), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('retired_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment_issued_numbers'))
    )
    with op.batch_alter_table('equipment_issued_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_issued_numbers_inventory_number'), ['inventory_number'], unique=False)

    op.create_table('equipment_acts',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('act_date', sa.Date(), nullable=False),
    sa.Column('from_organization_id', sa.String(length=36), nullable=True),
    sa.Column('to_organization_id', sa.String(length=36), nullable=True),
    sa.Column('to_room', sa.String(length=120), nullable=False),
    sa.Column('to_responsible', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('chairman', sa.String(length=200), nullable=False),
    sa.Column('members', sa.Text(), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_organization_id'], ['organizations.id'], name=op.f('fk_equipment_acts_from_organization_id_organizations')),
    sa.ForeignKeyConstraint(['to_organization_id'], ['organizations.id'], name=op.f('fk_equipment_acts_to_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment_acts'))
    )
    with op.batch_alter_table('equipment_acts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_acts_act_date'), ['act_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_acts_from_organization_id'), ['from_organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_acts_to_organization_id'), ['to_organization_id'], unique=False)

    op.create_table('equipment_items',
    sa.Column('inventory_number', sa.String(length=60), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('manufacturer', sa.String(length=120), nullable=False),
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('serial_number', sa.String(length=120), nullable=False),
    sa.Column('cpu', sa.String(length=120), nullable=False),
    sa.Column('ram', sa.String(length=40), nullable=False),
    sa.Column('disk', sa.String(length=60), nullable=False),
    sa.Column('os', sa.String(length=120), nullable=False),
    sa.Column('characteristics', sa.Text(), nullable=False),
    sa.Column('okof', sa.String(length=40), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('room', sa.String(length=120), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('user_name', sa.String(length=200), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('cost', sa.Float(), nullable=True),
    sa.Column('funding', sa.String(length=200), nullable=False),
    sa.Column('warranty_until', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_equipment_items_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment_items'))
    )
    with op.batch_alter_table('equipment_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_items_inventory_number'), ['inventory_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_items_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_items_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_items_serial_number'), ['serial_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_items_status'), ['status'], unique=False)

    op.create_table('inventory_sessions',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('chairman', sa.String(length=200), nullable=False),
    sa.Column('members', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_inventory_sessions_organization_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inventory_sessions'))
    )
    with op.batch_alter_table('inventory_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inventory_sessions_organization_id'), ['organization_id'], unique=False)

    op.create_table('equipment_act_lines',
    sa.Column('act_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('previous_status', sa.String(length=30), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['act_id'], ['equipment_acts.id'], name=op.f('fk_equipment_act_lines_act_id_equipment_acts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['equipment_items.id'], name=op.f('fk_equipment_act_lines_item_id_equipment_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment_act_lines'))
    )
    with op.batch_alter_table('equipment_act_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_act_lines_act_id'), ['act_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_act_lines_item_id'), ['item_id'], unique=False)

    op.create_table('equipment_events',
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('act_id', sa.String(length=36), nullable=True),
    sa.Column('from_text', sa.Text(), nullable=False),
    sa.Column('to_text', sa.Text(), nullable=False),
    sa.Column('contractor', sa.String(length=200), nullable=False),
    sa.Column('cost', sa.Float(), nullable=True),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['act_id'], ['equipment_acts.id'], name=op.f('fk_equipment_events_act_id_equipment_acts')),
    sa.ForeignKeyConstraint(['item_id'], ['equipment_items.id'], name=op.f('fk_equipment_events_item_id_equipment_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment_events'))
    )
    with op.batch_alter_table('equipment_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_events_act_id'), ['act_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_events_event_date'), ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_events_item_id'), ['item_id'], unique=False)

    op.create_table('inventory_lines',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('inventory_number', sa.String(length=60), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('serial_number', sa.String(length=120), nullable=False),
    sa.Column('cost', sa.Float(), nullable=True),
    sa.Column('expected', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['equipment_items.id'], name=op.f('fk_inventory_lines_item_id_equipment_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['inventory_sessions.id'], name=op.f('fk_inventory_lines_session_id_inventory_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inventory_lines'))
    )
    with op.batch_alter_table('inventory_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inventory_lines_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inventory_lines_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('inventory_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inventory_lines_session_id'))
        batch_op.drop_index(batch_op.f('ix_inventory_lines_item_id'))

    op.drop_table('inventory_lines')
    with op.batch_alter_table('equipment_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_events_item_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_events_event_date'))
        batch_op.drop_index(batch_op.f('ix_equipment_events_act_id'))

    op.drop_table('equipment_events')
    with op.batch_alter_table('equipment_act_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_act_lines_item_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_act_lines_act_id'))

    op.drop_table('equipment_act_lines')
    with op.batch_alter_table('inventory_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inventory_sessions_organization_id'))

    op.drop_table('inventory_sessions')
    with op.batch_alter_table('equipment_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_items_status'))
        batch_op.drop_index(batch_op.f('ix_equipment_items_serial_number'))
        batch_op.drop_index(batch_op.f('ix_equipment_items_organization_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_items_kind'))
        batch_op.drop_index(batch_op.f('ix_equipment_items_inventory_number'))

    op.drop_table('equipment_items')
    with op.batch_alter_table('equipment_acts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_acts_to_organization_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_acts_from_organization_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_acts_act_date'))

    op.drop_table('equipment_acts')
    with op.batch_alter_table('equipment_issued_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_issued_numbers_inventory_number'))

    op.drop_table('equipment_issued_numbers')
