"""Time the first look at each review tab in a real window on a copy of a large journal.

Run: python -m tests.benchmarks.review_tabs [--db PATH] [--runs N] [--tabs Charts,Actions]
                                            [--baseline DIR] [--warm] [--gc-freeze] [--profile TAB]
                                            [--shots DIR]

Each run of each tab is a fresh process (offscreen Qt, private XDG folders) that opens the journal in a
MainWindow, clicks the tab and waits until the view has its content. It reports, in milliseconds:
  query   time spent in journal.store.review_queries, near_duplicates and Journal.areas (on any thread)
  model   time spent filling the Qt models (set_rows) on the UI thread
  shown   from the click until the view shows content (table rows, or the chart), perhaps a first part
  ready   from the click until all of the content is in the view (every background load arrived)
  paint   one synchronous repaint of the window after that (for Charts: where matplotlib renders)
  freeze  the longest time the UI thread did not run its event loop, from the click to the paint
then a few follow-ups per tab (typing in the filter, marking an action done, picking a chart...),
each as the longest freeze and the time until the view showed the result.
`--baseline DIR` runs another checkout's code interleaved with this one (compare ratios, not
absolute times: the machine is shared). The journal is copied to a temporary folder first: the
cached one is only read.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHED = Path("/tmp/fivewhys-bench/journal-10000-500-7-0004_speed.sqlite")
# matplotlib's font cache lives in XDG_CACHE_HOME: kept between runs, as a user's would be
FONT_CACHE = Path(tempfile.gettempdir()) / "fivewhys-tabs-cache"
TABS = ("Charts", "Mechanisms", "Actions", "Guidelines")
COLUMNS = ("query", "model", "shown", "ready", "paint", "freeze")
TIMEOUT_S = 60.0
TICK_MS = 4  # the UI loop's pulse while measuring: a longer gap between two ticks is a freeze
CHILD_TIMEOUT_S = 240.0


# -- inside the child process -------------------------------------------------------------------------

class Clock:
    """Accumulates time spent in wrapped functions by kind, and the longest stall of the UI loop."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {"query": 0.0, "model": 0.0}
        self._depth: dict[int, int] = {}
        self.last_tick = time.perf_counter()
        self.longest = 0.0

    def wrap(self, owner: Any, name: str, kind: str) -> None:
        import threading

        original = getattr(owner, name, None)
        if original is None or getattr(original, "_timed", False):
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            thread = threading.get_ident()
            self._depth[thread] = self._depth.get(thread, 0) + 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth[thread] -= 1
                if self._depth[thread] == 0:  # only the outermost call counts
                    self.spent[kind] += time.perf_counter() - start

        timed._timed = True  # type: ignore[attr-defined]
        setattr(owner, name, timed)

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last_tick)
        self.last_tick = now

    def restart(self) -> None:
        self.spent = dict.fromkeys(self.spent, 0.0)
        self.last_tick = time.perf_counter()
        self.longest = 0.0


def instrument(clock: Clock) -> None:
    """Wrap the queries and model fills the review views use (whatever exists in this checkout)."""
    import journal.domain.review as review
    import journal.store.review_queries as queries
    from journal.store.repository import Journal

    for name in dir(queries):
        value = getattr(queries, name)
        if callable(value) and getattr(value, "__module__", "") == queries.__name__ and name[0] != "_":
            clock.wrap(queries, name, "query")
    clock.wrap(review, "near_duplicates", "query")
    clock.wrap(Journal, "areas", "query")
    import journal.ui.review.models as models

    for model in vars(models).values():
        if isinstance(model, type) and hasattr(model, "set_rows"):
            clock.wrap(model, "set_rows", "model")


def wait_until(app: Any, clock: Clock, done: Callable[[], bool]) -> None:
    """Run the event loop as the app would (asleep until something happens) until `done()`."""
    from PySide6.QtCore import QEventLoop, QTimer

    pulse = QTimer()  # wakes the loop (the child's ticker does too; a profile has none)
    pulse.start(TICK_MS)
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the view never finished loading")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    pulse.stop()
    app.processEvents()


