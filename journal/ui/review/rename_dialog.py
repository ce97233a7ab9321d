"""Asking for a mechanism's new name; a name another mechanism has is pointed to Merge instead."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class RenameMechanismDialog(QDialog):
    """One line for the new name, with a hint when it cannot be used."""

    def __init__(self, name: str, other_names: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rename mechanism")
        self._others = {other.strip().casefold(): other for other in other_names}
        self.name_edit = QLineEdit(name, self)
        self.name_edit.selectAll()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Rename")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"New name for “{name}”:", self))
        layout.addWidget(self.name_edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._check)
        self._check(name)

    def _check(self, text: str) -> None:
        clash = self._others.get(text.strip().casefold())
        self.hint.setText(f"“{clash}” exists already: use Merge to combine them." if clash else
                          "" if text.strip() else "A mechanism needs a name.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()) and not clash)

    def new_name(self) -> str:
        return self.name_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, other_names: Iterable[str]) -> str | None:
        """The new name, or None if the user cancelled or left it as it was."""
        dialog = cls(name, other_names, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.new_name() == name:
            return None
        return dialog.new_name()
