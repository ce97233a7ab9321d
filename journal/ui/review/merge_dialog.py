"""Choosing which mechanism the others merge into, with a preview of what moves."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from journal.domain.review import MergePreview

Preview = Callable[[Sequence[str], str], MergePreview]


class MergeMechanismsDialog(QDialog):
    """A target picker and a sentence saying how many whys and entries will move."""

    def __init__(self, selected: Sequence[str], candidates: Sequence[str], preview: Preview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge mechanisms")
        self.setMinimumWidth(460)
        self._selected, self._preview = list(selected), preview
        self._candidates = list(candidates)
        self.target = QComboBox(self)
        self.target.addItems(self._candidates)
        self.target.setEditable(True)  # type to find one among hundreds
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.target.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every why linked to the merged mechanisms will link to this one instead:",
                                self))
        layout.addWidget(self.target)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.target.currentTextChanged.connect(self._show_preview)
        self._show_preview(self.target.currentText())

    def sources(self) -> list[str]:
        return [name for name in self._selected if name != self.target.currentText()]

    def _show_preview(self, target: str) -> None:
        known = target in self._candidates
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(known)
        if not known:
            self.preview.setText("Choose one of the mechanisms in the list.")
            return
        sources = self.sources()
        removed = ", ".join(f"“{name}”" for name in sources)
        self.preview.setText(f"{self._preview(sources, target).sentence()} {removed} will be removed.")

    @classmethod
    def ask(cls, parent: QWidget | None, selected: Sequence[str], candidates: Sequence[str],
            preview: Preview) -> str | None:
        """The chosen target (the other selected names merge into it), or None if cancelled."""
        dialog = cls(selected, candidates, preview, parent)
        return dialog.target.currentText() if dialog.exec() == QDialog.DialogCode.Accepted else None
