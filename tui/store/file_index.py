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
from collections import Counter
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
    # Made from the columns when first asked for, then kept up to date by apply(), so
    # a watcher's one-file update does not make them again from 100k rows (~0.05 s):
    # every row's (size, mtime_ns); the first two digits of the ids (the body shards
    # in use), with those whose last id may have gone; how many rows hold each id,
    # identity key and content hash; the skips and warnings as a report lists them.
    _stamp_rows: list[tuple[int, int]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _shards: set[str] | None = field(default=None, init=False, repr=False, compare=False)
    _emptied: set[str] = field(default_factory=set, init=False, repr=False, compare=False)
    _id_rows: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _key_rows: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _hash_rows: dict[str, int] | None = field(
        default=None, init=False, repr=False, compare=False)
    _reported: tuple[list[SkippedFile], list[SkippedFile]] | None = field(
        default=None, init=False, repr=False, compare=False)
    # Each column as JSON, once saved, until a row of it changes: an edited file changes
    # its size, mtime and hash, not its path, id, key or date (~0.02 s of each save).
    _encoded: dict[str, bytes] = field(
        default_factory=dict, init=False, repr=False, compare=False)

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

    def encoded(self, name: str) -> bytes:
        """Column ``name`` as orjson writes it."""
        found = self._encoded.get(name)
        if found is None:
            found = self._encoded[name] = orjson.dumps(getattr(self, name))
        return found

    def stamp_rows(self) -> list[tuple[int, int]]:
        """Every row's (size, mtime_ns), in row order (not a copy: read only)."""
        if self._stamp_rows is None:
            self._stamp_rows = list(zip(self.sizes, self.mtimes, strict=True))
        return self._stamp_rows

    def shards(self) -> list[str]:
        """The first two digits of every posting id, sorted: the body shards in use."""
        if self._shards is None:
            self._shards = {posting_id[:2] for posting_id in self.ids if posting_id}
        elif self._emptied:  # a walk only as far as an id of the shard (or all, if none)
            self._shards -= {shard for shard in self._emptied
                             if not any(i.startswith(shard) for i in self.ids)}
        self._emptied = set()
        return sorted(self._shards)

    def ids_held(self) -> dict[str, int]:
        """Each posting id the rows hold ("" for a skipped file) -> how many rows hold
        it; asked with ``in`` (not a copy: read only)."""
        if self._id_rows is None:
            self._id_rows = Counter(self.ids)
        return self._id_rows

    def key_count(self, identity_key: str) -> int:
        """How many rows hold ``identity_key`` (``keys.count``, a walk over 100k rows)."""
        if self._key_rows is None:
            self._key_rows = Counter(self.keys)
        return self._key_rows.get(identity_key, 0)

    def holds_hash(self, content_hash: str) -> bool:
        """Whether any row holds ``content_hash``: a changed file's new bytes usually
        are in none, and then no walk over 100k rows looks for them."""
        if self._hash_rows is None:
            self._hash_rows = Counter(self.hashes)
        return content_hash in self._hash_rows

    def _unnote(self, row: int) -> None:
        """Before row ``row`` is taken out or written over: it out of what is kept."""
        posting_id = self.ids[row]
        if self._shards is not None and posting_id:
            self._emptied.add(posting_id[:2])
        for counts, value in ((self._id_rows, posting_id), (self._key_rows, self.keys[row]),
                              (self._hash_rows, self.hashes[row])):
            if counts is not None:
                if counts[value] == 1:
                    del counts[value]
                else:
                    counts[value] -= 1

    def _note(self, row: int) -> None:
        """After row ``row`` was written: it into what is kept."""
        posting_id = self.ids[row]
        if self._stamp_rows is not None:
            self._stamp_rows[row] = (self.sizes[row], self.mtimes[row])
        if self._shards is not None and posting_id:
            self._shards.add(posting_id[:2])
            self._emptied.discard(posting_id[:2])
        for counts, value in ((self._id_rows, posting_id), (self._key_rows, self.keys[row]),
                              (self._hash_rows, self.hashes[row])):
            if counts is not None:
                counts[value] = counts.get(value, 0) + 1

    # -- changing ----------------------------------------------------------------
    def apply(self, changed: Entries, removed: Iterable[str]) -> None:
        """Put the entries of ``changed`` in (as new rows or over old ones) and take the
        rows of ``removed`` out. Meant for a few files: each new or removed row moves
        the rows after it."""
        if self._reported is not None and any(
                source in self.skipped or source in self.warnings
                or "skipped" in entry or entry.get("warnings")
                for source, entry in [*changed.items(), *((s, {}) for s in removed)]):
            self._reported = None
        for source in removed:
            row = self.row_of(source)
            if row is not None:
                self._encoded.clear()
                self._unnote(row)
                for name in self.COLUMNS:
                    del getattr(self, name)[row]
                if self._stamp_rows is not None:
                    del self._stamp_rows[row]
            self.skipped.pop(source, None)
            self.warnings.pop(source, None)
            self.unreadable.discard(source)
        for source, entry in changed.items():
            row = self.row_of(source)
            if row is None:
                row = bisect_left(self.sources, source)
                for name in self.COLUMNS:
                    getattr(self, name).insert(row, None)
                if self._stamp_rows is not None:
                    self._stamp_rows.insert(row, (0, 0))
                self._encoded.clear()
            else:
                self._unnote(row)
            was = [getattr(self, name)[row] for name in self.COLUMNS]
            self._set(row, source, entry)
            self._note(row)
            for name, value in zip(self.COLUMNS, was, strict=True):
                if getattr(self, name)[row] != value:
                    self._encoded.pop(name, None)

    # -- what a report needs -------------------------------------------------------
    def skipped_files(self) -> list[SkippedFile]:
        return list(self._report_lists()[0])

    def warning_files(self) -> list[SkippedFile]:
        return list(self._report_lists()[1])

    def _report_lists(self) -> tuple[list[SkippedFile], list[SkippedFile]]:
        """Made again only after a change to a skip or a warning: thousands of warnings
        cost a watcher's update ~0.015 s each time."""
        if self._reported is None:
            self._reported = (
                [SkippedFile(source, reason) for source, reason in sorted(self.skipped.items())],
                [SkippedFile(source, warning) for source, warnings in
                 sorted(self.warnings.items()) for warning in warnings])
        return self._reported


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
        index._shards = set(header.shards)  # written from these ids
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
    # The bytes orjson.dumps gives for the digest's [sources, stamps] and for the dict of
    # the columns, made from each column's own (see FileIndex.encoded).
    digest = hashlib.blake2b(digest_size=20)
    for part in (b"[", index.encoded("sources"), b",", orjson.dumps(index.stamp_rows()), b"]"):
        digest.update(part)
    header = {"key": key, "count": len(index.sources), "scan_digest": scan,
              "digest": digest.hexdigest(), "shards": index.shards(),
              "skipped": index.skipped, "warnings": index.warnings,
              "unreadable": sorted(index.unreadable)}
    columns = b",".join(b'"%s":%s' % (name.encode(), index.encoded(name))
                        for name in FileIndex.COLUMNS)
    atomic_write_bytes(path, b"%s\n{%s}" % (orjson.dumps(header), columns), durable=False)
