"""Time each review chart's query, figure build and PNG render on a large generated journal.

Run: python -m tests.benchmarks.review_charts [--entries 10000] [--mechanisms 500] [--db PATH] [--shots DIR]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journal.charts import kinds
from journal.domain.model import EntryFilter
from journal.store.repository import Journal
from tests.benchmarks.generated_journal import generated_entries


def timed(work: Callable[[], object], runs: int) -> tuple[float, object]:
    """The median CPU time of this process over `runs` calls, and the last result.

    CPU time, not wall time: the machine may be shared, and these steps are single-threaded
    work on a database already in the page cache, so CPU time is what an idle machine would wait.
    """
    times, result = [], None
    for _ in range(runs):
        start = time.process_time()
        result = work()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def wall(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def fill(journal: Journal, entries: int, mechanisms: int) -> None:
    if journal.count_entries():
        return
    made, names = generated_entries(entries, mechanisms)
    start = time.perf_counter()
    for first in range(0, len(made), 1000):
        journal.import_entries(made[first:first + 1000], names if first == 0 else ())
    print(f"imported {len(made)} entries in {time.perf_counter() - start:.1f} s")


def measure(journal: Journal, runs: int, shots: Path | None) -> None:
    from journal.charts.files import EXPORT_DPI

    print(f"{'chart':10} {'query':>8} {'build':>8} {'q+build':>8} {'png':>8} {'wall':>8}"
          f"   (median CPU seconds of {runs}; wall: one more run of all three)")
    for kind in kinds.KINDS:
        query, data = timed(lambda kind=kind: kinds.load(journal, kind, EntryFilter()), runs)
        build, figure = timed(lambda kind=kind, data=data: kinds.draw(kind, data), runs)
        png, image = timed(lambda figure=figure: _png(figure, EXPORT_DPI), runs)
        whole = wall(lambda kind=kind: _png(kinds.draw(kind, kinds.load(journal, kind)), EXPORT_DPI))
        print(f"{kind:10} {query:8.3f} {build:8.3f} {query + build:8.3f} {png:8.3f} {whole:8.3f}")
        if shots:
            (shots / f"{kind}.png").write_bytes(image)


def measure_views(journal: Journal, runs: int) -> None:
    from journal.domain.review import near_duplicates
    from journal.store import review_queries as queries

    for name, work in (("mechanism overview", lambda: queries.mechanism_overview(journal)),
                       ("all actions", lambda: queries.all_actions(journal)),
                       ("all guidelines", lambda: queries.all_guidelines(journal)),
                       ("near duplicates", lambda: near_duplicates([m.name for m in journal.mechanisms()]))):
        seconds, _result = timed(work, runs)
        print(f"{name:20} {seconds:8.3f}")


def _png(figure: object, dpi: int) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--mechanisms", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="journal to use (filled when empty); default: a temp file")
    parser.add_argument("--shots", type=Path, help="folder to write the charts to as PNG")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="fivewhys-bench-")) / "bench.sqlite"
    with Journal.open(db) as journal:
        fill(journal, args.entries, args.mechanisms)
        print(f"{journal.count_entries()} entries, {len(journal.mechanisms())} mechanisms in {db}")
        measure(journal, args.runs, args.shots)
        measure_views(journal, args.runs)


if __name__ == "__main__":
    main()
