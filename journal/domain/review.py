"""Review maths on plain data: Pareto bars, time buckets, recurrence after a fix, near-duplicate names."""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from journal.domain.model import ActionStatus, InputKind, MechanismStats, Valence

WEEKS_BELOW_DAYS = 92  # a filtered range shorter than about three months is counted per week
PARETO_TOP = 12


class Unit(StrEnum):
    """The length of one time bucket of a chart."""

    MONTH = "month"
    WEEK = "week"


# -- Pareto -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParetoBar:
    """One bar of the Pareto chart: a mechanism, or the tail of small ones folded together."""

    label: str
    names: tuple[str, ...]
    entries: int
    cumulative_share: float

    @property
    def is_others(self) -> bool:
        return len(self.names) != 1


def pareto_bars(stats: Sequence[MechanismStats], top: int = PARETO_TOP) -> list[ParetoBar]:
    """Bars by number of entries, descending; beyond `top` the rest becomes one "Others" bar.

    The cumulative share is of all entry links (an entry with two mechanisms counts for both).
    """
    ordered = sorted(stats, key=lambda s: -s.entries)
    groups = [(s.name, (s.name,), s.entries) for s in ordered]
    if len(ordered) > top + 1:
        tail = ordered[top:]
        groups = groups[:top] + [(f"Others ({len(tail)} mechanisms)", tuple(s.name for s in tail),
                                  sum(s.entries for s in tail))]
    total = sum(count for _label, _names, count in groups) or 1
    bars, running = [], 0
    for label, names, count in groups:
        running += count
        bars.append(ParetoBar(label, names, count, running / total))
    return bars


# -- time buckets -----------------------------------------------------------------------------

def month_start(day: date) -> date:
    return day.replace(day=1)


