"""Review queries against hand-counted journals: the sample journal, filters, merge, rename, recurrences."""

from datetime import date

import pytest

from journal import paths
from journal.domain.model import ActionStatus, EntryFilter, InputKind, Valence
from journal.domain.review import Unit
from journal.exchange.files import read_document
from journal.store import review_queries as queries
from journal.store.errors import InvalidValue
from journal.store.repository import Journal

MANUAL = "Manual step with no checklist"
BULK = "Bulk operations have no guardrail"
DEPLOYS = "Deploys allowed during low coverage"
ALARM = "No alarm on rate of change"
CALENDAR = "No shared calendar at home"
PITCH = "Pitch not tested with a real customer first"
SCREENS = "Screens in the bedroom at night"
MONTHS = tuple(date(2026, month, 1) for month in range(5, 12))  # May .. November 2026


@pytest.fixture
def journal(db_path):
    with Journal.open(db_path) as opened:
        yield opened


@pytest.fixture
def sample(journal):
    document = read_document(paths.SAMPLE_JOURNAL)
    journal.import_entries(document.entries, document.mechanisms)
    return journal


# -- the sample journal, counted by hand from sample_journal.json ------------------------------

def test_pareto_of_the_sample_journal(sample):
    counts = [(s.name, s.entries, s.whys) for s in queries.pareto(sample)]
    assert counts == [(MANUAL, 3, 3), (BULK, 2, 2), (DEPLOYS, 2, 2), (ALARM, 2, 2), (CALENDAR, 2, 2),
                      (PITCH, 2, 2), (SCREENS, 2, 2)]


def test_input_mix_of_the_sample_journal(sample):
    mix = queries.input_mix(sample)
    assert mix.entries == {Valence.NEGATIVE: 7, Valence.POSITIVE: 2}
    assert dict(mix.counts[Valence.NEGATIVE]) == {
        InputKind.PROCESS: 6, InputKind.ACTION: 4, InputKind.TIME: 4, InputKind.LUCK: 2}
    assert dict(mix.counts[Valence.POSITIVE]) == {
        InputKind.PROCESS: 3, InputKind.ACTION: 1, InputKind.LUCK: 2}
    assert mix.total(Valence.MIXED) == 0


def test_outcome_counts_of_the_sample_journal(sample):
    counts = queries.outcome_counts(sample)
    assert counts.unit is Unit.MONTH
    assert counts.starts == MONTHS
    assert counts.by_valence == {Valence.NEGATIVE: (1, 1, 0, 1, 1, 1, 2),
                                 Valence.POSITIVE: (0, 0, 0, 0, 0, 1, 1)}
    assert list(counts.by_area.items()) == [("work", (1, 1, 0, 1, 1, 1, 1)), ("home", (0, 0, 0, 0, 0, 1, 2))]
    assert counts.total == 9


def test_timeline_of_the_sample_journal(sample):
    data = queries.timeline(sample)
    assert data.unit is Unit.MONTH and data.starts == MONTHS
    rows = {s.mechanism: (s.before_fix, s.after_fix, s.fixes) for s in data.series}
    assert list(rows) == [MANUAL, BULK, DEPLOYS, ALARM, CALENDAR]
    assert rows[MANUAL] == ((1, 1, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 1), (date(2026, 7, 8),))
    assert rows[BULK] == ((1, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0, 0), (date(2026, 5, 28),))
    assert rows[DEPLOYS] == ((0, 1, 0, 0, 0, 0, 1), (0,) * 7, ())
    assert rows[ALARM] == ((1, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 1, 0, 0), (date(2026, 5, 19),))
    assert rows[CALENDAR] == ((0, 0, 0, 0, 0, 1, 1), (0,) * 7, ())


def test_mechanism_overview_calls_out_the_four_that_came_back(sample):
    rows = {row.name: row for row in queries.mechanism_overview(sample)}
    assert {name for name, row in rows.items() if row.recurred_after_fix} == {MANUAL, BULK, ALARM, SCREENS}
    assert rows[MANUAL].recurrences == (date(2026, 11, 14),)
    assert rows[SCREENS].recurrences == (date(2026, 11, 20),)
    assert rows[PITCH].first_fix == date(2026, 11, 3) and not rows[PITCH].recurred_after_fix
    assert (rows[MANUAL].entries, rows[MANUAL].whys, rows[MANUAL].open_actions, rows[MANUAL].done_actions,
            rows[MANUAL].last_seen) == (3, 3, 2, 1, date(2026, 11, 14))
    assert (rows[DEPLOYS].open_actions, rows[DEPLOYS].done_actions, rows[DEPLOYS].first_fix) == (1, 0, None)
    assert rows[DEPLOYS].last_seen == date(2026, 11, 26)
    assert [row.name for row in queries.mechanism_overview(sample)][0] == MANUAL


