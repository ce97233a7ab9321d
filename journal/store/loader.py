"""Whole entries read in bulk: six queries per batch of ids, plain sqlite3 tuples, no ORM objects."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from journal.domain.model import Action, ActionStatus, Entry, Guideline, Input, InputKind, Valence, Why

# Each query reads one table for a batch of entries; rows come in stored order within each entry.
_ENTRY_SQL = ("SELECT id, title, occurred_on, area, valence, outcome, notes, created_at, updated_at "
              "FROM entry WHERE id IN ({ids})")
_INPUT_SQL = "SELECT entry_id, id, kind, text FROM input WHERE entry_id IN ({ids}) ORDER BY position"
_WHY_SQL = ("SELECT entry_id, parent_id, id, question, answer, root_cause FROM why "
            "WHERE entry_id IN ({ids}) ORDER BY position")
_LINK_SQL = ("SELECT wm.why_id, m.name FROM why_mechanism wm JOIN mechanism m ON m.id = wm.mechanism_id "
             "WHERE wm.entry_id IN ({ids}) ORDER BY wm.position")
_ACTION_SQL = ("SELECT entry_id, why_id, id, text, status, due_on, done_on FROM action "
               "WHERE entry_id IN ({ids}) ORDER BY position")
_GUIDELINE_SQL = "SELECT entry_id, id, text FROM guideline WHERE entry_id IN ({ids}) ORDER BY position"

# Stored texts to enum members by dictionary (an unknown text still fails as the enum call would).
_VALENCES = {member.value: member for member in Valence}
_KINDS = {member.value: member for member in InputKind}
_STATUSES = {member.value: member for member in ActionStatus}


def load_entries(connection: sqlite3.Connection, ids: Sequence[str]) -> list[Entry]:
    """The entries with these ids, whole and in the order of `ids` (ids not found are left out)."""
    if not ids:
        return []
    batch = _Batch(connection, ids)
    rows = batch.rows(_ENTRY_SQL)
    by_id = {row[0]: row for row in rows}
    return [batch.entry(by_id[entry_id]) for entry_id in ids if entry_id in by_id]


class _Batch:
    """The child rows of a batch of entries, grouped by the entry or why they belong to."""

    def __init__(self, connection: sqlite3.Connection, ids: Sequence[str]) -> None:
        self._connection, self._ids = connection, tuple(ids)
        self._marks = ", ".join("?" * len(ids))
        self.inputs = _grouped(self.rows(_INPUT_SQL), _input)
        self.guidelines = _grouped(self.rows(_GUIDELINE_SQL), _guideline)
        self.names = _grouped(self.rows(_LINK_SQL), _name)
        actions = self.rows(_ACTION_SQL)
        self.entry_actions = _grouped([row for row in actions if row[1] is None], _action)
        self.why_actions = _grouped([row[1:] for row in actions if row[1] is not None], _action)
        whys = self.rows(_WHY_SQL)
        self.top_whys = _grouped([row for row in whys if row[1] is None], _skip_parent)
        self.child_whys = _grouped([row[1:] for row in whys if row[1] is not None], _same)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        cursor = self._connection.cursor()
        try:
            cursor.row_factory = None
            return cursor.execute(sql.format(ids=self._marks), self._ids).fetchall()
        finally:
            cursor.close()

    def entry(self, row: tuple[Any, ...]) -> Entry:
        entry_id, title, occurred_on, area, valence, outcome, notes, created_at, updated_at = row
        return Entry(
            id=entry_id, title=title, occurred_on=date.fromisoformat(occurred_on), area=area,
            valence=_VALENCES.get(valence) or Valence(valence), outcome=outcome, notes=notes,
            created_at=datetime.fromisoformat(created_at), updated_at=datetime.fromisoformat(updated_at),
            inputs=tuple(self.inputs.get(entry_id, ())), whys=self.whys(self.top_whys.get(entry_id, ())),
            actions=tuple(self.entry_actions.get(entry_id, ())),
            guidelines=tuple(self.guidelines.get(entry_id, ())),
        )

    def whys(self, rows: Sequence[tuple[Any, ...]]) -> tuple[Why, ...]:
        """The whys of these rows (id, question, answer, root_cause), each with its subtree."""
        return tuple([
            Why(id=why_id, question=question, answer=answer, root_cause=bool(root_cause),
                mechanisms=tuple(self.names.get(why_id, ())), actions=tuple(self.why_actions.get(why_id, ())),
                children=self.whys(self.child_whys.get(why_id, ())))
            for why_id, question, answer, root_cause in rows
        ])


def _grouped(rows: list[tuple[Any, ...]], value: Any) -> dict[str, list[Any]]:
    """`value(row)` of each row, listed under the row's first column, in row order."""
    groups: dict[str, list[Any]] = {}
    for row in rows:
        group = groups.get(row[0])
        if group is None:
            groups[row[0]] = group = []
        group.append(value(row))
    return groups


def _input(row: tuple[Any, ...]) -> Input:
    _entry_id, input_id, kind, text = row
    return Input(id=input_id, kind=_KINDS.get(kind) or InputKind(kind), text=text)


def _guideline(row: tuple[Any, ...]) -> Guideline:
    return Guideline(id=row[1], text=row[2])


def _name(row: tuple[Any, ...]) -> str:
    return row[1]


def _action(row: tuple[Any, ...]) -> Action:
    *_owners, action_id, text, status, due_on, done_on = row
    return Action(id=action_id, text=text, status=_STATUSES.get(status) or ActionStatus(status),
                  due_on=_date(due_on), done_on=_date(done_on))


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _skip_parent(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return row[2:]


def _same(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return row[1:]