def has_content(view: Any) -> bool:
    """Whether the view shows something of the journal (rows, or a chart)."""
    picture = getattr(view, "picture", None)
    if picture is not None:
        return picture.image is not None
    canvas = getattr(view, "canvas", None)  # before the charts were drawn off the UI thread
    if canvas is not None or hasattr(view, "figure"):
        return canvas is not None and is_ready(view)
    return view.model.rowCount() > 0 or is_ready(view)


def is_ready(view: Any) -> bool:
    """Whether the view shows its content (views without a background load are ready at once)."""
    loading = getattr(view, "is_loading", None)
    return not (loading() if callable(loading) else False)


def step(app: Any, clock: Clock, view_of: Callable[[], Any], action: Callable[[], Any],
         paint: Callable[[], Any] | None = None, first_look: bool = False) -> dict[str, float]:
    """Run `action` (one user gesture), wait for the view, then paint; times in milliseconds."""
    clock.restart()
    start = time.perf_counter()
    action()
    clock.tick()
    shown = None
    if first_look:
        wait_until(app, clock, lambda: view_of() is not None and has_content(view_of()))
        shown = time.perf_counter() - start
    wait_until(app, clock, lambda: is_ready(view_of()))
    ready = time.perf_counter() - start
    shown = ready if shown is None else shown
    painted = time.perf_counter()
    if paint is not None:
        paint()
    clock.tick()
    result = {"shown": shown, "ready": ready, "paint": time.perf_counter() - painted, "freeze": clock.longest,
              **clock.spent}
    return {key: round(value * 1000, 1) for key, value in result.items()}


def warm_up(app: Any, window: Any) -> None:
    """What the window does when idle after start-up: import matplotlib in the background, then set
    what start-up made aside from the garbage collector (gc.freeze)."""
    import gc

    if hasattr(window, "_settle_after_start"):  # (a baseline without it is measured cold)
        window._settle_after_start()
        deadline = time.monotonic() + 60
        while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
            app.processEvents()


def child(db: Path, tab: str, shots: Path | None, warm: bool, gc_freeze: bool) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from journal.ui.main_window import MainWindow

    app = QApplication([])
    clock = Clock()
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(clock.tick)
    window = MainWindow()
    window.resize(1280, 820)
    window.show()
    assert window.open_journal(db, remember=False)
    if warm:
        warm_up(app, window)
    if gc_freeze:  # what an app-wide gc.freeze() after start-up would do to the collector's pauses
        import gc

        gc.freeze()
    instrument(clock)
    ticker.start()
    for _ in range(50):  # let the entry list settle
        app.processEvents()
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index(tab)

    def view() -> Any:
        return window.tabs.widget(index).built()

    results = {"first look": step(app, clock, view, lambda: window.tabs.setCurrentIndex(index),
                                  window.repaint, first_look=True)}
    if shots:
        window.grab().save(str(shots.resolve() / f"{tab.lower()}.png"))
    for name, action in follow_ups(tab, view()):
        results[name] = step(app, clock, view, action, window.repaint)
    window.close()
    return results


def follow_ups(tab: str, view: Any) -> list[tuple[str, Callable[[], Any]]]:
    """A few gestures after the first look, by tab."""
    from PySide6.QtCore import Qt

    table = getattr(view, "table", None)
    ASCENDING = Qt.SortOrder.AscendingOrder  # noqa: N806

    def typing(text: str) -> list[tuple[str, Callable[[], None]]]:
        """One step per key: the filter box holds one letter more each time."""
        return [(f"filter: type '{text[:n]}'", lambda n=n: view.search.setText(text[:n]))
                for n in range(1, len(text) + 1)]

    if tab == "Actions":
        def mark_done() -> None:
            table.selectRow(0)
            view.done_button.click()

        return [*typing("alert"), ("clear the filter", lambda: view.search.setText("")),
                ("sort by Due", lambda: table.sortByColumn(2, ASCENDING)),
                ("back to overdue first", lambda: table.sortByColumn(1, ASCENDING)),
                ("mark the first done", mark_done),
                ("reopen it", lambda: view.reopen_button.click())]
    if tab == "Mechanisms":
        return [("select the first mechanism", lambda: table.selectRow(0)), *typing("no"),
                ("clear the filter", lambda: view.search.setText("")),
                ("sort by name", lambda: table.sortByColumn(0, ASCENDING))]
    if tab == "Charts":
        return [(f"show {kind}", lambda kind=kind: view.set_kind(kind))
                for kind in ("timeline", "inputs", "outcomes", "pareto")] + [
                ("click the first bar", lambda: view.show_bar(0)),
                ("click the last bar (Others)", lambda: view.show_bar(len(view.bars()) - 1))]
    return [*typing("no"), ("clear the filter", lambda: view.search.setText(""))]


