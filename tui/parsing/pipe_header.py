"""The Hacker News "who is hiring" first line: ``Company | Role | Place | REMOTE | $150k | URL``.

Posters put the fields in any order, so each field is classified on its own: a link, a
salary, an employment word ("Full-time", "VISA"), a place or work mode, a role; the
first field left over is the company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.parsing.alternation import Alternation
from tui.parsing.header_words import (
    is_employment_word,
    is_not_name,
    is_remote_word,
    label_words,
)
from tui.parsing.markdown_text import BARE_URL, links, plain_line
from tui.parsing.places import may_be_place_line, place_kind, read_place_line
from tui.parsing.stack import vocabulary
from tui.parsing.title_text import is_place_text
from tui.sanitize import safe_url

PIPE = re.compile(r"\s+[|｜]\s+|\s*[|｜]\s*(?=\S)")
DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
TRAILING_PARENS = re.compile(r"\s*\([^()]*\)\s*$")
COMPANY_LABEL = Alternation(label_words("company"), r"\s*[:：]\s*")  # tried by first letter
ROLE_SEGMENT = re.compile(r"\s+[-–—]+\s+|,\s*|\s*\(|\s*/\s*")
EMPTY_PARENS = re.compile(r"\(\s*\)")
DESCRIPTION = re.compile(r"\s+[-–—]\s+(?=[a-z]).*$")
SENTENCE_END = re.compile(r"(?<=[!?.:])\s+")
PAY = re.compile(r"[$€£¥₹]\s?\d|\d\s?[kK]\b|\d{2,3},\d{3}|\b(?:usd|eur|gbp|salary|equity)\b",
                 re.IGNORECASE)


@dataclass(slots=True)
class PipeHeader:
    company: str = ""
    role: str = ""
    url: str = ""
    place_texts: list[str] = field(default_factory=list)


def _names_tech(text: str) -> bool:
    vocab = vocabulary()
    return any(word.lower() in vocab.aliases or word in vocab.exact
               for word in re.split(r"[\s,+/&]+", text) if word)


def read_pipe_header(line: str, role_words: re.Pattern[str],
                     first_line: bool = False) -> PipeHeader | None:
    """The fields of a pipe-separated header line, or None when ``line`` is not one. Two
    fields are enough on the posting's first line ("Acme | Remote (US)")."""
    if "|" not in line and "｜" not in line:
        return None  # most lines: decided without reading them
    text = plain_line(line)
    fields = [part.strip() for part in PIPE.split(text) if part.strip()]
    if len(fields) < (2 if first_line else 3) or len(text) > 400:
        return None
    header = PipeHeader()
    for _, target in links(line):
        header.url = header.url or safe_url(target)
    leftover: list[str] = []
    anonymous = False
    for position, part in enumerate(fields):
        url = BARE_URL.search(part)
        if url:
            header.url = header.url or safe_url(url.group())
            part = EMPTY_PARENS.sub("", part[:url.start()] + part[url.end():]).strip(" -–(),")
            if not part:
                continue
        if position == 0:  # "We're hiring! Acme": the name after the exclamation
            part = SENTENCE_END.split(part)[-1]
            if is_not_name(part):
                anonymous = True  # "Stealth | …": a header that withholds the name
                continue
            part = DESCRIPTION.sub("", part)  # "Acme - building robots for farms"
            if part.count("(") > part.count(")"):
                part = part[:part.rfind("(")].strip()
        labelled = COMPANY_LABEL.match(part)  # "Role | Company: Acme | Place"
        if labelled and not header.company:
            header.company = part[labelled.end():].strip()
            continue
        if DOMAIN.match(part):
            if not leftover and not header.company:
                header.company = part  # "acme.io | Engineer | …": the domain names it
            continue
        if PAY.search(part) and not role_words.search(part):
            continue
        if is_employment_word(part):
            continue
        if position == 0 and not _is_role(part, role_words) and not _is_work_place(part):
            leftover.append(part)  # the first field is the company, as posters write it
            continue
        if is_place_text(part):
            header.place_texts.append(part)
            continue
        if not header.role and role_words.search(part) and len(part) <= 120:
            header.role = part
            continue
        leftover.append(part)
    if not header.company and leftover and not is_not_name(leftover[0]) and len(
            leftover[0]) <= 60 and not _is_role(leftover[0], role_words):
        header.company = leftover[0]
        leftover = leftover[1:]
    if not header.role and leftover and 3 <= len(leftover[0]) <= 80 and not is_not_name(
            leftover[0]):
        header.role = leftover.pop(0)  # "Acme | Faculty in AI | Beijing": the second field
    # What is left stands in a slot of the header: it may be a place the resolver knows
    # ("Bay Area", "Remote + 2 days a month in Paris"), but not a technology list.
    header.place_texts.extend(part for part in leftover if len(part) <= 60 and not _names_tech(
        part))
    if not (header.role or header.company or anonymous) or (len(fields) == 2 and not (
            header.url or header.place_texts or header.role)):
        return None
    return header


def _is_work_place(text: str) -> bool:
    """A first field that is surely a place or work mode ("Remote (EU)", "Berlin"), not a
    company that shares its name with a small town."""
    if is_remote_word(text):
        return True
    if not may_be_place_line(text):
        return False  # surely no location line, told without reading it (~3 us against 20-50)
    line = read_place_line(text)
    return line.is_location and not line.unknown and (line.remote or line.modes > 0 or all(
        place_kind(place) in {"major", "country"} for place in line.places))


def _is_role(text: str, role_words: re.Pattern[str]) -> bool:
    """A role phrase ends with its role word ("Senior Engineer", "Head of Data"), so
    "Architect Financial Technologies" is a name."""
    if " of " in text and role_words.search(text):
        return True
    for segment in ROLE_SEGMENT.split(TRAILING_PARENS.sub("", text)):  # "Engineer -- Infra"
        words = segment.split()
        if words and role_words.search(words[-1]):
            return True
    return False
