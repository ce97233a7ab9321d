"""The mechanisms of a root-cause why: add names with completion, remove them, spot near-duplicates."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.domain.names import near_duplicate, same_name
from journal.ui import look
from journal.ui.editor.step import clear_layout, tool_button


class MechanismsBox(QWidget):
    """Names linked to one why; `changed(names)` after each addition or removal."""

    changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._known: list[str] = []
        self._suggestion: str | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name the mechanism, e.g. “No alarm on rate of change”")
        self.name_edit.setAccessibleName("Mechanism name")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.add_button = QPushButton("Add mechanism")
        self.add_button.setAccessibleName("Add mechanism")
        self.duplicate_hint = QLabel()
        self.duplicate_hint.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_hint.setAccessibleName("Similar mechanism")
        look.make_muted(self.duplicate_hint, 0.95)
        self.duplicate_hint.setVisible(False)
        self._list = QVBoxLayout()
        self._lay_out()
        self.name_edit.textChanged.connect(self._check_duplicate)
        self.name_edit.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.duplicate_hint.linkActivated.connect(lambda _link: self.use_suggestion())

    def _lay_out(self) -> None:
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.name_edit, 1)
        entry_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        layout.addLayout(entry_row)
        layout.addWidget(self.duplicate_hint)

    def show_names(self, names: tuple[str, ...], known: list[str]) -> None:
        """Show the why's mechanisms and offer the journal's names for completion."""
        self._names = names
        self._known = known
        self._completions.setStringList(known)
        clear_layout(self._list)
        for name in names:
            self._list.addWidget(self._chip(name))

    def _chip(self, name: str) -> QWidget:
        chip = QWidget()
        row = QHBoxLayout(chip)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(f"• {name}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFont(look.scaled_font(self.font(), 1.0, bold=True))
        remove = tool_button(QStyle.StandardPixmap.SP_DialogDiscardButton, f"Remove mechanism {name}")
        remove.clicked.connect(lambda: self._set(tuple(n for n in self._names if n != name)))
        row.addWidget(label, 1)
        row.addWidget(remove)
        return chip

    def add_typed(self) -> None:
        """Link the typed name (the journal's spelling when it exists ignoring case)."""
        typed = " ".join(self.name_edit.text().split())
        if not typed:
            return
        name = next((known for known in self._known if same_name(known, typed)), typed)
        self.name_edit.clear()
        if not any(same_name(name, linked) for linked in self._names):
            self._set(self._names + (name,))

    def use_suggestion(self) -> None:
        """Replace the typed name by the similar existing one."""
        if self._suggestion:
            self.name_edit.setText(self._suggestion)

    def _set(self, names: tuple[str, ...]) -> None:
        self.show_names(names, self._known)
        self.changed.emit(names)

    def _check_duplicate(self, text: str) -> None:
        self._suggestion = near_duplicate(text, self._known) if text.strip() else None
        if self._suggestion:
            safe = self._suggestion.replace("&", "&amp;").replace("<", "&lt;")
            self.duplicate_hint.setText(f"Did you mean “{safe}”? <a href='use'>Use it</a>")
        self.duplicate_hint.setVisible(self._suggestion is not None)

    def suggestion(self) -> str | None:
        """The existing name the typed one nearly repeats, if any."""
        return self._suggestion
