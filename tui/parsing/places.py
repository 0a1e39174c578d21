"""Read a line of places ("Toronto / Remote / Ciudad de México", "Austin, TX or Remote (US)")
into the places, whether remote work is offered, and its scope.

Place names are checked against ``tui/data/places.tsv`` (cities, countries,
states and provinces from GeoNames, rebuilt by ``scripts/build_places.py``),
so a line qualifies as a location line only when its parts are real places or
work-mode words; a line under a ``Location:`` label is trusted as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from tui.parsing.markdown_text import PICTOGRAPHS
from tui.text import fold

REMOTE_WORDS = re.compile(
    r"^(?:(?:fully|full|100\s*%|100%)\s+)?(?:remote(?:[- ]first| friendly| only| ok)?|remotely|"
    r"anywhere|remoto|remota|remote work|trabajo remoto|trabalho remoto|t[ée]l[ée]travail|"
    r"удал[её]нн?о|удал[её]нка|удал[её]нная работа|дистанционно|home ?office|wfh|"
    r"work from (?:home|anywhere)|можно удал[её]нно|удал[её]нная работа возможна|"
    r"віддалено|віддалена робота|дистанційно|дистанційна робота|praca zdalna|zdalnie)"
    r"(?:\s+(?:total|totale|complet|completo|integral|100\s?%))?$",
    re.IGNORECASE,
)
OTHER_MODES = re.compile(
    r"^(?:hybrid|h[íi]brido|hybride|гибрид|onsite|on-site|on site|in[- ]office|office|"
    r"presencial|presencialmente|офис|в офисе|relocation|relocate|visa sponsorship|"
    r"full[- ]time|part[- ]time|contract|contractor|freelance|permanent|temporary|internship|"
    r"tempo integral|tiempo completo|полная занятость|полный рабочий день|fuldtid|vollzeit|"
    r"teilzeit|temps plein|cdi|cdd|vor ort|stacjonarnie|w biurze|praca stacjonarna|"
    r"(?:vaga )?efetiv[oa]|clt|pj|b2b|uop|feste anstellung|festanstellung|unbefristet|"
    r"正社員|契約社員|jornada completa|contrato indefinido|indefinido|ibrido|ibrida|in sede|"
    r"tempo indeterminato|офіс|гібрид|повна зайнятість)$",
    re.IGNORECASE,
)
SCOPES = {
    "worldwide": "Worldwide", "global": "Worldwide", "globally": "Worldwide",
    "anywhere": "Worldwide", "anywhere in the world": "Worldwide", "весь мир": "Worldwide",
    "mundial": "Worldwide", "en todo el mundo": "Worldwide", "todo el mundo": "Worldwide",
    "eu": "EU", "european union": "EU", "europe": "Europe", "emea": "EMEA", "apac": "APAC",
    "us": "US", "usa": "US", "u.s.": "US", "united states": "US", "us only": "US",
    "us-only": "US", "north america": "North America", "americas": "Americas",
    "latam": "LATAM", "latin america": "LATAM", "latinoamerica": "LATAM",
    "america latina": "LATAM", "uk": "UK", "canada": "Canada", "cet": "CET", "est": "EST",
    "europa": "Europe", "l'europe": "Europe", "европа": "Europe",
    "latam only": "LATAM", "eu only": "EU", "uk only": "UK", "europe only": "Europe",
    "снг": "CIS", "cis": "CIS",
}
SEPARATORS = re.compile(
    r"\s*(?:/|\||·|•|;|\s[-–—]\s|\s(?:or|ou|o|и|или|and|y|e|oder|und)\s|&)\s*", re.IGNORECASE
)
PARENTHESES = re.compile(r"\(([^()]*)\)")
# "Presencial y remoto", "office and remote": both at once is hybrid, not a remote job
# (while "Berlin or Remote" offers remote work).
_ONSITE = r"(?:presencial|on-?site|in[- ]office|office|офис|в офисе|vor ort|stacjonarn\w*|biuro)"
_REMOTE = r"(?:remot[eo]|remota|удал[её]нн?\w*|zdaln\w*|home ?office|t[ée]l[ée]travail)"
BOTH_MODES = re.compile(
    rf"(?<!\w)(?:{_ONSITE}\s+(?:and|y|e|und|и|et|i|\+|&)\s+{_REMOTE}|"
    rf"{_REMOTE}\s+(?:and|y|e|und|и|et|i|\+|&)\s+{_ONSITE})(?!\w)",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:job\s+)?(?:locations?|location\(s\)|based in|office|offices|where|city|cities|"
    r"ubicaci[oó]n|ubicaciones|localiza[cç][aã]o|local|lugar|ciudad|cidade|sede|"
    r"местоположение|локация|город|расположение|место работы|standort|arbeitsort|lieu|"
    r"localisation|onsite|on-site|hybrid|in[- ]office|h[íi]brido|arbejdssted|"
    r"местоположение и тип занятости|lokalizacja|miejsce pracy|勤務地|勤務場所|"
    r"locatie|standplaats|sijainti|sted|plats|sede de trabajo|lieu de travail)\s*[:：]\s*",
    re.IGNORECASE,
)


@cache
def place_kinds() -> dict[str, str]:
    text = resources.files("tui.data").joinpath("places.tsv").read_text("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def place_kind(name: str) -> str:
    """'major', 'city', 'country', 'region', 'code' or '' for a place name."""
    return place_kinds().get(fold(name.strip(" .")), "")


@dataclass(slots=True)
class PlaceLine:
    places: list[str] = field(default_factory=list)
    remote: bool = False
    scope: str = ""
    modes: int = 0  # how many work-mode words (remote, hybrid, onsite…) were seen
    unknown: list[str] = field(default_factory=list)  # parts that are neither

    @property
    def is_location(self) -> bool:
        return not self.unknown and (bool(self.places) or self.remote or self.modes > 0)


POSTAL_CODE = re.compile(r"(?<!\w)(?:\d{5}(?:-\d{4})?|\d{2}-\d{3}|\d{4})(?!\w)")
DIGIT = re.compile(r"\d")
ABBREVIATION = re.compile(r"(?:^|\W)(?:\w\.)+\w$")  # "D.C", "U.S": keep their last dot


def _trim(part: str, chars: str = " .:`*_-–") -> str:
    """A part without decoration, a postal code ("OH 43215", "10115 Berlin") or a final
    full stop, unless that stop ends an abbreviation ("Bogotá, D.C.")."""
    stripped = part
    if DIGIT.search(part) and not part.isdigit():
        stripped = " ".join(POSTAL_CODE.sub(" ", part).split())
    trimmed = stripped.strip(chars)
    if trimmed != stripped and stripped.rstrip(" ").endswith(".") and ABBREVIATION.search(trimmed):
        trimmed += "."
    return trimmed


def _display(name: str) -> str:
    name = " ".join(_trim(name, " .,:;`*_").split())
    return name.title() if name.islower() else name


def read_place_line(text: str) -> PlaceLine:
    """Split ``text`` into places and work-mode words; parts that are neither go in
    ``unknown`` (the caller decides whether to trust the line anyway)."""
    result = PlaceLine()
    text = PICTOGRAPHS.sub(" ", text).replace("`", " ").strip()
    both = BOTH_MODES.search(text)
    if both:
        text = f"{text[:both.start()]} hybrid {text[both.end():]}".strip()
    inners = PARENTHESES.findall(text)
    text = PARENTHESES.sub(" ", text)
    for chunk in SEPARATORS.split(text):
        parts = [part for part in (_trim(p) for p in chunk.split(",")) if part]
        index = 0
        while index < len(parts):
            part = parts[index]
            following = parts[index + 1] if index + 1 < len(parts) else ""
            if following and _is_pair(part, following):
                end = index + 2
                while end < len(parts) and (_region_like(parts[end]) or (
                        end + 1 < len(parts) and not place_kind(parts[end])
                        and _region_like(parts[end + 1]))):
                    end += 1
                result.places.append(_display(", ".join(parts[index:end])))
                index = end
                continue
            _read_part(part, result)
            index += 1
    for inner in inners:
        _read_parenthesis(inner, result)
    result.places = list(dict.fromkeys(result.places))
    return result


def _region_like(part: str) -> bool:
    kind = place_kind(part)
    return kind in {"code", "region", "country"} or bool(re.fullmatch(r"[A-Z]{2}", part))


def _is_pair(city: str, region: str) -> bool:
    if REMOTE_WORDS.match(region) or OTHER_MODES.match(region) or (
            fold(region) in SCOPES and not _region_like(region)):
        return False
    known_city = place_kind(city) in {"city", "major"}
    region_like = _region_like(region) or (known_city and not place_kind(region)
                                           and len(region.split()) <= 3 and region[:1].isupper())
    if REMOTE_WORDS.match(city) or OTHER_MODES.match(city) or fold(city) in SCOPES:
        return False
    return place_kind(city) in {"city", "major", ""} and region_like and bool(
        re.match(r"^[^\W\d_][\w .'’-]*$", city))


DEPARTMENTS = re.compile(
    r"^(?:engineering|product|design|data|sales|marketing|operations|finance|research|"
    r"infrastructure|platform|it|security|support|people|legal)$",
    re.IGNORECASE,
)


def _read_part(part: str, result: PlaceLine) -> None:
    key = fold(part)
    if DEPARTMENTS.match(part):
        return  # "Berlin · Hybrid · Full time · Engineering": the team, not a place
    if REMOTE_WORDS.match(part):
        result.remote = True
        result.modes += 1
    elif OTHER_MODES.match(part):
        result.modes += 1
    elif key.startswith("remote ") and fold(part[7:]) in SCOPES:
        result.remote = True
        result.modes += 1
        result.scope = result.scope or SCOPES[fold(part[7:])]
    elif key in SCOPES and place_kind(part) not in {"major", "city"}:
        if result.remote or result.modes:
            result.scope = result.scope or SCOPES[key]
        else:
            result.places.append(_display(part))
    elif place_kind(part) in {"major", "city", "country", "region"}:
        result.places.append(_display(part))
    else:
        result.unknown.append(part)


def _read_parenthesis(inner: str, result: PlaceLine) -> None:
    for part in (p.strip() for p in re.split(r"[,/;|]|\bor\b", inner)):
        if not part:
            continue
        key = fold(part)
        if REMOTE_WORDS.match(part):
            result.remote = True
            result.modes += 1
        elif OTHER_MODES.match(part):
            result.modes += 1
        elif key in SCOPES:
            result.scope = result.scope or SCOPES[key]
        elif place_kind(part) and place_kind(part) != "code":
            if result.remote:  # "Remote (Germany)"; "Berlin (Germany)" says nothing new
                result.scope = result.scope or _display(part)
        elif key.startswith("remote ") and fold(part[7:]) in SCOPES:
            result.remote = True
            result.scope = result.scope or SCOPES[fold(part[7:])]


def strip_label(line: str) -> tuple[str, bool]:
    """The line without a ``Location:`` style label, and whether it had one."""
    match = LABEL.match(line)
    return (line[match.end():], True) if match else (line, False)