def test_all_actions_open_and_overdue_first(sample):
    items = queries.all_actions(sample, today=date(2026, 10, 15))
    assert len(items) == 14
    assert [item.status for item in items] == [ActionStatus.OPEN] * 8 + [ActionStatus.DONE] * 6
    overdue = [item.due_on for item in items if item.is_overdue(date(2026, 10, 15))]
    assert overdue == [date(2026, 7, 15), date(2026, 8, 1), date(2026, 9, 20), date(2026, 9, 30),
                       date(2026, 10, 1)]
    assert [item.due_on for item in items[5:8]] == [
        date(2026, 10, 20), date(2026, 11, 21), date(2026, 11, 27)]
    first = items[0]
    assert first.text.startswith("Build a hardware-swap page")
    assert (first.entry_title, first.entry_date, first.mechanisms) == (
        "Every server except the listed ones was shut down", date(2026, 5, 12), (MANUAL,))
    assert first.why_answer.startswith("The hardware team had no UI")
    entry_level = [item for item in items if not item.why_answer]
    assert [item.text for item in entry_level] == ["Write the COE and share it with the wider team"]
    assert entry_level[0].mechanisms == ()


def test_all_guidelines_newest_entry_first(sample):
    assert [(g.text, g.entry_date) for g in queries.all_guidelines(sample)] == [
        ("Rehearse every pitch with a real customer before the real one", date(2026, 10, 29)),
        ("No Friday deployments for non-emergency changes", date(2026, 6, 19)),
        ("Any command that can touch the whole fleet asks for the count before it runs", date(2026, 5, 12))]


def test_entries_behind_a_bar(sample):
    titles = [e.title for e in queries.entries_with_mechanisms(sample, ["manual STEP with no checklist"])]
    assert titles == ["Late again for the Saturday swim lesson",
                      "Friday release took the ATM locator offline",
                      "Every server except the listed ones was shut down"]
    both = queries.entries_with_mechanisms(sample, [SCREENS, CALENDAR], EntryFilter(area="home"))
    assert [e.occurred_on for e in both] == [date(2026, 11, 20), date(2026, 11, 14), date(2026, 10, 7)]
    assert queries.entries_with_mechanisms(sample, []) == []


# -- filters ----------------------------------------------------------------------------------

def test_area_filter(sample):
    home = EntryFilter(area="home")
    assert [(s.name, s.entries) for s in queries.pareto(sample, home)] == [
        (CALENDAR, 2), (SCREENS, 2), (MANUAL, 1)]
    assert queries.input_mix(sample, home).entries == {Valence.NEGATIVE: 3}
    assert list(queries.outcome_counts(sample, home).by_area) == ["home"]


def test_valence_filter(sample):
    positive = EntryFilter(valence=Valence.POSITIVE)
    assert [(s.name, s.entries) for s in queries.pareto(sample, positive)] == [(DEPLOYS, 1), (PITCH, 1)]
    mix = queries.input_mix(sample, positive)
    assert set(mix.entries) == {Valence.POSITIVE} and mix.total(Valence.POSITIVE) == 6
    timeline = queries.timeline(sample, positive)
    assert [s.total for s in timeline.series] == [1, 1]


def test_a_short_date_range_is_counted_per_week(sample):
    autumn = EntryFilter(since=date(2026, 10, 1), until=date(2026, 11, 30))
    counts = queries.outcome_counts(sample, autumn)
    assert counts.unit is Unit.WEEK
    assert counts.starts[0] == date(2026, 9, 28) and counts.starts[-1] == date(2026, 11, 30)
    assert counts.total == 5
    negative = counts.by_valence[Valence.NEGATIVE]
    week_of = {start: n for start, n in zip(counts.starts, negative, strict=True) if n}
    assert week_of == {date(2026, 10, 5): 1, date(2026, 11, 9): 1, date(2026, 11, 16): 1}
    timeline = queries.timeline(sample, autumn)
    screens = next(s for s in timeline.series if s.mechanism == SCREENS)
    assert sum(screens.before_fix) == 1 and sum(screens.after_fix) == 1  # 7 Oct before, 20 Nov after 9 Oct


