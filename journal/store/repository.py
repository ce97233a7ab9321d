"""The journal repository: the only code that opens database sessions; it hands out plain value objects."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from journal.domain.model import (
    ActionStatus,
    Entry,
    EntryFilter,
    EntrySummary,
    InputKind,
    Mechanism,
    MechanismStats,
    Valence,
    mechanism_key,
    new_id,
    now_utc,
)
from journal.store import loader, safety, schema, search
from journal.store.chunks import id_chunks
from journal.store.convert import EntryRows, summary_from_row
from journal.store.errors import EditConflict, InvalidValue, JournalMissing
from journal.store.tables import (
    ActionRow,
    AwareDateTime,
    EntryRow,
    GuidelineRow,
    InputRow,
    MechanismRow,
    WhyMechanismRow,
    WhyRow,
)
from journal.store.watch import ChangeWatch

ChangeListener = Callable[[frozenset[str]], None]


def _backup_before_migration(path: Path) -> None:
    from journal.store.backup import take_backup

    take_backup(path)

_ENTRY_FIELDS = frozenset({"title", "occurred_on", "area", "valence", "outcome", "notes"})
_ORDER_NEWEST = "e.occurred_on DESC, e.created_at DESC, e.id"
_NO_FILTER = "1"
_BATCH = 500  # entries read per batch by all_entries (a few MB of rows at a time)


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many entries it added and how many it found already there."""

    added: int
    skipped: int


