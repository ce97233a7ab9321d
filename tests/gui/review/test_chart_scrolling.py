"""A chart that needs more height than the Charts tab gives scrolls; one that fits fills the tab."""

import math

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest

from journal.charts import builders, kinds
from journal.charts.style import BAR, OTHERS
from journal.ui.review import chart_render
from journal.ui.review.chart_render import Canvas
from journal.ui.review.charts_view import ChartsView
from journal.ui.review.loader import wait_for_loads

SHORT, TALL = (1100, 520), (1100, 1100)


@pytest.fixture(scope="module")
def many(fifty):
    """300 entries over 50 mechanisms: 13 Pareto bars, 5 timeline rows."""
    yield fifty
    wait_for_loads()


@pytest.fixture
def laid_out(qtbot, settle):
    """Wait until the view has loaded and the scroll area has given the picture the room it was drawn for."""
    def wait(view):
        settle(view)
        qtbot.waitUntil(lambda: view.picture.drawn_size() == view.picture.size()
                        and not view._redraw_soon.isActive() and not view.is_loading())
        return view
    return wait


def showing(shown, laid_out, journal, kind, size):
    view = shown(ChartsView(journal), *size)
    view.set_kind(kind)
    return laid_out(view)


def natural_pixels(view):
    kind, entry_filter = view._drawn
    return math.ceil(kinds.min_height_inches(kind, view._data, entry_filter) * chart_render.SCREEN_DPI)


def test_a_chart_taller_than_the_room_is_drawn_narrower_by_the_scroll_bar():
    canvas = Canvas(width=900, height=400, scrollbar=14)
    assert canvas.size_for(650) == (886, 650)
    assert canvas.size_for(400) == (900, 400)  # the room's height wins: no scroll bar
    assert canvas.size_for(120) == (900, 400)


def test_in_a_short_window_the_timeline_keeps_its_rows_and_scrolls(many, shown, laid_out):
    view = showing(shown, laid_out, many, "timeline", SHORT)
    area, picture = view.chart_area, view.picture
    viewport = area.viewport().size()
    assert picture.height() == natural_pixels(view) > viewport.height()
    assert area.verticalScrollBar().isVisible() and area.verticalScrollBar().maximum() > 0
    assert picture.width() == viewport.width() and not area.horizontalScrollBar().isVisible()
    rows = [ax.get_position().height * view.figure.get_figheight() for ax in view.figure.axes]
    assert rows == pytest.approx([builders.TIMELINE_ROW] * 5)


def counting_renders(monkeypatch) -> list[str]:
    renders = []
    drawing = chart_render.render
    monkeypatch.setattr(chart_render, "render", lambda *args: renders.append(args[0]) or drawing(*args))
    return renders


def test_in_a_tall_window_the_chart_fills_it_without_a_scroll_bar(many, shown, laid_out, monkeypatch):
    view = laid_out(shown(ChartsView(many), *TALL))
    renders = counting_renders(monkeypatch)
    view.set_kind("timeline")  # the bar's entries make way before the chart is drawn for the room
    laid_out(view)
    assert renders == ["timeline"] and not view.entries_panel.isVisible()
    area, picture = view.chart_area, view.picture
    assert natural_pixels(view) < area.viewport().height()
    assert picture.size() == area.viewport().size() == picture.drawn_size()
    assert not area.verticalScrollBar().isVisible()


def test_a_chart_that_fits_the_short_window_does_not_scroll(many, shown, laid_out):
    view = showing(shown, laid_out, many, "timeline", SHORT)
    view.chart_area.verticalScrollBar().setValue(100)
    view.set_kind("inputs")
    laid_out(view)
    area = view.chart_area
    assert natural_pixels(view) <= area.viewport().height()
    assert not area.verticalScrollBar().isVisible()
    assert view.picture.size() == area.viewport().size() == view.picture.drawn_size()
    assert view.picture.pos() == QPoint(0, 0)


def test_growing_the_window_redraws_the_chart_once_and_drops_the_scroll_bar(many, shown, laid_out, qtbot,
                                                                           monkeypatch):
    view = showing(shown, laid_out, many, "timeline", SHORT)
    renders = counting_renders(monkeypatch)
    for height in (640, 760, 880, 1000, TALL[1]):
        view.resize(SHORT[0], height)
    qtbot.waitUntil(lambda: view.picture.drawn_size() == view.chart_area.viewport().size())
    laid_out(view)
    assert renders == ["timeline"]
    assert not view._redraw_soon.isActive()
    assert not view.chart_area.verticalScrollBar().isVisible()


def test_after_scrolling_a_click_picks_the_bar_under_the_pointer(many, shown, laid_out):
    view = showing(shown, laid_out, many, "pareto", SHORT)
    area, picture = view.chart_area, view.picture
    last = len(view.bars()) - 1
    assert view.bars()[last].is_others
    assert picture.bar_rect(last).top() > area.viewport().height()  # out of sight before scrolling
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    pointer = picture.mapTo(area.viewport(), picture.bar_rect(last).center().toPoint())
    assert QRect(QPoint(0, 0), area.viewport().size()).contains(pointer)
    seen = area.viewport().grab().toImage().pixelColor(pointer).name()
    assert seen == OTHERS and seen != BAR  # the user sees the Others bar there
    under = area.viewport().childAt(pointer)
    assert under is picture
    QTest.mouseClick(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(area.viewport(), pointer))
    laid_out(view)
    assert view.picture.outlined == last
    assert view.entries_caption.text().split(" behind ")[1].startswith("“Others (38 mechanisms)”")
