"""Turning database rows into plain value objects and value objects into rows for bulk inserts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from journal.domain.model import (
    Action,
    ActionStatus,
    Entry,
    EntrySummary,
    Guideline,
    Input,
    InputKind,
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


def action_from_row(row: Row) -> Action:
    """An action value from its table row."""
    return Action(
        id=row["id"], text=row["text"], status=ActionStatus(row["status"]),
        due_on=row["due_on"], done_on=row["done_on"],
    )


def entry_from_rows(
    entry: Row, inputs: Sequence[Row], whys: Sequence[Row], links: Sequence[Row],
    actions: Sequence[Row], guidelines: Sequence[Row],
) -> Entry:
    """A whole entry, its why-tree rebuilt from parent links, lists in stored order."""
    names_by_why: dict[str, list[str]] = defaultdict(list)
    for link in links:
        names_by_why[link["why_id"]].append(link["name"])
    actions_by_why: dict[str | None, list[Action]] = defaultdict(list)
    for row in actions:
        actions_by_why[row["why_id"]].append(action_from_row(row))
    children: dict[str | None, list[Row]] = defaultdict(list)
    for row in whys:
        children[row["parent_id"]].append(row)

    def build(parent_id: str | None) -> tuple[Why, ...]:
        return tuple(
            Why(
                id=row["id"], question=row["question"], answer=row["answer"],
                root_cause=bool(row["root_cause"]), mechanisms=tuple(names_by_why[row["id"]]),
                actions=tuple(actions_by_why[row["id"]]), children=build(row["id"]),
            )
            for row in children[parent_id]
        )

    return Entry(
        id=entry["id"], title=entry["title"], occurred_on=entry["occurred_on"],
        area=entry["area"], valence=Valence(entry["valence"]), outcome=entry["outcome"],
        notes=entry["notes"], created_at=entry["created_at"], updated_at=entry["updated_at"],
        inputs=tuple(Input(id=r["id"], kind=InputKind(r["kind"]), text=r["text"]) for r in inputs),
        whys=build(None), actions=tuple(actions_by_why[None]),
        guidelines=tuple(Guideline(id=r["id"], text=r["text"]) for r in guidelines),
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
