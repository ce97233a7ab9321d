"""The repository against real SQLite files: every part of an entry, ordering, search, filters, mechanisms."""

import sqlite3
from datetime import date

import pytest

from journal.domain.model import ActionStatus, EntryFilter, InputKind, Valence
from journal.store import chunks, repository
from journal.store.errors import InvalidValue
from journal.store.repository import Journal


@pytest.fixture
def journal(db_path):
    with Journal.open(db_path) as opened:
        yield opened


def _server_entry(journal: Journal) -> tuple[str, dict[str, str]]:
    entry_id = journal.create_entry("The site went down", date(2016, 5, 10), area="work")
    top = journal.add_why(entry_id, None, "Why did the site go down?", "All the servers were turned off.")
    script = journal.add_why(entry_id, top, "Why were they turned off?", "A script shut them off.")
    perms = journal.add_why(entry_id, script, "Why could it?", "No permission difference for many servers.")
    alarm = journal.add_why(entry_id, top, "Why unnoticed?", "No alarm on shutdown rate.")
    return entry_id, {"top": top, "script": script, "perms": perms, "alarm": alarm}


def test_an_entry_keeps_every_part_in_order(journal):
    entry_id, whys = _server_entry(journal)
    journal.update_entry(entry_id, outcome="Down 47 minutes.", notes="n", valence="mixed")
    first = journal.add_input(entry_id, "process", "Manual script")
    journal.add_input(entry_id, InputKind.LUCK, "Peak traffic")
    journal.add_input(entry_id, "time", "Friday", position=0)
    journal.update_why(whys["perms"], root_cause=True)
    journal.set_why_mechanisms(whys["perms"], ["Bulk ops unguarded", "bulk OPS unguarded", "No alarm"])
    journal.add_action(entry_id, whys["perms"], "Approve big commands", due_on=date(2016, 6, 1))
    done = journal.add_action(entry_id, None, "Write the COE")
    journal.update_action(done, status="done")
    journal.add_guideline(entry_id, "No Friday deployments")

    entry = journal.get_entry(entry_id)
    assert entry.outcome == "Down 47 minutes." and entry.valence is Valence.MIXED
    assert [i.text for i in entry.inputs] == ["Friday", "Manual script", "Peak traffic"]
    assert entry.inputs[1].id == first
    top = entry.whys[0]
    assert [c.answer for c in top.children] == ["A script shut them off.", "No alarm on shutdown rate."]
    perms = top.children[0].children[0]
    assert perms.root_cause and perms.mechanisms == ("Bulk ops unguarded", "No alarm")
    assert perms.actions[0].due_on == date(2016, 6, 1)
    assert entry.actions[0].status is ActionStatus.DONE and entry.actions[0].done_on == date.today()
    assert entry.guidelines[0].text == "No Friday deployments"
    assert entry.tree_depth() == 3


def test_moving_a_branch_and_refusing_a_cycle(journal):
    entry_id, whys = _server_entry(journal)
    journal.move_why(whys["script"], whys["alarm"])
    tree = journal.get_entry(entry_id).whys[0]
    assert [c.id for c in tree.children] == [whys["alarm"]]
    assert tree.children[0].children[0].children[0].id == whys["perms"]
    with pytest.raises(InvalidValue):
        journal.move_why(whys["top"], whys["perms"])
    journal.move_why(whys["perms"], None, 0)
    assert [w.id for w in journal.get_entry(entry_id).whys] == [whys["perms"], whys["top"]]


def test_deleting_a_why_removes_its_branch_and_closes_the_gap(journal):
    entry_id, whys = _server_entry(journal)
    journal.add_action(entry_id, whys["perms"], "gone with the branch")
    journal.delete_why(whys["script"])
    entry = journal.get_entry(entry_id)
    assert [w.id for w, _ in entry.walk_whys()] == [whys["top"], whys["alarm"]]
    assert list(entry.all_actions()) == []
    journal.add_why(entry_id, whys["top"], "Q", "A")
    assert [c.answer for c in journal.get_entry(entry_id).whys[0].children][-1] == "A"


