"""The left pane: a search box, filters, and the list of entries, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui import look
from journal.ui.entry_list_delegate import EntryRowDelegate
from journal.ui.entry_list_model import EntryIdRole, EntryListModel
from journal.ui.lazy_widget import LazyWidget

if TYPE_CHECKING:
    from journal.store.repository import Journal
    from journal.ui.entry_filters import EntryFilters

SEARCH_DELAY_MS = 200


class EntryList(QWidget):
    """Lists entries matching the search and filters; `entry_chosen(id)` when the user picks one."""

    entry_chosen = Signal(str)
    new_entry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._current_id: str | None = None
        self._restoring = False
        self.model = EntryListModel(self)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search entries, answers, mechanisms…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search entries")
        self.filter_button = QToolButton()
        self.filter_button.setText("Filters")
        self.filter_button.setCheckable(True)
        self.filter_button.setAccessibleName("Show filters")
        self.filter_panel = LazyWidget(self._build_filters)
        self.filter_panel.setVisible(False)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(EntryRowDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName("Entries")
        self.count = QLabel()
        look.make_muted(self.count, 0.92)
        self.new_button = QPushButton("New entry")
        self.new_button.setAccessibleName("New entry")
        self.new_button.setToolTip("Record a new outcome (Ctrl+N)")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.apply_filter)
        self.filter_button.toggled.connect(self._show_filters)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_entry_requested)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._show_count)

    def _build_filters(self) -> EntryFilters:
        from journal.ui.entry_filters import EntryFilters

        filters = EntryFilters()
        filters.changed.connect(self.apply_filter)
        return filters

    @property
    def filters(self) -> EntryFilters:
        """The filter panel under the search box (built on first use: the first frame hides it)."""
        return self.filter_panel.content()

    # -- journal and filter ---------------------------------------------------------------------

    def set_journal(self, journal: Journal | None) -> None:
        """List the entries of `journal`."""
        self._journal = journal
        self._current_id = None
        self.filters.blockSignals(True)
        self.filters.reset()
        self.filters.blockSignals(False)
        self._refresh_choices()
        self.model.set_journal(journal)
        self._after_reset()  # also when the rows read are those of the preview (no model reset)

    def apply_filter(self) -> None:
        """Filter the list by the search text and the chosen filters now."""
        self._timer.stop()
        self.model.set_filter(self.filters.filter_with(self.search.text()))
        active = self.filters.active_count()
        self.filter_button.setText(f"Filters ({active})" if active else "Filters")

    def clear_search(self) -> None:
        """Show every entry: no search text, no filters."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.blockSignals(True)
        self.filters.reset()
        self.filters.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Read the list again after the journal changed."""
        self.model.refresh()
        if self.filter_panel.isVisible():
            self._refresh_choices()

    def _show_filters(self, shown: bool) -> None:
        if shown:
            self._refresh_choices()
        self.filter_panel.setVisible(shown)

    def _refresh_choices(self) -> None:
        if self._journal is not None:
            self.filters.set_choices(self._journal.areas(), [m.name for m in self._journal.mechanisms()])

    # -- selection ------------------------------------------------------------------------------

    def current_entry_id(self) -> str | None:
        """The entry selected in the list."""
        return self._current_id

    def select_entry(self, entry_id: str | None) -> None:
        """Select an entry (fetching more rows if it is further down); tells `entry_chosen`."""
        self._current_id = entry_id
        self._restore_selection()
        if entry_id is not None:
            self.entry_chosen.emit(entry_id)

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid() or self.model.is_preview():
            return
        entry_id = current.data(EntryIdRole)
        if entry_id != self._current_id:
            self._current_id = entry_id
            self.entry_chosen.emit(entry_id)

    def _after_reset(self) -> None:
        self._restore_selection()
        self._show_count()

    def _restore_selection(self) -> None:
        row = None if self._current_id is None else self.model.row_of(self._current_id)
        while row is None and self._current_id is not None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(self._current_id)
        self._restoring = True
        try:
            selection = self.view.selectionModel()
            if row is None:
                selection.clearSelection()
            else:
                index = self.model.index(row, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.view.scrollTo(index)
        finally:
            self._restoring = False

    def _show_count(self) -> None:
        if self.model.is_preview():
            self.count.setText("Opening…")
            return
        total = self.model.total()
        self.count.setText(look.count_of(total, "entry", "entries"))
