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
from tui.parsing.required_text import first_characters, first_folded

MIN_REPEAT_LENGTH = 40  # short lines ("Remote", "---") legitimately repeat
MAX_BOILERPLATE = 800  # no board line is longer; the patterns need not look at paragraphs
PROSE_LENGTH = 80  # a line this long is a paragraph, not a header field


# Three or more newlines. Spelt "\n\n\n+", not "\n{3,}": re skips ahead only to a literal
# prefix, and a repeat has none (tidy took 73-92 us a posting with "\n{3,}", 22-23 with this).
BLANK_RUN = re.compile("\n\n\n+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
FLOATING = re.compile(r"^\.\{0,\d+\}(?:\\b)?\(")


Floating = tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]


@cache
def _patterns() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str], Floating]:
    """The patterns anchored at the line's start joined in one regex per first character
    (and one for a line whose first character starts none); and each pattern that floats
    (``.{0,80}(beware|…)…``) with the words a match must contain. A floating pattern tries
    every position of the line, and most lines contain none of its words: a substring test
    for them first keeps long paragraphs cheap."""
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    anchored = [line for line in data["lines"] if not FLOATING.match(line)]
    floating = tuple(
        (_required_words(line), re.compile(line, re.IGNORECASE))
        for line in data["lines"] if FLOATING.match(line)
    )
    # All ~80 anchored patterns tried on every line, each IGNORECASE, were ~2/3 of
    # is_boilerplate; a line's first character rules out all but a few.
    firsts = [first_characters(line) for line in anchored]
    every = set().union(*(chars for chars in firsts if chars is not None))
    by_first = {char: _joined([line for line, chars in zip(anchored, firsts, strict=True)
                               if chars is None or char in chars])
                for char in every}
    others = _joined([line for line, chars in zip(anchored, firsts, strict=True) if chars is None])
    return by_first, others, floating


def _joined(lines: list[str]) -> re.Pattern[str]:
    """One regex matching what any of ``lines`` matches (none: only an empty line)."""
    return re.compile("|".join(f"(?:{line})" for line in lines), re.IGNORECASE)


def _required_words(pattern: str) -> tuple[str, ...]:
    """The literal beginnings of the alternatives of the pattern's first group: a line it
    matches contains one of them (lower-cased). Empty when some alternative has none."""
    start = FLOATING.match(pattern).end()  # type: ignore[union-attr]
    depth, alternatives, current = 0, [], ""
    for char in pattern[start:]:
        if char == ")" and depth == 0:
            break
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    alternatives.append(current)
    words = tuple(re.split(r"[\\\[\](){}.*+?|^$]", alt, maxsplit=1)[0].lower()
                  for alt in alternatives)
    return () if not all(words) else words


@cache
def _floating_words() -> tuple[str, ...] | None:
    """Every floating pattern's words, once each (None when a pattern has none): a line
    with none of them matches no floating pattern. (Substring tests: one regex
    alternation of the same words measured 6x slower.)"""
    floating = _patterns()[2]
    if any(not words for words, _ in floating):
        return None
    return tuple(dict.fromkeys(word for words, _ in floating for word in words))


@cache
def _header_patterns() -> re.Pattern[str]:
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    return re.compile("|".join(f"(?:{line})" for line in data["header_lines"]), re.IGNORECASE)


def is_prose(line: str) -> bool:
    """A line of running text (it ends the opening block of header fields)."""
    text = plain_line(line)
    return len(text) >= PROSE_LENGTH or (text.endswith((".", "!", "?", "。"))
                                         and len(text.split()) >= 8)


@lru_cache(maxsize=4096)  # header lines are asked about three times per posting
def is_boilerplate(line: str) -> bool:
    text = plain_line(line).rstrip(" :→>»")
    if not text or len(text) > MAX_BOILERPLATE:
        return False
    by_first, others, floating = _patterns()
    if by_first.get(first_folded(text[0]), others).fullmatch(text):
        return True
    lowered = text.lower()
    every = _floating_words()
    # map() over lowered.__contains__ tests the words in C (a generator was ~1/3 of a line)
    if every is not None and not any(map(lowered.__contains__, every)):
        return False  # most lines
    return any((not words or any(map(lowered.__contains__, words))) and whole.fullmatch(text)
               for words, whole in floating)


@lru_cache(maxsize=1024)
def is_header_chrome(line: str) -> bool:
    """A board's label above the description ("Job description", "Описание вакансии")."""
    text = plain_line(line).rstrip(" :→>»")
    return bool(text) and _header_patterns().fullmatch(text) is not None


def strip_boilerplate(body: str) -> str:
    """Drop board lines anywhere, and board labels from the opening block (the lines
    before the first paragraph of prose)."""
    kept: list[str] = []
    opening = True
    for line in body.split("\n"):
        if opening and is_prose(line):
            opening = False
        if is_boilerplate(line) or (opening and is_header_chrome(line)):
            continue
        kept.append(line)
    return "\n".join(kept)


def collapse_repeats(body: str) -> str:
    """Keep the first copy of any paragraph repeated verbatim (modulo whitespace)."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in PARAGRAPH_BREAK.split(body):
        key = " ".join(paragraph.split())
        if len(key) >= MIN_REPEAT_LENGTH:
            if key in seen:
                continue
            seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept)


def tidy(body: str) -> str:
    """Trailing spaces gone, whitespace-only lines emptied, at most one blank line in a row."""
    text = "\n".join(map(str.rstrip, body.split("\n")))
    return BLANK_RUN.sub("\n\n", text).strip("\n")
