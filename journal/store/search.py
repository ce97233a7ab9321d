"""The full-text index (FTS5): what text of an entry is searchable, and how typed words become a query."""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlalchemy as sa

_ENTRY_TEXT_SQL = """
SELECT e.id, e.title,
  e.outcome || ' ' || e.notes || ' ' || e.area
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM input WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(question || ' ' || answer, ' ') FROM why
                      WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM action WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(text, ' ') FROM guideline WHERE entry_id = e.id), '')
  || ' ' || COALESCE((SELECT group_concat(m.name, ' ') FROM why_mechanism wm
                      JOIN mechanism m ON m.id = wm.mechanism_id WHERE wm.entry_id = e.id), '')
FROM entry e
"""

_WORD = re.compile(r"\w+", re.UNICODE)


def rebuild_index(connection: sa.Connection) -> None:
    """Index every entry from scratch."""
    connection.exec_driver_sql("DELETE FROM entry_search")
    connection.exec_driver_sql(
        "INSERT INTO entry_search (entry_id, title, body) " + _ENTRY_TEXT_SQL
    )


def reindex_entries(connection: sa.Connection, entry_ids: Iterable[str]) -> None:
    """Bring the index up to date for these entries (deleted ones simply drop out)."""
    for entry_id in set(entry_ids):
        connection.exec_driver_sql("DELETE FROM entry_search WHERE entry_id = ?", (entry_id,))
        connection.exec_driver_sql(
            "INSERT INTO entry_search (entry_id, title, body) " + _ENTRY_TEXT_SQL
            + " WHERE e.id = ?",
            (entry_id,),
        )


def match_query(typed: str) -> str | None:
    """An FTS5 query finding entries with every typed word as a word prefix; None if nothing to find."""
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)