def test_replace_entry_restores_a_snapshot_exactly(journal):
    entry_id, whys = _server_entry(journal)
    journal.set_why_mechanisms(whys["alarm"], ["No alarm"])
    snapshot = journal.get_entry(entry_id)
    journal.update_entry(entry_id, title="changed")
    journal.delete_why(whys["top"])
    journal.replace_entry(snapshot)
    assert journal.get_entry(entry_id) == snapshot


def test_search_finds_words_in_whys_and_forgets_deleted_text(journal):
    entry_id, whys = _server_entry(journal)
    other = journal.create_entry("Kid stayed up late", date(2026, 10, 7), area="home")
    assert [e.id for e in journal.list_entries(EntryFilter(text="permiss"))] == [entry_id]
    journal.update_why(whys["perms"], answer="Guardrails were missing.")
    assert journal.list_entries(EntryFilter(text="permission")) == []
    assert [e.id for e in journal.list_entries(EntryFilter(text="guardrail"))] == [entry_id]
    assert [e.id for e in journal.list_entries(EntryFilter(text="Kid late"))] == [other]
    assert len(journal.list_entries(EntryFilter(text='"*:()'))) == 2  # punctuation alone: no filter


def test_list_is_newest_first_paged_and_filtered(journal):
    ids = [journal.create_entry(f"e{n}", date(2026, 1, n + 1), area="work" if n % 2 else "home")
           for n in range(6)]
    journal.update_entry(ids[0], valence="positive")
    assert [e.id for e in journal.list_entries(limit=2, offset=1)] == [ids[4], ids[3]]
    assert journal.count_entries(EntryFilter(area="home")) == 3
    since = EntryFilter(since=date(2026, 1, 3), until=date(2026, 1, 5))
    assert [e.title for e in journal.list_entries(since)] == ["e4", "e3", "e2"]
    assert [e.id for e in journal.list_entries(EntryFilter(valence=Valence.POSITIVE))] == [ids[0]]
    assert journal.areas() == ["home", "work"]


def test_all_entries_reads_whole_entries_batch_by_batch_newest_first(journal, monkeypatch):
    monkeypatch.setattr(repository, "_BATCH", 2)
    entry_id, whys = _server_entry(journal)
    journal.set_why_mechanisms(whys["perms"], ["Bulk ops unguarded", "No alarm"])
    journal.add_action(entry_id, whys["alarm"], "Add the alarm", due_on=date(2016, 6, 1))
    journal.add_input(entry_id, "luck", "Peak traffic")
    journal.add_guideline(entry_id, "No Friday deployments")
    others = [journal.create_entry(f"e{n}", date(2026, 1, n + 1), area="home") for n in range(4)]
    newest_first = [*reversed(others), entry_id]
    assert list(journal.all_entries()) == [journal.get_entry(i) for i in newest_first]
    home = EntryFilter(area="home", since=date(2026, 1, 2))
    assert [e.id for e in journal.all_entries(home)] == [e.id for e in journal.list_entries(home)]
    assert list(journal.all_entries(EntryFilter(text="nothing matches this"))) == []


def test_mechanism_stats_count_entries_and_whys(journal):
    one, whys = _server_entry(journal)
    journal.set_why_mechanisms(whys["perms"], ["Bulk ops"])
    journal.set_why_mechanisms(whys["alarm"], ["Bulk ops", "No alarm"])
    two = journal.create_entry("Import deleted rows", date(2020, 1, 1))
    journal.set_why_mechanisms(journal.add_why(two, None, "Why?", "No limit"), ["bulk OPS"])
    stats = {s.name: s for s in journal.mechanism_stats()}
    assert (stats["Bulk ops"].entries, stats["Bulk ops"].whys) == (2, 3)
    bulk = stats["Bulk ops"]
    assert (bulk.first_seen, bulk.last_seen) == (date(2016, 5, 10), date(2020, 1, 1))
    assert [s.name for s in journal.mechanism_stats()] == ["Bulk ops", "No alarm"]
    later = journal.mechanism_stats(EntryFilter(since=date(2019, 1, 1)))
    assert [(s.name, s.entries) for s in later] == [("Bulk ops", 1)]
    assert [e.id for e in journal.list_entries(EntryFilter(mechanism="BULK ops"))] == [two, one]


