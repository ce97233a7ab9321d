"""Opening a journal file: create it owner-only, check what it is, migrate it with Alembic, set pragmas."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlalchemy as sa

from journal.store import safety
from journal.store.errors import JournalError, JournalTooNew, NotAJournal, translate

REVISIONS = ("0001_tables", "0002_search", "0003_link_entry", "0004_speed")
HEAD = REVISIONS[-1]
BUSY_SECONDS = 2.0
_MIGRATIONS = Path(__file__).with_name("migrations")


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn SQLite and file-system failures on `path` into one-sentence JournalErrors."""
    try:
        yield
    except JournalError:
        raise
    except (sqlite3.Error, sa.exc.DBAPIError, OSError) as error:
        user_error = translate(error, path)
        if user_error is None and isinstance(error, OSError):
            user_error = JournalError(f"The journal {path.name} cannot be used: {error.strerror}.")
        if user_error is None:
            raise
        raise user_error from error


def prepare(path: Path, before_migration: Callable[[Path], None] | None = None) -> None:
    """Make `path` a journal at the current schema: create it, migrate it, or refuse it untouched."""
    with translated(path):
        _create_owner_only(path)
        revision = current_revision(path)
        if revision == HEAD:
            return
        if revision is not None and revision not in REVISIONS:
            raise JournalTooNew(
                f"The journal {path.name} was written by a newer version of Five Whys Journal; "
                "update the app to open it."
            )
        if revision is not None and before_migration is not None:
            before_migration(path)
        upgrade(path)


def _create_owner_only(path: Path) -> None:
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def current_revision(path: Path) -> str | None:
    """The schema revision stored in the journal, or None for an empty new file."""
    if path.stat().st_size == 0:
        return None
    safety.refuse_damaged_header(path)
    with contextlib.closing(safety.connect_read_only(path)) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise NotAJournal(f"The database {path.name} is not a Five Whys journal; "
                                  "open another journal.")
            return None
        row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def upgrade(path: Path, revision: str = "head") -> None:
    """Migrate the journal's schema to `revision` with Alembic, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    engine = make_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def make_engine(path: Path, busy_seconds: float = BUSY_SECONDS) -> sa.Engine:
    """An engine on the journal with foreign keys, WAL, full sync and real transactions."""
    url = sa.engine.URL.create("sqlite", database=str(path))
    engine = sa.create_engine(
        url, connect_args={"timeout": busy_seconds, "check_same_thread": False}
    )
    sa.event.listen(engine, "connect", _on_connect)
    sa.event.listen(engine, "begin", _on_begin)
    sa.event.listen(engine, "before_cursor_execute", safety.clean_parameters, retval=True)
    return engine


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    # The driver's `timeout` (set per engine in make_engine) is SQLite's busy timeout.
    with contextlib.suppress(sqlite3.OperationalError):  # a read-only journal still reads
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit reported as saved survives a power cut, not only a crash of the app.
    dbapi_connection.execute("PRAGMA synchronous = FULL")


def _on_begin(connection: sa.Connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")
