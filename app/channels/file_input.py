"""Reading a file someone chose to import: only a regular file, and only up to a limit.

Every import (orders, SKUs, bins, seller labels) reads the whole file into memory before
it parses it, so a device such as ``/dev/zero`` or a huge export would exhaust the
memory of the PC, and a named pipe would block the read for ever. This one check runs
before any byte is read, for every import path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.domain.errors import QT_TRANSLATE_NOOP, FileUnreadable

#: The largest file an import reads (200 MB: about a million order lines in CSV). Named in
#: README.md and docs/user-guide.md.
MAX_IMPORT_MB = 200
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024


class NotARegularFile(FileUnreadable):
    """A folder, a device (``/dev/zero``), a pipe or a socket: nothing to import from."""

    code = "not_a_file"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot import {path}: it is not a file saved on disk (a folder, a device "
        "or a pipe); choose a saved file."
    )


class FileTooLarge(FileUnreadable):
    code = "file_too_large"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot import {path}: it is {size} MB, more than the {limit} MB an import "
        "file may have; split it into smaller files."
    )


def read_import_file(path: str | Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The file's bytes, after checking it is a regular file of at most ``limit`` bytes.

    Opened without blocking (a pipe would otherwise wait for a writer) and checked on
    the open handle, so a file swapped after the check is still the one checked; a
    file that grows past the limit while it is read is refused as well.
    """
    p = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path=str(p))
        if info.st_size > limit:
            raise _too_large(p, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:  # EISDIR on some systems, I/O errors
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(p, len(data), limit)
    return data


def _too_large(path: Path, size: int, limit: int) -> FileTooLarge:
    mb = 1024 * 1024
    return FileTooLarge(path=str(path), size=-(-size // mb), limit=-(-limit // mb))
