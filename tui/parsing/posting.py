"""Bytes of one saved posting in, one clean :class:`~tui.model.Posting` out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tui.model import Posting
from tui.parsing.boilerplate import collapse_repeats, strip_boilerplate, tidy
from tui.parsing.decode import decode_bytes
from tui.parsing.fields import find_header, find_salary
from tui.parsing.fingerprint import fingerprint
from tui.parsing.front_matter import meta_text, split_front_matter
from tui.parsing.html_text import has_html, html_to_markdown
from tui.parsing.layout import drop_title_lines, is_plain_text, structure_plain_text
from tui.parsing.level import find_level
from tui.parsing.locations import find_locations
from tui.parsing.salary import parse_salary
from tui.parsing.stack import detect_stack
from tui.parsing.traps import find_traps
from tui.parsing.web_page import apply_job_posting, decode_page, is_web_page, read_web_page
from tui.sanitize import clean_line, clean_text, safe_url
from tui.text import fold

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
TRACKING_PARAMS = re.compile(r"^(?:utm_.*|ref|referrer|source|src|gh_src|lever-source.*|trk)$",
                             re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ParseResult:
    posting: Posting
    warnings: tuple[str, ...] = ()


def parse_posting(raw: bytes, source: str) -> ParseResult:
    """Parse one file's bytes; raises :class:`SkipFile` when it is not a loadable posting."""
    page = None
    if is_web_page(source):  # a saved web page: its JobPosting data, else its main content
        text, warnings = decode_page(raw)
        page = read_web_page(text)
        meta, body = page.meta, clean_text(page.body)
    else:
        text, warnings = decode_bytes(raw)
        text = clean_text(text)
        meta, body, problem = split_front_matter(text)
        if problem:
            warnings.append(problem)
    if page is None and has_html(body):  # HN comments, ATS copy-pastes: HTML to markdown first
        body = clean_text(html_to_markdown(body))
    lines = body.split("\n")
    header = find_header(lines, meta)
    where = find_locations(lines, meta, header.used, header.place_texts)
    tags = meta.get("tags") or meta.get("stack") or meta.get("skills") or []
    tags = tags if isinstance(tags, list) else [t for t in str(tags).split(",")]
    company = clean_line(header.company)
    company_word = fold(company).split()[0] if company else ""
    title = clean_line(header.title) or clean_line(_title_from_name(source))
    stack = detect_stack(f"{title}\n{body}", extra=[str(t) for t in tags], exclude=company_word)
    cleaned = drop_title_lines(collapse_repeats(strip_boilerplate(body)), title, company)
    if is_plain_text(cleaned):
        cleaned = structure_plain_text(cleaned)
    cleaned = tidy(cleaned)
    salary = clean_line(find_salary(lines, meta))
    pay = parse_salary(salary) if salary else None
    stated_level = clean_line(str(meta.get("seniority") or meta.get("level") or ""))
    posting = Posting(
        id="",
        title=title[:200],
        company=company[:120],
        locations=tuple(clean_line(place)[:80] for place in where.places if clean_line(place)),
        remote=where.remote,
        remote_scope=clean_line(where.scope)[:40],
        stack=tuple(stack),
        url=safe_url(header.url),
        seniority=find_level(title, stated_level, lines),
        salary=salary,
        source=source,
        content_hash=hashlib.sha256(raw).hexdigest(),
        body=clean_text(cleaned),
        areas=tuple(where.areas),
        salary_min=pay.low if pay else 0,
        salary_max=pay.high if pay else 0,
        salary_currency=pay.currency if pay else "",
        salary_period=pay.period if pay else "",
        # Read before boilerplate goes: the instruction often sits beside "Apply" lines.
        traps=tuple(clean_line(trap) for trap in find_traps(body)),
        sketch=fingerprint(cleaned),
        date_posted=_iso_date(meta_text(meta, "date")),
        valid_through=_iso_date(meta_text(meta, "valid_through")),
        employment_type=clean_line(meta_text(meta, "employment_type"))[:60],
    )
    if page is not None and page.job is not None:
        apply_job_posting(posting, page.job)
    return ParseResult(posting, tuple(warnings))


def _iso_date(text: str) -> str:
    return text[:10] if ISO_DATE.match(text) else ""


def _title_from_name(source: str) -> str:
    stem = PurePosixPath(source).stem
    return " ".join(re.sub(r"^\d+[_-]", "", stem).replace("_", " ").replace("-", " ").split())


def canonical_url(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMS.match(k)])
    return urlunsplit(("https", host, parts.path.rstrip("/"), query, ""))


def identity_key(posting: Posting) -> str:
    """What makes two files the same posting: its canonical URL, else title and company,
    else its path. Ids derive from this, so they survive edits, renames and rebuilds."""
    if posting.url:
        return "url:" + canonical_url(posting.url)
    if posting.company:
        return f"job:{fold(posting.title)}|{fold(posting.company)}"
    return "path:" + posting.source
