"""The small status-bar note "Last backup: 5 minutes ago", kept current as time passes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from journal.ui import look
from journal.ui.backup_text import full_time, relative_time

TICK_MS = 60_000
NONE_YET = "Last backup: none yet"


class BackupStatus(QWidget):
    """Says when the open journal was last backed up automatically (hidden with no journal open)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAccessibleName("Last backup")
        look.make_muted(self.label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, self.fontMetrics().averageCharWidth(), 0)
        layout.addWidget(self.label)
        layout.addSpacing(self.fontMetrics().averageCharWidth())
        layout.addWidget(line)
        self.taken_at: datetime | None = None
        self.folder = ""
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._render)
        self.setVisible(False)

    def show_last(self, taken_at: datetime | None, folder: str) -> None:
        """Show the newest backup's time (None: there is none yet), taken into `folder`."""
        self.taken_at, self.folder = taken_at, folder
        self.setVisible(True)
        self._render()
        self._tick.start()

    def forget(self) -> None:
        """No journal is open: say nothing."""
        self._tick.stop()
        self.setVisible(False)

    def text(self) -> str:
        """What the note says."""
        return self.label.text()

    def _render(self, now: datetime | None = None) -> None:
        now = now or datetime.now().astimezone()
        if self.taken_at is None:
            self.label.setText(NONE_YET)
            self.label.setToolTip(f"A backup is made into {self.folder} each day the journal is open.")
            return
        self.label.setText(f"Last backup: {relative_time(self.taken_at, now)}")
        self.label.setToolTip(f"Taken {full_time(self.taken_at, now)} into {self.folder}.\n"
                              "File › Restore backup… goes back to one.")
