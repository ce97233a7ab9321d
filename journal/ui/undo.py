"""Undo and redo of entry edits as stacks of whole-entry snapshots, one pair of stacks per entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.domain.model import Entry

LIMIT = 200


class UndoHistory:
    """Snapshots taken before each committed change; undo restores one, redo goes forward again."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._limit = limit
        self._undo: dict[str, list[Entry]] = {}
        self._redo: dict[str, list[Entry]] = {}

    def record(self, before: Entry) -> None:
        """Remember the entry as it was before a change; a new change ends the redo trail."""
        stack = self._undo.setdefault(before.id, [])
        stack.append(before)
        del stack[:-self._limit]
        self._redo.pop(before.id, None)

    def can_undo(self, entry_id: str | None) -> bool:
        """Whether there is an earlier state of this entry to go back to."""
        return bool(entry_id and self._undo.get(entry_id))

    def can_redo(self, entry_id: str | None) -> bool:
        """Whether an undone state of this entry can be restored."""
        return bool(entry_id and self._redo.get(entry_id))

    def undo(self, current: Entry) -> Entry | None:
        """The state before the last change (None if none); `current` becomes redoable."""
        return self._step(current, self._undo, self._redo)

    def redo(self, current: Entry) -> Entry | None:
        """The state the last undo left (None if none); `current` becomes undoable."""
        return self._step(current, self._redo, self._undo)

    def forget(self, entry_id: str | None = None) -> None:
        """Drop the history of one entry, or of all entries (another journal was opened)."""
        if entry_id is None:
            self._undo.clear()
            self._redo.clear()
        else:
            self._undo.pop(entry_id, None)
            self._redo.pop(entry_id, None)

    @staticmethod
    def _step(current: Entry, source: dict[str, list[Entry]], target: dict[str, list[Entry]]) -> Entry | None:
        stack = source.get(current.id)
        if not stack:
            return None
        target.setdefault(current.id, []).append(current)
        return stack.pop()
