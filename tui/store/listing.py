"""A copy of the cached postings in the shape the list loads fastest: ``listing.bin``.

A warm start lists every cached posting before anything else. Read from
``cache.json`` that costs a JSON parse of every record (sources, sizes, hashes and
identity keys the list never needs) and a ``Posting.from_dict`` each: 2-3 s at 100k
postings. Here the same postings are field tuples in ``marshal`` (the interpreter's own
format for its constants: no code runs on load), in blocks of ``BLOCK``, stored newest
first (the list's default order). A start decodes only the header: the ids, the
groups of duplicates among the postings and their "added" order (0.03-0.04 s of CPU at
100k postings; the catalog then takes ~0.08 s more). A posting's block is decoded when
the posting is first read (the first screen of the default order is one block), and
the rest by :meth:`ListedPostings.loaded`, called by a worker once the list is painted.
Decoding every row up front cost 0.76 s at 100k postings (the stack tuples most of
it), all before the first row.

The file is derived, never a source: it is keyed by the stamps (size and mtime) of
``cache.json`` and ``cache.delta.json`` it was read from, the cache schema, the
postings folder, the parser's version (it decides the groups), this format and the
fields of a posting. Any other key, a short or foreign file, a wrong shape:
``read_listing`` returns None and the records are read as before; a block found
damaged when decoded: every posting is read from the records instead (``fallback``).
Written atomically, a block at a time, after the list is on screen.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import sys
import tempfile
import threading
import weakref
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, overload

from tui.model import POSTING_FIELDS, Posting
from tui.store.collector import long_lived_allocations

MAGIC = b"jobtui-listing\x01"
# 2: the groups of duplicates and the "added" order in the first chunk. 3: blocks of
# rows stored newest first, every posting's company, then a header (ids, groups newest
# first, the order, each position's row, where each block starts) and its length and
# checksum.
FORMAT = 3
# Postings per block: what reading one posting first decodes (~1 ms at 256). A screen
# of the default order is one or two blocks; a screen of another order, at most a block
# per row.
BLOCK = 256
_LENGTH = struct.Struct("<Q")
_TRAILER = struct.Struct("<QI")  # the header's length and CRC-32
_ROW = "I"  # array type of the rows' numbers (4 bytes: a length check finds another)

Groups = list[list[int]]  # positions in the listing of the postings that are one role


def listing_key(cache_key: Sequence[Any]) -> bytes:
    """The key a listing is stored under: ``cache_key`` (what names the cache files'
    state) with this format, the posting's fields and the interpreter's marshal."""
    return marshal.dumps((FORMAT, marshal.version, sys.version_info[:2], sys.byteorder,
                          POSTING_FIELDS, repr(list(cache_key))))


class ListedPostings(Sequence[Posting]):
    """The postings of a listing, in source order: each block decoded when one of its
    postings is first read. Safe to read from several threads (a worker decoding the
    rest while the screen draws rows). The file stays open until every block is read:
    a listing saved anew in the meantime (another jobtui) replaces the file, not this
    one's blocks."""

    __slots__ = ("__weakref__", "_blocks", "_closed", "_fallback", "_file", "_items",
                 "_left", "_lock", "_order", "_rows", "ids")

    def __init__(self, ids: list[str], order: list[int] | range, rows: array[int],
                 file: BinaryIO, blocks: list[int],
                 fallback: Callable[[], Sequence[Posting]]) -> None:
        self.ids = ids  # every posting's id, by position
        self._order = order  # the position of each stored row
        self._rows = rows  # the row of each position
        self._file = file
        self._closed = weakref.finalize(self, file.close)
        # Where each block starts in the file, then where the companies start and end.
        self._blocks = blocks
        self._left = set(range(len(blocks) - 2))  # blocks not decoded yet
        self._items: list[Posting | None] = [None] * len(ids)
        self._lock = threading.Lock()
        self._fallback = fallback  # every posting, read from the records
        if not self._left:  # no postings
            self._closed()

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Posting: ...
    @overload
    def __getitem__(self, index: slice) -> list[Posting]: ...
    def __getitem__(self, index: int | slice) -> Posting | list[Posting]:
        if isinstance(index, slice):
            return self.loaded()[index]
        item = self._items[index]
        if item is None:
            with self._lock:
                position = index + len(self.ids) if index < 0 else index
                self._decode(self._rows[position] // BLOCK)
                item = self._items[position]
                if item is None:  # its row is not where the header says
                    self._from_records()
                    item = self._items[position]
            assert item is not None
        return item

    def __iter__(self) -> Iterator[Posting]:
        return iter(self.loaded())

    def __eq__(self, other: object) -> bool:
        return self.loaded() == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]

    @property
    def is_loaded(self) -> bool:
        return not self._left

    def loaded(self) -> list[Posting]:
        """Every posting, each block decoded now if it was not yet (0.4-0.6 s at 100k
        postings), one block at a time so a reader in another thread waits no longer
        than a block."""
        with long_lived_allocations():  # 100k postings' tuples: no collection walks them
            for block in range(len(self._blocks) - 2):
                if not self._left:
                    break
                with self._lock:
                    self._decode(block)
        return self._items  # type: ignore[return-value]  # (no None left)

    def companies(self) -> list[str]:
        """Every posting's company, by position, without decoding the postings (~0.01 s
        at 100k postings): which are hidden when a company is."""
        with self._lock:
            if self._left:
                start, end = self._blocks[-2], self._blocks[-1]
                try:
                    self._file.seek(start)
                    companies = marshal.loads(self._file.read(end - start))
                    if type(companies) is list and len(companies) == len(self.ids) and all(
                            type(company) is str for company in companies):
                        return companies
                except (OSError, ValueError, EOFError, TypeError):
                    pass
                self._from_records()
        return [posting.company for posting in self._items]  # type: ignore[union-attr]

    def _decode(self, block: int) -> None:
        """Decode ``block`` into the postings (the lock held)."""
        if block not in self._left:
            return
        start, end = self._blocks[block], self._blocks[block + 1]
        positions = self._order[block * BLOCK:(block + 1) * BLOCK]
        try:
            self._file.seek(start)
            rows = marshal.loads(self._file.read(end - start))
            if type(rows) is not list or len(rows) != len(positions):
                raise ValueError("a block of the wrong length")
            items, ids = self._items, self.ids
            for position, row in zip(positions, rows, strict=True):
                posting = Posting(*row)
                if type(row) is not tuple or posting.id != ids[position]:
                    raise ValueError("a row of the wrong shape or id")
                items[position] = posting
        except (OSError, ValueError, EOFError, TypeError):
            self._from_records()
            return
        if self._left == {block}:  # the last: before a reader can see none are left
            self._from_records()  # (if rows were missing from their blocks)
            self._closed()
        self._left.discard(block)

    def _from_records(self) -> None:
        """A damaged block or a row missing from its block (the file passed every check
        of its header): every posting from the records, which the listing was saved
        from (the lock held)."""
        if None not in self._items:
            return
        postings = list(self._fallback())
        if [posting.id for posting in postings] != self.ids:
            raise RuntimeError("listing.bin does not match the cache it was saved from")
        self._items[:] = postings
        self._left.clear()
        self._closed()


