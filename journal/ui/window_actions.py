"""The window's actions with their shortcuts, and the menus that hold them."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


class WindowActions:
    """Every menu command of the main window, as QActions the window connects."""

    def __init__(self, window: QMainWindow) -> None:
        def action(text: str, *keys: QKeySequence | QKeySequence.StandardKey | str) -> QAction:
            made = QAction(text, window)
            made.setShortcuts([QKeySequence(key) for key in keys])
            return made

        self.new_journal = action("&New journal…")
        self.open_journal = action("&Open journal…", QKeySequence.StandardKey.Open)
        self.export_markdown = action("Export &Markdown…")
        self.export_json = action("Export &JSON…")
        self.backup = action("&Back up…")
        self.restore_backup = action("&Restore backup…")
        self.quit = action("&Quit", "Ctrl+Q")
        self.undo = action("&Undo", "Ctrl+Z")
        self.redo = action("&Redo", "Ctrl+Shift+Z", "Ctrl+Y")
        self.find = action("&Find entries", "Ctrl+F")
        self.new_entry = action("&New entry", "Ctrl+N")
        self.delete_entry = action("&Delete entry…")
        self._menus(window)

    def _menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_journal, self.open_journal])
        file_menu.addSeparator()
        file_menu.addActions([self.export_markdown, self.export_json])
        file_menu.addSeparator()
        file_menu.addActions([self.backup, self.restore_backup])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        entry_menu = bar.addMenu("E&ntry")
        entry_menu.addActions([self.new_entry, self.delete_entry])

    def needing_journal(self) -> list[QAction]:
        """The actions that only make sense with a journal open."""
        return [self.export_markdown, self.export_json, self.backup, self.restore_backup, self.find,
                self.new_entry, self.delete_entry]
