"""Read-only queries behind the review views and charts, returning plain data from journal.domain.review."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
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
    sort_actions,
    timeline_series,
)
from journal.store.chunks import id_chunks
from journal.store.convert import summary_from_row
from journal.store.errors import InvalidValue
from journal.store.repository import Journal, _key, _where
from journal.store.tables import AwareDateTime

TIMELINE_TOP = 5
_STATUS = {status.value: status for status in ActionStatus}  # a dict lookup is much faster than Enum()
# Links name their entry (why_mechanism.entry_id), so counting recurrences needs no join through `why`.
_MECHANISM_LINKS = "FROM why_mechanism wm JOIN mechanism m ON m.id = wm.mechanism_id"
_LINKS = f"{_MECHANISM_LINKS} JOIN entry e ON e.id = wm.entry_id"


@contextlib.contextmanager
def _snapshot(journal: Journal) -> Iterator[sqlite3.Connection]:
    """The sqlite3 connection of one read transaction: every query made in it sees the same journal
    (a load on a worker thread may run while the window writes)."""
    with journal.reading() as session:
        yield session.connection().connection.driver_connection


def _fetch(db: sqlite3.Connection, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Plain tuples, for the queries of many thousand rows."""
    return db.execute(sql, params or {}).fetchall()


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
    with _snapshot(journal) as db:
        days_of = dict(_fetch(db, "SELECT id, occurred_on FROM entry"))
        links = _fetch(db, "SELECT mechanism_id, entry_id, count(*) FROM why_mechanism "
                       "GROUP BY mechanism_id, entry_id")  # walks the (mechanism, entry) index
        actions, fixes = _action_counts(db)
        mechanisms = _fetch(db, "SELECT id, name, description FROM mechanism ORDER BY name_key")
    entry_days: dict[str, list[str]] = defaultdict(list)  # ISO days, one per entry: they sort as dates
    whys: dict[str, int] = defaultdict(int)
    for mechanism_id, entry_id, count in links:
        entry_days[mechanism_id].append(days_of[entry_id])
        whys[mechanism_id] += count
    rows = [_overview(row, entry_days[row[0]], whys[row[0]], actions, fixes.get(row[0]))
            for row in mechanisms]
    return sorted(rows, key=lambda row: -row.entries)


def _overview(mechanism: tuple[str, str, str], days: list[str], whys: int,
              actions: dict[tuple[str, ActionStatus], int], first_fix: str | None) -> MechanismOverview:
    mechanism_id, name, description = mechanism
    return MechanismOverview(
        name=name, description=description, entries=len(days), whys=whys,
        last_seen=_day(max(days, default=None)), open_actions=actions[mechanism_id, ActionStatus.OPEN],
        done_actions=actions[mechanism_id, ActionStatus.DONE], first_fix=_day(first_fix),
        recurrences=tuple(_day(day) for day in sorted(days) if day > first_fix) if first_fix else ())


def _action_counts(db: sqlite3.Connection) -> tuple[dict[tuple[str, ActionStatus], int], dict[str, str]]:
    """Actions per (mechanism id, status) on the whys linked to each mechanism, and the first day one of
    them was done (ISO), in one pass over the actions ("CROSS JOIN": actions first, links by their key)."""
    counts: dict[tuple[str, ActionStatus], int] = defaultdict(int)
    fixes: dict[str, str] = {}
    for mechanism_id, status_text, count, first_done in _fetch(
            db, "SELECT wm.mechanism_id, a.status, count(*), min(a.done_on) "
            "FROM action a CROSS JOIN why_mechanism wm ON wm.why_id = a.why_id "
            "GROUP BY wm.mechanism_id, a.status"):
        status = _STATUS[status_text]
        counts[mechanism_id, status] = count
        if status is ActionStatus.DONE and first_done is not None:
            fixes[mechanism_id] = first_done
    return counts, fixes


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

_ACTION_COLUMNS = ("a.id, a.text, a.status, a.due_on, a.done_on, a.entry_id, e.title, e.occurred_on, "
                   "COALESCE(w.answer, '')")
_ACTION_JOINS = "JOIN entry e ON e.id = a.entry_id LEFT JOIN why w ON w.id = a.why_id"
# sort_actions' order in SQL (ISO dates compare as dates; ties keep the table's order, as the stable sort
# of a scan of it does), for reading the first few actions only
_OPEN_ORDER = ("a.due_on IS NULL OR a.due_on >= :today, COALESCE(a.due_on, '9999-12-31'), "
               "e.occurred_on DESC, a.rowid")
