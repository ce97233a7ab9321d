"""Time the Markdown export and import of a large generated journal (entries built in memory).

Run: python -m tests.benchmarks.markdown_export [--entries 10000] [--whys 8]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from journal.exchange.markdown import render_entry
from journal.exchange.markdown_files import read_markdown, write_markdown_folder
from tests.benchmarks.generated_journal import generated_entries


def measured(label: str, work: Callable[[], object]) -> object:
    """Run once; print wall time and the user and system CPU time of this process and of the child
    that writes the files (the machine may be shared: user time is what rendering costs, system time
    what the file system charges)."""
    before, start = _usage(), time.perf_counter()
    result = work()
    elapsed, after = time.perf_counter() - start, _usage()
    spent = zip(_USAGE_NAMES, after, before, strict=True)
    times = "".join(f"   {name} {now - then:5.2f} s" for name, now, then in spent)
    print(f"{label:34} wall {elapsed:6.2f} s{times}")
    return result


_USAGE_NAMES = ("user", "system", "child user", "child system")


def _usage() -> tuple[float, float, float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime, own.ru_stime, children.ru_utime, children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--whys", type=int, default=8)
    args = parser.parse_args()
    entries, mechanisms = generated_entries(args.entries, 500, whys_per_entry=args.whys)
    base = Path(tempfile.mkdtemp(prefix="markdown-benchmark-"))
    folder = base / "export"
    try:
        measured("render only (no files)", lambda: [render_entry(entry) for entry in entries])
        measured("export to a new folder",
                 lambda: write_markdown_folder(folder, entries, mechanisms=mechanisms))
        measured("export again, nothing changed", lambda: write_markdown_folder(folder, entries))
        document = measured("import the folder", lambda: read_markdown(folder))
        assert len(document.entries) == len(entries)
    finally:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
