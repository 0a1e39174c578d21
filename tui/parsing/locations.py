"""Where a posting's job is: places, whether it is remote, and the remote scope.

Places come only from location slots: front-matter fields (key table in
``tui/data/place_words.json``), ``Location:``-style lines in many languages,
header lines that read as a list of places and work modes, and the place texts
the header reader found (HN header fields, title tags), and the places named right
after a job-location cue phrase in a sentence about the job ("based in", "remote within",
"hiring in", "basé à", "escritório em", "офис в"; ``location_cues``). Every place is
resolved to its canonical name; text that names no place is dropped. A slot
that says "Remote" (or "Worldwide") puts "Remote" among the places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from tui.parsing.alternation import first_letters
from tui.parsing.fields import HEADER_LINES, header_lines
from tui.parsing.front_matter import flag
from tui.parsing.markdown_text import PICTOGRAPHS, plain_line
from tui.parsing.places import (
    BOTH_MODES,
    REMOTE,
    WORLDWIDE,
    PlaceLine,
    canonical_scope,
    is_remote_word,
    may_be_place_line,
    place_kind,
    read_place_line,
    strip_label,
    words,
)
from tui.parsing.prefix_scan import PrefixScan

MAX_LINE = 300
LOCATION_CUES = re.compile(r"[`]|" + PICTOGRAPHS.pattern)
REMOTE_TAG = re.compile(r"#LI-Remote\b|\[(?:remote|remoto|remota|t[ée]l[ée]travail)\]",
                        re.IGNORECASE)
ONSITE_TAG = re.compile(r"#LI-(?:Onsite|Hybrid)\b", re.IGNORECASE)
# (found by its four openings in the folded text, which the cue and phrase scans and the
# salary and trap stages fold too: 26 µs a posting against a few)
REMOTE_TAG_STARTS = PrefixScan(REMOTE_TAG)
# A board chip or pin: "`🌎 Berlin, Germany`", "📍London / UK Remote | 💰 …"
CHIP = re.compile(rf"(?:{'|'.join(words()['location_marks'])})\ufe0f?\s*([^`|*\n<>]+)")
# The marks are emoji: an ASCII line holds no chip (most lines)
CHIP_IN_ASCII = any(mark.isascii() for mark in words()["location_marks"])
TITLE_TAGS = re.compile(r"^\s*(?:#+\s*)?((?:\[[^\]]{1,60}\]\s*)+)")
TITLE_TAIL = re.compile(r"\s[-–—|]\s")
SENTENCE_END = re.compile(r"(?<=[a-z)\]])[.!?]\s+(?=[A-Z])")
CHIP_LINES = 12  # chips sit in a posting's first lines


def _any(name: str, whole: bool = False) -> re.Pattern[str]:
    body = "|".join(words()[name])
    return re.compile(rf"^(?:{body})$" if whole else rf"(?:{body})", re.IGNORECASE)


REMOTE_PHRASES = re.compile(rf"(?<!\w){first_letters(words()['remote_phrases'])}"
                            rf"(?:{'|'.join(words()['remote_phrases'])})", re.IGNORECASE)
# Looked for only where a phrase can start (2.7x cheaper than the scan; it also rules out
# the postings that hold none of the phrases' first letters)
REMOTE_PHRASE_STARTS = PrefixScan(REMOTE_PHRASES)
NEGATION = re.compile(rf"(?<!\w)(?:{'|'.join(words()['negations'])})(?!\w)|n't\b",
                      re.IGNORECASE)
REMOTE_LABEL = re.compile(rf"^(?:{'|'.join(words()['remote_labels'])})\s*[:：]\s*(.+)$",
                          re.IGNORECASE)
OFFICE_ONLY = _any("office_only_values", whole=True)
OTHER_MODE_VALUE = _any("other_mode_values")
REMOTE_VALUE = _any("remote_values")
# "This role is remote within the US", "Le poste est basé à Toulouse": a cue phrase that
# opens a location slot for the places named right after it, in a sentence about the job.
# (the letter lookahead skips most positions before trying every cue: scan 22% faster;
# the lookahead of the letters a cue starts with skips most word starts: 20% faster again)
CUE = re.compile(rf"(?<!\w){first_letters(words()['location_cues'])}(?=[^\W\d_])"
                 rf"(?:{'|'.join(words()['location_cues'])})(?!\w)\s*", re.IGNORECASE)
# "This role is based in", "you will be based in": the job; "Acme is based in": the company
# (checked on the words before the cue: as part of CUE it made the scan 40% slower)
BASED_SUBJECT = re.compile(rf"(?<!\w)(?:{'|'.join(words()['based_subjects'])})\s+$",
                           re.IGNORECASE)
# (tried only where a cue can start: the scan of a posting 0.39 → 0.19 ms)
CUE_STARTS = PrefixScan(CUE)
# "remote within the US" offers remote work; "anywhere in California" need not
REMOTE_CUE = re.compile(r"remot|virtual|удал", re.IGNORECASE)
# A sentence about the company's seat, history or customers is not a job location.
BACKGROUND = re.compile(r"(?<!\w)(?:headquarter\w*|HQ|founded|company|clients?|customers?|"
                        r"users?|maintains?|employees|colaboradores|funcion[áa]rios|"
                        r"mitarbeiter\w*|sitz|siège|sede|fundad[ao]|основан\w*)(?!\w)",
                        re.IGNORECASE)
CUE_TAIL = re.compile(r"[.!?;:\n]\s|[.!?;:\n]$|\s[-–—|]\s|\n")
CUE_FILLER = re.compile(r"^(?:the|downtown|central|(?:one|any) of|our|either|(?:almost\s+)?"
                        r"anywhere\s+in|(?:самом\s+)?центре|г\.|городе|во?\s|\(|[«\"“])\s*",
                        re.IGNORECASE)
CUE_PIECES = re.compile(r"\s*(?:,|/|&|\s(?:or|and|ou|e|y|et|und|oder|и|или)\s)\s*", re.IGNORECASE)
SENTENCE_START = re.compile(r"[.!?\n]\s")


@dataclass(slots=True)
class Where:
    places: list[str] = field(default_factory=list)
    remote: bool = False
    scope: str = ""
    areas: list[str] = field(default_factory=list)  # regions, countries, continents of places


NOT_KEY = re.compile(r"[\W_]+")


def _key(name: object) -> str:
    return NOT_KEY.sub("", str(name).casefold())


@cache
def _keys(name: str) -> frozenset[str]:
    return frozenset(_key(k) for k in words()[name])


def _texts(value: object) -> list[str]:
    """Strings inside a front-matter value: a string, a list, a mapping, nested."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        parts = [t for v in value.values() for t in _texts(v)]
        return [", ".join(parts)] if parts else []
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    return []


