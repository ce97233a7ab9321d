"""Immutable value objects of a journal: entries, inputs, whys, mechanisms, actions, guidelines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum


class Valence(StrEnum):
    """Whether an outcome was wanted: a measurement's sign, not a verdict on the inputs."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    MIXED = "mixed"


class InputKind(StrEnum):
    """What kind of thing went into an outcome."""

    PROCESS = "process"
    ACTION = "action"
    LUCK = "luck"
    TIME = "time"


class ActionStatus(StrEnum):
    """Where a follow-up action stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


def new_id() -> str:
    """A fresh random identifier (uuid4 as text)."""
    import uuid  # here, not at the top: uuid imports `platform`, which slows the window's start

    return str(uuid.uuid4())


def mechanism_key(name: str) -> str:
    """What makes two mechanism names the same: equal after trimming and ignoring case."""
    return name.strip().casefold()


def now_utc() -> datetime:
    """The current moment, timezone-aware, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Input:
    """Something that went into an outcome."""

    kind: InputKind
    text: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Action:
    """A task born from a why or from the entry itself."""

    text: str = ""
    status: ActionStatus = ActionStatus.OPEN
    due_on: date | None = None
    done_on: date | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Guideline:
    """A personal rule adopted because of an entry."""

    text: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Why:
    """A node of the why-tree: a question, its answer and the whys asked of that answer."""

    question: str = ""
    answer: str = ""
    root_cause: bool = False
    mechanisms: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    children: tuple[Why, ...] = ()
    id: str = field(default_factory=new_id)

    def walk(self, depth: int = 1) -> Iterator[tuple[Why, int]]:
        """This why and every why below it, depth first, with their depth (this one at `depth`)."""
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass(frozen=True)
class Mechanism:
    """A named, reusable cause; names are unique ignoring case."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class Entry:
    """One outcome being examined, with everything learnt from it."""

    title: str
    occurred_on: date
    valence: Valence = Valence.NEGATIVE
    area: str = ""
    outcome: str = ""
    notes: str = ""
    inputs: tuple[Input, ...] = ()
    whys: tuple[Why, ...] = ()
    actions: tuple[Action, ...] = ()
    guidelines: tuple[Guideline, ...] = ()
    id: str = field(default_factory=new_id)
    created_at: datetime = field(default_factory=now_utc)
    updated_at: datetime = field(default_factory=now_utc)

    def walk_whys(self) -> Iterator[tuple[Why, int]]:
        """Every why of the tree, depth first, with its depth (top-level whys at 1)."""
        for why in self.whys:
            yield from why.walk()

    def mechanism_names(self) -> tuple[str, ...]:
        """The distinct mechanism names linked anywhere in the tree, in tree order."""
        seen: dict[str, str] = {}
        for why, _depth in self.walk_whys():
            for name in why.mechanisms:
                seen.setdefault(mechanism_key(name), name)
        return tuple(seen.values())

    def all_actions(self) -> Iterator[Action]:
        """The entry's own actions, then those of every why in tree order."""
        yield from self.actions
        for why, _depth in self.walk_whys():
            yield from why.actions

    def tree_depth(self) -> int:
        """How deep the why-tree goes (0 when there are no whys)."""
        return max((depth for _why, depth in self.walk_whys()), default=0)


@dataclass(frozen=True)
class EntrySummary:
    """What the entry list shows of an entry: one light row."""

    id: str
    title: str
    occurred_on: date
    area: str
    valence: Valence
    updated_at: datetime


@dataclass(frozen=True)
class EntryFilter:
    """Which entries a list, a statistic or a chart is about; empty fields do not filter."""

    since: date | None = None
    until: date | None = None
    area: str | None = None
    valence: Valence | None = None
    mechanism: str | None = None
    text: str = ""


@dataclass(frozen=True)
class MechanismStats:
    """How often one mechanism recurs among the filtered entries."""

    name: str
    entries: int
    whys: int
    first_seen: date
    last_seen: date
