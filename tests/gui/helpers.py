"""Small helpers for driving the window as a user would, and for reading the database behind its back."""

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from journal.domain.model import Entry
from journal.store.repository import Journal


def read_sql(path: Path, sql: str, *params) -> list[tuple]:
    """Rows read through a separate sqlite3 connection (what another program would see)."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, params).fetchall()


def stored_entry(path: Path, entry_id: str) -> Entry | None:
    """The entry as a fresh Journal reads it from the file."""
    with Journal.open(path) as journal:
        return journal.get_entry(entry_id)


def type_into(qtbot, widget: QWidget, text: str, replace: bool = True) -> None:
    """Click into a field and type, as a user would."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    if replace:
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def step_button(window, index: int):
    """The editor's step button number `index` (0: Outcome)."""
    return window.editor.step_buttons.button(index)
