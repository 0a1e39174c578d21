"""A title line as boards decorate it, taken apart: the role, the company, the place tags.

"[Porto ou Remoto] Golang Developer @ Acme - Vaga de Emprego" → title "Golang Developer",
company "Acme", place texts ["Porto ou Remoto"]. Board suffixes and section words are data
(``header_vocab.json``); what is a place is decided later by the place resolver, so every
tag that may be one goes to ``place_texts``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.parsing.header_words import (
    is_employment_word,
    is_remote_word,
    is_section_heading,
    words,
    words_key,
)
from tui.parsing.places import is_place_line, place_kind

CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A bracketed tag; brackets pair up, so "[BH (Híbrido)]" is one tag.
BRACKETED = (r"(?:\[(?P<a>[^\]]{1,60})\]|\((?P<b>[^()]{1,60})\)|（(?P<c>[^）]{1,60})）"
             r"|【(?P<d>[^】]{1,60})】)")
LEADING_TAG = re.compile(rf"^\s*{BRACKETED}\s*")
TRAILING_TAG = re.compile(rf"\s*{BRACKETED}\s*$")
# "Porto ou Remoto", "Berlin / Remote", "London or NYC": alternatives in one slot.
ALTERNATIVES = re.compile(r"\s*(?:/|,|&|\+|\b(?:ou|or|o|oder|или|lub)\b)\s*", re.IGNORECASE)
TAG_WORDS = re.compile(r"^\s*[^\W\d_][\w\s,./&'’+()-]*$")
# "Role @ Company", "Role at Company", "Desenvolvedor na Empresa": the company is capitalised.
# "@" is a marker strong enough on its own: "Dev Laravel @acme.social" names the company.
AT_COMPANY = re.compile(
    r"\s+(?:@\s*(?=\w)|(?:(?i:at|em|en|bei|chez|в)|na|no|für)\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ0-9]))")
SEPARATOR = re.compile(r"\s+(?:—|–|-|\||·|•|//?)\s+")
TRAILING_COMMA_PART = re.compile(r"\s*,\s*([^,]{2,40})$")
ORG_PREFIX = re.compile(r"^([^:]{2,40}):\s+(?=\S)")
SENIORITY_TAG = re.compile(
    r"^(?:(?:jr|pl|sr|junior|pleno|senior|s[êe]nior|mid|middle|lead|staff|intern|trainee|"
    r"estagi[aá]rio|hiring|job|jobs|new|vacancy|вакансия|urgent|urgente)[.,/\s]*)+$",
    re.IGNORECASE,
)
# Kept on a title: gender tags ("(m/w/d)"), seniority and technology notes "(Ruby / Elixir)".
GENDER_TAG = re.compile(r"^(?:[mwfdhxi*]\s*/\s*)+[mwfdhxi*]$|^all genders?$", re.IGNORECASE)


@dataclass(slots=True)
class TitleParts:
    title: str
    company: str = ""
    place_texts: list[str] = field(default_factory=list)


def _names_place(part: str) -> bool:
    """A place name, or a place code written as codes are ("(NY)", not the "(Go)" of a
    language tag in a title)."""
    kind = place_kind(part)
    return bool(kind) and (kind != "code" or part.isupper())


def is_place_text(text: str) -> bool:
    """Does ``text`` stand for a place or a work mode ("Remote", "Home Office", "Porto")?"""
    text = text.strip()
    if not text or len(text) > 60:
        return False
    if is_remote_word(text):
        return True
    parts = [p for p in ALTERNATIVES.split(text) if p.strip()]
    if parts and all(is_remote_word(p) or _names_place(p.strip()) for p in parts):
        return True
    return is_place_line(text)  # (a location line has no unknown part)


def split_title(text: str, role_words: re.Pattern[str]) -> TitleParts:
    """Take a decorated title apart; ``role_words`` recognises the part that is the role."""
    parts = TitleParts(text.strip())
    _strip_suffixes(parts)
    _take_tags(parts)
    _take_company(parts, role_words)
    _take_cjk_company(parts, role_words)
    _strip_suffixes(parts)
    _take_place_segments(parts, role_words)
    _take_tags(parts)
    parts.title = parts.title.strip(" :|-–—·")
    return parts


def _strip_suffixes(parts: TitleParts) -> None:
    suffixes = words("title_suffixes")
    pieces = SEPARATOR.split(parts.title, maxsplit=1)
    if len(pieces) == 2 and is_section_heading(pieces[0]):  # "Job Description - Role"
        parts.title = pieces[1]
    while True:
        pieces = SEPARATOR.split(parts.title)
        if len(pieces) < 2 or words_key(pieces[-1]) not in suffixes:
            return
        cut = parts.title.rfind(pieces[-1])
        parts.title = SEPARATOR.sub(" - ", parts.title[:cut]).rstrip(" -|·—–")


def _take_tags(parts: TitleParts) -> None:
    while match := LEADING_TAG.match(parts.title):
        if not parts.title[match.end():].strip() or not _is_tag(_inside(match)):
            return  # "[@click=…]", "[bold red]": not a board's tag; the title as written
        _file_tag(_inside(match), parts)
        parts.title = parts.title[match.end():]
    while match := TRAILING_TAG.search(parts.title):
        tag = _inside(match).strip()
        if not (is_place_text(tag) or is_employment_word(tag)) or not parts.title[
                :match.start()].strip():
            return  # "(m/w/d)", "(Ruby / Elixir)": part of the title as written
        _file_tag(tag, parts)
        parts.title = parts.title[:match.start()]


def _inside(match: re.Match[str]) -> str:
    return next(text for text in match.group("a", "b", "c", "d") if text is not None)


def _is_tag(tag: str) -> bool:
    """A board's title tag: a place, a work mode, seniority, an employment word."""
    if not TAG_WORDS.match(tag):
        return False
    tag = tag.strip()
    if SENIORITY_TAG.match(tag) or GENDER_TAG.match(tag) or is_employment_word(tag):
        return True
    if is_place_text(tag) or is_place_line(tag):
        return True
    return any(is_remote_word(word) for word in re.split(r"[^\w-]+", tag) if word)


