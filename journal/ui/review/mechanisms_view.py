"""The Mechanisms tab: how often each recurs, which came back after a fix; rename, merge, near duplicates."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.review import MechanismOverview, NearDuplicate, near_duplicates
from journal.store import review_queries as queries
from journal.store.errors import JournalError
from journal.ui.review import palette
from journal.ui.review.base import ReviewView, fit_columns, select_rows, set_up_table
from journal.ui.review.charts_view import ENTRY_COLUMNS
from journal.ui.review.loader import Loader
from journal.ui.review.merge_dialog import MergeMechanismsDialog
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text
from journal.ui.review.rename_dialog import RenameMechanismDialog

if TYPE_CHECKING:
    from journal.store.repository import Journal

RECURRED_COLUMN = 4
LOOKING = "Names that look alike: looking…"


def _day(day: Any) -> str:
    return f"{day.day} {day:%b %Y}"


def fix_text(row: MechanismOverview) -> str:
    """What the "After a fix" column says."""
    if row.recurred_after_fix:
        return f"⚠ back {len(row.recurrences)}× since the fix of {_day(row.first_fix)}"
    if row.first_fix:
        return f"not back since {_day(row.first_fix)}"
    return ""


def fix_tooltip(row: MechanismOverview) -> str:
    if not row.recurred_after_fix:
        return ""
    days = ", ".join(day.isoformat() for day in row.recurrences[:8])
    days += "…" if len(row.recurrences) > 8 else ""
    return (f"An action for this mechanism was marked done on {row.first_fix.isoformat()}, "
            f"yet it appeared again in entries of {days}. The fix may not have worked.")


MECHANISM_COLUMNS = (
    Column("Mechanism", lambda m: m.name, sort_key=lambda m: m.name.casefold(),
           tooltip=lambda m: m.description),
    Column("Entries", lambda m: str(m.entries), sort_key=lambda m: m.entries, align_right=True),
    Column("Last seen", lambda m: day_text(m.last_seen), sort_key=lambda m: m.last_seen),
    Column("Open actions", lambda m: str(m.open_actions), sort_key=lambda m: m.open_actions,
           align_right=True),
    Column("After a fix", fix_text, sort_key=lambda m: (len(m.recurrences), m.first_fix is not None),
           tooltip=fix_tooltip),
)
DUPLICATE_COLUMNS = (
    Column("Mechanism", lambda d: d.first),
    Column("Looks like", lambda d: d.second),
    Column("Alike", lambda d: f"{d.similarity:.0%}", sort_key=lambda d: d.similarity, align_right=True),
)


class MechanismsView(ReviewView):
    """The table of mechanisms, the entries of the selected one, and near-duplicate names to merge."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.model = RowTableModel(MECHANISM_COLUMNS, self._decorate, self)
        self.table = QTableView(self)
        self.search = QLineEdit(self)
        self.rename_button = QPushButton("Rename…", self)
        self.merge_button = QPushButton("Merge…", self)
        self.entries = RowTableModel(ENTRY_COLUMNS, parent=self)
        self.entries_view = QTableView(self)
        self.entries_box = QGroupBox("Entries", self)
        self.duplicates = RowTableModel(DUPLICATE_COLUMNS, parent=self)
        self.duplicates_view = QTableView(self)
        self.merge_pair_button = QPushButton("Merge this pair…", self)
        self.duplicates_box = QGroupBox(LOOKING, self)
        self.duplicate_loader = Loader(self)
        self._brushes = palette.PaletteBrushes(self)
        self._names_checked: tuple[str, ...] | None = None  # whose look-alikes are shown or on their way
        self._select_next: list[str] | None = None  # to select when the next load arrives
        self._lay_out()
        self._connect()
        self._update_buttons()  # nothing is chosen while the first load runs

    def _lay_out(self) -> None:
        self.search.setPlaceholderText("Filter mechanisms")
        self.search.setClearButtonEnabled(True)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.rename_button)
        tools.addWidget(self.merge_button)
        set_up_table(self.table, self.model, multi=True, sortable=True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        set_up_table(self.entries_view, self.entries, stretch=0)
        QVBoxLayout(self.entries_box).addWidget(self.entries_view)
        set_up_table(self.duplicates_view, self.duplicates, stretch=1)
        box_layout = QVBoxLayout(self.duplicates_box)
        box_layout.addWidget(self.duplicates_view)
        box_layout.addWidget(self.merge_pair_button, 0, Qt.AlignmentFlag.AlignRight)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.entries_box)
        lower.addWidget(self.duplicates_box)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.footer())

    def _connect(self) -> None:
        self.search.textChanged.connect(self.model.set_filter)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_pair_button.clicked.connect(self.merge_selected_pair)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.rename_selected)
        self.entries_view.activated.connect(self._open_entry)
        self.duplicates_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.duplicate_loader.arrived.connect(self._show_duplicates)
        self.duplicate_loader.failed.connect(self.say)

    # -- loading ---------------------------------------------------------------------------

    def fetch(self) -> Callable[[], Any]:
        journal = self.journal

        return lambda: queries.mechanism_overview(journal)

    def show_data(self, rows: list[MechanismOverview]) -> None:
        chosen = self.selected_names() if self._select_next is None else self._select_next
        self._select_next = None
        self.model.set_rows(rows)
        fit_columns(self.table, widest=480)
        self._check_duplicates(tuple(row.name for row in rows))
        self.select(chosen)
        self._selection_changed()

    def is_loading(self) -> bool:
        return super().is_loading() or self.duplicate_loader.is_loading()

    def _check_duplicates(self, names: tuple[str, ...]) -> None:
        """Look for look-alike names in the background, only when the names changed."""
        if names != self._names_checked:
            self._names_checked = names
            self.duplicate_loader.load(lambda: near_duplicates(names))

    def _show_duplicates(self, pairs: list[NearDuplicate]) -> None:
        self.duplicates.set_rows(pairs)
        fit_columns(self.duplicates_view, widest=200)
        self.duplicates_box.setTitle(f"Names that look alike ({len(pairs)})" if pairs else
                                     "Names that look alike: none")
        self._update_buttons()

    def _decorate(self, row: MechanismOverview, column: int, role: int) -> Any:
        if not row.recurred_after_fix:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.current().warning_background
        if role == Qt.ItemDataRole.ForegroundRole and column == RECURRED_COLUMN:
            return self._brushes.current().warning_text
        if role == Qt.ItemDataRole.FontRole and column == RECURRED_COLUMN:
            font = QFont(self.font())
            font.setBold(True)
            return font
        return None

    # -- selection -------------------------------------------------------------------------

    def selected_names(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ROW_ROLE).name for index in sorted(rows, key=lambda i: i.row())]

    def select(self, names: list[str]) -> None:
        """Select the rows of these mechanisms (ignoring case), scrolling to the first."""
        wanted = {name.casefold() for name in names}
        rows = self.model.rows_where(lambda mechanism: mechanism.name.casefold() in wanted)
        select_rows(self.table, rows)
        if rows:
            self.table.scrollTo(self.model.index(rows[0], 0))

    def _selection_changed(self, *_args: object) -> None:
        names = self.selected_names()
        if len(names) == 1:
            self.entries.set_rows(queries.entries_with_mechanisms(self.journal, names))
            self.entries_box.setTitle(f"Entries with “{names[0]}”")
            fit_columns(self.entries_view)
        else:
            self.entries.set_rows([])
            self.entries_box.setTitle("Entries (select one mechanism)")
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        count = len(self.selected_names())
        self.rename_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count >= 1 and self.model.rowCount() > 1)
        self.merge_pair_button.setEnabled(bool(self.duplicates_view.selectionModel().selectedRows()))

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).id)

    # -- changes ---------------------------------------------------------------------------

    def rename_selected(self, *_args: object) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        old = names[0]
        others = [row.name for row in self.model.rows() if row.name != old]
        new = RenameMechanismDialog.ask(self, old, others)
        if new and self._change(lambda: self.journal.rename_mechanism(old, new)):
            self._select_next = [new]
            self.say(f"Renamed “{old}” to “{new}”.")

    def merge_selected(self) -> None:
        names = self.selected_names()
        candidates = names if len(names) > 1 else [r.name for r in self.model.rows() if r.name not in names]
        self._merge(names, candidates)

    def merge_selected_pair(self) -> None:
        rows = self.duplicates_view.selectionModel().selectedRows()
        if rows:
            pair: NearDuplicate = rows[0].data(ROW_ROLE)
            self._merge([pair.first, pair.second], [pair.first, pair.second])

    def _merge(self, selected: list[str], candidates: list[str]) -> None:
        if not selected or not candidates:
            return
        target = MergeMechanismsDialog.ask(self, selected, candidates, self._preview)
        if target is None:
            return
        sources = [name for name in selected if name != target]
        if self._change(lambda: self.journal.merge_mechanisms(sources, target)):
            self._select_next = [target]
            self.say(f"Merged {', '.join(f'“{s}”' for s in sources)} into “{target}”.")

    def _preview(self, sources: list[str], target: str) -> Any:
        return queries.merge_preview(self.journal, sources, target)

    def _change(self, write: Any) -> bool:
        """Run a journal write; on failure say why in one sentence. Reloads either way."""
        try:
            write()
        except JournalError as error:
            self.say(str(error))
            return False
        finally:
            self.refresh()
        return True

