"""Entry point: run a command-line subcommand, or build the window and connect everything."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """`fivewhys` and `python main.py`: a subcommand, or the window when there is none."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not opens_window_only(argv):
        from journal import cli

        status = cli.run(argv)
        if status >= 0:
            return status
    from journal.ui.launch import run_window

    return run_window(argv)


def opens_window_only(argv: Sequence[str]) -> bool:
    """Whether the command line plainly asks for the window: nothing, or just `--db PATH`.

    Such a command line needs no parser (building the command line's parser would delay the
    window); anything else goes through journal.cli, which also says which arguments are wrong.
    """
    if not argv:
        return True
    if len(argv) == 1:
        return argv[0].startswith("--db=") and len(argv[0]) > len("--db=")
    return len(argv) == 2 and argv[0] == "--db" and argv[1] != "" and not argv[1].startswith("-")


if __name__ == "__main__":
    sys.exit(main())
