"""Step 2: the inputs that went into the outcome, each of a kind, in order."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.domain.model import Entry, Input, InputKind, Valence
from journal.domain.whytree import insert_item, remove_item, shift_item, update_item
from journal.ui.editor.step import Change, Lookups, Step, clear_layout, tool_button

HINT = ("Focus on the inputs: the processes, people's actions and decisions, luck and time passing "
        "that went into the outcome. They are what you can change.")
LUCK_HINT = " For a good outcome, ask too: how much of this was luck?"
KIND_LABELS = {InputKind.PROCESS: "Process", InputKind.ACTION: "Action or decision",
               InputKind.LUCK: "Luck", InputKind.TIME: "Time, outside events"}


class InputRow(QWidget):
    """One input: its kind, its text, and buttons to move or remove it."""

    def __init__(self, item: Input, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.input_id = item.id
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
        self.kind.setAccessibleName(f"Kind of input {number}")
        self.text = QLineEdit(item.text)
        self.text.setPlaceholderText("What went in")
        self.text.setAccessibleName(f"Input {number}")
        self.up = tool_button(QStyle.StandardPixmap.SP_ArrowUp, "Move input up")
        self.down = tool_button(QStyle.StandardPixmap.SP_ArrowDown, "Move input down")
        self.delete = tool_button(QStyle.StandardPixmap.SP_DialogDiscardButton, "Delete input")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.kind, 0), (self.text, 1), (self.up, 0), (self.down, 0),
                                (self.delete, 0)):
            layout.addWidget(widget, stretch)


class InputsStep(Step):
    """A list of inputs that can be added, edited, reordered and removed."""

    title = "Inputs"

    def __init__(self, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(HINT, lookups, parent)
        self.rows: list[InputRow] = []
        self._focus_id: str | None = None
        self._rows_layout = QVBoxLayout()
        self.add_button = QPushButton("Add input")
        self.add_button.setAccessibleName("Add input")
        self.add_button.clicked.connect(self.add_input)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addLayout(self._rows_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        self.body.addWidget(scroll, 1)

    def fill(self, entry: Entry) -> None:
        self.hint.setText(HINT + (LUCK_HINT if entry.valence is not Valence.NEGATIVE else ""))
        clear_layout(self._rows_layout)
        self.rows = [self._row(item, number) for number, item in enumerate(entry.inputs, start=1)]
        for row in self.rows:
            self._rows_layout.addWidget(row)
            if row.input_id == self._focus_id:
                row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_id = None

    def _row(self, item: Input, number: int) -> InputRow:
        row = InputRow(item, number)
        input_id = item.id
        row.kind.currentIndexChanged.connect(
            lambda _index: self._set(input_id, Change.CHOICE, kind=InputKind(row.kind.currentData())))
        row.text.textChanged.connect(lambda text: self._set(input_id, Change.TYPING, text=text))
        row.up.clicked.connect(lambda: self._shift(input_id, -1))
        row.down.clicked.connect(lambda: self._shift(input_id, 1))
        row.delete.clicked.connect(lambda: self.edit(
            lambda e: replace(e, inputs=remove_item(e.inputs, input_id)), change=Change.SHAPE))
        return row

    def _set(self, input_id: str, change: str, **changes: object) -> None:
        self.edit(lambda e: replace(e, inputs=update_item(e.inputs, input_id, **changes)), change)

    def _shift(self, input_id: str, offset: int) -> None:
        self._focus_id = input_id
        self.edit(lambda e: replace(e, inputs=shift_item(e.inputs, input_id, offset)), change=Change.SHAPE)

    def add_input(self) -> None:
        """Add an empty input at the end and put the cursor in it."""
        item = Input(kind=InputKind.PROCESS)
        self._focus_id = item.id
        self.edit(lambda e: replace(e, inputs=insert_item(e.inputs, item)), change=Change.SHAPE)

    def focus_first(self) -> None:
        if self.rows:
            self.rows[0].kind.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
