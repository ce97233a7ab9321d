"""The four review charts as matplotlib Figures built from plain review data (no pyplot, no Qt)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, NullLocator, PercentFormatter
from matplotlib.transforms import ScaledTranslation

from journal.charts import style
from journal.charts.style import ACCENT, BAR, FIX, LIGHT, LINE, ON_BAR, OTHERS, ChartColors
from journal.domain.model import InputKind, Valence
from journal.domain.review import InputMix, OutcomeCounts, ParetoBar, TimelineData, TimelineSeries, Unit

PARETO_TITLE = "Which mechanisms keep coming back"
TIMELINE_TITLE = "Recurrence over time"
INPUTS_TITLE = "What went into the outcomes"
OUTCOMES_TITLE = "Outcomes over time"
BAR_GID = "pareto-bar-"
AREAS_SHOWN = 6
FIX_LINES_IN_FULL = 8
OTHERS_CUT = 1.6  # "Others" longer than this many times the largest mechanism's bar is cut short
TIMELINE_MARGINS = style.Margins(left=0.6, right=0.15, top=0.66, bottom=0.8, gap=0.22)
OUTCOMES_MARGINS = style.Margins(left=0.95, right=0.3, top=0.66, bottom=0.5, gap=0.3)  # right: + legends
PARETO_TOP, PARETO_SUBTITLE, PARETO_BOTTOM = 0.85, 0.25, 0.62  # inches above and below the bars
# The least room a chart's data needs to stay readable, in inches: a window shorter than that scrolls.
PARETO_LINE = 0.15  # per line of a mechanism's name (SMALL_SIZE, 9 pt, with its leading)
PARETO_GAP = 0.04  # between the names of neighbouring bars
PARETO_PITCH_ONE_LINE = 0.25  # the least per bar, whatever the names
TIMELINE_ROW = 0.9  # per row: its one or two label lines, and below them the bars and their count ticks
INPUTS_FRAME, INPUTS_PITCH = 1.7, 0.55  # title, axis label and legend; per valence (two-line labels)
OUTCOMES_PANEL = 1.3  # each of the two stacked panels
EMPTY_HEIGHT = 2.4  # the title and one calm sentence
_ROW_LABEL_BOX = {"boxstyle": "square,pad=0.1", "edgecolor": "none", "alpha": 0.9}  # + the label box colour
_LABEL_BOX = {"boxstyle": "round,pad=0.15", "edgecolor": "none", "alpha": 0.85}


# -- Pareto -----------------------------------------------------------------------------------

def pareto_figure(bars: Sequence[ParetoBar], figure: Figure | None = None, subtitle: str = "",
                  colors: ChartColors = LIGHT) -> Figure:
    """Horizontal bars of mechanisms by entries, largest on top, with the cumulative share on a top axis."""
    labels = [_pareto_label(bar) for bar in bars]
    margins = _pareto_margins(labels, subtitle)
    fig = style.prepare(figure, (10.0, max(3.6, 1.7 + 0.45 * len(bars))), margins, colors)
    if not bars:
        return style.empty(fig, PARETO_TITLE, note=subtitle, colors=colors)
    style.title(fig, PARETO_TITLE, colors)
    ax = fig.add_subplot()
    style.style_axes(ax, colors=colors)
    rows = list(range(len(bars)))
    rects = ax.barh(rows, [bar.entries for bar in bars], height=0.62,
                    color=[OTHERS if bar.is_others else BAR for bar in bars])
    for index, rect in enumerate(rects):
        rect.set_gid(f"{BAR_GID}{index}")
    ax.set_yticks(rows, labels)
    ax.invert_yaxis()
    scale = _pareto_scale(bars)
    ax.set_xlim(0, scale * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("Entries in which the mechanism appears", color=colors.ink, fontsize=style.TEXT_SIZE)
    share = _cumulative_line(ax, bars)
    _count_labels(share, ax, bars, scale, colors)
    style.subtitle(ax, subtitle, colors)
    style.place_axes(fig, margins)
    return fig


def _pareto_margins(labels: Sequence[str], subtitle: str) -> style.Margins:
    """Room for the widest mechanism name on the left, the title and the share axis on top."""
    widest = style.text_width([line for label in labels for line in label.split("\n")])
    return style.Margins(left=widest + 0.2, right=0.35, top=_pareto_top(subtitle), bottom=PARETO_BOTTOM)


def _pareto_top(subtitle: str) -> float:
    return PARETO_TOP + (PARETO_SUBTITLE if subtitle else 0.0)


def pareto_min_height(bars: Sequence[ParetoBar], subtitle: str = "") -> float:
    """Inches the Pareto chart needs so that no two mechanism names crowd each other."""
    if not bars:
        return EMPTY_HEIGHT
    return _pareto_top(subtitle) + PARETO_BOTTOM + pareto_pitch(bars) * len(bars)


def pareto_pitch(bars: Sequence[ParetoBar]) -> float:
    """Inches per bar so that the names of any two neighbouring bars clear each other: a name of two
    lines beside one of one line needs less room than two names of two lines side by side."""
    lines = [_pareto_label(bar).count("\n") + 1 for bar in bars]
    neighbours = max(((a + b) / 2 for a, b in zip(lines, lines[1:], strict=False)), default=lines[0])
    return max(PARETO_PITCH_ONE_LINE, neighbours * PARETO_LINE + PARETO_GAP)


def _pareto_label(bar: ParetoBar) -> str:
    return style.shorten(bar.label, 34, 2)


def _cumulative_line(ax: Axes, bars: Sequence[ParetoBar]) -> Axes:
    share = ax.twiny()
    share.plot([bar.cumulative_share * 100 for bar in bars], range(len(bars)), color=LINE,
               marker="o", markersize=4, linewidth=1.6, clip_on=False)
    share.axvline(80, color=LINE, linewidth=0.8, linestyle=":", alpha=0.8)
    share.set_xlim(0, 100)
    share.xaxis.set_major_formatter(PercentFormatter())
    share.tick_params(axis="x", colors=LINE, labelsize=style.SMALL_SIZE, length=0)
    share.set_xlabel("Cumulative share of mechanism mentions (dotted: 80%)", color=LINE,
                     fontsize=style.SMALL_SIZE)
    for side in ("top", "right", "left", "bottom"):
        share.spines[side].set_visible(False)
    return share


def _pareto_scale(bars: Sequence[ParetoBar]) -> float:
    """How far the bar axis reaches: the longest bar, unless "Others" would dwarf the mechanisms.

    On a journal with hundreds of mechanisms the folded tail can be many times the largest one; drawn
    to scale it would flatten every mechanism bar to nothing, so it is cut short instead.
    """
    largest = max((bar.entries for bar in bars if not bar.is_others), default=0)
    longest = max(bar.entries for bar in bars)
    return largest * OTHERS_CUT if largest and longest > largest * OTHERS_CUT else longest


def _count_labels(share: Axes, ax: Axes, bars: Sequence[ParetoBar], scale: float,
                  colors: ChartColors) -> None:
    """Counts at the bar ends, drawn on the top axes so the cumulative line never hides them."""
    box = {**_LABEL_BOX, "facecolor": colors.label_box}
    for row, bar in enumerate(bars):
        if bar.entries > scale:
            share.annotate(f"{bar.entries:,} (cut short)  ", xy=(scale * 1.12, row), xycoords=ax.transData,
                           va="center", ha="right", fontsize=style.SMALL_SIZE, color=colors.ink, bbox=box)
            continue
        share.annotate(f"{bar.entries:,}", xy=(bar.entries, row), xycoords=ax.transData, xytext=(5, 0),
                       textcoords="offset points", va="center", ha="left", fontsize=style.SMALL_SIZE,
                       color=colors.ink, bbox=box)


def bar_index(artist: object) -> int | None:
    """Which Pareto bar an artist is (None if it is not a bar)."""
    gid = getattr(artist, "get_gid", lambda: None)()
    if isinstance(gid, str) and gid.startswith(BAR_GID):
        return int(gid[len(BAR_GID):])
    return None


def bar_at(figure: Figure, mouse_event: object) -> int | None:
    """The Pareto bar under a mouse event, or None.

    Matplotlib's own picking only reaches the topmost Axes, which here is the cumulative-share twin
    drawn over the bars, so the bars are hit-tested directly.
    """
    for ax in figure.axes[:1]:
        for patch in ax.patches:
            index = bar_index(patch)
            if index is not None and patch.contains(mouse_event)[0]:
                return index
    return None


# -- timeline ---------------------------------------------------------------------------------

def timeline_figure(data: TimelineData, figure: Figure | None = None, subtitle: str = "",
                    colors: ChartColors = LIGHT) -> Figure:
    """One row per top mechanism: entries per bucket, done actions as dashed lines, returns called out."""
    rows = max(1, len(data.series))
    fig = style.prepare(figure, (10.0, 1.9 + 1.3 * rows), TIMELINE_MARGINS, colors)
    if not data.starts:
        return style.empty(fig, TIMELINE_TITLE, note=subtitle, colors=colors)
    if not data.series:
        return style.empty(fig, TIMELINE_TITLE, "No mechanisms are linked to these entries yet", subtitle,
                           colors)
    style.title(fig, TIMELINE_TITLE, colors)
    axes = fig.subplots(rows, 1, sharey=True, squeeze=False)[:, 0]
    for ax, series in zip(axes, data.series, strict=True):
        _timeline_row(ax, series, data, colors)
    _timeline_axes(axes, data)
    per = "month" if data.unit is Unit.MONTH else "week"
    style.subtitle(axes[0], "  ·  ".join(filter(None, [
        f"Top {len(data.series)} mechanisms, entries per {per}", subtitle])), colors)
    fig.supylabel("Entries", x=0.1 / fig.get_figwidth(), ha="left", fontsize=style.TEXT_SIZE,
                  color=colors.ink)
    _timeline_legend(fig, colors)
    style.place_axes(fig, TIMELINE_MARGINS)
    return fig


def timeline_min_height(data: TimelineData, subtitle: str = "") -> float:
    """Inches the timeline needs so that each row keeps its labels clear of its bars and ticks."""
    if not data.starts or not data.series:
        return EMPTY_HEIGHT
    margins, rows = TIMELINE_MARGINS, len(data.series)
    return margins.top + margins.bottom + TIMELINE_ROW * rows + margins.gap * (rows - 1)


def _timeline_axes(axes: Sequence[Axes], data: TimelineData) -> None:
    """Shared y scale with room for the row's labels; dates only under the last row.

    The rows share their x range but not their x axis: ticks no one sees cost as much to make as
    the ones under the last row.
    """
    top = max(1, max(max(b + a for b, a in zip(s.before_fix, s.after_fix, strict=True)) for s in data.series))
    axes[0].set_ylim(0, top * 2.1)
    axes[0].set_yticks([tick for tick in MaxNLocator(integer=True, nbins=3).tick_values(0, top)
                        if 0 <= tick <= top])
    style.bucket_ticks(axes[-1], data.starts, data.unit)
    for ax in axes[:-1]:
        ax.set_xlim(axes[-1].get_xlim())
        ax.xaxis.set_major_locator(NullLocator())


def _timeline_row(ax: Axes, series: TimelineSeries, data: TimelineData, colors: ChartColors) -> None:
    style.style_axes(ax, grid_axis="y", colors=colors)
    centers = style.bucket_centers(data.starts, data.unit)
    width = style.bucket_width(data.unit)
    style.column_bars(ax, centers, series.before_fix, width, BAR, gap=colors.background)
    style.column_bars(ax, centers, series.after_fix, width, ACCENT, bottoms=series.before_fix,
                      gap=colors.background)
    fixes = _fix_lines(series, data)
    many = len(fixes) > FIX_LINES_IN_FULL
    ax.vlines(fixes, 0, 0.62, transform=ax.get_xaxis_transform(), colors=FIX, linestyles="--",
              linewidths=0.8 if many else 1.3, alpha=0.45 if many else 1.0)
    _row_text(ax, _row_label(series), 0, colors.ink, colors.label_box)
    if series.recurred:
        _row_text(ax, _return_label(series), 1, colors.accent_text, colors.label_box)


def _row_text(ax: Axes, text: str, line: int, color: str, box: str) -> None:
    """A label at the row's top left on its `line`, placed in points so that short rows keep lines apart."""
    down = ScaledTranslation(0, -(2 + 14 * line) / 72, ax.figure.dpi_scale_trans)
    ax.text(0.005, 1.0, text, transform=ax.transAxes + down, va="top", ha="left",
            fontsize=style.SMALL_SIZE, color=color, fontweight="bold",
            bbox={**_ROW_LABEL_BOX, "facecolor": box})


