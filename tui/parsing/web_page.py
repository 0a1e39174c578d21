"""A saved web page (``.html``, ``.htm``) as front matter and a markdown body.

A page with a schema.org ``JobPosting`` (:mod:`tui.parsing.jsonld`) gives its fields
outright, and they win over anything the text heuristics would find; the body is the
posting's ``description``. A page without one gives its main content, chosen by
trafilatura (navigation, cookie banners, footers and sidebars gone) and converted by
:mod:`tui.parsing.html_text`, which drops scripts, styles, iframes and forms and keeps only
http(s) links. trafilatura is imported on the first such page (0.4 s) and takes ~6 ms a
page (measured on a 15-paragraph page with a navigation bar, 2-core box); JSON-LD pages
never load it.
"""

from __future__ import annotations

import codecs
import html
import logging
import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from tui.model import Posting
from tui.parsing.decode import SkipFile, decode_bytes
from tui.parsing.html_text import has_html, html_to_markdown
from tui.parsing.jsonld import JobPosting, find_job_posting
from tui.parsing.places import REMOTE, canonical_scope, read_place_line
from tui.sanitize import clean_line, safe_url

WEB_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_WORDS = 40  # main text shorter than this is a login wall, an error or a cookie page
# <meta charset="…"> or http-equiv content="text/html; charset=…", near the top of a page.
DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# What browsers write at the top of a saved page: <!-- saved from url=(0042)https://… -->
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# lexbor checks the stack of open elements on each insert, so parse time grows with the
# square of the depth: 8,000 nested <div> took 0.6 s, 100,000 took 500 s. Real job pages
# nest fewer than 100 deep; a page past this is refused before any parser sees it.
MAX_DEPTH = 1_000
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
# Elements that never hold others, or that the next sibling closes without an end tag.
NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "rb", "rt",
    "rp", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
})


@dataclass(frozen=True, slots=True)
class WebPage:
    meta: dict[str, Any]  # read like front matter: title, company, url
    body: str  # markdown
    job: JobPosting | None


def is_web_page(source: str) -> bool:
    return source.lower().endswith(WEB_SUFFIXES)


def decode_page(raw: bytes) -> tuple[str, list[str]]:
    """The page's text. UTF-8 when it is valid UTF-8 (whatever the page declares: a
    saved page is often re-encoded without its ``<meta charset>`` being updated), else
    the charset the page declares, else as any other posting file."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        declared = DECLARED_CHARSET.search(raw[:4096])
        if declared:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                codec = None
            if codec is not None and codec.name not in {"utf-8", "utf-16", "utf-32"}:
                return decode_bytes(raw.decode(codec.name, errors="replace").encode("utf-8"))
    return decode_bytes(raw)


def read_web_page(text: str) -> WebPage:
    """Raises :class:`SkipFile` when the page holds no posting."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise SkipFile(f"web page nested {depth:,} elements deep (over {MAX_DEPTH:,}): "
                       "not a saved job page")
    tree = LexborHTMLParser(text)
    url = _page_url(tree, text)
    job = find_job_posting(tree)
    if job is not None and (job.title or job.description):
        meta: dict[str, Any] = {"title": job.title, "company": job.company,
                                "url": safe_url(job.url) or url}
        return WebPage({k: v for k, v in meta.items() if v}, _description(job.description), job)
    body = _main_content(text, tree)
    words = len(body.split())
    if words < MIN_WORDS:
        raise SkipFile(f"no job posting in this web page (no JobPosting data, {words} words "
                       "of main text)")
    heading = _page_title(tree)
    if heading and not body.lstrip().startswith("#"):
        body = f"# {heading}\n\n{body}"
    return WebPage({"url": url} if url else {}, body, None)


