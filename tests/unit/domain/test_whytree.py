"""Why-tree edits as pure functions, and the wording of prefilled questions."""

from datetime import UTC, date, datetime

import pytest

from journal.domain.model import Action, Entry, Guideline, Why
from journal.domain.whytree import (
    add_action,
    add_why,
    delete_action,
    delete_why,
    find_why,
    first_question,
    move_why,
    parent_of,
    question_about,
    shift_item,
    shift_why,
    update_action,
    update_why,
)

STAMP = datetime(2026, 1, 2, tzinfo=UTC)


def tree() -> Entry:
    leaf = Why("Why c?", "c", id="c")
    middle = Why("Why b?", "b", children=(leaf,), id="b")
    other = Why("Why b2?", "b2", id="b2")
    top = Why("Why a?", "a", children=(middle, other), id="a")
    return Entry("Title", date(2026, 1, 2), id="e", created_at=STAMP, updated_at=STAMP,
                 whys=(top, Why("Why z?", "z", id="z")))


@pytest.mark.parametrize(("statement", "question"), [
    ("All the servers were turned off.", "Why were all the servers turned off?"),
    ("There are no permission differences between 1 server and many.",
     "Why are there no permission differences between 1 server and many?"),
    ("The alarm didn't fire", "Why did the alarm not fire?"),
    ("I was late", "Why was I late?"),
    ("Because the script was run by hand.", "Why was the script run by hand?"),
    ("The kid stayed up late", "Why did the kid stay up late?"),
    ("Friday release took the ATM locator offline", "Why Friday release took the ATM locator offline?"),
    ("I forgot to turn the lights off", "Why did I forget to turn the lights off?"),
    ("The script deleted every row", "Why did the script delete every row?"),
    ("We stopped checking the logs", "Why did we stop checking the logs?"),
    ("My son tried to fix it alone", "Why did my son try to fix it alone?"),
    ("The import changed the filter", "Why did the import change the filter?"),
    ("She missed the bus", "Why did she miss the bus?"),
    ("The kid stays up late", "Why does the kid stay up late?"),
    ("It crashes on Mondays", "Why does it crash on Mondays?"),
    ("The pitch lists features", "Why does the pitch list features?"),
    ("They never reply", "Why they never reply?"),
    ("Nobody noticed for an hour", "Why did nobody notice for an hour?"),
    ("Why did it fail?", "Why did it fail?"),
])
def test_questions_read_naturally(statement, question):
    assert question_about(statement) == question


def test_the_first_question_comes_from_the_title():
    assert first_question("Every server except the listed ones was shut down") == (
        "Why was every server except the listed ones shut down?")
    assert first_question("   ") == "Why did this happen?"


def test_update_why_changes_one_node_deep_in_the_tree():
    entry = update_why(tree(), "c", answer="new", root_cause=True)
    assert find_why(entry.whys, "c") == Why("Why c?", "new", root_cause=True, id="c")
    assert find_why(entry.whys, "b2") == find_why(tree().whys, "b2")


def test_add_why_under_a_parent_at_a_position_and_at_the_top():
    entry = add_why(tree(), "a", Why(id="new"), position=1)
    assert [w.id for w in find_why(entry.whys, "a").children] == ["b", "new", "b2"]
    entry = add_why(entry, None, Why(id="top"))
    assert [w.id for w in entry.whys] == ["a", "z", "top"]


def test_delete_why_removes_its_branch():
    entry = delete_why(tree(), "b")
    assert find_why(entry.whys, "b") is None
    assert find_why(entry.whys, "c") is None
    assert find_why(entry.whys, "b2") is not None


def test_move_why_takes_its_branch_to_another_parent():
    entry = move_why(tree(), "b", "z")
    assert [w.id for w in find_why(entry.whys, "z").children] == ["b"]
    assert [w.id for w in find_why(entry.whys, "b").children] == ["c"]
    assert parent_of(entry.whys, "b") == (find_why(entry.whys, "z"), 0)


def test_a_why_cannot_move_below_itself_or_to_a_missing_parent():
    assert move_why(tree(), "a", "c") == tree()
    assert move_why(tree(), "b", "nowhere") == tree()


def test_shift_why_reorders_siblings_within_bounds():
    entry = shift_why(tree(), "b", 1)
    assert [w.id for w in find_why(entry.whys, "a").children] == ["b2", "b"]
    assert shift_why(entry, "b", 5) == entry
    assert [w.id for w in shift_why(tree(), "z", -1).whys] == ["z", "a"]


def test_actions_are_added_changed_and_removed_wherever_they_live():
    entry = add_action(tree(), "c", Action("fix", id="x"))
    entry = add_action(entry, None, Action("entry-level", id="y"))
    entry = update_action(entry, "x", text="fixed")
    assert find_why(entry.whys, "c").actions == (Action("fixed", id="x"),)
    assert [a.id for a in entry.all_actions()] == ["y", "x"]
    entry = delete_action(delete_action(entry, "x"), "y")
    assert list(entry.all_actions()) == []


def test_shift_item_moves_within_a_flat_list():
    items = (Guideline("1", id="1"), Guideline("2", id="2"), Guideline("3", id="3"))
    assert [g.id for g in shift_item(items, "1", 1)] == ["2", "1", "3"]
    assert [g.id for g in shift_item(items, "3", -5)] == ["3", "1", "2"]
    assert shift_item(items, "missing", 1) == items
