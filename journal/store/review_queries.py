"""Read-only queries behind the review views and charts, returning plain data from journal.domain.review."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from journal.domain.model import (
    ActionStatus,
    EntryFilter,
    EntrySummary,
    InputKind,
    MechanismStats,
    Valence,
)
from journal.domain.review import (
    ActionItem,
    GuidelineItem,
    InputMix,
    MechanismOverview,
    MergePreview,
    OutcomeCounts,
    TimelineData,
    bucket_counts,
    bucket_starts,
    chart_range,
    choose_unit,
    recurrences_after_fix,
    sort_actions,
    timeline_series,
)
from journal.store.convert import summary_from_row
from journal.store.errors import InvalidValue
from journal.store.repository import Journal, _key, _where
from journal.store.tables import AwareDateTime

TIMELINE_TOP = 5
_STATUS = {status.value: status for status in ActionStatus}  # a dict lookup is much faster than Enum()
# Links name their entry (why_mechanism.entry_id), so counting recurrences needs no join through `why`.
_MECHANISM_LINKS = "FROM why_mechanism wm JOIN mechanism m ON m.id = wm.mechanism_id"
_LINKS = f"{_MECHANISM_LINKS} JOIN entry e ON e.id = wm.entry_id"


def _rows(journal: Journal, sql: str, params: dict[str, Any] | None = None,
          dates: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Rows as dicts straight from the sqlite3 cursor (tens of thousands fast); `dates` columns parsed."""
    with journal.reading() as session:
        cursor = session.connection().connection.driver_connection.execute(sql, params or {})
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    for row in rows:
        for column in dates:
            row[column] = _day(row[column])
    return rows


@functools.lru_cache(maxsize=8192)
def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _in(prefix: str, values: Sequence[str]) -> tuple[str, dict[str, str]]:
    """Named placeholders for an IN (...) list, and their parameters."""
    params = {f"{prefix}{n}": value for n, value in enumerate(values)}
    return ", ".join(f":{name}" for name in params) or "NULL", params


# -- charts -----------------------------------------------------------------------------------

def pareto(journal: Journal, entry_filter: EntryFilter = EntryFilter()) -> list[MechanismStats]:
    """Mechanisms by number of filtered entries, the most frequent first."""
    return journal.mechanism_stats(entry_filter)


def entries_with_mechanisms(journal: Journal, names: Sequence[str],
                            entry_filter: EntryFilter = EntryFilter()) -> list[EntrySummary]:
    """The filtered entries linked to any of these mechanisms, newest first (the entries behind a bar)."""
    where, params = _where(entry_filter)
    marks, keys = _in("k", [_key(name) for name in names])
    sql = ("SELECT e.id, e.title, e.occurred_on, e.area, e.valence, e.updated_at FROM entry e "
           f"WHERE {where} AND e.id IN (SELECT wm.entry_id {_MECHANISM_LINKS} "
           f"WHERE m.name_key IN ({marks})) ORDER BY e.occurred_on DESC, e.created_at DESC, e.id")
    with journal.reading() as session:
        query = sa.text(sql).columns(occurred_on=sa.Date, updated_at=AwareDateTime)
        rows = session.connection().execute(query, params | keys).mappings()
        return [summary_from_row(row) for row in rows]


def _entry_days(journal: Journal, entry_filter: EntryFilter) -> list[date]:
    where, params = _where(entry_filter)
    row = _rows(journal, f"SELECT min(e.occurred_on) AS first, max(e.occurred_on) AS last "
                f"FROM entry e WHERE {where}", params, dates=("first", "last"))[0]
    return [day for day in (row["first"], row["last"]) if day is not None]


def timeline(journal: Journal, entry_filter: EntryFilter = EntryFilter(),
             top: int = TIMELINE_TOP) -> TimelineData:
    """Occurrences per month (per week for short ranges) of the top mechanisms, with their fixes."""
    span = chart_range(entry_filter.since, entry_filter.until, _entry_days(journal, entry_filter))
    if span is None:
        return TimelineData(choose_unit(date.today(), date.today()), (), ())
    unit = choose_unit(*span)
    starts = bucket_starts(*span, unit)
    names = [stats.name for stats in pareto(journal, entry_filter)[:top]]
    occurrences = _occurrence_days(journal, names, entry_filter)
    fixes = _fix_days(journal, names)
    series = tuple(timeline_series(name, occurrences.get(name, []), fixes.get(name, []), starts)
                   for name in names)
    return TimelineData(unit, starts, series)


