"""Lists a journal's automatic backups, newest first, and lets the user pick one to go back to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.ui import look
from journal.ui.backup_text import file_size, full_time

if TYPE_CHECKING:
    from journal.store.backup import BackupInfo

NOTE = ("Restoring replaces the journal with the backup you choose. The journal as it is now is kept "
        "as a backup first, so you can come back to it.")
NONE_YET = ("There are no automatic backups of {name} yet. One is made each day the journal is open, "
            "in the backups folder beside it.")


class RestoreDialog(QDialog):
    """The backups of one journal, with their time and size; "Restore…" returns the chosen one."""

    def __init__(self, journal_name: str, backups: Sequence[BackupInfo], parent: QWidget | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self.backups = list(backups)
        self.setWindowTitle("Restore backup")
        heading = QLabel(f"Backups of {journal_name}" + (", newest first" if self.backups else ""))
        heading.setFont(look.scaled_font(self.font(), 1.15, bold=True))
        note = QLabel(NOTE if self.backups else NONE_YET.format(name=journal_name))
        note.setWordWrap(True)
        look.make_muted(note)
        self.table = self._table(now or datetime.now().astimezone())
        self.table.setVisible(bool(self.backups))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        lines = 22 if self.backups else 8
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * lines)

    def _table(self, now: datetime) -> QTreeWidget:
        table = QTreeWidget()
        table.setHeaderLabels(["Taken", "Size"])
        table.setRootIsDecorated(False)
        table.setAlternatingRowColors(True)
        table.setAccessibleName("Backups")
        for info in self.backups:
            item = QTreeWidgetItem([full_time(info.taken_at, now), file_size(info.size)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            table.addTopLevelItem(item)
        table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.header().setStretchLastSection(False)
        if self.backups:
            table.setCurrentItem(table.topLevelItem(0))
        return table

    def chosen(self) -> BackupInfo | None:
        """The backup selected in the list."""
        row = self.table.indexOfTopLevelItem(self.table.currentItem()) if self.table.currentItem() else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    @classmethod
    def ask(cls, parent: QWidget | None, journal_name: str,
            backups: Sequence[BackupInfo]) -> BackupInfo | None:
        """The backup the user chose to restore, or None."""
        dialog = cls(journal_name, backups, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
