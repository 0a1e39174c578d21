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

Only a plain subset of the syntax is read: characters, escapes, classes of a few
characters, groups with alternatives, lookarounds, quantifiers. Anything else reads as
"any text", which asks for less, never wrongly for more; a construct that cannot be
read at all (inline flags, back-references) makes the pattern require nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# The most strings one requirement may list: each is a substring test (~2.5 µs on a
# 3 kB posting), and a long list is no cheaper than the regex it would spare.
MOST_STRINGS = 12
# A run of literal text with a few spellings ("e-?mail") is one requirement, spelt out;
# past this many spellings it is cut in pieces. Each reading gives other requirements:
# all are kept, the cheapest tested first.
SPELLINGS = (1, 4, 12)
SHARED_LENGTH = 4  # a shorter string is in most postings ("the ", " by")
CHANCE_BY_LETTERS = (1.0, 1.0, 1.0, 0.95, 0.5, 0.3, 0.15, 0.08, 0.03)
ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
CLASS_ESCAPES = frozenset("dDsSwW")
CHARACTER_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
# The characters whose IGNORECASE class is not their case-folding class (see the module
# text): "İ" folds to "i" + U+0307, "ı" to itself, where IGNORECASE takes either for "i".
TURKISH_I = {ord("ı"): "i", 0x307: None}

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
            reader = _Reader(pattern, spellings)
            shape = reader.alternation()
            if reader.at < len(pattern):
                raise Unreadable(pattern)
        except (Unreadable, IndexError):
            return ()
        for need in _required(shape):
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
    try:
        reader = _Reader(pattern, 1)
        shape = reader.alternation()
        if reader.at < len(pattern):
            raise Unreadable(pattern)
    except (Unreadable, IndexError):
        return None
    if shape.empty or shape.starts is None:
        return None
    return frozenset(map(first_folded, shape.starts))


def first_folded(char: str) -> str:
    """The first character of ``char`` case-folded, a Turkish i as "i" (as in
    :func:`folded`)."""
    return char.casefold()[:1].replace("ı", "i")


def fold(text: str) -> str:
    """``text`` case-folded for :func:`holds` (a Turkish i, dotted or not, as "i")."""
    lowered = text.casefold()
    if "ı" in lowered or "\u0307" in lowered:
        lowered = lowered.translate(TURKISH_I)
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


class _Reader:
    def __init__(self, pattern: str, spellings: int) -> None:
        self.pattern = pattern
        self.spellings = spellings
        self.at = 0

    def _next(self) -> str:
        char = self.pattern[self.at]  # IndexError: the pattern ended early
        self.at += 1
        return char

    def _peek(self, text: str) -> bool:
        return self.pattern.startswith(text, self.at)

    def alternation(self) -> _Shape:
        branches = [self._sequence()]
        while self._peek("|"):
            self.at += 1
            branches.append(self._sequence())
        return _alternatives(branches)

    def _sequence(self) -> _Shape:
        items: list[_Shape] = []
        while self.at < len(self.pattern) and self.pattern[self.at] not in "|)":
            items.append(self._quantified(self._atom()))
        return _concatenation(items, self.spellings)

    def _atom(self) -> _Shape:
        char = self._next()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        if char in "^$":
            return EMPTY
        if char == ".":
            return ANY_CHARACTER
        if char in "*+?{":
            raise Unreadable(self.pattern)
        return _characters(frozenset({char}))

    def _group(self) -> _Shape:
        looks = ("?=", "?!", "?<=", "?<!")
        look = next((mark for mark in looks if self._peek(mark)), None)
        if look is not None:  # a lookaround consumes nothing
            self.at += len(look)
            self._close(self.alternation())
            return EMPTY
        if self._peek("?:"):
            self.at += 2
        elif self._peek("?P<"):
            self.at = self.pattern.index(">", self.at) + 1
        elif self._peek("?"):
            raise Unreadable(self.pattern)  # flags, conditionals, comments
        return self._close(self.alternation())

    def _close(self, shape: _Shape) -> _Shape:
        if self._next() != ")":
            raise Unreadable(self.pattern)
        return shape

    def _escape(self) -> _Shape:
        char = self._next()
        if char in ZERO_WIDTH_ESCAPES:
            return EMPTY
        if char in CLASS_ESCAPES:
            return ANY_CHARACTER
        if char in CHARACTER_ESCAPES:
            return _characters(frozenset({CHARACTER_ESCAPES[char]}))
        if char.isalnum():
            raise Unreadable(self.pattern)  # \x41, \u…, \1 back-references, …
        return _characters(frozenset({char}))

    def _class(self) -> _Shape:
        """``[…]``: the characters it lists, when they are few."""
        if self._peek("^"):
            self._skip_class()
            return ANYTHING
        chars: set[str] = set()
        first = True
        while first or not self._peek("]"):
            first = False
            char = self._next()
            if char == "\\":
                char = self._next()
                if char.isalnum():
                    if char not in CHARACTER_ESCAPES:
                        self._skip_class()
                        return ANYTHING
                    char = CHARACTER_ESCAPES[char]
            if self._peek("-") and not self._peek("-]"):
                self.at += 1
                last = self._next()
                if last == "\\":
                    self._skip_class()
                    return ANYTHING
                chars.update(map(chr, range(ord(char), ord(last) + 1)))
            else:
                chars.add(char)
        self.at += 1
        if len(chars) > MOST_STRINGS:
            return _Shape(None, starts=frozenset(chars), empty=False)
        return _characters(frozenset(chars))

    def _skip_class(self) -> None:
        """Past the closing ``]`` of a class (a ``]`` first in it is a character)."""
        self.at += 1
        while not self._peek("]"):
            self.at += 2 if self._peek("\\") else 1
            if self.at >= len(self.pattern):
                raise Unreadable(self.pattern)
        self.at += 1

    def _quantified(self, atom: _Shape) -> _Shape:
        if self.at >= len(self.pattern) or self.pattern[self.at] not in "?*+{":
            return atom
        char = self._next()
        least, most = {"?": (0, 1), "*": (0, None), "+": (1, None)}.get(char, (None, None))
        if char == "{":
            closing = self.pattern.find("}", self.at)
            low, _, high = self.pattern[self.at:closing].partition(",")
            if closing < 0 or not (low or high).strip().isdigit():
                raise Unreadable(self.pattern)  # a literal "{" this reader does not follow
            least = int(low or 0)
            most = least if "," not in self.pattern[self.at:closing] else (
                int(high) if high else None)
            self.at = closing + 1
        if self._peek("?") or self._peek("+"):
            self.at += 1  # lazy or possessive: the same text
        assert least is not None
        if least == 0:
            if most == 1 and atom.exact is not None:
                return _Shape(atom.exact | {""}, starts=atom.starts)
            return _Shape(None, starts=atom.starts)
        if most == 1:
            return atom
        return _Shape(None, _required(atom), atom.starts, atom.empty)