def _file_tag(tag: str, parts: TitleParts) -> None:
    tag = tag.strip()
    if SENIORITY_TAG.match(tag) or GENDER_TAG.match(tag) or is_employment_word(tag):
        return
    parts.place_texts.append(tag)


def _take_company(parts: TitleParts, role_words: re.Pattern[str]) -> None:
    at = list(AT_COMPANY.finditer(parts.title))
    if at:
        match = at[-1]
        role, company = parts.title[:match.start()], parts.title[match.end():]
        company = SEPARATOR.split(company)[0] if not role_words.search(company) else ""
        company = TRAILING_TAG.sub("", company) if TRAILING_TAG.sub("", company) else company
        strong = match.group().strip().startswith("@")
        if (strong or role_words.search(role)) and role.strip() and company and not (
                is_place_text(company)) and len(company.split()) <= 6:
            rest = parts.title[match.end():].removeprefix(company).lstrip(" )")
            rest = "" if TRAILING_TAG.fullmatch(" " + rest.strip()) else rest
            parts.title, parts.company = role + rest, company.strip()
            return
    prefix = ORG_PREFIX.match(parts.title)
    if prefix and role_words.search(parts.title[prefix.end():]) and not role_words.search(
            prefix.group(1)):
        parts.company = prefix.group(1).strip()
        parts.title = parts.title[prefix.end():]


def _take_cjk_company(parts: TitleParts, role_words: re.Pattern[str]) -> None:
    """"字节跳动-后端工程师-北京": CJK titles join company and role with bare hyphens."""
    if parts.company or " " in parts.title.strip() or not CJK.search(parts.title):
        return
    head, dash, rest = parts.title.partition("-")
    if dash and rest and not role_words.search(head) and role_words.search(rest) and len(
            head) <= 20:
        parts.company, parts.title = head, rest


def _take_place_segments(parts: TitleParts, role_words: re.Pattern[str]) -> None:
    """"Fullstack Developer - Home Office - Canada": trailing segments that are places."""
    pieces = SEPARATOR.split(parts.title)
    if not role_words.search(pieces[0]):
        return
    while len(pieces) > 1 and (is_place_text(pieces[-1]) or is_employment_word(pieces[-1])):
        tail = pieces.pop()
        if not is_employment_word(tail):
            parts.place_texts.insert(0, tail.strip())
        parts.title = parts.title[:parts.title.rfind(tail)].rstrip(" -–—|·•/")
    comma = TRAILING_COMMA_PART.search(parts.title)  # "Data Engineer (Python), Remote"
    if comma and is_place_text(comma.group(1)) and role_words.search(parts.title[:comma.start()]):
        parts.place_texts.insert(0, comma.group(1).strip())
        parts.title = parts.title[:comma.start()]