def _occurrence_days(journal: Journal, names: Sequence[str],
                     entry_filter: EntryFilter) -> dict[str, list[date]]:
    """The days of the filtered entries linked to each named mechanism, one per entry."""
    where, params = _where(entry_filter)
    marks, keys = _in("k", [_key(name) for name in names])
    sql = f"SELECT DISTINCT m.name, e.id, e.occurred_on {_LINKS} WHERE {where} AND m.name_key IN ({marks})"
    days: dict[str, list[date]] = defaultdict(list)
    for row in _rows(journal, sql, params | keys, dates=("occurred_on",)):
        days[row["name"]].append(row["occurred_on"])
    return days


def _fix_days(journal: Journal, names: Sequence[str] | None = None) -> dict[str, list[date]]:
    """The done dates of the actions hanging on whys linked to each mechanism (all mechanisms if None)."""
    if names is None:
        only, keys = "", {}
    else:
        marks, keys = _in("k", [_key(name) for name in names])
        only = f"AND m.name_key IN ({marks})"
    # "+a.status": not the status index, so a few named mechanisms go through their links' whys instead.
    sql = ("SELECT DISTINCT m.name, a.done_on FROM mechanism m "
           "JOIN why_mechanism wm ON wm.mechanism_id = m.id JOIN action a ON a.why_id = wm.why_id "
           f"WHERE +a.status = 'done' AND a.done_on IS NOT NULL {only}")
    days: dict[str, list[date]] = defaultdict(list)
    for row in _rows(journal, sql, keys, dates=("done_on",)):
        days[row["name"]].append(row["done_on"])
    return days


def input_mix(journal: Journal, entry_filter: EntryFilter = EntryFilter()) -> InputMix:
    """Inputs of each kind among the filtered entries of each valence."""
    where, params = _where(entry_filter)
    counts: dict[Valence, dict[InputKind, int]] = defaultdict(dict)
    for row in _rows(journal, "SELECT e.valence, i.kind, count(*) AS n FROM input i "
                     f"JOIN entry e ON e.id = i.entry_id WHERE {where} GROUP BY e.valence, i.kind", params):
        counts[Valence(row["valence"])][InputKind(row["kind"])] = row["n"]
    entries = {Valence(row["valence"]): row["n"] for row in _rows(
        journal, f"SELECT e.valence, count(*) AS n FROM entry e WHERE {where} GROUP BY e.valence", params)}
    return InputMix(dict(counts), entries)


def outcome_counts(journal: Journal, entry_filter: EntryFilter = EntryFilter()) -> OutcomeCounts:
    """Filtered entries per month (per week for short ranges), by valence and by area."""
    where, params = _where(entry_filter)
    rows = _rows(journal, "SELECT e.occurred_on, e.valence, e.area, count(*) AS n FROM entry e "
                 f"WHERE {where} GROUP BY e.occurred_on, e.valence, e.area", params, dates=("occurred_on",))
    span = chart_range(entry_filter.since, entry_filter.until, (row["occurred_on"] for row in rows))
    unit = choose_unit(*span) if span else choose_unit(date.today(), date.today())
    starts = bucket_starts(*span, unit) if span else ()
    by_valence: dict[Valence, list[date]] = defaultdict(list)
    by_area: dict[str, list[date]] = defaultdict(list)
    for row in rows:
        days = [row["occurred_on"]] * row["n"]
        by_valence[Valence(row["valence"])].extend(days)
        by_area[row["area"]].extend(days)
    areas = sorted(by_area, key=lambda area: (-len(by_area[area]), area == "", area.casefold()))
    return OutcomeCounts(unit, starts,
                         {v: bucket_counts(by_valence[v], starts) for v in Valence if v in by_valence},
                         {area: bucket_counts(by_area[area], starts) for area in areas})


# -- mechanisms -------------------------------------------------------------------------------

def mechanism_overview(journal: Journal) -> list[MechanismOverview]:
    """Every mechanism with its entries, last appearance, actions and whether it came back after a fix."""
    entry_days: dict[str, dict[str, date]] = defaultdict(dict)
    whys: dict[str, int] = defaultdict(int)
    links = _rows(journal, "SELECT wm.mechanism_id AS mid, wm.entry_id AS eid, e.occurred_on AS day "
                  "FROM why_mechanism wm JOIN entry e ON e.id = wm.entry_id",
                  dates=("day",))
    for link in links:
        entry_days[link["mid"]][link["eid"]] = link["day"]
        whys[link["mid"]] += 1
    actions, fixes = _action_counts(journal), _fix_days(journal)
    rows = [_overview(row, entry_days[row["id"]], whys[row["id"]], actions, fixes.get(row["name"], []))
            for row in _rows(journal, "SELECT id, name, description FROM mechanism ORDER BY name_key")]
    return sorted(rows, key=lambda row: -row.entries)


