"""The Actions and Guidelines views: order, overdue highlight, marking done or dropped, opening entries."""

from datetime import date

import pytest
import sqlalchemy
from PySide6.QtCore import Qt

from journal.domain.model import ActionStatus
from journal.ui.review import actions_view as actions_view_module
from journal.ui.review import palette
from journal.ui.review.actions_view import ActionsView
from journal.ui.review.guidelines_view import GuidelinesView
from journal.ui.review.models import ROW_ROLE

TODAY = date(2026, 10, 15)


@pytest.fixture
def actions_view(sample, shown, monkeypatch):
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    return shown(ActionsView(sample))


def column(view, number: int) -> list[str]:
    return [view.model.index(row, number).data() for row in range(view.model.rowCount())]


def select_action(view: ActionsView, text: str) -> None:
    row = column(view, 0).index(text)
    view.table.selectRow(row)


def test_open_and_overdue_first(actions_view, qtmodeltester):
    qtmodeltester.check(actions_view.model)
    assert column(actions_view, 1) == [
        "overdue 92 days", "overdue 75 days", "overdue 25 days", "overdue 15 days", "overdue 14 days",
        "open", "open", "open", "done 2026-11-03", "done 2026-10-09", "done 2026-07-08", "done 2026-05-28",
        "done 2026-05-19", "done 2026-05-14"]
    assert column(actions_view, 3)[0] == "Manual step with no checklist"
    assert actions_view.status.text() == "8 open, 5 overdue."


def test_overdue_rows_are_highlighted_from_the_palette(actions_view):
    wash = palette.warning_background(actions_view.palette())
    backgrounds = [actions_view.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
                   for row in range(actions_view.model.rowCount())]
    assert backgrounds[:5] == [wash] * 5 and backgrounds[5:] == [None] * 9
    due = actions_view.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert due == palette.warning_text(actions_view.palette())


def test_mark_done_dates_the_action_and_moves_it_down(actions_view, sample, settle):
    text = "Alert when a job removes more than 5% of a table"
    select_action(actions_view, text)
    assert actions_view.done_button.isEnabled() and not actions_view.reopen_button.isEnabled()
    actions_view.done_button.click()
    settle(actions_view)
    item = next(a for a in actions_view.model.rows() if a.text == text)
    assert item.status is ActionStatus.DONE and item.done_on == date.today()
    assert column(actions_view, 0).index(text) == 7  # after the 7 open ones: the most recently done
    assert actions_view.status.text() == "7 open, 4 overdue."
    entry = sample.get_entry("2d7b8e90-5c1e-4f0b-b7a3-6e9c0f1d3c03")
    assert [a.status for a in entry.all_actions()] == [ActionStatus.OPEN, ActionStatus.DONE]


def test_mark_dropped_then_reopen(actions_view, settle):
    text = "Hang a packing list in the hallway and pack the bag on Friday evening"
    select_action(actions_view, text)
    actions_view.dropped_button.click()
    settle(actions_view)
    assert column(actions_view, 1)[column(actions_view, 0).index(text)] == "dropped"
    assert column(actions_view, 0)[-1] == text  # dropped ones come last
    dropped = actions_view.model.index(actions_view.model.rowCount() - 1, 0)
    assert dropped.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert actions_view.selected_actions()[0].text == text  # the selection follows the action
    actions_view.reopen_button.click()
    settle(actions_view)
    assert column(actions_view, 1)[column(actions_view, 0).index(text)] == "open"


def test_several_actions_at_once_and_open_only(actions_view, settle):
    actions_view.table.selectAll()
    actions_view.done_button.click()
    settle(actions_view)
    assert set(column(actions_view, 1)) == {f"done {date.today().isoformat()}"} | {
        "done 2026-11-03", "done 2026-10-09", "done 2026-07-08", "done 2026-05-28", "done 2026-05-19",
        "done 2026-05-14"}
    actions_view.open_only.setChecked(True)
    settle(actions_view)
    assert actions_view.model.rowCount() == 0 and actions_view.status.text() == "No actions yet."


