"""Charts drawn to pixels off the UI thread: the Charts view shows the image and hit-tests its bars.

Matplotlib is imported, laid out and rendered (Agg) on a worker thread, so the window never waits
for it. Matplotlib is not thread-safe, so every use of it here holds one lock; the UI thread keeps
only the finished image, the figure (read by tests, never drawn again) and the bars' boxes.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.charts import kinds
from journal.charts.colors import LIGHT, ChartColors
from journal.domain.model import EntryFilter

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SCREEN_DPI = 100.0  # matplotlib's own, as its Qt canvas uses: text sizes match the saved charts
SMALLEST = 50  # pixels: a chart is never drawn narrower or shorter than this
_MATPLOTLIB = threading.Lock()


@dataclass(frozen=True)
class Box:
    """A Pareto bar's rectangle on the image, in device-independent pixels from the top left."""

    index: int
    left: float
    top: float
    right: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@dataclass(frozen=True)
class RenderedChart:
    """A chart drawn at a size and in colours: RGBA pixels (width × height, ratio device pixels per
    pixel) and bars.

    `natural_height` is the least height (device-independent pixels) its data needs to stay readable.
    """

    figure: Figure
    pixels: bytes
    width: int
    height: int
    ratio: float
    bars: tuple[Box, ...]
    natural_height: int = 0
    colors: ChartColors = LIGHT


@dataclass
class Canvas:
    """The room the chart has on screen; the UI thread updates it, a render reads it when it starts.

    `width` × `height` is the scrolled area's viewport without scroll bars; a chart whose natural
    height is more than that is drawn that tall, `scrollbar` pixels narrower (its scroll bar's room).
    """

    width: int = 800
    height: int = 500
    ratio: float = 1.0
    scrollbar: int = 0

    def size_for(self, natural_height: int) -> tuple[int, int]:
        """The size (device-independent pixels) to draw a chart of this natural height at."""
        scrolls = natural_height > self.height
        width = self.width - (self.scrollbar if scrolls else 0)
        return max(width, SMALLEST), max(self.height, natural_height, SMALLEST)


def natural_pixels(kind: str, data: Any, entry_filter: EntryFilter) -> int:
    """The chart's natural height in device-independent pixels."""
    return math.ceil(kinds.min_height_inches(kind, data, entry_filter) * SCREEN_DPI)


def render(kind: str, data: Any, entry_filter: EntryFilter, canvas: Canvas,
           colors: ChartColors = LIGHT) -> RenderedChart:
    """The chart of `kind` for `data` in `colors`, drawn to fill the canvas, or taller if its data needs
    more room."""
    with _MATPLOTLIB:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        natural = natural_pixels(kind, data, entry_filter)
        (width, height), ratio = canvas.size_for(natural), canvas.ratio
        dpi = SCREEN_DPI * ratio
        figure = Figure(figsize=(width / SCREEN_DPI, height / SCREEN_DPI), dpi=dpi, layout="constrained")
        kinds.draw(kind, data, entry_filter, figure=figure, colors=colors)
        agg = FigureCanvasAgg(figure)
        agg.draw()
        pixels = bytes(agg.buffer_rgba())
        device_height = agg.get_width_height()[1]
        return RenderedChart(figure, pixels, *agg.get_width_height(), ratio,
                             _bar_boxes(figure, device_height, ratio), natural, colors)


def _bar_boxes(figure: Figure, device_height: int, ratio: float) -> tuple[Box, ...]:
    """Where the Pareto bars were drawn (matplotlib counts pixels from the bottom, Qt from the top)."""
    from journal.charts.builders import bar_index

    boxes = []
    for ax in figure.axes[:1]:
        for patch in ax.patches:
            index = bar_index(patch)
            if index is not None:
                extent = patch.get_window_extent()
                boxes.append(Box(index, extent.x0 / ratio, (device_height - extent.y1) / ratio,
                                 extent.x1 / ratio, (device_height - extent.y0) / ratio))
    return tuple(sorted(boxes, key=lambda box: box.index))


def save(kind: str, data: Any, entry_filter: EntryFilter, path: Path) -> Path:
    """Write the chart at export size to `path` (PNG or SVG, by its suffix), in the print colours
    whatever the window's theme; returns the path."""
    from journal.charts.files import chart_format, write_figure

    image_format = chart_format(path)
    with _MATPLOTLIB:
        write_figure(kinds.draw(kind, data, entry_filter), path, image_format)
    return path


def warm_up() -> None:
    """Import what drawing a chart needs (on a worker thread, before the Charts tab is first shown)."""
    with _MATPLOTLIB:
        import matplotlib.backends.backend_agg  # noqa: F401

        import journal.charts.builders  # noqa: F401
