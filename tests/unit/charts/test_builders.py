"""The chart builders draw what the data says, stay legible with long names and many mechanisms."""

from datetime import date
from itertools import combinations

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from journal.charts import builders, kinds
from journal.charts.style import ACCENT, EMPTY_MESSAGE, day_number, shorten
from journal.domain.model import EntryFilter, InputKind, MechanismStats, Valence
from journal.domain.review import InputMix, OutcomeCounts, TimelineData, Unit, pareto_bars, timeline_series


def rendered(figure: Figure, dpi: int = 100) -> object:
    FigureCanvasAgg(figure)
    figure.set_dpi(dpi)
    figure.canvas.draw()
    return figure.canvas.get_renderer()


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def bar_rects(figure: Figure) -> list[Rectangle]:
    return [p for p in figure.axes[0].patches if builders.bar_index(p) is not None]


def assert_legible(labels, figure: Figure, renderer) -> None:
    """Every label is inside the figure and no two labels overlap."""
    page = figure.bbox
    boxes = [label.get_window_extent(renderer) for label in labels if label.get_text()]
    assert boxes
    for box in boxes:
        assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1
        assert page.y0 - 1 <= box.y0 and box.y1 <= page.y1 + 1
    for first, second in combinations(boxes, 2):
        assert not first.overlaps(second), (first, second)


# -- Pareto -----------------------------------------------------------------------------------

def test_pareto_of_the_sample_journal(sample):
    bars = kinds.load(sample, "pareto")
    figure = builders.pareto_figure(bars)
    rects = bar_rects(figure)
    assert [r.get_width() for r in rects] == [3, 2, 2, 2, 2, 2, 2]
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "Manual step with no checklist"
    assert labels[5] == "Pitch not tested with a real\ncustomer first"
    line, eighty = figure.axes[1].get_lines()
    assert list(eighty.get_xdata()) == [80, 80]
    assert list(line.get_xdata()) == pytest.approx([100 * n / 15 for n in (3, 5, 7, 9, 11, 13, 15)])
    assert figure.axes[1].get_xlim() == (0, 100)
    assert builders.PARETO_TITLE in texts(figure)


def test_the_bar_under_the_mouse_is_found_through_the_share_axes(sample):
    figure = builders.pareto_figure(kinds.load(sample, "pareto"))
    rendered(figure)
    rects = bar_rects(figure)
    assert [builders.bar_index(r) for r in rects] == list(range(7))
    assert builders.bar_index(figure.axes[0].spines["left"]) is None
    for index in (0, 4):
        box = rects[index].get_window_extent()
        click = MouseEvent("button_press_event", figure.canvas, box.x0 + 3, (box.y0 + box.y1) / 2)
        assert builders.bar_at(figure, click) == index
    box = rects[6].get_window_extent()
    beside = MouseEvent("button_press_event", figure.canvas, box.x1 + 30, box.y0)
    assert builders.bar_at(figure, beside) is None


def test_pareto_with_fifty_mechanisms_keeps_the_top_and_folds_the_rest(fifty):
    bars = kinds.load(fifty, "pareto")
    figure = builders.pareto_figure(bars)
    assert len(bar_rects(figure)) == 13
    assert bars[-1].label.startswith("Others (") and sum(b.entries for b in bars) == sum(
        s.entries for s in fifty.mechanism_stats())
    labels = figure.axes[0].get_yticklabels()
    for label in labels:
        lines = label.get_text().split("\n")
        assert len(lines) <= 2 and all(len(line) <= 34 for line in lines)
    assert_legible(labels, figure, rendered(figure))