def profile_child(db: Path, tab: str) -> None:
    """Print where the first look at `tab` spends its time (cProfile, sorted by cumulative time)."""
    import cProfile
    import pstats

    from PySide6.QtWidgets import QApplication

    from journal.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow()
    window.resize(1280, 820)
    window.show()
    assert window.open_journal(db, remember=False)
    index = [window.tabs.tabText(i) for i in range(window.tabs.count())].index(tab)
    profiler = cProfile.Profile()
    profiler.enable()
    window.tabs.setCurrentIndex(index)
    wait_until(app, Clock(), lambda: is_ready(window.tabs.widget(index).built()))
    window.repaint()
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


# -- the parent: one child per tab and run ------------------------------------------------------------

def run(code: Path, db: Path, tab: str, home: Path, shots: Path | None, options: list[str]) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in ("FIVEWHYS_DB", "FIVEWHYS_BENCH_EXIT")}
    env |= {"PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
            "XDG_CACHE_HOME": str(FONT_CACHE),
            **{f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "STATE")}}
    args = [sys.executable, __file__, "--child", tab, "--db", str(db)]
    if shots:
        args += ["--shots", str(shots)]
    args += options
    done = subprocess.run(args, env=env, cwd=code, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{tab} in {code}: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(label: str, runs: list[dict[str, Any]]) -> None:
    print(f"\n{label}: median ms of {len(runs)} runs" + "".join(f"{c:>9}" for c in COLUMNS))
    for gesture in runs[0]:
        medians = [statistics.median(r[gesture][c] for r in runs) for c in COLUMNS]
        print(f"  {gesture:42}" + "".join(f"{m:9.0f}" for m in medians))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=CACHED, help="the journal to copy (only read)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tabs", default=",".join(TABS))
    parser.add_argument("--baseline", type=Path, help="another checkout to run interleaved")
    parser.add_argument("--profile", metavar="TAB", help="cProfile the first look at TAB instead")
    parser.add_argument("--shots", type=Path, help="save each tab as it first looks to DIR/<tab>.png")
    parser.add_argument("--warm", action="store_true",
                        help="settle as the app does 2 s after start-up: matplotlib imported, gc.freeze()")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() once the journal is open (as the app could, after start-up)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import faulthandler

        faulthandler.dump_traceback_later(CHILD_TIMEOUT_S, exit=True)  # a stuck child says where
        print(json.dumps(child(args.db, args.child, args.shots, args.warm, args.gc_freeze)))
        return
    with tempfile.TemporaryDirectory(prefix="fivewhys-tabs-") as folder:
        db = Path(folder) / "journal.sqlite"
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.db, db)
        if args.profile:
            os.environ |= {"QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(FONT_CACHE), **{
                f"XDG_{kind}_HOME": str(Path(folder) / kind.lower()) for kind in ("CONFIG", "DATA", "STATE")}}
            profile_child(db, args.profile)
            return
        options = ["--warm"] * args.warm + ["--gc-freeze"] * args.gc_freeze
        codes = [("this", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
        for tab in args.tabs.split(","):
            results: dict[str, list] = {label: [] for label, _code in codes}
            for _ in range(args.runs):
                for label, code in codes:
                    results[label].append(run(code, db, tab, Path(folder) / "home", args.shots, options))
            for label, _code in codes:
                report(f"{tab} ({' '.join([label, *options])})", results[label])


if __name__ == "__main__":
    main()
