"""The right pane: one entry in four steps the user moves between freely; every change is autosaved."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.ui import look
from journal.ui.autosave import Autosaver
from journal.ui.editor.step import Change, Lookups, Step, Transform
from journal.ui.editor.step_button import StepButton
from journal.ui.entry_list_model import UNTITLED
from journal.ui.lazy_widget import LazyWidget
from journal.ui.undo import UndoHistory

if TYPE_CHECKING:
    from journal.domain.model import Entry
    from journal.store.repository import Journal
    from journal.ui.editor.actions_step import ActionsStep
    from journal.ui.editor.inputs_step import InputsStep
    from journal.ui.editor.outcome_step import OutcomeStep
    from journal.ui.editor.whys_step import WhysStep

EMPTY_TEXT = "Select an entry on the left, or press Ctrl+N to record a new outcome."
NO_JOURNAL_TEXT = "No journal is open. Use File › Open journal… or File › New journal… to start."


class EntryEditor(QWidget):
    """Holds the entry being edited; steps ask for changes, the autosaver stores them, undo goes back.

    Until an entry is shown the editor is a placeholder line; the heading, the step bar and the four
    steps (`outcome`, `inputs`, `whys`, `actions`) are built when the first entry is shown, so the
    window's first frame does not wait for them.
    """

    entry_edited = Signal(object)

    outcome: OutcomeStep
    inputs: InputsStep
    whys: WhysStep
    actions: ActionsStep
    steps: list[Step]

    def __init__(self, autosaver: Autosaver, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.autosaver = autosaver
        self.history = history
        self._journal: Journal | None = None
        self._entry: Entry | None = None
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        look.make_muted(self.empty, 1.1)
        self.editing = LazyWidget(self._build_editing)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.editing)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def _build_editing(self) -> QWidget:
        """The editor's page once an entry is shown: the heading, the step bar and the steps."""
        self._make_steps()
        self._make_heading()
        editing = QWidget()
        layout = QVBoxLayout(editing)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(self._step_bar())
        layout.addWidget(self.stack, 1)
        return editing

    def _make_steps(self) -> None:
        from journal.ui.editor.actions_step import ActionsStep
        from journal.ui.editor.inputs_step import InputsStep
        from journal.ui.editor.outcome_step import OutcomeStep
        from journal.ui.editor.whys_step import WhysStep

        lookups = Lookups(areas=self._areas, mechanisms=self._mechanisms)
        self.outcome, self.inputs = OutcomeStep(lookups), InputsStep(lookups)
        self.whys, self.actions = WhysStep(lookups), ActionsStep(lookups)
        self.steps = [self.outcome, self.inputs, self.whys, self.actions]
        self.stack = QStackedWidget()
        for step in self.steps:
            step.edited.connect(self.apply)
            self.stack.addWidget(step)
        QApplication.instance().installEventFilter(self)

    def _make_heading(self) -> None:
        self.heading = QLabel()
        self.heading.setFont(look.scaled_font(self.font(), 1.35, bold=True))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName("Entry title")
        self.facts = QLabel()
        self.facts.setAccessibleName("Entry summary")
        look.make_muted(self.facts, 0.95)

    def _step_bar(self) -> QHBoxLayout:
        self.step_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setSpacing(0)
        for index, step in enumerate(self.steps):
            bar.addWidget(self._step_button(index, step))
        bar.addStretch(1)
        self.step_buttons.idClicked.connect(self.go_to_step)
        return bar

    def _step_button(self, index: int, step: Step) -> StepButton:
        button = StepButton(f"{index + 1}  {step.title.replace('&', '&&')}")
        button.setObjectName("step")
        button.setAccessibleName(f"Step {index + 1}: {step.title}")
        button.setToolTip(f"{step.title} (Alt+{index + 1})")
        shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
        shortcut.activated.connect(lambda: self.go_to_step(index))
        self.step_buttons.addButton(button, index)
        if index == 0:
            button.setChecked(True)
        return button

    # -- the journal and the entry --------------------------------------------------------------

    def set_journal(self, journal: Journal | None) -> None:
        """Edit entries of `journal` (nothing is shown until an entry is chosen)."""
        self._journal = journal
        self.empty.setText(EMPTY_TEXT if journal is not None else NO_JOURNAL_TEXT)
        self._show(None)

    def _areas(self) -> list[str]:
        return self._journal.areas() if self._journal else []

    def _mechanisms(self) -> list[str]:
        return [m.name for m in self._journal.mechanisms()] if self._journal else []

    def entry(self) -> Entry | None:
        """The entry being edited, with every edit so far."""
        return self._entry

    def show_entry(self, entry_id: str | None) -> None:
        """Save what is pending and open another entry (None: none)."""
        if self._entry is not None and entry_id == self._entry.id:
            return
        self.autosaver.flush()
        entry = None
        if entry_id is not None and self._journal is not None:
            entry = self.autosaver.pending_entry(entry_id) or self._journal.get_entry(entry_id)
            if entry is not None and not self.autosaver.has_pending(entry_id):
                self.autosaver.loaded(entry)
        self._show(entry)

    def start_entry(self, entry: Entry) -> None:
        """Open a new entry (already being saved) on its Outcome step with the cursor in its title."""
        self.autosaver.track(entry)
        self._show(entry)
        self.go_to_step(0)
        self.outcome.focus_first()

    def _show(self, entry: Entry | None) -> None:
        self._entry = entry
        if entry is not None:
            self.editing.content()
            self.whys.selected = None
            self._load_all()
        self.pages.setCurrentIndex(0 if entry is None else 1)
        self.entry_edited.emit(entry)

    def _load_all(self) -> None:
        for step in self.steps:
            step.load(self._entry)
        self._show_heading()

    def _show_heading(self) -> None:
        entry = self._entry
        self.heading.setText(entry.title.strip() or UNTITLED if entry else "")
        self.facts.setText(entry_facts(entry) if entry else "")
        for index, step in enumerate(self.steps):
            count = step_count(entry, index) if entry else 0
            label = step.title.replace("&", "&&") + (f"  ({count})" if count else "")
            self.step_buttons.button(index).setText(f"{index + 1}  {label}")

    def go_to_step(self, index: int) -> None:
        """Show a step (refreshed from the entry)."""
        self.step_buttons.button(index).setChecked(True)
        if self._entry is not None:
            self.steps[index].load(self._entry)
        self.stack.setCurrentIndex(index)

    def current_step(self) -> Step:
        """The step on show."""
        return self.steps[self.stack.currentIndex()]

    # -- changes ----------------------------------------------------------------------------------

    def apply(self, transform: Transform, change: str = Change.TYPING) -> None:
        """Change the entry; typing is saved after a pause, anything else at once."""
        if self._entry is None:
            return
        entry = transform(self._entry)
        if entry == self._entry:
            return
        self._set_entry(entry)
        if change == Change.TYPING:
            self.autosaver.schedule(entry)
        else:
            self.autosaver.commit(entry)
        if change == Change.SHAPE:
            self._load_all()
        else:
            self._show_heading()
        self.entry_edited.emit(entry)

    def _set_entry(self, entry: Entry) -> None:
        self._entry = entry
        for step in self.steps:
            step.entry = entry

    def undo(self) -> None:
        """Go back to the entry as it was before the last change."""
        self._travel(self.history.undo)

    def redo(self) -> None:
        """Go forward again after an undo."""
        self._travel(self.history.redo)

    def _travel(self, step_through) -> None:
        if self._entry is None:
            return
        self.autosaver.flush()
        entry = step_through(self._entry)
        if entry is None:
            return
        self._set_entry(entry)
        self.autosaver.commit(entry, record=False)
        self._load_all()
        self.entry_edited.emit(entry)

    def journal_changed(self, entry_ids: frozenset[str]) -> None:
        """Show what another part of the app wrote to this entry (unless the change is our own)."""
        entry = self._entry
        if entry is None or self._journal is None or self.autosaver.writing:
            return
        if entry_ids and entry.id not in entry_ids or self.autosaver.has_pending(entry.id):
            return
        stored = self._journal.get_entry(entry.id)
        if stored is None:
            self._show(None)
            return
        self.autosaver.loaded(stored)
        if replace(stored, updated_at=entry.updated_at) != entry:
            self.reload(stored)

    def reload(self, entry: Entry | None) -> None:
        """Show `entry` as the journal holds it now, on the same step (None: the entry is gone)."""
        if entry is None or self._entry is None or entry.id != self._entry.id:
            self._show(entry)
            return
        self._set_entry(entry)
        self._load_all()
        self.entry_edited.emit(entry)

    # -- Ctrl+Z and friends belong to the entry, not to one text field -----------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget) \
                and self.isAncestorOf(watched) and _is_undo_key(event):
            return True
        return super().eventFilter(watched, event)


def _is_undo_key(event: QKeyEvent) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined())


def entry_facts(entry: Entry) -> str:
    """One muted line about an entry: when, where, which way, how far the whys went."""
    roots = sum(why.root_cause for why, _depth in entry.walk_whys())
    parts = [entry.occurred_on.strftime("%d %B %Y").lstrip("0"), entry.area, entry.valence.value,
             f"{roots} root cause{'s' if roots != 1 else ''}" if entry.whys else "no whys yet"]
    return "  ·  ".join(part for part in parts if part)


def step_count(entry: Entry, index: int) -> int:
    """How many things a step holds (shown beside its name): inputs, whys, actions and guidelines."""
    if index == 1:
        return len(entry.inputs)
    if index == 2:
        return sum(1 for _ in entry.walk_whys())
    if index == 3:
        return sum(1 for _ in entry.all_actions()) + len(entry.guidelines)
    return 0
