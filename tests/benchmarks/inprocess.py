"""In-process timings on one journal, printed as JSON: `python inprocess.py --db F --runs N --out DIR`.

Run as a script (not `-m`) with PYTHONPATH set to the checkout being measured, so that `journal`
is imported from there; bench.py starts it once per run and collects what it prints.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

RARE_WORD = "417"  # the number of one mechanism among 500: in about 1% of entries
COMMON_WORD = "the"  # in nearly every entry
CHART_KINDS = ("pareto", "timeline", "inputs", "outcomes")


def timed(action: Callable[[], Any], runs: int) -> list[float]:
    """Seconds taken by each of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def measure(db: Path, runs: int, out: Path) -> dict[str, list[float]]:
    """Every in-process measure, each a list of seconds (one per repetition)."""
    from journal.domain.model import EntryFilter
    from journal.store.repository import Journal

    results: dict[str, list[float]] = {}
    start = time.perf_counter()
    journal = Journal.open(db)
    results["open journal"] = [time.perf_counter() - start]
    with journal:
        newest = journal.list_entries(limit=1)[0]
        results["list newest 100"] = timed(lambda: journal.list_entries(limit=100), runs)
        results["get entry"] = timed(lambda: journal.get_entry(newest.id), runs)
        for label, text in (("rare", RARE_WORD), ("common", COMMON_WORD), ("first letter", "t")):
            _search(journal, results, label, EntryFilter(text=text), runs)
        results["stats (all entries)"] = timed(journal.mechanism_stats, runs)
        last_year = EntryFilter(since=newest.occurred_on - timedelta(days=365))
        results["stats (last year)"] = timed(lambda: journal.mechanism_stats(last_year), runs)
        results["autosave write"] = _autosave(journal, newest.id, runs)
        if importlib.util.find_spec("journal.charts.files") is not None:
            _charts(journal, results, runs, out, EntryFilter())
    return results


def _search(journal: Any, results: dict[str, list[float]], label: str, entry_filter: Any,
            runs: int) -> None:
    """A keystroke in the search box: the first page of matches and how many there are."""
    results[f"search {label}: list 100"] = timed(lambda: journal.list_entries(entry_filter, limit=100), runs)
    results[f"search {label}: count"] = timed(lambda: journal.count_entries(entry_filter), runs)
    results[f"search {label}: keystroke"] = timed(
        lambda: (journal.list_entries(entry_filter, limit=100), journal.count_entries(entry_filter)), runs)


def _autosave(journal: Any, entry_id: str, runs: int) -> list[float]:
    """Saving a changed title (one write transaction, reindexing the entry), put back afterwards."""
    title = journal.get_entry(entry_id).title
    times = timed(lambda: journal.update_entry(entry_id, title=title + " (edited)"), runs)
    journal.update_entry(entry_id, title=title)
    return times


def _charts(journal: Any, results: dict[str, list[float]], runs: int, out: Path, everything: Any) -> None:
    """Each chart as PNG: query, Figure, render and file (the first one also imports matplotlib)."""
    from journal.charts.files import save_chart

    start = time.perf_counter()
    save_chart(journal, CHART_KINDS[0], out / "first.png", everything)
    results["first chart (imports matplotlib)"] = [time.perf_counter() - start]
    for kind in CHART_KINDS:
        results[f"chart {kind}"] = timed(
            lambda kind=kind: save_chart(journal, kind, out / f"{kind}.png", everything), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True, help="a folder for chart files")
    args = parser.parse_args()
    results = measure(args.db, args.runs, args.out)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    json.dump({"times": results, "medians": {k: statistics.median(v) for k, v in results.items()},
               "peak_bytes": peak}, sys.stdout)


if __name__ == "__main__":
    main()
