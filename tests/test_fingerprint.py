"""The fingerprint's shortcuts (words split on bytes, only the lowest shingle values
compared) give exactly the MinHash its definition gives: duplicate groups depend on it."""

from __future__ import annotations

import random
import re
import zlib

import pytest

from tui.parsing.fingerprint import BINS, EMPTY, MASK, fingerprint

WORDS = ("we build tools for small teams café naïve straße résumé Kraków façade "
         "deploy_bot v2.1 C++ 10x “quoted” we’re — • 🚀launch ½ ٣ 東京 remote").split()


def by_definition(text: str) -> str:
    """One-permutation MinHash of the three-word shingles, read the slow, plain way."""
    codes = [zlib.crc32(word.encode()) for word in re.findall(r"\w+", text.casefold())]
    if len(codes) < 3:
        return ""
    lowest = [MASK] * BINS
    for shingle in set(zip(codes, codes[1:], codes[2:], strict=False)):
        value = hash(shingle) & MASK
        lowest[value % BINS] = min(lowest[value % BINS], value)
    return bytes(EMPTY if low == MASK else (low >> 4) & 0xFF for low in lowest).hex()


def _text(seed: int, count: int, ascii_only: bool) -> str:
    rng = random.Random(seed)
    words = [w for w in WORDS if w.isascii()] if ascii_only else WORDS
    return " ".join(rng.choice(words) + rng.choice(["", "", ",", ".", "!\n"])
                    for _ in range(count))


@pytest.mark.parametrize("count", [0, 2, 3, 40, 130, 200, 900])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_fingerprint_is_the_minhash_of_its_definition(count: int, ascii_only: bool) -> None:
    for seed in range(5):
        text = _text(seed, count, ascii_only)
        assert fingerprint(text) == by_definition(text)


def test_repeated_text_with_few_distinct_shingles_fills_bins_as_defined() -> None:
    text = "ship it fast " * 400  # 1,200 shingles, 3 distinct: most bins stay empty
    assert fingerprint(text) == by_definition(text)
    assert sum(byte == EMPTY for byte in bytes.fromhex(fingerprint(text))) >= BINS - 3