def _fix_lines(series: TimelineSeries, data: TimelineData) -> list[float]:
    """Where to draw "action done" lines: the first fix of each bucket (more would only blur together)."""
    first_of_bucket: dict[int, date] = {}
    for fix in series.fixes:
        index = bisect.bisect_right(data.starts, fix) - 1
        if index >= 0 and fix < data.end:
            first_of_bucket.setdefault(index, fix)
    return [style.day_number(fix) for fix in first_of_bucket.values()]


def _row_label(series: TimelineSeries) -> str:
    fixed = f"first action done {_day(series.fixes[0])}" if series.fixes else "no action done yet"
    return f"{style.shorten(series.mechanism, 64)}   ·   {_entries(series.total)}, {fixed}"


def _return_label(series: TimelineSeries) -> str:
    count = len(series.recurrences)
    when = "on" if count == 1 else "first on"
    return f"↳ back after the fix: {_entries(count)}, {when} {_day(series.recurrences[0])}"


def _entries(count: int) -> str:
    return f"{count} entr" + ("y" if count == 1 else "ies")


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _timeline_legend(fig: Figure, colors: ChartColors) -> None:
    handles = [Patch(color=BAR, label="Entries"),
               Patch(color=ACCENT, label="Entries after an action was done (recurred)"),
               Line2D([], [], color=FIX, linestyle="--", label="Action marked done")]
    fig.legend(handles=handles, loc="lower center", ncols=3, frameon=False, fontsize=style.SMALL_SIZE,
               borderaxespad=0.2, labelcolor=colors.legend)


