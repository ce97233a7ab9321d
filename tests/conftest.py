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