def _trusted(text: str) -> PlaceLine:
    """A line the posting says is a location: parts that name no place are dropped."""
    line = read_place_line(text, trusted=True)
    line.unknown = []
    return line


def _plausible(raw: str, line: PlaceLine) -> bool:
    """Is this unlabeled header line really a location line?"""
    if not line.is_location:
        return False
    if line.remote or line.modes or len(line.places) >= 2 or LOCATION_CUES.search(raw):
        return True
    return any(place_kind(p) in {"major", "country"} for p in line.places)


def _from_meta(meta: dict[str, object]) -> tuple[list[PlaceLine], bool | None, str]:
    """Slots of the front matter; whether it states remote (None: it does not); its scope."""
    found: list[PlaceLine] = []
    stated: bool | None = None
    scope = ""
    location_keys, remote_keys, scope_keys = (
        _keys("location_keys"), _keys("remote_keys"), _keys("scope_keys"))
    for key, value in meta.items():
        name = _key(key)
        if name in location_keys:
            found += [_trusted(text) for text in _texts(value)]
        elif name in remote_keys:
            as_flag = flag(value) if not isinstance(value, str) or len(value) < 8 else None
            if as_flag is not None:
                stated = as_flag if stated is None else stated or as_flag
            else:
                for text in _texts(value):
                    line = _remote_line(text)
                    found.append(line)
                    stated = line.remote if stated is None else stated or line.remote
        elif name in scope_keys:
            scope = scope or next((canonical_scope(t) for t in _texts(value)
                                   if canonical_scope(t)), "")
    return found, stated, scope


def find_locations(
    lines: list[str], meta: dict[str, object], skip: set[int], extra: list[str]
) -> Where:
    found, stated, meta_scope = _from_meta(meta)
    found += [_trusted(text) for text in extra]
    found += _title_slots([meta.get("title"), next((line for line in lines if line.strip()), "")])
    for raw in lines[:CHIP_LINES]:
        if CHIP_IN_ASCII or not raw.isascii():
            found += [_trusted(chip) for chip in CHIP.findall(raw)]
    whole = "\n".join(lines)
    tagged = next(REMOTE_TAG_STARTS.finditer(whole), None) is not None
    if tagged:  # "#LI-Remote": the board's own location field
        found.append(PlaceLine(remote=True, modes=1))
    order = [number for number, _ in header_lines(lines, HEADER_LINES)]
    header = set(order)
    modes_at: set[int] = set()  # header lines (by position) that state a work mode
    lone_cities: dict[int, PlaceLine] = {}  # header lines (by position) naming one city only
    label_waiting = False
    for number, raw in enumerate(lines):
        if number in skip or len(raw) > MAX_LINE or not raw or raw.isspace():
            continue  # (a blank line reads as no text: a third of the lines)
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
        if len(text) < 40:
            label_only = strip_label(text.rstrip(":： ") + ":")
            if label_only[1] and not label_only[0].strip():
                label_waiting = True
                continue
        # Both label patterns need a colon; most lines have none.
        colon = ":" in text or "：" in text
        rest, labelled = strip_label(text) if colon else (text, False)
        remote_label = REMOTE_LABEL.match(text) if colon else None
        if remote_label:
            found.append(_remote_line(remote_label.group(1)))
        elif labelled:
            found.append(_trusted(rest))
        elif number in header:
            bare = PICTOGRAPHS.sub(" ", raw) if not raw.isascii() else raw  # (emoji only)
            bare = bare.replace("#", " ")
            if not may_be_place_line(bare):
                continue  # (prose or a heading: 96% of these lines)
            candidate = read_place_line(bare)
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
    if not any(line.places for line in found):
        # Sentences are read only when no slot named a place: they cost about 0.8 ms a
        # posting (one scan of the whole text), and a stated slot already says where.
        found += _cue_slots(whole)
    return _combine(found, stated, meta_scope, whole, tagged)


