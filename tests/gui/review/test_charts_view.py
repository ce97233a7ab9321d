"""The Charts view: chart kinds, filters, clicking a Pareto bar, saving, refreshing, lazy matplotlib."""

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from journal.charts import builders
from journal.charts.style import EMPTY_MESSAGE
from journal.ui.review import build_review_views
from journal.ui.review.chart_picture import OUTLINE
from journal.ui.review.charts_view import CLICK_HINT, ChartsView
from journal.ui.review.save_chart_dialog import SaveChartDialog

MANUAL_ENTRIES = ["Late again for the Saturday swim lesson", "Friday release took the ATM locator offline",
                  "Every server except the listed ones was shut down"]


def figure_texts(view: ChartsView) -> list[str]:
    return [t.get_text() for t in view.figure.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def click_bar(view: ChartsView, index: int) -> None:
    """A real left click on the centre of the bar as drawn on screen."""
    centre = view.picture.bar_rect(index).center().toPoint()
    QTest.mouseClick(view.picture, Qt.MouseButton.LeftButton, pos=centre)


def test_the_review_views_come_in_tab_order(sample, qtbot):
    views = build_review_views(sample)
    assert [title for title, _view in views] == ["Charts", "Mechanisms", "Actions", "Guidelines"]
    for _title, view in views:
        qtbot.addWidget(view)
        assert callable(view.refresh) and hasattr(view, "entry_requested")


def test_matplotlib_is_imported_only_when_the_charts_view_is_shown(sample):
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from journal.store.repository import Journal
        from journal.ui.review import build_review_views
        app = QApplication([])
        views = dict(build_review_views(Journal.open({str(sample.path)!r})))
        before = "matplotlib" in sys.modules
        views["Charts"].show()
        while views["Charts"].is_loading():
            app.processEvents()
        print(before, "matplotlib" in sys.modules, views["Charts"].figure is not None)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).parents[3])
    assert done.stdout.split() == ["False", "True", "True"], done.stderr


def test_a_hidden_view_waits_until_shown(sample, qtbot, shown):
    view = ChartsView(sample)
    qtbot.addWidget(view)
    view.refresh()
    assert view.figure is None and view.bars() == [] and not view.is_loading()
    shown(view)
    assert [bar.entries for bar in view.bars()] == [3, 2, 2, 2, 2, 2, 2]


@pytest.mark.parametrize(("kind", "title"), [("pareto", builders.PARETO_TITLE),
                                             ("timeline", builders.TIMELINE_TITLE),
                                             ("inputs", builders.INPUTS_TITLE),
                                             ("outcomes", builders.OUTCOMES_TITLE)])
def test_each_chart_kind_can_be_picked(sample, shown, settle, kind, title):
    view = shown(ChartsView(sample))
    view.kind.setCurrentIndex(view.kind.findData(kind))
    settle(view)
    assert title in figure_texts(view)
    assert view.entries_panel.isVisible() == (kind == "pareto")


def test_filters_redraw_the_chart(sample, shown, settle):
    view = shown(ChartsView(sample))
    assert [view.filters.area.itemText(i) for i in range(view.filters.area.count())] == [
        "All areas", "work", "home"]
    view.filters.area.setCurrentIndex(view.filters.area.findData("home"))
    assert [bar.entries for bar in settle(view).bars()] == [2, 2, 1]
    assert "area: home" in figure_texts(view)
    view.filters.since.set_day(date(2027, 1, 1))
    assert EMPTY_MESSAGE in figure_texts(settle(view))
    view.filters.reset_button.click()
    assert len(settle(view).bars()) == 7
    assert view.filters.entry_filter().area is None and view.filters.since.day() is None


