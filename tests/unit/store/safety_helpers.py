"""Helpers shared by the data-safety tests: sample journals, snapshots, faults injected into SQLite."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from journal.domain.model import Action, Entry, Guideline, Input, InputKind, Why
from journal.exchange import jsonv1
from journal.store.repository import Journal

FIXED_MOMENT = datetime(2026, 1, 1, tzinfo=UTC)
MECHANISM = "No alarm on rate of change"


def fill(journal: Journal, entries: int = 3) -> list[str]:
    """Add a few entries, each with an input, a why, a mechanism, an action and a guideline."""
    ids = []
    for n in range(entries):
        day = date(2026, 1, 1) + timedelta(days=n)
        entry_id = journal.create_entry(title=f"Outcome {n}", occurred_on=day, area="work")
        journal.update_entry(entry_id, outcome=f"Measured {n}", notes="notes")
        journal.add_input(entry_id, "process", f"input {n}")
        why_id = journal.add_why(entry_id, question=f"Why {n}?", answer=f"Because {n}")
        journal.set_why_mechanisms(why_id, [MECHANISM])
        journal.add_action(entry_id, why_id, f"Add an alarm {n}")
        journal.add_guideline(entry_id, f"Rule {n}")
        ids.append(entry_id)
    return ids


def make_journal(path: Path, entries: int = 3) -> list[str]:
    """A closed journal at `path` with entries like fill()'s, imported at once; returns their ids."""
    made = [
        Entry(title=f"Outcome {n}", occurred_on=date(2026, 1, 1) + timedelta(days=n), area="work",
              outcome=f"Measured {n}", notes="notes", inputs=(Input(InputKind.PROCESS, f"input {n}"),),
              whys=(Why(question=f"Why {n}?", answer=f"Because {n}", mechanisms=(MECHANISM,),
                        actions=(Action(f"Add an alarm {n}"),)),),
              guidelines=(Guideline(f"Rule {n}"),))
        for n in range(entries)]
    with Journal.open(path) as journal:
        journal.import_entries(made)
    return [entry.id for entry in made]


def snapshot(journal: Journal) -> dict[str, Any]:
    """Everything in the journal, as its JSON export (with a fixed export time)."""
    return jsonv1.document_to_dict(list(journal.all_entries()), journal.mechanisms(), FIXED_MOMENT)


def snapshot_file(path: Path) -> dict[str, Any]:
    """Everything in the closed journal at `path`, through a Journal of its own."""
    with Journal.open(path, before_migration=None) as journal:
        return snapshot(journal)


def side_files(path: Path) -> list[str]:
    """The -wal/-shm/-journal files next to `path`."""
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


Fault = Callable[[sqlite3.Connection], None]


def read_only(connection: sqlite3.Connection) -> None:
    """The connection refuses every write, as SQLite does for a read-only file ("readonly database")."""
    connection.execute("PRAGMA query_only = ON")


def full_disk(connection: sqlite3.Connection) -> None:
    """The database cannot grow by a single page, as on a full disk ("database or disk is full")."""
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")


@contextlib.contextmanager
def on_every_connection(journal: Journal, fault: Fault) -> Iterator[None]:
    """Apply `fault` to every connection of `journal` until the block ends.

    Reaches into the Journal's engine: the store gives no way to break itself on purpose.
    """
    def apply(connection: sqlite3.Connection, _record: object) -> None:
        fault(connection)

    engine = journal._engine
    sa.event.listen(engine, "connect", apply)
    engine.dispose()
    try:
        yield
    finally:
        sa.event.remove(engine, "connect", apply)
        engine.dispose()


@contextlib.contextmanager
def on_every_engine(fault: Fault) -> Iterator[None]:
    """Apply `fault` to every new connection of any engine (for journals opened by the CLI)."""
    def apply(connection: sqlite3.Connection, _record: object) -> None:
        fault(connection)

    sa.event.listen(sa.Engine, "connect", apply)
    try:
        yield
    finally:
        sa.event.remove(sa.Engine, "connect", apply)


def unwritable_folder(tmp_path: Path) -> Path | None:
    """A folder this process cannot create files in, even as root; None if there is none to use."""
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    folder.chmod(0o500)
    for candidate in (folder, Path("/sys/kernel"), Path("/sys")):
        probe = candidate / ".fivewhys-probe"
        try:
            os.close(os.open(probe, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError:
            return candidate
        probe.unlink()
    return None