def _cue_slots(text: str) -> list[PlaceLine]:
    """Places named right after a job-location cue phrase ("based in Denver or remote",
    "hiring in Poland and Cyprus"). Only the run of pieces that each name a place counts:
    the first piece that is not one ends the slot, so prose never becomes a place."""
    found: list[PlaceLine] = []
    for match in CUE_STARTS.finditer(text):
        start = max(0, text.rfind("\n", 0, match.start()))
        sentence = SENTENCE_START.split(text[start:match.start()])[-1]
        if BACKGROUND.search(sentence):
            continue
        if match.group(0).lower().startswith("based") and not BASED_SUBJECT.search(sentence):
            continue
        if REMOTE_CUE.search(match.group(0)) and NEGATION.search(sentence[-60:]):
            continue  # "not eligible for remote work in Ohio" names no job location
        rest = text[match.end():match.end() + 120]
        end = CUE_TAIL.search(rest)
        rest = rest[:end.start()] if end else rest
        rest = re.sub(r"[*_`]", "", rest)
        pieces: list[str] = []
        remote = bool(REMOTE_CUE.search(match.group(0)))
        first = CUE_PIECES.split(rest.strip())[0]
        first = re.sub(r"^(?:almost|from|just)\s+", "", first, flags=re.IGNORECASE)
        if remote and is_remote_word(first.rstrip(" !)")):  # "remote work from anywhere"
            found.append(PlaceLine(remote=True, modes=1, scope=WORLDWIDE))
            continue
        for piece in CUE_PIECES.split(rest):
            piece = CUE_FILLER.sub("", CUE_FILLER.sub("", piece.strip()))
            if pieces and is_remote_word(piece):  # "based in Denver or remote"
                remote = True
                continue
            name = _leading_place(piece, after_city=bool(pieces))
            if not name:
                break
            pieces.append(name)
        if not pieces:
            continue
        line = _trusted(", ".join(pieces))
        if not line.places:
            continue
        if remote:
            line.remote = True
            line.modes += 1
            line.scope = line.scope or line.places[0]
        found.append(line)
    return found


def _leading_place(piece: str, after_city: bool) -> str:
    """The longest run of words opening ``piece`` that names a place ("Denver office" →
    "Denver"); a region code after a place ("CA" in "Austin, CA")."""
    tokens = piece.split()
    if not tokens or not (tokens[0][:1].isupper() or tokens[0][:1] == "("):
        return ""
    for size in range(min(len(tokens), 4), 0, -1):
        run = " ".join(tokens[:size]).strip(" .,()")
        if not run or not run[:1].isupper():
            continue
        if size == 1 and after_city and 2 <= len(run) <= 3 and run.isupper() and run.isalpha():
            return run
        kind = place_kind(run)
        if kind in {"major", "city"} and size < len(tokens) and tokens[size][:1].isupper():
            continue  # "an office in Jackson Square": a longer name that is no town
        if kind in {"major", "city", "country", "region"}:
            return run
        if size == 1 and CYRILLIC.search(run):
            for name in _nominatives(run):  # "офис в центре Минска" → Минск
                if place_kind(name) in {"major", "city", "country", "region"}:
                    return name
    return ""


CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Russian case endings → the nominative's ending (Минска → Минск, Москве → Москва,
# Казани → Казань, Польше → Польша, Кипре → Кипр)
RUSSIAN_CASES = (("ой", "ая"), ("е", "а"), ("е", ""), ("и", "ь"), ("и", "я"), ("а", ""),
                 ("у", ""), ("у", "а"), ("ы", "а"), ("ом", ""), ("ю", "ь"),
                 ("ю", "я"))