def nesting_depth(text: str) -> int:
    """How deep the page's elements nest, counted from its tags (a cheap upper bound:
    one regular-expression pass, ~60 ms a megabyte)."""
    depth = deepest = 0
    for match in TAG.finditer(text):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in NOT_NESTING:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _description(description: str) -> str:
    # Some boards escape the HTML once more ("&lt;p&gt;"): unescaped once, it is HTML again.
    if "<" not in description and "&lt;" in description:
        description = html.unescape(description)
    return html_to_markdown(description) if has_html(description) else description


def _main_content(text: str, tree: LexborHTMLParser) -> str:
    try:
        _quiet_extractor_logs()
        import trafilatura  # loaded on the first page without JSON-LD (0.4 s)

        # HTML out, not markdown: our converter then drops what must never reach the
        # record and keeps only http(s) links, for this path and the JSON-LD one alike.
        chosen = trafilatura.extract(text, output_format="html", include_links=True,
                                     include_formatting=True, include_comments=False,
                                     include_tables=True, favor_recall=True)
    except Exception:  # lxml refuses some hostile pages (deep nesting): the whole body then
        chosen = None
    if chosen:
        return html_to_markdown(chosen)
    return html_to_markdown(tree.body.html or "") if tree.body is not None else ""


def _quiet_extractor_logs() -> None:
    """trafilatura logs what it thinks of a page at WARNING and ERROR; with no logging
    set up, Python prints those on stderr, over the TUI and into the CLI's output."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if logger.propagate:
            logger.addHandler(logging.NullHandler())
            logger.propagate = False


def _page_title(tree: LexborHTMLParser) -> str:
    for selector in ("h1", 'meta[property="og:title"]', "title"):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get("content") if node.tag == "meta" else node.text()
        if value and clean_line(value):
            return clean_line(value)[:200]
    return ""


def _page_url(tree: LexborHTMLParser, text: str) -> str:
    candidates = [
        (node.attributes.get("href") or "") for node in tree.css('link[rel="canonical"]')
    ] + [
        (node.attributes.get("content") or "") for node in tree.css('meta[property="og:url"]')
    ]
    saved = SAVED_FROM.search(text[:2048])
    if saved:
        candidates.append(saved.group(1))
    return next((url for candidate in candidates if (url := safe_url(candidate))), "")


def apply_job_posting(posting: Posting, job: JobPosting) -> None:
    """The fields the page's JobPosting states replace what the text heuristics found."""
    if clean_line(job.title):
        posting.title = clean_line(job.title)[:200]
    if clean_line(job.company):
        posting.company = clean_line(job.company)[:120]
    if safe_url(job.url):
        posting.url = safe_url(job.url)
    if job.addresses or job.telecommute:
        places: list[str] = []
        areas: list[str] = []
        for address in job.addresses:
            line = read_place_line(address, trusted=True)
            # A town the tables do not know is kept as the page names it.
            for place in line.places or [clean_line(address.split(",")[0])]:
                if place and place not in places:
                    places.append(place)
            areas += [area for area in line.areas if area not in areas]
        scopes = [scope for area in job.remote_areas if (scope := canonical_scope(area))]
        posting.remote = job.telecommute
        posting.remote_scope = ", ".join(dict.fromkeys(scopes))[:40] if job.telecommute else ""
        if job.telecommute:
            places.append(REMOTE)
        posting.locations = tuple(place[:80] for place in places)
        posting.areas = tuple(areas)
    if job.salary is not None and job.salary.text():
        posting.salary = job.salary.text()
        # The figures as stated: no reading of the text back (issue 12's salary: filter).
        if job.salary.currency and (job.salary.minimum or job.salary.maximum):
            posting.salary_min = int(job.salary.minimum or 0)
            posting.salary_max = int(job.salary.maximum or 0)
            posting.salary_currency = job.salary.currency.upper()[:3]
            posting.salary_period = job.salary.unit or "year"
    posting.date_posted = job.date_posted or posting.date_posted
    posting.valid_through = job.valid_through or posting.valid_through
    posting.employment_type = clean_line(job.employment_type) or posting.employment_type