def test_the_filter_box_and_opening_the_entry(actions_view, qtbot):
    actions_view.search.setText("bedroom")
    assert column(actions_view, 0) == [
        "Buy a plain alarm clock and charge the phone in the hall",
        "Move the charging spot to the kitchen and set the tablet to lock at 20:45"]
    with qtbot.waitSignal(actions_view.entry_requested) as signal:
        actions_view.table.activated.emit(actions_view.model.index(0, 0))
    assert signal.args == ["9b8a7c6d-5e4f-4a3b-9c2d-3e1f0a9b8c06"]


def test_refresh_while_hidden_waits_for_the_next_show(sample, qtbot, monkeypatch, settle):
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    view = ActionsView(sample)
    qtbot.addWidget(view)
    view.refresh()
    assert view.model.rowCount() == 0
    view.show()
    qtbot.waitExposed(view)
    settle(view)
    assert view.model.rowCount() == 14


def test_guidelines_newest_first_and_open_their_entry(sample, shown, qtbot, qtmodeltester):
    view = shown(GuidelinesView(sample))
    qtmodeltester.check(view.model)
    texts = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
    assert texts == ["Rehearse every pitch with a real customer before the real one",
                     "No Friday deployments for non-emergency changes",
                     "Any command that can touch the whole fleet asks for the count before it runs"]
    assert view.status.text() == "3 guidelines adopted."
    view.search.setText("friday")
    assert view.model.rowCount() == 1
    with qtbot.waitSignal(view.entry_requested) as signal:
        view.table.activated.emit(view.model.index(0, 0))
    assert signal.args == [view.model.index(0, 0).data(ROW_ROLE).entry_id]
    assert signal.args == ["0a9e4c51-7b7f-4a46-8d0e-4f1b9d2c6b02"]


def test_the_first_look_shows_the_first_rows_then_all(sample, qtbot, settle, monkeypatch):
    monkeypatch.setattr(ActionsView, "clock", staticmethod(lambda: TODAY))
    monkeypatch.setattr(actions_view_module, "FIRST_PAGE", 4)
    view = ActionsView(sample)
    qtbot.addWidget(view)
    counts = []
    view.model.modelReset.connect(lambda: counts.append(view.model.rowCount()))
    view.show()
    settle(view)
    assert counts == [4, 14]
    assert column(view, 1)[:5] == ["overdue 92 days", "overdue 75 days", "overdue 25 days", "overdue 15 days",
                                   "overdue 14 days"]


def test_a_marked_action_shows_its_new_status_before_the_reload(actions_view, settle):
    text = "Alert when a job removes more than 5% of a table"
    select_action(actions_view, text)
    row = column(actions_view, 0).index(text)
    actions_view.done_button.click()
    assert actions_view.is_loading()  # the reload that moves it down is still on its way
    assert column(actions_view, 1)[row] == f"done {date.today().isoformat()}"
    assert actions_view.reopen_button.isEnabled() and not actions_view.done_button.isEnabled()
    settle(actions_view)
    assert column(actions_view, 0).index(text) == 7


def test_every_selected_action_is_dropped_at_once(actions_view, sample, settle):
    actions_view.table.selectAll()
    assert len(actions_view.selected_actions()) == 14
    actions_view.dropped_button.click()
    assert set(column(actions_view, 1)) == {"dropped"}  # before the reload: every row patched
    settle(actions_view)
    assert set(column(actions_view, 1)) == {"dropped"} and len(actions_view.selected_actions()) == 14
    assert actions_view.status.text() == "0 open, 0 overdue."
    assert {action.status for action in sample.get_entry(
        "2d7b8e90-5c1e-4f0b-b7a3-6e9c0f1d3c03").all_actions()} == {ActionStatus.DROPPED}


def test_a_failed_mark_changes_nothing_and_says_why(actions_view, sample, settle):
    text = "Alert when a job removes more than 5% of a table"
    with sample.writing() as session:  # removed by another window since this list was read
        session.execute(sqlalchemy.text("DELETE FROM action WHERE text = :text"), {"text": text})
    actions_view.table.selectAll()
    actions_view.done_button.click()
    failure = "An action to mark no longer exists; nothing was changed."
    assert actions_view.status.text() == failure
    settle(actions_view)
    assert actions_view.status.text() == f"{failure} 7 open, 4 overdue."  # the reload keeps the reason
    assert text not in column(actions_view, 0) and actions_view.model.rowCount() == 13
    assert all(action.done_on != date.today() for action in actions_view.model.rows())