def _nominatives(word: str) -> list[str]:
    return [word[:-len(ending)] + nominative for ending, nominative in RUSSIAN_CASES
            if word.endswith(ending) and len(word) > len(ending) + 2]


def _title_slots(titles: list[object]) -> list[PlaceLine]:
    """"[Porto ou Remoto] Golang Developer", "Desenvolvedor - Home Office - Canadá": tags and
    tail segments of a title that read wholly as places or work modes."""
    found: list[PlaceLine] = []
    for title in titles:
        if not isinstance(title, str) or not title.strip():
            continue
        text = plain_line(title)
        tags = TITLE_TAGS.match(title.strip()) or TITLE_TAGS.match(text)
        pieces = re.findall(r"\[([^\]]*)\]", tags.group(1)) if tags else []
        pieces += TITLE_TAIL.split(text[tags.end():] if tags and TITLE_TAGS.match(text) else text
                                   )[1:]
        for piece in pieces:
            # "Acme is hiring engineers - REMOTE (US). We build…": a first line that runs on
            piece = SENTENCE_END.split(piece, maxsplit=1)[0]
            line = read_place_line(piece) if may_be_place_line(piece) else None
            if line is not None and line.is_location:
                found.append(line)
    return found


def _combine(found: list[PlaceLine], stated: bool | None, meta_scope: str, text: str,
             tagged: bool) -> Where:
    where = Where()
    ranked = sorted(found, key=lambda line: -len(line.places))  # the fullest list sets the order
    for line in ranked:
        for place in line.places:
            if place not in where.places:
                where.places.append(place)
        for area in line.areas:
            if area not in where.areas:
                where.areas.append(area)
    slot_remote = any(line.remote for line in found)
    where.remote = slot_remote or bool(stated)
    for line in found:
        if line.remote and line.scope and not where.scope:
            where.scope = line.scope
    where.scope = where.scope or meta_scope
    if not where.remote and stated is not False:  # "remote: no" is not second-guessed
        where.remote = _says_remote(text, tagged)
    if slot_remote or stated:
        where.places.append(REMOTE)
    if where.scope and not where.remote:
        where.scope = ""
    if where.remote and not where.scope and where.places == [REMOTE]:
        where.scope = ""
    if where.scope == WORLDWIDE:
        where.areas = [a for a in where.areas if a]
    return where


def table_row_as_label(raw: str) -> str:
    """``| Location | Denver, CO |`` read as ``Location: Denver, CO``."""
    if not raw.lstrip().startswith("|"):
        return ""  # most lines: no table row, nothing to split
    cells = [cell.strip() for cell in raw.strip().strip("|").split("|")]
    if len(cells) == 2 and all(cells):
        return f"{plain_line(cells[0])}: {plain_line(cells[1])}"
    return ""


def _negated(text: str, start: int, end: int) -> bool:
    """Is the phrase at ``start:end`` denied ("we don't hire fully remote")?"""
    before = re.split(r"[.!?;\n]", text[max(0, start - 60):start])[-1]
    after = re.split(r"[.!?;,\n]|\s(?:and|but|y|e|et|und|и)\s", text[end:end + 40])[0]
    return bool(NEGATION.search(before) or NEGATION.search(after))


STRUCK = re.compile(r"<del>.*?</del>|<s>.*?</s>|~~[^~\n]+~~", re.IGNORECASE | re.DOTALL)


def _says_remote(text: str, tagged: bool) -> bool:
    """Does the posting's text say the job is remote? ``tagged``: it holds a REMOTE_TAG."""
    if "~~" in text or "<" in text:
        text = STRUCK.sub(" ", text)  # a struck-out perk is one no longer offered
        tagged = REMOTE_TAG.search(text) is not None
    if ONSITE_TAG.search(text) and not tagged:
        return False
    if tagged:
        return True
    return any(not _negated(text, m.start(), m.end())
               for m in REMOTE_PHRASE_STARTS.finditer(text))


def _remote_line(value: str) -> PlaceLine:
    """``Remote: yes (EU only)``, ``Télétravail : 100 % possible depuis l'Europe``."""
    line = read_place_line(value, trusted=True)
    line.unknown = []
    text = value.strip()
    if NEGATION.search(text) or OFFICE_ONLY.match(text) or BOTH_MODES.search(text):
        return PlaceLine(places=line.places, areas=line.areas, modes=1)
    if OTHER_MODE_VALUE.search(text) and not REMOTE_VALUE.search(text):
        return PlaceLine(places=line.places, areas=line.areas, modes=1)
    if not (line.remote or REMOTE_VALUE.search(text) or line.places):
        return PlaceLine(modes=1)
    scope = line.scope or (line.places[0] if line.places else "")
    return PlaceLine(places=line.places, areas=line.areas, remote=True, scope=scope, modes=1)