_CLOSED_ORDER = "a.status = 'dropped', COALESCE(a.done_on, '0001-01-01') DESC, e.occurred_on DESC, a.rowid"


def all_actions(journal: Journal, today: date | None = None) -> list[ActionItem]:
    """Every action of every entry with its entry and why; open first, overdue first."""
    with _snapshot(journal) as db:
        rows = _fetch(db, f"SELECT {_ACTION_COLUMNS} FROM action a {_ACTION_JOINS}")
        names = _mechanisms_of_actions(db)
    return sort_actions(_action_items(rows, names), today or date.today())


def first_actions(journal: Journal, count: int, today: date | None = None) -> list[ActionItem]:
    """The first `count` of all_actions(), read without reading them all (to show while they load)."""
    today = today or date.today()
    with _snapshot(journal) as db:
        rows = []
        for status, order in (("= 'open'", _OPEN_ORDER), ("!= 'open'", _CLOSED_ORDER)):
            if len(rows) < count:  # the open ones come first, then done and dropped
                rows += _fetch(db, f"SELECT {_ACTION_COLUMNS} FROM (SELECT a.rowid AS r FROM action a "
                               f"JOIN entry e ON e.id = a.entry_id WHERE a.status {status} ORDER BY {order} "
                               f"LIMIT :count) page JOIN action a ON a.rowid = page.r {_ACTION_JOINS}",
                               {"today": today.isoformat(), "count": count - len(rows)})
        names = _mechanisms_of_actions(db, [row[0] for row in rows])
    return sort_actions(_action_items(rows, names), today)


def actions_with_ids(journal: Journal, action_ids: Sequence[str]) -> list[ActionItem]:
    """These actions as all_actions() has them (in no particular order; unknown ids are left out)."""
    rows: list[tuple] = []
    with _snapshot(journal) as db:
        for chunk in id_chunks(action_ids):
            marks, params = _in("a", chunk)
            rows += _fetch(db, f"SELECT {_ACTION_COLUMNS} FROM action a {_ACTION_JOINS} "
                           f"WHERE a.id IN ({marks})", params)
        names = _mechanisms_of_actions(db, [row[0] for row in rows])
    return list(_action_items(rows, names))


def _action_items(rows: list[tuple], names: dict[str, tuple[str, ...]]) -> Iterator[ActionItem]:
    day, status_of, no_names = _day, _STATUS, ()
    return (ActionItem(action_id, text, status_of[status], day(due_on), day(done_on), entry_id, title,
                       day(occurred_on), answer, names.get(action_id, no_names))
            for action_id, text, status, due_on, done_on, entry_id, title, occurred_on, answer in rows)


def _mechanisms_of_actions(db: sqlite3.Connection,
                           action_ids: Sequence[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The mechanism names of each action's why, in the why's order, by action id (only actions on
    whys with mechanisms appear; the links are read by their key, one action after another)."""
    name_of = dict(_fetch(db, "SELECT id, name FROM mechanism"))
    sql = "SELECT a.id, wm.mechanism_id FROM action a CROSS JOIN why_mechanism wm ON wm.why_id = a.why_id "
    if action_ids is None:
        links = _fetch(db, f"{sql} ORDER BY a.rowid, wm.position")
    else:
        links = []
        for chunk in id_chunks(action_ids):
            marks, params = _in("a", chunk)
            links += _fetch(db, f"{sql} WHERE a.id IN ({marks}) ORDER BY a.rowid, wm.position", params)
    names: dict[str, tuple[str, ...]] = {}
    for action_id, mechanism_id in links:
        names[action_id] = names.get(action_id, ()) + (name_of[mechanism_id],)
    return names


def all_guidelines(journal: Journal) -> list[GuidelineItem]:
    """Every guideline with its entry, the newest entry first."""
    rows = _rows(journal, "SELECT g.id, g.text, g.entry_id, e.title, e.occurred_on FROM guideline g "
                 "JOIN entry e ON e.id = g.entry_id ORDER BY e.occurred_on DESC, e.created_at DESC, "
                 "e.id, g.position", dates=("occurred_on",))
    return [GuidelineItem(row["id"], row["text"], row["entry_id"], row["title"], row["occurred_on"])
            for row in rows]
