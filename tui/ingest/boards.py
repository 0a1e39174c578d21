"""The public sources ``jobtui import`` reads: a Hacker News thread and the Greenhouse,
Lever and Ashby job-board APIs. Each turns the source's JSON into :class:`Item` s whose
front matter holds only what the source states (keys the parser's key table reads:
``tui/data/front_matter_keys.json``), so the parser guesses nothing the source said.

Base URLs can be pointed elsewhere (a mirror, the tests' local server) with environment
variables: ``JOBTUI_HN_API``, ``JOBTUI_GREENHOUSE_API``, ``JOBTUI_LEVER_API``,
``JOBTUI_ASHBY_API``.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import orjson

from tui.ingest.http import MAX_API, FetchError, fetch
from tui.ingest.importer import Item
from tui.parsing.html_text import html_to_markdown
from tui.parsing.jsonld import Salary

BASES = {
    "hn": ("JOBTUI_HN_API", "https://hn.algolia.com/api/v1"),
    "greenhouse": ("JOBTUI_GREENHOUSE_API", "https://boards-api.greenhouse.io/v1"),
    "lever": ("JOBTUI_LEVER_API", "https://api.lever.co/v0"),
    "ashby": ("JOBTUI_ASHBY_API", "https://api.ashbyhq.com"),
}
LEVER_PAGE = 100  # postings per request; Lever pages with skip/limit
BOARD_NAME = re.compile(r"^[\w.-]{1,100}$")
INTERVALS = {"year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"}


def api_base(source: str) -> str:
    variable, default = BASES[source]
    return (os.environ.get(variable) or default).rstrip("/")


def _get_json(url: str) -> Any:
    fetched = fetch(url, accept="application/json", max_bytes=MAX_API)
    try:
        return orjson.loads(fetched.body)
    except orjson.JSONDecodeError as error:
        raise FetchError(url, f"the answer is not JSON ({error})") from None


def _html(text: Any) -> str:
    """An HTML description (escaped once more by some APIs) as markdown."""
    if not isinstance(text, str) or not text.strip():
        return ""
    if "<" not in text and "&lt;" in text:
        text = html.unescape(text)
    return html_to_markdown(text)


def _name(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def _board(name: str) -> str:
    if not BOARD_NAME.match(name):
        raise ValueError(f"not a board name: {name!r} (letters, digits, '.', '_' and '-')")
    return quote(name)


class Source:
    """One import: where its files go, and its postings as they are fetched."""

    folder: str
    total: int | None = None  # known once the first answer is in

    def __init__(self, name: str) -> None:
        raise NotImplementedError

    def items(self) -> Iterator[Item | str]:
        raise NotImplementedError


class HackerNews(Source):
    def __init__(self, thread: str) -> None:
        self.id = hn_item_id(thread)
        self.folder = f"hn-{self.id}"
        self.url = f"{api_base('hn')}/items/{self.id}"

    def items(self) -> Iterator[Item | str]:
        thread = _get_json(self.url)  # the whole tree in one answer
        children = thread.get("children") if isinstance(thread, dict) else None
        # Deleted and dead comments come without text or author: not postings.
        comments = [child for child in children or [] if isinstance(child, dict)
                    and isinstance(child.get("text"), str) and child.get("author")]
        self.total = len(comments)
        for comment in comments:
            if not comment.get("id"):
                yield f"a comment without an id in {self.url}"
                continue
            body = html_to_markdown(comment["text"])
            header = next((line for line in body.split("\n") if line.strip()), "")
            yield Item(str(comment["id"]), header[:60], {
                "url": f"https://news.ycombinator.com/item?id={comment['id']}",
                "date": comment.get("created_at") or "",
            }, body)


def hn_item_id(text: str) -> str:
    """``42017000`` or ``https://news.ycombinator.com/item?id=42017000`` as the id."""
    text = text.strip()
    if text.isdigit():
        return text
    found = parse_qs(urlsplit(text).query).get("id", [""])[0]
    if found.isdigit():
        return found
    raise ValueError(f"not a Hacker News item id or link: {text!r}")


class Greenhouse(Source):
    def __init__(self, board: str) -> None:
        self.board = board
        self.folder = f"greenhouse-{board}"
        self.url = f"{api_base('greenhouse')}/boards/{_board(board)}/jobs?content=true"

    def items(self) -> Iterator[Item | str]:
        data = _get_json(self.url)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        jobs = jobs if isinstance(jobs, list) else []
        self.total = len(jobs)
        for job in jobs:
            if not isinstance(job, dict) or not job.get("id") or not _name(job.get("title")):
                yield f"a job without an id or a title in {self.url}"
                continue
            yield Item(str(job["id"]), _name(job["title"]), {
                "title": _name(job["title"]),
                "company": _name(job.get("company_name")) or self.board,
                "location": _name(job.get("location")),
                "url": _name(job.get("absolute_url")),
                "date": _name(job.get("first_published") or job.get("updated_at")),
                "department": [name for d in job.get("departments") or [] if (name := _name(d))],
            }, _html(job.get("content")))


