"""What the cache stores per file, as types: the entries that flow from the parse
workers through ``cache.json`` and its delta to the file index and the id assignment.
Plain JSON on disk (orjson), TypedDicts in the code."""

from __future__ import annotations

from typing import Any, Required, TypedDict


class CacheEntry(TypedDict, total=False):
    """One file of the postings folder, parsed; a skipped file has ``skipped`` and no
    ``posting``."""

    source: Required[str]  # path inside the postings folder
    size: Required[int]
    mtime_ns: Required[int]
    content_hash: str
    skipped: str  # why the file could not be loaded, in words for the user
    unreadable: bool  # not read (permissions): tried again by every build
    identity_key: str
    warnings: list[str]
    posting: dict[str, Any]  # Posting.to_dict(): its id settled, its date added
    # Freshly parsed only: moved to the body store (bodies/) when the cache is written.
    body: str
    words: str


class BodyEntry(TypedDict):
    body: str  # the cleaned markdown
    words: str  # folded unique words, for free-text search


Entries = dict[str, CacheEntry]  # source -> entry
