"""Literature: titles, stock documents with lines, pupils of an ОО by grade.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('literature_titles',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('authors', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('grade_from', sa.Integer(), nullable=True),
    sa.Column('grade_to', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('publisher', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('isbn', sa.String(length=20), nullable=False),
    sa.Column('fpu_number', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('fpu_status', sa.String(length=20), nullable=False),
    sa.Column('use_until', sa.Date(), nullable=True),
    sa.Column('price_kopecks', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_literature_titles'))
    )
    with op.batch_alter_table('literature_titles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_literature_titles_fpu_number'), ['fpu_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_titles_isbn'), ['isbn'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_titles_subject'), ['subject'], unique=False)

    op.create_table('literature_documents',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=False),
    sa.Column('from_org_id', sa.String(length=36), nullable=True),
    sa.Column('to_org_id', sa.String(length=36), nullable=True),
    sa.Column('supplier', sa.String(length=200), nullable=False),
    sa.Column('supplier_doc_number', sa.String(length=60), nullable=False),
    sa.Column('supplier_doc_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('act_number', sa.String(length=60), nullable=False),
    sa.Column('return_by', sa.Date(), nullable=True),
    sa.Column('return_of_id', sa.String(length=36), nullable=True),
    sa.Column('posted', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['from_org_id'], ['organizations.id'], name=op.f('fk_literature_documents_from_org_id_organizations')),
    sa.ForeignKeyConstraint(['return_of_id'], ['literature_documents.id'], name=op.f('fk_literature_documents_return_of_id_literature_documents'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['to_org_id'], ['organizations.id'], name=op.f('fk_literature_documents_to_org_id_organizations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_literature_documents'))
    )
    with op.batch_alter_table('literature_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_literature_documents_doc_date'), ['doc_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_documents_from_org_id'), ['from_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_documents_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_documents_posted'), ['posted'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_documents_return_of_id'), ['return_of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_documents_to_org_id'), ['to_org_id'], unique=False)

    op.create_table('organization_grade_pupils',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('pupils', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_grade_pupils_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_grade_pupils'))
    )
    with op.batch_alter_table('organization_grade_pupils', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_grade_pupils_organization_id'), ['organization_id'], unique=False)

    op.create_table('literature_lines',
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('title_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('price_kopecks', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['literature_documents.id'], name=op.f('fk_literature_lines_document_id_literature_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['title_id'], ['literature_titles.id'], name=op.f('fk_literature_lines_title_id_literature_titles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_literature_lines'))
    )
    with op.batch_alter_table('literature_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_literature_lines_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_literature_lines_title_id'), ['title_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('literature_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_literature_lines_title_id'))
        batch_op.drop_index(batch_op.f('ix_literature_lines_document_id'))

    op.drop_table('literature_lines')
    with op.batch_alter_table('organization_grade_pupils', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_grade_pupils_organization_id'))

    op.drop_table('organization_grade_pupils')
    with op.batch_alter_table('literature_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_literature_documents_to_org_id'))
        batch_op.drop_index(batch_op.f('ix_literature_documents_return_of_id'))
        batch_op.drop_index(batch_op.f('ix_literature_documents_posted'))
        batch_op.drop_index(batch_op.f('ix_literature_documents_kind'))
        batch_op.drop_index(batch_op.f('ix_literature_documents_from_org_id'))
        batch_op.drop_index(batch_op.f('ix_literature_documents_doc_date'))

    op.drop_table('literature_documents')
    with op.batch_alter_table('literature_titles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_literature_titles_subject'))
        batch_op.drop_index(batch_op.f('ix_literature_titles_isbn'))
        batch_op.drop_index(batch_op.f('ix_literature_titles_fpu_number'))

    op.drop_table('literature_titles')
