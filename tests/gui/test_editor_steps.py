"""The editor's steps: keyboard order, hints, the inputs list, and the review tabs' wiring."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from journal.ui import review
from journal.ui.editor.inputs_step import LUCK_HINT
from tests.gui.helpers import step_button


def focus_order(start: QWidget, controls: list[QWidget]) -> list[QWidget]:
    """The controls in the order Tab visits them from `start` (a control's inner parts count as it)."""
    order, widget = [], start
    for _step in range(200):
        widget = widget.nextInFocusChain()
        if not (widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        owner = next((c for c in controls if c is widget or c.isAncestorOf(widget)), None)
        if owner is not None and owner not in order:
            order.append(owner)
        if len(order) == len(controls):
            break
    return order


def test_tab_order_follows_the_outcome_step(sample_window):
    outcome = sample_window.editor.outcome
    controls = [outcome.date_edit, outcome.area_combo, outcome.valence_combo, outcome.outcome_edit,
                outcome.notes_edit]
    assert focus_order(outcome.title_edit, controls) == controls


def test_tab_order_follows_the_why_being_edited(sample_window):
    step_button(sample_window, 2).click()
    details = sample_window.editor.whys.details
    controls = [details.answer, details.ask_again_button, details.another_button, details.root_cause]
    assert focus_order(details.question, controls) == controls


def test_controls_have_accessible_names(sample_window):
    editor = sample_window.editor
    for widget in (editor.outcome.title_edit, editor.outcome.valence_combo, editor.whys.tree,
                   editor.whys.details.answer, sample_window.entry_list.search,
                   sample_window.entry_list.view):
        assert widget.accessibleName()


def test_inputs_can_be_added_reordered_and_deleted(window):
    window.new_entry()
    step_button(window, 1).click()
    inputs = window.editor.inputs
    for text in ("first", "second"):
        inputs.add_button.click()
        inputs.rows[-1].text.setText(text)
    inputs.rows[1].up.click()
    assert [i.text for i in window.editor.entry().inputs] == ["second", "first"]
    inputs.rows[0].delete.click()
    assert [i.text for i in window.journal.get_entry(window.editor.entry().id).inputs] == ["first"]


def test_a_positive_outcome_asks_how_much_was_luck(window):
    window.new_entry()
    outcome = window.editor.outcome
    outcome.valence_combo.setCurrentIndex(outcome.valence_combo.findData("positive"))
    step_button(window, 1).click()
    assert window.editor.inputs.hint.text().endswith(LUCK_HINT)
    outcome.valence_combo.setCurrentIndex(outcome.valence_combo.findData("negative"))
    step_button(window, 1).click()
    assert LUCK_HINT not in window.editor.inputs.hint.text()


class FakeView(QLabel):
    """A stand-in review view with the contract of journal.ui.review: refresh() and entry_requested."""

    entry_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__("review")
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_review_views_are_built_on_first_look_refreshed_when_shown_and_can_open_an_entry(monkeypatch, window):
    built: list[FakeView] = []

    def build() -> FakeView:
        built.append(FakeView())
        return built[-1]

    monkeypatch.setattr(review, "review_view_builders", lambda journal: [("Mechanisms", build)])
    window.open_journal(window.journal.path)
    assert window.tabs.tabText(1) == "Mechanisms"
    assert built == [] and window.review.views() == []
    window.tabs.setCurrentIndex(1)
    [view] = built
    assert window.review.views() == [view] and view.isVisible() and view.refreshed == 0
    window.tabs.setCurrentIndex(0)
    window.add_samples()
    assert view.refreshed == 0
    window.tabs.setCurrentIndex(1)
    assert view.refreshed == 1 and len(built) == 1
    wanted = window.entry_list.model.summary(4).id
    view.entry_requested.emit(wanted)
    assert window.tabs.currentIndex() == 0
    assert window.editor.entry().id == wanted


def test_a_review_tab_shows_the_journal_the_first_time_it_is_looked_at(sample_window, qtbot):
    tabs = sample_window.tabs
    titles = [tabs.tabText(index) for index in range(tabs.count())]
    assert titles == ["Journal", "Charts", "Mechanisms", "Actions", "Guidelines"]
    tabs.setCurrentIndex(titles.index("Mechanisms"))
    [view] = sample_window.review.views()
    assert view.isVisible()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)  # read on a worker thread
