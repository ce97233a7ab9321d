"""Where things live: the journal file (from --db, then FIVEWHYS_DB, then the user data dir) and settings."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "fivewhys-journal"
ENV_DB = "FIVEWHYS_DB"
SAMPLE_JOURNAL = Path(__file__).with_name("resources") / "sample_journal.json"


def data_dir() -> Path:
    """The per-user folder for journals (platformdirs' user data dir)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The per-user folder for settings such as the last journal used."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_journal() -> Path:
    """The journal used when none is named."""
    return data_dir() / "journal.sqlite"


def explicit_journal(cli_value: str | None) -> Path | None:
    """The journal named on the command line or in FIVEWHYS_DB, if any."""
    value = cli_value or os.environ.get(ENV_DB)
    return Path(value).expanduser().absolute() if value else None


def resolve_journal(cli_value: str | None) -> Path:
    """The journal to use: --db, then FIVEWHYS_DB, then the default location."""
    return explicit_journal(cli_value) or default_journal()
