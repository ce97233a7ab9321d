"""The first schema: entries, inputs, whys, mechanisms and their links, actions, guidelines.

Revision ID: 0001_tables
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_tables"
down_revision = None
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "entry",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("area", sa.String(), nullable=False),
        sa.Column("valence", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
    )
    for column in ("occurred_on", "area", "valence"):
        op.create_index(f"ix_entry_{column}", "entry", [column])
    op.create_table(
        "input",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
    )
    op.create_index("ix_input_entry_id", "input", ["entry_id"])
    op.create_table(
        "why",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("parent_id", sa.String(), sa.ForeignKey("why.id", ondelete="CASCADE"),
                  nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("root_cause", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_why_entry_id", "why", ["entry_id"])
    op.create_index("ix_why_parent_id", "why", ["parent_id"])
    op.create_table(
        "mechanism",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
    )
    op.create_index("ix_mechanism_name_key", "mechanism", ["name_key"], unique=True)
    op.create_table(
        "why_mechanism",
        sa.Column("why_id", sa.String(), sa.ForeignKey("why.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("mechanism_id", sa.String(),
                  sa.ForeignKey("mechanism.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_why_mechanism_mechanism_id", "why_mechanism", ["mechanism_id"])
    op.create_table(
        "action",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("why_id", sa.String(), sa.ForeignKey("why.id", ondelete="CASCADE"),
                  nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
    )
    for column in ("entry_id", "why_id", "status"):
        op.create_index(f"ix_action_{column}", "action", [column])
    op.create_table(
        "guideline",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("entry_id", sa.String(), sa.ForeignKey("entry.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
    )
    op.create_index("ix_guideline_entry_id", "guideline", ["entry_id"])


def downgrade() -> None:
    for table in ("guideline", "action", "why_mechanism", "mechanism", "why", "input", "entry"):
        op.drop_table(table)
