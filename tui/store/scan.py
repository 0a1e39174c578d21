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
from collections.abc import Iterator
from contextlib import AbstractContextManager
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
    if (name.isascii() and "\\" not in name) or not NEEDS_ESCAPE.search(name):
        return name  # isascii is a flag read: the regex cost 1.3 µs a name at 100k
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

    Sorting makes the build, and the ids it settles, independent of directory order.
    """
    stamps = scan_stamps(folder)
    return [FileStat(source, *stamps[source]) for source in sorted(stamps)]


def scan_stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Every posting file below ``folder`` (recursively): source -> (size, mtime_ns), in
    no particular order. What a rebuild compares with the file index in one dict
    comparison (:meth:`tui.store.file_index.FileIndex.stamps`); no sort, no per-file
    object beyond the pair.

    Hidden files and folders (editor swap files, ``.git``) are left out, and so
    are links that lead nowhere; links to folders are listed (size 0, the link's
    mtime), not walked, for the build to report them.

    One ``stat`` a file, relative to its open folder (``fstatat``: the kernel does
    not walk the folder's path again for each file; 15 % less system time at 100k).
    """
    found: dict[str, tuple[int, int]] = {}
    try:
        top = os.stat(folder)
    except OSError:
        return found
    visited = {(top.st_dev, top.st_ino)}
    pending = [(str(folder), "")]
    suffixes = POSTING_SUFFIXES
    while pending:
        directory, prefix = pending.pop()
        try:
            entries = _entries(directory)
        except OSError:
            continue
        with entries as listing:
            for entry in listing:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    if entry.is_file(follow_symlinks=False):  # most entries: one check
                        if (not name.endswith(".md")
                                and "." + name.rpartition(".")[2].lower() not in suffixes):
                            continue
                        stat = entry.stat()
                    elif entry.is_dir(follow_symlinks=False):
                        inode = entry.stat(follow_symlinks=False)
                        if (inode.st_dev, inode.st_ino) not in visited:
                            visited.add((inode.st_dev, inode.st_ino))
                            pending.append((os.path.join(directory, name),
                                            f"{prefix}{source_name(name)}/"))
                        continue
                    elif entry.is_symlink() and entry.is_dir():
                        # Listed, so that the build reports it as not followed.
                        link = entry.stat(follow_symlinks=False)
                        found[prefix + source_name(name)] = (0, link.st_mtime_ns)
                        continue
                    elif "." + name.rpartition(".")[2].lower() not in suffixes:
                        continue
                    else:
                        stat = entry.stat()  # a link: what it leads to
                except OSError:
                    continue
                if name.isascii() and "\\" not in name:
                    found[prefix + name] = (stat.st_size, stat.st_mtime_ns)
                else:
                    found[prefix + source_name(name)] = (stat.st_size, stat.st_mtime_ns)
    return found


class _FolderEntries:
    """``os.scandir`` of a folder opened by descriptor, so that each entry's ``stat``
    is an ``fstatat`` relative to it; the descriptor closed with the listing."""

    def __init__(self, directory: str) -> None:
        self._fd = os.open(directory, _DIRECTORY_FLAGS)
        try:
            self._entries = os.scandir(self._fd)
        except OSError:
            os.close(self._fd)
            raise

    def __enter__(self) -> Iterator[os.DirEntry[str]]:
        return self._entries

    def __exit__(self, *_exc: object) -> None:
        self._entries.close()
        os.close(self._fd)


_DIRECTORY_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def _entries(directory: str) -> AbstractContextManager[Iterator[os.DirEntry[str]]]:
    if os.scandir in os.supports_fd:
        return _FolderEntries(directory)
    return os.scandir(directory)  # no descriptors (Windows): by path
