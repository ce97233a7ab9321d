"""A calm banner over the editor when the entry was changed in another window: which version wins?"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QStyle, QWidget

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
        self.setAccessibleName("Edit conflict")
        self.keep_button = QPushButton("Keep my version")
        self.theirs_button = QPushButton(SHOW_OTHER)
        self.text = look.fill_notice_banner(self, QStyle.StandardPixmap.SP_MessageBoxInformation, DETAIL,
                                            [self.keep_button, self.theirs_button])
        self.text.setText(CHANGED)
        self.keep_button.clicked.connect(self.keep_mine)
        self.theirs_button.clicked.connect(self.show_theirs)
        self.setVisible(False)

    def show_conflict(self, deleted: bool) -> None:
        """Appear, saying whether the other window changed the entry or deleted it."""
        self.text.setText(DELETED if deleted else CHANGED)
        self.theirs_button.setText(LET_GO if deleted else SHOW_OTHER)
        self.theirs_button.setAccessibleName("Accept the deletion" if deleted else SHOW_OTHER)
        self.setVisible(True)