def test_a_huge_others_bar_is_cut_short_so_the_mechanisms_stay_readable():
    today = date.today()
    stats = [MechanismStats(f"Mechanism {n:03}", 20 - n // 10, 20, today, today) for n in range(200)]
    bars = pareto_bars(stats)
    assert bars[-1].is_others and bars[-1].entries > 10 * bars[0].entries
    figure = builders.pareto_figure(bars)
    rects = bar_rects(figure)
    assert figure.axes[0].get_xlim()[1] == pytest.approx(bars[0].entries * builders.OTHERS_CUT * 1.12)
    assert rects[0].get_width() / figure.axes[0].get_xlim()[1] > 0.5  # the largest mechanism fills the half
    assert bars[-1].entries >= 1000 and f"{bars[-1].entries:,} (cut short)  " in texts(figure)  # "1,880"
    assert str(bars[0].entries) in texts(figure)
    few = pareto_bars([MechanismStats("A", 5, 5, today, today), MechanismStats("B", 4, 4, today, today)])
    assert builders.pareto_figure(few).axes[0].get_xlim()[1] == pytest.approx(5 * 1.12)


def test_sixty_character_names_wrap_onto_two_lines_without_losing_words():
    name = "No handover check before a change reaches all who use it (003)"
    assert len(name) >= 60
    figure = builders.pareto_figure(pareto_bars([MechanismStats(name, 4, 4, date.today(), date.today()),
                                                 MechanismStats("Short", 2, 2, date.today(), date.today())]))
    label = figure.axes[0].get_yticklabels()[0].get_text()
    assert label.replace("\n", " ") == name
    assert_legible(figure.axes[0].get_yticklabels(), figure, rendered(figure))


def test_shorten_cuts_with_an_ellipsis():
    assert shorten("a " * 40, 10, 2).endswith("…")
    assert shorten("one  two\nthree", 40) == "one two three"


# -- empty data -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", kinds.KINDS)
def test_no_matching_entries_draws_a_friendly_empty_chart(sample, kind):
    nothing = EntryFilter(since=date(2031, 1, 1))
    figure = kinds.draw(kind, kinds.load(sample, kind, nothing), nothing)
    assert EMPTY_MESSAGE in texts(figure)
    assert "since 01 Jan 2031" in texts(figure)
    rendered(figure)


def test_entries_without_mechanisms_say_so_on_the_timeline(db_path):
    from journal.store.repository import Journal

    with Journal.open(db_path) as journal:
        journal.create_entry("no whys yet", date(2026, 3, 1))
        figure = kinds.draw("timeline", kinds.load(journal, "timeline"))
    assert "No mechanisms are linked to these entries yet" in texts(figure)


# -- timeline, inputs, outcomes ---------------------------------------------------------------

def test_timeline_marks_fixes_and_calls_out_returns(sample):
    figure = kinds.draw("timeline", kinds.load(sample, "timeline"))
    rows = [ax for ax in figure.axes if ax.get_visible()]
    assert len(rows) == 5
    fixes = [sorted(x for seg in c.get_segments() for x in {seg[0][0]})
             for ax in rows for c in ax.collections if isinstance(c, LineCollection)]
    assert fixes[0] == [day_number(date(2026, 7, 8))]
    assert fixes[1] == [day_number(date(2026, 5, 28))]
    assert fixes[2] == []
    callouts = [t for t in texts(figure) if t.startswith("↳ back after the fix")]
    assert callouts == ["↳ back after the fix: 1 entry, on 14 Nov 2026",
                        "↳ back after the fix: 1 entry, on 3 Sep 2026",
                        "↳ back after the fix: 1 entry, on 3 Sep 2026"]
    _before, after = [c for c in rows[0].collections if isinstance(c, PolyCollection)]
    assert tuple(after.get_facecolor()[0]) == to_rgba(ACCENT)
    [november] = after.get_paths()
    assert (november.vertices[:, 0].min() + november.vertices[:, 0].max()) / 2 == pytest.approx(
        (day_number(date(2026, 11, 1)) + day_number(date(2026, 12, 1))) / 2)
    assert_legible(rows[-1].get_xticklabels(), figure, rendered(figure))


def test_timeline_bars_stack_before_and_after_the_fix():
    starts = (date(2026, 5, 1), date(2026, 6, 1))
    series = timeline_series("m", [date(2026, 5, 2), date(2026, 6, 3), date(2026, 6, 4)], [date(2026, 6, 1)],
                             starts)
    figure = builders.timeline_figure(TimelineData(Unit.MONTH, starts, (series,)))
    before, after = [c for c in figure.axes[0].collections if isinstance(c, PolyCollection)]
    heights = [path.vertices[:, 1].max() - path.vertices[:, 1].min() for path in after.get_paths()]
    assert len(before.get_paths()) == 1 and heights == [2]


def test_timeline_rows_keep_their_margins_in_inches_at_any_size(sample):
    data = kinds.load(sample, "timeline")
    saved = kinds.draw("timeline", data)
    assert saved.get_layout_engine() is None  # saving draws it once: no layout pass first
    margins = builders.TIMELINE_MARGINS
    for size in ((10.0, 8.4), (7.5, 6.0), (14.0, 11.0)):
        window = Figure(figsize=size, layout="constrained")
        kinds.draw("timeline", data, figure=window)
        rendered(window)
        rows = [ax.get_position() for ax in window.axes]
        width, height = size
        assert rows[0].x0 * width == pytest.approx(margins.left)
        assert (1 - rows[0].x1) * width == pytest.approx(margins.right)
        assert (1 - rows[0].y1) * height == pytest.approx(margins.top)
        assert rows[-1].y0 * height == pytest.approx(margins.bottom)
        assert (rows[0].y0 - rows[1].y1) * height == pytest.approx(margins.gap)
    assert [len(ax.get_xticklabels()) > 0 for ax in saved.axes] == [False] * 4 + [True]


def test_every_timeline_label_stays_on_the_page_without_overlapping(sample):
    figure = kinds.draw("timeline", kinds.load(sample, "timeline"))
    renderer = rendered(figure)
    labels = [figure._suptitle, figure._supylabel, figure.axes[0].title, *figure.legends[0].get_texts(),
              *figure.axes[-1].get_xticklabels()]
    assert_legible(labels, figure, renderer)
    for ax in figure.axes:
        assert_legible([*ax.texts, *ax.get_yticklabels()], figure, renderer)


def test_inputs_segments_are_the_shares(sample):
    figure = kinds.draw("inputs", kinds.load(sample, "inputs"))
    widths = [round(p.get_width(), 2) for p in figure.axes[0].patches]
    assert widths == [37.5, 25.0, 12.5, 25.0, 50.0, 16.67, 33.33]
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels == ["Negative\n7 entries, 16 inputs", "Positive\n2 entries, 6 inputs"]
    assert "38%\n(6)" in texts(figure)


def test_inputs_of_a_valence_without_inputs_say_so():
    mix = InputMix({Valence.NEGATIVE: {InputKind.LUCK: 1}}, {Valence.NEGATIVE: 1, Valence.MIXED: 2})
    figure = builders.inputs_figure(mix)
    assert "no inputs listed" in texts(figure)


def test_outcomes_fold_many_areas(sample):
    starts = (date(2026, 1, 1),)
    areas = {f"area {n}": (1,) for n in range(9)}
    counts = OutcomeCounts(Unit.MONTH, starts, {Valence.NEGATIVE: (9,)}, areas)
    figure = builders.outcomes_figure(counts)
    legend = [t.get_text() for t in figure.axes[1].get_legend().get_texts()]
    assert legend == [f"area {n}" for n in range(6)] + ["3 other areas"]
    figure = kinds.draw("outcomes", kinds.load(sample, "outcomes"))
    assert [t.get_text() for t in figure.axes[1].get_legend().get_texts()] == ["work", "home"]


@pytest.mark.parametrize(("size", "widest"), [((10.0, 6.4), "W" * 40),
                                              ((6.5, 4.5), "Household and family life")])
def test_outcome_legends_with_the_widest_area_names_stay_on_the_page(size, widest):
    starts = (date(2026, 1, 1), date(2026, 2, 1))
    areas = {name: (3, 1) for name in (widest, "Friends and neighbours", "work")}
    counts = OutcomeCounts(Unit.MONTH, starts, {Valence.NEGATIVE: (2, 1), Valence.MIXED: (1, 0)}, areas)
    figure = builders.outcomes_figure(counts, Figure(figsize=size))
    renderer = rendered(figure)
    legends = [ax.get_legend() for ax in figure.axes]
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert figure.axes[0].get_window_extent(renderer).x1 < box.x0 and box.x1 <= figure.bbox.x1
    assert_legible([*figure.axes[1].get_xticklabels(), *figure.axes[1].get_yticklabels(),
                    figure.axes[0].yaxis.label, figure.axes[1].yaxis.label], figure, renderer)
    assert not figure.axes[0].get_xticklabels()


def test_drawing_again_on_the_same_figure_replaces_the_chart(sample):
    figure = Figure()
    for kind in ("timeline", "pareto"):
        kinds.draw(kind, kinds.load(sample, kind), figure=figure)
    assert len(figure.axes) == 2  # the Pareto and its cumulative-share twin, no timeline rows left
    assert builders.TIMELINE_TITLE not in texts(figure)
