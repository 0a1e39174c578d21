"""The small record of ids that a rebuild from scratch could not derive again.

Most ids follow from a posting's identity key. Those that do not (inherited by
an edited or renamed file, or suffixed after a collision) are written here, in
the data folder beside the user's state, so that deleting ``cache.json`` never
moves an id and so never detaches a bookmark or a status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from tui.store.identity import derived_id
from tui.store.jsonstorage import atomic_write_bytes


@dataclass(slots=True)
class Ledger:
    by_key: dict[str, str] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # folder -> source -> id

    def by_source(self, root: str) -> dict[str, str]:
        return self.sources.get(root, {})


class IdentityLedger:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Ledger:
        try:
            data = orjson.loads(self.path.read_bytes())
            return Ledger(dict(data.get("by_key", {})), dict(data.get("by_source", {})))
        except (OSError, orjson.JSONDecodeError, AttributeError, TypeError, ValueError):
            return Ledger()

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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"schema": 1, "by_key": by_key, "by_source": sources}
        atomic_write_bytes(self.path, orjson.dumps(payload, option=orjson.OPT_INDENT_2))
