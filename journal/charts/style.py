"""The charts' calm palette, text sizes and small drawing helpers shared by every builder."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import LayoutEngine

from journal.charts.colors import LIGHT, ChartColors
from journal.domain.model import InputKind, Valence
from journal.domain.review import Unit, next_bucket

INK = LIGHT.ink
MUTED = LIGHT.muted
GRID = LIGHT.grid
ON_BAR = LIGHT.ink  # text drawn on a coloured bar: the series keep their hues on any background
BAR = "#5b7c99"
OTHERS = "#a9b8c6"
LINE = "#c0713f"
ACCENT = "#c2483a"  # LIGHT.accent_text is this same colour
FIX = "#3d8a66"
VALENCE_COLORS = {Valence.NEGATIVE: "#c98469", Valence.POSITIVE: "#6fa383", Valence.MIXED: "#d3b05f"}
KIND_COLORS = {InputKind.PROCESS: "#5b7c99", InputKind.ACTION: "#9a7bb0",
               InputKind.LUCK: "#e0b45a", InputKind.TIME: "#7fb0aa"}
KIND_LABELS = {InputKind.PROCESS: "Process", InputKind.ACTION: "People's actions",
               InputKind.LUCK: "Luck", InputKind.TIME: "Time passing"}
AREA_COLORS = ("#5b7c99", "#7fb0aa", "#d3b05f", "#9a7bb0", "#c98469", "#8fa36b", "#b7bec6")
TITLE_SIZE = 14
TEXT_SIZE = 10
SMALL_SIZE = 9
EMPTY_MESSAGE = "No entries match these filters yet"
EXPORT_SIZE = (10.0, 6.0)
LEGEND_FRAME_POINTS = 2.8 * SMALL_SIZE + 8  # a legend's handle, gap and borders around the widest label


@dataclass(frozen=True)
class Margins:
    """Room around and between a figure's rows of axes, in inches (the chart's text sizes are fixed)."""

    left: float
    right: float
    top: float
    bottom: float
    gap: float = 0.0


class FixedMargins(LayoutEngine):
    """Lays the axes out with margins fixed in inches, however large the figure is drawn.

    Constrained layout measures every text of every axes before each draw, which on a chart of many
    rows costs more than drawing it; charts whose text sizes are known use this instead.
    """

    _adjust_compatible = True
    _colorbar_gridspec = True

    def __init__(self, margins: Margins) -> None:
        super().__init__()
        self.margins = margins

    def execute(self, fig: Figure) -> None:
        place_axes(fig, self.margins)


def prepare(figure: Figure | None, size: tuple[float, float], margins: Margins | None = None,
            colors: ChartColors = LIGHT) -> Figure:
    """A cleared figure to draw on, in the background colour: the one given (the window's), or a new
    one of `size` inches.

    With `margins` the axes are placed by FixedMargins; without, by constrained layout. A new figure
    with margins gets no layout engine at all, so saving it draws it once, not twice.
    """
    if figure is None:
        figure = Figure(figsize=size, layout=None if margins else "constrained")
    else:
        figure.clear()
        figure.set_layout_engine(FixedMargins(margins) if margins else "constrained")
    figure.set_facecolor(colors.background)
    return figure


def place_axes(figure: Figure, margins: Margins) -> None:
    """Set the subplot parameters so that `margins` (inches) surround and separate the axes."""
    width, height = figure.get_size_inches()
    rows = max((ax.get_subplotspec().get_gridspec().nrows for ax in figure.axes
                if ax.get_subplotspec() is not None), default=1)
    left, right = _fraction(margins.left, width, 0.35), _fraction(margins.right, width, 0.55)
    top, bottom = _fraction(margins.top, height, 0.4), _fraction(margins.bottom, height, 0.4)
    row_height = max(height * (1 - top - bottom) - margins.gap * (rows - 1), 0.05 * height) / rows
    figure.subplots_adjust(left=left, right=1 - right, top=1 - top, bottom=bottom,
                           hspace=margins.gap / row_height)


def text_width(lines: Sequence[str], size: float = SMALL_SIZE) -> float:
    """Inches the widest of these one-line texts takes at `size` points.

    Measured from the font's outlines, which needs no renderer and costs far less than a layout pass.
    """
    from matplotlib.textpath import text_to_path

    font = FontProperties(size=size)
    return max((text_to_path.get_text_width_height_descent(line, font, ismath=False)[0]
                for line in lines), default=0.0) / 72


def legend_width(labels: Sequence[str]) -> float:
    """Inches a legend of these labels takes at SMALL_SIZE, handles and padding included."""
    return text_width(labels) + LEGEND_FRAME_POINTS / 72


def _fraction(inches: float, of: float, most: float) -> float:
    """A margin as a fraction of the figure, at `most` so that some room is always left for the axes."""
    return min(inches / of, most)


def title(figure: Figure, text: str, colors: ChartColors = LIGHT) -> None:
    figure.suptitle(text, x=0.01, ha="left", fontsize=TITLE_SIZE, fontweight="bold", color=colors.ink)


def subtitle(ax: Axes, text: str, colors: ChartColors = LIGHT) -> None:
    if text:
        ax.set_title(text, loc="left", fontsize=SMALL_SIZE, color=colors.muted, pad=8)


def style_axes(ax: Axes, grid_axis: str = "x", colors: ChartColors = LIGHT) -> None:
    """The background colour, quiet spines, a light grid behind the data, readable ticks."""
    ax.set_facecolor(colors.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(colors.grid)
    ax.tick_params(colors=colors.ink, labelsize=SMALL_SIZE, length=0)
    ax.grid(axis=grid_axis, color=colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)


def empty(figure: Figure, heading: str, message: str = EMPTY_MESSAGE, note: str = "",
          colors: ChartColors = LIGHT) -> Figure:
    """A friendly empty chart: the title and one calm sentence instead of axes."""
    title(figure, heading, colors)
    ax = figure.add_subplot()
    ax.set_axis_off()
    subtitle(ax, note, colors)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=TEXT_SIZE + 2, color=colors.muted,
            transform=ax.transAxes)
    return figure


def shorten(text: str, width: int, lines: int = 1) -> str:
    """Wrap `text` to `width` characters a line, at most `lines` lines, ending with … when cut."""
    text = " ".join(text.split())
    wrapped = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = wrapped[:lines]
    kept[-1] = kept[-1][: width - 1].rstrip() + "…"
    return "\n".join(kept)


def day_number(day: date) -> float:
    """Matplotlib's date number for a day (days since its epoch), without date2num's per-call cost."""
    return float(day.toordinal() - _epoch_ordinal())


@functools.lru_cache(maxsize=1)
def _epoch_ordinal() -> int:
    return int(date.fromisoformat(mdates.get_epoch()[:10]).toordinal())


def bucket_centers(starts: Sequence[date], unit: Unit) -> list[float]:
    return [(day_number(s) + day_number(next_bucket(s, unit))) / 2 for s in starts]


def bucket_width(unit: Unit) -> float:
    """Bar width in days: most of a week or of a month."""
    return 5.6 if unit is Unit.WEEK else 24.0


def column_bars(ax: Axes, centers: Sequence[float], heights: Sequence[float], width: float, color: str,
                bottoms: Sequence[float] | None = None, gap: str = LIGHT.background) -> None:
    """Vertical bars as one collection (much faster than `Axes.bar` for many bars); zeros are skipped.

    A thin edge of the `gap` colour (the background) keeps stacked bars apart.

    The axes' limits are left alone: the charts set them from their buckets and counts.
    """
    bottoms = bottoms if bottoms is not None else [0] * len(heights)
    half = width / 2
    boxes = [((x - half, b), (x - half, b + h), (x + half, b + h), (x + half, b))
             for x, h, b in zip(centers, heights, bottoms, strict=True) if h]
    ax.add_collection(PolyCollection(boxes, facecolors=color, edgecolors=gap, linewidths=0.5),
                      autolim=False)


def bucket_ticks(ax: Axes, starts: Sequence[date], unit: Unit) -> None:
    """Label buckets at their centres ("May", with the year under the first of each year), thinned out."""
    centers = bucket_centers(starts, unit)
    step = max(1, -(-len(starts) // 14))
    positions, labels, year = [], [], None
    for index in range(0, len(starts), step):
        start = starts[index]
        text = start.strftime("%d %b" if unit is Unit.WEEK else "%b")
        if start.year != year:
            text, year = f"{text}\n{start.year}", start.year
        positions.append(centers[index])
        labels.append(text)
    ax.set_xticks(positions, labels)
    ax.set_xlim(day_number(starts[0]) - 2, day_number(next_bucket(starts[-1], unit)) + 2)
