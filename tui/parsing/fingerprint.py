"""A posting body's fingerprint: a one-permutation MinHash of its three-word shingles,
16 bins of 8 bits, written as 32 hex digits.

Two bodies agree in about as many bins as the share of shingles they have in common
(their Jaccard similarity), so a repost with a few words changed agrees in nearly all
bins and another role of the same company, under the same title, in few. Hashes are
Python's own for tuples of ints (not randomised per process, unlike str) over CRC-32
word codes, so a fingerprint is the same in every parse worker and every run.
"""

from __future__ import annotations

import re
import zlib

BINS = 16
WORD = re.compile(r"\w+")
EMPTY = 0xFF  # a bin no shingle fell in (very short texts)
MASK = (1 << 64) - 1


def fingerprint(text: str) -> str:
    codes = list(map(zlib.crc32, map(str.encode, WORD.findall(text.casefold()))))
    if len(codes) < 3:
        return ""
    # A shingle's value is hash(shingle) & MASK; shingles with equal hashes give equal
    # values, so deduplicating the hashes (ints) instead of the tuples changes nothing
    # and hashes each tuple once, not twice.
    hashes = set(map(hash, zip(codes, codes[1:], codes[2:], strict=False)))
    lowest = [MASK] * BINS
    for value in hashes:
        value &= MASK
        slot = value & (BINS - 1)
        if value < lowest[slot]:
            lowest[slot] = value
    return bytes(EMPTY if low == MASK else (low >> 4) & 0xFF for low in lowest).hex()


def similarity(one: str, other: str) -> float:
    """The share of bins two fingerprints agree in: about their bodies' Jaccard
    similarity. 0 when either is missing."""
    if not one or not other or len(one) != len(other):
        return 0.0
    a, b = bytes.fromhex(one), bytes.fromhex(other)
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
