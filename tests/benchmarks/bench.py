"""Speed on a big journal: `python -m tests.benchmarks.bench [--entries 10000] [--runs 5] [--json-out F]`.

Generates (once, cached in /tmp/fivewhys-bench/) a seeded journal of ten years of heavy use, then
times, over several runs interleaved with their floors: the window start-up beside a bare PySide6
window, search, recurrence stats and charts in-process, whole commands beside the same command on an
empty journal, export and import, and the peak memory of each child process. Prints medians and the
targets of issue 8; `--baseline DIR` measures another checkout (e.g. an export of main) in the same
run, interleaved, for a before/after comparison.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import generate

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent.parent
CACHE = Path(tempfile.gettempdir()) / "fivewhys-bench"
MB = 1024 * 1024
APP_TIMEOUT = 60.0
HEAVY = ("matplotlib", "PySide6")  # what a command-line command should never import

# The floor: the least any PySide6 app can do before its window is on screen.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 780)
window.show()
def shown():
    print(f"shown {time.time()}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


@dataclass
class Child:
    """One finished child process: wall seconds from start, its output, and its peak memory."""

    seconds: float
    started: float
    stdout: str
    stderr: str
    peak_bytes: int
    returncode: int

    def mark(self, name: str) -> float | None:
        """Seconds from process start to the line `<name> <epoch seconds>` the child printed, if any."""
        for line in self.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0] == name:
                return float(parts[1]) - self.started
        return None


@dataclass
class Code:
    """A checkout being measured, with its own journals (its schema may differ)."""

    label: str
    root: Path
    big: Path = Path()
    empty: Path = Path()
    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float | None) -> None:
        if value is not None:
            self.samples.setdefault(name, []).append(value)

    def median(self, name: str) -> float | None:
        values = self.samples.get(name)
        return statistics.median(values) if values else None

    def has(self, module_path: str) -> bool:
        return (self.root / module_path).exists()

    def has_bench_hook(self) -> bool:
        """Whether its window honours FIVEWHYS_BENCH_EXIT (else it would never quit by itself)."""
        launch = self.root / "journal" / "ui" / "launch.py"
        return launch.exists() and "FIVEWHYS_BENCH_EXIT" in launch.read_text(encoding="utf-8")


# -- child processes --------------------------------------------------------------------------------

def child_env(code: Code, home: Path) -> dict[str, str]:
    """A clean environment: offscreen Qt, private config and data folders, bytecode cached in /tmp."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("FIVEWHYS_DB", "PYTHONDONTWRITEBYTECODE", "FIVEWHYS_BENCH_EXIT")}
    env |= {"PYTHONPATH": str(code.root), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPYCACHEPREFIX": str(CACHE / "pycache" / code.label),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"), "XDG_STATE_HOME": str(home / "state"),
            "HOME": str(home)}
    return env


def run_child(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 600.0) -> Child:
    """Run a child to the end; its peak memory comes from wait4, which reports that child alone."""
    started = time.time()
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        stdout, stderr = _communicate(process, timeout)
    finally:
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, -9) and stderr.strip():
        print(f"  [{' '.join(args[1:3])}] exit {process.returncode}: {stderr.strip()[-300:]}",
              file=sys.stderr)
    return Child(seconds, started, stdout, stderr, usage.ru_maxrss * 1024, process.returncode)


