"""The status-bar note that says whether everything is saved, or calmly why it is not yet."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from journal.ui import look

SAVED = "All changes saved"
WAITING = "Saving…"


class SaveStatus(QWidget):
    """Shows "All changes saved", "Saving…", or the one sentence telling why saving waits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        self.icon.setVisible(False)
        self.label = QLabel(SAVED)
        self.label.setAccessibleName("Save status")
        look.make_muted(self.label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.label)
        self.problem = ""

    def show_problem(self, message: str) -> None:
        """Tell why saving waits ("" when it works again)."""
        self.problem = message
        self.icon.setVisible(bool(message))
        self.label.setText(message or SAVED)

    def show_pending(self, pending: bool) -> None:
        """Say whether edits are waiting to be written."""
        if not self.problem:
            self.label.setText(WAITING if pending else SAVED)

    def text(self) -> str:
        """What the note says."""
        return self.label.text()
