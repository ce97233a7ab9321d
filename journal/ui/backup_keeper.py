"""Automatic backups of the open journal: one a day, taken off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from journal.ui.background import BackgroundCall
from journal.ui.backup_status import BackupStatus

RECHECK_MS = 3_600_000


class BackupKeeper(QObject):
    """Backs the watched journal up when its newest backup is a day old (at once, then every hour it
    stays open) and shows when the last one was taken.

    `backed_up(path)` follows each new backup file, `failed(sentence)` a backup that could not be made.
    """

    failed = Signal(str)
    backed_up = Signal(object)

    def __init__(self, status: BackupStatus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.path: Path | None = None
        self.call: BackgroundCall | None = None
        self._recheck = QTimer(self)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.back_up_if_due)

    def watch(self, path: Path | None) -> None:
        """Keep the journal at `path` backed up (None: no journal is open)."""
        self.path = path
        if path is None:
            self._recheck.stop()
            self.status.forget()
            return
        self.show_last()
        self.back_up_if_due()
        self._recheck.start()

    def show_last(self) -> None:
        """Show when the watched journal's newest backup was taken."""
        from journal.store.backup import backup_folder, last_backup_time

        if self.path is not None:
            self.status.show_last(last_backup_time(self.path), str(backup_folder(self.path)))

    def back_up_if_due(self) -> None:
        """Start an automatic backup in the background (it does nothing if one was taken today)."""
        from journal.store.backup import auto_backup

        if self.path is None or self.running():
            return
        path = self.path
        if self.call is not None:
            self.call.deleteLater()
        self.call = BackgroundCall(lambda: auto_backup(path), self)
        self.call.done.connect(lambda made: self._done(path, made))
        self.call.failed.connect(lambda message: self._failed(path, message))
        self.call.start()

    def running(self) -> bool:
        """Whether a backup is being taken now."""
        return self.call is not None and self.call.running()

    def wait(self) -> None:
        """Let a backup being taken finish (before the journal is closed or replaced)."""
        if self.call is not None:
            self.call.wait()

    def _done(self, path: Path, made: Path | None) -> None:
        if path == self.path:
            self.show_last()
            if made is not None:
                self.backed_up.emit(made)

    def _failed(self, path: Path, message: str) -> None:
        if path == self.path:
            self.failed.emit(message)
