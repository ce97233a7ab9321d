"""Review maths: Pareto bars, time buckets, the recurrence-after-fix rule, action order, near duplicates."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.model import ActionStatus, InputKind, MechanismStats, Valence
from journal.domain.review import (
    ActionItem,
    InputMix,
    MergePreview,
    Unit,
    bucket_counts,
    bucket_starts,
    chart_range,
    choose_unit,
    describe_filter,
    month_start,
    near_duplicates,
    next_bucket,
    pareto_bars,
    recurrences_after_fix,
    sort_actions,
    timeline_series,
    week_start,
)

DAY = date(2026, 5, 1)


def stats(name: str, entries: int) -> MechanismStats:
    return MechanismStats(name, entries, entries, DAY, DAY)


# -- Pareto -----------------------------------------------------------------------------------

def test_pareto_bars_are_descending_with_cumulative_shares_of_all_links():
    bars = pareto_bars([stats("b", 1), stats("a", 3), stats("c", 1)])
    assert [(bar.label, bar.entries) for bar in bars] == [("a", 3), ("b", 1), ("c", 1)]
    assert [bar.cumulative_share for bar in bars] == pytest.approx([0.6, 0.8, 1.0])
    assert not any(bar.is_others for bar in bars)


def test_pareto_bars_fold_the_tail_into_one_others_bar():
    bars = pareto_bars([stats(name, count) for name, count in
                        [("a", 9), ("b", 5), ("c", 3), ("d", 2), ("e", 1)]], top=2)
    assert [bar.label for bar in bars] == ["a", "b", "Others (3 mechanisms)"]
    assert bars[-1].names == ("c", "d", "e")
    assert bars[-1].entries == 6
    assert bars[-1].is_others
    assert bars[-1].cumulative_share == pytest.approx(1.0)
    assert bars[0].cumulative_share == pytest.approx(9 / 20)


def test_pareto_bars_do_not_fold_a_single_extra_mechanism():
    bars = pareto_bars([stats(name, 1) for name in "abc"], top=2)
    assert [bar.label for bar in bars] == ["a", "b", "c"]


def test_pareto_bars_of_nothing_is_empty():
    assert pareto_bars([]) == []


# -- buckets ----------------------------------------------------------------------------------

def test_bucket_starts_are_months_or_mondays():
    assert month_start(date(2026, 2, 17)) == date(2026, 2, 1)
    assert week_start(date(2026, 5, 14)) == date(2026, 5, 11)  # a Thursday -> its Monday
    assert week_start(date(2026, 5, 11)) == date(2026, 5, 11)
    assert next_bucket(date(2026, 12, 1), Unit.MONTH) == date(2027, 1, 1)
    assert next_bucket(date(2026, 12, 28), Unit.WEEK) == date(2027, 1, 4)


def test_bucket_starts_cover_the_range_with_gaps_included():
    assert bucket_starts(date(2026, 11, 20), date(2027, 2, 3), Unit.MONTH) == (
        date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1))
    assert bucket_starts(date(2026, 5, 13), date(2026, 5, 25), Unit.WEEK) == (
        date(2026, 5, 11), date(2026, 5, 18), date(2026, 5, 25))


def test_bucket_counts_put_each_day_in_its_bucket_and_leave_out_earlier_days():
    starts = bucket_starts(date(2026, 5, 1), date(2026, 7, 31), Unit.MONTH)
    days = [date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 31), date(2026, 7, 31)]
    assert bucket_counts(days, starts) == (2, 0, 1)


def test_weeks_are_used_below_about_three_months():
    assert choose_unit(DAY, DAY + timedelta(days=91)) is Unit.WEEK
    assert choose_unit(DAY, DAY + timedelta(days=92)) is Unit.MONTH


def test_chart_range_prefers_the_filter_bounds():
    days = [date(2026, 3, 1), date(2026, 9, 1)]
    assert chart_range(None, None, days) == (date(2026, 3, 1), date(2026, 9, 1))
    assert chart_range(date(2026, 1, 1), None, days) == (date(2026, 1, 1), date(2026, 9, 1))
    assert chart_range(None, None, []) is None
    assert chart_range(date(2026, 10, 1), date(2026, 9, 1), days) is None


# -- recurrence after a fix -------------------------------------------------------------------

def test_a_recurrence_is_strictly_after_the_first_fix():
    occurrences = [date(2026, 5, 12), date(2026, 5, 28), date(2026, 9, 3), date(2026, 6, 1)]
    fixes = [date(2026, 7, 1), date(2026, 5, 28)]
    assert recurrences_after_fix(occurrences, fixes) == (date(2026, 6, 1), date(2026, 9, 3))


def test_no_fix_means_no_recurrence():
    assert recurrences_after_fix([date(2026, 5, 12)], []) == ()


@settings(max_examples=60)
@given(st.lists(st.dates(), max_size=12), st.lists(st.dates(), max_size=4))
def test_recurrences_are_exactly_the_occurrences_after_some_fix(occurrences, fixes):
    found = recurrences_after_fix(occurrences, fixes)
    expected = sorted(day for day in occurrences if any(day > fix for fix in fixes))
    assert list(found) == expected


def test_timeline_series_splits_each_bucket_at_the_first_fix():
    starts = bucket_starts(date(2026, 5, 1), date(2026, 9, 30), Unit.MONTH)
    series = timeline_series("m", [date(2026, 5, 12), date(2026, 5, 30), date(2026, 9, 3)],
                             [date(2026, 5, 28)], starts)
    assert series.before_fix == (1, 0, 0, 0, 0)
    assert series.after_fix == (1, 0, 0, 0, 1)
    assert series.recurrences == (date(2026, 5, 30), date(2026, 9, 3))
    assert series.total == 3 and series.recurred


# -- inputs, actions, merge -------------------------------------------------------------------

def test_input_mix_shares_are_per_valence():
    mix = InputMix({Valence.NEGATIVE: {InputKind.PROCESS: 3, InputKind.LUCK: 1}}, {Valence.NEGATIVE: 2})
    assert mix.total(Valence.NEGATIVE) == 4
    assert mix.share(Valence.NEGATIVE, InputKind.LUCK) == 0.25
    assert mix.share(Valence.POSITIVE, InputKind.LUCK) == 0.0
    assert not mix.is_empty
    assert InputMix({}, {}).is_empty


def action(name: str, status: ActionStatus, due: date | None = None, done: date | None = None) -> ActionItem:
    return ActionItem(name, name, status, due, done, "e", "entry", DAY)


def test_actions_sort_open_overdue_first_then_done_then_dropped():
    today = date(2026, 6, 1)
    items = [action("dropped", ActionStatus.DROPPED), action("done-old", ActionStatus.DONE, done=DAY),
             action("open-undated", ActionStatus.OPEN),
             action("open-later", ActionStatus.OPEN, date(2026, 7, 1)),
             action("overdue", ActionStatus.OPEN, date(2026, 5, 20)),
             action("done-new", ActionStatus.DONE, done=date(2026, 5, 30))]
    assert [item.id for item in sort_actions(items, today)] == [
        "overdue", "open-later", "open-undated", "done-new", "done-old", "dropped"]
    assert items[4].is_overdue(today)
    assert not action("due-today", ActionStatus.OPEN, today).is_overdue(today)
    assert not action("done-late", ActionStatus.DONE, date(2026, 5, 1)).is_overdue(today)


def test_merge_preview_sentence_counts_in_words():
    assert MergePreview(("a",), "B", 1, 1, 3).sentence() == (
        "1 why in 1 entry will link to “B”, which will then appear in 3 entries.")
    assert MergePreview(("a", "c"), "B", 4, 2, 1).sentence().startswith("4 whys in 2 entries")


# -- near duplicates and filter text ----------------------------------------------------------

def test_near_duplicates_find_the_same_name_typed_differently():
    names = ["No alarm on rate of change", "No alarms on rate-of-change", "Screens in the bedroom at night",
             "NO ALARM ON RATE OF CHANGE!"]
    pairs = {(pair.first, pair.second) for pair in near_duplicates(names)}
    assert pairs == {("No alarm on rate of change", "No alarms on rate-of-change"),
                     ("No alarm on rate of change", "NO ALARM ON RATE OF CHANGE!"),
                     ("No alarms on rate-of-change", "NO ALARM ON RATE OF CHANGE!")}


def test_near_duplicates_leave_different_names_alone():
    names = ["No shared calendar at home", "No alarm on rate of change", "Deploys on Friday"]
    assert near_duplicates(names) == []


def test_describe_filter_names_each_filter():
    assert describe_filter(None, None, None, None) == ""
    assert describe_filter(date(2026, 5, 1), date(2026, 6, 30), "home", "negative") == (
        "01 May 2026 – 30 Jun 2026  ·  area: home  ·  negative outcomes")
    assert describe_filter(date(2026, 5, 1), None, None, None) == "since 01 May 2026"


def pairwise_near_duplicates(names, threshold=0.85):
    """The obvious way: difflib's ratio for every pair (what near_duplicates must agree with)."""
    import difflib

    from journal.domain.review import NearDuplicate, _normalized

    found = []
    for i, first in enumerate(names):
        for j in range(i + 1, len(names)):
            score = difflib.SequenceMatcher(None, _normalized(names[j]), _normalized(first),
                                            autojunk=False).ratio()
            if score >= threshold:
                found.append(NearDuplicate(first, names[j], score))
    return sorted(found, key=lambda pair: -pair.similarity)


def exactly(pairs):
    return [(pair.first, pair.second, pair.similarity) for pair in pairs]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcde -!É", min_size=0, max_size=12), max_size=14),
       st.sampled_from([0.5, 0.85, 1.0]))
def test_near_duplicates_agree_with_comparing_every_pair(names, threshold):
    assert exactly(near_duplicates(names, threshold)) == exactly(pairwise_near_duplicates(names, threshold))


def test_near_duplicates_agree_with_comparing_every_pair_on_many_generated_names():
    from tests.benchmarks.generated_journal import mechanism_names

    names = mechanism_names(90) + [f"No reminder for case {n:03d}!" for n in range(0, 90, 7)]
    found = near_duplicates(names)
    assert len(found) > 30
    assert exactly(found) == exactly(pairwise_near_duplicates(names))


def test_names_of_only_punctuation_are_alike():
    assert exactly(near_duplicates(["!!", "?", "Real name"])) == [("!!", "?", 1.0)]
