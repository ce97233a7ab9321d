"""The command line: argparse subcommands over the store and exchange layers; none opens the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from journal import paths

if TYPE_CHECKING:
    from journal.domain.model import EntryFilter
    from journal.store.repository import Journal

Command = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A command-line argument that cannot be used; str() is one sentence."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: `--db` is accepted before and after the subcommand."""
    parser = argparse.ArgumentParser(
        prog="fivewhys", description="Five Whys Journal: learn from outcomes by asking why.")
    parser.add_argument("--db", metavar="PATH", help="the journal file (default: FIVEWHYS_DB, "
                        "then the journal in your user data folder)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_import(commands, common)
    _add_export(commands, common)
    _add_stats(commands, common)
    _add_chart(commands, common)
    _add_check(commands)
    backup = commands.add_parser("backup", parents=[common], help="write a consistent copy of the journal")
    backup.add_argument("--out", required=True, type=Path, metavar="FILE")
    backup.set_defaults(run=run_backup)
    demo = commands.add_parser("demo", parents=[common], help="add the sample entries")
    demo.set_defaults(run=run_demo)
    return parser


def _add_import(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser("import", parents=[common],
                                  help="add the entries of a journal JSON file or Markdown folder")
    command.add_argument("file", type=Path, metavar="FILE")
    command.set_defaults(run=run_import)


def _add_export(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser("export", parents=[common], help="export the journal")
    command.add_argument("format", choices=["json", "markdown"])
    command.add_argument("--out", required=True, type=Path, metavar="FILE_OR_DIR")
    _add_filters(command)
    command.set_defaults(run=run_export)


def _add_stats(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser("stats", parents=[common],
                                  help="mechanism recurrence, most frequent first")
    command.add_argument("--json", action="store_true", help="print JSON")
    _add_filters(command)
    command.set_defaults(run=run_stats)


def _add_chart(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser("chart", parents=[common], help="save a review chart as PNG or SVG")
    command.add_argument("kind", choices=["pareto", "timeline", "inputs", "outcomes"])
    command.add_argument("--out", required=True, type=Path, metavar="FILE.png|FILE.svg")
    _add_filters(command)
    command.set_defaults(run=run_chart)


def _add_check(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("check", help="guidance findings for why-answers")
    command.add_argument("texts", nargs="*", metavar="TEXT",
                         help="answers to check (none: one answer per line on stdin)")
    command.add_argument("--json", action="store_true", help="one JSON object per answer")
    command.set_defaults(run=run_check)


def _add_filters(command: argparse.ArgumentParser) -> None:
    command.add_argument("--since", type=_iso_date, metavar="DATE", help="entries on or after DATE")
    command.add_argument("--until", type=_iso_date, metavar="DATE", help="entries on or before DATE")
    command.add_argument("--area", metavar="AREA")
    command.add_argument("--valence", choices=["negative", "positive", "mixed"])


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date like 2026-11-23") from None


def filter_from(args: argparse.Namespace) -> EntryFilter:
    """The entry filter given by --since/--until/--area/--valence."""
    from journal.domain.model import EntryFilter, Valence

    return EntryFilter(since=args.since, until=args.until, area=args.area,
                       valence=Valence(args.valence) if args.valence else None)


def open_journal(args: argparse.Namespace) -> Journal:
    """The journal named by --db / FIVEWHYS_DB / the default location, created if missing."""
    from journal.store.repository import Journal

    return Journal.open(paths.resolve_journal(getattr(args, "db", None)))


# -- commands ----------------------------------------------------------------------------------

def run_import(args: argparse.Namespace) -> int:
    from journal.exchange.files import read_document

    document = read_document(args.file)
    with open_journal(args) as journal:
        report = journal.import_entries(document.entries, document.mechanisms)
    print(f"Imported {report.added} entries" + (
        f" ({report.skipped} already in the journal)." if report.skipped else "."))
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        entries = journal.all_entries(filter_from(args))
        if args.format == "json":
            from journal.exchange.files import write_json

            count = write_json(args.out, entries, journal.mechanisms())
        else:
            from journal.exchange.markdown_files import write_markdown_folder

            count = len(write_markdown_folder(args.out, entries, mechanisms=journal.mechanisms()))
    print(f"Exported {count} entries to {args.out}.")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    entry_filter = filter_from(args)
    with open_journal(args) as journal:
        stats = journal.mechanism_stats(entry_filter)
        count = journal.count_entries(entry_filter)
    if args.json:
        print(json.dumps({"entries": count, "mechanisms": [
            {"name": s.name, "entries": s.entries, "whys": s.whys,
             "first_seen": s.first_seen.isoformat(), "last_seen": s.last_seen.isoformat()}
            for s in stats]}, ensure_ascii=False))
        return 0
    print(f"{count} entries, {len(stats)} mechanisms")
    for s in stats:
        print(f"{s.entries:5d} entries {s.whys:5d} whys  {s.first_seen}..{s.last_seen}  {s.name}")
    return 0


def run_chart(args: argparse.Namespace) -> int:
    from journal.charts.files import save_chart

    with open_journal(args) as journal:
        save_chart(journal, args.kind, args.out, filter_from(args))
    print(f"Saved the {args.kind} chart to {args.out}.")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from journal.domain.guidance import check_answer

    texts = args.texts or [line.rstrip("\r\n") for line in sys.stdin]
    for text in texts:
        findings = check_answer(text)
        if args.json:
            print(json.dumps({"text": text, "findings": [asdict(f) for f in findings]},
                             ensure_ascii=False))
            continue
        print(text)
        for finding in findings or []:
            print(f"  {finding.kind}: {finding.message} [{text[finding.start:finding.end]}]")
        if not findings:
            print("  no findings")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from journal.store.backup import backup_to

    path = paths.resolve_journal(getattr(args, "db", None))
    if not path.is_file():
        raise UsageError(f"There is no journal at {path} to back up.")
    backup_to(path, args.out)
    print(f"Backed up {path.name} to {args.out}.")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from journal.exchange.files import read_document

    document = read_document(paths.SAMPLE_JOURNAL)
    with open_journal(args) as journal:
        report = journal.import_entries(document.entries, document.mechanisms)
    print(f"Added {report.added} sample entries.")
    return 0


# -- entry point -------------------------------------------------------------------------------

def run(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or return -1 when the window should open. Errors: one sentence on stderr."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return -1
    from journal.exchange.errors import ExchangeError
    from journal.store.errors import JournalError

    try:
        return args.run(args)
    except (JournalError, ExchangeError, UsageError) as error:
        print(f"fivewhys: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
