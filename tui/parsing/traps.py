"""Application traps: instructions aimed at the applicant, often hidden at the end of a
posting ("mention the word …", "start your application with …", "… in the subject line").

Missing one gets an application thrown away unread, so the sentences holding them are
kept on the record and shown first. The cues are data (``tui/data/traps.json``), per
language; one regex joins the cues a text may hold (see :mod:`tui.parsing.required_text`).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from tui.parsing.required_text import Requirement, folded, holds, requirements

MAX_TRAPS = 3
MAX_LENGTH = 240  # a callout line, not a paragraph
# A sentence ends at . ! ? or a line break; "e.g." and decimals are rare enough in these.
SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n")
EMPHASIS = re.compile(r"[*_`#>]+")
LIST_MARK = re.compile(r"^\s*(?:[-+•]|\d+[.)])\s+")


@cache
def _rules() -> tuple[tuple[str, ...], tuple[tuple[Requirement, ...], ...]]:
    """The cues, each with the text a match of it must contain."""
    data = json.loads(resources.files("tui.data").joinpath("traps.json").read_text("utf-8"))
    cues = tuple(cue for per_language in data["cues"].values() for cue in per_language)
    return cues, tuple(requirements(cue) for cue in cues)


@lru_cache(maxsize=256)
def _joined(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{cue})" for cue in cues), re.IGNORECASE)


def _cues_in(text: str) -> re.Pattern[str] | None:
    """The cues that may match ``text``, joined in their order (so the first match is
    the one all the cues would find), or None. Searching the text for all ~30 cues, each
    starting with \\b, was ~38 % of a posting's parse (5 ms); most texts hold none of
    the words a cue needs, and a few substring tests tell."""
    cues, needs = _rules()
    lowered = folded(text)
    seen: dict[str, bool] = {}
    present = tuple(cue for cue, need in zip(cues, needs, strict=True)
                    if holds(need, lowered, seen))
    return _joined(present) if present else None


def find_traps(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` that tell the applicant what to write, in order."""
    cues = _cues_in(text)
    if cues is None:
        return ()
    found: list[str] = []
    position = 0
    while len(found) < MAX_TRAPS:
        match = cues.search(text, position)
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
