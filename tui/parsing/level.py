"""A posting's career level (intern … manager): from its title first, then from a
labelled line ("Seniority: Senior") or a hiring cue ("we're looking for a senior …").

Free prose is not read otherwise: "you'll work with senior engineers" says nothing about
the role. Words per language and the labels and cues are data: ``tui/data/levels.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from tui.parsing.required_text import Requirement, folded, holds, requirements

LETTER = r"[^\W\d_]"
LEVELS_SCANNED = 60  # lines of text searched for a label or a cue: they sit near the top


@cache
def _tables() -> tuple[list[tuple[str, re.Pattern[str]]], re.Pattern[str], re.Pattern[str],
                       re.Pattern[str]]:
    """Each level's words (most senior first), the label and hiring cue patterns, and
    every level's words in one pattern."""
    data = json.loads(resources.files("tui.data").joinpath("levels.json").read_text("utf-8"))
    levels = []
    every: list[str] = []
    for name, per_language in data["levels"]:
        words = sorted({w for ws in per_language.values() for w in ws}, key=len, reverse=True)
        every += words
        levels.append((name, re.compile(_whole(words), re.IGNORECASE)))
    any_level = _whole(sorted(set(every), key=len, reverse=True))
    labels = "|".join(map(re.escape, sorted(data["labels"], key=len, reverse=True)))
    label = re.compile(rf"^\W*(?:{labels})\W*[:：]\s*(.{{1,60}})", re.IGNORECASE)
    cue = re.compile(rf"(?<!{LETTER})(?:{'|'.join(data['cues'])})\s+(?P<level>(?:\S+\s+){{0,2}}?"
                     rf"{any_level})", re.IGNORECASE)
    return levels, label, cue, re.compile(any_level, re.IGNORECASE)


def _whole(words: list[str]) -> str:
    return rf"(?<!{LETTER})(?:{'|'.join(map(re.escape, words))})(?![^\W_]|\.\w)"


def level_of(text: str) -> str:
    """The most senior level ``text`` names, or ""."""
    # Each level's pattern is tried at every position (a lookbehind first: no prefix to
    # skip ahead to), ~7 searches a title; most titles name no level, and one search of
    # all the words together tells (a level's word matches where one of all of them does).
    if _tables()[3].search(text) is None:
        return ""
    for name, pattern in _tables()[0]:
        if pattern.search(text):
            return name
    return ""


def find_level(title: str, stated: str, lines: list[str]) -> str:
    """The level from the title, else a stated one (front matter), else the text."""
    found = level_of(title)
    if found:
        return found
    if stated:
        return level_of(stated) or stated.lower()[:40]
    _, label, cue, _ = _tables()
    for line in lines[:LEVELS_SCANNED]:
        if ":" not in line and "：" not in line:
            continue  # a label ends with a colon: most lines are passed over in C
        match = label.match(line)
        if match:
            found = level_of(match.group(1))
            if found:
                return found
    # A hiring cue holds one of a few words ("looking for a", "ищем"): lines without any
    # are not searched (the cue regex tried on 60 lines was most of find_level).
    needs = _cue_needs()
    head = lines[:LEVELS_SCANNED]
    # Case-folding maps each character on its own (and none to a newline), so the folded
    # body's first lines are the folded head's lines: the body is folded once, for this,
    # the salary and the trap readers (folding the head apart was ~1/3 of find_level).
    folded_lines = folded("\n".join(lines)).split("\n", LEVELS_SCANNED)[:LEVELS_SCANNED]
    folded_head = "\n".join(folded_lines)
    if not holds(needs, folded_head, {}):
        return ""
    # Only the lines holding one of the first requirement's strings (found by a few
    # searches of the head, not ~12 tests on each of 60 lines) are looked at.
    for index in _lines_holding(needs[0], folded_head):
        if not holds(needs, folded_lines[index], {}):
            continue
        match = cue.search(head[index])
        if match:
            return level_of(match["level"])
    return ""


def _lines_holding(strings: Iterable[str], text: str) -> list[int]:
    """The numbers of the lines of ``text`` where one of ``strings`` starts, in order."""
    found = set()
    for string in strings:
        at = text.find(string)
        while at >= 0:
            found.add(text.count("\n", 0, at))
            at = text.find(string, at + 1)
    return sorted(found)


@cache
def _cue_needs() -> tuple[Requirement, ...]:
    return requirements(_tables()[2].pattern)
