"""A short, calm hint: a small info icon beside muted, wrapping text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from journal.ui import look


class HintLabel(QWidget):
    """Muted guidance text with an icon; never modal, never in the way."""

    def __init__(self, text: str = "", parent: QWidget | None = None, icon: str = "info") -> None:
        super().__init__(parent)
        self._icon = QLabel()
        self._text = QLabel(text)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        look.make_muted(self._text, 0.95)
        self._set_icon(icon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text, 1)
        self.setAccessibleName("Hint")

    def _set_icon(self, icon: str) -> None:
        kind = {"info": QStyle.StandardPixmap.SP_MessageBoxInformation,
                "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}[icon]
        size = self.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(kind).pixmap(size, size))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        """Change the hint."""
        self._text.setText(text)

    def text(self) -> str:
        """The hint shown."""
        return self._text.text()
