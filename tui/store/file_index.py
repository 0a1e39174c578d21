"""``files.json``: what the last build saw of every file, in columns, for the fast paths.

One row per posting file: its path, size and mtime, and what the build made of
it (the posting's id, content hash, identity key and date added, or why it was
skipped, and any warnings). At 100k postings it is a few MB where ``cache.json``
is 80 MB, so a rebuild that changes nothing, or only a few files, reads this and
never the cache itself. It is trusted only beside the very cache files it was
written with: their sizes and mtimes are part of its key.

The file is two lines of JSON: a header (the key, a digest of every file's path,
size and mtime, the skips and warnings), then the columns; a rebuild that finds
nothing changed decodes only the header.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tui.model import SkippedFile
from tui.store.entries import CacheEntry, Entries
from tui.store.jsonstorage import atomic_write_bytes
from tui.store.scan import FileStat


@dataclass(slots=True)
class FileIndex:
    sources: list[str] = field(default_factory=list)  # sorted
    sizes: list[int] = field(default_factory=list)
    mtimes: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # "" for a skipped file
    hashes: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # identity keys, "" for a skipped file
    added: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # source -> reason
    warnings: dict[str, list[str]] = field(default_factory=dict)  # source -> warnings
    # Files that could not be read (no permission): looked at again by every build,
    # since making one readable changes neither its size nor its mtime.
    unreadable: set[str] = field(default_factory=set)

    COLUMNS = ("sources", "sizes", "mtimes", "ids", "hashes", "keys", "added")

    @classmethod
    def from_entries(cls, entries: Entries) -> FileIndex:
        """The index of cache entries (source -> entry), as a full build writes them."""
        index = cls()
        for name in cls.COLUMNS:
            getattr(index, name).extend([None] * len(entries))
        for row, source in enumerate(sorted(entries)):
            index._set(row, source, entries[source])
        return index

    def _set(self, row: int, source: str, entry: CacheEntry) -> None:
        posting = entry.get("posting") or {}
        self.sources[row] = source
        self.sizes[row] = entry["size"]
        self.mtimes[row] = entry["mtime_ns"]
        self.ids[row] = posting.get("id", "")
        self.hashes[row] = entry.get("content_hash", "")
        self.keys[row] = entry.get("identity_key", "")
        self.added[row] = posting.get("added", "")
        self.skipped.pop(source, None)
        self.warnings.pop(source, None)
        self.unreadable.discard(source)
        if entry.get("unreadable"):
            self.unreadable.add(source)
        if "skipped" in entry:
            self.skipped[source] = entry["skipped"]
        if entry.get("warnings"):
            self.warnings[source] = list(entry["warnings"])

    # -- comparing with the folder ---------------------------------------------
    def stamps(self) -> dict[str, tuple[int, int]]:
        """source -> (size, mtime_ns), as :func:`tui.store.scan.scan_stamps` gives them."""
        return dict(zip(self.sources, zip(self.sizes, self.mtimes, strict=True), strict=True))

    def changes(self, found: dict[str, tuple[int, int]]) -> tuple[list[FileStat], list[str]]:
        """The files of ``found`` (:func:`~tui.store.scan.scan_stamps`) that are new or
        differ in size or mtime (or could not be read last time), sorted, and the
        sources now gone. Nothing is made for a file that did not change: one dict
        probe each, and ``found == stamps`` (in C) when none did."""
        stamps = self.stamps()
        if found == stamps:
            changed = sorted(self.unreadable & found.keys())
            return [FileStat(source, *found[source]) for source in changed], []
        unreadable = self.unreadable
        changed = sorted(source for source, stamp in found.items()
                         if stamps.get(source) != stamp or source in unreadable)
        return ([FileStat(source, *found[source]) for source in changed],
                sorted(stamps.keys() - found.keys()))

    def row_of(self, source: str) -> int | None:
        row = bisect_left(self.sources, source)
        return row if row < len(self.sources) and self.sources[row] == source else None

    # -- changing ----------------------------------------------------------------
    def apply(self, changed: Entries, removed: Iterable[str]) -> None:
        """Put the entries of ``changed`` in (as new rows or over old ones) and take the
        rows of ``removed`` out. Meant for a few files: each new or removed row moves
        the rows after it."""
        for source in removed:
            row = self.row_of(source)
            if row is not None:
                for name in self.COLUMNS:
                    del getattr(self, name)[row]
            self.skipped.pop(source, None)
            self.warnings.pop(source, None)
            self.unreadable.discard(source)
        for source, entry in changed.items():
            row = self.row_of(source)
            if row is None:
                row = bisect_left(self.sources, source)
                for name in self.COLUMNS:
                    getattr(self, name).insert(row, None)
            self._set(row, source, entry)

    # -- what a report needs -------------------------------------------------------
    def skipped_files(self) -> list[SkippedFile]:
        return [SkippedFile(source, reason) for source, reason in sorted(self.skipped.items())]

    def warning_files(self) -> list[SkippedFile]:
        return [SkippedFile(source, warning) for source, warnings in
                sorted(self.warnings.items()) for warning in warnings]


@dataclass(slots=True)
class IndexHeader:
    """What a rebuild that finds nothing changed needs of ``files.json``: its first line.
    The columns (the second line, 18 MB at 100k postings) are not decoded for it."""

    digest: str  # stamps_digest of every file's (source, size, mtime_ns)
    scan_digest: str  # scan_digest of the scan the index was brought up to, or ""
    count: int
    shards: list[str]  # the first two digits of every posting id: the body shards in use
    skipped: dict[str, str]
    warnings: dict[str, list[str]]
    unreadable: set[str]

    def skipped_files(self) -> list[SkippedFile]:
        return FileIndex(skipped=self.skipped).skipped_files()

    def warning_files(self) -> list[SkippedFile]:
        return FileIndex(warnings=self.warnings).warning_files()


def stamps_digest(found: dict[str, tuple[int, int]]) -> str:
    """A digest of :func:`tui.store.scan.scan_stamps`' result, equal to the
    ``files.json`` header's when the folder is as the index has it."""
    sources = sorted(found)
    return _digest(sources, list(map(found.__getitem__, sources)))


