"""The Guidelines tab: every personal rule adopted, with the entry it came from."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from journal.store import review_queries as queries
from journal.ui.review.base import ReviewView, fit_columns, set_up_table
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text, search_texts

if TYPE_CHECKING:
    from journal.domain.review import GuidelineItem
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
        self.table = QTableView(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter guidelines")
        self.search.setClearButtonEnabled(True)
        set_up_table(self.table, self.model, sortable=True, stretch=0)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer())
        self.search.textChanged.connect(self.model.set_filter)
        self.table.activated.connect(self._open_entry)

    def fetch(self) -> Callable[[], Any]:
        journal = self.journal

        def read() -> tuple[list[GuidelineItem], list[str]]:
            rows = queries.all_guidelines(journal)
            return rows, search_texts(GUIDELINE_COLUMNS, rows)
        return read

    def show_data(self, data: tuple[list[GuidelineItem], list[str]]) -> None:
        rows, texts = data
        self.model.set_rows(rows, texts)
        fit_columns(self.table, widest=420)
        count = len(rows)
        self.say(f"{count} guideline" + ("" if count == 1 else "s") + " adopted." if rows else
                 "No guidelines yet: add one to an entry when it teaches a rule worth keeping.")

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).entry_id)