def test_nothing_matching_gives_empty_data(sample):
    none = EntryFilter(since=date(2030, 1, 1))
    assert queries.pareto(sample, none) == []
    assert queries.timeline(sample, none).starts == ()
    assert queries.input_mix(sample, none).is_empty
    assert queries.outcome_counts(sample, none).total == 0


def test_an_empty_journal_gives_empty_data(journal):
    assert queries.timeline(journal).series == ()
    assert queries.mechanism_overview(journal) == []
    assert queries.all_actions(journal) == [] and queries.all_guidelines(journal) == []


# -- merge and rename -------------------------------------------------------------------------

def test_merge_preview_and_merge_keep_counts_right(sample):
    preview = queries.merge_preview(sample, [ALARM], BULK)
    assert (preview.whys, preview.entries, preview.target_entries_after) == (2, 2, 2)
    preview = queries.merge_preview(sample, [SCREENS, "no shared CALENDAR at home"], MANUAL)
    assert (preview.sources, preview.whys, preview.entries, preview.target_entries_after) == (
        (SCREENS, CALENDAR), 4, 3, 5)
    sample.merge_mechanisms([SCREENS, CALENDAR], MANUAL)
    stats = {s.name: (s.entries, s.whys) for s in queries.pareto(sample)}
    assert stats[MANUAL] == (5, 7)  # 3 + 2 + 2 whys, in entries {1, 2, 5} | {4, 6} | {4, 5}
    assert SCREENS not in stats and CALENDAR not in stats
    overview = {row.name: row for row in queries.mechanism_overview(sample)}
    assert overview[MANUAL].done_actions == 2 and overview[MANUAL].first_fix == date(2026, 7, 8)
    assert overview[MANUAL].recurrences == (date(2026, 10, 7), date(2026, 11, 14), date(2026, 11, 20))


def test_merge_preview_refuses_unknown_names(sample):
    with pytest.raises(InvalidValue, match="no mechanism named “Nope”"):
        queries.merge_preview(sample, ["Nope"], BULK)


def test_rename_keeps_counts_and_fixes(sample):
    sample.rename_mechanism(MANUAL, "Steps done from memory")
    stats = {s.name: s.entries for s in queries.pareto(sample)}
    assert stats["Steps done from memory"] == 3 and MANUAL not in stats
    overview = {row.name: row for row in queries.mechanism_overview(sample)}
    assert overview["Steps done from memory"].recurrences == (date(2026, 11, 14),)
    assert len(queries.entries_with_mechanisms(sample, ["steps done from memory"])) == 3


# -- the recurrence-after-fix rule in a hand-made journal ------------------------------------

def _linked_entry(journal: Journal, day: date, mechanism: str) -> tuple[str, str]:
    entry_id = journal.create_entry("outcome", day)
    why_id = journal.add_why(entry_id, None, "Why?", "Because.")
    journal.set_why_mechanisms(why_id, [mechanism])
    return entry_id, why_id


def test_recurrence_is_strictly_after_the_done_date(journal):
    first, why = _linked_entry(journal, date(2026, 1, 10), "M")
    action = journal.add_action(first, why, "fix it")
    _linked_entry(journal, date(2026, 1, 20), "M")
    [row] = queries.mechanism_overview(journal)
    assert row.first_fix is None and not row.recurred_after_fix and row.open_actions == 1
    journal.update_action(action, status=ActionStatus.DONE, done_on=date(2026, 1, 20))
    [row] = queries.mechanism_overview(journal)
    assert row.first_fix == date(2026, 1, 20) and not row.recurred_after_fix  # same day is not after
    _linked_entry(journal, date(2026, 1, 21), "m")
    [row] = queries.mechanism_overview(journal)
    assert row.recurrences == (date(2026, 1, 21),) and row.entries == 3


