"""The rebuildable cache of parsed postings: ``cache.json`` (TinyDB) plus body shards.

``build()`` brings the cache up to date with the postings folder, re-parsing
only new or changed files (size and mtime first, then the content hash), in a
process pool when there is enough work. A build that finds nothing changed stats
each file once and reads only the header line of ``files.json``
(:mod:`tui.store.file_index`); one that finds a few files changed writes them to
``cache.delta.json`` beside ``cache.json`` instead of rewriting 80 MB at 100k
postings; past ``DELTA_LIMIT`` the delta is folded in.

The cache carries a schema and the parser version: one it cannot read, or one
written by another parser, is rebuilt, never trusted. Ids are settled by
:mod:`tui.store.identity` so that the user's tracking data, kept elsewhere,
stays attached.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING, Any

import orjson

from tui.model import Posting, SkippedFile
from tui.parsing.version import parser_version
from tui.paths import (
    bodies_dir,
    cache_delta_path,
    cache_path,
    file_index_path,
    ids_path,
    listing_path,
)
from tui.sanitize import visible
from tui.store.bodies import BodySpool, BodyStore
from tui.store.collector import long_lived_allocations
from tui.store.entries import BodyEntry, CacheEntry, Entries
from tui.store.file_index import (
    FileIndex,
    index_from,
    load_index,
    read_header,
    read_index,
    save_index,
    scan_digest,
    stamps_digest,
)
from tui.store.id_assignment import assign_all, assign_changed
from tui.store.identity import Claim
from tui.store.identity_ledger import IdentityLedger
from tui.store.jsonstorage import AtomicJSONStorage, atomic_write_bytes
from tui.store.listing import Listing, listing_key, read_listing, write_listing
from tui.store.reading import NotRead, read_posting
from tui.store.scan import (
    POSTING_SUFFIXES,
    FileStat,
    file_name,
    scan_postings,
    scan_stamps,
    source_name,
)

if TYPE_CHECKING:
    from tui.store.parse_worker import Progress

# 2: sources stored by scan.source_name; files unreadable when last built are
# tried again; links leaving the folder no longer read (entries of schema 1 may hold
# such files: they are parsed again, never trusted).
SCHEMA = 2
# Up to this many files changed since the last full build, a build writes only
# what changed (``cache.delta.json`` beside ``cache.json``); past it, the whole cache.
DELTA_LIMIT = 1000


@dataclass(slots=True)
class BuildReport:
    total: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    pending: int = 0  # new files a limited build left for the next one
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[SkippedFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the data folder, for the user
    # What a targeted update (PostingCache.update) changed: sources -> entries freshly
    # written (a posting or a skip), and sources gone. Empty after a full build.
    changed: dict[str, CacheEntry] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)
    # Of those sources, the ones that held a posting before: source -> its id then.
    held: dict[str, str] = field(default_factory=dict)


class PostingCache:
    def __init__(self, data_dir: Path, postings_dir: Path) -> None:
        self.data_dir = data_dir
        self.postings_dir = postings_dir
        self.bodies = BodyStore(bodies_dir(data_dir))
        self.ledger = IdentityLedger(ids_path(data_dir))
        self._entries: Entries | None = None  # source -> stored entry
        self._by_id: dict[str, CacheEntry] | None = None  # see _entry_for
        self._released = False
        # Bodies of a build whose cache could not be written (a full disk, a read-only
        # data folder): kept here, so the postings can still be read and searched.
        self._unsaved: dict[str, BodyEntry] | None = None
        self._index_memo: tuple[list[Any], FileIndex] | None = None  # see update()
        # The listing key of the records postings() last read from disk (see
        # save_listing); None when it read none.
        self._read_key: bytes | None = None
        # The last listing read, with the groups and order kept in it (see listing_of).
        self._listing: Listing | None = None

    # -- reading ---------------------------------------------------------------
    def _storage(self) -> AtomicJSONStorage:
        return AtomicJSONStorage(cache_path(self.data_dir), durable=False)

    def _read(self) -> tuple[dict[str, Any], Entries]:
        """The stored meta and entries by source (the delta applied); empty when missing
        or unreadable."""
        try:
            data = self._storage().read() or {}
            meta: dict[str, Any] = next(iter(data.get("meta", {}).values()), {})
            entries = {
                entry["source"]: entry
                for table in ("postings", "skipped")
                for entry in data.get(table, {}).values()
            }
        except Exception:
            return {}, {}
        if meta.get("schema") != SCHEMA or meta.get("postings_dir") != self._root_name():
            return {}, {}
        delta = self._read_delta() or {}
        for source, entry in delta.items():
            if entry is None:
                entries.pop(source, None)
            else:
                entries[source] = entry
        return meta, dict(sorted(entries.items())) if delta else entries

    def _delta_path(self) -> Path:
        return cache_delta_path(self.data_dir)

    def _base_stamp(self) -> list[int] | None:
        try:
            stat = cache_path(self.data_dir).stat()
        except OSError:
            return None
        return [stat.st_size, stat.st_mtime_ns]

    def _read_delta(self) -> dict[str, CacheEntry | None] | None:
        """What changed since ``cache.json`` was written (source -> entry, or None for a
        file gone); {} when nothing did, None when the delta does not belong to it."""
        try:
            data = orjson.loads(self._delta_path().read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("base") != self._base_stamp():
            return None
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else None

    def _root(self) -> Path:
        return self.postings_dir.resolve()

    def _root_name(self) -> str:
        """The folder as stored in the cache and the id ledger: JSON text even when its
        path is not UTF-8."""
        return source_name(str(self._root()))

    def _loaded(self) -> Entries:
        if self._entries is None:
            with long_lived_allocations():
                _meta, entries = self._read()
            self._remember(entries)
            return entries
        return self._entries

    def _remember(self, entries: Entries) -> None:
        self._entries = entries
        self._by_id = None  # made when first asked for: a listing never needs it

    @long_lived_allocations()
    def postings(self, before_records: Callable[[], object] | None = None) -> Sequence[Posting]:
        """Every cached posting, without bodies, in source order: from the listing
        (``listing.bin``, each posting decoded when first read) when it was saved from
        the cache files as they are now, else from the records (``before_records`` is
        called first: reading them holds the interpreter for seconds at 100k postings)."""
        if self._released:
            self._entries = None  # released records hold ids only: read them again
            self._released = False
        self._read_key = None
        self._listing = None
        if self._entries is None:
            key = self._listing_key()
            listed = read_listing(listing_path(self.data_dir), key, self._records)
            if listed is not None:
                self._listing = listed
                return listed.postings
            if before_records is not None:
                before_records()
            postings = self._records()
            if self._listing_key() == key:  # not rewritten while it was read
                self._read_key = key
            return postings
        return [
            Posting.from_dict(entry["posting"])
            for entry in self._entries.values()
            if "posting" in entry
        ]

    def _records(self) -> list[Posting]:
        """Every cached posting, from the records."""
        return [Posting.from_dict(entry["posting"])
                for entry in self._loaded().values() if "posting" in entry]

    def listing_of(self, postings: Sequence[Posting]) -> Listing | None:
        """The listing ``postings`` were read from (with the groups of duplicates among
        them and their order), when they are the very list :meth:`postings` read from
        it; else None. Asked once: it holds every posting."""
        kept, self._listing = self._listing, None
        return kept if kept is not None and kept.postings is postings else None

    def save_listing(self, postings: Sequence[Posting], groups: list[list[int]] | None = None,
                     by_added: list[int] | None = None) -> None:
        """Save ``postings``, what :meth:`postings` last returned, with the groups of
        duplicates among them (found here when not given) and their order newest first
        (if known), as the listing the next start reads, when they were read from the
        records and the cache files are still as they were then. Best effort: the
        listing is only ever a shortcut."""
        from tui.parsing.duplicates import group_duplicates

        key, self._read_key = self._read_key, None
        if key is None or key != self._listing_key():
            return
        with contextlib.suppress(OSError):
            write_listing(listing_path(self.data_dir), key, postings,
                          group_duplicates(postings) if groups is None else groups, by_added)

    def _listing_key(self) -> bytes:
        """What names the cache files' state for the listing: _index_key's, encoded."""
        return listing_key(self._index_key())

    def release_records(self) -> None:
        """Forget the parsed records: the TUI holds every posting in its catalog already
        (at 100k postings a second copy costs well over 100 MB). :meth:`body` reads the
        shards, and the records again only for a posting its shard lacks. (Slimming
        them to ids instead cost 0.09 s of each listing at 10k postings.)"""
        if self._unsaved is not None:
            return  # not on disk to read again: keep them
        self._entries = None
        self._by_id = None
        self._released = True

    def stamp(self) -> object:
        """Changes whenever the cache on disk is written, by this process or another."""
        return self._index_key()[3:]

    def reread(self) -> None:
        """Read the records from disk when next asked: another jobtui (``jobtui add``)
        may have built the cache since. Records never written (a full disk) are kept."""
        if self._unsaved is None:
            self._entries = None
            self._released = False

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
        """The posting's cleaned body: from its shard, and only when the shard lacks it
        from its file (the records, 80 MB at 100k postings, are read only then)."""
        if self._unsaved and posting_id in self._unsaved:
            return self._unsaved[posting_id]["body"]
        stored = self.bodies.get(posting_id)
        if stored is not None:
            return stored
        entry = self._entry_for(posting_id)
        return self._body(entry) if entry is not None else ""

    def search_texts(self) -> Iterator[tuple[str, str]]:
        """Folded words of every posting's title, company and body, for free-text search."""
        unsaved = self._unsaved or {}
        for posting_id, entry in unsaved.items():
            yield posting_id, entry["words"]
        for posting_id, words in self.bodies.iter_words():
            if posting_id not in unsaved:
                yield posting_id, words

    def _entry_for(self, posting_id: str) -> CacheEntry | None:
        self._loaded()
        if self._by_id is None:
            self._by_id = {entry["posting"]["id"]: entry
                           for entry in self._loaded().values() if "posting" in entry}
        return self._by_id.get(posting_id)

    def _body(self, entry: CacheEntry) -> str:
        if self._unsaved and entry["posting"]["id"] in self._unsaved:
            return self._unsaved[entry["posting"]["id"]]["body"]
        stored = self.bodies.get(entry["posting"]["id"])
        if stored is not None:
            return stored
        # The shard went missing (a crash between writes, a hand-deleted file):
        # the cache is rebuildable, so parse the file again.
        try:
            raw = read_posting(str(self.postings_dir), entry["source"])
        except (OSError, NotRead):
            return ""
        from tui.store.parse_worker import parse_bytes  # (see parse_files below)

        return parse_bytes(raw, entry["source"], entry["size"], entry["mtime_ns"]).get("body", "")

    # -- building --------------------------------------------------------------
    @long_lived_allocations()
    def build(
        self, *, progress: Progress | None = None, workers: int | None = None,
        limit: int | None = None,
    ) -> BuildReport:
        """Bring the cache up to date with the folder.

        ``limit`` caps how many files new to the cache this build parses; the rest
        wait for the next build (``report.pending``). A first build of a large folder
        then goes in steps, each one a complete cache with settled ids, so the app
        can list the postings as they come.
        """
        found = scan_stamps(self.postings_dir)
        ledger_problem = self.ledger.set_aside_if_unreadable()
        # A ledger set aside is rebuilt by a full build, from every id the cache holds.
        key = self._index_key()
        header = None if ledger_problem else read_header(self._files_path(), key)
        scan = scan_digest(found)
        # The scan's own digest when the index has one: a mismatch then almost always
        # means a change, and the sorted digest (70-130 ms) would be wasted on the way
        # to the comparison below. A folder listed in another order with nothing
        # changed is still found unchanged there, only slower.
        if (header is not None and not header.unreadable and header.count == len(found)
                and self.bodies.has_shards(header.shards)
                and (header.scan_digest == scan if header.scan_digest
                     else header.digest == stamps_digest(found))):
            # Nothing changed: only the index's header line is read, its 100k rows are
            # never decoded (0.3 s of a 1.0 s no-change rebuild at 100k, besides the
            # folder scan) nor even read.
            return BuildReport(total=len(found), unchanged=len(found),
                               skipped=header.skipped_files(),
                               warnings=header.warning_files())
        # The index this process last wrote, if files.json is still it (see update()):
        # not decoded again (0.15-0.2 s at 100k), its counts and encodings kept.
        kept, self._index_memo = self._index_memo, None
        index = None
        if header is not None:
            if kept is not None and kept[0] == key:
                index = kept[1]
            else:
                stored = read_index(self._files_path(), key)
                index = None if stored is None else index_from(*stored)
        if index is not None:
            lost = self.bodies.missing(index.ids)
            changed, removed = index.changes(found)
            if not lost and not changed and not removed:
                self._index_memo = (key, index)  # unchanged: still the files' index
                return BuildReport(total=len(found), unchanged=len(found),
                                   skipped=index.skipped_files(), warnings=index.warning_files())
            if lost:  # their bodies are gone: parse them again, or search misses them
                listed = {stat.source for stat in changed}
                changed = sorted([*changed, *(
                    FileStat(source, *stamp) for source, stamp in found.items()
                    if source not in listed
                    and (row := index.row_of(source)) is not None and index.ids[row] in lost
                )])
            delta = self._read_delta()
            if delta is not None and len(changed) + len(removed) + len(delta) <= DELTA_LIMIT:
                with contextlib.suppress(OSError):  # else a full build, kept in memory
                    return self._build_changes(len(found), index, delta, changed, removed,
                                               progress, workers, lost, scan=scan)
        stats = [FileStat(source, *found[source]) for source in sorted(found)]
        report = self._build_all(stats, progress, workers, limit, scan=scan)
        if ledger_problem:
            report.problems.append(ledger_problem)
        return report

    @long_lived_allocations()  # files.json's 100k rows would set off full collections
    def update(self, paths: Iterable[Path | str], *, progress: Progress | None = None
               ) -> BuildReport | None:
        """Bring the cache up to date for ``paths`` only (files a folder watcher saw
        change, appear or go: absolute, or relative to the postings folder), trusting
        every other file to be as the last build left it. No folder scan: one stat per
        path, so it costs the same at 100k postings as at 100. The report's ``changed``
        and ``gone`` say what moved. None when the fast path cannot be taken (no
        trusted file index, too many changes since the last full build): call build()."""
        ledger_problem = self.ledger.set_aside_if_unreadable()
        if ledger_problem:  # as build() does: the ledger is rebuilt by a full build
            report = self._build_all(scan_postings(self.postings_dir), progress, None)
            report.problems.append(ledger_problem)
            return report
        key = self._index_key()
        # The index this process last wrote, while the cache files are still as it left
        # them: reading files.json again cost 0.13 s of a one-file refresh at 100k.
        kept, self._index_memo = self._index_memo, None
        index = kept[1] if kept is not None and kept[0] == key else load_index(
            self._files_path(), key)
        delta = self._read_delta()
        if index is None or delta is None:
            return None
        fresh: dict[str, FileStat] = {}
        for path in paths:
            source = self._source_of(Path(path))
            if source is None:
                continue
            stat = self._stat(source)
            if stat is not None and stat.size == 0 and source not in fresh and Path(
                    self.postings_dir, file_name(source)).is_dir():
                return None  # a link to a folder: the full build reports it
            fresh[source] = stat  # type: ignore[assignment]
        changed: list[FileStat] = []
        removed: list[str] = []
        for source, stat in sorted(fresh.items()):
            row = index.row_of(source)
            if stat is None:
                if row is not None:
                    removed.append(source)
            elif (row is None or index.sizes[row] != stat.size
                  or index.mtimes[row] != stat.mtime_ns or source in index.unreadable):
                changed.append(stat)
        total = len(index.sources) + sum(index.row_of(s.source) is None for s in changed) - len(
            removed)
        if not changed and not removed:
            self._index_memo = (key, index)  # nothing written: still the files' index
            return BuildReport(total=total, unchanged=total, skipped=index.skipped_files(),
                               warnings=index.warning_files())
        if len(changed) + len(removed) + len(delta) > DELTA_LIMIT:
            return None
        try:
            return self._build_changes(total, index, delta, changed, removed, progress,
                                       workers=1, keep=True)
        except OSError:
            return None

    def _source_of(self, path: Path) -> str | None:
        """``path`` as the cache names it, or None when no build would list it (outside
        the folder, hidden, not a posting's suffix)."""
        if path.is_absolute():
            try:
                path = path.relative_to(self.postings_dir)
            except ValueError:
                try:
                    path = path.relative_to(self._root())
                except ValueError:
                    return None
        parts = path.parts
        if not parts or any(part.startswith(".") or part == ".." for part in parts):
            return None
        if "." + parts[-1].rpartition(".")[2].lower() not in POSTING_SUFFIXES:
            return None
        return source_name("/".join(parts))

    def _stat(self, source: str) -> FileStat | None:
        try:
            stat = os.stat(Path(self.postings_dir, file_name(source)))
        except OSError:
            return None
        if S_ISDIR(stat.st_mode):
            return FileStat(source, 0, stat.st_mtime_ns)
        return FileStat(source, stat.st_size, stat.st_mtime_ns) if S_ISREG(stat.st_mode) else None

    def _build_all(
        self, stats: list[FileStat], progress: Progress | None, workers: int | None,
        limit: int | None = None, scan: str = "",
    ) -> BuildReport:
        """Parse what changed, then write the whole cache anew. ``scan``: the
        :func:`~tui.store.file_index.scan_digest` of the scan ``stats`` came from."""
        meta, previous = self._read()
        reuse = meta.get("parser_version") == parser_version()
        report = BuildReport(total=len(stats))
        # Postings whose bodies are gone (a deleted bodies/ folder) are parsed again.
        lost = self.bodies.missing(
            entry["posting"]["id"] for entry in previous.values() if "posting" in entry
        ) if reuse else set()

        def body_lost(entry: CacheEntry) -> bool:
            return bool(lost) and "posting" in entry and entry["posting"]["id"] in lost

        entries: Entries = {}
        to_parse: list[FileStat] = []
        for stat in stats:
            old = previous.get(stat.source)
            if (reuse and old and old["size"] == stat.size and old["mtime_ns"] == stat.mtime_ns
                    and not old.get("unreadable") and not body_lost(old)):
                entries[stat.source] = old
            else:
                to_parse.append(stat)
        report.unchanged = len(entries)
        held_back: set[str] = set()
        if limit is not None:
            new = [stat.source for stat in to_parse if stat.source not in previous]
            held_back = set(new[limit:])
            to_parse = [stat for stat in to_parse if stat.source not in held_back]
            report.pending = len(held_back)
        outer = progress

        def step_progress(done: int, total: int) -> None:
            if outer is not None:  # counted against every file still to parse
                outer(done, total + len(held_back))

        # Here, not at import: the process pool's modules cost a warm start ~0.03 s CPU
        # before its list, and a warm start with nothing changed parses nothing.
        from tui.store.parse_worker import parse_files

        spool = BodySpool(bodies_dir(self.data_dir))
        try:
            return self._settle_all(previous, reuse, body_lost, entries, report,
                                    held_back, spool, parse_files(
                                        self.postings_dir, to_parse, step_progress, workers),
                                    scan="" if held_back else scan)
        finally:
            spool.close()

    def _settle_all(
        self, previous: Entries, reuse: bool,
        body_lost: Callable[[CacheEntry], bool], entries: Entries, report: BuildReport,
        held_back: set[str], spool: BodySpool, parsed: Iterable[CacheEntry], scan: str = "",
    ) -> BuildReport:
        """The second half of a full build: the parse results in (bodies to ``spool``
        as they come), ids settled, everything written."""
        fresh: dict[str, CacheEntry] = {}
        for result in parsed:
            if "body" in result:
                spool.add(result["source"], result.pop("body"), result.pop("words"))
            fresh[result["source"]] = result
        for source, result in fresh.items():
            old = previous.get(source)
            if (reuse and old and old.get("content_hash") == result.get("content_hash")
                    and not body_lost(old)):
                # Touched but not changed: keep the entry, note the new mtime.
                entries[source] = {**old, "mtime_ns": result["mtime_ns"]}
                report.unchanged += 1
            else:
                entries[source] = result
                report.parsed += 1
        entries = dict(sorted(entries.items()))

        ids = assign_all(self.ledger, self._root_name(), entries, previous,
                         partial=bool(held_back))
        changed_bodies: dict[str, str] = {}  # posting id -> its source in the spool
        for source, entry in entries.items():
            if "posting" not in entry:
                continue
            entry["posting"]["id"] = ids[source]
            if entry is fresh.get(source) and source in spool:  # freshly parsed
                changed_bodies[ids[source]] = source
        old_ids = {entry["posting"]["id"] for entry in previous.values() if "posting" in entry}
        removed_ids = old_ids - set(ids.values())
        report.removed = len(set(previous) - set(entries))
        try:
            if not reuse and not previous:
                self.bodies.clear()
            self.bodies.update_encoded(changed_bodies, spool.read, removed_ids)
            self._write(entries, scan)
            self._unsaved = None
        except OSError as error:
            # Rebuildable: list and show what was parsed, and say the cache is not kept.
            self._unsaved = {posting_id: spool.entry(source)
                             for posting_id, source in changed_bodies.items()}
            report.problems.append(
                f"cannot write the cache in {visible(str(self.data_dir))} "
                f"({error.strerror or error}): postings are shown but not saved, so the "
                "next start parses them again")
        self._remember(entries)

        for source, entry in entries.items():
            if "skipped" in entry:
                report.skipped.append(SkippedFile(source, entry["skipped"]))
            for warning in entry.get("warnings", ()):
                report.warnings.append(SkippedFile(source, warning))
        return report

    def _build_changes(
        self, total: int, index: FileIndex, delta: dict[str, CacheEntry | None],
        changed: list[FileStat], removed: list[str],
        progress: Progress | None, workers: int | None, lost: AbstractSet[str] = frozenset(),
        keep: bool = False, scan: str = "",
    ) -> BuildReport:
        """Parse the few files that changed and write only them: their bodies, a delta
        beside ``cache.json`` and the file index. ``cache.json`` itself is not read.
        ``keep``: the report carries the new entries and the sources gone. ``scan``: the
        scan_digest of a folder scan these changes bring the index up to (none after
        a watcher's update, which scans nothing)."""
        from tui.store.parse_worker import parse_files  # (see _build_all)

        report = BuildReport(total=total, unchanged=total - len(changed),
                             removed=len(removed))
        entries: Entries = {}
        settling: list[Claim] = []
        for result in parse_files(self.postings_dir, changed, progress, workers):
            source = result["source"]
            entries[source] = result
            row = index.row_of(source)
            if result.get("unreadable") and index.skipped.get(source) == result["skipped"]:
                report.unchanged += 1  # still unreadable, tried again: nothing new
                continue
            same = (row is not None and index.hashes[row] == result.get("content_hash")
                    and bool(index.ids[row]) == ("posting" in result)
                    and index.ids[row] not in lost)
            if same and row is not None:
                # Touched but not changed: the same id and date added, no body to write.
                report.unchanged += 1
                if "posting" in result:
                    result["posting"].update(id=index.ids[row], added=index.added[row])
                    del result["body"], result["words"]
                continue
            report.parsed += 1
            if "posting" in result:
                settling.append(Claim(source, result["identity_key"], result["content_hash"]))

        root = self._root_name()
        gone = set(removed)
        ids, kept_ids = assign_changed(self.ledger, root, index, settling, gone)
        changed_bodies: dict[str, BodyEntry] = {}
        for source, posting_id in ids.items():
            entry = entries[source]
            entry["posting"]["id"] = posting_id
            changed_bodies[posting_id] = {"body": entry.pop("body"), "words": entry.pop("words")}
        held = {source: index.ids[row] for source in [*gone, *entries]
                if (row := index.row_of(source)) is not None and index.ids[row]}
        old_ids = set(held.values())
        self.bodies.update(changed_bodies, {i for i in old_ids - set(ids.values())
                                            if i not in kept_ids})

        delta.update(entries)
        delta.update(dict.fromkeys(removed))
        atomic_write_bytes(self._delta_path(), orjson.dumps(
            {"base": self._base_stamp(), "entries": delta}), durable=False)
        index.apply(entries, removed)
        # Only the keys settled here are looked up (counts the index keeps).
        claimants = Counter({claim.identity_key: index.key_count(claim.identity_key)
                             for claim in settling})
        self.ledger.record_changes(
            root, {claim.source: (claim.identity_key, ids[claim.source]) for claim in settling},
            removed, claimants)
        key = self._index_key()
        save_index(self._files_path(), key, index, scan)
        self._index_memo = (key, index)  # the next update() starts from it
        if keep:
            report.changed = {source: entry for source, entry in entries.items()}
            report.gone = list(removed)
            report.held = held
        self._entries = None  # read again, base and delta, when asked for
        self._released = False
        report.skipped = index.skipped_files()
        report.warnings = index.warning_files()
        return report

    # -- the file index (files.json) ----------------------------------------------
    def _files_path(self) -> Path:
        return file_index_path(self.data_dir)

    def _index_key(self) -> list[Any]:
        """What ``files.json`` must have been written with to be trusted: this schema,
        parser and folder, and the cache files exactly as they are now."""
        try:
            delta = self._delta_path().stat()
            delta_stamp: list[int] | None = [delta.st_size, delta.st_mtime_ns]
        except OSError:
            delta_stamp = None
        return [SCHEMA, parser_version(), self._root_name(), self._base_stamp(), delta_stamp]

    def _write(self, entries: Entries, scan: str = "") -> None:
        postings: dict[str, CacheEntry] = {}
        skipped: dict[str, CacheEntry] = {}
        for entry in entries.values():
            table = postings if "posting" in entry else skipped
            table[str(len(table) + 1)] = entry
        meta = {"schema": SCHEMA, "parser_version": parser_version(),
                "postings_dir": self._root_name()}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._storage().write({"meta": {"1": meta}, "postings": postings, "skipped": skipped})
        self._delta_path().unlink(missing_ok=True)  # folded into the new cache.json
        save_index(self._files_path(), self._index_key(), FileIndex.from_entries(entries), scan)
