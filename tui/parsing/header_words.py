"""The word lists the header readers share, from ``tui/data/header_vocab.json``.

Everything is compared folded (lower case, accents off, punctuation at the ends off), so
"Who We Are", "WHO WE ARE:" and "who we are" are one entry.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from tui.text import fold

# The longest section heading in the vocabulary has 4 words; a line with many more words
# than that is never one, even with punctuation-only words that folding strips.
MAX_HEADING_WORDS = 12
EDGE_PUNCTUATION = " \t:：!¡?¿.,;-–—|*#_[](){}「」【】"


@cache
def _vocab() -> dict[str, frozenset[str]]:
    raw = json.loads(resources.files("tui.data").joinpath("header_vocab.json").read_text("utf-8"))
    return {name: frozenset(words_key(word) for word in words)
            for name, words in raw.items() if not name.startswith("_")}


@lru_cache(maxsize=8192)
def words_key(text: str) -> str:
    """``text`` as the lists hold it: folded, single spaces, no edge punctuation."""
    return fold(text).strip(EDGE_PUNCTUATION)  # fold() leaves single spaces only


@cache
def _labels() -> dict[str, dict[str, list[str]]]:
    raw = json.loads(resources.files("tui.data").joinpath("field_labels.json").read_text("utf-8"))
    return {name: table for name, table in raw.items() if not name.startswith("_")}


def label_words(field: str) -> list[str]:
    """The label words of ``field`` in every language, as regex alternatives (longest
    first, so "company name" wins over "company")."""
    every = {word for words in _labels()[field].values() for word in words}
    return [re.escape(word).replace(r"\ ", r"\s+")
            for word in sorted(every, key=len, reverse=True)]


def label_alternation(field: str) -> str:
    """The label words of ``field`` as one regex alternation."""
    return "|".join(label_words(field))


def words(name: str) -> frozenset[str]:
    return _vocab()[name]


def is_section_heading(text: str) -> bool:
    """"About The Team", "JOBS", "Вакансии", "We are hiring!": a heading that names a
    section of the posting, never its title or its company."""
    if len(text.split(None, MAX_HEADING_WORDS)) > MAX_HEADING_WORDS:
        # a paragraph: folding it (~0.1 ms for a long line) would find nothing. (Split
        # no further than that: the words of a 600-character line took ~3 us.)
        return False
    return words_key(text) in _vocab()["section_headings"]


def is_not_name(text: str) -> bool:
    """A pronoun or a stand-in ("We", "Nossa empresa", "a new startup"), not a company."""
    key = words_key(text)
    if key in _vocab()["not_names"]:
        return True
    first = key.split(" ", 1)
    return len(first) == 2 and first[0] in _vocab()["indefinite_articles"]


def is_remote_word(text: str) -> bool:
    return words_key(text) in _vocab()["remote_words"]


def is_employment_word(text: str) -> bool:
    key = words_key(text)
    known = _vocab()["employment_words"]
    parts = [part.strip() for part in re.split(r"[/,+&]| and | or ", key) if part.strip()]
    if parts and all(part in known for part in parts):
        return True
    return bool(parts) and all(word in known for word in key.replace(",", " ").split())