def test_dropped_and_entry_level_actions_are_not_fixes(journal):
    entry, why = _linked_entry(journal, date(2026, 1, 10), "M")
    dropped = journal.add_action(entry, why, "abandoned")
    journal.update_action(dropped, status=ActionStatus.DROPPED, done_on=date(2026, 1, 11))
    own = journal.add_action(entry, None, "entry-level")
    journal.update_action(own, status=ActionStatus.DONE, done_on=date(2026, 1, 11))
    _linked_entry(journal, date(2026, 2, 1), "M")
    [row] = queries.mechanism_overview(journal)
    assert row.first_fix is None and not row.recurred_after_fix
    assert queries.timeline(journal).series[0].fixes == ()


# -- the fast queries against straightforward references, on a varied generated journal ----------

@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """120 generated entries over 20 mechanisms, with dropped, undated, done-without-a-date and
    entry-level actions mixed in."""
    from tests.benchmarks.generated_journal import generated_entries

    entries, mechanisms = generated_entries(120, 20, whys_per_entry=4)
    with Journal.open(tmp_path_factory.mktemp("varied") / "varied.sqlite", before_migration=None) as journal:
        journal.import_entries(entries, mechanisms)
        items = queries.all_actions(journal, date(2023, 1, 1))
        for item in items[::5]:
            journal.update_action(item.id, status=ActionStatus.DROPPED)
        for item in items[1::7]:
            journal.update_action(item.id, due_on=None)
        for item in items[2::9]:
            journal.update_action(item.id, status=ActionStatus.DONE, done_on=None)
        for item in items[3::11]:
            journal.add_action(item.entry_id, None, f"Entry-level follow-up of {item.text}")
        yield journal


def reference_overview(journal):
    """The Mechanisms table computed the slow, obvious way from whole entries."""
    from journal.domain.model import mechanism_key
    from journal.domain.review import MechanismOverview

    rows = []
    everything = list(journal.all_entries())
    for mechanism in journal.mechanisms():
        key = mechanism_key(mechanism.name)
        linked = [(entry, why) for entry in everything for why, _depth in entry.walk_whys()
                  if key in {mechanism_key(name) for name in why.mechanisms}]
        days = {entry.id: entry.occurred_on for entry, _why in linked}
        actions = [action for _entry, why in linked for action in why.actions]
        fixes = [a.done_on for a in actions if a.status is ActionStatus.DONE and a.done_on is not None]
        first_fix = min(fixes, default=None)
        rows.append(MechanismOverview(
            mechanism.name, mechanism.description, len(days), len(linked), max(days.values(), default=None),
            sum(a.status is ActionStatus.OPEN for a in actions),
            sum(a.status is ActionStatus.DONE for a in actions), first_fix,
            tuple(sorted(d for d in days.values() if d > first_fix)) if first_fix else ()))
    return sorted(rows, key=lambda row: (-row.entries, mechanism_key(row.name)))


def test_mechanism_overview_matches_a_count_from_whole_entries(varied):
    overview = queries.mechanism_overview(varied)
    assert overview == reference_overview(varied)
    assert any(row.recurred_after_fix for row in overview) and any(row.done_actions for row in overview)


@pytest.mark.parametrize("today", [date(2021, 3, 1), date(2023, 6, 15), date(2030, 1, 1)])
def test_first_actions_are_the_first_of_all_actions(varied, today):
    everything = queries.all_actions(varied, today)
    open_count = sum(item.status is ActionStatus.OPEN for item in everything)
    statuses = {item.status for item in everything}
    assert statuses == set(ActionStatus) and any(item.due_on is None for item in everything)
    for count in (1, 7, open_count, open_count + 5, len(everything), len(everything) + 10):
        assert queries.first_actions(varied, count, today) == everything[:count], count


def test_first_actions_of_the_sample_and_of_an_empty_journal(sample, tmp_path):
    today = date(2026, 10, 15)
    assert queries.first_actions(sample, 6, today) == queries.all_actions(sample, today)[:6]
    with Journal.open(tmp_path / "empty.sqlite") as empty:
        assert queries.first_actions(empty, 10, today) == []


def test_actions_with_ids_read_those_actions_as_all_actions_has_them(varied):
    everything = queries.all_actions(varied, date(2023, 6, 15))
    wanted = everything[::3]
    ids = [item.id for item in wanted] + ["no such action"]
    found = {item.id: item for item in queries.actions_with_ids(varied, ids)}
    assert found == {item.id: item for item in wanted}
    assert any(item.mechanisms for item in wanted) and any(not item.mechanisms for item in wanted)
