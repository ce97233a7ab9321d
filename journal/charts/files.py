"""Saving a review chart as a PNG or SVG file, written whole or not at all."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.model import EntryFilter
from journal.exchange.errors import ExchangeError
from journal.exchange.files import write_bytes_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from journal.store.repository import Journal

FORMATS = {".png": "png", ".svg": "svg"}
EXPORT_DPI = 150


def save_chart(journal: Journal, kind: str, out: Path, entry_filter: EntryFilter = EntryFilter()) -> None:
    """Draw the chart of `kind` for the filtered entries and write it to `out` (.png or .svg)."""
    from journal.charts import kinds

    out = Path(out)
    image_format = chart_format(out)
    if kind not in kinds.KINDS:
        raise ExchangeError(f"There is no “{kind}” chart; choose one of {', '.join(kinds.KINDS)}.")
    figure = kinds.draw(kind, kinds.load(journal, kind, entry_filter), entry_filter)
    write_figure(figure, out, image_format)


def chart_format(out: Path) -> str:
    """The image format named by the file's suffix, or an ExchangeError saying which ones work."""
    image_format = FORMATS.get(out.suffix.lower())
    if image_format is None:
        raise ExchangeError(f"A chart can be saved as .png or .svg, not as “{out.name}”.")
    return image_format


def write_figure(figure: Figure, out: Path, image_format: str) -> None:
    """Render the figure (Agg for PNG, the SVG writer for SVG) and write the file atomically."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    _settle_layout(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=image_format, dpi=EXPORT_DPI, facecolor="white",
                   metadata={"Software": "Five Whys Journal"} if image_format == "png" else None)
    if out.is_dir():
        raise ExchangeError(f"{out} is a folder; name the image file to write.")
    write_bytes_atomic(out, buffer.getvalue())


def _settle_layout(figure: Figure) -> None:
    """Lay the figure out once and keep that layout, so saving draws it once rather than twice.

    With a layout engine set, savefig draws the whole figure once just to run the engine, then again.
    """
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
        figure.set_layout_engine(None)