def test_rename_and_merge_keep_counts(journal):
    _entry, whys = _server_entry(journal)
    journal.set_why_mechanisms(whys["perms"], ["A", "B"])
    journal.set_why_mechanisms(whys["alarm"], ["B"])
    with pytest.raises(InvalidValue, match="exists already"):
        journal.rename_mechanism("A", "b")
    journal.rename_mechanism("A", "a (renamed)")
    journal.merge_mechanisms(["B"], "a (renamed)")
    stats = journal.mechanism_stats()
    assert [(s.name, s.entries, s.whys) for s in stats] == [("a (renamed)", 1, 2)]
    assert [m.name for m in journal.mechanisms()] == ["a (renamed)"]


def test_unknown_values_are_refused_with_a_sentence(journal):
    entry_id = journal.create_entry("x", date(2026, 1, 1))
    with pytest.raises(InvalidValue, match="kind of input"):
        journal.add_input(entry_id, "fate")
    with pytest.raises(InvalidValue, match="valence"):
        journal.update_entry(entry_id, valence="bad")
    with pytest.raises(InvalidValue, match="no longer exists"):
        journal.update_why("missing", answer="x")


def test_writes_announce_the_changed_entry(journal):
    seen = []
    journal.subscribe(seen.append)
    entry_id = journal.create_entry("x", date(2026, 1, 1))
    journal.add_why(entry_id)
    assert seen == [frozenset({entry_id}), frozenset({entry_id})]


def test_the_file_is_owner_only_and_readable_by_plain_sqlite(journal, db_path):
    journal.create_entry("visible", date(2026, 1, 1))
    assert db_path.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(db_path) as other:
        assert other.execute("SELECT title FROM entry").fetchall() == [("visible",)]


def test_the_wait_for_another_programs_lock_is_set_per_journal(db_path):
    with Journal.open(db_path, busy_seconds=0.2) as quick, quick.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 200
    with Journal.open(db_path) as patient, patient.reading() as session:
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 2000


def test_marking_many_actions_is_one_change_all_or_none(journal, monkeypatch):
    monkeypatch.setattr(chunks, "IDS_AT_ONCE", 2)  # several IN (...) chunks, as for thousands
    first = journal.create_entry("The release ran late", date(2026, 1, 5))
    second = journal.create_entry("The budget stalled", date(2026, 1, 6))
    ids = [journal.add_action(first, None, f"Add a checklist {n}") for n in range(3)]
    ids.append(journal.add_action(second, None, "Add a reminder"))
    journal_rows(journal, "UPDATE entry SET updated_at = '2026-01-01T00:00:00+00:00'")
    announced = []
    journal.subscribe(announced.append)

    journal.mark_actions(ids, ActionStatus.DONE)
    actions = journal.get_entry(first).actions + journal.get_entry(second).actions
    assert {(a.status, a.done_on) for a in actions} == {(ActionStatus.DONE, date.today())}
    assert announced == [frozenset({first, second})]
    stamps = journal_rows(journal, "SELECT updated_at FROM entry")
    assert len(stamps) == 2 and all(stamp > "2026-01-02" for (stamp,) in stamps)
    assert [s.id for s in journal.list_entries(EntryFilter(text="reminder"))] == [second]  # still found

    with pytest.raises(InvalidValue, match="no longer exists; nothing was changed"):
        journal.mark_actions([ids[0], "no-such-action"], "open")
    assert journal.get_entry(first).actions[0].status is ActionStatus.DONE
    journal.mark_actions(ids[:2], "open")
    assert [(a.status, a.done_on) for a in journal.get_entry(first).actions] == [
        (ActionStatus.OPEN, None), (ActionStatus.OPEN, None), (ActionStatus.DONE, date.today())]


def journal_rows(journal, sql):
    with sqlite3.connect(journal.path) as db:
        return db.execute(sql).fetchall()
