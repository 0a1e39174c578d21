"""Text helpers shared by the parser, the store and the query: below all of them, so
the parser never imports the search language to fold a word."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents and extra spaces removed: ``Ciudad de México`` → ``ciudad de mexico``."""
    if text.isascii():  # most text: no accents to take off, and casefold is lower
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def plural(count: int, noun: str, nouns: str = "") -> str:
    """``count`` and ``noun`` agreeing: "1 file", "2 files", "1,024 postings" (``nouns``
    when the plural is not ``noun`` + "s")."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
