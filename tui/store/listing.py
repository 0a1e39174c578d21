"""A copy of the cached postings in the shape the list loads fastest: ``listing.bin``.

A warm start lists every cached posting before anything else. Read from
``cache.json`` that costs a JSON parse of every record (sources, sizes, hashes and
identity keys the list never needs) and a ``Posting.from_dict`` each: 0.27 s of CPU at
10k postings, 2-3 s at 100k. Here the same postings are one field tuple each, in
``marshal`` (the interpreter's own format for its constants: no code runs on load),
loaded and turned into postings in ~0.07 s at 10k. The groups of duplicates among
them (``group_duplicates``, 0.05 s at 10k, 0.4 s at 100k) are stored beside them.

The file is derived, never a source: it is keyed by the stamps (size and mtime) of
``cache.json`` and ``cache.delta.json`` it was read from, the cache schema, the
postings folder, the parser's version (it decides the groups) and the fields of a
posting. Any other key, a short or foreign
file, a wrong shape: ``read_listing`` returns None and the records are read as
before. Written atomically, in chunks, after the list is on screen.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from tui.model import POSTING_FIELDS, Posting

MAGIC = b"jobtui-listing\x01"
FORMAT = 2  # 2: the groups of duplicates and the "added" order in the first chunk
CHUNK = 10_000  # postings per marshal chunk: the write never holds 100k rows at once
_LENGTH = struct.Struct("<Q")


def listing_key(cache_key: Sequence[Any]) -> bytes:
    """The key a listing is stored under: ``cache_key`` (what names the cache files'
    state) with this format, the posting's fields and the interpreter's marshal."""
    return marshal.dumps((FORMAT, marshal.version, sys.version_info[:2], POSTING_FIELDS,
                          repr(list(cache_key))))


def _chunks(data: memoryview, offset: int) -> Iterator[memoryview]:
    while offset < len(data):
        (length,) = _LENGTH.unpack_from(data, offset)
        offset += _LENGTH.size
        if offset + length > len(data):
            raise ValueError("a listing cut short")
        yield data[offset:offset + length]
        offset += length


Groups = list[list[int]]  # positions in the listing of the postings that are one role


@dataclass(slots=True)
class Listing:
    postings: list[Posting]
    groups: Groups  # the duplicates among them (group_duplicates)
    # Their positions newest first (the catalog's "added" sort), when it was saved.
    by_added: list[int] | None = None


def read_listing(path: Path, key: bytes) -> Listing | None:
    """The postings stored under ``key``, their groups of duplicates and order; None
    when there are none, or not these."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return None
    head = len(MAGIC) + _LENGTH.size
    try:
        if data[:len(MAGIC)] != MAGIC:
            return None
        (length,) = _LENGTH.unpack_from(data, len(MAGIC))
        if data[head:head + length] != key:
            return None
        width = len(POSTING_FIELDS)
        chunks = _chunks(data, head + length)
        header = marshal.loads(next(chunks))
        if type(header) is not tuple or len(header) != 2:
            return None
        groups, by_added = header
        postings: list[Posting] = []
        for chunk in chunks:
            rows = marshal.loads(chunk)
            if type(rows) is not list or not all(
                    type(row) is tuple and len(row) == width for row in rows):
                return None
            postings += [Posting(*row) for row in rows]
        if type(groups) is not list or not all(
                type(group) is list and all(type(m) is int and 0 <= m < len(postings)
                                            for m in group) for group in groups):
            return None
        if by_added is not None and (type(by_added) is not list or sorted(by_added) != list(
                range(len(postings)))):
            return None
    except (ValueError, EOFError, TypeError, struct.error, StopIteration):
        return None
    return Listing(postings, groups, by_added)


def write_listing(path: Path, key: bytes, postings: Sequence[Posting], groups: Groups,
                  by_added: list[int] | None = None) -> None:
    """Store ``postings``, their ``groups`` and ``by_added`` order (see Listing) under
    ``key``: atomically (a reader sees
    the old file or the new one), a chunk at a time (55 MB at 100k postings are never
    in memory at once). OSError when it cannot be written."""
    row = attrgetter(*POSTING_FIELDS)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(MAGIC + _LENGTH.pack(len(key)) + key)
            for chunk in _encoded(postings, groups, by_added, row):
                handle.write(_LENGTH.pack(len(chunk)))
                handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _encoded(postings: Sequence[Posting], groups: Groups, by_added: list[int] | None,
             row: attrgetter[Any]) -> Iterator[bytes]:
    yield marshal.dumps((groups, by_added))
    for start in range(0, len(postings), CHUNK):
        yield marshal.dumps(list(map(row, postings[start:start + CHUNK])))
