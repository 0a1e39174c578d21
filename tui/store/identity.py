"""Give every posting a short id that survives edits, renames and cache rebuilds.

The user's bookmarks and statuses hang off these ids, so they must not move:
- an id is derived from the posting's identity key (canonical URL, else title
  and company, else path), so deleting the cache gives the same ids back;
- a file that keeps its path keeps its id when edited, and a file whose bytes
  reappear under another path (a rename) takes the id it had;
- whenever an id is *not* the one its key derives (inherited, or a collision
  suffix), the choice is written to a small ledger in the data folder, beside
  the user's state rather than in the rebuildable cache, so a rebuild from
  scratch settles on the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

ID_LENGTH = 10  # hex digits: 40 bits, a collision in ~0.5% of 100k-posting folders


def derived_id(identity_key: str) -> str:
    return hashlib.sha1(identity_key.encode("utf-8")).hexdigest()[:ID_LENGTH]


@dataclass(frozen=True, slots=True)
class Claim:
    """A posting that needs an id, with what may tie it to an earlier one."""

    source: str
    identity_key: str
    content_hash: str


def settle_ids(
    claims: Iterable[Claim],
    *,
    previous_by_source: Mapping[str, str],
    previous_by_hash: Mapping[str, str],
    ledger: Mapping[str, str],
    reserved: Container[str] = (),
) -> dict[str, str]:
    """Map each claim's source to an id, deterministically, with no id given twice.

    ``reserved`` are the ids of files that keep theirs (an incremental build
    settles only the files it parsed): none of them is given out again.

    Earlier ids win in this order: the same path (an edit), the ledger entry
    for the key, the same bytes at a vanished path (a rename), then the id the
    key derives, suffixed ``-2``, ``-3``… in source order when already taken.
    """
    ordered = sorted(claims, key=lambda claim: claim.source)
    taken: set[str] = set()  # besides ``reserved`` (not copied: 100k ids at 100k files)
    settled: dict[str, str] = {}

    def take(source: str, candidate: str | None) -> bool:
        if candidate is None or candidate in taken or candidate in reserved:
            return False
        taken.add(candidate)
        settled[source] = candidate
        return True

    # One pass per rule, strongest first, so a new file can never take the id
    # an existing file already has.
    for claim in ordered:
        take(claim.source, previous_by_source.get(claim.source))
    for claim in ordered:
        if claim.source not in settled:
            take(claim.source, ledger.get(claim.identity_key))
    for claim in ordered:
        if claim.source not in settled:
            take(claim.source, previous_by_hash.get(claim.content_hash))
    for claim in ordered:
        if claim.source in settled:
            continue
        base = derived_id(claim.identity_key)
        suffix = 1
        candidate = base
        while not take(claim.source, candidate):
            suffix += 1
            candidate = f"{base}-{suffix}"
    return settled
