"""Exports run on a worker thread; progress and the outcome come back to the window by signal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journal.ui import look
from journal.ui.background import BackgroundCall

if TYPE_CHECKING:
    from journal.domain.model import Entry, EntryFilter
    from journal.store.repository import Journal

JSON, MARKDOWN = "json", "markdown"
Progress = Callable[[int, int], None]


def export_entries(journal: Journal, kind: str, target: Path, progress: Progress,
                   entry_filter: EntryFilter | None = None) -> str:
    """Write whole entries (all, unless filtered) as the journal reads them (runs on the worker thread;
    touches no widget); a summary."""
    from journal.domain.model import EntryFilter

    entries = JournalEntries(journal, entry_filter or EntryFilter())
    total = len(entries)
    if kind == JSON:
        from journal.exchange.files import write_json

        progress(0, total)
        total = write_json(target, entries, journal.mechanisms())
    else:
        from journal.exchange.markdown_files import write_markdown_folder

        written = write_markdown_folder(target, entries, progress=progress, mechanisms=journal.mechanisms())
        total = len(written)
    progress(total, total)
    return f"Exported {look.count_of(total, 'entry', 'entries')} to {target}."


class JournalEntries:
    """The filtered entries, read one by one while they are written; len() is their count beforehand
    (for progress), so a big journal is never held in memory whole."""

    def __init__(self, journal: Journal, entry_filter: EntryFilter) -> None:
        self._journal, self._filter = journal, entry_filter
        self._count = journal.count_entries(entry_filter)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._journal.all_entries(self._filter))


class ExportJob(BackgroundCall):
    """An export on its own thread: `progress(done, total)`, then `finished(summary)` or `failed(why)`."""

    progress = Signal(int, int)
    finished = Signal(str)

    def __init__(self, journal: Journal, kind: str, target: Path, parent: QObject | None = None) -> None:
        super().__init__(lambda: export_entries(journal, kind, target, self._note_progress), parent)
        self._latest: tuple[int, int] | None = None  # written by the worker, read by the UI thread
        self.done.connect(self.finished.emit)

    def _note_progress(self, done: int, total: int) -> None:
        self._latest = (done, total)

    def _report(self) -> None:
        latest, self._latest = self._latest, None
        if latest is not None:
            self.progress.emit(*latest)
