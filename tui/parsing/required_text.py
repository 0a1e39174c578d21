"""The text every match of a regular expression must contain, read from the pattern:
a few substring tests on the case-folded text then rule a pattern out before the regex
engine walks the text.

Why: Python's ``re`` skips ahead only on a case-sensitive literal prefix or first-character
set. An IGNORECASE pattern that starts with ``\\b`` (the trap cues, the vocabulary) is
tried at every position of the text, every alternative of it.

Why case-folding is exact: ``re.IGNORECASE`` treats two characters alike when their simple
lower cases are equal or one of a few extra pairs (``ſ``/``s``, ``ᲀ``/``в``, ``K``/``k``). Over
all of Unicode (3.11, checked against ``_sre.unicode_tolower`` and ``re._casefix``) those
classes are exactly the classes of ``str.casefold``, bar the Turkish ``İ``/``ı``/``i``, which
:func:`folded` spells as "i" (a required string holding one is not used). ``casefold``
maps each character on its own, so a match's text folds to a substring of the folded
text.

The pattern is read from ``re``'s own parse tree (:func:`shape`, the one reader of
patterns: :mod:`alternation` takes its first letters and required runs from it too).
Only a plain subset of the syntax is followed: characters, classes of a few characters,
groups with alternatives, lookarounds, quantifiers. Anything else reads as "any text",
which asks for less, never wrongly for more; a construct that cannot be read at all
(inline flags, back-references) makes the pattern require nothing.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# re's own parser reads the patterns (private modules: a Python whose parser differs
# makes patterns unreadable, which asks for less, never wrongly for more).
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")
REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT,
                              getattr(sre, "POSSESSIVE_REPEAT", None)) if op is not None)
LOOKAROUNDS = (sre.ASSERT, sre.ASSERT_NOT)

# The most strings one requirement may list: each is a substring test (~2.5 µs on a
# 3 kB posting), and a long list is no cheaper than the regex it would spare.
MOST_STRINGS = 12
# A run of literal text with a few spellings ("e-?mail") is one requirement, spelt out;
# past this many spellings it is cut in pieces. Each reading gives other requirements:
# all are kept, the cheapest tested first.
SPELLINGS = (1, 4, 12)
SHARED_LENGTH = 4  # a shorter string is in most postings ("the ", " by")
CHANCE_BY_LETTERS = (1.0, 1.0, 1.0, 0.95, 0.5, 0.3, 0.15, 0.08, 0.03)

Requirement = frozenset[str]  # a match contains at least one of these


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a piece of pattern matches: exactly one of ``exact`` (None: not a short list
    of strings), and text that holds every requirement in ``needs``."""

    exact: frozenset[str] | None
    needs: tuple[Requirement, ...] = ()
    starts: frozenset[str] | None = None  # the characters a match can start with (None: any)
    empty: bool = True  # whether it can match no text


EMPTY = _Shape(frozenset({""}), starts=frozenset())
ANYTHING = _Shape(None)
ANY_CHARACTER = _Shape(None, empty=False)


def _characters(chars: frozenset[str]) -> _Shape:
    return _Shape(chars, starts=chars, empty=False)


class Unreadable(ValueError):
    """A construct this reader does not follow."""


def requirements(pattern: str) -> tuple[Requirement, ...]:
    """Case-folded strings a match of ``pattern`` (compiled with or without IGNORECASE)
    must contain: at least one of each requirement, the most telling first. Empty when
    the pattern requires nothing this reader can tell."""
    found: set[Requirement] = set()
    for spellings in SPELLINGS:
        try:
            read = shape(pattern, spellings)
        except Unreadable:
            return ()
        for need in _required(read):
            need = _fewest(frozenset(text.casefold() for text in need))
            if any(mark in text for text in need for mark in "ı\u0307"):
                continue  # folded() spells the text's Turkish i as "i"
            found.add(need)
            shared = _common_part(need)
            if len(shared) >= SHARED_LENGTH:  # one test that rules out the whole list
                found.add(frozenset({shared}))
    return tuple(sorted(found, key=lambda need: (_cost(need), sorted(need))))


def first_characters(pattern: str) -> frozenset[str] | None:
    """The case-folded first characters of ``pattern``'s matches (a Turkish i as "i"), or
    None when a match may start with any character or be empty."""
    starts = first_starts(pattern)
    return None if starts is None else frozenset(map(first_folded, starts))


def first_starts(pattern: str) -> frozenset[str] | None:
    """The characters of ``pattern`` a match can start with, as written in it (case not
    folded), or None when a match may start with any character or be empty."""
    try:
        read = shape(pattern)
    except Unreadable:
        return None
    return None if read.empty or read.starts is None else read.starts


