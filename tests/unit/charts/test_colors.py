"""Chart colours: files keep the print colours; a chart drawn in other colours uses them on every part."""

import io

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

from journal.charts import builders, kinds
from journal.charts.colors import LIGHT, ChartColors
from journal.charts.files import save_chart, write_figure
from journal.charts.style import LINE, ON_BAR
from journal.domain.model import EntryFilter, Valence
from journal.domain.review import InputMix, OutcomeCounts, TimelineData, Unit

DARK = ChartColors(background="#1f1f1f", ink="#e6e6e6", muted="#9a9a9a", grid="#3e3e3e", label_box="#262626",
                   legend="#dddddd", accent_text="#cb7065")
NEGATIVE = EntryFilter(valence=Valence.NEGATIVE)  # gives every chart a subtitle


def shown_texts(figure: Figure) -> list[Text]:
    FigureCanvasAgg(figure).draw()  # tick labels exist once drawn
    return [text for text in figure.findobj(Text) if text.get_visible() and text.get_text().strip()]


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def test_light_is_the_print_palette_of_the_saved_charts():
    print_colours = ChartColors(background="white", ink="#2e3a46", muted="#6b7785", grid="#e4e8ec",
                                label_box="white", legend="black", accent_text="#c2483a")
    assert print_colours == LIGHT


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_a_saved_chart_is_drawn_in_the_print_colours(sample, tmp_path, kind):
    save_chart(sample, kind, tmp_path / "saved.png", NEGATIVE)
    data = kinds.load(sample, kind, NEGATIVE)
    write_figure(kinds.draw(kind, data, NEGATIVE, colors=LIGHT), tmp_path / "light.png", "png")
    write_figure(kinds.draw(kind, data, NEGATIVE, colors=DARK), tmp_path / "dark.png", "png")
    saved = (tmp_path / "saved.png").read_bytes()
    assert saved == (tmp_path / "light.png").read_bytes()
    assert saved != (tmp_path / "dark.png").read_bytes()


def test_light_draws_what_the_charts_drew_before_they_had_colours(sample):
    """The parts drawn in LIGHT have the colours every chart had when they were constants."""
    figure = kinds.draw("timeline", kinds.load(sample, "timeline"), NEGATIVE)
    colours = {to_hex(text.get_color()) for text in shown_texts(figure)}
    assert colours == {"#2e3a46", "#6b7785", "#000000", "#c2483a"}  # ink, subtitle, legend, "back after"
    assert to_hex(figure.get_facecolor()) == "#ffffff"
    assert {to_hex(ax.get_facecolor()) for ax in figure.axes} == {"#ffffff"}
    assert {to_hex(line.get_color()) for ax in figure.axes for line in ax.get_ygridlines()} == {"#e4e8ec"}
    assert {to_hex(text.get_bbox_patch().get_facecolor()) for ax in figure.axes for text in ax.texts} == {
        "#ffffff"}


def expected_text_colours(kind: str) -> set[str]:
    """What a chart's texts may be drawn in on DARK: its colours, and the series' own where they say so."""
    own = {DARK.ink, DARK.muted}
    return own | {"pareto": {LINE}, "timeline": {DARK.legend, DARK.accent_text},
                  "inputs": {DARK.legend, ON_BAR}, "outcomes": {DARK.legend}}[kind]


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_dark_colours_reach_every_part_of_the_chart(sample, kind):
    figure = kinds.draw(kind, kinds.load(sample, kind), NEGATIVE, colors=DARK)
    texts = shown_texts(figure)
    assert to_hex(figure.get_facecolor()) == DARK.background
    assert all(to_hex(ax.get_facecolor()) == DARK.background for ax in figure.axes if ax.patch.get_visible())
    assert {to_hex(text.get_color()) for text in texts} == expected_text_colours(kind)
    boxes = [text.get_bbox_patch() for text in texts if text.get_bbox_patch() is not None]
    assert all(to_hex(box.get_facecolor()) == DARK.label_box for box in boxes)
    grid = [line for ax in figure.axes for line in ax.get_xgridlines() + ax.get_ygridlines()
            if line.get_visible()]
    assert grid and {to_hex(line.get_color()) for line in grid} == {DARK.grid}
    spines = [spine for ax in figure.axes for spine in ax.spines.values() if spine.get_visible()]
    assert {to_hex(spine.get_edgecolor()) for spine in spines} == {DARK.grid}


def test_text_on_a_coloured_bar_keeps_the_print_ink(sample):
    figure = kinds.draw("inputs", kinds.load(sample, "inputs"), colors=DARK)
    on_bars = [text for text in figure.axes[0].texts if "%" in text.get_text()]
    assert on_bars and {to_hex(text.get_color()) for text in on_bars} == {ON_BAR}


@pytest.mark.parametrize("figure", [
    lambda colours: builders.pareto_figure([], colors=colours),
    lambda colours: builders.timeline_figure(TimelineData(Unit.MONTH, (), ()), colors=colours),
    lambda colours: builders.inputs_figure(InputMix({}, {}), colors=colours),
    lambda colours: builders.outcomes_figure(OutcomeCounts(Unit.MONTH, (), {}, {}), colors=colours),
], ids=kinds.KINDS)
def test_an_empty_chart_is_drawn_in_its_colours(figure):
    drawn = figure(DARK)
    assert to_hex(drawn.get_facecolor()) == DARK.background
    assert {to_hex(text.get_color()) for text in shown_texts(drawn)} == {DARK.ink, DARK.muted}
    pixels = png(drawn)
    assert pixels != png(figure(LIGHT))