class Lever(Source):
    def __init__(self, company: str) -> None:
        self.company = company
        self.folder = f"lever-{company}"
        self.base = f"{api_base('lever')}/postings/{_board(company)}?mode=json"

    def items(self) -> Iterator[Item | str]:
        skip, seen = 0, 0
        while True:
            url = f"{self.base}&skip={skip}&limit={LEVER_PAGE}"
            page = _get_json(url)
            if not isinstance(page, list):
                raise FetchError(url, "the answer is not a list of postings")
            seen += len(page)
            self.total = seen if len(page) < LEVER_PAGE else None
            for posting in page:
                yield self._item(posting, url)
            if len(page) < LEVER_PAGE:
                return
            skip += LEVER_PAGE

    def _item(self, posting: Any, url: str) -> Item | str:
        if not isinstance(posting, dict) or not posting.get("id") or not posting.get("text"):
            return f"a posting without an id or a title in {url}"
        categories = posting.get("categories") or {}
        places = categories.get("allLocations") or [categories.get("location")]
        lists = "".join(f"<h3>{html.escape(_name(part.get('text')))}</h3>"
                        f"<ul>{part.get('content') or ''}</ul>"
                        for part in posting.get("lists") or [] if isinstance(part, dict))
        workplace = _name(posting.get("workplaceType")).lower()
        created = posting.get("createdAt")
        return Item(str(posting["id"]), _name(posting["text"]), {
            "title": _name(posting["text"]),
            "company": self.company,
            "location": [name for place in places if (name := _name(place))],
            "remote": {"remote": True, "onsite": False, "on-site": False}.get(workplace),
            "url": _name(posting.get("hostedUrl")),
            "apply_url": _name(posting.get("applyUrl")),
            "date": _epoch_ms(created),
            "employment_type": _name(categories.get("commitment")),
            "department": _name(categories.get("team")),
            "salary": _lever_salary(posting.get("salaryRange")),
        }, _html(f"{posting.get('description') or ''}{lists}{posting.get('additional') or ''}"))


def _epoch_ms(value: Any) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    try:
        return dt.datetime.fromtimestamp(value / 1000, dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return ""


def _lever_salary(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    low, high = value.get("min"), value.get("max")
    interval = _name(value.get("interval")).lower()
    unit = next((unit for word, unit in INTERVALS.items() if word in interval), "")
    return Salary(float(low) if isinstance(low, int | float) else None,
                  float(high) if isinstance(high, int | float) else None,
                  _name(value.get("currency")).upper()[:3], unit).text()


class Ashby(Source):
    def __init__(self, board: str) -> None:
        self.board = board
        self.folder = f"ashby-{board}"
        self.url = (f"{api_base('ashby')}/posting-api/job-board/{_board(board)}"
                    "?includeCompensation=true")

    def items(self) -> Iterator[Item | str]:
        data = _get_json(self.url)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        jobs = [job for job in jobs if not isinstance(job, dict) or job.get("isListed", True)
                ] if isinstance(jobs, list) else []
        self.total = len(jobs)
        for job in jobs:
            if not isinstance(job, dict) or not job.get("id") or not _name(job.get("title")):
                yield f"a job without an id or a title in {self.url}"
                continue
            places = [job.get("location")] + [
                place.get("location") for place in job.get("secondaryLocations") or []
                if isinstance(place, dict)]
            remote = job.get("isRemote")
            pay = job.get("compensation") or {}
            kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _name(job.get("employmentType"))).lower()
            yield Item(str(job["id"]), _name(job["title"]), {
                "title": _name(job["title"]),
                "company": self.board,
                "location": [name for place in places if (name := _name(place))],
                "remote": remote if isinstance(remote, bool) else None,
                "url": _name(job.get("jobUrl")),
                "apply_url": _name(job.get("applyUrl")),
                "date": _name(job.get("publishedAt")),
                "employment_type": kind,
                "department": _name(job.get("department")),
                "salary": _name(pay.get("scrapeableCompensationSalarySummary")
                                or pay.get("compensationTierSummary"))
                if isinstance(pay, dict) else "",
            }, _html(job.get("descriptionHtml")) or str(job.get("descriptionPlain") or ""))


SOURCES: dict[str, type[Source]] = {
    "hn": HackerNews, "greenhouse": Greenhouse, "lever": Lever, "ashby": Ashby}
