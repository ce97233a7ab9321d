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


def unsaved_folders() -> list[Path]:
    """Where edits that could not be saved are kept aside: the data dir, else a private temp folder
    (on a full disk the temp folder may be elsewhere, e.g. in memory)."""
    import getpass
    import tempfile

    return [data_dir() / "unsaved", Path(tempfile.gettempdir()) / f"fivewhys-unsaved-{getpass.getuser()}"]


def settings_file() -> Path:
    """The small JSON file of window settings (the last journal used)."""
    return config_dir() / "settings.json"


def remembered_journal() -> Path | None:
    """The journal the window had open last time, if one was remembered."""
    import json

    try:
        value = json.loads(settings_file().read_text(encoding="utf-8")).get("last_journal")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(value) if isinstance(value, str) and value else None


def remember_journal(path: Path) -> None:
    """Remember `path` as the journal to open next time (quietly skipped if settings cannot be written)."""
    import json

    try:
        settings_file().parent.mkdir(parents=True, exist_ok=True)
        settings_file().write_text(json.dumps({"last_journal": str(path)}), encoding="utf-8")
    except OSError:
        pass


def window_journal(cli_value: str | None) -> Path:
    """The journal the window opens: --db, then FIVEWHYS_DB, then the last one used, then the default."""
    return explicit_journal(cli_value) or remembered_journal() or default_journal()
