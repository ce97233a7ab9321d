"""A light/dark switch while the window runs: every colour the app derives follows the new palette."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.ui import conflict_banner, look
from journal.ui.entry_list_delegate import mark_rect
from journal.ui.review import chart_render
from journal.ui.review import palette as review_palette
from journal.ui.review.actions_view import ActionsView
from journal.ui.review.charts_view import ChartsView
from journal.ui.review.mechanisms_view import RECURRED_COLUMN, MechanismsView
from journal.ui.review.save_chart_dialog import SaveChartDialog
from tests.gui.palettes import dark_palette

Role = QPalette.ColorRole
TODAY = date(2026, 10, 15)  # five of the sample actions are overdue on this day


@pytest.fixture
def theme(qtbot):
    """`theme(palette)` switches the application's palette as a desktop theme switch does, waits until the
    shown windows have it and returns it; `theme.light` is the palette before the test, restored after."""
    before = QPalette(QApplication.palette())
    assert not look.is_dark(before)

    def switch(palette: QPalette) -> QPalette:
        QApplication.setPalette(palette)  # Qt posts the change to the windows, as for a desktop switch
        base = palette.color(Role.Base)
        qtbot.waitUntil(lambda: all(widget.palette().color(Role.Base) == base
                                    for widget in QApplication.topLevelWidgets() if widget.isVisible()))
        return QApplication.palette()

    switch.light = before
    yield switch
    QApplication.setPalette(before)
    QApplication.processEvents()


def pixel(widget: QWidget, point: QPoint) -> str:
    """The colour the widget paints at a point (rendered now, from its current palette), as #rrggbb."""
    return widget.grab().toImage().pixelColor(point).name()


def review_view(qtbot, window, title: str, kind: type) -> QWidget:
    """Show a review tab and wait until its view has loaded."""
    tabs = window.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))
    qtbot.waitUntil(lambda: any(isinstance(view, kind) for view in window.review.views()))
    view = next(view for view in window.review.views() if isinstance(view, kind))
    qtbot.waitUntil(lambda: not view.is_loading())
    return view


# -- banners and muted text: palette roles derived once, set again on every switch -------------------

def banner_and_muted(window) -> dict[str, str]:
    banner = window.banner
    detail = next(label for label in window.conflict_banner.findChildren(QLabel)
                  if label.text() == conflict_banner.DETAIL)
    return {"banner": banner.palette().color(Role.Window).name(),
            "banner painted": pixel(banner, QPoint(4, banner.height() - 4)),
            "conflict banner": window.conflict_banner.palette().color(Role.Window).name(),
            "count": window.entry_list.count.palette().color(Role.WindowText).name(),
            "detail in a banner": detail.palette().color(Role.WindowText).name()}


def expected_banner_and_muted(palette: QPalette) -> dict[str, str]:
    tint, muted = look.soft_highlight(palette).name(), look.muted(palette).name()
    return {"banner": tint, "banner painted": tint, "conflict banner": tint, "count": muted,
            "detail in a banner": muted}


def test_banners_and_muted_text_follow_a_switch_to_dark_and_back(window, theme):
    assert window.banner.isVisible()
    light = banner_and_muted(window)
    assert light == expected_banner_and_muted(theme.light)
    dark_palette_now = theme(dark_palette())
    dark = banner_and_muted(window)
    assert dark == expected_banner_and_muted(dark_palette_now)
    assert all(dark[part] != light[part] for part in light)
    theme(theme.light)
    assert banner_and_muted(window) == light


# -- painted at paint time: the entry list's valence marks, the editor's step bar -----------------

def valence_marks(window) -> list[tuple[str, str]]:
    """(painted, expected for the current palette) for each entry row's valence mark."""
    view, model = window.entry_list.view, window.entry_list.model
    image = view.viewport().grab().toImage()
    marks = []
    for row in range(model.rowCount()):
        centre = mark_rect(view.visualRect(model.index(row, 0)), view.fontMetrics()).center()
        expected = look.valence_color(view.palette(), model.summary(row).valence)
        marks.append((image.pixelColor(centre).name(), expected.name()))
    return marks


def test_valence_marks_follow_a_switch(sample_window, theme):
    light = valence_marks(sample_window)
    assert len(light) == 9 and all(painted == expected for painted, expected in light)
    theme(dark_palette())
    dark = valence_marks(sample_window)
    assert all(painted == expected for painted, expected in dark)
    assert all(now != before for (now, _), (before, _) in zip(dark, light, strict=True))


