"""The chart kinds: how each one's data is queried and drawn, shared by the window and the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.charts.colors import LIGHT, ChartColors
from journal.domain.model import EntryFilter
from journal.domain.review import describe_filter, pareto_bars

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from journal.store.repository import Journal

KINDS = ("pareto", "timeline", "inputs", "outcomes")
LABELS = {"pareto": "Mechanisms (Pareto)", "timeline": "Recurrence over time",
          "inputs": "Input mix", "outcomes": "Outcomes over time"}
TALLEST_MIN_HEIGHT = 16.0  # inches: beyond this a chart is squeezed rather than scrolled for ever


def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}; expected one of {', '.join(KINDS)}")


def load(journal: Journal, kind: str, entry_filter: EntryFilter = EntryFilter()) -> Any:
    """The plain data the chart of `kind` shows for the filtered entries."""
    from journal.store import review_queries as queries

    check_kind(kind)
    if kind == "pareto":
        return pareto_bars(queries.pareto(journal, entry_filter))
    if kind == "timeline":
        return queries.timeline(journal, entry_filter)
    if kind == "inputs":
        return queries.input_mix(journal, entry_filter)
    return queries.outcome_counts(journal, entry_filter)


def draw(kind: str, data: Any, entry_filter: EntryFilter = EntryFilter(),
         figure: Figure | None = None, colors: ChartColors = LIGHT) -> Figure:
    """The chart of `kind` for `data`, drawn on `figure` (cleared first) or on a new Figure.

    Files are drawn in the LIGHT print colours; the window passes colours from its theme.
    """
    from journal.charts import builders

    check_kind(kind)
    build = {"pareto": builders.pareto_figure, "timeline": builders.timeline_figure,
             "inputs": builders.inputs_figure, "outcomes": builders.outcomes_figure}[kind]
    return build(data, figure=figure, subtitle=_note(entry_filter), colors=colors)


def min_height_inches(kind: str, data: Any, entry_filter: EntryFilter = EntryFilter()) -> float:
    """The least height (inches) at which the chart of `kind` shows `data` without crowding.

    A window with less room scrolls rather than squeeze rows and labels together; one with more
    draws the chart taller. Margins are fixed in inches, so this does not depend on the width.
    """
    from journal.charts import builders

    check_kind(kind)
    least = {"pareto": builders.pareto_min_height, "timeline": builders.timeline_min_height,
             "inputs": builders.inputs_min_height, "outcomes": builders.outcomes_min_height}[kind]
    return min(least(data, _note(entry_filter)), TALLEST_MIN_HEIGHT)


def _note(entry_filter: EntryFilter) -> str:
    return describe_filter(entry_filter.since, entry_filter.until, entry_filter.area, entry_filter.valence)
