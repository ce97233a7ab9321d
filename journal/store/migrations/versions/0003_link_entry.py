"""Recurrence speed: each why-mechanism link also names its entry, indexed by entry and mechanism.

Revision ID: 0003_link_entry
Revises: 0002_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_link_entry"
down_revision = "0002_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("why_mechanism") as batch:
        batch.add_column(sa.Column("entry_id", sa.String(), nullable=True))
    op.execute("UPDATE why_mechanism SET entry_id = (SELECT entry_id FROM why WHERE why.id = why_id)")
    with op.batch_alter_table("why_mechanism") as batch:
        batch.alter_column("entry_id", existing_type=sa.String(), nullable=False)
        batch.create_foreign_key("fk_why_mechanism_entry", "entry", ["entry_id"], ["id"], ondelete="CASCADE")
    op.create_index("ix_why_mechanism_entry_id", "why_mechanism", ["entry_id", "mechanism_id"])


def downgrade() -> None:
    op.drop_index("ix_why_mechanism_entry_id", "why_mechanism")
    with op.batch_alter_table("why_mechanism") as batch:
        batch.drop_column("entry_id")
