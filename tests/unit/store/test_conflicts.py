"""Two windows (two Journal objects) on one file: a whole-entry save with `expected` never overwrites
an edit it has not seen, and without `expected` the last writer wins as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from journal.domain.model import Entry, Input, InputKind, Why, now_utc
from journal.store.errors import EditConflict
from journal.store.repository import Journal
from tests.unit.store.safety_helpers import MECHANISM, make_journal, snapshot


@pytest.fixture
def two_windows(db_path):
    """Two Journal objects on one file, as two windows or two programs have it, and one entry's id."""
    entry_id = make_journal(db_path, entries=1)[0]
    first, second = Journal.open(db_path), Journal.open(db_path)
    yield first, second, entry_id
    first.close()
    second.close()


def edited(entry: Entry, **changes) -> Entry:
    """`entry` with some fields changed and a fresh updated_at, as the window saves it."""
    return replace(entry, updated_at=now_utc(), **changes)


def test_a_save_based_on_what_is_stored_goes_through(two_windows):
    first, _second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    stored = first.replace_entry(edited(opened, title="Mine"), expected=opened)
    assert stored == first.get_entry(entry_id)
    assert stored.title == "Mine"


def test_an_edit_made_in_another_window_is_not_overwritten(two_windows):
    first, second, entry_id = two_windows
    opened_first, opened_second = first.get_entry(entry_id), second.get_entry(entry_id)
    theirs = second.replace_entry(edited(opened_second, title="Theirs"), expected=opened_second)
    notices = []
    first.subscribe(notices.append)
    before = snapshot(first)
    with pytest.raises(EditConflict) as caught:
        first.replace_entry(edited(opened_first, title="Mine", outcome="Mine too"), expected=opened_first)
    assert str(caught.value) == "This entry was changed in another window since you opened it."
    assert caught.value.current == theirs
    assert snapshot(first) == before
    assert first.get_entry(entry_id) == theirs
    assert notices == []


def test_saving_again_with_the_other_version_as_expected_keeps_mine(two_windows):
    first, second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    theirs = second.replace_entry(edited(opened, title="Theirs"), expected=opened)
    mine = edited(opened, title="Mine")
    with pytest.raises(EditConflict):
        first.replace_entry(mine, expected=opened)
    first.replace_entry(mine, expected=theirs)
    assert second.get_entry(entry_id).title == "Mine"


def test_an_entry_deleted_elsewhere_is_a_conflict_only_when_something_was_expected(two_windows):
    first, second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    second.delete_entry(entry_id)
    with pytest.raises(EditConflict, match="deleted in another window"):
        first.replace_entry(edited(opened, title="Mine"), expected=opened)
    assert second.get_entry(entry_id) is None
    first.replace_entry(edited(opened, title="Mine"))
    assert second.get_entry(entry_id).title == "Mine"


def test_without_expected_the_last_writer_wins_as_before(two_windows):
    first, second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    second.replace_entry(edited(opened, title="Theirs"))
    first.replace_entry(edited(opened, title="Mine"))
    assert second.get_entry(entry_id).title == "Mine"


def test_a_change_deep_in_the_tree_is_a_conflict_too(two_windows):
    first, second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    why = opened.whys[0]
    second.replace_entry(edited(opened, whys=(replace(why, answer="A better answer"),)))
    with pytest.raises(EditConflict):
        first.replace_entry(edited(opened, notes="Unrelated field"), expected=opened)


def test_what_is_returned_matches_the_next_check_after_the_store_normalised_it(two_windows):
    """Mechanism names are matched ignoring case and text is made storable, so what was sent differs
    from what is stored: the returned entry is what a following save must expect."""
    first, second, entry_id = two_windows
    opened = first.get_entry(entry_id)
    sent = edited(opened, title="Half a pair \ud83d",
                  whys=(Why(question="Why?", answer="Because", root_cause=True,
                            mechanisms=(f"  {MECHANISM.upper()} ",)),))
    stored = first.replace_entry(sent, expected=opened)
    assert stored != sent
    assert stored.title == "Half a pair \ufffd" and stored.whys[0].mechanisms == (MECHANISM,)
    again = first.replace_entry(edited(sent, notes="More"), expected=stored)
    assert second.get_entry(entry_id) == again


def test_a_new_entry_is_stored_without_expected(two_windows):
    first, second, _entry_id = two_windows
    entry = Entry(title="New", occurred_on=date(2026, 2, 1), inputs=(Input(InputKind.LUCK, "sun"),))
    assert first.replace_entry(entry) == second.get_entry(entry.id) == entry
