"""Speed on a big journal: a map from search-index rows to entries, and indexes for recurrence counts.

Revision ID: 0004_speed
Revises: 0003_link_entry
"""

from alembic import op

revision = "0004_speed"
down_revision = "0003_link_entry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The index rows keep their rowids and the map names each one's entry, so a search needs no read
    # of the indexed text; a stray second row for an entry is dropped, so that new rows (numbered
    # after the map) never collide with it.
    op.execute("CREATE TABLE entry_search_doc (id INTEGER PRIMARY KEY, entry_id VARCHAR NOT NULL UNIQUE)")
    op.execute("INSERT OR IGNORE INTO entry_search_doc (id, entry_id) "
               "SELECT rowid, entry_id FROM entry_search")
    op.execute("DELETE FROM entry_search WHERE rowid NOT IN (SELECT id FROM entry_search_doc)")
    # Links in mechanism order, and each entry's date beside its id: counting every link needs no sort
    # and no read of the entry rows. The new link index starts with mechanism_id, so it replaces that one.
    op.create_index("ix_why_mechanism_mechanism_entry", "why_mechanism", ["mechanism_id", "entry_id"])
    op.drop_index("ix_why_mechanism_mechanism_id", "why_mechanism")
    op.create_index("ix_entry_id_occurred_on", "entry", ["id", "occurred_on"])


def downgrade() -> None:
    op.drop_index("ix_entry_id_occurred_on", "entry")
    op.create_index("ix_why_mechanism_mechanism_id", "why_mechanism", ["mechanism_id"])
    op.drop_index("ix_why_mechanism_mechanism_entry", "why_mechanism")
    op.execute("DROP TABLE entry_search_doc")
