"""The Actions tab: every action of every entry, open and overdue first; mark them done or dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from journal.domain.model import ActionStatus
from journal.domain.review import ActionItem
from journal.store import review_queries as queries
from journal.store.errors import JournalError
from journal.ui import look
from journal.ui.review import palette
from journal.ui.review.base import ReviewView, fit_columns, select_rows, set_up_table
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text, search_texts

if TYPE_CHECKING:
    from journal.store.repository import Journal


STATUS_COLUMN = 1
FIRST_PAGE = 200  # actions shown at once on the first look, before all of them are read
DATE_COLUMNS = (STATUS_COLUMN, 2)  # Status and Due carry the overdue colour


@dataclass(frozen=True)
class ActionsRead:
    """What a load of the Actions view brings from the worker thread."""

    items: list[ActionItem]  # in the Status column's order: open and overdue first
    today: date
    texts: list[str]  # what the filter looks in (made here, not on the UI thread)
    positions: dict[str, int]
    open: int
    overdue: int

    @classmethod
    def of(cls, items: list[ActionItem], today: date, texts: list[str]) -> ActionsRead:
        open_items = [item for item in items if item.status is ActionStatus.OPEN]
        return cls(items, today, texts, {item.id: position for position, item in enumerate(items)},
                   len(open_items), sum(item.is_overdue(today) for item in open_items))


def status_text(item: ActionItem, today: date) -> str:
    if item.is_overdue(today):
        days = (today - item.due_on).days
        return f"overdue {days} day" + ("" if days == 1 else "s")
    if item.status is ActionStatus.DONE and item.done_on:
        return f"done {item.done_on.isoformat()}"
    return item.status.value


class ActionsView(ReviewView):
    """All actions in one table, open and overdue first (the Status column's order) until re-sorted."""

    clock = staticmethod(date.today)  # what "today" is, for overdue (tests set their own)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.today = self.clock()
        self.model = RowTableModel(self._columns(), self._decorate, self)
        self._positions: dict[str, int] = {}
        self._brushes = palette.PaletteBrushes(self)
        self._paged = False  # whether the first rows were shown before all of them were read
        self._failure = ""  # why the last mark failed: said again with the counts the reload brings
        self.table = QTableView(self)
        self.search = QLineEdit(self)
        self.open_only = QCheckBox("Open only", self)
        self.done_button = QPushButton("Mark done", self)
        self.dropped_button = QPushButton("Mark dropped", self)
        self.reopen_button = QPushButton("Reopen", self)
        self._lay_out()
        self._connect()
        self._update_buttons()  # nothing is chosen while the first load runs

    def _columns(self) -> list[Column]:
        return [
            Column("Action", lambda a: a.text, tooltip=lambda a: a.text),
            Column("Status", lambda a: status_text(a, self.today), sort_key=self._order),
            Column("Due", lambda a: day_text(a.due_on), sort_key=lambda a: a.due_on),
            Column("Mechanisms", lambda a: ", ".join(a.mechanisms),
                   tooltip=lambda a: "\n".join(a.mechanisms)),
            Column("Entry", lambda a: a.entry_title, tooltip=lambda a: a.entry_title),
            Column("Date", lambda a: day_text(a.entry_date), sort_key=lambda a: a.entry_date),
            Column("Because", lambda a: a.why_answer, tooltip=lambda a: a.why_answer),
        ]

    def _lay_out(self) -> None:
        self.search.setPlaceholderText("Filter actions")
        self.search.setClearButtonEnabled(True)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        for widget in (self.open_only, self.done_button, self.dropped_button, self.reopen_button):
            tools.addWidget(widget)
        set_up_table(self.table, self.model, multi=True, sortable=True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer())

    def _connect(self) -> None:
        self.search.textChanged.connect(self.model.set_filter)
        self.open_only.toggled.connect(self.refresh)
        self.done_button.clicked.connect(lambda: self.mark_selected(ActionStatus.DONE))
        self.dropped_button.clicked.connect(lambda: self.mark_selected(ActionStatus.DROPPED))
        self.reopen_button.clicked.connect(lambda: self.mark_selected(ActionStatus.OPEN))
        self.table.activated.connect(self._open_entry)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _order(self, item: ActionItem) -> int:
        return self._positions.get(item.id, 0)

    def fetch(self) -> Callable[[], ActionsRead | list[ActionItem]]:
        self.today = self.clock()  # what the worker's texts call overdue is as of this day
        journal, today, columns = self.journal, self.today, self.model.columns
        if not self._paged:  # the first look: the first rows at once, then all of them
            return lambda: queries.first_actions(journal, FIRST_PAGE, today)
        open_only = self.open_only.isChecked()

        def read() -> ActionsRead:
            items = queries.all_actions(journal, today)
            if open_only:
                items = [item for item in items if item.status is ActionStatus.OPEN]
            return ActionsRead.of(items, today, search_texts(columns, items))
        return read

    def show_data(self, data: ActionsRead | list[ActionItem]) -> None:
        if isinstance(data, list):
            self._show_first_page(data)
            return
        chosen = {item.id for item in self.selected_actions()}
        self.today, self._positions = data.today, data.positions
        self.model.set_rows(data.items, data.texts, {STATUS_COLUMN: range(len(data.items))})
        fit_columns(self.table, widest=250)
        if chosen:
            positions = data.positions
            select_rows(self.table, self.model.table_rows(positions[i] for i in chosen if i in positions))
        self._update_buttons()
        counts = (f"{look.number(data.open)} open, {look.number(data.overdue)} overdue." if data.items
                  else "No actions yet.")
        self.say(f"{self._failure} {counts}".lstrip())
        self._failure = ""

    def _show_first_page(self, items: list[ActionItem]) -> None:
        """Show the first rows (in the Status order), then read all of them."""
        self._paged = True
        if self.open_only.isChecked():
            items = [item for item in items if item.status is ActionStatus.OPEN]
        self.model.set_rows(items, keys={STATUS_COLUMN: range(len(items))})
        fit_columns(self.table, widest=250)
        self.reload()

    def _decorate(self, item: ActionItem, column: int, role: int) -> Any:
        if item.is_overdue(self.today):
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._brushes.current().warning_background
            if role == Qt.ItemDataRole.ForegroundRole and column in DATE_COLUMNS:
                return self._brushes.current().warning_text
        elif item.status is not ActionStatus.OPEN and role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes.current().quiet_text
        if role == Qt.ItemDataRole.FontRole and item.status is ActionStatus.DROPPED:
            font = QFont(self.font())
            font.setStrikeOut(True)
            return font
        return None

    def selected_actions(self) -> list[ActionItem]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(ROW_ROLE) for index in rows]

    def _update_buttons(self, *_args: object) -> None:
        statuses = {item.status for item in self.selected_actions()}
        self.done_button.setEnabled(bool(statuses - {ActionStatus.DONE}))
        self.dropped_button.setEnabled(bool(statuses - {ActionStatus.DROPPED}))
        self.reopen_button.setEnabled(bool(statuses - {ActionStatus.OPEN}))

    def mark_selected(self, status: ActionStatus) -> None:
        """Give the selected actions this status (done dates them today).

        The rows show their new status at once (read back from the journal); they move to their new
        place when the reload that follows arrives.
        """
        rows = {index.data(ROW_ROLE).id: index.row() for index in self.table.selectionModel().selectedRows()
                if index.data(ROW_ROLE).status is not status}
        if not rows:
            return
        try:
            self.journal.mark_actions(rows, status)  # one transaction: all of them or none
        except JournalError as error:
            self._failure = str(error)
            self.say(self._failure)
        else:
            updated = queries.actions_with_ids(self.journal, list(rows))
            self.model.replace_rows({rows[item.id]: item for item in updated})
            self._update_buttons()
        self.refresh()

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).entry_id)
