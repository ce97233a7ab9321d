"""A stand-in for a costly widget that the first frame does not need: built when shown or first asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent


class LazyWidget(QWidget):
    """Holds the place of the widget `build()` makes, and makes it (once) on first show or `content()`."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def content(self) -> QWidget:
        """The real widget, built now if it was not yet."""
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
            if self.isVisible():  # else a child added to a shown widget appears only after the next event
                self._content.show()
        return self._content

    def built(self) -> QWidget | None:
        """The real widget if it has been built, else None (without building it)."""
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.content()
        super().showEvent(event)
