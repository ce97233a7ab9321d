"""Saving as the user types: debounced writes of whole entries, kept and retried when the disk says no."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from journal.domain.model import Entry, now_utc
from journal.store.errors import JournalError

if TYPE_CHECKING:
    from journal.store.repository import Journal

DELAY_MS = 500
MAX_WAIT_MS = 2000
RETRY_MS = 1500


class Autosaver(QObject):
    """Holds edited entries until they are in the database; nothing is dropped when a write fails.

    `committed(before, after)` follows every recorded write (before is None for a new entry),
    `problem(message)` tells why saving stopped ("" once it works again).
    """

    committed = Signal(object, object)
    problem = Signal(str)
    saved = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._pending: dict[str, tuple[Entry, bool]] = {}
        self._stored: dict[str, Entry] = {}
        self._failing = False
        self.writing = False
        self._debounce = self._timer(DELAY_MS)
        self._max_wait = self._timer(MAX_WAIT_MS)
        self._retry = self._timer(RETRY_MS)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.flush)
        return timer

    def set_journal(self, journal: Journal | None) -> None:
        """Save into `journal` from now on (the caller flushes the previous one first)."""
        self._journal = journal
        self._pending.clear()
        self._stored.clear()
        self._set_failing(False)

    def track(self, entry: Entry) -> None:
        """Note `entry` as it is stored now (the state a first undo goes back to)."""
        self._stored[entry.id] = entry

    def schedule(self, entry: Entry) -> None:
        """Save `entry` shortly after the typing stops (and at least every couple of seconds)."""
        self._keep(entry, record=True)
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def commit(self, entry: Entry, record: bool = True) -> bool:
        """Save `entry` now (with anything else pending); False if it had to be kept for later."""
        self._keep(entry, record)
        return self.flush()

    def _keep(self, entry: Entry, record: bool) -> None:
        previous = self._pending.get(entry.id)
        self._pending[entry.id] = (entry, record or (previous is not None and previous[1]))

    def pending_entry(self, entry_id: str) -> Entry | None:
        """The unsaved state of an entry, if it has one."""
        pending = self._pending.get(entry_id)
        return pending[0] if pending else None

    def has_pending(self, entry_id: str | None = None) -> bool:
        """Whether an entry (or any entry) has edits not yet in the database."""
        return bool(self._pending) if entry_id is None else entry_id in self._pending

    def flush(self) -> bool:
        """Write every pending entry now; on a JournalError keep them, say why and retry soon."""
        for timer in (self._debounce, self._max_wait, self._retry):
            timer.stop()
        if self._journal is None:
            return not self._pending
        for entry_id in list(self._pending):
            try:
                self._write(*self._pending[entry_id])
            except JournalError as error:
                self._set_failing(True, str(error))
                self._retry.start()
                return False
        self._set_failing(False)
        return True

    def _write(self, entry: Entry, record: bool) -> None:
        stored = replace(entry, updated_at=now_utc())
        self.writing = True
        try:
            self._journal.replace_entry(stored)
        finally:
            self.writing = False
        del self._pending[entry.id]
        before = self._stored.get(entry.id)
        self._stored[entry.id] = stored
        if record:
            self.committed.emit(before, stored)
        self.saved.emit(entry.id)

    def _set_failing(self, failing: bool, message: str = "") -> None:
        if failing or self._failing:
            self.problem.emit(message)
        self._failing = failing
