"""Full-text search: an FTS5 index of every entry's text, filled from the existing entries.

Revision ID: 0002_search
Revises: 0001_tables
"""

from alembic import op

revision = "0002_search"
down_revision = "0001_tables"
branch_labels = None
depends_on = None

# The index as the schema of this revision can fill it (frozen here: later revisions change the tables).
_FILL = """
INSERT INTO entry_search (entry_id, title, body)
SELECT e.id, e.title,
  e.outcome || ' ' || e.notes || ' ' || e.area
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM input WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(question || ' ' || answer, ' ') FROM why
                      WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM action WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM guideline WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(m.name, ' ') FROM why w
                      JOIN why_mechanism wm ON wm.why_id = w.id
                      JOIN mechanism m ON m.id = wm.mechanism_id WHERE w.entry_id = e.id), '')
FROM entry e
"""


def upgrade() -> None:
    # Kept out of SQLModel's metadata (autogenerate cannot describe FTS5); the repository keeps it in sync.
    op.execute(
        "CREATE VIRTUAL TABLE entry_search USING fts5("
        "entry_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(_FILL)


def downgrade() -> None:
    op.execute("DROP TABLE entry_search")
