"""Strip what job boards wrap around a posting, and paragraphs pasted twice.

The line patterns are data (``tui/data/boilerplate.json``), matched against a
whole line once markdown decoration is removed, so a sentence that merely
mentions applying stays.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from tui.parsing.markdown_text import plain_line

MIN_REPEAT_LENGTH = 40  # short lines ("Remote", "---") legitimately repeat
PROSE_LENGTH = 80  # a line this long is a paragraph, not a header field


@cache
def _patterns() -> re.Pattern[str]:
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    return re.compile("|".join(f"(?:{line})" for line in data["lines"]), re.IGNORECASE)


@cache
def _header_patterns() -> re.Pattern[str]:
    data = json.loads(resources.files("tui.data").joinpath("boilerplate.json").read_text("utf-8"))
    return re.compile("|".join(f"(?:{line})" for line in data["header_lines"]), re.IGNORECASE)


def is_prose(line: str) -> bool:
    """A line of running text (it ends the opening block of header fields)."""
    text = plain_line(line)
    return len(text) >= PROSE_LENGTH or (text.endswith((".", "!", "?", "。"))
                                         and len(text.split()) >= 8)


def is_boilerplate(line: str) -> bool:
    text = plain_line(line).rstrip(" :→>»")
    return bool(text) and _patterns().fullmatch(text) is not None


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
    for paragraph in re.split(r"\n[ \t]*\n", body):
        key = " ".join(paragraph.split())
        if len(key) >= MIN_REPEAT_LENGTH:
            if key in seen:
                continue
            seen.add(key)
        kept.append(paragraph)
    return "\n\n".join(kept)


def tidy(body: str) -> str:
    """Trailing spaces gone, whitespace-only lines emptied, at most one blank line in a row."""
    lines = [line.rstrip() for line in body.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