def scan_digest(found: dict[str, tuple[int, int]]) -> str:
    """A digest of :func:`tui.store.scan.scan_stamps`' result in the order the scan met
    the files: no sort (20-30 ms at 100k against stamps_digest's 70-130). A folder whose
    folders did not change lists its files in the same order again, so a rebuild that
    finds nothing changed usually matches this one; when not, stamps_digest decides."""
    return hashlib.blake2b(orjson.dumps(found), digest_size=20).hexdigest()


def _digest(sources: list[str], stamps: list[tuple[int, int]]) -> str:
    # orjson writes tuples as arrays, in C: 0.03 s for 100k rows where a dict of the
    # index's stamps to compare with took 0.1-0.2 s to build, after decoding 18 MB.
    return hashlib.blake2b(orjson.dumps([sources, stamps]), digest_size=20).hexdigest()


def read_index(path: Path, key: list[Any]) -> tuple[IndexHeader, bytes] | None:
    """The header of the index at ``path`` and its undecoded columns, if it was written
    with ``key``; None otherwise."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, _, columns = raw.partition(b"\n")
    header = _header(head, key) if columns else None
    return (header, columns) if header is not None else None


def read_header(path: Path, key: list[Any]) -> IndexHeader | None:
    """As :func:`read_index`, the header alone: its first line is all that is read. A
    rebuild that finds nothing changed needs no more; reading and splitting the whole
    file cost it ~0.06 s at 100k postings (18 MB)."""
    try:
        with open(path, "rb") as handle:
            head = handle.readline()
            if not handle.read(1):  # no columns: not an index read_index would take
                return None
    except OSError:
        return None
    return _header(head.rstrip(b"\n"), key)


def _header(head: bytes, key: list[Any]) -> IndexHeader | None:
    try:
        data = orjson.loads(head)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    try:
        return IndexHeader(str(data["digest"]), str(data.get("scan_digest") or ""),
                           int(data["count"]), list(data["shards"]),
                           dict(data["skipped"]), dict(data["warnings"]),
                           set(data["unreadable"]))
    except (KeyError, TypeError, ValueError):
        return None


def index_from(header: IndexHeader, columns: bytes) -> FileIndex | None:
    """The whole index, from what :func:`read_index` gave."""
    try:
        data = orjson.loads(columns)
        index = FileIndex(**{name: list(data[name]) for name in FileIndex.COLUMNS},
                          skipped=header.skipped, warnings=header.warnings,
                          unreadable=header.unreadable)
    except (ValueError, KeyError, TypeError):
        return None
    if {len(getattr(index, name)) for name in FileIndex.COLUMNS} != {header.count}:
        return None
    return index


def load_index(path: Path, key: list[Any]) -> FileIndex | None:
    """The index at ``path`` if it was written with ``key``; None otherwise."""
    found = read_index(path, key)
    return index_from(*found) if found is not None else None


def save_index(path: Path, key: list[Any], index: FileIndex, scan: str = "") -> None:
    """Two lines of JSON: the header (:class:`IndexHeader`), then the columns. ``scan``:
    the scan_digest of a folder scan whose every file the index holds as scanned."""
    header = {"key": key, "count": len(index.sources), "scan_digest": scan,
              "digest": _digest(index.sources, list(zip(index.sizes, index.mtimes, strict=True))),
              "shards": sorted({posting_id[:2] for posting_id in index.ids if posting_id}),
              "skipped": index.skipped, "warnings": index.warnings,
              "unreadable": sorted(index.unreadable)}
    columns = {name: getattr(index, name) for name in FileIndex.COLUMNS}
    atomic_write_bytes(path, orjson.dumps(header) + b"\n" + orjson.dumps(columns), durable=False)
