"""A user records a whole entry by hand; closing and reopening the journal finds all of it."""

from datetime import date

from PySide6.QtCore import QDate, Qt

from journal.domain.model import ActionStatus, InputKind, Valence
from journal.domain.whytree import find_why
from tests.gui.conftest import make_window
from tests.gui.helpers import step_button, stored_entry, type_into

TITLE = "Every server except the listed ones was shut down"


def fill_outcome(qtbot, window):
    outcome = window.editor.outcome
    qtbot.keyClicks(outcome.title_edit, TITLE)
    outcome.date_edit.setDate(QDate(2026, 5, 12))
    type_into(qtbot, outcome.area_combo.lineEdit(), "work")
    outcome.valence_combo.setCurrentIndex(outcome.valence_combo.findData("mixed"))
    outcome.outcome_edit.setPlainText("The site was down for 47 minutes; 212 of 220 servers stopped.")
    outcome.notes_edit.setPlainText("From the classic COE story.")


def fill_inputs(window):
    step_button(window, 1).click()
    inputs = window.editor.inputs
    for kind, text in ((InputKind.PROCESS, "Hardware swaps are done by a script run by hand"),
                       (InputKind.ACTION, "The script ran with an inverted list"),
                       (InputKind.TIME, "Peak afternoon traffic")):
        inputs.add_button.click()
        row = inputs.rows[-1]
        row.kind.setCurrentIndex(row.kind.findData(kind.value))
        row.text.setText(text)


def answer(qtbot, window, text):
    details = window.editor.whys.details
    type_into(qtbot, details.answer, text)
    return window.editor.whys.selected


def mark_root_cause(qtbot, window, mechanism):
    details = window.editor.whys.details
    details.root_cause.click()
    type_into(qtbot, details.mechanisms.name_edit, mechanism)
    details.mechanisms.add_button.click()


def grow_tree(qtbot, window):
    step_button(window, 2).click()
    whys = window.editor.whys
    whys.first_button.click()
    assert whys.details.question.toPlainText() == f"Why was {TITLE[0].lower() + TITLE[1:]}".replace(
        " was shut down", " shut down") + "?"
    top = answer(qtbot, window, "All the servers were turned off.")
    whys.details.ask_again_button.click()
    assert whys.details.question.toPlainText() == "Why were all the servers turned off?"
    script = answer(qtbot, window, "A script was run which shut them off.")
    whys.details.ask_again_button.click()
    whys.details.question.setPlainText("Why was a script able to turn off so many servers?")
    permissions = answer(qtbot, window, "There are no permission differences between 1 server and many.")
    mark_root_cause(qtbot, window, "Bulk operations have no guardrail")
    whys.details.another_button.click()
    dry_run = answer(qtbot, window, "The script has no dry-run mode.")
    mark_root_cause(qtbot, window, "No dry run for fleet scripts")
    whys.tree.select(permissions)
    whys.details.ask_again_button.click()
    deepest = answer(qtbot, window, "Permissions were designed for one server at a time.")
    whys.tree.select(script)
    whys.details.another_button.click()
    whys.details.question.setPlainText("Why did the shutdown go on for so long?")
    noticed = answer(qtbot, window, "There were no alarms on the number of servers shutting down.")
    mark_root_cause(qtbot, window, "No alarm on rate of change")
    return {"top": top, "script": script, "permissions": permissions, "dry_run": dry_run,
            "deepest": deepest, "noticed": noticed}


def fill_actions(window, ids):
    step_button(window, 3).click()
    actions = window.editor.actions
    actions.add_action_buttons[ids["permissions"]].click()
    row = actions.action_rows[-1]
    row.text.setText("Require a second approval above 5% of the fleet")
    row.status.setCurrentIndex(row.status.findData("done"))
    actions.add_action_buttons[None].click()
    row = next(r for r in actions.action_rows if not r.text.text())
    row.text.setText("Tell the hardware team what changed")
    row.due.setDate(QDate(2026, 6, 15))
    actions.add_guideline_button.click()
    actions.guideline_rows[-1].text.setText("No fleet-wide command without a dry run")


def test_a_whole_entry_made_by_hand_is_all_there_after_reopening(qtbot, window, db_path):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is window.editor.outcome.title_edit
    fill_outcome(qtbot, window)
    fill_inputs(window)
    ids = grow_tree(qtbot, window)
    fill_actions(window, ids)
    entry_id = window.editor.entry().id
    window.close()

    entry = stored_entry(db_path, entry_id)
    assert (entry.title, entry.occurred_on, entry.area, entry.valence) == (
        TITLE, date(2026, 5, 12), "work", Valence.MIXED)
    assert entry.outcome.startswith("The site was down") and entry.notes == "From the classic COE story."
    assert [(i.kind, i.text) for i in entry.inputs] == [
        (InputKind.PROCESS, "Hardware swaps are done by a script run by hand"),
        (InputKind.ACTION, "The script ran with an inverted list"),
        (InputKind.TIME, "Peak afternoon traffic")]
    assert entry.tree_depth() == 4
    top = entry.whys[0]
    assert [w.id for w in top.children] == [ids["script"], ids["noticed"]]
    assert [w.id for w in top.children[0].children] == [ids["permissions"], ids["dry_run"]]
    assert find_why(entry.whys, ids["permissions"]).children[0].id == ids["deepest"]
    assert find_why(entry.whys, ids["noticed"]).question == "Why did the shutdown go on for so long?"
    assert {why.id for why, _ in entry.walk_whys() if why.root_cause} == {
        ids["permissions"], ids["dry_run"], ids["noticed"]}
    assert set(entry.mechanism_names()) == {
        "Bulk operations have no guardrail", "No dry run for fleet scripts", "No alarm on rate of change"}
    action = find_why(entry.whys, ids["permissions"]).actions[0]
    assert (action.text, action.status, action.done_on) == (
        "Require a second approval above 5% of the fleet", ActionStatus.DONE, date.today())
    assert [(a.text, a.due_on) for a in entry.actions] == [("Tell the hardware team what changed",
                                                            date(2026, 6, 15))]
    assert [g.text for g in entry.guidelines] == ["No fleet-wide command without a dry run"]


def test_a_fresh_window_on_the_same_file_shows_the_entry(qtbot, window, db_path):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    fill_outcome(qtbot, window)
    grow_tree(qtbot, window)
    window.close()
    again = make_window(qtbot, db_path)
    assert again.entry_list.model.rowCount() == 1
    assert again.editor.outcome.title_edit.text() == TITLE
    step_button(again, 2).click()
    assert again.editor.whys.tree.topLevelItemCount() == 1
    assert again.editor.whys.details.answer.toPlainText() == "All the servers were turned off."
