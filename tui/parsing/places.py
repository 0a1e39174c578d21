"""Read a line of places ("Toronto / Remote / Ciudad de México", "Austin, TX or Remote (US)")
into resolved places, whether remote work is offered, and its scope.

Each part is resolved by :mod:`tui.parsing.gazetteer` to a canonical place
("Ciudad de México" → Mexico City, "TX" after a city → Texas); "City, Country"
gives both places. A part that names no place and no work mode goes in
``unknown``: it never becomes a place (the caller decides whether the line is a
location line at all). Work-mode and label words per language live in
``tui/data/place_words.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from tui.parsing import gazetteer
from tui.parsing.alternation import Alternation, RequiredWords
from tui.parsing.gazetteer import CITY_KINDS, Place
from tui.parsing.markdown_text import PICTOGRAPHS
from tui.text import fold

REMOTE = "Remote"
WORLDWIDE = "Worldwide"


@cache
def words() -> dict[str, list[str]]:
    return json.loads(resources.files("tui.data").joinpath("place_words.json").read_text("utf-8"))


def _whole(name: str) -> Alternation:
    """The words of list ``name``, matched as a whole text (tried by first letter: most
    texts asked about start with a letter no word of the list starts with)."""
    return Alternation(words()[name], "$")


REMOTE_WORDS = _whole("remote_words")
WORLDWIDE_WORDS = _whole("worldwide")
OTHER_MODES = _whole("other_modes")
DEPARTMENTS = _whole("departments")
# Any of the four: most parts are none, and one test settles that.
_MODE_OR_TEAM_WORDS = [word for name in ("remote_words", "worldwide", "other_modes",
                                         "departments") for word in words()[name]]
MODE_OR_TEAM = Alternation(_MODE_OR_TEAM_WORDS, "$")
# A label may follow one lowercase word: "good location: …", "current location: …"
LABEL = re.compile(rf"^(?:[a-z]{{2,12}}\s)?(?i:{'|'.join(words()['location_labels'])})\s*[:：]\s*")
# (the lookahead names the characters a separator can start with: re then skips the
# positions of other characters without trying each alternative, 5.3 → 3.8 µs a line)
SEPARATORS = re.compile(
    r"(?=[\s/|·•;，、。&+])"
    r"\s*(?:/|\||·|•|;|，|、|。|\s[-–—]\s|\s(?:or|ou|o|и|или|and|y|e|oder|und|et)\s|&|\+)\s*",
    re.IGNORECASE,
)
PARENTHESES = re.compile(r"[(\[（]([^()\[\]（）]*)[)\]）]")
# "Presencial y remoto", "office and remote": both at once is hybrid, not a remote job
# (while "Berlin or Remote" offers remote work).
_ONSITE = r"(?:presencial|on-?site|in[- ]office|office|офис|в офисе|vor ort|stacjonarn\w*|biuro)"
_REMOTE_WORDS = [r"remot[eo]", "remota", r"удал[её]нн?\w*", r"zdaln\w*", "home ?office",
                 "t[ée]l[ée]travail"]
_REMOTE = rf"(?:{'|'.join(_REMOTE_WORDS)})"
BOTH_MODES = re.compile(
    rf"(?<!\w)(?:{_ONSITE}\s+(?:and|y|e|und|и|et|i|\+|&)\s+{_REMOTE}|"
    rf"{_REMOTE}\s+(?:and|y|e|und|и|et|i|\+|&)\s+{_ONSITE})(?!\w)",
    re.IGNORECASE,
)
REMOTE_PREFIX = re.compile(r"^(?:remote|remoto|remota|fully remote|100\s?% remote)"
                           r"(?:\s*[-–:,]\s*|\s+)(?:in\s+|from\s+|within\s+|only\s+)?(.+)$",
                           re.IGNORECASE)
REMOTE_SUFFIX = re.compile(r"^(.+?)\s*[-–,]?\s+(?:remote|remoto|remota)(?:\s+only)?$",
                           re.IGNORECASE)
ONLY = re.compile(r"\s+(?:only|based|residents?)$|^(?:(?:only|anywhere|remote|based) )?in\s+"
                  r"(?:the\s+)?|^the\s+", re.IGNORECASE)
POSTAL_CODE = re.compile(r"(?<!\w)(?:\d{5}(?:-\d{4})?|\d{2}-\d{3}|\d{4})(?!\w)")
DIGIT = re.compile(r"\d")
PROPER_NAME = re.compile(r"^[^\W\d_][\w .'’-]{1,40}$")
MAX_WORDS = 5  # a part longer than this is prose, not a place name
MAX_PLACE_PART = 60  # characters: a longer part is not looked up whole in the gazetteer
MAX_NAME_WORDS = 4  # "Rio Grande do Sul": place names inside longer text are no longer
AFTER_REMOTE = re.compile(r"(?:remote|remoto|remota|удал[её]нн?о|t[ée]l[ée]travail|anywhere)"
                          r"\W{0,3}$", re.IGNORECASE)
# "5600 Main Street" before a town: an address's street, not a place
STREET = re.compile(r"^\s*\d{1,6}[a-z]?\s+[^\d\s,]+\s+[^\d,]{2,40}$", re.IGNORECASE)
EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
REMOTE_SUBSTRINGS = re.compile("|".join(words()["remote_substrings"]))
WIDE_SUFFIX = re.compile(rf"(?:{'|'.join(words()['region_wide_suffixes'])})$", re.IGNORECASE)


def place_kind(name: str) -> str:
    """'major', 'city', 'country', 'region', 'code' or '' for a place name (continents and
    areas count as 'country': a place as wide as a country or wider)."""
    found = gazetteer.candidates(name.strip(" ."))
    if found:
        kind = found[0].kind
        return "country" if kind in gazetteer.WIDE_KINDS else kind
    return "code" if gazetteer.candidates(name.strip(" ."), code=True) else ""


@dataclass(slots=True)
class PlaceLine:
    places: list[str] = field(default_factory=list)  # canonical names, "Remote" not included
    areas: list[str] = field(default_factory=list)  # what the places lie in
    remote: bool = False
    scope: str = ""
    modes: int = 0  # how many work-mode words (remote, hybrid, onsite…) were seen
    unknown: list[str] = field(default_factory=list)  # parts that are neither
    cities: int = 0  # how many of the places are cities

    @property
    def is_location(self) -> bool:
        return not self.unknown and (bool(self.places) or self.remote or self.modes > 0)

    def add(self, place: Place) -> None:
        if place.name not in self.places:
            self.places.append(place.name)
            self.cities += place.kind in CITY_KINDS
        for area in gazetteer.ancestors(place):
            if area not in self.areas:
                self.areas.append(area)

    def add_named(self, name: str, within: Place) -> None:
        """A town the tables do not know, beside a region they do ("Smalltown, Ohio")."""
        if name not in self.places:
            self.places.append(name)
            self.cities += 1
        self.add(within)


def _trim(part: str) -> str:
    """A part without decoration or a postal code ("OH 43215", "10115 Berlin")."""
    if DIGIT.search(part) and not part.isdigit():
        part = " ".join(POSTAL_CODE.sub(" ", part).split())
    return part.strip(" .:!?`*_-–\"'“”«»")


def read_place_line(text: str, *, trusted: bool = False) -> PlaceLine:
    """Split ``text`` into places and work-mode words. ``trusted``: the line is a location
    slot (a ``Location:`` value, a front-matter field), so a place may also be found
    inside a longer part ("Gdańsk Wrzeszcz", "Tennessee Tri-Cities")."""
    found = _read_place_line(text, trusted)  # callers may change what they get: a copy
    return PlaceLine(list(found.places), list(found.areas), found.remote, found.scope,
                     found.modes, list(found.unknown), found.cities)


@lru_cache(maxsize=4096)  # the header reader and this module ask about the same lines
def _read_place_line(text: str, trusted: bool) -> PlaceLine:
    result = PlaceLine()
    if not text.isascii():
        text = PICTOGRAPHS.sub(" ", text)
    text = text.replace("`", " ").strip()
    if _may_state_both_modes(text):
        both = BOTH_MODES.search(text)
        if both:
            text = f"{text[:both.start()]} hybrid {text[both.end():]}".strip()
    bracketed = text
    if "(" in text or "[" in text or "（" in text:
        text = PARENTHESES.sub(" , ", text)
    # Most lines asked about are prose, settled by their first part: the chunks are cut
    # one at a time, and the parentheses read only once every chunk was a place.
    for chunk in _chunks(text):
        pieces = chunk.split(",")  # an address: the street before the town is not a place
        parts = pieces if len(pieces) == 1 else [p for i, p in enumerate(pieces) if not (
            i + 1 < len(pieces) and p.lstrip()[:1].isdigit() and STREET.match(p))]
        _read_chunk([part for part in (_trim(p) for p in parts) if part], result, trusted)
        if result.unknown and not trusted:
            return result  # not a location line: the rest cannot change that
    if bracketed is not text:
        # "(EU)" after "Remote" is the remote scope; "(Netherlands)" after a city is a place
        for match in PARENTHESES.finditer(bracketed):
            after_remote = bool(AFTER_REMOTE.search(bracketed[:match.start()]))
            _read_parenthesis(match.group(1), result, trusted, after_remote)
    return result


# A text's first run of letters and digits (opening with a letter), and after spaces the
# second, when an ASCII character other than a letter or digit follows it
FIRST_RUN = re.compile(r"[^\W\d_][^\W_]*")
SECOND_RUN = re.compile(r"\s+([A-Za-z][A-Za-z0-9]*)(?![^\W_])(?=[\x00-\x7f]|$)")
# The words ONLY or REMOTE_PREFIX may take off a text's start ("in the US", "remote - EU")
PREFIX_WORDS = frozenset({"in", "the", "only", "anywhere", "based", "remote", "remoto",
                          "remota", "fully"})
# The ASCII characters _trim takes off a part's start (a backtick is a space by then)
DECORATION = " .:!?*_-\"'"
# What follows a part's opening words when the part (or the text looked up for it) ends
# there: marks _trim or the gazetteer take off, then the end, a comma, a bracket or a
# separator; or a suffix taken off before the lookup ("EU only", "EU remote", "EU-wide").
PART_END = re.compile(
    rf"[\s.:!?`*_\-–\"'“”«»,;()\[\]]*(?:$|[,(\[（]|weit|wide|{SEPARATORS.pattern}"
    r"|\s+(?:only|based|resident)|\s*[-–,]?\s+remot)",
    re.IGNORECASE,
)
# A work-mode or team word opening a text and ending its first part (``may_be_place_line``)
MODE_OR_TEAM_START = Alternation(_MODE_OR_TEAM_WORDS, f"(?={PART_END.pattern})")


def may_be_place_line(text: str) -> bool:
    """False when ``read_place_line(text)`` (not trusted) is surely no location line,
    decided from the text's first run of ASCII letters and digits in ~3 µs (reading the
    line costs 20-50 µs): most header lines a posting is read for are prose or headings.

    Why it is exact: the line's first part opens with that run (no separator, comma,
    bracket, postal code or trimmed mark stands before or inside it), an untrusted line is
    read no further once its first part is unknown, and that part is known only if a name
    the gazetteer looks up for it opens with the run and the character after it
    (``gazetteer.ascii_first_runs``), or the run is a whole name and the part can end
    after it (``PART_END``), or a work-mode or team word opens the part and can end it,
    or a prefix ("remote in", "the") or a suffix ("deutschlandweit") is taken off first.
    Where any of this cannot be told (no ASCII run first, "(", both modes named), True."""
    if "\n" in text:
        return True
    if not text.isascii():
        text = PICTOGRAPHS.sub(" ", text)
    text = text.replace("`", " ").strip()
    if _may_state_both_modes(text) and BOTH_MODES.search(text):
        return True  # rewritten to "hybrid" first
    if "(" in text or "[" in text or "（" in text:
        text = PARENTHESES.sub(" , ", text)  # as the line is split: "Berlin and(…)"
    start = len(text) - len(text.lstrip(DECORATION))  # "**Berlin**", "- Remote"
    if start and text[start - 1] == " " and SEPARATORS.match(text, start - 1):
        return True  # "- or Berlin": the separator " or " takes the first word
    text = text[start:]
    run = FIRST_RUN.match(text)
    if run is None:
        return True
    end = run.end()
    after = text[end:end + 1]
    second = SECOND_RUN.match(text, end) if after.isspace() else None
    opening = _opening(run.group(), after, second.group(1) if second else "")
    if opening is MAY_NAME:
        return True
    whole = opening is WHOLE_NAME
    if (whole and PART_END.match(text, end)) or MODE_OR_TEAM_START.match(text):
        return True
    if not DIGIT.search(text):
        return False
    # A part with a digit is read with its postal codes taken out and single spaces
    text = " ".join(POSTAL_CODE.sub(" ", text).split())
    return bool((whole and PART_END.match(text, end)) or MODE_OR_TEAM_START.match(text))


MAY_NAME, WHOLE_NAME, NO_NAME = "may name a place", "a whole name", "no name"


# A text's first words recur from line to line ("The", "We are", "About the"): what they
# say is kept (the rest of may_be_place_line looks at the text itself).
@lru_cache(maxsize=8192)
def _opening(run: str, after: str, second: str) -> str:
    """What a text's first run (followed by ``after``, then by the ASCII run ``second``
    after spaces, "" when there is none) says: MAY_NAME when a place name may open the
    text (or a prefix or suffix may be taken off first), else WHOLE_NAME when the run is
    a whole name, else NO_NAME."""
    lowered = fold(run)  # "Técnicas" → "tecnicas", as the gazetteer folds it
    if not (after.isascii() and lowered.isascii() and lowered.isalnum()):
        return MAY_NAME  # (folded, the character after might be a letter too)
    if lowered in PREFIX_WORDS or _may_end_wide(lowered):
        return MAY_NAME  # ONLY, REMOTE_PREFIX or WIDE_SUFFIX may take words off first
    alone, followed, two = gazetteer.ascii_first_runs()
    if after.isspace():
        if not second or _may_end_wide(second.lower()):
            if lowered + " " in followed:
                return MAY_NAME
        elif f"{lowered} {second.lower()}" in two:
            return MAY_NAME  # "Rio de …"; "As a key engineer" names no place
    elif after and lowered + after.lower() in followed:
        return MAY_NAME
    return WHOLE_NAME if lowered in alone else NO_NAME


def is_place_line(text: str) -> bool:
    """``read_place_line(text).is_location``, most texts ruled out first."""
    return may_be_place_line(text) and read_place_line(text).is_location


# The words one side of BOTH_MODES needs: a line holding none states no two modes.
# "home", not the longest run "office": most lines that say office say no remote word.
_REMOTE_SIDE_WORDS = ["home" if word == "home ?office" else word for word in _REMOTE_WORDS]
_REMOTE_WORDS_ASCII = ("remot", "zdaln", "home", "travail")
# Any script (re's IGNORECASE also folds some non-ASCII letters onto ASCII ones, which
# RequiredWords looks out for): a non-ASCII line went to the pattern, ~10 µs against ~1 µs.
_REMOTE_SIDE = RequiredWords(_REMOTE_SIDE_WORDS)


def _may_state_both_modes(text: str) -> bool:
    if not text.isascii():
        return _REMOTE_SIDE.may_match(text)
    lowered = text.lower()
    return any(word in lowered for word in _REMOTE_WORDS_ASCII)


def _chunks(text: str) -> Iterator[str]:
    """``SEPARATORS.split(text)``, one chunk at a time (the pattern has no groups and
    never matches empty)."""
    start = 0
    for match in SEPARATORS.finditer(text):
        yield text[start:match.start()]
        start = match.end()
    yield text[start:]


def _read_chunk(parts: list[str], result: PlaceLine, trusted: bool) -> None:
    """Comma-separated parts: "San Francisco, CA, USA", "Berlin, Germany", "Remote, EU"."""
    previous: Place | None = None
    first_city = False  # the chunk opens with a city: short parts after it qualify it
    index = 0
    while index < len(parts):
        part = parts[index]
        if previous is not None and previous.kind in CITY_KINDS and _is_code(part):
            region = gazetteer.resolve_code(part, previous)
            if region is not None:  # "Austin, TX": the city's own state
                result.add(region)
                index += 1
                continue
        # (an untrusted part that names no place is no town of the next part's region:
        # that region is not looked up)
        regions = _regions(parts[index + 1]) if index + 1 < len(parts) and (
            trusted or gazetteer.candidates(part)) else []
        if regions and not _is_mode(part):
            town = next((t for t in (gazetteer.city_in(part, r) for r in regions) if t), None)
            if town is not None:  # "Springfield, VA": the Springfield in Virginia
                result.add(town)
                result.add(next(r for r in regions if gazetteer.city_in(part, r)))
                previous = town
                index += 2
                continue
            if trusted and PROPER_NAME.match(part) and not gazetteer.candidates(part) and len(
                    part.split()) <= 3 and not any(_is_mode(word) for word in part.split()):
                result.add_named(_display(part), regions[0])  # a town the tables lack
                index += 2
                continue
        place = _read_part(part, result, trusted)
        if place is None and index and first_city and part in result.unknown and len(
                part.split()) <= 2 and PROPER_NAME.match(part + "x"):
            result.unknown.remove(part)  # "Bogotá, D.C.", "Thessaloniki, Central Macedonia"
        first_city = first_city or (index == 0 and place is not None and place.kind in CITY_KINDS)
        previous = place or previous
        index += 1
        if result.unknown and not trusted and not first_city:
            return


def _is_code(part: str) -> bool:
    return 2 <= len(part) <= 3 and part.isupper() and part.isalpha()


def _is_mode(part: str) -> bool:
    return MODE_OR_TEAM.match(part) is not None


def _regions(part: str) -> list[Place]:
    """The regions or countries ``part`` may name when written after a city."""
    if _is_code(part):
        coded = gazetteer.candidates(part, code=True)
        if coded:  # "Smalltown, CA": a state before a country with that ISO code
            return sorted(coded, key=lambda place: place.kind != "region")
    return [p for p in gazetteer.candidates(part)[:3] if p.kind not in CITY_KINDS]


def _display(name: str) -> str:
    name = " ".join(name.split())
    return name.title() if name.islower() else name


def _read_part(part: str, result: PlaceLine, trusted: bool, near: Place | None = None
               ) -> Place | None:
    """Read one part into ``result``; return the place it named, if any."""
    # Most parts are a place name or not one at all: one dict lookup settles the first
    # case before the work-mode patterns run (no mode word is also a place name).
    place = gazetteer.resolve(part, near=near) if len(part) <= MAX_PLACE_PART else None
    if place is not None:
        if result.remote and place.kind not in CITY_KINDS:
            result.scope = result.scope or place.name
        result.add(place)
        return place
    if MODE_OR_TEAM.match(part):  # which one it is:
        if DEPARTMENTS.match(part):
            return None  # "Berlin · Hybrid · Full time · Engineering": the team, not a place
        if REMOTE_WORDS.match(part) or WORLDWIDE_WORDS.match(part):
            result.remote = True
            result.modes += 1
            if WORLDWIDE_WORDS.match(part):
                result.scope = result.scope or WORLDWIDE
            return None
        if OTHER_MODES.match(part):
            result.modes += 1
            return None
    scoped = _may_say_remote(part) and (REMOTE_PREFIX.match(part) or REMOTE_SUFFIX.match(part))
    if scoped:
        inner = ONLY.sub("", scoped.group(1)).strip()
        place = gazetteer.resolve(inner) if len(inner.split()) <= MAX_WORDS else None
        if place is not None or WORLDWIDE_WORDS.match(inner):
            result.remote = True
            result.modes += 1
            if place is not None:
                result.add(place)
                result.scope = result.scope or place.name
            else:
                result.scope = result.scope or WORLDWIDE
            return None
    bare = _without_only(part)
    few = len(bare.split()) <= MAX_WORDS
    if bare != part and few:
        place = gazetteer.resolve(bare, near=near)  # "anywhere in the U.S.", "EU only"
        if place is not None:
            if result.remote and place.kind not in CITY_KINDS:
                result.scope = result.scope or place.name
            result.add(place)
            return place
    # ``bare`` was looked up above, unless it is the part itself and that was too long
    looked_up = not (few and bare == part and len(part) > MAX_PLACE_PART)
    place = None if looked_up else gazetteer.resolve(bare, near=near)
    if place is None and _may_end_wide(bare) and WIDE_SUFFIX.search(bare):
        place = gazetteer.resolve(WIDE_SUFFIX.sub("", bare))  # "deutschlandweit", "nationwide"
    if place is None and trusted and EAST_ASIAN.search(bare):
        if REMOTE_SUBSTRINGS.search(bare) and not NEGATED_CJK.search(bare):
            result.remote = True
            result.modes += 1
        found = _places_in_east_asian(bare)
        for other in found:
            result.add(other)
        if found or REMOTE_SUBSTRINGS.search(bare):
            return found[0] if found else None
    if place is None and trusted and len(bare.split()) <= 2 * MAX_WORDS:
        place = _place_within(bare)
    if place is not None:
        if result.remote and place.kind not in CITY_KINDS:
            result.scope = result.scope or place.name
        result.add(place)
        return place
    result.unknown.append(part)
    return None


# What ONLY and WIDE_SUFFIX can match, as plain text tests for ASCII text (the patterns
# scan the whole part, ~2-3 µs; most parts have neither)
ONLY_STARTS = ("in", "only ", "anywhere ", "remote ", "based ", "the")
ONLY_ENDS = ("only", "based", "resident", "residents")
# (None: a suffix is a pattern, or not ASCII, and only WIDE_SUFFIX can tell)
WIDE_ENDS = tuple(words()["region_wide_suffixes"]) if all(
    re.fullmatch(r"[a-z -]+", word) for word in words()["region_wide_suffixes"]) else None


def _without_only(part: str) -> str:
    """``ONLY.sub("", part).strip()``: "anywhere in the U.S." → "U.S.", "EU only" → "EU"."""
    if part.isascii():
        lowered = part.lower().removesuffix("\n")  # ``$`` also matches before a last newline
        if not lowered.startswith(ONLY_STARTS) and not lowered.endswith(ONLY_ENDS):
            return part.strip()
    return ONLY.sub("", part).strip()


def _may_end_wide(text: str) -> bool:
    """Can WIDE_SUFFIX match ``text``?"""
    if WIDE_ENDS is None or not text.isascii():
        return True
    return text.lower().removesuffix("\n").endswith(WIDE_ENDS)


def _may_say_remote(part: str) -> bool:
    """Can ``part`` contain "remote"/"remoto"/"remota" (REMOTE_SUFFIX)? Decided without
    the pattern for ASCII text (IGNORECASE folds some non-ASCII letters onto ASCII ones)."""
    return not part.isascii() or "remot" in part.lower()


NEGATED_CJK = re.compile(r"(?:リモート|在宅|远程)[^、。]{0,4}(?:不可|なし|不)")


def _places_in_east_asian(text: str) -> list[Place]:
    """Place names inside unspaced text ("阿里巴巴杭州西溪园区" → Hangzhou), longest first."""
    found: list[Place] = []
    start = 0
    while start < len(text):
        for size in (4, 3, 2):
            run = text[start:start + size]
            place = gazetteer.resolve(run) if len(run) == size and EAST_ASIAN.match(run) else None
            if place is not None:
                if place not in found:
                    found.append(place)
                start += size
                break
        else:
            start += 1
    return found


def _place_within(text: str) -> Place | None:
    """The longest run of words in ``text`` that names a place: a town before its district
    ("Gdańsk Wrzeszcz" → Gdańsk), or a wide place anywhere ("possible depuis l'Europe").
    A lesser town elsewhere in the text is taken for a word ("Chalmers University")."""
    tokens = re.split(r"[\s-]+", re.sub(r"(?<!\w)[ldLD]['’]", "", text))
    starts = [i for i, token in enumerate(tokens) if token[:1].isupper()]  # names are capitalised
    for size in range(min(len(tokens) - 1, MAX_NAME_WORDS), 0, -1):
        for start in starts:
            run = " ".join(tokens[start:start + size])
            if start + size <= len(tokens) and len(run) >= 4:
                found = gazetteer.resolve(run)
                if found is not None and (start == 0 or found.kind not in {"city"}):
                    return found
    return None


def _read_parenthesis(inner: str, result: PlaceLine, trusted: bool, after_remote: bool
                      ) -> None:
    """"(EU)", "(Remote)", "(US only)", "(Hybrid, 3 days)": scope, mode or place."""
    for part in (_trim(p) for p in re.split(r"[,/;|]|\bor\b|\bou\b", inner)):
        if not part:
            continue
        unknown, scope = len(result.unknown), result.scope
        place = _read_part(part, result, trusted)
        del result.unknown[unknown:]  # "(3 days a week)": an aside, not a wrong place
        if not after_remote:
            result.scope = scope  # "Amsterdam (Netherlands), Remote": no scope
        elif place is not None:
            result.scope = result.scope or place.name


def strip_label(line: str) -> tuple[str, bool]:
    """The line without a ``Location:`` style label, and whether it had one."""
    match = LABEL.match(line)
    return (line[match.end():], True) if match else (line, False)


def canonical_scope(text: str) -> str:
    """A remote scope as written ("EU", "US only", "anywhere") as a canonical name."""
    if WORLDWIDE_WORDS.match(text.strip()):
        return WORLDWIDE
    place = gazetteer.resolve(ONLY.sub("", text).strip())
    return place.name if place else ""


def is_remote_word(text: str) -> bool:
    return bool(REMOTE_WORDS.match(text.strip()) or WORLDWIDE_WORDS.match(text.strip()))


def folded_words(name: str) -> list[str]:
    return [fold(w) for w in words()[name]]