def week_start(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def bucket_start(day: date, unit: Unit) -> date:
    return month_start(day) if unit is Unit.MONTH else week_start(day)


def next_bucket(start: date, unit: Unit) -> date:
    """The start of the bucket after the one starting at `start`."""
    if unit is Unit.WEEK:
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def choose_unit(first: date, last: date) -> Unit:
    """Weeks for a range under about three months, months otherwise."""
    return Unit.WEEK if (last - first).days < WEEKS_BELOW_DAYS else Unit.MONTH


def bucket_starts(first: date, last: date, unit: Unit) -> tuple[date, ...]:
    """Every bucket from the one holding `first` to the one holding `last`, gaps included."""
    starts, current = [], bucket_start(first, unit)
    while current <= last:
        starts.append(current)
        current = next_bucket(current, unit)
    return tuple(starts)


def bucket_counts(days: Iterable[date], starts: Sequence[date]) -> tuple[int, ...]:
    """How many of `days` fall in each bucket (days before the first bucket are left out)."""
    counts = [0] * len(starts)
    for day in days:
        index = bisect.bisect_right(starts, day) - 1
        if 0 <= index < len(starts):
            counts[index] += 1
    return tuple(counts)


def chart_range(since: date | None, until: date | None, days: Iterable[date]) -> tuple[date, date] | None:
    """The range a chart spans: the filter's bounds, or else the data's first and last day."""
    known = list(days)
    first = since or min(known, default=None)
    last = until or max(known, default=None)
    if first is None or last is None or first > last:
        return None
    return first, last


# -- recurrence after a fix -------------------------------------------------------------------

def recurrences_after_fix(occurrences: Iterable[date], fixes: Iterable[date]) -> tuple[date, ...]:
    """The occurrences strictly after the first fix (the earliest done date of the mechanism's actions)."""
    first_fix = min(fixes, default=None)
    if first_fix is None:
        return ()
    return tuple(sorted(day for day in occurrences if day > first_fix))


@dataclass(frozen=True)
class TimelineSeries:
    """One mechanism over time: occurrences per bucket, split at its first fix."""

    mechanism: str
    before_fix: tuple[int, ...]
    after_fix: tuple[int, ...]
    fixes: tuple[date, ...]
    recurrences: tuple[date, ...]

    @property
    def total(self) -> int:
        return sum(self.before_fix) + sum(self.after_fix)

    @property
    def recurred(self) -> bool:
        return bool(self.recurrences)


@dataclass(frozen=True)
class TimelineData:
    """The recurrence chart: bucket starts and one series per top mechanism."""

    unit: Unit
    starts: tuple[date, ...]
    series: tuple[TimelineSeries, ...]

    @property
    def end(self) -> date:
        """The day after the last bucket."""
        return next_bucket(self.starts[-1], self.unit) if self.starts else date.min


def timeline_series(mechanism: str, occurrences: Sequence[date], fixes: Sequence[date],
                    starts: Sequence[date]) -> TimelineSeries:
    """Bucket a mechanism's occurrence days, apart from those that came back after a fix."""
    recurrences = recurrences_after_fix(occurrences, fixes)
    first_fix = min(fixes, default=None)
    before = [day for day in occurrences if first_fix is None or day <= first_fix]
    return TimelineSeries(mechanism, bucket_counts(before, starts), bucket_counts(recurrences, starts),
                          tuple(sorted(set(fixes))), recurrences)


# -- inputs and outcomes ----------------------------------------------------------------------

@dataclass(frozen=True)
class InputMix:
    """How many inputs of each kind went into the outcomes of each valence."""

    counts: Mapping[Valence, Mapping[InputKind, int]]
    entries: Mapping[Valence, int]

    def count(self, valence: Valence, kind: InputKind) -> int:
        return self.counts.get(valence, {}).get(kind, 0)

    def total(self, valence: Valence) -> int:
        return sum(self.counts.get(valence, {}).values())

    def share(self, valence: Valence, kind: InputKind) -> float:
        total = self.total(valence)
        return self.count(valence, kind) / total if total else 0.0

    @property
    def is_empty(self) -> bool:
        return not any(self.entries.values())


@dataclass(frozen=True)
class OutcomeCounts:
    """Entries per time bucket, by valence and by area (areas most used first, "" is no area)."""

    unit: Unit
    starts: tuple[date, ...]
    by_valence: Mapping[Valence, tuple[int, ...]]
    by_area: Mapping[str, tuple[int, ...]]

    @property
    def total(self) -> int:
        return sum(sum(counts) for counts in self.by_valence.values())


# -- overview rows ----------------------------------------------------------------------------

@dataclass(frozen=True)
class MechanismOverview:
    """A row of the Mechanisms view."""

    name: str
    description: str
    entries: int
    whys: int
    last_seen: date | None
    open_actions: int
    done_actions: int
    first_fix: date | None
    recurrences: tuple[date, ...] = ()

    @property
    def recurred_after_fix(self) -> bool:
        return bool(self.recurrences)


@dataclass(frozen=True)
class ActionItem:
    """An action with where it came from, for the list of all actions."""

    id: str
    text: str
    status: ActionStatus
    due_on: date | None
    done_on: date | None
    entry_id: str
    entry_title: str
    entry_date: date
    why_answer: str = ""
    mechanisms: tuple[str, ...] = ()

    def is_overdue(self, today: date) -> bool:
        return self.status is ActionStatus.OPEN and self.due_on is not None and self.due_on < today


def sort_actions(items: Iterable[ActionItem], today: date) -> list[ActionItem]:
    """Open first (overdue first, then by due date, undated last), then done and dropped, latest first."""
    undated, never = date.max.toordinal(), date.min.toordinal()

    def key(item: ActionItem) -> tuple:
        if item.status is ActionStatus.OPEN:
            due = item.due_on
            return (0, due is None or due >= today, undated if due is None else due.toordinal(),
                    -item.entry_date.toordinal())
        done = item.done_on
        return (1, item.status is ActionStatus.DROPPED, -(never if done is None else done.toordinal()),
                -item.entry_date.toordinal())
    return sorted(items, key=key)


@dataclass(frozen=True)
class GuidelineItem:
    """A guideline with the entry it was adopted from."""

    id: str
    text: str
    entry_id: str
    entry_title: str
    entry_date: date


@dataclass(frozen=True)
class MergePreview:
    """What merging mechanisms would move: links of whys, in how many entries."""

    sources: tuple[str, ...]
    target: str
    whys: int
    entries: int
    target_entries_after: int = 0

    def sentence(self) -> str:
        whys = f"{self.whys} why" + ("" if self.whys == 1 else "s")
        entries = f"{self.entries} entr" + ("y" if self.entries == 1 else "ies")
        return (f"{whys} in {entries} will link to “{self.target}”, which will then appear in "
                f"{self.target_entries_after} entr" + ("y." if self.target_entries_after == 1 else "ies."))


# -- near-duplicate names ---------------------------------------------------------------------

@dataclass(frozen=True)
class NearDuplicate:
    """Two mechanism names that probably mean the same thing."""

    first: str
    second: str
    similarity: float = field(compare=False)


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _normalized(name: str) -> str:
    return _NOT_WORD.sub(" ", name.casefold()).strip()


def near_duplicates(names: Sequence[str], threshold: float = 0.85) -> list[NearDuplicate]:
    """Pairs of names at least `threshold` alike (difflib ratio on case- and punctuation-folded text).

    The ratio is costly, so it is computed only for the pairs whose letters alone could reach the
    threshold (difflib's quick_ratio, for all pairs at once); on 500 names that is under 1% of them.
    """
    folded = [_normalized(name) for name in names]
    found = []
    for i, j in _letter_alike_pairs(folded, threshold):
        score = difflib.SequenceMatcher(None, folded[j], folded[i], autojunk=False).ratio()
        if score >= threshold:
            found.append(NearDuplicate(names[i], names[j], score))
    return sorted(found, key=lambda pair: -pair.similarity)


_BLOCK = 512  # rows of the pair matrix computed at once (keeps memory small for thousands of names)


def _letter_alike_pairs(texts: Sequence[str], threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs (i < j, in order) whose quick ratio 2·(letters in common)/(total length) reaches the threshold.

    Letters in common (a multiset intersection) are a sum of products: a text holds at least t of a
    letter or not, so for each count t a matrix product of those 0/1 tables counts them for all pairs.
    """
    import numpy as np

    alphabet = {letter: column for column, letter in enumerate(sorted(set("".join(texts))))}
    counts = np.zeros((len(texts), max(1, len(alphabet))), dtype=np.int32)
    for row, text in enumerate(texts):
        for letter in text:
            counts[row, alphabet[letter]] += 1
    lengths = counts.sum(axis=1)
    levels = [(counts >= t).astype(np.float64) for t in range(1, int(counts.max(initial=0)) + 1)]
    slack = threshold - 1e-9  # candidates only: the exact ratio decides
    for start in range(0, len(texts), _BLOCK):
        rows = slice(start, start + _BLOCK)
        common = sum((level[rows] @ level.T for level in levels), np.zeros((len(lengths[rows]), len(texts))))
        total = lengths[rows, None] + lengths[None, :]
        alike = (2 * common >= slack * total) | (total == 0)
        alike &= np.arange(len(texts))[None, :] > np.arange(start, start + len(lengths[rows]))[:, None]
        for i, j in zip(*np.nonzero(alike), strict=True):
            yield start + int(i), int(j)


def describe_filter(since: date | None, until: date | None, area: str | None,
                    valence: Valence | str | None) -> str:
    """A short line naming the filters of a chart ("" when nothing is filtered)."""
    parts = []
    if since and until:
        parts.append(f"{since:%d %b %Y} – {until:%d %b %Y}")
    elif since:
        parts.append(f"since {since:%d %b %Y}")
    elif until:
        parts.append(f"until {until:%d %b %Y}")
    if area:
        parts.append(f"area: {area}")
    if valence:
        parts.append(f"{Valence(valence).value} outcomes")
    return "  ·  ".join(parts)
