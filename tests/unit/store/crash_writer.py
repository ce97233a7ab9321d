"""A writer for the crash test: writes entries through the store as the window does, and is killed mid-way.

Run as `python crash_writer.py JOURNAL`. Importing the store takes ~0.6 s, so to make many crashes
cheap this process imports it once, prints "ready", then for each line "go SEED" on stdin forks a
writer process and prints "child PID"; the writer opens the journal afresh (its own connections, as
a new window would), prints "opened" and loops: create_entry, then add_why and update_entry in turn, printing
"saved ENTRY_ID N" (flushed) after each committed write N of that entry. The test kills the writer
with SIGKILL; this process reaps it and prints "ended PID".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from journal.store.repository import Journal

WRITES_PER_ENTRY = 12


def answer(n: int) -> str:
    """The answer written by write number `n` (odd numbers add a why)."""
    return f"answer {n} " + "why " * (n * 7)


def notes(n: int) -> str:
    """The notes written by write number `n` (even numbers above 0 update the entry)."""
    return f"notes {n} " + "note " * (n * 11)


def write_forever(path: Path, seed: int) -> None:
    """Write entries until killed, announcing each committed write."""
    rng = random.Random(seed)
    journal = Journal.open(path)
    sys.stdout.write("opened\n")
    sys.stdout.flush()
    while True:
        entry_id = journal.create_entry(title=f"crash round {seed}", area=rng.choice(["work", "home"]))
        say(entry_id, 0)
        for n in range(1, WRITES_PER_ENTRY):
            if n % 2:
                journal.add_why(entry_id, question=f"Why {n}?", answer=answer(n))
            else:
                journal.update_entry(entry_id, notes=notes(n))
            say(entry_id, n)


def say(entry_id: str, n: int) -> None:
    sys.stdout.write(f"saved {entry_id} {n}\n")
    sys.stdout.flush()


def serve(path: Path) -> None:
    """Fork one writer per "go SEED" line and report when it has ended."""
    Journal.open(path).close()  # created and migrated once, so every writer starts writing at once
    print("ready", flush=True)
    for line in sys.stdin:
        seed = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(path, seed)
            finally:
                os._exit(3)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print(f"ended {pid}", flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
