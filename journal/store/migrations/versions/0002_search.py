"""Full-text search: an FTS5 index of every entry's text, filled from the existing entries.

Revision ID: 0002_search
Revises: 0001_tables
"""

from alembic import op

revision = "0002_search"
down_revision = "0001_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Kept out of SQLModel's metadata (autogenerate cannot describe FTS5); the repository keeps it in sync.
    op.execute(
        "CREATE VIRTUAL TABLE entry_search USING fts5("
        "entry_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    from journal.store.search import rebuild_index

    rebuild_index(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE entry_search")
