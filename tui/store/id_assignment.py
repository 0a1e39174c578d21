"""Which id each posting of a build gets: the rules of :mod:`tui.store.identity`, fed
with what the last build and the ledger know, and the ledger kept up to date."""

from __future__ import annotations

from collections import Counter
from collections.abc import Container

from tui.store.entries import Entries
from tui.store.file_index import FileIndex
from tui.store.identity import Claim, settle_ids
from tui.store.identity_ledger import IdentityLedger


def assign_all(
    ledger: IdentityLedger, root: str, entries: Entries, previous: Entries, *,
    partial: bool = False,
) -> dict[str, str]:
    """Ids for every posting of ``entries`` (a build that writes the whole cache), by
    source. ``partial``: files of the folder were held back from this build; the ids
    the ledger keeps for them stay theirs."""
    known = ledger.load()
    previous_by_source = {
        source: entry["posting"]["id"] for source, entry in previous.items() if "posting" in entry
    }
    for source, posting_id in known.by_source(root).items():
        previous_by_source.setdefault(source, posting_id)
    previous_by_hash = {
        entry["content_hash"]: entry["posting"]["id"]
        for entry in previous.values() if "posting" in entry
    }
    claims = [
        Claim(source, entry["identity_key"], entry["content_hash"])
        for source, entry in entries.items() if "posting" in entry
    ]
    reserved: set[str] = set()
    if partial:
        claimed = {claim.identity_key for claim in claims}
        reserved = {posting_id for source, posting_id in known.by_source(root).items()
                    if source not in entries}
        reserved |= {posting_id for key, posting_id in known.by_key.items()
                     if key not in claimed}
    ids = settle_ids(claims, previous_by_source=previous_by_source,
                     previous_by_hash=previous_by_hash, ledger=known.by_key, reserved=reserved)
    settled = {claim.source: (claim.identity_key, ids[claim.source]) for claim in claims}
    if partial:
        ledger.record_changes(root, settled, set(previous) - set(entries),
                              Counter(claim.identity_key for claim in claims))
    else:
        ledger.record(root, settled)
    return ids


def assign_changed(
    ledger: IdentityLedger, root: str, index: FileIndex, claims: list[Claim], gone: set[str],
) -> tuple[dict[str, str], Container[str]]:
    """Ids for the postings of ``claims`` only (a build of a few files), by source, and
    the ids every other file keeps. Record them with ``ledger.record_changes`` once the
    index holds the build.

    Only the claims' own rows are looked up (by bisection, and a scan in C for a
    content hash): dicts of every file's id by source and by hash cost 0.35 s of a
    one-file refresh at 100k files."""
    known = ledger.load()
    parsed = {claim.source for claim in claims}
    by_source = known.by_source(root)
    previous_by_source: dict[str, str] = {}
    for claim in claims:
        row = index.row_of(claim.source)
        posting_id = index.ids[row] if row is not None else ""
        if posting_id or claim.source in by_source:
            previous_by_source[claim.source] = posting_id or by_source[claim.source]
    previous_by_hash: dict[str, str] = {}
    for claim in claims:
        posting_id = _last_id_with(index, claim.content_hash)
        if posting_id:
            previous_by_hash[claim.content_hash] = posting_id
    freed = {index.ids[row] for source in gone | parsed
             if (row := index.row_of(source)) is not None}
    kept = _KeptIds(index.ids_held(), freed | {""})  # (kept by the index: no 100k set)
    ids = settle_ids(claims, previous_by_source=previous_by_source,
                     previous_by_hash=previous_by_hash, ledger=known.by_key, reserved=kept)
    return ids, kept


def _last_id_with(index: FileIndex, content_hash: str) -> str:
    """The id of the last file (in source order) with these bytes; "" when none has one."""
    found, start = "", 0
    if not index.holds_hash(content_hash):  # (new bytes, as a rule: no walk over 100k)
        return found
    while True:
        try:
            row = index.hashes.index(content_hash, start)
        except ValueError:
            return found
        found = index.ids[row] or found
        start = row + 1


class _KeptIds:
    """The ids of the files a build of a few files leaves alone: every id of the index
    but those ``freed`` (the files parsed again or gone)."""

    def __init__(self, ids: Container[str], freed: set[str]) -> None:
        self._ids = ids
        self._freed = freed

    def __contains__(self, posting_id: object) -> bool:
        return posting_id in self._ids and posting_id not in self._freed
