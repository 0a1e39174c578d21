"""The rebuildable cache of parsed postings: ``cache.json`` (TinyDB) plus body shards.

``build()`` brings the cache up to date with the postings folder, re-parsing
only new or changed files (size and mtime first, then the content hash), in a
process pool when there is enough work. The cache carries a schema and the
parser version: one it cannot read, or one written by another parser, is
rebuilt, never trusted. Ids are settled by :mod:`tui.store.identity` so that the
user's tracking data, kept elsewhere, stays attached.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import orjson

from tui.model import Posting, SkippedFile
from tui.parsing import PARSER_VERSION
from tui.paths import cache_path
from tui.store.bodies import BodyStore
from tui.store.identity import Claim, settle_ids
from tui.store.identity_ledger import IdentityLedger
from tui.store.jsonstorage import AtomicJSONStorage, atomic_write_bytes
from tui.store.parse_worker import parse_bytes, parse_file
from tui.store.scan import FileStat, scan_postings

SCHEMA = 1
# Below this many files to parse, starting worker processes costs more than it saves.
POOL_THRESHOLD = 400
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class BuildReport:
    total: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[SkippedFile] = field(default_factory=list)


class PostingCache:
    def __init__(self, data_dir: Path, postings_dir: Path) -> None:
        self.data_dir = data_dir
        self.postings_dir = postings_dir
        self.bodies = BodyStore(data_dir / "bodies")
        self.ledger = IdentityLedger(data_dir / "ids.json")
        self._entries: dict[str, dict[str, Any]] | None = None  # source -> stored entry
        self._by_id: dict[str, dict[str, Any]] = {}
        self._released = False

    # -- reading ---------------------------------------------------------------
    def _storage(self) -> AtomicJSONStorage:
        return AtomicJSONStorage(cache_path(self.data_dir), durable=False)

    def _read(self) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """The stored meta and entries by source; empty when missing or unreadable."""
        try:
            data = self._storage().read() or {}
            meta = next(iter(data.get("meta", {}).values()), {})
            entries = {
                entry["source"]: entry
                for table in ("postings", "skipped")
                for entry in data.get(table, {}).values()
            }
        except Exception:
            return {}, {}
        if meta.get("schema") != SCHEMA or meta.get("postings_dir") != str(self._root()):
            return {}, {}
        return meta, entries

    def _root(self) -> Path:
        return self.postings_dir.resolve()

    def _loaded(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            _meta, entries = self._read()
            self._remember(entries)
            return entries
        return self._entries

    def _remember(self, entries: dict[str, dict[str, Any]]) -> None:
        self._entries = entries
        self._by_id = {
            entry["posting"]["id"]: entry for entry in entries.values() if "posting" in entry
        }

    def postings(self) -> list[Posting]:
        """Every cached posting, without bodies, in source order."""
        return [
            Posting.from_dict(entry["posting"])
            for entry in self._loaded().values()
            if "posting" in entry
        ]

    def release_records(self) -> None:
        """Forget the parsed records kept for :meth:`get`, keeping what :meth:`body` needs.

        The TUI holds every posting in its catalog already; at 100k postings the
        second copy here would cost well over 100 MB.
        """
        entries = self._loaded()
        slim = {
            source: {
                "source": source, "size": entry["size"], "mtime_ns": entry["mtime_ns"],
                "posting": {"id": entry["posting"]["id"]},
            }
            for source, entry in entries.items() if "posting" in entry
        }
        self._remember(slim)
        self._released = True

    def skipped(self) -> list[SkippedFile]:
        if self._released:
            self._entries = None
            self._released = False
        return [
            SkippedFile(entry["source"], entry["skipped"])
            for entry in self._loaded().values()
            if "skipped" in entry
        ]

    def get(self, posting_id: str) -> Posting | None:
        """The posting with its cleaned body, or None when there is no such id."""
        if self._released:
            self._entries = None  # read the records again: get() needs all of them
            self._released = False
        entry = self._entry_for(posting_id)
        if entry is None:
            return None
        posting = Posting.from_dict(entry["posting"])
        return Posting.from_dict({**posting.to_dict(), "body": self._body(entry)})

    def body(self, posting_id: str) -> str:
        entry = self._entry_for(posting_id)
        return self._body(entry) if entry is not None else ""

    def search_texts(self) -> Iterator[tuple[str, str]]:
        """Folded words of every posting's title, company and body, for free-text search."""
        return self.bodies.iter_words()

    def _entry_for(self, posting_id: str) -> dict[str, Any] | None:
        self._loaded()
        return self._by_id.get(posting_id)

    def _body(self, entry: dict[str, Any]) -> str:
        stored = self.bodies.get(entry["posting"]["id"])
        if stored is not None:
            return stored["body"]
        # The shard went missing (a crash between writes, a hand-deleted file):
        # the cache is rebuildable, so parse the file again.
        try:
            raw = (self.postings_dir / entry["source"]).read_bytes()
        except OSError:
            return ""
        return parse_bytes(raw, entry["source"], entry["size"], entry["mtime_ns"]).get("body", "")

    # -- building --------------------------------------------------------------
    def build(self, *, progress: Progress | None = None, workers: int | None = None) -> BuildReport:
        stats = scan_postings(self.postings_dir)
        unchanged = self._unchanged_report(stats)
        if unchanged is not None:
            return unchanged
        meta, previous = self._read()
        reuse = meta.get("parser_version") == PARSER_VERSION
        report = BuildReport(total=len(stats))

        entries: dict[str, dict[str, Any]] = {}
        to_parse: list[FileStat] = []
        for stat in stats:
            old = previous.get(stat.source)
            if reuse and old and old["size"] == stat.size and old["mtime_ns"] == stat.mtime_ns:
                entries[stat.source] = old
            else:
                to_parse.append(stat)
        report.unchanged = len(entries)

        fresh = {result["source"]: result for result in self._parse(to_parse, progress, workers)}
        for source, result in fresh.items():
            old = previous.get(source)
            if reuse and old and old.get("content_hash") == result.get("content_hash"):
                # Touched but not changed: keep the entry, note the new mtime.
                entries[source] = {**old, "mtime_ns": result["mtime_ns"]}
                report.unchanged += 1
            else:
                entries[source] = result
                report.parsed += 1
        entries = dict(sorted(entries.items()))

        ids = self._settle(entries, previous)
        changed_bodies: dict[str, dict[str, str]] = {}
        for source, entry in entries.items():
            if "posting" not in entry:
                continue
            entry["posting"]["id"] = ids[source]
            if "body" in entry:  # freshly parsed
                changed_bodies[ids[source]] = {
                    "body": entry.pop("body"),
                    "words": entry.pop("words"),
                }
        old_ids = {entry["posting"]["id"] for entry in previous.values() if "posting" in entry}
        removed_ids = old_ids - set(ids.values())
        report.removed = len(set(previous) - set(entries))
        if not reuse and not previous:
            self.bodies.clear()
        self.bodies.update(changed_bodies, removed_ids)
        self._write(entries)
        self._remember(entries)

        for source, entry in entries.items():
            if "skipped" in entry:
                report.skipped.append(SkippedFile(source, entry["skipped"]))
            for warning in entry.get("warnings", ()):
                report.warnings.append(SkippedFile(source, warning))
        return report

    def _parse(
        self, stats: list[FileStat], progress: Progress | None, workers: int | None
    ) -> Iterable[dict[str, Any]]:
        tasks = [(str(self.postings_dir), s.source, s.size, s.mtime_ns) for s in stats]
        total = len(tasks)
        if progress:
            progress(0, total)
        if total < POOL_THRESHOLD or workers == 1:
            results: Iterable[dict[str, Any]] = map(parse_file, tasks)
            pool = None
        else:
            # spawn, not fork: the TUI builds from a worker thread, and forking a
            # threaded process can deadlock the child.
            pool = ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 2,
                                       mp_context=get_context("spawn"))
            results = pool.map(parse_file, tasks, chunksize=max(16, total // 64))
        try:
            for done, result in enumerate(results, start=1):
                if progress and (done == total or done % 100 == 0):
                    progress(done, total)
                yield result
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _settle(
        self, entries: dict[str, dict[str, Any]], previous: dict[str, dict[str, Any]]
    ) -> dict[str, str]:
        ledger = self.ledger.load()
        root = str(self._root())
        previous_by_source = {
            source: entry["posting"]["id"]
            for source, entry in previous.items()
            if "posting" in entry
        }
        for source, posting_id in ledger.by_source(root).items():
            previous_by_source.setdefault(source, posting_id)
        previous_by_hash = {
            entry["content_hash"]: entry["posting"]["id"]
            for entry in previous.values()
            if "posting" in entry
        }
        claims = [
            Claim(source, entry["identity_key"], entry["content_hash"])
            for source, entry in entries.items()
            if "posting" in entry
        ]
        ids = settle_ids(
            claims,
            previous_by_source=previous_by_source,
            previous_by_hash=previous_by_hash,
            ledger=ledger.by_key,
        )
        self.ledger.record(root, {claim.source: (claim.identity_key, ids[claim.source])
                                  for claim in claims})
        return ids

    # -- the no-change fast path -------------------------------------------------
    def _files_path(self) -> Path:
        return self.data_dir / "files.json"

    def _unchanged_report(self, stats: list[FileStat]) -> BuildReport | None:
        """The report of a build that would change nothing, or None when something changed.

        ``files.json`` holds, in columns, every file's size and mtime as of the last
        build, with the skipped files and the cache file's own size and mtime: it
        parses in a fraction of the time ``cache.json`` takes, which a no-change
        rebuild of a large folder then never reads.
        """
        try:
            known = orjson.loads(self._files_path().read_bytes())
            cache_stat = cache_path(self.data_dir).stat()
        except (OSError, ValueError):
            return None
        if not isinstance(known, dict) or known.get("key") != [
            SCHEMA, PARSER_VERSION, str(self._root()), cache_stat.st_size, cache_stat.st_mtime_ns,
        ]:
            return None
        if (known.get("sources") != [s.source for s in stats]
                or known.get("sizes") != [s.size for s in stats]
                or known.get("mtimes") != [s.mtime_ns for s in stats]):
            return None
        report = BuildReport(total=len(stats), unchanged=len(stats))
        report.skipped = [SkippedFile(source, reason) for source, reason in known["skipped"]]
        report.warnings = [SkippedFile(source, reason) for source, reason in known["warnings"]]
        return report

    def _write_files(self, entries: dict[str, dict[str, Any]]) -> None:
        cache_stat = cache_path(self.data_dir).stat()
        atomic_write_bytes(self._files_path(), orjson.dumps({
            "key": [SCHEMA, PARSER_VERSION, str(self._root()), cache_stat.st_size,
                    cache_stat.st_mtime_ns],
            "sources": list(entries),
            "sizes": [entry["size"] for entry in entries.values()],
            "mtimes": [entry["mtime_ns"] for entry in entries.values()],
            "skipped": [[source, entry["skipped"]] for source, entry in entries.items()
                        if "skipped" in entry],
            "warnings": [[source, warning] for source, entry in entries.items()
                         for warning in entry.get("warnings", ())],
        }), durable=False)

    def _write(self, entries: dict[str, dict[str, Any]]) -> None:
        postings: dict[str, Any] = {}
        skipped: dict[str, Any] = {}
        for entry in entries.values():
            table = postings if "posting" in entry else skipped
            table[str(len(table) + 1)] = entry
        meta = {"schema": SCHEMA, "parser_version": PARSER_VERSION,
                "postings_dir": str(self._root())}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._storage().write({"meta": {"1": meta}, "postings": postings, "skipped": skipped})
        self._write_files(entries)
