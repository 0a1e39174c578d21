"""Place names to places: every spelling of a place (Москва, München, 北京, NYC,
"Springfield, VA") resolved offline to one canonical English name and the
places it lies in (city → region → country → continent and areas like EMEA).

The tables are built from GeoNames and ISO 3166 by ``scripts/build_places.py``
(``tui/data/places.tsv``, ``tui/data/place_names.tsv``); loading them is two
file reads and two dict builds, done once per process on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from tui.text import fold

CITY_KINDS = frozenset({"city", "major"})
WIDE_KINDS = frozenset({"continent", "area"})


@dataclass(frozen=True, slots=True)
class Place:
    row: int
    kind: str  # continent, area, country, region, major, city
    name: str  # canonical English name


@cache
def _lines() -> list[str]:
    return resources.files("tui.data").joinpath("places.tsv").read_text("utf-8").splitlines()


@lru_cache(maxsize=8192)  # lines are split when first asked for: most never are
def _row(row: int) -> tuple[str, str, str]:
    kind, name, parents = _lines()[row].split("\t")
    return kind, name, parents


def _names_text() -> str:
    return resources.files("tui.data").joinpath("place_names.tsv").read_text("utf-8")


@cache
def _names() -> dict[str, str]:
    return dict(line.split("\t", 1) for line in _names_text().splitlines())


# A name's first run of ASCII letters and digits, when no other letter or digit follows
# it, the character that does, and the name's second run after a space: "rio", " " and
# "de" for "rio de janeiro", "st" and "." for "st. louis", "berlin" and nothing (a name
# opening with "é" or "mü" has no such run). Searched from each line's start, a newline.
_FIRST_RUNS = re.compile(r"\n([a-z0-9]+)(?![^\W_])([^\t]?)(?:([a-z0-9]+)(?![^\W_]))?")


@cache
def ascii_first_runs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Of the names (folded, so lower case): those that are one ASCII run of letters and
    digits ("berlin"); the others' ASCII first runs with the character after ("rio ",
    "st.", "saint-"); and their first two runs when a space parts them ("rio de"). A text
    opening with a run can name a place only if the run stands alone or is followed by
    such a character, or such a second run (one pass over the table, ~30 ms once per
    process; 44,197, 9,576 and 37,000 of them)."""
    alone: set[str] = set()
    followed: set[str] = set()
    two: set[str] = set()
    for run, after, second in _FIRST_RUNS.findall("\n" + _names_text()):
        if not after:
            alone.add(run)
            continue
        followed.add(run + after)
        if after == " " and second:
            two.add(f"{run} {second}")
    return frozenset(alone), frozenset(followed), frozenset(two)


def place(row: int) -> Place:
    kind, name, _ = _row(row)
    return Place(row, kind, name)


def candidates(text: str, *, code: bool = False) -> list[Place]:
    """Every place ``text`` may name, likeliest first (``code``: as a region code)."""
    return list(_candidates(text, code))


# A place line's parts are asked about several times (as a place, as the region after a
# city, as a city in that region), and names recur from posting to posting.
@lru_cache(maxsize=16384)
def _candidates(text: str, code: bool) -> tuple[Place, ...]:
    stripped = text.strip(" .,;:*_`'\"()[]")
    key = fold(stripped)
    if not key:
        return ()
    if len(key) <= 3 and text.strip().islower():
        return ()  # "us", "la": words, while "US", "LA" are places
    prefix = "=" if code else ""
    names = _names()
    found = names.get(prefix + key)
    if not found:  # "St. Louis." with its own dots: asked only when it is another text
        lightly = text.strip(" ,;:*_`")
        found = names.get(prefix + fold(lightly)) if lightly != stripped else None
    if not found and "." in key:  # "U.S" once a sentence's full stop was trimmed off
        found = _names().get(prefix + key + ".")
    return tuple(place(int(row)) for row in found.split(",")) if found else ()


def resolve(text: str, *, near: Place | None = None) -> Place | None:
    """The place ``text`` names; with ``near`` (a place it was written beside, "Austin,
    TX"), the reading that contains or lies in ``near`` wins."""
    found = _candidates(text, False)
    if near is not None and found:
        for candidate in found:
            if candidate.row in _ancestor_rows(near.row) or near.row in _ancestor_rows(
                    candidate.row):
                return candidate
    return found[0] if found else None


def resolve_code(code: str, city: Place) -> Place | None:
    """A region code after a city: "TX" in "Austin, TX", "RJ" in "Niterói, RJ"."""
    if not code.isupper():
        return None
    for candidate in _candidates(code, True):
        if _inside(city, candidate):
            return candidate
    return None


def city_in(text: str, region: Place) -> Place | None:
    """The city called ``text`` inside ``region`` ("Springfield" in Virginia)."""
    for candidate in _candidates(text, False):
        if candidate.kind in CITY_KINDS and _inside(candidate, region):
            return candidate
    return None


def _inside(city: Place, region: Place) -> bool:
    """Does ``city`` lie in ``region``? Where the tables do not link a country's cities to
    its regions (Brazil's states), lying in the region's country is enough."""
    within = _ancestor_rows(city.row)
    if region.row in within:
        return True
    parents = _ancestor_rows(region.row)
    return region.kind == "region" and bool(parents) and parents[0] in within and not any(
        _row(row)[0] == "region" for row in within)


@cache
def _ancestor_rows(row: int) -> tuple[int, ...]:
    parents = _row(row)[2]
    found: list[int] = []
    for parent in (int(p) for p in parents.split(",") if p):
        for ancestor in (parent, *_ancestor_rows(parent)):
            if ancestor not in found:
                found.append(ancestor)
    return tuple(found)


def ancestors(place: Place) -> tuple[str, ...]:
    """Names of the places ``place`` lies in, nearest first: Berlin → Germany, Europe, DACH…"""
    return tuple(_row(row)[1] for row in _ancestor_rows(place.row))


def canonical(text: str) -> str:
    """The canonical name of the place ``text`` names, or "" when it names none."""
    found = resolve(text)
    return found.name if found else ""