def first_folded(char: str) -> str:
    """The first character of ``char`` case-folded, a Turkish i as "i" (as in
    :func:`folded`)."""
    return char.casefold()[:1].replace("ı", "i")


def fold(text: str) -> str:
    """``text`` case-folded for :func:`holds` (a Turkish i, dotted or not, as "i"): the
    characters whose IGNORECASE class is not their case-folding class (see the module
    text): "İ" folds to "i" + U+0307, "ı" to itself, where IGNORECASE takes either for "i"."""
    lowered = text.casefold()
    if "ı" in lowered or "\u0307" in lowered:  # (str.translate with a dict: 3x the casefold)
        lowered = lowered.replace("ı", "i").replace("\u0307", "")
    return lowered


# A posting's body is looked through by two stages (traps, salary): folded once.
folded = lru_cache(maxsize=2)(fold)


def folded_in_place(text: str) -> str | None:
    """:func:`folded`, when each of its characters stands where ``text``'s did (no "ß"
    folded to "ss", no lone combining dot dropped), so a place found in one is the same
    place in the other; else None."""
    lowered = folded(text)
    return lowered if len(lowered) == len(text) and "\u0307" not in text else None


def holds(needs: tuple[Requirement, ...], lowered: str, seen: dict[str, bool]) -> bool:
    """Whether the folded text holds every requirement (``seen`` remembers the strings
    already looked for in this text)."""
    for need in needs:
        for text in need:
            present = seen.get(text)
            if present is None:
                present = seen[text] = text in lowered
            if present:
                break
        else:
            return False
    return True


def next_of(words: tuple[str, ...], lowered: str, position: int,
            found: dict[str, int]) -> tuple[int, str] | None:
    """Where the first of ``words`` is in the folded text from ``position`` on, and which
    (or None). ``found`` keeps where each word was last found in this text (-1: nowhere
    further), so a word is looked for again only once ``position`` has passed it."""
    first, which = -1, ""
    for word in words:
        place = found.get(word)
        if place is None or 0 <= place < position:
            place = found[word] = lowered.find(word, position)
        if place >= 0 and (first < 0 or place < first):
            first, which = place, word
    return None if first < 0 else (first, which)


def _cost(need: Requirement) -> float:
    """Tests to spend per text this requirement rules out (the order that spends fewest
    tests on a text holding none): its strings, over the chance that none is there."""
    chance = sum(_chance(text) for text in need)
    return len(need) / max(1.0 - chance, 0.01)


def _chance(text: str) -> float:
    """A guess at how many postings hold ``text``: a word of three letters ("the ",
    " by") nearly all, one of seven a few."""
    letters = sum(char.isalpha() for char in text)
    return CHANCE_BY_LETTERS[min(letters, len(CHANCE_BY_LETTERS) - 1)]


def _fewest(need: Requirement) -> Requirement:
    """Without the strings that hold another of them: the text holds one of the rest
    whenever it holds one of them all."""
    return frozenset(text for text in need
                     if not any(other != text and other in text for other in need))


def _common_part(need: Requirement) -> str:
    """The longest string every string of ``need`` holds."""
    shortest = min(need, key=len)
    for length in range(len(shortest), 0, -1):
        for start in range(len(shortest) - length + 1):
            part = shortest[start:start + length]
            if all(part in text for text in need):
                return part
    return ""


def _required(shape: _Shape) -> tuple[Requirement, ...]:
    own = (shape.exact,) if shape.exact is not None and "" not in shape.exact else ()
    return shape.needs + own


def _concatenation(items: list[_Shape], spellings: int) -> _Shape:
    needs: list[Requirement] = []
    run: frozenset[str] = frozenset({""})  # the strings the items since the last break spell
    whole = True
    starts: frozenset[str] | None = frozenset()
    empty = True  # every item so far can match no text
    for item in items:
        if empty:
            starts = None if starts is None or item.starts is None else starts | item.starts
            empty = item.empty
        needs += item.needs
        if item.exact is not None and len(run) * len(item.exact) <= spellings:
            run = frozenset(a + b for a in run for b in item.exact)
            continue
        whole = False
        needs += _required(_Shape(run))
        run = item.exact if item.exact is not None else frozenset({""})
    if whole:
        return _Shape(run, tuple(needs), starts, empty)
    return _Shape(None, tuple(needs) + _required(_Shape(run)), starts, empty)


