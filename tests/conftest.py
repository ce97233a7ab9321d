"""Test-wide set-up: Qt renders offscreen and no test can reach the user's real data folders."""

import os
import tempfile

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("FIVEWHYS_DB", None)
_SANDBOX = tempfile.mkdtemp(prefix="fivewhys-tests-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = os.path.join(_SANDBOX, _var.lower())


@pytest.fixture
def db_path(tmp_path):
    """A path for a fresh journal database inside the test's temporary folder."""
    return tmp_path / "journal.sqlite"


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    """A generated journal: 300 entries over 50 mechanisms, some of them 60 characters long."""
    from journal.store.repository import Journal
    from tests.benchmarks.generated_journal import generated_entries

    entries, mechanisms = generated_entries(300, 50, whys_per_entry=4)
    with Journal.open(tmp_path_factory.mktemp("fifty") / "fifty.sqlite") as journal:
        journal.import_entries(entries, mechanisms)
        yield journal

