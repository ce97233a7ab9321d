"""The child process of folder_writer: writes the whole files it is sent, then flushes them to disk.

Run as `python -I -S folder_writer_child.py FOLDER` (the standard library only, so it starts in
milliseconds). Its input is a stream of records, each a header (the name's and the content's length
in bytes, struct HEADER) then the UTF-8 file name then the content; a header with an empty name ends
the stream. Each file goes to a temporary name beside its final one and is renamed into place only
once whole. At the end it flushes the folder's file system once and prints one JSON line:
{"ok": true}, or on the first failure {"failed": "write" or "sync", "errno": ..., "strerror": ...,
"name": ...} (the temporary file removed). If its input ends without the end record (the parent
stopped), it stops too and flushes nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import sys
from typing import BinaryIO

HEADER = struct.Struct("<II")
PIPE_BUFFER = 1 << 18  # bytes read or written at a time on either end of the pipe (many files per call)
FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
SYNC_EACH = not hasattr(os, "sync")  # Windows: no way to flush a whole file system, so fsync every file


class Folder:
    """Whole-file writes into one folder, through a descriptor of the folder where the OS allows it."""

    def __init__(self, path: str) -> None:
        self.path = path
        at_folder = {os.open, os.rename, os.unlink} <= os.supports_dir_fd  # os.replace goes with os.rename
        self.descriptor = os.open(path, os.O_RDONLY) if at_folder else None
        self._in = {} if self.descriptor is None else {"dir_fd": self.descriptor}
        self._within = {} if self.descriptor is None else {"src_dir_fd": self.descriptor,
                                                           "dst_dir_fd": self.descriptor}

    def write(self, name: str, data: bytes) -> None:
        temporary = f".{name}.{os.getpid()}.tmp"
        try:
            self._write_whole(temporary, data)
            os.replace(self._at(temporary), self._at(name), **self._within)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self._at(temporary), **self._in)
            raise

    def _write_whole(self, name: str, data: bytes) -> None:
        descriptor = os.open(self._at(name), FLAGS, 0o600, **self._in)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
            if SYNC_EACH:
                os.fsync(descriptor)
        finally:
            os.close(descriptor)

    def _at(self, name: str) -> str:
        return name if self.descriptor is not None else os.path.join(self.path, name)

    def close(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)

    def sync(self) -> None:
        """Flush what was written: on Linux only this folder's file system (syncfs), else all of them."""
        if SYNC_EACH:
            return
        syncfs = _syncfs()
        if syncfs is None or self.descriptor is None:
            os.sync()
        elif syncfs(self.descriptor) != 0:
            import ctypes

            number = ctypes.get_errno()
            raise OSError(number, os.strerror(number))


def _syncfs() -> object:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def serve(folder: Folder, source: BinaryIO) -> dict[str, object] | None:
    """Write every record of `source`; what to report, or None if the input ended early."""
    while True:
        header = source.read(HEADER.size)
        if len(header) < HEADER.size:
            return None
        name_size, data_size = HEADER.unpack(header)
        if name_size == 0:
            break
        name = source.read(name_size).decode("utf-8")
        data = source.read(data_size)
        if len(data) < data_size:
            return None
        try:
            folder.write(name, data)
        except OSError as error:
            return {"failed": "write", "errno": error.errno, "strerror": error.strerror, "name": name}
    try:
        folder.sync()
    except OSError as error:
        return {"failed": "sync", "errno": error.errno, "strerror": error.strerror, "name": ""}
    return {"ok": True}


def main() -> int:
    if sys.platform == "win32":
        import msvcrt

        for stream in (sys.stdin, sys.stdout):
            msvcrt.setmode(stream.fileno(), os.O_BINARY)
    try:
        folder = Folder(sys.argv[1])
    except OSError as error:
        report: dict[str, object] | None = {"failed": "write", "errno": error.errno,
                                             "strerror": error.strerror, "name": ""}
    else:
        with open(sys.stdin.fileno(), "rb", buffering=PIPE_BUFFER, closefd=False) as source:
            report = serve(folder, source)
    if report is None:
        return 1
    sys.stdout.write(json.dumps(report) + "\n")
    sys.stdout.flush()
    return 0 if report.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
