"""A banner over the journal when edits that could not be saved last time were kept aside."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QPushButton, QStyle, QWidget

from journal.ui import look
from journal.ui.backup_text import full_time

if TYPE_CHECKING:
    from journal.exchange.unsaved import KeptAside

DETAIL = "Put them back to continue where you left off, or let them go."
TITLES_SHOWN = 3


class KeptAsideBanner(QFrame):
    """`put_back` or `let_go` when a button is clicked; the window shows it with `show_kept`."""

    put_back = Signal()
    let_go = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Changes kept aside")
        self.put_back_button = QPushButton("Put them back")
        self.let_go_button = QPushButton("Let them go…")
        self.text = look.fill_notice_banner(self, QStyle.StandardPixmap.SP_MessageBoxWarning, DETAIL,
                                            [self.put_back_button, self.let_go_button])
        self.put_back_button.clicked.connect(self.put_back)
        self.let_go_button.clicked.connect(self.let_go)
        self.setVisible(False)

    def show_kept(self, kept: Sequence[KeptAside]) -> None:
        """Appear with what was kept aside and when, or hide if nothing was."""
        self.text.setText(describe(kept, datetime.now().astimezone()) if kept else "")
        self.setVisible(bool(kept))


def describe(kept: Sequence[KeptAside], now: datetime) -> str:
    """One sentence: which entries' changes were kept aside, and when."""
    titles = list(dict.fromkeys(entry.title.strip() or "Untitled entry" for k in kept for entry in k.entries))
    named = ", ".join(f"“{title}”" for title in titles[:TITLES_SHOWN])
    if len(titles) > TITLES_SHOWN:
        named += f" and {len(titles) - TITLES_SHOWN} more"
    when = full_time(kept[-1].written_at.astimezone(), now)
    return f"Some changes could not be saved ({when}) and were kept aside: {named}."
