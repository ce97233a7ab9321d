"""Tells why a journal cannot be opened, and offers to open another one."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class OpenErrorDialog:
    """The one-sentence reason, with "Open another journal…" and "Cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> bool:
        """True if the user wants to pick another journal."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the journal", message,
                          QMessageBox.StandardButton.Cancel, parent)
        other = box.addButton("Open another journal…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(other)
        box.exec()
        return box.clickedButton() is other
