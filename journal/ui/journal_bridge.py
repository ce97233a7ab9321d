"""A QObject that turns the journal's change notices into a Qt signal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from journal.store.repository import Journal


class JournalBridge(QObject):
    """Emits `changed(entry_ids)` after every committed write to the journal it watches.

    An empty set means many things changed. Only the journal set last is forwarded, so an old
    journal that is still open elsewhere cannot disturb the window.
    """

    changed = Signal(frozenset)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None

    def watch(self, journal: Journal | None) -> None:
        """Forward the notices of `journal` (None: of no journal)."""
        self._journal = journal
        if journal is not None:
            journal.subscribe(lambda ids, source=journal: self._forward(source, ids))

    def _forward(self, source: Journal, entry_ids: frozenset[str]) -> None:
        if source is self._journal:
            self.changed.emit(frozenset(entry_ids))
