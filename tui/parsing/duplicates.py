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


def company_key(company: str) -> str:
    words = " " + fold(NOT_WORD.sub(" ", company))
    return _noise()[0].sub("", words).strip()


def title_key(title: str) -> str:
    words = fold(NOT_WORD.sub(" ", title))
    return " ".join(_noise()[1].sub(" ", words).split())


def group_duplicates(postings: Sequence[Posting]) -> list[list[int]]:
    """Positions of the postings that are one role, in groups of two or more."""
    # Keys worked out once per distinct name: at 100k postings most companies and
    # titles repeat, and a dict lookup costs a tenth of a regex pass.
    companies: dict[str, str] = {}
    titles: dict[str, str] = {}
    blocks: dict[tuple[str, str], list[int]] = {}
    for position, posting in enumerate(postings):
        company, title = posting.company, posting.title
        if not company or not title:
            continue  # no company: a title alone says too little
        by_company = companies.get(company)
        if by_company is None:
            by_company = companies[company] = company_key(company)
        by_title = titles.get(title)
        if by_title is None:
            by_title = titles[title] = title_key(title)
        if by_company and by_title:
            blocks.setdefault((by_company, by_title), []).append(position)
    groups: list[list[int]] = []
    for members in blocks.values():
        if 1 < len(members) <= LARGEST_BLOCK:
            groups += _same_text(members, postings)
    return groups


def _same_text(members: list[int], postings: Sequence[Posting]) -> list[list[int]]:
    """``members`` split into groups of near-identical text. Each posting joins the first
    group whose first posting it matches (a posting without a body matches any), so a
    block of n copies costs n comparisons, not n²/2."""
    groups: list[tuple[str, list[int]]] = []
    for member in members:
        sketch = postings[member].sketch
        for leader, group in groups:
            if not sketch or not leader or similarity(sketch, leader) >= SAME_TEXT:
                group.append(member)
                break
        else:
            groups.append((sketch, [member]))
    return [group for _, group in groups if len(group) > 1]
