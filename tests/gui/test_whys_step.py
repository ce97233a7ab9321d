"""The why-tree step: asking again, other reasons, moving branches, root causes, mechanisms, guidance."""

import pytest
from PySide6.QtWidgets import QAbstractItemView

from journal.domain.whytree import find_why, parent_of
from journal.ui.move_why_dialog import TOP_LEVEL, MoveWhyDialog, _choices
from tests.gui.helpers import step_button, type_into

SERVER_TITLE = "Every server except the listed ones was shut down"


@pytest.fixture
def whys(qtbot, window):
    """The Whys step of a new entry titled like the seed's outage, with three levels of whys."""
    window.new_entry()
    qtbot.keyClicks(window.editor.outcome.title_edit, SERVER_TITLE)
    step_button(window, 2).click()
    step = window.editor.whys
    step.first_button.click()
    step.details.answer.setPlainText("All the servers were turned off.")
    step.details.ask_again_button.click()
    step.details.answer.setPlainText("A script was run which shut them off.")
    step.details.ask_again_button.click()
    step.details.answer.setPlainText("There are no permission differences between 1 server and many.")
    return step


def path_of(step, why_id):
    """The answers from the top of the tree down to a why."""
    answers = []
    while why_id is not None:
        why = find_why(step.entry.whys, why_id)
        answers.insert(0, why.answer)
        parent, _index = parent_of(step.entry.whys, why_id)
        why_id = parent.id if parent else None
    return answers


def test_questions_are_prefilled_from_the_title_and_from_each_answer(whys):
    top, = whys.entry.whys
    assert top.question == "Why was every server except the listed ones shut down?"
    assert top.children[0].question == "Why were all the servers turned off?"
    assert top.children[0].children[0].question == "Why was a script run which shut them off?"
    assert whys.tree.topLevelItem(0).child(0).child(0).isSelected()


def test_another_reason_adds_a_sibling_with_the_same_question(whys):
    third = whys.selected
    whys.details.another_button.click()
    sibling = whys.selected
    parent, index = parent_of(whys.entry.whys, sibling)
    assert index == 1 and parent.children[0].id == third
    assert find_why(whys.entry.whys, sibling).question == find_why(whys.entry.whys, third).question
    assert whys.focusWidget() is whys.details.answer


def test_move_up_and_down_reorder_siblings(whys):
    first = whys.selected
    whys.details.another_button.click()
    second = whys.selected
    whys.details.up_button.click()
    parent, _ = parent_of(whys.entry.whys, second)
    assert [w.id for w in parent.children] == [second, first]
    assert not whys.details.up_button.isEnabled()
    whys.details.down_button.click()
    parent, _ = parent_of(whys.entry.whys, second)
    assert [w.id for w in parent.children] == [first, second]


def test_move_under_takes_the_branch_to_another_answer(monkeypatch, whys):
    top = whys.entry.whys[0].id
    script = whys.entry.whys[0].children[0].id
    deepest = whys.selected
    whys.tree.select(top)
    whys.details.ask_again_button.click()
    other = whys.selected
    whys.details.answer.setPlainText("Nobody noticed for 40 minutes.")
    whys.tree.select(script)
    offered = []

    def ask(cls, parent, entry, why_id):
        offered.extend(label for _id, label in _choices(entry, why_id))
        return other

    monkeypatch.setattr(MoveWhyDialog, "ask", classmethod(ask))
    whys.details.under_button.click()
    assert not any("A script was run" in label or "no permission" in label for label in offered)
    assert path_of(whys, deepest) == ["All the servers were turned off.", "Nobody noticed for 40 minutes.",
                                      "A script was run which shut them off.",
                                      "There are no permission differences between 1 server and many."]
    monkeypatch.setattr(MoveWhyDialog, "ask", classmethod(lambda cls, *args: TOP_LEVEL))
    whys.details.under_button.click()
    assert [w.id for w in whys.entry.whys] == [top, script]
    assert whys.tree.topLevelItemCount() == 2


def test_a_drop_on_an_answer_or_between_answers_names_the_new_place(whys):
    top_item = whys.tree.topLevelItem(0)
    second = top_item.child(0)
    zone = QAbstractItemView.DropIndicatorPosition
    whys.tree.setCurrentItem(second.child(0))
    assert whys.tree.drop_target(top_item, zone.OnItem) == (whys.entry.whys[0].id, None)
    assert whys.tree.drop_target(top_item, zone.AboveItem) == (None, 0)
    assert whys.tree.drop_target(top_item, zone.BelowItem) == (None, 1)
    assert whys.tree.drop_target(None, zone.OnViewport) == (None, None)
    third = whys.selected
    whys.tree.why_dropped.emit(third, None, 1)
    assert [w.id for w in whys.entry.whys][1] == third


def test_delete_removes_the_branch_and_selects_the_parent(whys):
    script = whys.entry.whys[0].children[0].id
    whys.tree.select(script)
    whys.details.delete_button.click()
    assert whys.entry.whys[0].children == ()
    assert whys.selected == whys.entry.whys[0].id
    assert whys.tree.topLevelItem(0).childCount() == 0


def test_a_root_cause_gets_mechanisms_with_completion_and_a_near_duplicate_is_pointed_out(qtbot, whys):
    details = whys.details
    assert not details.mechanisms.isVisible()
    details.root_cause.click()
    assert details.mechanisms.isVisible()
    type_into(qtbot, details.mechanisms.name_edit, "No alarm on rate of change")
    details.mechanisms.add_button.click()
    whys.details.another_button.click()
    details.root_cause.click()
    assert details.mechanisms.name_edit.completer().model().stringList() == ["No alarm on rate of change"]
    type_into(qtbot, details.mechanisms.name_edit, "no alarm on rate of chnage")
    assert details.mechanisms.duplicate_hint.isVisible()
    assert "Did you mean “No alarm on rate of change”?" in details.mechanisms.duplicate_hint.text()
    details.mechanisms.use_suggestion()
    details.mechanisms.add_button.click()
    assert whys.selected_why().mechanisms == ("No alarm on rate of change",)
    assert len(whys.lookups.mechanisms()) == 1


def test_a_mechanism_typed_in_other_case_uses_the_journals_spelling(qtbot, whys):
    whys.details.root_cause.click()
    type_into(qtbot, whys.details.mechanisms.name_edit, "Bulk operations have no guardrail")
    whys.details.mechanisms.add_button.click()
    whys.details.another_button.click()
    whys.details.root_cause.click()
    type_into(qtbot, whys.details.mechanisms.name_edit, "BULK operations have no guardrail")
    assert not whys.details.mechanisms.duplicate_hint.isVisible()
    whys.details.mechanisms.add_button.click()
    assert whys.selected_why().mechanisms == ("Bulk operations have no guardrail",)


def test_guidance_shows_gently_under_an_answer_while_typing(qtbot, whys):
    findings = whys.details.findings
    type_into(qtbot, whys.details.answer, "Someone should have caught that error.")
    qtbot.waitUntil(lambda: findings.messages != [])
    assert findings.isVisible()
    assert any("person" in message for message in findings.messages)
    type_into(qtbot, whys.details.answer, "Nothing limits how many servers one command can stop.")
    qtbot.waitUntil(lambda: findings.messages == [])
    assert not findings.isVisible()


def test_the_tree_shows_a_new_answer_as_it_is_typed(qtbot, whys):
    type_into(qtbot, whys.details.answer, "Changed answer")
    item = whys.tree.currentItem()
    assert "Changed answer" in item.toolTip(0)
