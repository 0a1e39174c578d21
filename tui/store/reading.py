"""Read one posting file, and nothing a posting file cannot be.

Only regular files are read: a FIFO would block the build (and the app's quit)
forever, a device such as ``/dev/zero`` would read until memory runs out. The
size is checked before reading, and a read never takes more than one byte past
the largest posting the parser accepts: a 3 GB sparse file used to be read whole
(33 s, 3.2 GB of memory) only to be skipped as too large. A link is read only
when it leads to a file inside the postings folder.
"""

from __future__ import annotations

import errno
import os
import stat

from tui.parsing.decode import MAX_BYTES
from tui.store.scan import file_name

# O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after.
OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class NotRead(Exception):
    """The file was not read; ``reason`` says why, in words for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def too_large(size: int) -> str:
    """The parser's own words for a file over its limit."""
    return (f"too large ({size / 1_048_576:.1f} MB; postings over "
            f"{MAX_BYTES // 1_048_576} MB are skipped)")


def read_posting(root: str, source: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``source`` (a stored name, see :func:`tui.store.scan.source_name`)
    below ``root``: at most ``limit + 1`` of them, so that a file that grew past the
    limit since it was listed is still refused by the parser. Raises :class:`NotRead`
    for what is not a posting file, OSError when it cannot be read."""
    path = os.path.join(root, file_name(source))
    try:
        descriptor = os.open(path, OPEN_FLAGS | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno != errno.ELOOP:  # ELOOP: the name itself is a link
            raise
        target = os.path.realpath(path)
        if os.path.isdir(target):
            raise NotRead("a link to a folder; links to folders are not followed") from None
        if os.path.commonpath([os.path.realpath(root), target]) != os.path.realpath(root):
            raise NotRead("a link to a file outside the postings folder; links "
                          "leaving the folder are not followed") from None
        descriptor = os.open(target, OPEN_FLAGS)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRead("not a regular file (a pipe, device or socket); not read")
        if info.st_size > limit:
            raise NotRead(too_large(info.st_size))
        # One read of the whole file: a short read of a regular file is its end, so
        # the second read that found the end cost a system call a posting for nothing.
        wanted = min(info.st_size + 1, limit + 1)
        chunk = os.read(descriptor, wanted)
        if len(chunk) < wanted:
            return chunk
        chunks = [chunk]  # it grew since fstat: read on, as far as the limit allows
        remaining = limit + 1 - len(chunk)
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)
