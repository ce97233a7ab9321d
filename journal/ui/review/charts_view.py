"""The Charts tab: pick a chart and filters, click a Pareto bar to list its entries, save as PNG or SVG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.charts import kinds
from journal.domain.model import EntrySummary
from journal.ui.review.base import ReviewView, fit_columns, set_up_table
from journal.ui.review.chart_filters import ChartFilterBar
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text
from journal.ui.review.save_chart_dialog import SaveChartDialog

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.figure import Figure

    from journal.store.repository import Journal

CLICK_HINT = "Click a bar to list the entries behind it."
ENTRY_COLUMNS = (
    Column("Entry", lambda e: e.title),
    Column("Date", lambda e: day_text(e.occurred_on), sort_key=lambda e: e.occurred_on),
    Column("Area", lambda e: e.area),
    Column("Valence", lambda e: e.valence.value),
)


class ChartsView(ReviewView):
    """A chart picker, filters, the chart itself and, for the Pareto chart, the entries behind a bar."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.kind = QComboBox(self)
        for kind in kinds.KINDS:
            self.kind.addItem(kinds.LABELS[kind], kind)
        self.filters = ChartFilterBar(self)
        self.save_button = QPushButton("Save chart…", self)
        self.figure: Figure | None = None
        self.canvas: Any = None
        self.chart_area = QWidget(self)
        self.entries = RowTableModel(ENTRY_COLUMNS, parent=self)
        self.entries_view = QTableView(self)
        self.entries_caption = QLabel(CLICK_HINT, self)
        self.entries_panel = QWidget(self)
        self._data: Any = None
        self._bar_names: tuple[str, ...] = ()
        self._last_folder = Path.home()
        self._lay_out()
        self._connect()

    # -- building --------------------------------------------------------------------------

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        chart_label = QLabel("&Chart", self)
        chart_label.setBuddy(self.kind)
        for widget in (chart_label, self.kind, self.filters):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.save_button)
        QVBoxLayout(self.chart_area).setContentsMargins(0, 0, 0, 0)
        self.chart_area.setMinimumHeight(360)
        self._lay_out_entries()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart_area)
        splitter.addWidget(self.entries_panel)
        splitter.setSizes([560, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _lay_out_entries(self) -> None:
        set_up_table(self.entries_view, self.entries, stretch=0)
        layout = QVBoxLayout(self.entries_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entries_caption)
        layout.addWidget(self.entries_view)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self.reload)
        self.filters.changed.connect(self.reload)
        self.save_button.clicked.connect(self.save_chart)
        self.entries_view.activated.connect(self._open_entry)

    def _ensure_canvas(self) -> None:
        """Create the matplotlib canvas on first use, so opening the window never waits for matplotlib."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.mpl_connect("button_press_event", self._on_click)
        self.canvas.mpl_connect("motion_notify_event", self._on_hover)
        self.chart_area.layout().addWidget(self.canvas)

    # -- showing ---------------------------------------------------------------------------

    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def load(self) -> None:
        self.filters.set_areas(self.journal.areas())
        self._ensure_canvas()
        kind, entry_filter = self.current_kind(), self.filters.entry_filter()
        self._data = kinds.load(self.journal, kind, entry_filter)
        kinds.draw(kind, self._data, entry_filter, figure=self.figure)
        self.canvas.draw_idle()
        self.entries_panel.setVisible(kind == "pareto")
        self._restore_bar()

    def _restore_bar(self) -> None:
        """After a redraw, list the same bar's entries again if that bar is still there."""
        names = self._bar_names
        index = next((i for i, bar in enumerate(self.bars()) if bar.names == names), None)
        if index is None:
            self._bar_names = ()
            self.entries.set_rows([])
            self.entries_caption.setText(CLICK_HINT)
        else:
            self.show_bar(index)

    def bars(self) -> list:
        """The Pareto bars on screen (empty for the other charts)."""
        return list(self._data) if self.current_kind() == "pareto" and self._data else []

    def _bar_under(self, event: MouseEvent) -> int | None:
        from journal.charts.builders import bar_at

        return bar_at(self.figure, event) if self.current_kind() == "pareto" and self.bars() else None

    def _on_click(self, event: MouseEvent) -> None:
        index = self._bar_under(event)
        if index is not None and event.button == 1:
            self.show_bar(index)

    def _on_hover(self, event: MouseEvent) -> None:
        over_bar = self._bar_under(event) is not None
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor if over_bar else Qt.CursorShape.ArrowCursor)

    def show_bar(self, index: int) -> None:
        """List the filtered entries behind Pareto bar `index`, and outline that bar."""
        from journal.store.review_queries import entries_with_mechanisms

        bar = self.bars()[index]
        self._bar_names = bar.names
        rows = entries_with_mechanisms(self.journal, bar.names, self.filters.entry_filter())
        self.entries.set_rows(rows)
        fit_columns(self.entries_view)
        count = f"{len(rows)} entr" + ("y" if len(rows) == 1 else "ies")
        self.entries_caption.setText(f"{count} behind “{bar.label}”: double-click one to open it.")
        self._outline_bar(index)

    def _outline_bar(self, index: int) -> None:
        from journal.charts.builders import bar_index
        from journal.charts.style import INK

        for patch in self.figure.axes[0].patches:
            chosen = bar_index(patch) == index
            patch.set_edgecolor(INK if chosen else "none")
            patch.set_linewidth(2.0 if chosen else 0.0)
        self.canvas.draw_idle()

    def shown_entries(self) -> list[EntrySummary]:
        return self.entries.rows()

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).id)

    # -- saving ----------------------------------------------------------------------------

    def save_chart(self) -> None:
        """Ask for a file and write the chart on screen there, at export size."""
        from journal.charts.files import chart_format, write_figure
        from journal.exchange.errors import ExchangeError

        if self._data is None:
            self.reload()
        kind = self.current_kind()
        path = SaveChartDialog.ask(self, self._last_folder / f"fivewhys-{kind}.png")
        if path is None:
            return
        entry_filter = self.filters.entry_filter()
        try:
            write_figure(kinds.draw(kind, self._data, entry_filter), path, chart_format(path))
        except ExchangeError as error:
            self.say(str(error))
            return
        self._last_folder = path.parent
        self.say(f"Saved the chart to {path}.")
