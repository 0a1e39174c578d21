"""Parse posting files, on both cores when there are many.

``parse_file`` is the unit of work, handed to the build's process pool in runs
(``parse_chunk``): top-level functions only, so they pickle into worker processes.
The result is a plain dict (cheap to send back) describing either a parsed posting
or a skip.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tui.sanitize import clean_line
from tui.store.entries import CacheEntry
from tui.store.reading import NotRead, read_posting
from tui.store.scan import FileStat
from tui.text import fold

if TYPE_CHECKING:
    from tui.model import Posting
    from tui.parsing import ParseResult, SkipFile

WORD = re.compile(r"\w+")
# Below this many files to parse, starting worker processes costs more than it saves.
POOL_THRESHOLD = 400
# Files a pool worker takes at a time: an eighth of those left per worker, between
# CHUNK_MIN and CHUNK_MAX (~0.5 s of parsing), so chunks shrink as the work runs
# out. A chunk costs the main process ~1 ms of futures and pickles (32-file chunks
# cost it 0.84 s CPU a 10k build against 0.55 s with 156-file ones), but when the
# work runs out one worker idles while the other ends its last chunk: with chunks
# of 128 files to the end, 0.43-0.44 s of a 10k build; 0.01-0.02 s with shrinking
# ones (2 runs each, loaded box).
CHUNK_MAX = 128
CHUNK_MIN = 8
Progress = Callable[[int, int], None]
T = TypeVar("T")


def search_words(*parts: str) -> str:
    """Folded words of the text, each once, in order: what free-text search matches.

    The words are ``\\w+`` runs. Most of them are ASCII, so the text is cut as UTF-8
    bytes by one table: ASCII letters lowered, other ASCII word characters kept, any
    other ASCII byte made a space, and bytes of letters outside ASCII kept, to be
    looked at below. The split then gives the ASCII words themselves, folded; a piece
    holding a character outside ASCII (``café``, ``São-Paulo``, ``x–y``) is cut into
    words and folded by :func:`fold`, once per distinct piece (most recur from posting
    to posting). A ``\\w+`` pass over the text and a fold per word cost 0.31-0.37 ms a
    posting of the 10k bench corpus (most of its postings have a letter outside ASCII);
    this way 0.14-0.16 ms (3 rounds each, same run, same words out).
    """
    text = unicodedata.normalize("NFC", " ".join(parts)).encode("utf-8", "surrogatepass")
    words: dict[bytes, None] = {}
    for piece in dict.fromkeys(text.translate(ASCII_WORDS).split()):
        if piece.isascii():
            words[piece] = None
        else:
            words.update(_piece_words(piece))
    return b" ".join(words).decode("utf-8", "surrogatepass")


def _ascii_words_table() -> bytes:
    """``bytes.translate`` table: an ASCII word character to its lower case, any other
    ASCII byte to a space, a byte past ASCII (part of a longer character) kept."""
    table = bytearray(b" " * 128 + bytes(range(128, 256)))
    for byte in range(128):
        if chr(byte).isalnum() or chr(byte) == "_":
            table[byte] = ord(chr(byte).lower())
    return bytes(table)


ASCII_WORDS = _ascii_words_table()


@lru_cache(maxsize=65536)
def _piece_words(piece: bytes) -> dict[bytes, None]:
    """The folded words of a piece holding a character outside ASCII, in order, once each."""
    words: dict[bytes, None] = {}
    for word in WORD.findall(piece.decode("utf-8", "surrogatepass")):
        if word.isascii():
            words[word.encode()] = None
        else:
            for folded in WORD.findall(fold(word)):
                words[folded.encode("utf-8", "surrogatepass")] = None
    return words


def added_date(mtime_ns: int) -> str:
    """When a posting was saved, as the file's modification time to the second in UTC
    (``2026-11-27T19:21:42Z``): stable across rebuilds, and a fixed width, so that the
    strings sort as the times do. By day alone, files saved the same day fell back to
    title order and a new file did not rise to the top."""
    # time.gmtime, not datetime: a quarter of the cost (4 µs a posting).
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(mtime_ns // 10**9))


def parse_file(task: tuple[str, str, int, int]) -> CacheEntry:
    root, source, size, mtime_ns = task
    try:
        raw = read_posting(root, source)
    except NotRead as refused:
        return {"source": source, "size": size, "mtime_ns": mtime_ns,
                "skipped": clean_line(refused.reason)}
    except OSError as error:
        # "unreadable": tried again by every build, since making the file readable
        # (chmod) changes neither its size nor its mtime.
        reason = clean_line(f"cannot be read ({error.strerror or error})")
        return {"source": source, "size": size, "mtime_ns": mtime_ns, "skipped": reason,
                "unreadable": True}
    return parse_bytes(raw, source, size, mtime_ns)


def parse_bytes(raw: bytes, source: str, size: int, mtime_ns: int) -> CacheEntry:
    SkipFile, identity_key, parse_posting = _parser()
    result: CacheEntry = {"source": source, "size": size, "mtime_ns": mtime_ns}
    try:
        parsed = parse_posting(raw, source)
    except SkipFile as skip:
        result["content_hash"] = hashlib.sha256(raw).hexdigest()
        result["skipped"] = clean_line(skip.reason)
        return result
    posting = parsed.posting
    result["content_hash"] = posting.content_hash
    result["identity_key"] = identity_key(posting)
    result["warnings"] = [clean_line(warning) for warning in parsed.warnings]
    result["posting"] = {**posting.to_dict(), "added": added_date(mtime_ns)}
    result["body"] = posting.body
    result["words"] = search_words(posting.title, posting.company, posting.body)
    return result


@lru_cache(maxsize=1)
def _parser() -> tuple[type[SkipFile], Callable[[Posting], str],
                       Callable[[bytes, str], ParseResult]]:
    """The parser, loaded on first parse (a scripted command that only reads the cache
    never pays for it); imported once, not by every call (three lazy lookups each)."""
    from tui.parsing import SkipFile, identity_key, parse_posting

    return SkipFile, identity_key, parse_posting


def parse_chunk(tasks: list[tuple[str, str, int, int]]) -> list[CacheEntry]:
    """What a pool worker is handed: a run of files, parsed in order."""
    return [parse_file(task) for task in tasks]


def chunks(tasks: list[T], workers: int) -> Iterator[list[T]]:
    """``tasks`` in runs, long ones first and shorter toward the end (see CHUNK_MAX)."""
    start = 0
    while start < len(tasks):
        size = max(CHUNK_MIN, min(CHUNK_MAX, (len(tasks) - start) // (8 * workers)))
        yield tasks[start:start + size]
        start += size


def parse_files(
    root: Path, stats: list[FileStat], progress: Progress | None, workers: int | None
) -> Iterator[CacheEntry]:
    """Parse each file of ``stats`` (in a process pool when there are enough), in order."""
    tasks = [(str(root), s.source, s.size, s.mtime_ns) for s in stats]
    total = len(tasks)
    if progress:
        progress(0, total)
    if total < POOL_THRESHOLD or workers == 1:
        for done, result in enumerate(map(parse_file, tasks), start=1):
            if progress and (done == total or done % 100 == 0):
                progress(done, total)
            yield result
        return
    count = workers or os.cpu_count() or 2
    pool, owned = _pool(count)
    futures = [pool.submit(parse_chunk, run) for run in chunks(tasks, count)]
    done = 0
    try:
        for future in futures:
            for result in future.result():
                done += 1
                if progress and (done == total or done % 100 == 0):
                    progress(done, total)
                yield result
    except BrokenProcessPool:
        _drop_kept(pool)  # a worker died: the next build starts a new pool
        raise
    finally:
        for future in futures:
            future.cancel()
        if owned:
            pool.shutdown(cancel_futures=True)


_kept = threading.local()  # this thread's pool while a kept_pool() block runs


@contextmanager
def kept_pool() -> Iterator[None]:
    """Builds in this block (and this thread) share one process pool, started by the
    first that needs it and ended with the block. The TUI's first build goes in steps
    (2,000 postings, then 4,000, 8,000...): each step's own pool cost its workers
    ~1 s of imports and table loading before their first posting."""
    if getattr(_kept, "active", False):
        yield  # nested: the outer block holds the pool
        return
    _kept.active, _kept.pool = True, None
    try:
        yield
    finally:
        pool, _kept.pool, _kept.active = _kept.pool, None, False
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _pool(workers: int) -> tuple[ProcessPoolExecutor, bool]:
    """A pool to parse with, and whether the caller ends it (False: a kept_pool block
    holds it)."""
    kept = getattr(_kept, "active", False)
    if kept and _kept.pool is not None:
        return _kept.pool, False
    # spawn, not fork: the TUI builds from a worker thread, and forking a
    # threaded process can deadlock the child.
    _start_resource_tracker()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=_quiet_worker)
    if kept:
        _kept.pool = pool
    return pool, not kept


def _drop_kept(pool: ProcessPoolExecutor) -> None:
    if getattr(_kept, "pool", None) is pool:
        _kept.pool = None
        pool.shutdown(cancel_futures=True)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker's process is handed ``sys.stderr``'s descriptor; while Textual runs,
    ``sys.stderr`` is its capture object, whose descriptor is -1, and starting the
    pool failed with "bad value(s) in fds_to_keep". The swap lasts one call.
    """
    from multiprocessing import resource_tracker

    captured = sys.stderr
    if sys.__stderr__ is None or captured is sys.__stderr__:
        return
    try:
        sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _quiet_worker() -> None:
    """In a pool process: nothing it prints may reach the terminal the TUI draws on
    (a failure comes back to the parent as an exception). And it ends without
    tearing its interpreter down: freeing the parser's tables and caches object by
    object took each worker 0.9-1.2 s, which the build waited for after its last
    result (measured with 600 files on this box; 0.05 s this way). By then the worker
    has sent its last reply (the pool's result queue writes synchronously) and its
    output goes nowhere, so nothing is left to flush."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    atexit.register(os._exit, 0)  # registered last, so run first of the exit handlers
