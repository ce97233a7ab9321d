"""Saving as the user types: debounced writes of whole entries, kept and retried when the disk says no,
and never written over an edit made in another window."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from journal.store.errors import EditConflict, JournalError

if TYPE_CHECKING:
    from journal.domain.model import Entry
    from journal.store.repository import Journal

DELAY_MS = 500
MAX_WAIT_MS = 2000
RETRY_MS = 1500


class Autosaver(QObject):
    """Holds edited entries until they are in the database; nothing is dropped when a write fails.

    `committed(before, after)` follows every recorded write (before is None for a new entry),
    `problem(message)` tells why saving stopped ("" once it works again), `conflict(entry_id)` that an
    entry was changed elsewhere since this window read it: its edits are kept, not written, until
    keep_mine() or take_theirs() says which version wins.
    """

    committed = Signal(object, object)
    problem = Signal(str)
    saved = Signal(str)
    conflict = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._pending: dict[str, tuple[Entry, bool]] = {}
        self._stored: dict[str, Entry] = {}
        self._base: dict[str, Entry] = {}
        self._conflicts: dict[str, EditConflict] = {}
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
        for kept in (self._pending, self._stored, self._base, self._conflicts):
            kept.clear()
        self._set_failing(False)

    def track(self, entry: Entry) -> None:
        """Note `entry` as the state a first undo goes back to."""
        self._stored[entry.id] = entry

    def loaded(self, entry: Entry) -> None:
        """Note `entry` as just read from the journal: the undo base, and what the next save expects there."""
        self._stored[entry.id] = entry
        self._base[entry.id] = entry

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

    def unsaved_entries(self) -> list[Entry]:
        """Every entry whose latest edits are not in the database yet."""
        return [entry for entry, _record in self._pending.values()]

    def has_pending(self, entry_id: str | None = None) -> bool:
        """Whether an entry (or any entry) has edits not yet in the database."""
        return bool(self._pending) if entry_id is None else entry_id in self._pending

    def in_conflict(self, entry_id: str | None) -> bool:
        """Whether this entry's edits wait because another window changed it."""
        return entry_id in self._conflicts

    def deleted_elsewhere(self, entry_id: str) -> bool:
        """Whether the conflict over this entry is that another window deleted it."""
        error = self._conflicts.get(entry_id)
        return error is not None and error.current is None

    def flush(self) -> bool:
        """Write every pending entry now; True if nothing is left unsaved.

        On a JournalError the edits are kept, the reason told and a retry started; an entry changed
        elsewhere is kept and left alone until the user chooses a version.
        """
        for timer in (self._debounce, self._max_wait, self._retry):
            timer.stop()
        if self._journal is None:
            return not self._pending
        for entry_id in [key for key in self._pending if key not in self._conflicts]:
            try:
                self._write(*self._pending[entry_id])
            except EditConflict as error:
                self._conflicts[entry_id] = error
                self.conflict.emit(entry_id)
            except JournalError as error:
                self._set_failing(True, str(error))
                self._retry.start()
                return False
        self._report_conflicts()
        return not self._pending

    def keep_mine(self, entry_id: str) -> bool:
        """Save this window's version over the one written elsewhere; False if it had to wait again."""
        if self._journal is None or entry_id not in self._conflicts:
            return self.flush()
        try:
            current = self._journal.get_entry(entry_id)
        except JournalError as error:
            self._set_failing(True, str(error))
            return False
        self._settle(entry_id, current)
        return self.flush()

    def take_theirs(self, entry_id: str) -> Entry | None:
        """Drop this window's unsaved version for the one in the journal, which is returned (None if
        it was deleted). Raises JournalError, changing nothing, if the journal cannot be read."""
        current = self._journal.get_entry(entry_id) if self._journal else None
        self._pending.pop(entry_id, None)
        self._settle(entry_id, current)
        if current is not None:
            self._stored[entry_id] = current
        self._report_conflicts()
        return current

    def _settle(self, entry_id: str, current: Entry | None) -> None:
        self._conflicts.pop(entry_id, None)
        if current is None:
            self._base.pop(entry_id, None)
        else:
            self._base[entry_id] = current

    def _report_conflicts(self) -> None:
        message = str(next(iter(self._conflicts.values()), ""))
        self._set_failing(bool(message), message)

    def _write(self, entry: Entry, record: bool) -> None:
        from journal.domain.model import now_utc

        stored = replace(entry, updated_at=now_utc())
        self.writing = True
        try:
            self._base[entry.id] = self._journal.replace_entry(stored, expected=self._base.get(entry.id))
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
