"""Postings that are the same role: saved twice, found on two boards, or reposted with
small edits. Nothing is merged or dropped: the catalog shows each group once.

Blocking first, so that 100k postings cost one pass: only postings with the same
company (legal form dropped) and the same title (board noise such as "Remote" or
"(m/w/d)" dropped, word order kept) are compared, and within such a block two
postings are one role when their bodies' fingerprints (:mod:`tui.parsing.fingerprint`)
agree in at least ``SAME_TEXT`` of their bins. Vocabulary: ``tui/data/duplicates.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from tui.model import Posting
from tui.parsing.fingerprint import similarity
from tui.text import fold

# A repost with a sentence changed agrees in ~14 of 16 bins; two roles of one company
# that share its boilerplate but not their duties in ~2-6 (measured on our fixtures).
SAME_TEXT = 0.6
LARGEST_BLOCK = 200  # compared pairwise; a bigger block (a generic title) is left alone
NOT_WORD = re.compile(r"[^\w]+")


@cache
def _noise() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(resources.files("tui.data").joinpath("duplicates.json").read_text("utf-8"))
    suffixes = sorted({fold(NOT_WORD.sub(" ", s)) for s in data["company_suffixes"]},
                      key=len, reverse=True)
    noise = sorted({fold(NOT_WORD.sub(" ", w)) for ws in data["title_noise"].values()
                    for w in ws}, key=len, reverse=True)
    company = re.compile(rf"(?:\s(?:{'|'.join(map(re.escape, suffixes))}))+$")
    title = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, noise))})(?!\w)")
    return company, title


@cache
def company_key(company: str) -> str:
    words = " " + fold(NOT_WORD.sub(" ", company))
    return _noise()[0].sub("", words).strip()


@cache
def title_key(title: str) -> str:
    words = fold(NOT_WORD.sub(" ", title))
    return " ".join(_noise()[1].sub(" ", words).split())


def group_duplicates(postings: Sequence[Posting]) -> list[list[int]]:
    """Positions of the postings that are one role, in groups of two or more."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for position, posting in enumerate(postings):
        if not posting.company or not posting.title:
            continue  # no company: a title alone says too little
        key = (company_key(posting.company), title_key(posting.title))
        if key[0] and key[1]:
            blocks.setdefault(key, []).append(position)
    groups: list[list[int]] = []
    for members in blocks.values():
        if 1 < len(members) <= LARGEST_BLOCK:
            groups += _same_text(members, postings)
    return groups


def _same_text(members: list[int], postings: Sequence[Posting]) -> list[list[int]]:
    """``members`` split into groups of near-identical text (single-link)."""
    parent = {m: m for m in members}

    def root(m: int) -> int:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for i, one in enumerate(members):
        for other in members[i + 1:]:
            a, b = postings[one].sketch, postings[other].sketch
            if (not a or not b or similarity(a, b) >= SAME_TEXT) and root(one) != root(other):
                parent[root(other)] = root(one)
    found: dict[int, list[int]] = {}
    for m in members:
        found.setdefault(root(m), []).append(m)
    return [group for group in found.values() if len(group) > 1]
