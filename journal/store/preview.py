"""The newest entries read straight from the file with sqlite3, so the list fills before the store loads.

Importing SQLAlchemy and SQLModel costs about half a second; this read needs neither. It never writes,
and any doubt about the file (missing, damaged, foreign) gives no rows: opening the journal properly
right after is what reports problems.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from pathlib import Path

from journal.domain.model import EntrySummary, Valence
from journal.store.safety import connect_read_only

_NEWEST = ("SELECT id, title, occurred_on, area, valence, updated_at FROM entry "
           "ORDER BY occurred_on DESC, created_at DESC, id LIMIT ?")


def newest_entries(path: Path, limit: int) -> list[EntrySummary]:
    """Up to `limit` entries, newest first, as the entry list shows them; [] when unsure."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return []
        with contextlib.closing(connect_read_only(path)) as db:
            return [_summary(row) for row in db.execute(_NEWEST, (limit,))]
    except (sqlite3.Error, OSError, ValueError):
        return []


def _summary(row: tuple) -> EntrySummary:
    entry_id, title, occurred_on, area, valence, updated_at = row
    return EntrySummary(id=entry_id, title=title, occurred_on=date.fromisoformat(occurred_on), area=area,
                        valence=Valence(valence), updated_at=datetime.fromisoformat(updated_at))
