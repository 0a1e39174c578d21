"""Posting bodies and their search words, kept out of the hot cache.

The list and the filters need a few hundred bytes per posting; a body is a few
kilobytes. Bodies live in 256 shard files keyed by the first two hex digits of
the posting id (``ab.json``), so opening one posting reads one shard and a
one-file rebuild rewrites one. Search words live in their own shards
(``ab.words.json``): building the free-text index reads those, never the bodies.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import orjson

from tui.store.entries import BodyEntry
from tui.store.jsonstorage import atomic_write_bytes

SHARDS = 256  # posting ids are hex: one shard per first two digits


def shard_name(posting_id: str) -> str:
    return f"{posting_id[:2]}.json"


def words_name(shard: str) -> str:
    return shard.replace(".json", ".words.json")


class BodyStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _read_shard(self, name: str) -> dict[str, str]:
        """posting id -> its body (``ab.json``) or its words (``ab.words.json``)."""
        try:
            data = orjson.loads((self.folder / name).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}  # rebuildable: a missing or broken shard means "parse again"
        return data if isinstance(data, dict) else {}

    def get(self, posting_id: str) -> str | None:
        """The posting's body; None when its shard lacks it (then parse the file again)."""
        body = self._read_shard(shard_name(posting_id)).get(posting_id)
        return body if isinstance(body, str) else None

    def update(self, changed: Mapping[str, BodyEntry], removed: Iterable[str] = ()) -> None:
        """Write the entries of ``changed`` and drop ``removed``, touching only their shards."""
        self._rewrite(changed, lambda posting_id: (changed[posting_id]["body"],
                                                   changed[posting_id]["words"]), removed)

    def update_encoded(self, changed: Mapping[str, str], read: Callable[[str], tuple[bytes, bytes]],
                       removed: Iterable[str] = ()) -> None:
        """As :meth:`update`, for bodies and words already JSON-encoded: ``changed`` maps
        each posting id to the key ``read`` gives its (body, words) JSON for. One shard's
        worth is read at a time and written as it is (orjson.Fragment), not decoded."""

        def fragments(posting_id: str) -> tuple[object, object]:
            body, words = read(changed[posting_id])
            return orjson.Fragment(body), orjson.Fragment(words)

        self._rewrite(changed, fragments, removed)

    def _rewrite(self, changed: Mapping[str, object],
                 values: Callable[[str], tuple[object, object]], removed: Iterable[str]) -> None:
        """Each shard holding a posting of ``changed`` or ``removed`` read, the (body, words)
        ``values`` gives a changed posting put in, the removed taken out, and written."""
        by_shard: dict[str, list[str]] = defaultdict(list)
        for posting_id in [*changed, *removed]:
            by_shard[shard_name(posting_id)].append(posting_id)
        if not by_shard:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, ids in by_shard.items():
            bodies: dict[str, object] = dict(self._read_shard(name))
            words: dict[str, object] = dict(self._read_shard(words_name(name)))
            for posting_id in ids:
                if posting_id in changed:
                    bodies[posting_id], words[posting_id] = values(posting_id)
                else:
                    bodies.pop(posting_id, None)
                    words.pop(posting_id, None)
            atomic_write_bytes(self.folder / name, orjson.dumps(bodies), durable=False)
            atomic_write_bytes(self.folder / words_name(name), orjson.dumps(words),
                               durable=False)

    def has_shards(self, prefixes: Iterable[str]) -> bool:
        """The body and words shard files of every id prefix of ``prefixes`` are there:
        no posting of theirs lost its body. One listing of the folder."""
        try:
            present = set(os.listdir(self.folder))
        except OSError:
            return False
        return all(f"{prefix}.json" in present and f"{prefix}.words.json" in present
                   for prefix in prefixes)

    def missing(self, posting_ids: Iterable[str]) -> set[str]:
        """The ids among ``posting_ids`` whose body or words shard file is gone (a deleted
        ``bodies/`` folder): their files must be parsed again for search to find them.
        One listing of the folder; when every shard is there, nothing more."""
        try:
            present = set(os.listdir(self.folder))
        except OSError:
            present = set()
        if _all_shards(present):
            return set()
        return {posting_id for posting_id in posting_ids if posting_id and not (
            shard_name(posting_id) in present
            and words_name(shard_name(posting_id)) in present)}

    def iter_words(self) -> Iterator[tuple[str, str]]:
        """(posting id, folded words) for every posting, one shard in memory at a time."""
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.words.json")):
            yield from self._read_shard(path.name).items()

    def clear(self) -> None:
        for path in self.folder.glob("*.json"):
            path.unlink(missing_ok=True)


def _all_shards(present: set[str]) -> bool:
    return len(present) >= 2 * SHARDS and all(
        f"{n:02x}.json" in present and f"{n:02x}.words.json" in present for n in range(SHARDS))


class BodySpool:
    """The bodies and search words of a build, kept as JSON in a temporary file until
    their postings' ids are settled and they can go to their shards.

    Held in memory, a first build of 100k postings peaked at 917 MB (bodies and words
    are ~6 KB a posting, several times that as Python strings); spooled, they cost the
    build the bytes of an offset each. A folder that cannot take the file keeps them in
    memory, encoded."""

    def __init__(self, folder: Path) -> None:
        self._where: dict[str, tuple[int, int, int]] = {}
        self._memory: dict[str, tuple[bytes, bytes]] = {}
        self._end = 0
        self._file: tempfile._TemporaryFileWrapper[bytes] | None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by close()
                dir=folder, prefix=".spool-")
        except OSError:
            self._file = None
        self._fd = self._file.fileno() if self._file is not None else -1
        self._spooling = self._file is not None  # False once a write failed

    def add(self, key: str, body: str, words: str) -> None:
        encoded = orjson.dumps(body), orjson.dumps(words)
        if self._spooling:
            try:
                # At its offset, unbuffered: no flush before each read (the file
                # wrapper's write, flush and fileno went through Python, 10k times).
                data = encoded[0] + encoded[1]
                if os.pwrite(self._fd, data, self._end) != len(data):
                    raise OSError("short write")  # a full disk: keep the rest in memory
            except OSError:
                self._spooling = False  # the file stays open: what it holds is still read
            else:
                self._where[key] = (self._end, len(encoded[0]), len(encoded[1]))
                self._end += len(encoded[0]) + len(encoded[1])
                return
        self._memory[key] = encoded

    def __contains__(self, key: object) -> bool:
        return key in self._where or key in self._memory

    def read(self, key: str) -> tuple[bytes, bytes]:
        """The (body, words) JSON of ``key``."""
        found = self._memory.get(key)
        if found is not None:
            return found
        offset, body, words = self._where[key]
        data = os.pread(self._fd, body + words, offset)
        return data[:body], data[body:]

    def entry(self, key: str) -> BodyEntry:
        body, words = self.read(key)
        return {"body": orjson.loads(body), "words": orjson.loads(words)}

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._where.clear()
        self._memory.clear()
