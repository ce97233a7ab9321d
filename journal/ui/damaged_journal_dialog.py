"""Tells why a journal cannot be opened and offers to restore one of its backups or open another journal."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

RESTORE, OTHER = "restore", "other"


class DamagedJournalDialog:
    """The one-sentence reason, with "Restore a backup…", "Open another journal…" and "Cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str) -> str | None:
        """RESTORE, OTHER, or None if the user cancelled."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the journal", message,
                          QMessageBox.StandardButton.Cancel, parent)
        restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton("Open another journal…", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return RESTORE
        return OTHER if clicked is other else None
