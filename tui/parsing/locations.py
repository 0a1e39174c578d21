"""Where a posting's job is: places, whether it is remote, and the remote scope."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.parsing.fields import HEADER_LINES, header_lines
from tui.parsing.front_matter import flag
from tui.parsing.markdown_text import PICTOGRAPHS, plain_line
from tui.parsing.places import (
    BOTH_MODES,
    SCOPES,
    PlaceLine,
    place_kind,
    read_place_line,
    strip_label,
)
from tui.text import fold

REMOTE_PHRASES = re.compile(
    r"\b(?:fully remote|100\s?% remote|remote[- ]first|remote[- ]friendly|remote position|"
    r"remote role|remote job|this role is remote|work from anywhere|fully distributed|"
    r"trabajo remoto|100\s?% remoto|trabalho remoto|totalmente remoto|remoto desde|"
    r"t[ée]l[ée]travail (?:total|complet|à 100)|віддалена робота|"
    r"удал[её]нн(?:ая|ый|о)\s+(?:работа|формат)|полностью удал[её]нн)",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|no|don't|doesn't|cannot|can't|unable|isn't|aren't|won't|never|não|nao|nem|"
    r"не|нет|sin|ni|pas|kein|keine)\b|n't\b",
    re.IGNORECASE,
)
REMOTE_LABEL = re.compile(
    r"^(?:remote|remote work|remote policy|work mode|work model|working model|"
    r"t[ée]l[ée]travail|teletrabajo|trabajo remoto|remoto|trabalho remoto|modalidad|modelo|"
    r"formato|формат работы|удал[её]нка|удал[её]нная работа|tryb pracy|praca zdalna|"
    r"arbeitsmodell|arbeitsweise|homeoffice|modalit[àa] di lavoro|werkvorm|"
    r"リモートワーク|リモート|在宅勤務|勤務形態)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
LOCATION_CUES = re.compile(r"[`]|" + PICTOGRAPHS.pattern)
MAX_LINE = 300


@dataclass(slots=True)
class Where:
    places: list[str] = field(default_factory=list)
    remote: bool = False
    scope: str = ""


def _trusted(text: str) -> PlaceLine:
    """A line the posting says is a location: unknown parts are places as written."""
    line = read_place_line(text)
    for part in line.unknown:
        if len(part.split()) <= 5 and not re.search(r"\d{3}", part):
            line.places.append(" ".join(part.split()))
    line.unknown = []
    return line


def _plausible(raw: str, line: PlaceLine) -> bool:
    """Is this unlabeled header line really a location line?"""
    if not line.is_location:
        return False
    if line.remote or line.modes or len(line.places) >= 2 or LOCATION_CUES.search(raw):
        return True
    return any(place_kind(p) in {"major", "country"} or "," in p for p in line.places)


def find_locations(
    lines: list[str], meta: dict[str, object], skip: set[int], extra: list[str]
) -> Where:
    found: list[PlaceLine] = []
    for key in ("locations", "location", "city", "cities", "office", "offices", "place"):
        value = meta.get(key)
        values = value if isinstance(value, list) else [value]
        found += [_trusted(item) for item in values if isinstance(item, str) and item.strip()]
    found += [_trusted(text) for text in extra]
    order = [number for number, _ in header_lines(lines, HEADER_LINES)]
    header = set(order)
    modes_at: set[int] = set()  # header lines (by position) that state a work mode
    lone_cities: dict[int, PlaceLine] = {}  # header lines (by position) naming one city only
    label_waiting = False
    for number, raw in enumerate(lines):
        if number in skip or len(raw) > MAX_LINE:
            continue
        if ":" not in raw and "|" not in raw and number not in header and len(raw) > 40 and (
                not label_waiting):
            continue  # prose: neither a label, nor a label's value, nor a header line
        text = table_row_as_label(raw) or plain_line(raw)
        if not text:
            continue
        if label_waiting:  # "**Location**" on one line, the places on the next
            label_waiting = False
            found.append(_trusted(text))
            continue
        if strip_label(text.rstrip(":") + ":")[1] and not strip_label(text)[0].strip() and (
                len(text) < 40):
            label_waiting = True
            continue
        rest, labelled = strip_label(text)
        remote_label = REMOTE_LABEL.match(text)
        if remote_label:
            found.append(_remote_line(remote_label.group(1)))
        elif labelled:
            found.append(_trusted(rest))
        elif number in header:
            candidate = read_place_line(PICTOGRAPHS.sub(" ", raw).replace("#", " "))
            if _plausible(raw, candidate):
                found.append(candidate)
                if candidate.modes:
                    modes_at.add(order.index(number))
            elif candidate.is_location and len(candidate.places) == 1:
                lone_cities[order.index(number)] = candidate
    # "CDI / Nantes / Télétravail total": a lesser-known city on its own line counts
    # when a neighbouring header line states a work mode.
    for position, candidate in lone_cities.items():
        if {position - 1, position + 1} & modes_at:
            found.append(candidate)

    where = Where()
    ranked = sorted(found, key=lambda line: -len(line.places))  # the fullest list sets the order
    seen: set[str] = set()
    for line in ranked:
        for place in line.places:
            if fold(place) not in seen:
                seen.add(fold(place))
                where.places.append(place)
    for line in found:
        where.remote = where.remote or line.remote
        where.scope = where.scope or (line.scope if line.remote else "")
    remote = meta.get("remote")
    stated = flag(remote) if "remote" in meta else None
    if stated is not None:
        where.remote = where.remote or stated
    elif isinstance(remote, str) and remote.strip():  # "remote: EU" states a scope
        where.remote = True
        scope = SCOPES.get(fold(remote))
        where.scope = where.scope or (scope or "")
    for key in ("remote_scope", "scope"):
        if isinstance(meta.get(key), str) and not where.scope:
            where.scope = str(meta[key]).strip()
    if not where.remote and stated is not False:  # "remote: no" is not second-guessed
        where.remote = _says_remote("\n".join(lines))
    if where.scope and not where.remote:
        where.scope = ""
    return where


def table_row_as_label(raw: str) -> str:
    """``| Location | Denver, CO |`` read as ``Location: Denver, CO``."""
    cells = [cell.strip() for cell in raw.strip().strip("|").split("|")]
    if raw.lstrip().startswith("|") and len(cells) == 2 and all(cells):
        return f"{plain_line(cells[0])}: {plain_line(cells[1])}"
    return ""


def _negated(text: str, start: int, end: int) -> bool:
    """Is the phrase at ``start:end`` denied ("we don't hire fully remote")?"""
    before = re.split(r"[.!?;\n]", text[max(0, start - 60):start])[-1]
    after = re.split(r"[.!?;\n]", text[end:end + 40])[0]
    return bool(NEGATION.search(before) or NEGATION.search(after))


def _says_remote(text: str) -> bool:
    return any(not _negated(text, m.start(), m.end()) for m in REMOTE_PHRASES.finditer(text))


def _remote_line(value: str) -> PlaceLine:
    """``Remote: yes (EU only)``, ``Télétravail : 100 % possible depuis l'Europe``."""
    line = read_place_line(value)
    folded = fold(value)
    if NEGATION.search(value) or OFFICE_ONLY.search(folded) or BOTH_MODES.search(value):
        return PlaceLine(places=line.places, modes=1)
    mode_only = OTHER_MODE_VALUE.search(folded) and not REMOTE_VALUE.search(folded)
    if mode_only:
        return PlaceLine(places=line.places, modes=1)
    scope = line.scope or next(
        (name for key, name in SCOPES.items() if re.search(rf"(?<!\w){re.escape(key)}(?!\w)",
                                                           folded)), "")
    return PlaceLine(places=line.places, remote=True, scope=scope, modes=1)


OFFICE_ONLY = re.compile(r"^(?:офис|office|onsite|on-site|presencial|bureau)$")
OTHER_MODE_VALUE = re.compile(r"hybrid|hibrid|ibrid|гибрид|гібрид|офис|офіс|office|onsite|"
                              r"on-site|presencial|vor ort|stacjonar|hybryd|ufficio|in sede|出社")
REMOTE_VALUE = re.compile(r"remot|удал|віддал|t[ée]l[ée]travail|100 ?%|possible|yes|sí|sim|да|"
                          r"anywhere|zdaln|リモート|在宅")