# -- inputs -----------------------------------------------------------------------------------

def inputs_figure(mix: InputMix, figure: Figure | None = None, subtitle: str = "",
                  colors: ChartColors = LIGHT) -> Figure:
    """For each valence, the share of each kind of input (100% stacked bars with counts)."""
    valences = [valence for valence in Valence if mix.entries.get(valence)]
    fig = style.prepare(figure, (10.0, 1.9 + 0.9 * max(1, len(valences))), colors=colors)
    if not valences:
        return style.empty(fig, INPUTS_TITLE, note=subtitle, colors=colors)
    style.title(fig, INPUTS_TITLE, colors)
    ax = fig.add_subplot()
    style.style_axes(ax, colors=colors)
    for row, valence in enumerate(valences):
        _input_row(ax, row, mix, valence, colors)
    ax.set_yticks(range(len(valences)), [_valence_label(mix, v) for v in valences])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(PercentFormatter())
    ax.set_xlabel("Share of the inputs listed (count in brackets)", color=colors.ink,
                  fontsize=style.TEXT_SIZE)
    handles = [Patch(color=style.KIND_COLORS[k], label=style.KIND_LABELS[k]) for k in InputKind]
    fig.legend(handles=handles, loc="outside lower center", ncols=4, frameon=False,
               fontsize=style.SMALL_SIZE, labelcolor=colors.legend)
    style.subtitle(ax, subtitle, colors)
    return fig


