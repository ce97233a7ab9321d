"""The colours a chart is drawn in around its data: print colours for files, the window's theme on screen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartColors:
    """The colours around a chart's data, as matplotlib colour strings.

    The series colours (bars, valences, kinds, accent) are not here: they keep their hues on every
    background. This module imports neither matplotlib nor Qt, so the window can make these cheaply.
    """

    background: str  # the figure, the axes and the gaps between stacked bars
    ink: str  # titles, axis labels, tick labels, counts
    muted: str  # subtitles and the empty chart's sentence
    grid: str  # grid lines and the axes' spines
    label_box: str  # the boxes behind counts and row labels, so lines never cross the text
    legend: str  # the legends' labels and headings
    accent_text: str  # "back after the fix": the accent's hue, lighter where the accent reads poorly as text


# The print colours: saved charts (and the window on a light theme) are drawn in these.
LIGHT = ChartColors(background="white", ink="#2e3a46", muted="#6b7785", grid="#e4e8ec", label_box="white",
                    legend="black", accent_text="#c2483a")
