"""The full-text index (FTS5): what text of an entry is searchable, and how typed words become a query."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from journal.store.chunks import id_chunks

# Each entry's index row has the rowid of its row in entry_search_doc (migration 0004), so a search
# turns matches into entry ids through that small table instead of reading every matching row's
# stored text (which made common words slow on a big journal).
_ENTRY_TEXT_SQL = """
SELECT d.id, e.id, e.title,
  e.outcome || ' ' || e.notes || ' ' || e.area
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM input WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(question || ' ' || answer, ' ') FROM why
                      WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM action WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM guideline WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(m.name, ' ') FROM why_mechanism wm
                      JOIN mechanism m ON m.id = wm.mechanism_id WHERE wm.entry_id = e.id), '')
FROM entry e JOIN entry_search_doc d ON d.entry_id = e.id
"""
_INSERT = "INSERT INTO entry_search (rowid, entry_id, title, body) "

# The ids of entries matching :match (an FTS5 query from match_query).
MATCHING_ENTRY_IDS = ("SELECT d.entry_id FROM entry_search_doc d WHERE d.id IN "
                      "(SELECT rowid FROM entry_search WHERE entry_search MATCH :match)")

_WORD = re.compile(r"\w+", re.UNICODE)


def rebuild_index(connection: sa.Connection) -> None:
    """Index every entry from scratch."""
    connection.exec_driver_sql("DELETE FROM entry_search")
    connection.exec_driver_sql("DELETE FROM entry_search_doc")
    connection.exec_driver_sql("INSERT INTO entry_search_doc (entry_id) SELECT id FROM entry")
    connection.exec_driver_sql(_INSERT + _ENTRY_TEXT_SQL)


def reindex_entries(connection: sa.Connection, entry_ids: Iterable[str]) -> None:
    """Bring the index up to date for these entries (deleted ones simply drop out)."""
    ids = sorted(set(entry_ids))
    for chunk, marks in _chunks(ids):
        connection.exec_driver_sql(
            "DELETE FROM entry_search WHERE rowid IN "
            f"(SELECT id FROM entry_search_doc WHERE entry_id IN ({marks}))", chunk)
        connection.exec_driver_sql(f"DELETE FROM entry_search_doc WHERE entry_id IN ({marks})", chunk)
    index_new_entries(connection, ids)


def index_new_entries(connection: sa.Connection, entry_ids: Sequence[str]) -> None:
    """Index entries that have no index rows yet (just inserted, or just dropped from the index)."""
    for chunk, marks in _chunks(entry_ids):
        connection.exec_driver_sql(
            f"INSERT INTO entry_search_doc (entry_id) SELECT id FROM entry WHERE id IN ({marks})", chunk)
        connection.exec_driver_sql(_INSERT + _ENTRY_TEXT_SQL + f" WHERE e.id IN ({marks})", chunk)


def _chunks(ids: Sequence[str]) -> Iterable[tuple[tuple[str, ...], str]]:
    for chunk in id_chunks(ids):
        yield chunk, ", ".join("?" for _ in chunk)


def match_query(typed: str) -> str | None:
    """An FTS5 query finding entries with every typed word as a word prefix; None if nothing to find."""
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)
