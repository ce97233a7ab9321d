"""What every editor step shares: loading an entry, and announcing edits as entry transforms."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStyle, QToolButton, QVBoxLayout, QWidget

from journal.ui.hint_label import HintLabel

if TYPE_CHECKING:
    from journal.domain.model import Entry

Transform = Callable[["Entry"], "Entry"]


class Change:
    """How an edit is saved and shown (plain strings: they travel through Qt signals)."""

    TYPING = "typing"   # saved after a pause in the typing
    CHOICE = "choice"   # saved at once; the widgets already show it
    SHAPE = "shape"     # saved at once; every step shows the entry's new shape


@dataclass
class Lookups:
    """Where steps find suggestions: the journal's areas and mechanism names."""

    areas: Callable[[], list[str]] = field(default=lambda: [])
    mechanisms: Callable[[], list[str]] = field(default=lambda: [])


class Step(QWidget):
    """One step of the editor. `edited(transform, change)` asks the editor to change the entry."""

    edited = Signal(object, str)
    title = ""

    def __init__(self, hint: str, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookups = lookups
        self.entry: Entry | None = None
        self._loading = False
        self.hint = HintLabel(hint)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.hint)

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """While filling widgets from the entry, their change signals are not edits."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def load(self, entry: Entry) -> None:
        """Show `entry` (the editor calls this when the entry or its shape changed)."""
        self.entry = entry
        with self.loading():
            self.fill(entry)

    def fill(self, entry: Entry) -> None:
        """Put the entry's values into the widgets (steps override this)."""

    def edit(self, transform: Transform, change: str = Change.TYPING) -> None:
        """Ask for a change, unless the widgets are only being filled."""
        if not self._loading and self.entry is not None:
            self.edited.emit(transform, change)

    def focus_first(self) -> None:
        """Put the cursor in the step's first field."""
        self.focusNextChild()


def tool_button(pixmap: QStyle.StandardPixmap, tip: str, parent: QWidget | None = None) -> QToolButton:
    """A small icon button with a tooltip that is also its accessible name."""
    button = QToolButton(parent)
    button.setIcon(button.style().standardIcon(pixmap))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


def clear_layout(layout) -> None:
    """Remove and delete every widget and sub-layout of a layout."""
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            clear_layout(inner)