def editor_colors(window) -> tuple[str, str, str]:
    editor = window.editor
    step = editor.step_buttons.button(0)
    assert step.isChecked()
    return (editor.outcome.title_edit.palette().color(Role.Base).name(),
            pixel(step, QPoint(step.width() // 2, step.height() - 1)),
            editor.facts.palette().color(Role.WindowText).name())


def test_the_entry_editor_follows_a_switch(sample_window, theme):
    def expected(palette):
        return (palette.color(Role.Base).name(), palette.color(Role.Highlight).name(),
                look.muted(palette).name())

    assert editor_colors(sample_window) == expected(theme.light)
    dark = theme(dark_palette())
    assert editor_colors(sample_window) == expected(dark)
    assert expected(dark) != expected(theme.light)


# -- the review tables: brushes made at data time, once per palette ---------------------------------

def overdue_colors(view: ActionsView) -> tuple[str, ...]:
    model = view.model
    assert model.index(0, 1).data().startswith("overdue") and model.index(13, 1).data().startswith("done")
    cell = view.table.visualRect(model.index(0, 3))
    return (model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name(),
            pixel(view.table.viewport(), cell.topRight() + QPoint(-3, 2)),
            model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole).color().name(),
            model.index(13, 0).data(Qt.ItemDataRole.ForegroundRole).color().name())


def expected_overdue(palette: QPalette) -> tuple[str, ...]:
    wash = review_palette.warning_background(palette).color().name()
    return (wash, wash, review_palette.warning_text(palette).color().name(),
            review_palette.quiet_text(palette).color().name())


def test_overdue_actions_follow_a_switch_without_a_reload(qtbot, sample_window, theme, monkeypatch):
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    view = review_view(qtbot, sample_window, "Actions", ActionsView)
    light = overdue_colors(view)
    assert light == expected_overdue(theme.light)
    dark_palette_now = theme(dark_palette())
    assert not view.is_loading()  # the colours change without the journal being read again
    dark = overdue_colors(view)
    assert dark == expected_overdue(dark_palette_now)
    assert all(now != before for now, before in zip(dark, light, strict=True))
    theme(theme.light)
    assert overdue_colors(view) == light


def read_every_cell(view) -> None:
    model = view.model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
                model.index(row, column).data(role)


def test_a_table_makes_its_brushes_once_per_palette(qtbot, sample_window, theme, monkeypatch):
    made = []
    make = review_palette.brushes
    monkeypatch.setattr(review_palette, "brushes",
                        lambda palette: made.append(palette.color(Role.Base).name()) or make(palette))
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    view = review_view(qtbot, sample_window, "Actions", ActionsView)
    read_every_cell(view)
    view.table.viewport().grab()
    dark = theme(dark_palette())
    read_every_cell(view)
    view.table.viewport().grab()
    assert made == [theme.light.color(Role.Base).name(), dark.color(Role.Base).name()]


def test_mechanisms_that_came_back_follow_a_switch(qtbot, sample_window, theme):
    view = review_view(qtbot, sample_window, "Mechanisms", MechanismsView)
    model = view.model
    row = next(r for r in range(model.rowCount()) if "back" in model.index(r, RECURRED_COLUMN).data())

    def colors():
        return (model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color(),
                model.index(row, RECURRED_COLUMN).data(Qt.ItemDataRole.ForegroundRole).color())

    assert colors() == (review_palette.warning_background(theme.light).color(),
                        review_palette.warning_text(theme.light).color())
    dark = theme(dark_palette())
    assert colors() == (review_palette.warning_background(dark).color(),
                        review_palette.warning_text(dark).color())


# -- the chart: drawn off the UI thread in the theme's colours, drawn again once on a switch ----------

@pytest.fixture
def renders(monkeypatch) -> list:
    """The colours of each chart the Charts view draws from now on."""
    drawn = []
    render = chart_render.render
    monkeypatch.setattr(chart_render, "render", lambda *args: drawn.append(args[4]) or render(*args))
    return drawn


def chart_drawn(qtbot, view: ChartsView, palette: QPalette) -> None:
    """Wait until the chart on screen is drawn in the palette's chart colours, at its size, and no redraw
    is due."""
    wanted = review_palette.chart_colors(palette)
    qtbot.waitUntil(lambda: view.picture.colors == wanted and not view.is_loading()
                    and not view._redraw_soon.isActive() and view.picture.drawn_size() == view.picture.size())


def chart_colours(view: ChartsView) -> dict[str, str]:
    """The chart on screen as painted: its background, and the title's ink as the figure drew it."""
    picture = view.picture
    return {"background": pixel(picture, QPoint(3, 3)),
            "image background": picture.image.pixelColor(3, 3).name(),
            "title": view.figure.texts[0].get_color()}


def test_the_chart_follows_a_switch_and_back_drawn_once_each_time(qtbot, sample_window, theme, renders):
    view = review_view(qtbot, sample_window, "Charts", ChartsView)
    chart_drawn(qtbot, view, theme.light)
    assert chart_colours(view) == {"background": "#ffffff", "image background": "#ffffff", "title": "#2e3a46"}
    renders.clear()
    dark = theme(dark_palette())
    chart_drawn(qtbot, view, dark)
    assert renders == [review_palette.chart_colors(dark)]
    base, text = dark.color(Role.Base).name(), dark.color(Role.Text).name()
    assert chart_colours(view) == {"background": base, "image background": base, "title": text}
    theme(theme.light)
    chart_drawn(qtbot, view, theme.light)
    assert len(renders) == 2
    assert chart_colours(view) == {"background": "#ffffff", "image background": "#ffffff", "title": "#2e3a46"}


def outline_colour(view: ChartsView) -> str:
    edge = view.picture.bar_rect(1).toRect()
    return pixel(view.picture, QPoint(edge.left(), edge.center().y()))


def test_the_chosen_bar_is_outlined_in_the_ink_of_the_theme(qtbot, sample_window, theme):
    view = review_view(qtbot, sample_window, "Charts", ChartsView)
    chart_drawn(qtbot, view, theme.light)
    view.show_bar(1)
    qtbot.waitUntil(lambda: not view.is_loading())
    assert outline_colour(view) == "#2e3a46"
    dark = theme(dark_palette())
    chart_drawn(qtbot, view, dark)
    assert view.picture.outlined == 1
    assert outline_colour(view) == dark.color(Role.Text).name()


def test_a_switch_on_another_tab_redraws_the_chart_when_it_is_shown(qtbot, sample_window, theme, renders):
    view = review_view(qtbot, sample_window, "Charts", ChartsView)
    chart_drawn(qtbot, view, theme.light)
    renders.clear()
    sample_window.tabs.setCurrentIndex(0)
    dark = theme(dark_palette())
    assert renders == []  # nothing drawn for a tab no one sees
    review_view(qtbot, sample_window, "Charts", ChartsView)
    chart_drawn(qtbot, view, dark)
    assert renders == [review_palette.chart_colors(dark)]
    assert pixel(view.picture, QPoint(3, 3)) == dark.color(Role.Base).name()


def test_the_waiting_text_is_muted_in_the_theme(qtbot, theme):
    from journal.ui.review.chart_picture import ChartPicture

    picture = ChartPicture()
    qtbot.addWidget(picture)
    picture.resize(300, 120)
    picture.show()
    qtbot.waitExposed(picture)
    dark = theme(dark_palette())
    image = picture.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert review_palette.chart_colors(dark).muted in colours
    assert dark.color(Role.Base).name() in colours


def test_a_chart_saved_while_dark_is_the_same_file_as_saved_while_light(qtbot, sample_window, theme, tmp_path,
                                                                        monkeypatch):
    view = review_view(qtbot, sample_window, "Charts", ChartsView)
    files = iter([tmp_path / "light.png", tmp_path / "dark.png"])
    monkeypatch.setattr(SaveChartDialog, "ask", classmethod(lambda cls, parent, suggested: next(files)))
    view.save_button.click()
    qtbot.waitUntil(lambda: not view.is_loading())
    dark = theme(dark_palette())
    chart_drawn(qtbot, view, dark)
    view.save_button.click()
    qtbot.waitUntil(lambda: not view.is_loading())
    light, dark_saved = (tmp_path / "light.png").read_bytes(), (tmp_path / "dark.png").read_bytes()
    assert dark_saved == light
    assert QImage.fromData(dark_saved).pixelColor(3, 3).name() == "#ffffff"