def _alternatives(branches: list[_Shape]) -> _Shape:
    if len(branches) == 1:
        return branches[0]
    starts: frozenset[str] | None = frozenset()
    for branch in branches:
        starts = None if starts is None or branch.starts is None else starts | branch.starts
    empty = any(branch.empty for branch in branches)
    exacts = [branch.exact for branch in branches if branch.exact is not None]
    if len(exacts) == len(branches):
        exact = frozenset[str]().union(*exacts)
        if len(exact) <= MOST_STRINGS:
            return _Shape(exact, (), starts, empty)
    best: set[str] = set()
    for branch in branches:
        own = _required(branch)
        if not own:
            return _Shape(None, (), starts, empty)
        cheapest: Requirement = min(own, key=_cost)
        best |= cheapest
    return _Shape(None, (frozenset(best),) if len(best) <= MOST_STRINGS else (), starts, empty)


def widths(pattern: str, flags: int = 0) -> tuple[int, int]:
    """The fewest and the most characters a match of ``pattern`` spans (the most is
    huge for an unbounded repeat). Under IGNORECASE too: ``re`` matches one character
    with one character."""
    low, high = _parser.parse(pattern, flags).getwidth()
    return low, high


@lru_cache(maxsize=1024)  # word lists are read for first letters and for required runs
def shape(pattern: str, spellings: int = 1, as_parsed: bool = False) -> _Shape:
    """What ``pattern`` matches, read from ``re``'s own parse tree: the one reader of
    patterns (:mod:`alternation` takes first letters and required runs from it too).
    Raises :class:`Unreadable` for what it does not follow.

    ``re`` moves the start its alternatives share in front of them ("start|stop" is parsed
    "st(?:art|op)") and unpacks a group without flags into the sequence around it, so
    the tree cannot tell "x(?:a|b)" from "xa|xb". Alternatives ending a sequence are
    read whole, as "xa|xb" (what the text must hold either way, spelt out), unless
    ``as_parsed``."""
    try:
        tree = _parser.parse(pattern)
    except re.error as error:
        raise Unreadable(pattern) from error
    if tree.state.flags & ~sre.SRE_FLAG_UNICODE:
        raise Unreadable(pattern)  # "(?i)…": flags set inside the pattern
    return _sequence(list(tree), (spellings, as_parsed))


Reading = tuple[int, bool]  # spellings, as parsed


def _sequence(items: list[tuple[Any, Any]], reading: Reading) -> _Shape:
    if len(items) > 1 and items[-1][0] is sre.BRANCH and not reading[1]:
        prefix = items[:-1]  # the alternatives' shared start, put back in each
        items = [(sre.BRANCH, (None, [prefix + list(branch) for branch in items[-1][1][1]]))]
    return _concatenation([_item(op, argument, reading) for op, argument in items], reading[0])


def _item(op: Any, argument: Any, reading: Reading) -> _Shape:
    if op is sre.LITERAL:
        return _characters(frozenset({chr(argument)}))
    if op is sre.AT:
        return EMPTY  # "^", "$", "\\b": zero width
    if op is sre.ANY:
        return ANY_CHARACTER
    if op is sre.NOT_LITERAL:
        return ANYTHING
    if op is sre.IN:
        return _class(argument)
    if op is sre.BRANCH:
        return _alternatives([_sequence(list(branch), reading) for branch in argument[1]])
    if op is sre.SUBPATTERN:
        _, added, removed, body = argument
        if added or removed:
            raise Unreadable(op)  # flags changed inside
        return _sequence(list(body), reading)
    if op in LOOKAROUNDS:
        _sequence(list(argument[1]), reading)  # unreadable inside: unreadable
        return EMPTY  # consumes nothing
    if op in REPEATS:
        least, most, body = argument
        return _repeated(_sequence(list(body), reading), least, most)
    raise Unreadable(op)  # back-references, conditionals, atomic groups


def class_characters(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters a parsed ``[…]`` lists; None for a negation or a category
    (``\\d``, ``\\w``)."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


def _class(items: list[tuple[Any, Any]]) -> _Shape:
    """``[…]``: the characters it lists, when they are few."""
    chars = class_characters(items)
    if chars is None:
        return ANY_CHARACTER  # a negation, "\\d", "\\w"
    if len(chars) > MOST_STRINGS:
        return _Shape(None, starts=frozenset(chars), empty=False)
    return _characters(frozenset(chars))


def _repeated(atom: _Shape, least: int, most: int) -> _Shape:
    if least == 0:
        if most == 1 and atom.exact is not None:
            return _Shape(atom.exact | {""}, starts=atom.starts)
        return _Shape(None, starts=atom.starts)
    if most == 1:
        return atom
    return _Shape(None, _required(atom), atom.starts, atom.empty)
