"""Turning database rows into plain value objects and value objects into rows for bulk inserts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from journal.domain.model import (
    Action,
    Entry,
    EntrySummary,
    Valence,
    Why,
    mechanism_key,
)

Row = Mapping[str, Any]


def summary_from_row(row: Row) -> EntrySummary:
    """The list row of an entry from its table row."""
    return EntrySummary(
        id=row["id"], title=row["title"], occurred_on=row["occurred_on"], area=row["area"],
        valence=Valence(row["valence"]), updated_at=row["updated_at"],
    )


class EntryRows:
    """The rows of many entries, gathered per table for executemany inserts."""

    def __init__(self) -> None:
        self.entry: list[dict[str, Any]] = []
        self.input: list[dict[str, Any]] = []
        self.why: list[dict[str, Any]] = []
        self.why_mechanism: list[dict[str, Any]] = []
        self.action: list[dict[str, Any]] = []
        self.guideline: list[dict[str, Any]] = []

    def add(self, entry: Entry, mechanism_ids: Mapping[str, str]) -> None:
        """Add an entry; `mechanism_ids` maps mechanism keys (see mechanism_key) to ids."""
        self.entry.append({
            "id": entry.id, "title": entry.title, "occurred_on": entry.occurred_on,
            "area": entry.area, "valence": entry.valence.value, "outcome": entry.outcome,
            "notes": entry.notes, "created_at": entry.created_at, "updated_at": entry.updated_at,
        })
        self.input.extend(
            {"id": i.id, "entry_id": entry.id, "position": n, "kind": i.kind.value, "text": i.text}
            for n, i in enumerate(entry.inputs)
        )
        self._add_actions(entry.id, None, entry.actions)
        self.guideline.extend(
            {"id": g.id, "entry_id": entry.id, "position": n, "text": g.text}
            for n, g in enumerate(entry.guidelines)
        )
        for parent_id, position, why in _tree_rows(entry.whys):
            self._add_why(entry.id, parent_id, position, why, mechanism_ids)

    def _add_why(
        self, entry_id: str, parent_id: str | None, position: int, why: Why,
        mechanism_ids: Mapping[str, str],
    ) -> None:
        self.why.append({
            "id": why.id, "entry_id": entry_id, "parent_id": parent_id, "position": position,
            "question": why.question, "answer": why.answer, "root_cause": why.root_cause,
        })
        linked: set[str] = set()
        for name in why.mechanisms:
            mechanism_id = mechanism_ids[mechanism_key(name)]
            if mechanism_id not in linked:
                linked.add(mechanism_id)
                self.why_mechanism.append(
                    {"why_id": why.id, "mechanism_id": mechanism_id, "entry_id": entry_id,
                     "position": len(linked)}
                )
        self._add_actions(entry_id, why.id, why.actions)

    def _add_actions(self, entry_id: str, why_id: str | None, actions: Sequence[Action]) -> None:
        self.action.extend(
            {"id": a.id, "entry_id": entry_id, "why_id": why_id, "position": n, "text": a.text,
             "status": a.status.value, "due_on": a.due_on, "done_on": a.done_on}
            for n, a in enumerate(actions)
        )


def _tree_rows(whys: Sequence[Why], parent_id: str | None = None) -> Iterator[tuple[str | None, int, Why]]:
    """(parent id, position, why) for every why, parents before their children."""
    for position, why in enumerate(whys):
        yield parent_id, position, why
        yield from _tree_rows(why.children, why.id)