class Journal:
    """One open journal database. Every write is one transaction, followed by a change notice."""

    def __init__(self, path: Path, engine: sa.Engine) -> None:
        self.path = path
        self._engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._listeners: list[ChangeListener] = []
        self._identity = safety.file_identity(path)
        self._watch = ChangeWatch(path)

    @classmethod
    def open(cls, path: Path | str,
             before_migration: Callable[[Path], None] | None = _backup_before_migration,
             busy_seconds: float = schema.BUSY_SECONDS) -> Journal:
        """Open (creating or migrating as needed) the journal at `path`.

        An existing journal is backed up into its `backups` folder before any migration (pass
        `before_migration=None` to skip that, in tests only). A write waits up to `busy_seconds`
        for another program's lock before it raises JournalLocked.
        """
        path = Path(path)
        schema.prepare(path, before_migration)
        return cls(path, schema.make_engine(path, busy_seconds))

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- sessions and notifications (for store modules only) ------------------------------

    def subscribe(self, listener: ChangeListener) -> None:
        """Call `listener(entry_ids)` after every committed write (empty set: many things changed)."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (one consistent snapshot)."""
        with schema.translated(self.path), self._session(self._engine) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def writing(self, changed: set[str] | None = None, reindex: bool = True) -> Iterator[Session]:
        """A write transaction; entries whose ids land in `changed` get reindexed and announced.

        `reindex=False` is for writes that change no searched text (an action's status)."""
        changed = set() if changed is None else changed
        self._require_in_place()
        with schema.translated(self.path), self._session(self._writer) as session, session.begin():
            yield session
            session.flush()
            if reindex:
                search.reindex_entries(session.connection(), changed)
        self._watch.wrote()
        for listener in list(self._listeners):
            listener(frozenset(changed))

    def changed_elsewhere(self) -> bool:
        """Whether another program or window has written to the journal since this one last wrote
        (or since this last said so): a few file stats, no query."""
        return self._watch.changed_elsewhere()

    def _require_in_place(self) -> None:
        """Refuse to write to a journal file that was moved or deleted; follow one put back in its place."""
        identity = safety.require_in_place(self.path)
        if identity != self._identity:
            # Another file now sits at the path (e.g. the folder was restored from a copy): drop the
            # connections to the old one (SQLite sees the file moved, so closing them neither
            # checkpoints nor deletes the new file's -wal), then write to the new one if it is a journal.
            self._engine.dispose()
            with schema.translated(self.path):
                if schema.current_revision(self.path) != schema.HEAD:
                    raise JournalMissing(f"The file now at {self.path} is not the journal that was open; "
                                         "reopen it.")
            self._identity = identity

    @staticmethod
    def _session(engine: sa.Engine) -> Session:
        return Session(engine, expire_on_commit=False)

    def _touch(self, session: Session, entry_id: str, changed: set[str]) -> EntryRow:
        row = session.get(EntryRow, entry_id)
        if row is None:
            raise InvalidValue("That entry no longer exists.")
        row.updated_at = now_utc()
        changed.add(entry_id)
        return row

    # -- entries ---------------------------------------------------------------------------

    def create_entry(self, title: str = "", occurred_on: date | None = None,
                     valence: Valence = Valence.NEGATIVE, area: str = "") -> str:
        """A new, nearly empty entry; returns its id."""
        entry = Entry(title=title, occurred_on=occurred_on or date.today(),
                      valence=Valence(valence), area=area)
        self.replace_entry(entry)
        return entry.id

    def replace_entry(self, entry: Entry, expected: Entry | None = None) -> Entry:
        """Store `entry` exactly as given, replacing any entry with its id (used for undo, too).

        With `expected` (the entry as the caller last loaded or stored it), EditConflict is raised and
        nothing written if the journal now holds anything else, or no such entry. Returns the entry as
        the journal holds it now (mechanism names spelled as in the journal, text made storable).
        """
        changed = {entry.id}
        with self.writing(changed) as session:
            if expected is not None:
                _check_unchanged(self._load_entry(session, entry.id), expected)
            session.exec(sa.delete(EntryRow).where(EntryRow.id == entry.id))
            self._insert_entries(session, [entry], index=False)
            return self._load_entry(session, entry.id)

    def get_entry(self, entry_id: str) -> Entry | None:
        """The whole entry with its tree, or None if there is no such entry."""
        with self.reading() as session:
            return self._load_entry(session, entry_id)

    def update_entry(self, entry_id: str, expected: Mapping[str, Any] | None = None,
                     **changes: Any) -> None:
        """Change some of the entry's own fields (title, occurred_on, area, valence, outcome, notes).

        With `expected` (field -> the value the caller last loaded or saved), EditConflict is raised
        and nothing written if another window or program has changed one of those fields since.
        """
        unknown = (set(changes) | set(expected or {})) - _ENTRY_FIELDS
        if unknown:
            raise ValueError(f"not entry fields: {sorted(unknown)}")
        if "valence" in changes:
            changes["valence"] = _valence(changes["valence"]).value
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = self._touch(session, entry_id, changed)
            safety.check_expected(row, expected or {}, f"The entry “{row.title}”")
            for name, value in changes.items():
                setattr(row, name, value)

    def delete_entry(self, entry_id: str) -> None:
        """Remove the entry and everything in it."""
        with self.writing({entry_id}) as session:
            session.exec(sa.delete(EntryRow).where(EntryRow.id == entry_id))

    def list_entries(self, entry_filter: EntryFilter = EntryFilter(), limit: int | None = None,
                     offset: int = 0) -> list[EntrySummary]:
        """Entries matching the filter, newest first, one page at a time if `limit` is given."""
        where, params = _where(entry_filter, walk_newest=limit is not None)
        sql = (f"SELECT e.id, e.title, e.occurred_on, e.area, e.valence, e.updated_at FROM entry e "
               f"WHERE {where} ORDER BY {_ORDER_NEWEST} LIMIT :limit OFFSET :offset")
        params |= {"limit": -1 if limit is None else limit, "offset": offset}
        with self.reading() as session:
            rows = session.connection().execute(_typed_summary(sql), params).mappings()
            return [summary_from_row(row) for row in rows]

    def count_entries(self, entry_filter: EntryFilter = EntryFilter()) -> int:
        """How many entries match the filter."""
        where, params = _where(entry_filter)
        with self.reading() as session:
            return session.connection().execute(
                sa.text(f"SELECT count(*) FROM entry e WHERE {where}"), params
            ).scalar_one()

    def areas(self) -> list[str]:
        """The areas in use, the most used first (for suggestions)."""
        with self.reading() as session:
            return list(session.connection().execute(sa.text(
                "SELECT area FROM entry WHERE area != '' GROUP BY area ORDER BY count(*) DESC, area"
            )).scalars())

    def all_entries(self, entry_filter: EntryFilter = EntryFilter()) -> Iterator[Entry]:
        """Every matching entry, whole, newest first, as one snapshot read batch by batch (for export)."""
        where, params = _where(entry_filter)
        with self.reading() as session:
            sql = sa.text(f"SELECT e.id FROM entry e WHERE {where} ORDER BY {_ORDER_NEWEST}")
            ids = list(session.connection().execute(sql, params).scalars())
            for start in range(0, len(ids), _BATCH):
                yield from self._load_entries(session, ids[start:start + _BATCH])

    # -- inputs ----------------------------------------------------------------------------

    def add_input(self, entry_id: str, kind: InputKind | str, text: str = "",
                  position: int | None = None) -> str:
        """Add an input to the entry (at the end unless `position` is given); returns its id."""
        row = InputRow(id=new_id(), entry_id=entry_id, kind=_input_kind(kind).value, text=text)
        changed: set[str] = set()
        with self.writing(changed) as session:
            self._touch(session, entry_id, changed)
            siblings = _ordered(session, InputRow, InputRow.entry_id == entry_id)
            _insert_at(session, siblings, row, position)
        return row.id

    def update_input(self, input_id: str, kind: InputKind | str | None = None,
                     text: str | None = None) -> None:
        """Change an input's kind and/or text."""
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, InputRow, input_id)
            self._touch(session, row.entry_id, changed)
            if kind is not None:
                row.kind = _input_kind(kind).value
            if text is not None:
                row.text = text

    def delete_input(self, input_id: str) -> None:
        """Remove an input."""
        self._delete_child(InputRow, input_id, lambda row: InputRow.entry_id == row.entry_id)

    def move_input(self, input_id: str, position: int) -> None:
        """Move an input to another place in its entry's list."""
        self._move_child(InputRow, input_id, position, lambda row: InputRow.entry_id == row.entry_id)

    # -- whys ------------------------------------------------------------------------------

    def add_why(self, entry_id: str, parent_id: str | None = None, question: str = "",
                answer: str = "", position: int | None = None) -> str:
        """Add a why under `parent_id` (None: a top-level why); returns its id."""
        row = WhyRow(id=new_id(), entry_id=entry_id, parent_id=parent_id, question=question,
                     answer=answer)
        changed: set[str] = set()
        with self.writing(changed) as session:
            self._touch(session, entry_id, changed)
            if parent_id is not None and _get(session, WhyRow, parent_id).entry_id != entry_id:
                raise InvalidValue("A why can only be asked of an answer in the same entry.")
            _insert_at(session, _why_siblings(session, entry_id, parent_id), row, position)
        return row.id

    def update_why(self, why_id: str, question: str | None = None, answer: str | None = None,
                   root_cause: bool | None = None, expected: Mapping[str, Any] | None = None) -> None:
        """Change a why's question, answer or root-cause mark (`expected`: as in update_entry)."""
        unknown = set(expected or {}) - {"question", "answer", "root_cause"}
        if unknown:
            raise ValueError(f"not why fields: {sorted(unknown)}")
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, WhyRow, why_id)
            self._touch(session, row.entry_id, changed)
            safety.check_expected(row, expected or {}, "This why")
            for name, value in (("question", question), ("answer", answer),
                                ("root_cause", root_cause)):
                if value is not None:
                    setattr(row, name, value)

    def delete_why(self, why_id: str) -> None:
        """Remove a why with every why asked below it."""
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, WhyRow, why_id)
            self._touch(session, row.entry_id, changed)
            session.delete(row)
            session.flush()
            _renumber(_why_siblings(session, row.entry_id, row.parent_id))

    def move_why(self, why_id: str, parent_id: str | None, position: int | None = None) -> None:
        """Move a why (with its branch) under another parent of the same entry, or reorder it."""
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, WhyRow, why_id)
            self._touch(session, row.entry_id, changed)
            self._check_new_parent(session, row, parent_id)
            old_siblings = [w for w in _why_siblings(session, row.entry_id, row.parent_id)
                            if w.id != why_id]
            _renumber(old_siblings)
            row.parent_id = parent_id
            new_siblings = [w for w in _why_siblings(session, row.entry_id, parent_id)
                            if w.id != why_id]
            _place(new_siblings, row, position)

    def _check_new_parent(self, session: Session, row: WhyRow, parent_id: str | None) -> None:
        ancestor_id = parent_id
        while ancestor_id is not None:
            if ancestor_id == row.id:
                raise InvalidValue("A why cannot be moved below its own answer.")
            ancestor = _get(session, WhyRow, ancestor_id)
            if ancestor.entry_id != row.entry_id:
                raise InvalidValue("A why can only be moved within its own entry.")
            ancestor_id = ancestor.parent_id

    def set_why_mechanisms(self, why_id: str, names: Sequence[str]) -> None:
        """Link the why to these mechanisms (created when new, matched ignoring case)."""
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, WhyRow, why_id)
            self._touch(session, row.entry_id, changed)
            session.exec(sa.delete(WhyMechanismRow).where(WhyMechanismRow.why_id == why_id))
            ids = _ensure_mechanisms(session, [Mechanism(name) for name in names if name.strip()])
            for position, mechanism_id in enumerate(dict.fromkeys(
                    ids[_key(name)] for name in names if name.strip())):
                session.add(WhyMechanismRow(why_id=why_id, mechanism_id=mechanism_id,
                                            entry_id=row.entry_id, position=position))

    # -- actions and guidelines ------------------------------------------------------------

    def add_action(self, entry_id: str, why_id: str | None = None, text: str = "",
                   due_on: date | None = None) -> str:
        """Add an open action to the entry, or to one of its whys; returns its id."""
        row = ActionRow(id=new_id(), entry_id=entry_id, why_id=why_id, text=text, due_on=due_on,
                        status=ActionStatus.OPEN.value)
        changed: set[str] = set()
        with self.writing(changed) as session:
            self._touch(session, entry_id, changed)
            _insert_at(session, _action_siblings(session, entry_id, why_id), row, None)
        return row.id

    def update_action(self, action_id: str, **changes: Any) -> None:
        """Change an action's text, status, due_on or done_on; marking it done dates it today."""
        unknown = set(changes) - {"text", "status", "due_on", "done_on"}
        if unknown:
            raise ValueError(f"not action fields: {sorted(unknown)}")
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, ActionRow, action_id)
            self._touch(session, row.entry_id, changed)
            if "status" in changes:
                status = _action_status(changes.pop("status"))
                row.status = status.value
                if "done_on" not in changes:
                    row.done_on = _done_on(status)
            for name, value in changes.items():
                setattr(row, name, value)

    def mark_actions(self, action_ids: Iterable[str], status: ActionStatus | str) -> None:
        """Give these actions one status in one transaction, all or none (done dates them today)."""
        status = _action_status(status)
        ids = sorted(set(action_ids))
        changed: set[str] = set()
        with self.writing(changed, reindex=False) as session:  # a status is not searched
            entry_of: dict[str, str] = {}
            for chunk in id_chunks(ids):
                query = select(ActionRow.id, ActionRow.entry_id).where(ActionRow.id.in_(chunk))
                entry_of.update((action_id, entry_id) for action_id, entry_id in session.execute(query))
            if len(entry_of) < len(ids):
                raise InvalidValue("An action to mark no longer exists; nothing was changed.")
            _update_by_ids(session, ActionRow, ids, status=status.value, done_on=_done_on(status))
            changed.update(entry_of.values())
            _update_by_ids(session, EntryRow, sorted(changed), updated_at=now_utc())

    def delete_action(self, action_id: str) -> None:
        """Remove an action."""
        self._delete_child(ActionRow, action_id, lambda row: sa.and_(
            ActionRow.entry_id == row.entry_id, _is(ActionRow.why_id, row.why_id)))

    def add_guideline(self, entry_id: str, text: str = "") -> str:
        """Add a guideline to the entry; returns its id."""
        row = GuidelineRow(id=new_id(), entry_id=entry_id, text=text)
        changed: set[str] = set()
        with self.writing(changed) as session:
            self._touch(session, entry_id, changed)
            _insert_at(session, _ordered(session, GuidelineRow, GuidelineRow.entry_id == entry_id),
                       row, None)
        return row.id

    def update_guideline(self, guideline_id: str, text: str) -> None:
        """Change a guideline's text."""
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, GuidelineRow, guideline_id)
            self._touch(session, row.entry_id, changed)
            row.text = text

    def delete_guideline(self, guideline_id: str) -> None:
        """Remove a guideline."""
        self._delete_child(GuidelineRow, guideline_id,
                           lambda row: GuidelineRow.entry_id == row.entry_id)

    def _delete_child(self, table: type, row_id: str, siblings_of: Callable) -> None:
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, table, row_id)
            self._touch(session, row.entry_id, changed)
            session.delete(row)
            session.flush()
            _renumber(_ordered(session, table, siblings_of(row)))

    def _move_child(self, table: type, row_id: str, position: int, siblings_of: Callable) -> None:
        changed: set[str] = set()
        with self.writing(changed) as session:
            row = _get(session, table, row_id)
            self._touch(session, row.entry_id, changed)
            others = [r for r in _ordered(session, table, siblings_of(row)) if r.id != row_id]
            _place(others, row, position)

    # -- mechanisms ------------------------------------------------------------------------

    def mechanisms(self) -> list[Mechanism]:
        """Every mechanism, by name."""
        with self.reading() as session:
            rows = session.exec(select(MechanismRow).order_by(MechanismRow.name_key))
            return [Mechanism(row.name, row.description) for row in rows]

    def rename_mechanism(self, old: str, new: str) -> None:
        """Give a mechanism a new name; a name another mechanism has is refused (merge instead)."""
        new = _mechanism_name(new)
        with self.writing() as session:
            row = _mechanism(session, old)
            clash = _find_mechanism(session, new)
            if clash is not None and clash.id != row.id:
                raise InvalidValue(f"A mechanism named “{clash.name}” exists already; merge them instead.")
            row.name, row.name_key = new, _key(new)
            search.reindex_entries(session.connection(), _entries_of(session, [row.id]))

    def merge_mechanisms(self, sources: Sequence[str], target: str) -> None:
        """Move every link of the `sources` to `target` and remove the sources."""
        with self.writing() as session:
            target_row = _mechanism(session, target)
            source_rows = [_mechanism(session, name) for name in sources]
            source_ids = [row.id for row in source_rows if row.id != target_row.id]
            entry_ids = _entries_of(session, source_ids)
            conn = session.connection()
            for source_id in source_ids:
                conn.execute(sa.text(
                    "UPDATE OR IGNORE why_mechanism SET mechanism_id = :target "
                    "WHERE mechanism_id = :source"), {"target": target_row.id, "source": source_id})
                conn.execute(sa.text("DELETE FROM mechanism WHERE id = :id"), {"id": source_id})
            search.reindex_entries(conn, entry_ids)

    def delete_mechanism(self, name: str) -> None:
        """Remove a mechanism and its links to whys."""
        with self.writing() as session:
            row = _mechanism(session, name)
            entry_ids = _entries_of(session, [row.id])
            session.delete(row)
            session.flush()
            search.reindex_entries(session.connection(), entry_ids)

    def mechanism_stats(self, entry_filter: EntryFilter = EntryFilter()) -> list[MechanismStats]:
        """How often each mechanism recurs among the filtered entries, the most frequent first."""
        where, params = _where(entry_filter)
        sql = sa.text(
            "SELECT m.name, s.entries, s.whys, s.first_seen, s.last_seen FROM ("
            " SELECT wm.mechanism_id, count(DISTINCT e.rowid) AS entries, count(*) AS whys,"
            " min(e.occurred_on) AS first_seen, max(e.occurred_on) AS last_seen"
            f" FROM {_links_with_entries(where)} WHERE {where}"
            " GROUP BY wm.mechanism_id) s JOIN mechanism m ON m.id = s.mechanism_id"
            " ORDER BY s.entries DESC, s.whys DESC, m.name_key"
        ).columns(first_seen=sa.Date, last_seen=sa.Date)
        with self.reading() as session:
            return [MechanismStats(**row) for row in session.connection().execute(sql, params).mappings()]

    # -- import ----------------------------------------------------------------------------

    def import_entries(self, entries: Sequence[Entry], mechanisms: Sequence[Mechanism] = ()
                       ) -> ImportReport:
        """Add entries whose ids are new, all or nothing; mechanisms are merged by name."""
        with self.writing() as session:
            existing = _existing_ids(session, [entry.id for entry in entries])
            fresh = list({e.id: e for e in entries if e.id not in existing}.values())
            wanted = list(mechanisms) + [Mechanism(n) for e in fresh for n in e.mechanism_names()]
            _ensure_mechanisms(session, wanted)
            self._insert_entries(session, fresh, index=True)
        return ImportReport(added=len(fresh), skipped=len(entries) - len(fresh))

    def _insert_entries(self, session: Session, entries: Sequence[Entry], index: bool) -> None:
        ids = _ensure_mechanisms(session, [Mechanism(n) for e in entries for n in e.mechanism_names()])
        rows = EntryRows()
        for entry in entries:
            rows.add(entry, ids)
        conn = session.connection()
        for table, values in ((EntryRow, rows.entry), (InputRow, rows.input), (WhyRow, rows.why),
                              (WhyMechanismRow, rows.why_mechanism), (ActionRow, rows.action),
                              (GuidelineRow, rows.guideline)):
            if values:
                conn.execute(sa.insert(table.__table__), values)
        if index:
            search.index_new_entries(conn, [entry.id for entry in entries])

    def _load_entry(self, session: Session, entry_id: str) -> Entry | None:
        entries = self._load_entries(session, [entry_id])
        return entries[0] if entries else None

    def _load_entries(self, session: Session, ids: Sequence[str]) -> list[Entry]:
        return loader.load_entries(session.connection().connection.driver_connection, ids)