def _overview(mechanism: dict[str, Any], days: dict[str, date], whys: int,
              actions: dict[tuple[str, ActionStatus], int], fixes: list[date]) -> MechanismOverview:
    name = mechanism["name"]
    return MechanismOverview(
        name=name, description=mechanism["description"], entries=len(days), whys=whys,
        last_seen=max(days.values(), default=None), open_actions=actions[name, ActionStatus.OPEN],
        done_actions=actions[name, ActionStatus.DONE], first_fix=min(fixes, default=None),
        recurrences=recurrences_after_fix(days.values(), fixes))


def _action_counts(journal: Journal) -> dict[tuple[str, ActionStatus], int]:
    counts: dict[tuple[str, ActionStatus], int] = defaultdict(int)
    for row in _rows(journal, "SELECT m.name, a.status, count(DISTINCT a.id) AS n FROM action a "
                     "JOIN why_mechanism wm ON wm.why_id = a.why_id "
                     "JOIN mechanism m ON m.id = wm.mechanism_id GROUP BY m.id, a.status"):
        counts[row["name"], _STATUS[row["status"]]] = row["n"]
    return counts


def merge_preview(journal: Journal, sources: Sequence[str], target: str) -> MergePreview:
    """How many whys and entries move when `sources` are merged into `target`."""
    known = {_key(m.name): m.name for m in journal.mechanisms()}
    for name in (*sources, target):
        if _key(name) not in known:
            raise InvalidValue(f"There is no mechanism named “{name}”.")
    moving = [known[_key(n)] for n in sources if _key(n) != _key(target)]
    whys, entries = _link_counts(journal, moving)
    _whys, after = _link_counts(journal, [*moving, target])
    return MergePreview(tuple(moving), known[_key(target)], whys, entries, after)


def _link_counts(journal: Journal, names: Sequence[str]) -> tuple[int, int]:
    marks, keys = _in("k", [_key(name) for name in names])
    row = _rows(journal, f"SELECT count(DISTINCT wm.why_id) AS whys, count(DISTINCT wm.entry_id) AS entries "
                f"{_MECHANISM_LINKS} WHERE m.name_key IN ({marks})", keys)[0]
    return row["whys"], row["entries"]


# -- actions and guidelines -------------------------------------------------------------------

def all_actions(journal: Journal, today: date | None = None) -> list[ActionItem]:
    """Every action of every entry with its entry and why; open first, overdue first."""
    rows = _rows(journal, "SELECT a.id, a.text, a.status, a.due_on, a.done_on, a.entry_id, a.why_id, "
                 "e.title, e.occurred_on, COALESCE(w.answer, '') AS answer FROM action a "
                 "JOIN entry e ON e.id = a.entry_id LEFT JOIN why w ON w.id = a.why_id",
                 dates=("due_on", "done_on", "occurred_on"))
    names = _mechanisms_of_action_whys(journal)
    items = (ActionItem(
        id=row["id"], text=row["text"], status=_STATUS[row["status"]], due_on=row["due_on"],
        done_on=row["done_on"], entry_id=row["entry_id"], entry_title=row["title"],
        entry_date=row["occurred_on"], why_answer=row["answer"],
        mechanisms=tuple(names.get(row["why_id"], ())),
    ) for row in rows)
    return sort_actions(items, today or date.today())


def _mechanisms_of_action_whys(journal: Journal) -> dict[str, list[str]]:
    """Mechanism names per why, in the why's order (sorted here: cheaper than ORDER BY over every link)."""
    linked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in _rows(journal, f"SELECT wm.why_id, wm.position, m.name {_MECHANISM_LINKS}"):
        linked[row["why_id"]].append((row["position"], row["name"]))
    return {why_id: [name for _position, name in sorted(names)] for why_id, names in linked.items()}


def all_guidelines(journal: Journal) -> list[GuidelineItem]:
    """Every guideline with its entry, the newest entry first."""
    rows = _rows(journal, "SELECT g.id, g.text, g.entry_id, e.title, e.occurred_on FROM guideline g "
                 "JOIN entry e ON e.id = g.entry_id ORDER BY e.occurred_on DESC, e.created_at DESC, "
                 "e.id, g.position", dates=("occurred_on",))
    return [GuidelineItem(row["id"], row["text"], row["entry_id"], row["title"], row["occurred_on"])
            for row in rows]
