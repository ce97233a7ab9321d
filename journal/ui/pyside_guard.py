"""A guard against a PySide6 6.12.0 bug: every call of a Python slot drops one reference to True.

On Python 3.11 True is an ordinary object, so after some thousands of signals its count reaches zero
and the interpreter aborts ("bool_dealloc: deallocating True or False"). 6.11.3 does not have the bug;
pinning it is the real fix. On an affected version the window adds references to True that are never
given back (not even when the interpreter shuts down), topped up while the app runs.
"""

from __future__ import annotations

import ctypes
import sys

AFFECTED_VERSIONS = frozenset({"6.12.0"})
RESERVE = 1_000_000


def affected() -> bool:
    """Whether the installed PySide6 has the bug and Python's True can be freed."""
    import PySide6

    return PySide6.__version__ in AFFECTED_VERSIONS and sys.version_info < (3, 12)


def top_up() -> None:
    """Keep True's reference count far above what the bug can take away between two top-ups."""
    if affected() and sys.getrefcount(True) < RESERVE:
        # CPython objects start with their reference count (Py_ssize_t); the bug drops references
        # it never took, so this gives them back in bulk.
        ctypes.c_ssize_t.from_address(id(True)).value += RESERVE
