"""The Charts tab: pick a chart and filters, click a Pareto bar to list its entries, save as PNG or SVG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.charts import kinds
from journal.ui.review import chart_render
from journal.ui.review.base import ReviewView, fit_columns, set_up_table, single_shot
from journal.ui.review.chart_filters import ChartFilterBar
from journal.ui.review.chart_picture import ChartPicture
from journal.ui.review.loader import Loader
from journal.ui.review.models import ROW_ROLE, Column, RowTableModel, day_text
from journal.ui.review.palette import chart_colors
from journal.ui.review.save_chart_dialog import SaveChartDialog

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from journal.charts.colors import ChartColors
    from journal.domain.model import EntryFilter, EntrySummary
    from journal.domain.review import ParetoBar
    from journal.store.repository import Journal

    # what a load brings: kind, filter, areas in use (None: unchanged), the chart's data, the chart drawn
    Loaded = tuple[str, EntryFilter, list[str] | None, Any, chart_render.RenderedChart]

CLICK_HINT = "Click a bar to list the entries behind it."
THEME_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
REDRAW_AFTER_MS = 150  # after the chart's size settles, draw it again at the new size
SHORTEST_CHART_AREA = 160  # pixels the splitter leaves the chart's scroll area at least
ENTRY_COLUMNS = (
    Column("Entry", lambda e: e.title),
    Column("Date", lambda e: day_text(e.occurred_on), sort_key=lambda e: e.occurred_on),
    Column("Area", lambda e: e.area),
    Column("Valence", lambda e: e.valence.value),
)


class ChartsView(ReviewView):
    """A chart picker, filters, the chart itself and, for the Pareto chart, the entries behind a bar.

    The journal is read and the chart drawn on a worker thread (matplotlib is imported there the
    first time); the window shows the finished image and hit-tests its bars itself. The chart fills
    its scroll area, or is drawn at its natural height and scrolls when the area is shorter.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(journal, parent)
        self.kind = QComboBox(self)
        for kind in kinds.KINDS:
            self.kind.addItem(kinds.LABELS[kind], kind)
        self.filters = ChartFilterBar(self)
        self.save_button = QPushButton("Save chart…", self)
        self.picture = ChartPicture(self)
        self.chart_area = QScrollArea(self)
        self.figure: Figure | None = None  # the figure on screen, as drawn (never drawn again)
        self.entries = RowTableModel(ENTRY_COLUMNS, parent=self)
        self.entries_view = QTableView(self)
        self.entries_caption = QLabel(CLICK_HINT, self)
        self.entries_panel = QWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.entry_loader = Loader(self)
        self.saver = Loader(self)
        self._canvas = chart_render.Canvas()
        self._redraw_soon = single_shot(self, REDRAW_AFTER_MS, self._redraw)
        self._drawn: tuple[str, EntryFilter] | None = None  # the kind and filter of the chart on screen
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
        self._lay_out_chart_area()
        self._lay_out_entries()
        self.splitter.addWidget(self.chart_area)
        self.splitter.addWidget(self.entries_panel)
        self.splitter.setSizes([600, 140])  # the entries behind a bar: four rows until dragged taller
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.footer())

    def _lay_out_chart_area(self) -> None:
        """The picture takes the area's width, and its height or the chart's natural height if more."""
        area = self.chart_area
        area.setWidget(self.picture)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumHeight(SHORTEST_CHART_AREA)

    def _lay_out_entries(self) -> None:
        set_up_table(self.entries_view, self.entries, stretch=0)
        layout = QVBoxLayout(self.entries_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entries_caption)
        layout.addWidget(self.entries_view)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self.refresh)
        self.filters.changed.connect(self.refresh)
        self.save_button.clicked.connect(self.save_chart)
        self.entries_view.activated.connect(self._open_entry)
        self.picture.bar_clicked.connect(self.show_bar)
        self.picture.resized.connect(self._resized)
        self.entry_loader.arrived.connect(self._show_entries)
        self.entry_loader.failed.connect(self.say)
        self.saver.arrived.connect(self._saved)
        self.saver.failed.connect(self.say)

    # -- showing ---------------------------------------------------------------------------

    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def fetch(self) -> Callable[[], Loaded]:
        self._show_entries_panel(self.current_kind() == "pareto")
        self._measure_canvas()
        journal, kind, entry_filter, canvas = (self.journal, self.current_kind(), self.filters.entry_filter(),
                                               self._canvas)
        colors = self.chart_colors()

        def read() -> Loaded:
            areas = journal.areas()
            data = kinds.load(journal, kind, entry_filter)
            chart = chart_render.render(kind, data, entry_filter, canvas, colors)
            return kind, entry_filter, areas, data, chart
        return read

    def chart_colors(self) -> ChartColors:
        """The colours the chart is drawn in on screen, from the theme the view has now."""
        return chart_colors(self.palette())

    def show_data(self, loaded: Loaded) -> None:
        kind, entry_filter, areas, data, chart = loaded
        if self._drawn is None or self._drawn[0] != kind:
            self.chart_area.verticalScrollBar().setValue(0)  # another chart: start at its title
        self._drawn, self._data, self.figure = (kind, entry_filter), data, chart.figure
        self.picture.show_chart(chart)
        if areas is not None:  # not only drawn again at another size
            self.filters.set_areas(areas)
            if self.filters.entry_filter() != entry_filter:  # the chosen area is gone: draw all areas
                self.refresh()
            self._restore_bar()
        if self._out_of_date():
            self._redraw_soon.start()

    def is_loading(self) -> bool:
        return super().is_loading() or self.entry_loader.is_loading() or self.saver.is_loading()

    def _show_entries_panel(self, show: bool) -> None:
        """Show or hide the bar's entries and let the chart take its room now, before it is drawn for it.

        The splitter would otherwise move its children on its next layout pass, which may come after
        the worker has begun drawing for the room the chart had before: it would be drawn twice.
        """
        if self.entries_panel.isHidden() == show:
            self.entries_panel.setVisible(show)
            self.splitter.refresh()

    def _measure_canvas(self) -> None:
        """Tell the worker the room to draw in (it reads it when it starts drawing)."""
        room, canvas = self.chart_area.maximumViewportSize(), self._canvas
        canvas.width, canvas.height = room.width(), room.height()
        canvas.ratio = self.picture.devicePixelRatioF()
        canvas.scrollbar = self._scrollbar_width()

    def _scrollbar_width(self) -> int:
        """The room a vertical scroll bar takes from the chart (none where scroll bars float over it)."""
        if self.chart_area.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, self.chart_area):
            return 0
        return self.chart_area.verticalScrollBar().sizeHint().width()

    def _out_of_date(self) -> bool:
        """Whether the chart on screen was drawn for other room than the chart area now has, or in other
        colours than the theme's."""
        self._measure_canvas()
        picture = self.picture
        return picture.image is not None and (
            picture.drawn_size() != QSize(*self._canvas.size_for(picture.natural_height()))
            or picture.colors != self.chart_colors())

    def _resized(self) -> None:
        if self._out_of_date():
            self._redraw_soon.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._out_of_date():
            self._redraw_soon.start()  # resized, or the theme switched, while another tab was shown

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in THEME_CHANGES and self._out_of_date():
            self._redraw_soon.start()  # a light/dark switch: draw the chart in the new theme's colours

    def _redraw(self) -> None:
        """Draw the chart on screen again for the chart area's room and the theme's colours (after the
        next load, if one runs)."""
        if not self.isVisible() or self._drawn is None or not self._out_of_date():
            return
        if self.loader.is_loading():
            return  # that load draws at the size it finds when it starts drawing, and checks again
        (kind, entry_filter), data, canvas = self._drawn, self._data, self._canvas
        colors = self.chart_colors()
        self.loader.load(lambda: (kind, entry_filter, None, data,
                                  chart_render.render(kind, data, entry_filter, canvas, colors)))

    def _restore_bar(self) -> None:
        """After a redraw, list the same bar's entries again if that bar is still there."""
        names = self._bar_names
        index = next((i for i, bar in enumerate(self.bars()) if bar.names == names), None)
        if index is None:
            self._bar_names = ()
            self.picture.set_outlined(None)
            self.entries.set_rows([])
            self.entries_caption.setText(CLICK_HINT)
        else:
            self.show_bar(index)

    def bars(self) -> list[ParetoBar]:
        """The Pareto bars on screen (empty for the other charts)."""
        return list(self._data) if self._drawn and self._drawn[0] == "pareto" and self._data else []

    def show_bar(self, index: int) -> None:
        """List the filtered entries behind Pareto bar `index`, and outline that bar."""
        from journal.store.review_queries import entries_with_mechanisms

        bar = self.bars()[index]
        self._bar_names = bar.names
        self.picture.set_outlined(index)
        journal, entry_filter = self.journal, self._drawn[1]
        self.entry_loader.load(lambda: (bar, entries_with_mechanisms(journal, bar.names, entry_filter)))

    def _show_entries(self, found: tuple[ParetoBar, list[EntrySummary]]) -> None:
        bar, rows = found
        self.entries.set_rows(rows)
        fit_columns(self.entries_view)
        count = f"{len(rows)} entr" + ("y" if len(rows) == 1 else "ies")
        self.entries_caption.setText(f"{count} behind “{bar.label}”: double-click one to open it.")

    def shown_entries(self) -> list[EntrySummary]:
        return self.entries.rows()

    def _open_entry(self, index: QModelIndex) -> None:
        self.entry_requested.emit(index.data(ROW_ROLE).id)

    # -- saving ----------------------------------------------------------------------------

    def save_chart(self) -> None:
        """Ask for a file and write the chart on screen there, at export size (in the background)."""
        kind, entry_filter = self.current_kind(), self.filters.entry_filter()
        path = SaveChartDialog.ask(self, self._last_folder / f"fivewhys-{kind}.png")
        if path is None:
            return
        journal, data = self.journal, self._data if self._drawn == (kind, entry_filter) else None
        self.say(f"Saving the chart to {path}…")
        self.saver.load(lambda: chart_render.save(
            kind, kinds.load(journal, kind, entry_filter) if data is None else data, entry_filter, path))

    def _saved(self, path: Path) -> None:
        self._last_folder = path.parent
        self.say(f"Saved the chart to {path}.")
