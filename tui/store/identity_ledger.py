"""The small record of ids that a rebuild from scratch could not derive again.

Most ids follow from a posting's identity key. Those that do not (inherited by
an edited or renamed file, or suffixed after a collision) are written here, in
the data folder beside the user's state, so that deleting ``cache.json`` never
moves an id and so never detaches a bookmark or a status.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from tui.sanitize import visible
from tui.store.identity import derived_id
from tui.store.jsonstorage import atomic_write_bytes


@dataclass(slots=True)
class Ledger:
    by_key: dict[str, str] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # folder -> source -> id

    def by_source(self, root: str) -> dict[str, str]:
        return self.sources.get(root, {})


def _parse(raw: bytes) -> Ledger:
    """The ledger in ``raw``, or ValueError when it is not one."""
    data = orjson.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    by_key, by_source = data.get("by_key", {}), data.get("by_source", {})
    if not (isinstance(by_key, dict) and all(isinstance(v, str) for v in by_key.values())):
        raise ValueError("'by_key' is not an object of ids")
    if not (isinstance(by_source, dict) and all(
            isinstance(ids, dict) and all(isinstance(v, str) for v in ids.values())
            for ids in by_source.values())):
        raise ValueError("'by_source' is not an object of folders")
    return Ledger(dict(by_key), dict(by_source))


class IdentityLedger:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Ledger:
        try:
            return _parse(self.path.read_bytes())
        except (OSError, ValueError):
            return Ledger()

    def set_aside_if_unreadable(self) -> str | None:
        """Move an ``ids.json`` that cannot be read out of the way, never writing over it,
        and say so; None when it is fine or missing.

        Without this, a broken ledger read as empty and the next build wrote a new one
        over it: ids kept nowhere else (a renamed posting's) were lost for good, and the
        bookmarks and statuses on them detached. The caller rebuilds the ledger from the
        cache, which holds every current id.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            reason = error.strerror or str(error)
        else:
            try:
                _parse(raw)
                return None
            except ValueError as error:
                reason = str(error).splitlines()[0]
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        try:
            os.rename(self.path, kept)
        except OSError as error:
            return (f"cannot read the id ledger {visible(str(self.path))} ({visible(reason)}) "
                    "nor move it aside "
                    f"({error.strerror or error}); ids of renamed postings may change")
        return (f"the id ledger {visible(str(self.path))} could not be read "
                f"({visible(reason)}); kept as {visible(kept.name)} and rebuilt from the cache")

    def record(self, root: str, settled: dict[str, tuple[str, str]]) -> None:
        """Note the ids of ``settled`` (source -> (identity key, id)): every file in the
        folder after a full build.

        Entries for files no longer in the folder are dropped from the by-source
        part (a new file at an old path is a new posting); by-key entries stay.
        """
        claimants = Counter(key for key, _posting_id in settled.values())
        self._save(self.load(), root, settled, claimants, keep_sources={})

    def record_changes(
        self, root: str, settled: dict[str, tuple[str, str]], removed: Iterable[str],
        claimants: Counter[str],
    ) -> None:
        """Like :meth:`record` after a build that settled only ``settled`` and removed
        ``removed``: the by-source entries of every other file stay. ``claimants``
        counts the identity keys of every file now in the folder."""
        ledger = self.load()
        keep = dict(ledger.by_source(root))
        for source in [*removed, *settled]:
            keep.pop(source, None)
        self._save(ledger, root, settled, claimants, keep_sources=keep)

    def _save(
        self, ledger: Ledger, root: str, settled: dict[str, tuple[str, str]],
        claimants: Counter[str], keep_sources: dict[str, str],
    ) -> None:
        by_key = dict(ledger.by_key)
        by_source = dict(keep_sources)
        for source, (key, posting_id) in settled.items():
            derived = posting_id == derived_id(key)
            if not derived:
                by_source[source] = posting_id
            # A key names one posting only when one file claims it; duplicates
            # are told apart by their paths alone.
            if claimants[key] == 1:
                if derived:
                    by_key.pop(key, None)
                else:
                    by_key[key] = posting_id
        sources = dict(ledger.sources)
        if by_source:
            sources[root] = by_source
        else:
            sources.pop(root, None)
        if by_key == ledger.by_key and sources == ledger.sources:
            return
        payload = {"schema": 1, "by_key": by_key, "by_source": sources}
        try:
            atomic_write_bytes(self.path, orjson.dumps(payload, option=orjson.OPT_INDENT_2))
        except OSError:
            # A data folder that cannot be written: the ids of this build stand (the
            # cache, if it can be written later, holds them); the build says why.
            return
