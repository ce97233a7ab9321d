"""Each chart's natural height: the least room its data needs before a window should scroll instead."""

from dataclasses import replace
from datetime import date

import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from journal.charts import builders, kinds
from journal.domain.model import EntryFilter, MechanismStats
from journal.domain.review import pareto_bars
from tests.unit.charts.test_builders import assert_legible, rendered

OLD_SHORTEST_INCHES = 3.6  # the chart area's fixed minimum (360 px) before charts scrolled


def stats(names: list[str]) -> list[MechanismStats]:
    return [MechanismStats(name, 100 - n, 100 - n, date(2025, 1, 1), date(2025, 6, 1))
            for n, name in enumerate(names)]


def drawn_at_natural_height(kind, data, entry_filter=EntryFilter(), width=11.0):
    height = kinds.min_height_inches(kind, data, entry_filter)
    figure = kinds.draw(kind, data, entry_filter, figure=Figure(figsize=(width, height)))
    return figure, rendered(figure)


def test_more_timeline_rows_need_more_height_and_one_row_fits_a_small_window(fifty):
    data = kinds.load(fifty, "timeline")
    assert len(data.series) == 5
    heights = [kinds.min_height_inches("timeline", replace(data, series=data.series[:rows]))
               for rows in range(1, 6)]
    assert heights == sorted(set(heights))  # strictly taller with every row
    steps = {round(b - a, 6) for a, b in zip(heights, heights[1:], strict=False)}
    assert steps == {round(builders.TIMELINE_ROW + builders.TIMELINE_MARGINS.gap, 6)}
    assert heights[0] < OLD_SHORTEST_INCHES < heights[-1]


LONG = "A name long enough that it has to wrap onto a second line"


def test_more_pareto_bars_need_more_height_and_two_line_names_a_wider_pitch():
    short = [f"No alarm {n}" for n in range(30)]
    one_line = [kinds.min_height_inches("pareto", pareto_bars(stats(short[:n]))) for n in (2, 5, 9)]
    assert one_line == sorted(set(one_line))
    long = [LONG] + short[1:9]
    two_lines = kinds.min_height_inches("pareto", pareto_bars(stats(long)))
    assert builders.pareto_pitch(pareto_bars(stats(short[:9]))) == builders.PARETO_PITCH_ONE_LINE
    beside_one_line = builders.pareto_pitch(pareto_bars(stats(long)))
    assert beside_one_line > builders.PARETO_PITCH_ONE_LINE
    assert two_lines - one_line[-1] == pytest.approx(9 * (beside_one_line - builders.PARETO_PITCH_ONE_LINE))
    side_by_side = builders.pareto_pitch(pareto_bars(stats([LONG, LONG + " too"] + short[2:9])))
    assert side_by_side > beside_one_line
    filtered = kinds.min_height_inches("pareto", pareto_bars(stats(long)), EntryFilter(area="work"))
    assert filtered - two_lines == pytest.approx(builders.PARETO_SUBTITLE)  # the filter note's line


def test_the_natural_height_is_capped():
    names = [f"Mechanism number {n} with a name that needs two lines to show" for n in range(200)]
    bars = pareto_bars(stats(names), top=200)
    assert len(bars) == 200
    assert kinds.min_height_inches("pareto", bars) == kinds.TALLEST_MIN_HEIGHT


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_an_empty_chart_needs_little_room(sample, kind):
    nothing = EntryFilter(since=date(2030, 1, 1))
    height = kinds.min_height_inches(kind, kinds.load(sample, kind, nothing), nothing)
    assert height == builders.EMPTY_HEIGHT < OLD_SHORTEST_INCHES


def test_at_its_natural_height_each_timeline_row_has_its_least_height_and_labels_clear_the_bars(fifty):
    figure, renderer = drawn_at_natural_height("timeline", kinds.load(fifty, "timeline"))
    height = figure.get_figheight()
    for ax in figure.axes:
        assert ax.get_position().height * height == pytest.approx(builders.TIMELINE_ROW)
        tallest_bar = max(path.get_extents(ax.transData).y1 for collection in ax.collections
                          if isinstance(collection, PolyCollection) for path in collection.get_paths())
        assert len(ax.texts) == 2  # the mechanism and its return after the fix
        assert min(text.get_window_extent(renderer).y0 for text in ax.texts) > tallest_bar
        assert_legible(ax.get_yticklabels(), figure, renderer)
        assert_legible(ax.texts, figure, renderer)


def test_at_its_natural_height_no_two_pareto_names_touch(fifty):
    work = EntryFilter(area="work")
    figure, renderer = drawn_at_natural_height("pareto", kinds.load(fifty, "pareto", work), work)
    labels = figure.axes[0].get_yticklabels()
    assert any("\n" in label.get_text() for label in labels)
    assert_legible([*labels, figure.axes[0].title, figure.axes[1].xaxis.label], figure, renderer)


@pytest.mark.parametrize("names", [
    [LONG, "No alarm", LONG + " again", "No check", "No lock"],  # two-line names between one-line ones
    [LONG, LONG + " again", LONG + " and again", "No alarm", "No check"],  # two-line names side by side
])
def test_at_its_natural_height_neighbouring_names_clear_each_other(names):
    figure, renderer = drawn_at_natural_height("pareto", pareto_bars(stats(names)))
    labels = figure.axes[0].get_yticklabels()
    assert sum("\n" in label.get_text() for label in labels) >= 2
    assert_legible(labels, figure, renderer)


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_saved_charts_keep_their_size_which_is_at_least_the_natural_height(sample, fifty, kind):
    for journal in (sample, fifty):
        data = kinds.load(journal, kind)
        saved = kinds.draw(kind, data)
        assert saved.get_figwidth() == 10.0
        assert saved.get_figheight() >= kinds.min_height_inches(kind, data)