# -- helpers --------------------------------------------------------------------------------

def _check_unchanged(stored: Entry | None, expected: Entry) -> None:
    """Raise EditConflict unless the journal still holds `expected` exactly."""
    if stored is None:
        raise EditConflict("This entry was deleted in another window since you opened it.")
    if stored != expected:
        raise EditConflict("This entry was changed in another window since you opened it.", current=stored)


def _typed_summary(sql: str) -> sa.TextClause:
    return sa.text(sql).columns(occurred_on=sa.Date, updated_at=AwareDateTime)


def _where(entry_filter: EntryFilter, walk_newest: bool = False) -> tuple[str, dict[str, Any]]:
    """A WHERE clause over `entry e` for the filter, with its parameters.

    `walk_newest`: for one page of the newest matches, walk the entries newest first and stop at the
    page, instead of fetching and sorting every entry that matches the typed words.
    """
    clauses, params = [_NO_FILTER], {}
    if entry_filter.since:
        clauses.append("e.occurred_on >= :since")
        params["since"] = entry_filter.since.isoformat()
    if entry_filter.until:
        clauses.append("e.occurred_on <= :until")
        params["until"] = entry_filter.until.isoformat()
    if entry_filter.area:
        clauses.append("e.area = :area")
        params["area"] = entry_filter.area
    if entry_filter.valence:
        clauses.append("e.valence = :valence")
        params["valence"] = _valence(entry_filter.valence).value
    if entry_filter.mechanism:
        clauses.append(
            "e.id IN (SELECT wm.entry_id FROM why_mechanism wm "
            "JOIN mechanism m ON m.id = wm.mechanism_id WHERE m.name_key = :mechanism)")
        params["mechanism"] = _key(entry_filter.mechanism)
    query = search.match_query(entry_filter.text)
    if query:
        # Unary + keeps SQLite from looking the matches up by id (then sorting them all).
        clauses.append(f"{'+' if walk_newest else ''}e.id IN ({search.MATCHING_ENTRY_IDS})")
        params["match"] = query
    return " AND ".join(clauses), params


