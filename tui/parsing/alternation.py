"""An anchored word-list pattern (``^(?:word|word|…)…``, case aside) tried by first letter.

``re`` tries the alternatives of an alternation one after another, and with IGNORECASE
each try folds case: a list of 60-80 words cost ~5 µs per text that starts with none of
them, which is most texts (a place-line part, a header line). Here the alternatives are
grouped by the ASCII letters they can start with (read from the parsed pattern by
:func:`required_text.shape`, the one reader of patterns), and a text is tried only
against the alternatives its first letter allows. What matches is
what the whole pattern matches: the alternatives keep their order, and a text that does
not start with an ASCII character, or an alternative whose start cannot be read, goes
to the whole pattern.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

from tui.parsing.required_text import Unreadable, first_starts, shape

# The patterns are read by required_text's reader of re's parse tree (a pattern it
# cannot read only makes every text go to the whole pattern).
_casefix: Any = importlib.import_module("re._casefix")

# ASCII letters that IGNORECASE may match with a non-ASCII literal (Kelvin sign, long s,
# dotted and dotless i): tried as well as the literal's own cases.
FOLD_EXTRAS = "iIsSkK"

Firsts = frozenset[str] | None  # the ASCII characters a match may start with; None: any


class Alternation:
    """``re.compile(rf"^(?:{'|'.join(alternatives)}){suffix}", flags)``, tried by first
    letter. ``alternatives`` must not capture groups (group numbers stay the suffix's)."""

    def __init__(self, alternatives: list[str], suffix: str = "", flags: int = re.IGNORECASE):
        self._alternatives = alternatives
        self._suffix = suffix
        self._flags = flags
        self.whole = re.compile(rf"^(?:{'|'.join(alternatives)}){suffix}", flags)
        self._firsts = [_firsts(alternative, flags) for alternative in alternatives]
        if re.compile("|".join(alternatives), flags).groups:
            self._firsts = [None] * len(alternatives)  # numbering would shift: whole only
        self._by_letter: dict[str, re.Pattern[str] | None] = {}
        self._by_choice: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        first = text[:1]
        if not first or not first.isascii():
            return self.whole
        try:
            return self._by_letter[first]
        except KeyError:
            pass
        chosen = tuple(index for index, firsts in enumerate(self._firsts)
                       if firsts is None or first in firsts)
        if chosen not in self._by_choice:  # letters allowing the same words share a pattern
            words = "|".join(self._alternatives[index] for index in chosen)
            self._by_choice[chosen] = re.compile(rf"^(?:{words}){self._suffix}",
                                                 self._flags) if chosen else None
        self._by_letter[first] = self._by_choice[chosen]
        return self._by_letter[first]

    def match(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.match(text) if pattern is not None else None

    def sub(self, replacement: str, text: str) -> str:
        pattern = self._pattern(text)
        return pattern.sub(replacement, text) if pattern is not None else text


def first_letters(alternatives: list[str], flags: int = re.IGNORECASE) -> str:
    """A lookahead for the characters a match of the alternation can start with (any
    non-ASCII one included), "" when that cannot be read: put before an unanchored
    alternation, it rules out most positions with one class test instead of one try per
    alternative."""
    found: set[str] = set()
    for alternative in alternatives:
        firsts = _firsts(alternative, flags)
        if firsts is None:
            return ""
        found |= firsts
    return rf"(?=[{re.escape(''.join(sorted(found)))}]|[^\x00-\x7f])"


def _firsts(alternative: str, flags: int) -> Firsts:
    """The ASCII characters a match of ``alternative`` can start with (None: any, or a
    match may be empty), from the characters the pattern starts with."""
    starts = first_starts(alternative)
    if starts is None:
        return None
    return frozenset[str]().union(*(_same_letters(char, flags) for char in starts))


@lru_cache(maxsize=4096)  # a range of a class lists many characters, lists share them
def _same_letters(literal: str, flags: int) -> frozenset[str]:
    """The ASCII characters ``literal`` matches under ``flags``."""
    tried = {literal, literal.lower(), literal.upper(), literal.casefold(), *FOLD_EXTRAS}
    pattern = re.compile(re.escape(literal), flags)
    return frozenset(char for char in tried
                     if len(char) == 1 and char.isascii() and pattern.fullmatch(char))


class RequiredWords:
    """A cheap test that a case-insensitive alternation cannot match a text: every
    alternative needs a literal run of characters (its longest is taken), so a text whose
    lower case contains none of them has no match. ``may_match`` is True whenever that
    cannot be read off the pattern."""

    def __init__(self, alternatives: list[str], flags: int = re.IGNORECASE):
        runs = [_longest_run(alternative, flags) for alternative in alternatives]
        self.words = None if any(not run for run in runs) else tuple(dict.fromkeys(runs))
        hazards = _fold_hazards("".join(self.words or ()))
        if hazards is None:
            self.words = None
        # a text with one of these letters always goes to the pattern
        self._hazard = re.compile(f"[{re.escape(''.join(sorted(hazards or ())))}]")

    def may_match(self, text: str) -> bool:
        if self.words is None or self._hazard.search(text):
            return True
        lowered = text.lower()
        return any(word in lowered for word in self.words)


# str.lower() differs from re's own lower case for these: İ (to "i" plus a dot above),
# Σ (to the final sigma at a word's end).
LOWER_DIFFERS = "\u0130\u03a3"


def _fold_hazards(letters: str) -> set[str] | None:
    """Letters of a text that IGNORECASE matches with one of ``letters`` while
    str.lower() makes them another letter (dotless i for i, long s for s, old Cyrillic
    letter forms…). None when one of them is ASCII (a test on lower case cannot work)."""
    found = set(LOWER_DIFFERS)
    for letter in set(letters):
        for code in _casefix._EXTRA_CASES.get(ord(letter), ()):
            partner = chr(code)
            if partner.isascii():
                return None
            found |= {partner, *(char for char in partner.upper() if char.lower() == partner)}
    return found


def _longest_run(alternative: str, flags: int) -> str:
    """The longest run of plain characters every match of ``alternative`` contains, in
    lower case ("" when none has two characters or more)."""
    try:
        read = shape(alternative, as_parsed=True)
    except Unreadable:
        return ""
    best = ""
    for need in read.needs + ((read.exact,) if read.exact is not None else ()):
        if len(need) != 1:
            continue
        for run in re.split(f"[{LOWER_DIFFERS}]", next(iter(need))):
            if len(run) > len(best):
                best = run
    best = best.lower()
    return best if len(best) >= 2 else ""
