"""Asking for files and folders: journals to open or create, export targets, backup files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

JOURNAL_FILTER = "Five Whys journals (*.sqlite *.db);;All files (*)"


def _chosen(path: str) -> Path | None:
    return Path(path) if path else None


class FileDialogs:
    """Each method asks once and returns the chosen path, or None if the user cancelled."""

    @classmethod
    def ask_open_journal(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(parent, "Open journal", str(start or ""), JOURNAL_FILTER)
        return _chosen(path)

    @classmethod
    def ask_new_journal(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(parent, "New journal", str(start or "journal.sqlite"),
                                                    JOURNAL_FILTER)
        return _chosen(path)

    @classmethod
    def ask_json_file(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(parent, "Export JSON", str(start or "journal.json"),
                                                    "Journal JSON (*.json)")
        return _chosen(path)

    @classmethod
    def ask_markdown_folder(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, "Export Markdown into folder", str(start or ""))
        return _chosen(path)

    @classmethod
    def ask_backup_file(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(parent, "Back up journal", str(start or ""),
                                                    JOURNAL_FILTER)
        return _chosen(path)
