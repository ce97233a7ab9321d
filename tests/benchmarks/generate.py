"""Seeded generator of large, realistic journals in JSON v1: `python -m tests.benchmarks.generate --out F`."""

from __future__ import annotations

import argparse
import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

AREAS = ["work", "home", "health", "money", "family", "sport", "study", "friends"]
VALENCES = ["negative"] * 6 + ["positive"] * 3 + ["mixed"]
KINDS = ["process", "action", "luck", "time"]
SUBJECTS = ["the deploy", "the invoice run", "bedtime", "the grant pitch", "the sales call", "dinner",
            "the backup job", "the school run", "the budget", "the quarterly report", "the migration",
            "training", "the release", "homework", "the on-call shift", "the car service", "the garden"]
VERBS = ["failed", "ran late", "went well", "slipped a week", "broke", "surprised us", "stalled",
         "finished early", "needed a redo", "went down"]
NOUNS = ["alarm", "checklist", "calendar", "limit", "review", "reminder", "default", "script", "queue",
         "budget", "handover", "timer", "guardrail", "dashboard", "template", "routine", "lock", "test"]
QUALIFIERS = ["on rate of change", "for bulk operations", "before weekends", "at home", "for new hires",
              "during migrations", "for the school week", "on shared folders", "in the evening",
              "for recurring payments", "before releases", "after travel", "for big orders"]
WORDS = (  # noqa: SIM905  (a sentence is easier to read than a list of words)
    "the a we it was no one had not been because there is missing without any shared plan step "
    "people time data team kids morning night week money sleep server phone meeting note list "
    "order change config test review check window budget coffee rain traffic").split()


def mechanism_names(count: int, rng: random.Random) -> list[str]:
    """Distinct plausible mechanism names, e.g. 'No checklist for new hires'."""
    names: dict[str, str] = {}
    while len(names) < count:
        name = f"No {rng.choice(NOUNS)} {rng.choice(QUALIFIERS)}"
        if len(names) >= 50:
            name += f" ({len(names)})"
        names.setdefault(name.casefold(), name)
    return list(names.values())


def sentence(rng: random.Random, low: int = 6, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def why_tree(rng: random.Random, mechanisms: list[str], budget: int, depth: int = 1) -> list[dict]:
    """A branching tree of about `budget` whys; leaves are root causes with a mechanism or two."""
    whys = []
    while budget > 0:
        size = min(budget, rng.randint(1, 4))
        budget -= size
        children = why_tree(rng, mechanisms, size - 1, depth + 1) if depth < 6 else []
        leaf = not children
        whys.append({
            "question": "Why " + sentence(rng, 3, 8).lower().rstrip(".") + "?",
            "answer": sentence(rng),
            "root_cause": leaf,
            "mechanisms": rng.sample(mechanisms, rng.randint(1, 2)) if leaf else [],
            "actions": [action(rng) for _ in range(rng.randint(0, 1))] if leaf else [],
            "children": children,
        })
    return whys


def action(rng: random.Random) -> dict:
    status = rng.choice(["open", "done", "done", "dropped"])
    due = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3650))
    return {"text": "Add a " + rng.choice(NOUNS) + " " + rng.choice(QUALIFIERS), "status": status,
            "due_on": due.isoformat(), "done_on": due.isoformat() if status == "done" else None}


def entry(rng: random.Random, mechanisms: list[str], day: date, whys: int) -> dict:
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "title": f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)}",
        "occurred_on": day.isoformat(), "area": rng.choice(AREAS), "valence": rng.choice(VALENCES),
        "outcome": sentence(rng, 12, 30), "notes": sentence(rng) if rng.random() < 0.3 else "",
        "inputs": [{"kind": rng.choice(KINDS), "text": sentence(rng, 4, 10)}
                   for _ in range(rng.randint(1, 4))],
        "whys": why_tree(rng, mechanisms, whys),
        "actions": [action(rng) for _ in range(rng.randint(0, 1))],
        "guidelines": [{"text": sentence(rng, 5, 9)}] if rng.random() < 0.2 else [],
    }


def journal(entries: int = 10_000, mechanisms: int = 500, seed: int = 7) -> dict:
    """A journal of about ten years: `entries` entries with ~8 whys each."""
    rng = random.Random(seed)
    names = mechanism_names(mechanisms, rng)
    start = date(2016, 1, 1)
    days = sorted(start + timedelta(days=rng.randint(0, 3650)) for _ in range(entries))
    return {"format": "fivewhys-journal", "version": 1, "exported_at": "2026-12-01T00:00:00Z",
            "mechanisms": [{"name": n, "description": ""} for n in names],
            "entries": [entry(rng, names, day, rng.randint(5, 11)) for day in days]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--mechanisms", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    document = journal(args.entries, args.mechanisms, args.seed)
    args.out.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
