"""The search index's entry map and the fast query plans: same answers as the plain ones, kept in sync."""

import sqlite3
from datetime import date

import pytest

from journal.domain.model import Entry, EntryFilter, Why
from journal.store import schema
from journal.store.repository import Journal

WORDS = ["alarm", "budget", "checklist", "deploy", "timer"]


@pytest.fixture
def journal(db_path):
    with Journal.open(db_path) as opened:
        yield opened


def _fill(journal: Journal, count: int = 30) -> list[str]:
    """Entries on scattered days (some sharing a day), each with two of WORDS and a mechanism."""
    ids = []
    for n in range(count):
        day = date(2020, 1 + n % 12, 1 + (n * 7) % 28)
        entry_id = journal.create_entry(f"{WORDS[n % 5]} {WORDS[(n * 3) % 5]} {n}", day, area="work")
        why = journal.add_why(entry_id, None, "Why?", f"Because of the {WORDS[(n + 1) % 5]}.")
        journal.set_why_mechanisms(why, [f"No {WORDS[n % 3]}", f"No {WORDS[n % 4]}"])
        ids.append(entry_id)
    return ids


def _index_rows(db_path) -> tuple[int, int, int]:
    with sqlite3.connect(db_path) as db:
        return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("entry", "entry_search", "entry_search_doc"))


def test_pages_of_matches_are_slices_of_all_matches_newest_first(journal):
    _fill(journal)
    for text in ["alarm", "b", "timer checklist", "no", "zebra"]:
        everything = journal.list_entries(EntryFilter(text=text))
        assert journal.count_entries(EntryFilter(text=text)) == len(everything)
        paged = [s for offset in range(0, 40, 7)
                 for s in journal.list_entries(EntryFilter(text=text), limit=7, offset=offset)]
        assert paged == everything
        days = [s.occurred_on for s in everything]
        assert days == sorted(days, reverse=True)
    assert len(journal.list_entries(EntryFilter(text="zebra"))) == 0
    assert len(journal.list_entries(EntryFilter(text="alarm", area="work"), limit=3)) == 3


def test_every_entry_has_one_index_row_through_edits_replacements_and_deletes(journal, db_path):
    ids = _fill(journal, 6)
    deleted = EntryFilter(text=journal.get_entry(ids[2]).title)
    assert [s.id for s in journal.list_entries(deleted)] == [ids[2]]
    journal.update_entry(ids[0], title="Renamed kettle")
    journal.replace_entry(Entry(id=ids[1], title="Replaced toaster", occurred_on=date(2021, 2, 2),
                                whys=(Why(question="Why?", answer="Crumbs"),)))
    journal.delete_entry(ids[2])
    journal.rename_mechanism("No alarm", "No siren")
    assert _index_rows(db_path) == (5, 5, 5)
    assert [s.id for s in journal.list_entries(EntryFilter(text="kettle"))] == [ids[0]]
    assert [s.id for s in journal.list_entries(EntryFilter(text="crumbs"), limit=10)] == [ids[1]]
    assert journal.list_entries(deleted) == []
    siren = next(s for s in journal.mechanism_stats() if s.name == "No siren")
    assert journal.count_entries(EntryFilter(text="siren")) == siren.entries > 0


def test_stats_without_a_filter_match_stats_with_a_filter_that_keeps_everything(journal):
    _fill(journal)
    everything = journal.mechanism_stats()
    assert everything == journal.mechanism_stats(EntryFilter(since=date(1900, 1, 1)))
    assert [s.name for s in everything][:1] == ["No alarm"]
    links = sum(len({WORDS[n % 3], WORDS[n % 4]}) for n in range(30))  # the same name twice is one link
    assert sum(s.whys for s in everything) == links


def test_a_journal_from_before_the_entry_map_keeps_its_search_and_takes_new_entries(db_path):
    schema._create_owner_only(db_path)
    schema.upgrade(db_path, "0003_link_entry")
    with sqlite3.connect(db_path) as old:
        for n, title in enumerate(["Kettle left on", "Door left open"]):
            old.execute("INSERT INTO entry VALUES (?, ?, '2025-01-02', 'home', 'negative', '', '', "
                        "'2025-01-02T08:00:00+00:00', '2025-01-02T08:00:00+00:00')", (f"e{n}", title))
            old.execute("INSERT INTO entry_search (entry_id, title, body) VALUES (?, ?, '')",
                        (f"e{n}", title))
        # A stray second index row (as a crash in an old version might have left) is dropped.
        old.execute("INSERT INTO entry_search (entry_id, title, body) VALUES ('e0', 'Kettle left on', '')")
    with Journal.open(db_path, before_migration=None) as journal:
        assert schema.current_revision(db_path) == schema.HEAD
        assert [s.id for s in journal.list_entries(EntryFilter(text="kettle"), limit=5)] == ["e0"]
        assert journal.count_entries(EntryFilter(text="left")) == 2
        new = journal.create_entry("Kettle again", date(2025, 3, 1))
        journal.update_entry("e1", title="Door left wide open")
        assert [s.id for s in journal.list_entries(EntryFilter(text="kettle"))] == [new, "e0"]
        assert [s.id for s in journal.list_entries(EntryFilter(text="wide"))] == ["e1"]
    assert _index_rows(db_path) == (3, 3, 3)
