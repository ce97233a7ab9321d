"""Step 4: actions for each root cause (and for the entry), then the guidelines the entry taught."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.domain.model import Action, ActionStatus, Entry, Guideline, Why
from journal.domain.whytree import add_action, delete_action, remove_item, update_action, update_item
from journal.ui import look
from journal.ui.editor.step import Change, Lookups, Step, clear_layout, tool_button

HINT = ("Mechanisms over good intentions: “be more careful” changes nothing, a check, an alarm or a "
        "changed process does. Give each root cause an action, and keep a guideline if one emerged.")
NO_DATE = QDate(2000, 1, 1)
ENTRY_GROUP = "For the whole entry"


class ActionRow(QWidget):
    """One action: text, status, due date, delete."""

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action_id = action.id
        self.text = QLineEdit(action.text)
        self.text.setPlaceholderText("Something someone can do")
        self.text.setAccessibleName("Action")
        self.status = QComboBox()
        for status in ActionStatus:
            self.status.addItem(status.value.capitalize(), status.value)
        self.status.setCurrentIndex(self.status.findData(action.status.value))
        self.status.setAccessibleName("Action status")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(NO_DATE)
        self.due.setSpecialValueText("No due date")
        self.due.setDate(QDate(action.due_on) if action.due_on else NO_DATE)
        self.due.setAccessibleName("Due date")
        self.delete = tool_button(QStyle.StandardPixmap.SP_DialogDiscardButton, "Delete action")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.due)
        layout.addWidget(self.delete)


class GuidelineRow(QWidget):
    """One guideline: text and delete."""

    def __init__(self, guideline: Guideline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guideline_id = guideline.id
        self.text = QLineEdit(guideline.text)
        self.text.setPlaceholderText("A rule to keep, e.g. “No Friday deployments for non-emergency changes”")
        self.text.setAccessibleName("Guideline")
        self.delete = tool_button(QStyle.StandardPixmap.SP_DialogDiscardButton, "Delete guideline")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.delete)


def action_groups(entry: Entry) -> list[tuple[Why | None, tuple[Action, ...]]]:
    """(why, its actions) for each root cause or why with actions, then (None, the entry's own)."""
    groups: list[tuple[Why | None, tuple[Action, ...]]] = [
        (why, why.actions) for why, _depth in entry.walk_whys() if why.root_cause or why.actions]
    return groups + [(None, entry.actions)]


class ActionsStep(Step):
    """Actions grouped by root cause, and the guidelines list."""

    title = "Actions & guidelines"

    def __init__(self, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(HINT, lookups, parent)
        self.action_rows: list[ActionRow] = []
        self.guideline_rows: list[GuidelineRow] = []
        self.add_action_buttons: dict[str | None, QPushButton] = {}
        self._focus_id: str | None = None
        self._groups = QVBoxLayout()
        self._guidelines = QVBoxLayout()
        self.add_guideline_button = QPushButton("Add guideline")
        self.add_guideline_button.setAccessibleName("Add guideline")
        self.add_guideline_button.clicked.connect(self.add_guideline)
        self.body.addWidget(self._scroll(), 1)

    def _scroll(self) -> QScrollArea:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addLayout(self._groups)
        guidelines = QGroupBox("Guidelines")
        guidelines.setAccessibleName("Guidelines")
        inner = QVBoxLayout(guidelines)
        inner.addLayout(self._guidelines)
        inner.addWidget(self.add_guideline_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(guidelines)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(holder)
        return scroll

    def fill(self, entry: Entry) -> None:
        clear_layout(self._groups)
        self.action_rows, self.add_action_buttons = [], {}
        groups = action_groups(entry)
        if len(groups) == 1:
            note = QLabel("No root cause yet: mark a why as a root cause in the Whys step to plan actions "
                          "for it.")
            note.setWordWrap(True)
            look.make_muted(note)
            self._groups.addWidget(note)
        for why, actions in groups:
            self._groups.addWidget(self._group(why, actions))
        clear_layout(self._guidelines)
        self.guideline_rows = [self._guideline_row(item) for item in entry.guidelines]
        for row in self.guideline_rows:
            self._guidelines.addWidget(row)
        self._focus_new()

    def _group(self, why: Why | None, actions: tuple[Action, ...]) -> QGroupBox:
        box = QGroupBox(ENTRY_GROUP if why is None else _group_title(why))
        box.setAccessibleName(box.title())
        layout = QVBoxLayout(box)
        if why is not None and why.mechanisms:
            names = QLabel("Mechanisms: " + ", ".join(why.mechanisms))
            names.setWordWrap(True)
            look.make_muted(names, 0.95)
            layout.addWidget(names)
        for action in actions:
            row = self._action_row(action)
            self.action_rows.append(row)
            layout.addWidget(row)
        add = QPushButton("Add action")
        add.setAccessibleName("Add action" + ("" if why is None else f" for {_group_title(why)}"))
        why_id = None if why is None else why.id
        add.clicked.connect(lambda: self.add_action(why_id))
        self.add_action_buttons[why_id] = add
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _action_row(self, action: Action) -> ActionRow:
        row = ActionRow(action)
        action_id = action.id
        row.text.textChanged.connect(
            lambda text: self.edit(lambda e: update_action(e, action_id, text=text)))
        row.status.currentIndexChanged.connect(
            lambda _i: self._set_status(action_id, row.status.currentData()))
        row.due.dateChanged.connect(lambda value: self.edit(lambda e: update_action(
            e, action_id, due_on=None if value == NO_DATE else value.toPython()), Change.CHOICE))
        row.delete.clicked.connect(
            lambda: self.edit(lambda e: delete_action(e, action_id), change=Change.SHAPE))
        return row

    def _set_status(self, action_id: str, value: str) -> None:
        status = ActionStatus(value)
        done_on = QDate.currentDate().toPython() if status is ActionStatus.DONE else None
        self.edit(lambda e: update_action(e, action_id, status=status, done_on=done_on), Change.CHOICE)

    def _guideline_row(self, guideline: Guideline) -> GuidelineRow:
        row = GuidelineRow(guideline)
        item_id = guideline.id
        row.text.textChanged.connect(lambda text: self.edit(
            lambda e: replace(e, guidelines=update_item(e.guidelines, item_id, text=text))))
        row.delete.clicked.connect(lambda: self.edit(
            lambda e: replace(e, guidelines=remove_item(e.guidelines, item_id)), change=Change.SHAPE))
        return row

    def add_action(self, why_id: str | None = None) -> None:
        """Add an open action to a root cause (None: to the entry) and put the cursor in it."""
        action = Action()
        self._focus_id = action.id
        self.edit(lambda e: add_action(e, why_id, action), change=Change.SHAPE)

    def add_guideline(self) -> None:
        """Add a guideline and put the cursor in it."""
        guideline = Guideline()
        self._focus_id = guideline.id
        self.edit(lambda e: replace(e, guidelines=e.guidelines + (guideline,)), change=Change.SHAPE)

    def _focus_new(self) -> None:
        for row in self.action_rows:
            if row.action_id == self._focus_id:
                row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        for row in self.guideline_rows:
            if row.guideline_id == self._focus_id:
                row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_id = None

    def focus_first(self) -> None:
        target = self.action_rows[0].text if self.action_rows else self.add_action_buttons.get(None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


def _group_title(why: Why) -> str:
    text = " ".join((why.answer or why.question).split()) or "A why without an answer"
    return text if len(text) <= 90 else text[:89] + "…"
