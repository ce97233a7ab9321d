"""Asks where a why (and its branch) should move: under which answer, or to the top level."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.model import Entry
from journal.domain.whytree import branch_ids, find_why

TOP_LEVEL = ""


def _choices(entry: Entry, why_id: str) -> list[tuple[str, str]]:
    """(parent id, label) pairs a why may move under: the top level and every answer outside its branch."""
    why = find_why(entry.whys, why_id)
    excluded = branch_ids(why) if why else set()
    choices = [(TOP_LEVEL, "The top level (a first why of the entry)")]
    for node, depth in entry.walk_whys():
        if node.id not in excluded:
            text = " ".join(node.answer.split()) or node.question or "(no answer yet)"
            choices.append((node.id, "    " * (depth - 1) + text))
    return choices


class MoveWhyDialog(QDialog):
    """A list of the answers a why can be asked of."""

    def __init__(self, entry: Entry, why_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Move why")
        self.list = QListWidget()
        self.list.setAccessibleName("New place")
        for parent_id, label in _choices(entry, why_id):
            item = QListWidgetItem(label)
            item.setData(256, parent_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(standard.Ok).setText("Move")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Move this why and everything below it under:"))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().lineSpacing() * 20)

    @classmethod
    def ask(cls, parent: QWidget | None, entry: Entry, why_id: str) -> str | None:
        """The chosen parent id ("" for the top level), or None if the user cancelled."""
        dialog = cls(entry, why_id, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.list.currentItem() is None:
            return None
        return dialog.list.currentItem().data(256)