def _communicate(process: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """Read the child's output without reaping it (wait4 does that, to get its resource usage)."""
    import threading

    output: dict[str, str] = {}

    def read(name: str) -> None:
        output[name] = getattr(process, name).read()

    readers = [threading.Thread(target=read, args=(name,)) for name in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout
    for reader in readers:
        reader.join(max(0.0, deadline - time.monotonic()))
    if any(reader.is_alive() for reader in readers):
        process.kill()
        for reader in readers:
            reader.join()
    return output.get("stdout", ""), output.get("stderr", "")


def python(*args: str | Path) -> list[str]:
    return [sys.executable, *(str(a) for a in args)]


# -- preparing journals -----------------------------------------------------------------------------

def journal_json(entries: int, mechanisms: int, seed: int) -> Path:
    """The generated journal in JSON v1, generated once and cached."""
    path = CACHE / f"journal-{entries}-{mechanisms}-{seed}.json"
    if not path.exists():
        print(f"Generating {entries} entries into {path} …", file=sys.stderr)
        document = generate.journal(entries, mechanisms, seed)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    return path


def schema_head(code: Code) -> str:
    """The schema revision the checkout writes (journals are cached per revision)."""
    text = (code.root / "journal" / "store" / "schema.py").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("REVISIONS"))
    return line.split(",")[-1].strip(" )\"'")


def prepare(code: Code, source: Path, home: Path) -> None:
    """The big journal (imported once per schema revision, cached) and an empty one, for `code`."""
    big = CACHE / f"{source.stem}-{schema_head(code)}.sqlite"
    env = child_env(code, home)
    if not big.exists():
        print(f"Importing {source.name} for {code.label} into {big} …", file=sys.stderr)
        partial = big.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        child = run_child(python(code.root / "main.py", "--db", partial, "import", source), env, code.root)
        if child.returncode != 0:
            raise SystemExit(f"The import for {code.label} failed.")
        partial.replace(big)
    work = home / "journals"
    work.mkdir(parents=True, exist_ok=True)
    code.big = work / f"{code.label}-{big.name}"
    shutil.copyfile(big, code.big)
    code.empty = work / f"empty-{code.label}.sqlite"
    run_child(python(code.root / "main.py", "--db", code.empty, "stats"), env, code.root)


# -- one run ------------------------------------------------------------------------------------------

PARTS = ("window", "in-process", "commands", "exchange")


def measure_once(code: Code, source: Path, home: Path, inner_runs: int, parts: set[str]) -> None:
    """The chosen parts of the measures, once, for `code`."""
    env = child_env(code, home)
    if "window" in parts:
        _startup(code, env)
    if "in-process" in parts:
        _in_process(code, env, home, inner_runs)
    if "commands" in parts:
        _commands(code, env, home)
    if "exchange" in parts:
        _exchange(code, env, home, source)


def _startup(code: Code, env: dict[str, str]) -> None:
    """The bare window before and after the app's two launches (the floor is noisy), then the app."""
    _bare_window(code, env)
    if code.has_bench_hook():
        hooked = env | {"FIVEWHYS_BENCH_EXIT": "1"}
        for name, db in (("10k", code.big), ("empty", code.empty)):
            app = run_child(python(code.root / "main.py", "--db", db), hooked, code.root, APP_TIMEOUT)
            code.add(f"app window ({name}): shown", app.mark("shown"))
            code.add(f"app window ({name}): newest on screen", app.mark("previewed") or app.mark("listed"))
            code.add(f"app window ({name}): journal open, listed", app.mark("listed"))
            if name == "10k" and app.mark("shown") is not None:
                code.add("app window (10k): peak memory", app.peak_bytes / MB)
                code.add("app window (10k): rows loaded", _rows_listed(app))
    _bare_window(code, env)


def _bare_window(code: Code, env: dict[str, str]) -> None:
    bare = run_child(python("-c", BARE_WINDOW), env, code.root)
    code.add("bare window: shown", bare.mark("shown"))
    code.add("bare window: peak memory", bare.peak_bytes / MB)


def add_ratios(codes: list[Code]) -> None:
    """The app's times over the floor: the median bare window of the whole run (it needs no checkout)."""
    floors = [value for code in codes for value in code.samples.get("bare window: shown", [])]
    if not floors:
        return
    floor = statistics.median(floors)
    for code in codes:
        for name in ("10k", "empty"):
            for what, label in (("shown", "shown"), ("newest on screen", "on screen"),
                                ("journal open, listed", "open")):
                value = code.median(f"app window ({name}): {what}")
                if value is not None:
                    code.add(f"app window ({name}): {label} / bare", value / floor)


def _rows_listed(app: Child) -> float | None:
    for line in app.stdout.splitlines():
        parts = line.split()
        if parts[:1] == ["listed"] and len(parts) >= 3:
            return float(parts[2])
    return None


def _in_process(code: Code, env: dict[str, str], home: Path, inner_runs: int) -> None:
    out = home / "charts"
    out.mkdir(exist_ok=True)
    child = run_child(python(HERE / "inprocess.py", "--db", code.big, "--runs", str(inner_runs),
                             "--out", out), env, code.root)
    if child.returncode != 0:
        return
    report = json.loads(child.stdout)
    for name, values in report["times"].items():
        for value in values:
            code.add(name, value)
    code.add("in-process measures: peak memory", report["peak_bytes"] / MB)


def _commands(code: Code, env: dict[str, str], home: Path) -> None:
    commands = [("stats", ["stats"])]
    if code.has("journal/charts/files.py"):
        commands.append(("chart pareto", ["chart", "pareto", "--out", str(home / "pareto.png")]))
    for name, args in commands:
        times = {}
        for size, db in (("10k", code.big), ("empty", code.empty)):
            child = run_child(python(code.root / "main.py", "--db", db, *args), env, code.root)
            if child.returncode == 0:
                times[size] = child.seconds
                code.add(f"`fivewhys {name}` ({size})", child.seconds)
        if len(times) == 2:
            code.add(f"`fivewhys {name}` 10k / empty", times["10k"] / times["empty"])
    imports = run_child(python("-X", "importtime", code.root / "main.py", "--db", code.empty, "stats"),
                        env, code.root)
    heavy = [line for line in imports.stderr.splitlines() if line.split("|")[-1].strip().startswith(HEAVY)]
    code.add("`fivewhys stats`: Qt/matplotlib modules imported", len(heavy))


def _exchange(code: Code, env: dict[str, str], home: Path, source: Path) -> None:
    """Exports into new names (the folder of all runs goes when the benchmark ends): deleting the last
    run's 10,000 files just before writing 10,000 new ones makes ext4 search its recently freed inodes,
    which costs seconds in the kernel and measures the file system's bookkeeping rather than the app."""
    run = next(n for n in itertools.count() if not (home / f"export-{code.label}-{n}.json").exists())
    exports = [("json", home / f"export-{code.label}-{run}.json")]
    if code.has("journal/exchange/markdown_files.py"):
        exports.append(("markdown", home / f"export-md-{code.label}-{run}"))
    for kind, out in exports:
        child = run_child(python(code.root / "main.py", "--db", code.big, "export", kind, "--out", out),
                          env, code.root)
        if child.returncode == 0:
            code.add(f"export {kind} (all entries)", child.seconds)
            code.add(f"export {kind}: peak memory", child.peak_bytes / MB)
    fresh = home / f"fresh-{code.label}.sqlite"
    for leftover in home.glob(fresh.name + "*"):
        leftover.unlink()
    child = run_child(python(code.root / "main.py", "--db", fresh, "import", source), env, code.root)
    if child.returncode == 0:
        code.add("import json", child.seconds)
        code.add("import json: peak memory", child.peak_bytes / MB)


# -- the table --------------------------------------------------------------------------------------

# measure -> (target, unit); a target is the most the median may be.
TARGETS: dict[str, tuple[float | None, str]] = {
    "bare window: shown": (None, "s"),
    "app window (10k): shown": (None, "s"),
    "app window (10k): newest on screen": (None, "s"),
    "app window (10k): journal open, listed": (None, "s"),
    "app window (10k): shown / bare": (2.0, "x"),
    "app window (10k): on screen / bare": (4.0, "x"),
    "app window (10k): open / bare": (None, "x"),
    "app window (10k): rows loaded": (None, "rows"),
    "app window (empty): shown": (None, "s"),
    "app window (empty): newest on screen": (None, "s"),
    "app window (empty): journal open, listed": (None, "s"),
    "app window (empty): shown / bare": (None, "x"),
    "app window (empty): on screen / bare": (None, "x"),
    "app window (empty): open / bare": (None, "x"),
    "open journal": (None, "ms"),
    "list newest 100": (None, "ms"),
    "get entry": (None, "ms"),
    "search rare: list 100": (0.050, "ms"),
    "search rare: count": (0.050, "ms"),
    "search rare: keystroke": (0.050, "ms"),
    "search common: list 100": (0.050, "ms"),
    "search common: count": (0.050, "ms"),
    "search common: keystroke": (0.050, "ms"),
    "search first letter: list 100": (None, "ms"),
    "search first letter: count": (None, "ms"),
    "search first letter: keystroke": (None, "ms"),
    "stats (all entries)": (0.100, "ms"),
    "stats (last year)": (0.100, "ms"),
    "autosave write": (None, "ms"),
    "first chart (imports matplotlib)": (None, "ms"),
    "chart pareto": (0.500, "ms"),
    "chart timeline": (0.500, "ms"),
    "chart inputs": (0.500, "ms"),
    "chart outcomes": (0.500, "ms"),
    "`fivewhys stats` (10k)": (None, "s"),
    "`fivewhys stats` (empty)": (None, "s"),
    "`fivewhys stats` 10k / empty": (1.25, "x"),
    "`fivewhys stats`: Qt/matplotlib modules imported": (0, "modules"),
    "`fivewhys chart pareto` (10k)": (None, "s"),
    "`fivewhys chart pareto` (empty)": (None, "s"),
    "`fivewhys chart pareto` 10k / empty": (1.25, "x"),
    "export json (all entries)": (None, "s"),
    "export markdown (all entries)": (5.0, "s"),
    "import json": (30.0, "s"),
    "bare window: peak memory": (None, "MB"),
    "app window (10k): peak memory": (300.0, "MB"),
    "in-process measures: peak memory": (300.0, "MB"),
    "export json: peak memory": (300.0, "MB"),
    "export markdown: peak memory": (300.0, "MB"),
    "import json: peak memory": (300.0, "MB"),
}


def shown_value(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.0f}"


def table(codes: list[Code]) -> list[dict]:
    """One row per measure: each checkout's median, the target, whether the last checkout meets it."""
    names = list(TARGETS) + sorted({n for c in codes for n in c.samples} - set(TARGETS))
    rows = []
    for name in names:
        target, unit = TARGETS.get(name, (None, "s"))
        medians = {code.label: code.median(name) for code in codes}
        if all(value is None for value in medians.values()):
            continue
        value = medians[codes[-1].label]
        met = None if target is None or value is None else value <= target
        rows.append({"measure": name, "unit": unit, "medians": medians, "target": target, "met": met,
                     "samples": {code.label: len(code.samples.get(name, [])) for code in codes}})
    return rows


def print_table(rows: list[dict], codes: list[Code]) -> None:
    labels = [code.label for code in codes]
    header = ["measure", *labels, "target", "met?"]
    lines = [[row["measure"], *(shown_value(row["medians"][label], row["unit"]) for label in labels),
              "" if row["target"] is None else "≤ " + shown_value(row["target"], row["unit"]),
              {True: "yes", False: "NO", None: ""}[row["met"]]] for row in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for line in lines:
        print(" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))


# -- entry point ------------------------------------------------------------------------------------

def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--mechanisms", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="runs of every measure (medians are shown)")
    parser.add_argument("--inner-runs", type=int, default=5,
                        help="repetitions of each in-process measure within a run")
    parser.add_argument("--heavy-runs", type=int, default=2,
                        help="runs of export and import (each takes seconds)")
    parser.add_argument("--only", metavar="PARTS", default=",".join(PARTS),
                        help=f"comma-separated parts to measure (default: all of {','.join(PARTS)})")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another checkout to measure in the same run (shown first)")
    parser.add_argument("--code", type=Path, metavar="DIR", default=CHECKOUT,
                        help="the checkout to measure (default: the one holding this benchmark)")
    parser.add_argument("--json-out", type=Path, metavar="FILE", help="also write the table as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    source = journal_json(args.entries, args.mechanisms, args.seed)
    codes = [Code("baseline", args.baseline.resolve())] if args.baseline else []
    codes.append(Code("this", args.code.resolve()))
    with tempfile.TemporaryDirectory(prefix="fivewhys-bench-") as folder:
        home = Path(folder)
        for code in codes:
            prepare(code, source, home)
        for run in range(args.runs):
            print(f"run {run + 1}/{args.runs} (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
            for code in codes:
                parts = set(args.only.split(",")) - (set() if run < args.heavy_runs else {"exchange"})
                measure_once(code, source, home, args.inner_runs, parts)
    add_ratios(codes)
    rows = table(codes)
    print(f"\n{args.entries} entries, {args.runs} runs, load average {os.getloadavg()[0]:.1f}, "
          f"{os.cpu_count()} cores; medians\n")
    print_table(rows, codes)
    if args.json_out:
        args.json_out.write_text(json.dumps({"entries": args.entries, "runs": args.runs, "rows": rows,
                                             "samples": {c.label: c.samples for c in codes}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
