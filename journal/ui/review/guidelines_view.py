"""The Guidelines tab: every personal rule adopted, with the entry it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from journal.store import review_queries as queries
from journal.ui.review.base import ReviewView, fit_columns, set_up_table
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text, filtered_sorted

if TYPE_CHECKING:
    from journal.store.repository import Journal

GUIDELINE_COLUMNS = (
    Column("Guideline", lambda g: g.text, tooltip=lambda g: g.text),
    Column("From the entry", lambda g: g.entry_title),
    Column("Date", lambda g: day_text(g.entry_date), sort_key=lambda g: g.entry_date),
)


class GuidelinesView(ReviewView):
    """The guidelines, newest entry first; double-click opens the entry that taught it."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.model = RowTableModel(GUIDELINE_COLUMNS, parent=self)
        self.proxy = filtered_sorted(self.model, self)
        self.table = QTableView(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter guidelines")
        self.search.setClearButtonEnabled(True)
        set_up_table(self.table, self.proxy, sortable=True, stretch=0)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.activated.connect(self._open_entry)

    def load(self) -> None:
        rows = queries.all_guidelines(self.journal)
        self.model.set_rows(rows)
        fit_columns(self.table, widest=420)
        count = len(rows)
        self.say(f"{count} guideline" + ("" if count == 1 else "s") + " adopted." if rows else
                 "No guidelines yet: add one to an entry when it teaches a rule worth keeping.")

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).entry_id)