def inputs_min_height(mix: InputMix, subtitle: str = "") -> float:
    """Inches the input mix needs for its valences' two-line labels and in-bar shares."""
    valences = sum(1 for valence in Valence if mix.entries.get(valence))
    return INPUTS_FRAME + INPUTS_PITCH * valences if valences else EMPTY_HEIGHT


def _input_row(ax: Axes, row: int, mix: InputMix, valence: Valence, colors: ChartColors) -> None:
    if not mix.total(valence):
        ax.text(1, row, "no inputs listed", va="center", fontsize=style.SMALL_SIZE, color=colors.muted)
        return
    left = 0.0
    for kind in InputKind:
        share = mix.share(valence, kind) * 100
        if share:
            ax.barh(row, share, left=left, height=0.6, color=style.KIND_COLORS[kind],
                    edgecolor=colors.background, linewidth=1)
        if share >= 6:
            ax.text(left + share / 2, row, f"{share:.0f}%\n({mix.count(valence, kind)})", ha="center",
                    va="center", fontsize=style.SMALL_SIZE, color=ON_BAR)
        left += share


def _valence_label(mix: InputMix, valence: Valence) -> str:
    entries = mix.entries.get(valence, 0)
    return (f"{valence.value.capitalize()}\n{entries} entr" + ("y" if entries == 1 else "ies")
            + f", {mix.total(valence)} inputs")


