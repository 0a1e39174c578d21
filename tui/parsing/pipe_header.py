"""The Hacker News "who is hiring" first line: ``Company | Role | Place | REMOTE | $150k | URL``.

Posters put the fields in any order, so each field is classified on its own: a link, a
salary, an employment word ("Full-time", "VISA"), a place or work mode, a role; the
first field left over is the company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.parsing.header_words import is_employment_word, is_not_name
from tui.parsing.markdown_text import BARE_URL, links, plain_line
from tui.parsing.sanitize import safe_url
from tui.parsing.stack import vocabulary
from tui.parsing.title_text import is_place_text

PIPE = re.compile(r"\s+[|｜]\s+|\s*[|｜]\s*(?=\S)")
DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
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


def read_pipe_header(line: str, role_words: re.Pattern[str]) -> PipeHeader | None:
    """The fields of a pipe-separated header line, or None when ``line`` is not one."""
    text = plain_line(line)
    fields = [part.strip() for part in PIPE.split(text) if part.strip()]
    if len(fields) < 3:
        return None
    header = PipeHeader()
    for _, target in links(line):
        header.url = header.url or safe_url(target)
    leftover: list[str] = []
    for part in fields:
        url = BARE_URL.search(part)
        if url:
            header.url = header.url or safe_url(url.group())
            part = (part[:url.start()] + part[url.end():]).strip(" -–(),")
            if not part:
                continue
        if DOMAIN.match(part):
            if not leftover and not header.company:
                header.company = part  # "acme.io | Engineer | …": the domain names it
            continue
        if PAY.search(part) and not role_words.search(part):
            continue
        if is_employment_word(part):
            continue
        if is_place_text(part):
            header.place_texts.append(part)
            continue
        if not leftover and not header.company:  # "We're hiring! Acme": the name after
            part = SENTENCE_END.split(part)[-1]
        if not header.role and role_words.search(part) and len(part) <= 120:
            header.role = part
            continue
        leftover.append(part)
    if not header.company and leftover and not is_not_name(leftover[0]) and len(
            leftover[0]) <= 60 and not role_words.search(leftover[0]):
        header.company = leftover[0]
        leftover = leftover[1:]
    if not header.role and leftover and 3 <= len(leftover[0]) <= 80:
        header.role = leftover.pop(0)  # "Acme | Faculty in AI | Beijing": the second field
    # What is left may still be a place the resolver knows ("Bay Area", "CET ± 3"), but
    # not a technology list ("Electron.js + React.js").
    header.place_texts.extend(part for part in leftover if len(part) <= 60 and not _names_tech(
        part))
    if not (header.role or header.company):
        return None
    return header
