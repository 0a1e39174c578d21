"""Strip what job boards wrap around a posting, and paragraphs pasted twice.

The line patterns are data (``tui/data/boilerplate.json``), matched against a
whole line once markdown decoration is removed, so a sentence that merely
mentions applying stays.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from tui.parsing.markdown_text import plain_line
from tui.parsing.required_text import (
    SHARED_LENGTH,
    first_characters,
    first_folded,
    fold,
    holds,
    requirements,
    widths,
)

MIN_REPEAT_LENGTH = 40  # short lines ("Remote", "---") legitimately repeat
MAX_BOILERPLATE = 800  # no board line is longer; the patterns need not look at paragraphs
PROSE_LENGTH = 80  # a line this long is a paragraph, not a header field
RIGHT_EDGE = " :→>»"  # off a line's end before the patterns see it ("Apply now →")


# Three or more newlines. Spelt "\n\n\n+", not "\n{3,}": re skips ahead only to a literal
# prefix, and a repeat has none (tidy took 73-92 us a posting with "\n{3,}", 22-23 with this).
BLANK_RUN = re.compile("\n\n\n+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
FLOATING = re.compile(r"^\.\{0,\d+\}(?:\\b)?\(")


class _Anchored:
    """The patterns anchored at the line's start, joined in one regex per first character
    a match can have (and one for a line whose first character starts none): all ~80
    tried on every line, each IGNORECASE, were ~2/3 of is_boilerplate, and a line's
    first character rules out all but a few. (Choosing by the line's length as well,
    from each pattern's widths, saved ~0.6 us a line but compiled ~250 regexes.)"""

    def __init__(self, lines: list[str]) -> None:
        firsts = [first_characters(line) for line in lines]
        every = set().union(*(chars for chars in firsts if chars is not None))
        self._by_first = {char: _joined([line for line, chars in zip(lines, firsts, strict=True)
                                         if chars is None or char in chars])
                          for char in every}
        self._others = _joined([line for line, chars in zip(lines, firsts, strict=True)
                                if chars is None])
        self._by_char: dict[str, re.Pattern[str]] = {}  # by a line's first character as written

    def fullmatch(self, text: str) -> bool:
        pattern = self._by_char.get(text[0])
        if pattern is None:
            pattern = self._by_char[text[0]] = self._by_first.get(first_folded(text[0]),
                                                                   self._others)
        return pattern.fullmatch(text) is not None


class _Floating:
    """The patterns that float (``.{0,80}(beware|…)…``) with the text a match must
    contain (read from each pattern, case-folded). One requirement of each pattern makes
    the prefilter every line meets: most lines hold none of its strings, and an ASCII
    line is tested only for the ASCII ones. (The first group's words of each pattern, 30
    of them with "with" and "try", took 6.4 us a line; these, 9 for an ASCII line, 2.8.)
    Substring tests: one regex alternation of the same words measured 6x slower."""

    def __init__(self, lines: list[str]) -> None:
        self._tests = [(requirements(line), re.compile(line, re.IGNORECASE)) for line in lines]
        self._words: tuple[str, ...] | None = None  # None: every line goes to the patterns
        self._ascii_words: tuple[str, ...] | None = None
        chosen: list[str] = []
        for needs, _ in self._tests:
            if not needs:  # nothing read off this pattern
                return
            # Nearly every line holds none of the strings, so each costs a test: the
            # requirement with fewest (ASCII first: an ASCII line is tested for those only),
            # of strings long enough to be rare (" " is in every line).
            telling = [need for need in needs if min(map(len, need)) >= SHARED_LENGTH]
            chosen += sorted(min(telling or needs, key=lambda need: (
                sum(map(str.isascii, need)), len(need))))
        words = [word for word in dict.fromkeys(chosen)
                 if not any(other != word and other in word for other in chosen)]
        if any("\n" in word for word in words):
            return  # (a word across lines would not be found in the joined lines)
        self._words = tuple(words)
        self._ascii_words = tuple(filter(str.isascii, words))

    def fullmatch(self, text: str) -> bool:
        plain = text.isascii()
        lowered = text.lower() if plain else fold(text)
        words = self._ascii_words if plain else self._words
        # map() over lowered.__contains__ tests the words in C (a generator was ~1/3 of a line)
        if words is not None and not any(map(lowered.__contains__, words)):
            return False  # most lines
        seen: dict[str, bool] = {}
        return any(holds(needs, lowered, seen) and pattern.fullmatch(text)
                   for needs, pattern in self._tests)

    def worth_trying(self, texts: list[str]) -> set[int] | None:
        """The indexes of ``texts`` that hold one of the prefilter's words (None: every
        one may match, as nothing was read off some pattern). Each word is searched once
        through the ASCII texts joined and lower-cased (for the ASCII words), and once
        through the others joined and case-folded (for all words): the same hits as each
        text's own test in :meth:`fullmatch`, as case-folding maps each character on its
        own and no word holds a newline. (Line by line, the case-folding and the word
        tests were ~60 % of the boilerplate test of a posting's lines.)"""
        if self._words is None or self._ascii_words is None:
            return None
        plain = [text.isascii() for text in texts]
        ascii_texts = "\n".join([text if ascii else "" for text, ascii in zip(
            texts, plain, strict=True)]).lower()
        other_texts = fold("\n".join([
            "" if ascii else text for text, ascii in zip(texts, plain, strict=True)]))
        worth: set[int] = set()
        for words, joined in ((self._ascii_words, ascii_texts), (self._words, other_texts)):
            for word in words:
                at, line, counted = joined.find(word), 0, 0
                while at >= 0:  # (the newlines counted on from the last hit, not from 0)
                    line += joined.count("\n", counted, at)
                    worth.add(line)
                    counted = at
                    line_end = joined.find("\n", at)
                    at = joined.find(word, line_end + 1) if line_end >= 0 else -1
        return worth


@cache
def _patterns() -> tuple[_Anchored, _Floating]:
    """The board line patterns: anchored at the line's start (all ~80 tried on every
    line, each IGNORECASE, were ~2/3 of is_boilerplate), and floating. An anchored
    pattern whose first characters cannot be read (".{0,80}all rights reserved",
    "\\d+ days ago…") would be in the regex of every first character: when every match
    needs a telling string, it goes with the floating ones, behind their prefilter (that
    one pattern made every line's anchored test ~1.4 us instead of ~0.9)."""
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    floating = [line for line in data["lines"] if FLOATING.match(line) or (
        first_characters(line) is None and _telling(line))]
    anchored = [line for line in data["lines"] if line not in floating]
    return _Anchored(anchored), _Floating(floating)


def _telling(pattern: str) -> bool:
    """Does every match of ``pattern`` hold a string long enough to be rare?"""
    return any(min(map(len, need)) >= SHARED_LENGTH for need in requirements(pattern))


def _joined(lines: list[str]) -> re.Pattern[str]:
    """One regex matching what any of ``lines`` matches (none: only an empty line)."""
    return re.compile("|".join(f"(?:{line})" for line in lines), re.IGNORECASE)


@cache
def _header_patterns() -> tuple[re.Pattern[str], int]:
    """The board labels as one regex, and the longest text it can match: a longer line
    (a paragraph) is decided without the regex."""
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    joined = "|".join(f"(?:{line})" for line in data["header_lines"])
    return re.compile(joined, re.IGNORECASE), widths(joined, re.IGNORECASE)[1]


def is_prose(line: str) -> bool:
    """A line of running text (it ends the opening block of header fields)."""
    text = plain_line(line)
    return len(text) >= PROSE_LENGTH or (text.endswith((".", "!", "?", "。"))
                                         and len(text.split()) >= 8)


@lru_cache(maxsize=1024)
def is_header_chrome(line: str) -> bool:
    """A board's label above the description ("Job description", "Описание вакансии")."""
    text = plain_line(line).rstrip(RIGHT_EDGE)
    labels, longest = _header_patterns()
    return bool(text) and len(text) <= longest and labels.fullmatch(text) is not None


# (lines, flags) of the last posting: the header asks, then the strip. One tuple, read
# once, so that a thread parsing another posting meanwhile cannot pair lines and flags.
_last_lines: list[tuple[list[str], list[bool]] | None] = [None]
# Lines already classified, across postings: board chrome and generated sentences repeat,
# and a file is parsed again when it changes (emptied when full: a lookup is all it costs).
_known: dict[str, bool] = {}
KNOWN_LINES = 8192


def boilerplate_lines(lines: list[str]) -> list[bool]:
    """Whether each of ``lines`` is a board line: its words (markdown aside, RIGHT_EDGE
    off its end, at most MAX_BOILERPLATE characters) fully matched by one of the board
    line patterns. The floating patterns' prefilter runs over the new lines at once."""
    last = _last_lines[0]
    if last is not None and last[0] == lines:  # (equal strings: a list compare, ~1 us)
        return last[1]
    found = [_known.get(line) for line in lines]
    new = [index for index, flag in enumerate(found) if flag is None]
    if len(_known) > KNOWN_LINES:
        _known.clear()
    if new:
        anchored, floating = _patterns()
        texts = [plain_line(lines[index]).rstrip(RIGHT_EDGE) for index in new]
        worth = floating.worth_trying(texts)
        for position, (index, text) in enumerate(zip(new, texts, strict=True)):
            found[index] = _known[lines[index]] = bool(text) and len(
                text) <= MAX_BOILERPLATE and (anchored.fullmatch(text) or (
                    (worth is None or position in worth) and floating.fullmatch(text)))
    flags = [bool(flag) for flag in found]
    _last_lines[0] = (list(lines), flags)
    return flags


def strip_boilerplate(body: str) -> str:
    """Drop board lines anywhere, and board labels from the opening block (the lines
    before the first paragraph of prose)."""
    kept: list[str] = []
    opening = True
    lines = body.split("\n")
    for line, board in zip(lines, boilerplate_lines(lines), strict=True):
        if opening and is_prose(line):
            opening = False
        if board or (opening and is_header_chrome(line)):
            continue
        kept.append(line)
    return "\n".join(kept)


def collapse_repeats(body: str) -> str:
    """Keep the first copy of any paragraph repeated verbatim (modulo whitespace)."""
    paragraphs = PARAGRAPH_BREAK.split(body)
    # Two paragraphs with the same words start with the same word and end with the same
    # word: only a paragraph that shares both ends with another is keyed (its words
    # joined, ~3/4 of the cost of a posting's paragraphs), and one shorter than
    # MIN_REPEAT_LENGTH has a shorter key. (Keying every paragraph: 0.07 ms a posting.)
    ends = [_ends(paragraph) if len(paragraph) >= MIN_REPEAT_LENGTH else None
            for paragraph in paragraphs]
    met: set[tuple[str, str]] = set()
    shared: set[tuple[str, str]] = set()
    for end in ends:
        if end is not None:
            (shared if end in met else met).add(end)
    if not shared:
        return "\n\n".join(paragraphs)
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph, end in zip(paragraphs, ends, strict=True):
        if end in shared:
            key = " ".join(paragraph.split())
            if len(key) >= MIN_REPEAT_LENGTH:
                if key in seen:
                    continue
                seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept)


def _ends(paragraph: str) -> tuple[str, str]:
    """The first and the last word of ``paragraph`` (two empty strings: no word)."""
    first = paragraph.split(None, 1)
    return (first[0], paragraph.rsplit(None, 1)[-1]) if first else ("", "")


def tidy(body: str) -> str:
    """Trailing spaces gone, whitespace-only lines emptied, at most one blank line in a row."""
    text = "\n".join(map(str.rstrip, body.split("\n")))
    return BLANK_RUN.sub("\n\n", text).strip("\n")
