"""Find the posting files under a folder, with what tells us cheaply whether they changed.

What is followed: every real subfolder (hidden ones aside). Links to folders are
not followed: one inside the folder only leads to files found anyway, one
outside would import whatever it points to (``ln -s / root``), and either can
make a loop (``ln -s . a``); they are listed, for the build to report them as
skipped. Links to files are listed; reading one that leads outside the postings
folder is refused when it is read (:mod:`tui.store.reading`). Folders are
remembered by (device, inode), so even a bind-mounted loop is walked once.

File names are stored losslessly as text (:func:`source_name`): a name that is
not UTF-8 (``caf\\xe9.md`` written by an old system) keeps its bytes as
``\\xNN`` escapes, which JSON can hold and the screen can show.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

# Saved web pages are read for their schema.org JobPosting or their main content.
POSTING_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm", ".xhtml"})
# What a file system name may hold that JSON cannot (a byte that is not UTF-8,
# decoded by Python as a lone surrogate) or that the escapes below use.
NEEDS_ESCAPE = re.compile("[\\\\\udc80-\udcff]")
ESCAPED = re.compile(r"\\(\\|x[0-9a-f]{2})")


class FileStat(NamedTuple):  # a tuple: 100k of them are made on every rebuild
    source: str  # posix path relative to the postings folder, as source_name() stores it
    size: int
    mtime_ns: int


def source_name(name: str) -> str:
    """A path as Python decoded it from the file system, as text safe to store and show:
    each byte that was not UTF-8 as ``\\xNN``, a backslash doubled. One to one, so
    :func:`file_name` gives the path back; names without either are unchanged."""
    if not NEEDS_ESCAPE.search(name):
        return name
    return NEEDS_ESCAPE.sub(
        lambda match: "\\\\" if match.group() == "\\" else f"\\x{ord(match.group()) - 0xDC00:02x}",
        name,
    )


def file_name(source: str) -> str:
    """The path :func:`source_name` stored as ``source``, as the file system has it."""
    if "\\" not in source:
        return source
    return ESCAPED.sub(
        lambda match: "\\" if match.group(1) == "\\" else chr(0xDC00 + int(match.group(1)[1:], 16)),
        source,
    )


def scan_postings(folder: Path) -> list[FileStat]:
    """Every posting file below ``folder`` (recursively), sorted by source path.

    Hidden files and folders (editor swap files, ``.git``) are left out, and so
    are links that lead nowhere; links to folders are listed, not walked, for the
    build to report them. Sorting makes the build,
    and the ids it settles, independent of directory order.
    """
    found: list[FileStat] = []
    try:
        top = os.stat(folder)
    except OSError:
        return found
    visited = {(top.st_dev, top.st_ino)}
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
                    if entry.is_dir(follow_symlinks=False):
                        inode = entry.stat(follow_symlinks=False)
                        if (inode.st_dev, inode.st_ino) not in visited:
                            visited.add((inode.st_dev, inode.st_ino))
                            pending.append((entry.path, f"{prefix}{source_name(name)}/"))
                        continue
                    if entry.is_symlink() and entry.is_dir():
                        # Listed, so that the build reports it as not followed.
                        link = entry.stat(follow_symlinks=False)
                        found.append(FileStat(prefix + source_name(name), 0, link.st_mtime_ns))
                        continue
                    if "." + name.rpartition(".")[2].lower() not in POSTING_SUFFIXES:
                        continue
                    stat = entry.stat()  # a link: what it leads to
                except OSError:
                    continue
                found.append(FileStat(prefix + source_name(name), stat.st_size, stat.st_mtime_ns))
    found.sort()  # by source: sources are unique
    return found