def test_clicking_a_bar_lists_its_entries_and_opens_one(sample, qtbot, shown, settle):
    view = shown(ChartsView(sample))
    assert view.entries_caption.text() == CLICK_HINT
    click_bar(view, 0)
    settle(view)
    assert view.picture.outlined == 0
    assert [e.title for e in view.shown_entries()] == MANUAL_ENTRIES
    assert view.entries_caption.text() == (
        "3 entries behind “Manual step with no checklist”: double-click one to open it.")
    index = view.entries.index(1, 0)
    target = view.entries_view.visualRect(index).center()
    opened = []
    view.entry_requested.connect(opened.append)
    QTest.mouseClick(view.entries_view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    QTest.mouseDClick(view.entries_view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert opened == [view.shown_entries()[1].id]  # once per double-click


def test_the_listed_entries_follow_the_filters(sample, shown, settle):
    view = shown(ChartsView(sample))
    view.show_bar(0)
    view.filters.area.setCurrentIndex(view.filters.area.findData("home"))
    settle(view)
    assert [e.title for e in view.shown_entries()] == ["Late again for the Saturday swim lesson"]
    assert view.entries_caption.text().startswith("1 entry behind “Manual step with no checklist”")
    view.filters.valence.setCurrentIndex(view.filters.valence.findText("Positive"))
    settle(view)
    assert view.entries_caption.text() == CLICK_HINT  # that mechanism has no bar now
    assert view.shown_entries() == []


def test_save_chart_writes_the_file_the_dialog_names(sample, shown, settle, tmp_path, monkeypatch):
    view = shown(ChartsView(sample))
    out = tmp_path / "mechanisms.svg"
    asked = []
    monkeypatch.setattr(SaveChartDialog, "ask", classmethod(lambda cls, parent, suggested: (
        asked.append(suggested) or out)))
    view.save_button.click()
    settle(view)
    assert asked[0].name == "fivewhys-pareto.png"
    assert out.read_text(encoding="utf-8").count('id="pareto-bar-') == 7
    assert view.status.text() == f"Saved the chart to {out}."


def test_save_chart_says_why_it_could_not(sample, shown, settle, tmp_path, monkeypatch):
    view = shown(ChartsView(sample))
    bad = tmp_path / "c.bmp"
    monkeypatch.setattr(SaveChartDialog, "ask", classmethod(lambda cls, parent, suggested: bad))
    view.save_button.click()
    settle(view)
    assert view.status.text() == "A chart can be saved as .png or .svg, not as “c.bmp”."
    assert not (tmp_path / "c.bmp").exists()


def test_cancelling_the_save_dialog_saves_nothing(sample, shown, monkeypatch):
    view = shown(ChartsView(sample))
    monkeypatch.setattr(SaveChartDialog, "ask", classmethod(lambda cls, parent, suggested: None))
    view.save_button.click()
    assert view.status.text() == ""


def test_refresh_shows_the_journal_as_it_now_is(sample, shown, settle):
    view = shown(ChartsView(sample))
    sample.merge_mechanisms(["Screens in the bedroom at night"], "No shared calendar at home")
    view.refresh()
    settle(view)
    assert [(bar.label, bar.entries) for bar in view.bars()][:2] == [
        ("No shared calendar at home", 3), ("Manual step with no checklist", 3)]  # 4 whys before 3
    assert len(view.bars()) == 6


def test_the_chart_is_drawn_again_at_its_new_size(sample, shown, qtbot, settle):
    view = shown(ChartsView(sample))
    assert view.picture.drawn_size() == view.picture.size()
    view.resize(820, 640)
    qtbot.waitUntil(lambda: view.picture.drawn_size() == view.picture.size())
    click_bar(settle(view), 2)
    settle(view)
    assert view.entries_caption.text().startswith("2 entries behind “Deploys allowed during low coverage”")


def test_the_chosen_bar_is_outlined_in_ink(sample, shown, settle):
    view = shown(ChartsView(sample))
    edge = view.picture.bar_rect(1).toRect()
    point = QPoint(edge.left(), edge.center().y())
    assert view.picture.grab().toImage().pixelColor(point).name() != OUTLINE.name()
    click_bar(view, 1)
    settle(view)
    assert view.picture.grab().toImage().pixelColor(point).name() == OUTLINE.name()


def test_the_pointer_is_a_hand_over_a_bar(sample, shown):
    view = shown(ChartsView(sample))
    QTest.mouseMove(view.picture, view.picture.bar_rect(0).center().toPoint())
    assert view.picture.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QTest.mouseMove(view.picture, QPoint(3, 3))
    assert view.picture.cursor().shape() == Qt.CursorShape.ArrowCursor
