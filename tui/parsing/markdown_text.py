"""Small helpers to see through markdown decoration when reading a posting's lines."""

from __future__ import annotations

import re
from functools import lru_cache

LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
# LINK less its optional "!": the same groups at the same places, but a search for it
# starts only at a "[" (the regex engine tries LINK at every character: ~80 us against
# ~10 us over a posting with links). For a link's text and target; LINK for its span.
LINK_PARTS = re.compile(LINK.pattern.removeprefix("!?"))
BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
# A bullet or number opening the line, and emphasis or code marks anywhere. Two regexes,
# each run only where its marker can be: one alternation of all five tried every
# alternative at every position (7.6 us a line, 2.3 split; the result is the same, as
# a line's first characters can start only one of them).
BULLET = re.compile(r"\s*[-*+>]\s+|\s*\d+[.)]\s+")
EMPHASIS = re.compile(r"\*\*|__|`+|~~")
PICTOGRAPHS = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f1e6-\U0001f1ff]"
)


def links(line: str) -> list[tuple[str, str]]:
    """``(text, url)`` of every markdown link in ``line``."""
    return [(match.group(1), match.group(2)) for match in LINK_PARTS.finditer(line)]


@lru_cache(maxsize=16384)
def plain_line(line: str) -> str:
    """The words of a markdown line: no heading marks, emphasis, code ticks, link targets,
    emoji or bullet; single spaces."""
    # Each substitution only where its marker can be: most lines have no heading mark,
    # link or emoji (these tests halve the cost of a line; the result is the same).
    if "#" in line:
        line = HEADING.sub("", line)
    if "](" in line:
        line = LINK.sub(lambda match: match.group(1), line)
    bullet = BULLET.match(line)
    if bullet:
        line = " " + line[bullet.end():]
    if "**" in line or "__" in line or "`" in line or "~~" in line:
        line = EMPHASIS.sub(" ", line)
    if not line.isascii():
        line = PICTOGRAPHS.sub(" ", line)
    line = line.strip().strip("_*").strip()
    # Single spaces already, most lines: the only whitespace str.isprintable() lets
    # through is the space (checked over all of Unicode), and a double one is looked
    # for. (Splitting and joining a line's words was ~40 % of a plain line's cost.)
    if "  " not in line and line.isprintable():
        return line
    return " ".join(line.split())


def heading_level(line: str) -> int:
    match = HEADING.match(line)
    return len(match.group(1)) if match else 0
