"""The selected why, open for editing: question, answer, guidance, next whys, root cause, mechanisms."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.model import Why
from journal.ui import look
from journal.ui.editor.findings_view import FindingsView
from journal.ui.editor.mechanisms_box import MechanismsBox

ROOT_CAUSE_TEXT = "Root cause: this answer names a mechanism, something that can be changed"


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.rstrip("…"))
    return button


def _text_edit(name: str, placeholder: str, lines: float) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(look.line_height(edit, lines))
    return edit


class WhyDetails(QWidget):
    """Edits one why; each user action is a signal for the Whys step to turn into an entry change."""

    question_edited = Signal(str)
    answer_edited = Signal(str)
    ask_again = Signal()
    another_reason = Signal()
    root_cause_toggled = Signal(bool)
    mechanisms_changed = Signal(tuple)
    move_up = Signal()
    move_down = Signal()
    move_under = Signal()
    delete = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.question = _text_edit("Question", "Why…?", 2.2)
        self.answer = _text_edit("Answer", "Because… (a fact, not a person to blame)", 3.4)
        self.findings = FindingsView()
        self.ask_again_button = _button("Ask why again", "Ask why of this answer (a deeper why)")
        self.another_button = _button("Another reason", "Add another answer to the same question")
        self.root_cause = QCheckBox(ROOT_CAUSE_TEXT)
        self.root_cause.setAccessibleName("Root cause")
        self.mechanisms = MechanismsBox()
        self.mechanisms_label = QLabel("Mechanisms")
        self.mechanisms_label.setFont(look.scaled_font(self.font(), 1.0, bold=True))
        self.up_button = _button("Move up", "Move this why above its previous sibling")
        self.down_button = _button("Move down", "Move this why below its next sibling")
        self.under_button = _button("Move under…", "Move this why and its branch under another answer")
        self.delete_button = _button("Delete", "Delete this why and every why below it")
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in (("Question", self.question), ("Answer", self.answer)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setFont(look.scaled_font(self.font(), 1.0, bold=True))
            layout.addWidget(caption)
            layout.addWidget(widget)
        layout.addWidget(self.findings)
        next_row = QHBoxLayout()
        next_row.addWidget(self.ask_again_button)
        next_row.addWidget(self.another_button)
        next_row.addStretch(1)
        layout.addLayout(next_row)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.root_cause)
        layout.addWidget(self.mechanisms_label)
        layout.addWidget(self.mechanisms)
        layout.addStretch(1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        move_row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.under_button):
            move_row.addWidget(button)
        move_row.addStretch(1)
        move_row.addWidget(self.delete_button)
        layout.addLayout(move_row)

    def _connect(self) -> None:
        self.question.textChanged.connect(lambda: self._emit_text(self.question_edited, self.question))
        self.answer.textChanged.connect(lambda: self._emit_text(self.answer_edited, self.answer))
        self.root_cause.toggled.connect(self._root_cause_toggled)
        self.mechanisms.changed.connect(self.mechanisms_changed)
        for button, signal in ((self.ask_again_button, self.ask_again),
                               (self.another_button, self.another_reason),
                               (self.up_button, self.move_up), (self.down_button, self.move_down),
                               (self.under_button, self.move_under), (self.delete_button, self.delete)):
            button.clicked.connect(signal)

    def _emit_text(self, signal: Signal, edit: QPlainTextEdit) -> None:
        if not self._filling:
            signal.emit(edit.toPlainText())

    def _root_cause_toggled(self, checked: bool) -> None:
        self._show_mechanisms(checked)
        if not self._filling:
            self.root_cause_toggled.emit(checked)

    def _show_mechanisms(self, shown: bool) -> None:
        self.mechanisms_label.setVisible(shown)
        self.mechanisms.setVisible(shown)

    def show_why(self, why: Why, known_mechanisms: list[str], can_move: tuple[bool, bool]) -> None:
        """Fill the fields from `why` without announcing edits."""
        self._filling = True
        try:
            for edit, text in ((self.question, why.question), (self.answer, why.answer)):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            self.root_cause.setChecked(why.root_cause)
            self._show_mechanisms(why.root_cause)
            self.mechanisms.show_names(why.mechanisms, known_mechanisms)
            self.up_button.setEnabled(can_move[0])
            self.down_button.setEnabled(can_move[1])
        finally:
            self._filling = False

    def focus_answer(self) -> None:
        """Put the cursor at the end of the answer."""
        self.answer.setFocus(Qt.FocusReason.OtherFocusReason)
        self.answer.moveCursor(self.answer.textCursor().MoveOperation.End)