def _links_with_entries(where: str) -> str:
    """Mechanism links joined to their entries, read in the order that is fastest for the filter.

    With a filter, start from the matching entries; without one, walk every link in mechanism order
    (grouping by mechanism then needs no sort) and take each entry's date from an index.
    """
    if where == _NO_FILTER:
        return ("why_mechanism wm INDEXED BY ix_why_mechanism_mechanism_entry "
                "CROSS JOIN entry e INDEXED BY ix_entry_id_occurred_on ON e.id = wm.entry_id")
    return "entry e CROSS JOIN why_mechanism wm ON wm.entry_id = e.id"


def _existing_ids(session: Session, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(session.exec(select(EntryRow.id).where(EntryRow.id.in_(chunk))))
    return found


_key = mechanism_key


def _mechanism_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidValue("A mechanism needs a name.")
    return name


def _find_mechanism(session: Session, name: str) -> MechanismRow | None:
    return session.exec(select(MechanismRow).where(MechanismRow.name_key == _key(name))).first()


def _mechanism(session: Session, name: str) -> MechanismRow:
    row = _find_mechanism(session, name)
    if row is None:
        raise InvalidValue(f"There is no mechanism named “{name}”.")
    return row


def _ensure_mechanisms(session: Session, mechanisms: Iterable[Mechanism]) -> dict[str, str]:
    """Ids by casefolded name for these mechanisms, creating the missing ones."""
    ids: dict[str, str] = {}
    for mechanism in mechanisms:
        name = _mechanism_name(mechanism.name)
        if _key(name) in ids:
            continue
        row = _find_mechanism(session, name)
        if row is None:
            row = MechanismRow(id=new_id(), name=name, name_key=_key(name),
                               description=mechanism.description)
            session.add(row)
            session.flush()
        elif mechanism.description and not row.description:
            row.description = mechanism.description
        ids[_key(name)] = row.id
    return ids


def _entries_of(session: Session, mechanism_ids: Sequence[str]) -> set[str]:
    if not mechanism_ids:
        return set()
    return set(session.exec(
        select(WhyMechanismRow.entry_id).where(WhyMechanismRow.mechanism_id.in_(mechanism_ids))))


def _done_on(status: ActionStatus) -> date | None:
    """The done date an action gets with this status: today when done, none otherwise."""
    return date.today() if status is ActionStatus.DONE else None


def _update_by_ids(session: Session, table: type, ids: Sequence[str], **values: Any) -> None:
    """Set these columns on the rows with these ids, in a few UPDATE statements (no ORM objects)."""
    for chunk in id_chunks(ids):
        session.execute(sa.update(table).where(table.id.in_(chunk)).values(**values)
                        .execution_options(synchronize_session=False))


def _get(session: Session, table: type, row_id: str) -> Any:
    row = session.get(table, row_id)
    if row is None:
        raise InvalidValue("That item no longer exists.")
    return row


def _is(column: Any, value: str | None) -> Any:
    return column.is_(None) if value is None else column == value


def _ordered(session: Session, table: Any, condition: Any) -> list[Any]:
    return list(session.exec(select(table).where(condition).order_by(table.position)))


def _why_siblings(session: Session, entry_id: str, parent_id: str | None) -> list[WhyRow]:
    return _ordered(session, WhyRow, sa.and_(WhyRow.entry_id == entry_id, _is(WhyRow.parent_id, parent_id)))


def _action_siblings(session: Session, entry_id: str, why_id: str | None) -> list[ActionRow]:
    condition = sa.and_(ActionRow.entry_id == entry_id, _is(ActionRow.why_id, why_id))
    return _ordered(session, ActionRow, condition)


def _renumber(rows: Sequence[Any]) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


def _place(others: list[Any], row: Any, position: int | None) -> None:
    position = len(others) if position is None else max(0, min(position, len(others)))
    others.insert(position, row)
    _renumber(others)


def _insert_at(session: Session, siblings: list[Any], row: Any, position: int | None) -> None:
    session.add(row)
    _place(siblings, row, position)


def _valence(value: Valence | str) -> Valence:
    try:
        return Valence(value)
    except ValueError:
        raise InvalidValue(f"“{value}” is not a valence (negative, positive or mixed).") from None


def _input_kind(value: InputKind | str) -> InputKind:
    try:
        return InputKind(value)
    except ValueError:
        raise InvalidValue(
            f"“{value}” is not a kind of input (process, action, luck or time).") from None


def _action_status(value: ActionStatus | str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError:
        raise InvalidValue(f"“{value}” is not an action status (open, done or dropped).") from None

