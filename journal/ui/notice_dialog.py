"""Tells the user, in one sentence, that something they asked for could not be done."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class NoticeDialog:
    """A message box with the sentence and an OK button."""

    @classmethod
    def tell(cls, parent: QWidget | None, title: str, message: str) -> None:
        """Show `message` until the user closes it."""
        QMessageBox.warning(parent, title, message)