@dataclass(slots=True)
class Listing:
    postings: ListedPostings
    groups: Groups  # the duplicates among them (group_duplicates), each newest first
    # Their positions newest first (the catalog's "added" sort), when it was saved.
    by_added: list[int] | None = None


def read_listing(path: Path, key: bytes,
                 fallback: Callable[[], Sequence[Posting]]) -> Listing | None:
    """The postings stored under ``key``, their groups of duplicates and order; None
    when there are none, or not these. Reads the header only (~0.02 s at 100k
    postings); ``fallback``: the postings read from the records, for a block found
    damaged only when it is decoded."""
    try:
        file = path.open("rb")
    except OSError:
        return None
    try:
        listing = _read(file, key, fallback)
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        listing = None
    if listing is None:
        file.close()
    return listing


def _read(file: BinaryIO, key: bytes,
          fallback: Callable[[], Sequence[Posting]]) -> Listing | None:
    head = len(MAGIC) + _LENGTH.size
    start = file.read(head)
    if start[:len(MAGIC)] != MAGIC:
        return None
    (length,) = _LENGTH.unpack_from(start, len(MAGIC))
    if file.read(length) != key:
        return None
    base = head + length  # where the blocks start
    end = file.seek(-_TRAILER.size, os.SEEK_END)
    size, checksum = _TRAILER.unpack(file.read(_TRAILER.size))
    if end - size < base:
        return None
    file.seek(end - size)
    raw = file.read(size)
    if zlib.crc32(raw) != checksum:
        return None
    header = marshal.loads(raw)
    if type(header) is not tuple or len(header) != 5:
        return None
    ids, groups, by_added, stored, blocks = header
    rows = array(_ROW)
    if type(stored) is bytes:
        rows.frombytes(stored)
    count = len(ids) if type(ids) is list else -1
    # The header is as write_listing wrote it (its checksum): the shapes are checked,
    # not every value (by_added a permutation: 0.03 s at 100k postings).
    if (count < 0 or type(groups) is not list or len(rows) != count
            or not (by_added is None or (type(by_added) is list and len(by_added) == count))
            or type(blocks) is not list or len(blocks) != -(-count // BLOCK) + 2
            or blocks[0] != 0 or base + blocks[-1] != end - size):
        return None
    order = range(count) if by_added is None else by_added
    return Listing(ListedPostings(ids, order, rows, file, [base + b for b in blocks],
                                  fallback), groups, by_added)


def write_listing(path: Path, key: bytes, postings: Sequence[Posting], groups: Groups,
                  by_added: list[int] | None = None) -> None:
    """Store ``postings``, their ``groups`` and ``by_added`` order (see Listing) under
    ``key``: atomically (a reader sees the old file or the new one), a block at a time
    (55 MB at 100k postings are never in memory at once), the header (which says where
    each block starts) last. OSError when it cannot be written."""
    row = attrgetter(*POSTING_FIELDS)
    order = by_added if by_added is not None else range(len(postings))
    rows = array(_ROW, bytes(len(postings) * array(_ROW).itemsize))
    for number, position in enumerate(order):
        rows[position] = number
    # Each group newest first, as the catalog lists it (Catalog._group_duplicates): a
    # start then reads no posting to order them.
    groups = [sorted(group, key=lambda m: (postings[m].added, postings[m].id), reverse=True)
              for group in groups]
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(MAGIC + _LENGTH.pack(len(key)) + key)
            offsets = [0]
            shared: dict[Any, Any] = {}
            for start in range(0, len(order), BLOCK):
                block = marshal.dumps([_shared(row(postings[m]), shared)
                                       for m in order[start:start + BLOCK]])
                handle.write(block)
                offsets.append(offsets[-1] + len(block))
            companies = marshal.dumps([shared.setdefault(posting.company, posting.company)
                                       for posting in postings])
            handle.write(companies)
            offsets.append(offsets[-1] + len(companies))
            header = marshal.dumps(([posting.id for posting in postings], groups, by_added,
                                    rows.tobytes(), offsets))
            handle.write(header + _TRAILER.pack(len(header), zlib.crc32(header)))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _shared(row: tuple[Any, ...], shared: dict[Any, Any]) -> tuple[Any, ...]:
    """``row`` with each string and tuple of strings that equals one seen before as
    that one object: marshal writes an object once per block, and refers to it after
    (a stack name is one object per block, not one per posting: at 100k postings 2.5M
    strings fewer to make when the blocks are decoded, and to hold)."""
    return tuple([shared.setdefault(value, value) if type(value) is str else
                  shared.setdefault(value, tuple([shared.setdefault(v, v) for v in value]))
                  if type(value) is tuple else value for value in row])
