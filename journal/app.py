"""Entry point: run a command-line subcommand, or build the window and connect everything."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """`fivewhys` and `python main.py`: a subcommand, or the window when there is none."""
    from journal import cli

    argv = sys.argv[1:] if argv is None else list(argv)
    status = cli.run(argv)
    if status >= 0:
        return status
    from journal.ui.launch import run_window

    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
