"""Which id each posting of a build gets: the rules of :mod:`tui.store.identity`, fed
with what the last build and the ledger know, and the ledger kept up to date."""

from __future__ import annotations

from collections import Counter

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
) -> tuple[dict[str, str], set[str]]:
    """Ids for the postings of ``claims`` only (a build of a few files), by source, and
    the ids every other file keeps. Record them with ``ledger.record_changes`` once the
    index holds the build."""
    known = ledger.load()
    parsed = {claim.source for claim in claims}
    previous_by_source = {s: i for s, i in zip(index.sources, index.ids, strict=True) if i}
    for source, posting_id in known.by_source(root).items():
        previous_by_source.setdefault(source, posting_id)
    kept = {i for s, i in zip(index.sources, index.ids, strict=True)
            if i and s not in gone and s not in parsed}
    ids = settle_ids(
        claims,
        previous_by_source=previous_by_source,
        previous_by_hash={h: i for h, i in zip(index.hashes, index.ids, strict=True) if i},
        ledger=known.by_key,
        reserved=kept,
    )
    return ids, kept
