"""Find the posting files under a folder, with what tells us cheaply whether they changed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

POSTING_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


class FileStat(NamedTuple):  # a tuple: 100k of them are made on every rebuild
    source: str  # posix path relative to the postings folder
    size: int
    mtime_ns: int


def scan_postings(folder: Path) -> list[FileStat]:
    """Every posting file below ``folder`` (recursively), sorted by source path.

    Hidden files and folders (editor swap files, ``.git``) are left out, and so
    are links that lead nowhere. Sorting makes the build, and the ids it
    settles, independent of directory order.
    """
    found: list[FileStat] = []
    pending = [(str(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = os.scandir(directory)
        except OSError:
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        pending.append((entry.path, f"{prefix}{name}/"))
                        continue
                    if "." + name.rpartition(".")[2].lower() not in POSTING_SUFFIXES:
                        continue
                    stat = entry.stat()
                except OSError:
                    continue
                found.append(FileStat(prefix + name, stat.st_size, stat.st_mtime_ns))
    found.sort()  # by source: sources are unique
    return found