# -- outcomes ---------------------------------------------------------------------------------

def outcomes_figure(counts: OutcomeCounts, figure: Figure | None = None, subtitle: str = "",
                    colors: ChartColors = LIGHT) -> Figure:
    """Entries per bucket stacked by valence (top) and by area (bottom)."""
    valences = [(v.value.capitalize(), counts.by_valence[v], style.VALENCE_COLORS[v])
                for v in Valence if v in counts.by_valence]
    areas = _area_layers(counts)
    legend = style.legend_width([label for label, _v, _c in valences + areas] + ["By valence", "By area"])
    margins = replace(OUTCOMES_MARGINS, right=OUTCOMES_MARGINS.right + legend)
    fig = style.prepare(figure, (10.0, 6.4), margins, colors)
    if not counts.total:
        return style.empty(fig, OUTCOMES_TITLE, note=subtitle, colors=colors)
    style.title(fig, OUTCOMES_TITLE, colors)
    by_valence, by_area = fig.subplots(2, 1, sharey=True)
    _stacked(by_valence, counts, valences, "By valence", colors)
    _stacked(by_area, counts, areas, "By area", colors)
    by_valence.yaxis.set_major_locator(MaxNLocator(integer=True))
    style.bucket_ticks(by_area, counts.starts, counts.unit)
    by_valence.set_xlim(by_area.get_xlim())
    by_valence.xaxis.set_major_locator(NullLocator())
    per = "month" if counts.unit is Unit.MONTH else "week"
    style.subtitle(by_valence, "  ·  ".join(filter(None, [f"{counts.total} entries, per {per}", subtitle])),
                   colors)
    style.place_axes(fig, margins)
    return fig


def outcomes_min_height(counts: OutcomeCounts, subtitle: str = "") -> float:
    """Inches the two stacked panels need for their axis labels and legends."""
    if not counts.total:
        return EMPTY_HEIGHT
    margins = OUTCOMES_MARGINS
    return margins.top + margins.bottom + margins.gap + 2 * OUTCOMES_PANEL


def _area_layers(counts: OutcomeCounts) -> list[tuple[str, Sequence[int], str]]:
    areas = list(counts.by_area.items())
    shown, rest = areas[:AREAS_SHOWN], areas[AREAS_SHOWN:]
    if len(areas) == AREAS_SHOWN + 1:
        shown, rest = areas, []
    layers = [(style.shorten(area or "(no area)", 24), values, style.AREA_COLORS[i % len(style.AREA_COLORS)])
              for i, (area, values) in enumerate(shown)]
    if rest:
        summed = [sum(values) for values in zip(*(v for _a, v in rest), strict=True)]
        layers.append((f"{len(rest)} other areas", summed, style.AREA_COLORS[-1]))
    return layers


def _stacked(ax: Axes, counts: OutcomeCounts, layers: Sequence[tuple[str, Sequence[int], str]],
             heading: str, colors: ChartColors) -> None:
    style.style_axes(ax, grid_axis="y", colors=colors)
    centers = style.bucket_centers(counts.starts, counts.unit)
    bottom = [0] * len(centers)
    for _label, values, color in layers:
        style.column_bars(ax, centers, values, style.bucket_width(counts.unit), color, bottoms=bottom,
                          gap=colors.background)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylim(0, max(bottom) * 1.08)
    ax.set_ylabel(f"Entries\n{heading.lower()}", color=colors.ink, fontsize=style.TEXT_SIZE)
    handles = [Patch(color=color, label=label) for label, _values, color in layers]
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
                       fontsize=style.SMALL_SIZE, labelcolor=colors.legend,
                       title=heading, title_fontsize=style.SMALL_SIZE, alignment="left")
    legend.get_title().set_color(colors.legend)
