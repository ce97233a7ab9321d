"""A calm banner over the editor when the entry was changed in another window: which version wins?"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from journal.ui import look

CHANGED = "This entry was changed in another window."
DELETED = "This entry was deleted in another window."
DETAIL = "Your version is kept here, unsaved, until you choose."
SHOW_OTHER = "Show the other version"
LET_GO = "Let it go"


class ConflictBanner(QFrame):
    """`keep_mine` or `show_theirs` when a button is clicked; the window shows and hides it."""

    keep_mine = Signal()
    show_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        look.make_banner(self)
        self.setAccessibleName("Edit conflict")
        icon = QLabel()
        size = self.fontMetrics().height() * 2
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size))
        self.text = QLabel(CHANGED)
        self.text.setFont(look.scaled_font(self.font(), 1.0, bold=True))
        self.text.setWordWrap(True)
        detail = QLabel(DETAIL)
        look.make_muted(detail)
        detail.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.text)
        words.addWidget(detail)
        self.keep_button = QPushButton("Keep my version")
        self.theirs_button = QPushButton(SHOW_OTHER)
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addLayout(words, 1)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.theirs_button)
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.show_theirs)
        self.setVisible(False)

    def show_conflict(self, deleted: bool) -> None:
        """Appear, saying whether the other window changed the entry or deleted it."""
        self.text.setText(DELETED if deleted else CHANGED)
        self.theirs_button.setText(LET_GO if deleted else SHOW_OTHER)
        self.theirs_button.setAccessibleName("Accept the deletion" if deleted else SHOW_OTHER)
        self.setVisible(True)
