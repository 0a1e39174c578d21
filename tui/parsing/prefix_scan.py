"""``finditer`` for an IGNORECASE word-list pattern, tried only where a match can start.

Why: ``re`` skips ahead only on a case-sensitive literal prefix or first-character set,
so an IGNORECASE alternation that starts with ``(?<!\\w)`` (the location cues, the remote
phrases) is tried at every position of a posting: ~0.35 ms over 3 kB. Every match opens
with one of a few strings read from the pattern ("base", "work", "remo"); ``str.find``
over the case-folded text finds them in C, and the pattern is tried only there (0.19 ms
for the 25 strings of the cues, 0.13 ms for the 33 of the remote phrases).

Why it is exact: the strings are the pattern's own opening characters (spelt out through
groups, alternatives and optional parts; cut short at anything else, which only finds more
places), and IGNORECASE treats two characters alike exactly when their case folds are
equal (:mod:`required_text`), so a match's first characters fold to one of the strings
at the same position of the folded text (:func:`required_text.folded_in_place`; a text
where folding moves characters is scanned whole). Trying the pattern at each such place,
left to right, and skipping places inside the last match is what ``finditer`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# (required_text reads patterns from re's parse tree: its handles on the tree, shared)
from tui.parsing.required_text import (
    LOOKAROUNDS,
    REPEATS,
    _parser,
    class_characters,
    folded_in_place,
    sre,
)

ZERO_WIDTH = (sre.AT, *LOOKAROUNDS)
PREFIX_LENGTH = 4  # characters: "remo", "base", "work" (a longer one finds no fewer places)
MOST_PREFIXES = 48  # each is one str.find over the text (~1-3 µs over 3 kB)
MOST_CLASS = 4  # characters of a class spelt out ("[ée]"); a wider class ends a prefix

Prefixes = set[tuple[str, bool]]  # (text, still growing)


class TooMany(ValueError):
    """The prefixes cannot be read or are too many to look for."""


class PrefixScan:
    """``pattern.finditer(text)``, the pattern tried only at its possible starts."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.prefixes = opening_strings(pattern)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lowered = folded_in_place(text) if self.prefixes else None
        if lowered is None or not self.prefixes:
            yield from self.pattern.finditer(text)
            return
        starts: set[int] = set()
        for prefix in self.prefixes:
            place = lowered.find(prefix)
            while place >= 0:
                starts.add(place)
                place = lowered.find(prefix, place + 1)
        end = 0
        match = self.pattern.match
        for place in sorted(starts):
            if place < end:
                continue  # inside the last match: finditer goes on from its end
            found = match(text, place)
            if found is not None:
                end = found.end()
                yield found


def opening_strings(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Case-folded strings, one of which opens every match of ``pattern``, as the folded
    text spells them; () when that cannot be told (the text is then scanned whole)."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & (re.VERBOSE | re.LOCALE):
        return ()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if tree.state.flags & ~(sre.SRE_FLAG_UNICODE | sre.SRE_FLAG_IGNORECASE):
            raise TooMany(pattern.pattern)  # "(?s)…": flags set inside the pattern
        found = _sequence(list(tree), {("", True)})
    except (re.error, TooMany, RecursionError):
        return ()
    texts: set[str] = set()
    for text, _ in found:
        folded = text.casefold()
        if not text or len(folded) != len(text) or "ı" in folded or "\u0307" in folded:
            return ()  # a match may open with anything, or folding moves characters
        texts.add(folded)
    # (a string that opens with another is found wherever that one is)
    return tuple(sorted(text for text in texts
                        if not any(other != text and text.startswith(other) for other in texts)))


def _sequence(items: list[tuple[Any, Any]], found: Prefixes) -> Prefixes:
    for op, argument in items:
        if not any(growing for _, growing in found):
            break
        found = _item(op, argument, found)
        if len(found) > MOST_PREFIXES:
            raise TooMany("prefixes")
    return found


def _extend(found: Prefixes, spellings: set[str]) -> Prefixes:
    grown: Prefixes = set()
    for text, growing in found:
        if not growing:
            grown.add((text, False))
            continue
        for spelling in spellings:
            longer = text + spelling
            grown.add((longer[:PREFIX_LENGTH], len(longer) < PREFIX_LENGTH))
    return grown


def _stop(found: Prefixes) -> Prefixes:
    return {(text, False) for text, _ in found}


def _item(op: Any, argument: Any, found: Prefixes) -> Prefixes:
    if op is sre.LITERAL:
        return _extend(found, {chr(argument)})
    if op is sre.IN:
        chars = _class(argument)
        return _extend(found, chars) if chars else _stop(found)
    if op in ZERO_WIDTH:
        return found  # "\\b", "(?<!\\w)", "(?!\\w)": no character taken
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = argument
        if add_flags or del_flags:
            raise TooMany("inline flags")
        return _sequence(list(inner), found)
    if op is sre.BRANCH:
        result: Prefixes = set()
        for branch in argument[1]:
            result |= _sequence(list(branch), found)
        return result
    if op in REPEATS:
        least, most, inner = argument
        once = _sequence(list(inner), found)
        if most != 1:
            once = _stop(once)  # how often it repeats is not followed
        return once if least else found | once
    return _stop(found)  # "\\s", ".", "\\w": the prefix ends here


def _class(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters of a short class of literals and ranges ("[ée]", "[- ]"); an empty
    set for anything else."""
    chars = class_characters(items)
    return chars if chars is not None and len(chars) <= MOST_CLASS else set()
