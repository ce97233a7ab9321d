"""The Actions tab: every action of every entry, open and overdue first; mark them done or dropped."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from journal.domain.model import ActionStatus
from journal.domain.review import ActionItem
from journal.store import review_queries as queries
from journal.store.errors import JournalError
from journal.ui.review import palette
from journal.ui.review.base import ReviewView, fit_columns, set_up_table
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text, filtered_sorted

if TYPE_CHECKING:
    from journal.store.repository import Journal


DATE_COLUMNS = (1, 2)  # Status and Due carry the overdue colour


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
        self.proxy = filtered_sorted(self.model, self)
        self._positions: dict[str, int] = {}
        self.table = QTableView(self)
        self.search = QLineEdit(self)
        self.open_only = QCheckBox("Open only", self)
        self.done_button = QPushButton("Mark done", self)
        self.dropped_button = QPushButton("Mark dropped", self)
        self.reopen_button = QPushButton("Reopen", self)
        self._lay_out()
        self._connect()

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
        set_up_table(self.table, self.proxy, multi=True, sortable=True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.open_only.toggled.connect(self.reload)
        self.done_button.clicked.connect(lambda: self.mark_selected(ActionStatus.DONE))
        self.dropped_button.clicked.connect(lambda: self.mark_selected(ActionStatus.DROPPED))
        self.reopen_button.clicked.connect(lambda: self.mark_selected(ActionStatus.OPEN))
        self.table.activated.connect(self._open_entry)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _order(self, item: ActionItem) -> int:
        return self._positions.get(item.id, 0)

    def load(self) -> None:
        self.today = self.clock()
        chosen = {item.id for item in self.selected_actions()}
        items = queries.all_actions(self.journal, self.today)
        if self.open_only.isChecked():
            items = [item for item in items if item.status is ActionStatus.OPEN]
        self._positions = {item.id: position for position, item in enumerate(items)}
        self.model.set_rows(items)
        fit_columns(self.table, widest=250)
        self._select(chosen)
        self._update_buttons()
        open_items = [item for item in items if item.status is ActionStatus.OPEN]
        overdue = sum(item.is_overdue(self.today) for item in open_items)
        self.say(f"{len(open_items)} open, {overdue} overdue." if items else "No actions yet.")

    def _decorate(self, item: ActionItem, column: int, role: int) -> Any:
        if item.is_overdue(self.today):
            if role == Qt.ItemDataRole.BackgroundRole:
                return palette.warning_background(self.palette())
            if role == Qt.ItemDataRole.ForegroundRole and column in DATE_COLUMNS:
                return palette.warning_text(self.palette())
        elif item.status is not ActionStatus.OPEN and role == Qt.ItemDataRole.ForegroundRole:
            return palette.quiet_text(self.palette())
        if role == Qt.ItemDataRole.FontRole and item.status is ActionStatus.DROPPED:
            font = QFont(self.font())
            font.setStrikeOut(True)
            return font
        return None

    def selected_actions(self) -> list[ActionItem]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(ROW_ROLE) for index in rows]

    def _select(self, ids: set[str]) -> None:
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id in ids:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)

    def _update_buttons(self, *_args: object) -> None:
        statuses = {item.status for item in self.selected_actions()}
        self.done_button.setEnabled(bool(statuses - {ActionStatus.DONE}))
        self.dropped_button.setEnabled(bool(statuses - {ActionStatus.DROPPED}))
        self.reopen_button.setEnabled(bool(statuses - {ActionStatus.OPEN}))

    def mark_selected(self, status: ActionStatus) -> None:
        """Give the selected actions this status (done dates them today)."""
        items = [item for item in self.selected_actions() if item.status is not status]
        try:
            for item in items:
                self.journal.update_action(item.id, status=status)
        except JournalError as error:
            self.say(str(error))
        self.refresh()

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).entry_id)
