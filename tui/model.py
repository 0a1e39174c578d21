"""Plain records shared by every layer: what a posting is, what the user tracks.

Nothing here imports Textual; widgets only ever see these objects, never raw
TinyDB documents (the store converts at its edge).
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES: tuple[str, ...] = ("none", "applied", "interviewing", "offer", "rejected", "withdrawn")


@dataclass(slots=True)  # not frozen: 100k of them are built at start, and frozen init is slow
class Posting:
    """One cleaned job posting, as the list, the filters and the CLI see it.

    ``body`` (the cleaned markdown) is kept out of the hot cache and fetched
    on demand, so it is empty on records loaded for the list.
    """

    id: str
    title: str
    company: str = ""
    locations: tuple[str, ...] = ()
    remote: bool = False
    remote_scope: str = ""
    stack: tuple[str, ...] = ()
    url: str = ""
    seniority: str = ""
    salary: str = ""
    source: str = ""
    content_hash: str = ""
    added: str = ""
    body: str = ""
    # The regions, countries, continents and areas (EMEA, DACH…) the locations lie in,
    # stored so that ``loc:europe`` finds Berlin without resolving places at start-up.
    areas: tuple[str, ...] = ()
    # -- issue 11: what a web page's schema.org JobPosting states ("" when not stated) --
    date_posted: str = ""  # ISO date (datePosted)
    valid_through: str = ""  # ISO date: the last day to apply (validThrough)
    employment_type: str = ""  # "full time", "contractor"… (employmentType)

    def to_dict(self, *, with_body: bool = False) -> dict[str, Any]:
        data = asdict(self)
        data["locations"] = list(self.locations)
        data["stack"] = list(self.stack)
        data["areas"] = list(self.areas)
        if not with_body:
            data.pop("body")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Posting:
        get = data.get
        return cls(
            id=get("id", ""), title=get("title", ""), company=get("company", ""),
            locations=tuple(get("locations", ())), remote=get("remote", False),
            remote_scope=get("remote_scope", ""), stack=tuple(get("stack", ())),
            url=get("url", ""), seniority=get("seniority", ""), salary=get("salary", ""),
            source=get("source", ""), content_hash=get("content_hash", ""),
            added=get("added", ""), body=get("body", ""),
            areas=tuple(map(sys.intern, get("areas", ()))),  # a few names shared by 100k
            # issue 11 (JobPosting fields)
            date_posted=get("date_posted", ""), valid_through=get("valid_through", ""),
            employment_type=get("employment_type", ""),
        )


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: str
    date: str  # ISO date, YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Tracking:
    """What the user has recorded about one posting: theirs, never rebuilt."""

    posting_id: str
    bookmarked: bool = False
    status: str = "none"
    history: tuple[StatusChange, ...] = field(default_factory=tuple)
    note: str = ""
    # A little of the posting, so state whose posting disappeared can still be shown.
    title: str = ""
    company: str = ""
    updated: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.bookmarked and self.status == "none" and not self.note and not self.history

    def history_text(self) -> str:
        return " · ".join(f"{change.status} {change.date}" for change in self.history)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A postings file that could not be loaded, and why, in words for the user."""

    source: str
    reason: str
