"""Application traps: instructions aimed at the applicant, often hidden at the end of a
posting ("mention the word …", "start your application with …", "… in the subject line").

Missing one gets an application thrown away unread, so the sentences holding them are
kept on the record and shown first. The cues are data (``tui/data/traps.json``), per
language; one regex joins them all, compiled once on first use.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

MAX_TRAPS = 3
MAX_LENGTH = 240  # a callout line, not a paragraph
# A sentence ends at . ! ? or a line break; "e.g." and decimals are rare enough in these.
SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
EMPHASIS = re.compile(r"[*_`#>]+")
LIST_MARK = re.compile(r"^\s*(?:[-+•]|\d+[.)])\s+")


@cache
def _cues() -> re.Pattern[str]:
    data = json.loads(resources.files("tui.data").joinpath("traps.json").read_text("utf-8"))
    cues = [cue for per_language in data["cues"].values() for cue in per_language]
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE)


def find_traps(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` that tell the applicant what to write, in order."""
    found: list[str] = []
    position = 0
    while len(found) < MAX_TRAPS:
        match = _cues().search(text, position)
        if match is None:
            break
        start = _sentence_start(text, match.start())
        end_match = SENTENCE_END.search(text, match.end())
        end = end_match.end() if end_match else len(text)
        sentence = _plain(text[start:end])
        if sentence and sentence not in found:
            found.append(sentence[:MAX_LENGTH])
        position = max(end, match.end())
    return tuple(found)


def _sentence_start(text: str, at: int) -> int:
    start = 0
    for boundary in SENTENCE_END.finditer(text, max(0, at - MAX_LENGTH), at):
        start = boundary.end()
    return start


def _plain(sentence: str) -> str:
    """Markdown emphasis and list marks off, spaces collapsed."""
    sentence = EMPHASIS.sub("", sentence)
    sentence = LIST_MARK.sub("", sentence)
    return " ".join(sentence.split())
