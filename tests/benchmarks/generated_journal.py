"""Deterministic generated journals for benchmarks and legibility checks: many entries, many mechanisms."""

from __future__ import annotations

import random
from datetime import date, timedelta

from journal.domain.model import Action, ActionStatus, Entry, Input, InputKind, Mechanism, Valence, Why

_WORDS = ("alarm", "checklist", "review", "handover", "backup", "calendar", "deploy", "budget", "reminder",
          "owner", "threshold", "rehearsal", "queue", "timeout", "template", "routine", "dashboard")
_AREAS = ("work", "home", "health", "money", "family", "side project", "")


def mechanism_names(count: int, long_every: int = 7) -> list[str]:
    """`count` distinct names; every `long_every`-th is 55-65 characters long."""
    names = []
    for n in range(count):
        word = _WORDS[n % len(_WORDS)]
        if long_every and n % long_every == 3:
            names.append(f"No {word} check before a change reaches all who use it ({n:03d})")
        else:
            names.append(f"No {word} for case {n:03d}")
    return names


def generated_entries(entries: int, mechanisms: int, whys_per_entry: int = 8, seed: int = 7,
                      start: date = date(2021, 1, 4), days: int = 5 * 365
                      ) -> tuple[list[Entry], list[Mechanism]]:
    """Entries with why-trees of `whys_per_entry` whys, mechanisms drawn with a Zipf-like skew."""
    rng = random.Random(seed)
    names = mechanism_names(mechanisms)
    weights = [1 / (rank + 1) for rank in range(mechanisms)]
    made = [_entry(rng, n, names, weights, whys_per_entry, start + timedelta(days=rng.randrange(days)))
            for n in range(entries)]
    return made, [Mechanism(name) for name in names]


def _entry(rng: random.Random, number: int, names: list[str], weights: list[float], whys: int,
           day: date) -> Entry:
    valence = rng.choices(list(Valence), weights=(6, 3, 1))[0]
    inputs = tuple(Input(rng.choice(list(InputKind)), f"input {k} of entry {number}")
                   for k in range(rng.randint(1, 4)))
    return Entry(title=f"Generated outcome {number}", occurred_on=day, valence=valence,
                 area=rng.choice(_AREAS), outcome=f"Measured outcome number {number}.", inputs=inputs,
                 whys=(_tree(rng, names, weights, whys, day),))


def _tree(rng: random.Random, names: list[str], weights: list[float], size: int, day: date) -> Why:
    """A chain of whys with two root-cause leaves at the bottom, `size` whys in all."""
    leaves = tuple(_root_cause(rng, names, weights, day, k) for k in range(min(2, size - 1)))
    why = Why(question="Why?", answer="Because of the step below.", children=leaves)
    for depth in range(size - 1 - len(leaves)):
        why = Why(question=f"Why (level {depth})?", answer="An answer asked of again.", children=(why,))
    return why


def _root_cause(rng: random.Random, names: list[str], weights: list[float], day: date, k: int) -> Why:
    linked = tuple(dict.fromkeys(rng.choices(names, weights=weights, k=rng.randint(1, 2))))
    done = rng.random() < 0.4
    action = Action(text=f"Fix {linked[0]}", status=ActionStatus.DONE if done else ActionStatus.OPEN,
                    due_on=day + timedelta(days=21),
                    done_on=day + timedelta(days=rng.randint(3, 40)) if done else None)
    return Why(question="Why was that possible?", answer=f"Root cause {k}.", root_cause=True,
               mechanisms=linked, actions=(action,))
