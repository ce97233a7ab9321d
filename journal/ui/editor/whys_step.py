"""Step 3: the why-tree. Ask why until the answers reach mechanisms, branching where reasons do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from journal.domain.model import Entry, Why
from journal.domain.whytree import (
    add_why,
    delete_why,
    find_why,
    first_question,
    move_why,
    parent_of,
    question_about,
    shift_why,
    update_why,
)
from journal.ui import look
from journal.ui.editor.step import Change, Lookups, Step
from journal.ui.editor.why_details import WhyDetails
from journal.ui.editor.why_tree import WhyTree
from journal.ui.move_why_dialog import TOP_LEVEL, MoveWhyDialog

HINT = ("Ask why until you reach a mechanism. People will always make mistakes: "
        "ask what made the error possible, or its impact so large.")


class WhysStep(Step):
    """The tree on the left, the selected why on the right."""

    title = "Whys"
    move_dialog = MoveWhyDialog

    def __init__(self, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(HINT, lookups, parent)
        self.selected: str | None = None
        self.tree = WhyTree()
        self.details = WhyDetails()
        self.first_button = QPushButton("Ask the first why")
        self.first_button.setAccessibleName("Ask the first why")
        self._panel = QStackedWidget()
        self._panel.addWidget(self._empty_page())
        self._panel.addWidget(self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self._panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        unit = self.fontMetrics().averageCharWidth()
        splitter.setSizes([unit * 60, unit * 50])
        splitter.setChildrenCollapsible(False)
        self.body.addWidget(splitter, 1)
        self._connect()

    def _empty_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        look.make_muted(self.empty_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.first_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _connect(self) -> None:
        self.tree.why_selected.connect(self._on_selected)
        self.tree.why_dropped.connect(self.move)
        self.first_button.clicked.connect(self.ask_first)
        details = self.details
        details.question_edited.connect(lambda text: self._change_text(question=text))
        details.answer_edited.connect(lambda text: self._change_text(answer=text))
        details.root_cause_toggled.connect(lambda on: self._change(root_cause=on))
        details.mechanisms_changed.connect(lambda names: self._change(mechanisms=tuple(names)))
        details.ask_again.connect(self.ask_again)
        details.another_reason.connect(self.another_reason)
        details.move_up.connect(lambda: self._shift(-1))
        details.move_down.connect(lambda: self._shift(1))
        details.move_under.connect(self.move_under)
        details.delete.connect(self.delete_selected)

    # -- showing --------------------------------------------------------------------------------

    def fill(self, entry: Entry) -> None:
        if self.selected is None or find_why(entry.whys, self.selected) is None:
            self.selected = entry.whys[0].id if entry.whys else None
        self.tree.show_whys(entry.whys, self.selected)
        self._show_selected()

    def _on_selected(self, why_id: str) -> None:
        self.selected = why_id or None
        self._show_selected()

    def _show_selected(self) -> None:
        why = self.selected_why()
        self._panel.setCurrentIndex(1 if why else 0)
        if why is None:
            title = self.entry.title.strip() if self.entry else ""
            self.empty_label.setText(f"Start with the question “{first_question(title)}”" if title
                                     else "Start with the first question: why did this happen?")
            return
        self.details.show_why(why, self.lookups.mechanisms(), self._can_shift(why.id))
        self.details.findings.check_now(why.answer, why.question, self._parent_answer(why.id), self._title())

    def _can_shift(self, why_id: str) -> tuple[bool, bool]:
        parent, index = parent_of(self.entry.whys, why_id)
        siblings = self.entry.whys if parent is None else parent.children
        return index > 0, index < len(siblings) - 1

    def selected_why(self) -> Why | None:
        """The why open on the right."""
        if self.entry is None or self.selected is None:
            return None
        return find_why(self.entry.whys, self.selected)

    def _parent_answer(self, why_id: str) -> str:
        place = parent_of(self.entry.whys, why_id) if self.entry else None
        return place[0].answer if place and place[0] is not None else ""

    def _title(self) -> str:
        return self.entry.title if self.entry else ""

    # -- changing -------------------------------------------------------------------------------

    def _change_text(self, **changes: str) -> None:
        why_id = self.selected
        if why_id is None:
            return
        self.edit(lambda e: update_why(e, why_id, **changes))
        why = self.selected_why()
        if why is not None:
            self.tree.update_why(why)
            self.details.findings.check_soon(why.answer, why.question, self._parent_answer(why_id),
                                             self._title())

    def _change(self, **changes: object) -> None:
        why_id = self.selected
        if why_id is not None:
            self.edit(lambda e: update_why(e, why_id, **changes), change=Change.SHAPE)

    def _add(self, parent_id: str | None, why: Why, position: int | None = None) -> None:
        self.selected = why.id
        self.edit(lambda e: add_why(e, parent_id, why, position), change=Change.SHAPE)
        self.details.focus_answer()

    def ask_first(self) -> None:
        """Add a first why, its question worded from the title."""
        self._add(None, Why(question=first_question(self._title())))

    def ask_again(self) -> None:
        """Ask why of the selected answer: a child why, its question worded from that answer."""
        why = self.selected_why()
        if why is not None:
            self._add(why.id, Why(question=question_about(why.answer) or "Why?"))

    def another_reason(self) -> None:
        """Another answer to the selected why's question: a sibling just after it."""
        why = self.selected_why()
        if why is None:
            return
        parent, index = parent_of(self.entry.whys, why.id)
        self._add(parent.id if parent else None, Why(question=why.question), index + 1)

    def delete_selected(self) -> None:
        """Delete the selected why with its branch; its previous sibling or parent is selected next."""
        why = self.selected_why()
        if why is None:
            return
        parent, index = parent_of(self.entry.whys, why.id)
        siblings = self.entry.whys if parent is None else parent.children
        neighbours = [w.id for w in siblings if w.id != why.id]
        self.selected = neighbours[max(0, index - 1)] if neighbours else (parent.id if parent else None)
        self.edit(lambda e: delete_why(e, why.id), change=Change.SHAPE)

    def _shift(self, offset: int) -> None:
        why_id = self.selected
        if why_id is not None:
            self.edit(lambda e: shift_why(e, why_id, offset), change=Change.SHAPE)

    def move(self, why_id: str, parent_id: str | None, position: int | None = None) -> None:
        """Move a why and its branch under another answer (None: to the top level)."""
        self.selected = why_id
        self.edit(lambda e: move_why(e, why_id, parent_id, position), change=Change.SHAPE)

    def move_under(self) -> None:
        """Ask where to move the selected why, then move it there."""
        why_id = self.selected
        if why_id is None or self.entry is None:
            return
        choice = self.move_dialog.ask(self, self.entry, why_id)
        if choice is not None:
            self.move(why_id, None if choice == TOP_LEVEL else choice)

    def focus_first(self) -> None:
        if self.entry is not None and self.entry.whys:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.first_button.setFocus(Qt.FocusReason.OtherFocusReason)
