"""Plain records shared by every layer: what a posting is, what the user tracks.

Nothing here imports Textual; widgets only ever see these objects, never raw
TinyDB documents (the store converts at its edge).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from typing import Any

# Posting fields left out of a stored record when empty (read back as their defaults).
OPTIONAL_FIELDS = ("salary_min", "salary_max", "salary_currency", "salary_period", "traps")
STATUSES: tuple[str, ...] = ("none", "applied", "interviewing", "offer", "rejected", "withdrawn")
# How far along each status is: `a` (applied) never lowers it without asking.
STATUS_PROGRESS: dict[str, int] = {
    "none": 0, "applied": 1, "interviewing": 2, "offer": 3, "rejected": 4, "withdrawn": 4}
# Statuses still waiting on the other side: what a follow-up is about.
OPEN_STATUSES: tuple[str, ...] = ("applied", "interviewing")


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
    # The stated pay as figures (issue 12): per ``salary_period`` (hour, day, week, month,
    # year), in ``salary_currency`` (ISO 4217); 0 where the posting gives no such bound.
    salary_min: int = 0
    salary_max: int = 0
    salary_currency: str = ""
    salary_period: str = ""
    # Sentences telling the applicant what to write ("mention the word …"): shown first.
    traps: tuple[str, ...] = ()
    # A 128-bit MinHash of the body's word shingles (hex), to tell a repost from a new role.
    sketch: str = ""
    # -- issue 11: what a web page's schema.org JobPosting states ("" when not stated) --
    date_posted: str = ""  # ISO date (datePosted)
    valid_through: str = ""  # ISO date: the last day to apply (validThrough)
    employment_type: str = ""  # "full time", "contractor"… (employmentType)

    def to_dict(self, *, with_body: bool = False) -> dict[str, Any]:
        # Field by field, not dataclasses.asdict: every field is a string, a number or
        # a tuple of strings, and asdict's deep copy cost 0.09 ms a posting of a build.
        data = {name: getattr(self, name) for name in POSTING_FIELDS}
        data["locations"] = list(self.locations)
        data["stack"] = list(self.stack)
        data["areas"] = list(self.areas)
        data["traps"] = list(self.traps)
        if not with_body:
            data.pop("body")
        for name in OPTIONAL_FIELDS:  # most postings state none: kept out of a 100k cache
            if not data[name]:
                del data[name]
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
            salary_min=get("salary_min", 0), salary_max=get("salary_max", 0),
            salary_currency=get("salary_currency", ""), salary_period=get("salary_period", ""),
            traps=tuple(get("traps", ())), sketch=get("sketch", ""),
            # issue 11 (JobPosting fields)
            date_posted=get("date_posted", ""), valid_through=get("valid_through", ""),
            employment_type=get("employment_type", ""),
        )


POSTING_FIELDS = tuple(field.name for field in fields(Posting))

PERIOD_WORDS = {"hour": "an hour", "day": "a day", "week": "a week", "month": "a month",
                "year": "a year"}


def pay_figures(posting: Posting) -> str:
    """"USD 150,000–180,000 a year", "from RUB 200,000 a month"; "" without figures."""
    low, high = posting.salary_min, posting.salary_max
    if not (low or high):
        return ""
    currency = posting.salary_currency or "(no currency)"
    if low and high and low != high:
        figures = f"{low:,}–{high:,}"
    elif low and high:
        figures = f"{low:,}"
    else:
        figures = f"from {low:,}" if low else f"up to {high:,}"
    return f"{currency} {figures} {PERIOD_WORDS.get(posting.salary_period, '')}".rstrip()


def pay_line(posting: Posting) -> str:
    """The pay as stated, then as the salary: filter reads it, once when they agree (a
    web page's JSON-LD is stated in the very words the figures are read back in)."""
    figures = pay_figures(posting)
    return posting.salary if figures in ("", posting.salary) else \
        " · ".join(filter(None, (posting.salary, figures)))


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: str
    date: str  # ISO date, YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One dated entry of a posting's note log."""

    date: str  # ISO date, YYYY-MM-DD; "" for a note migrated without a known date
    text: str


def notes_text(notes: tuple[NoteEntry, ...]) -> str:
    """The entries' texts, newest first, a blank line apart: the note as one string
    (what exports show, and what an older jobtui reads as its single note)."""
    return "\n\n".join(entry.text for entry in reversed(notes))


@dataclass(frozen=True, slots=True)
class Tracking:
    """What the user has recorded about one posting: theirs, never rebuilt."""

    posting_id: str
    bookmarked: bool = False
    status: str = "none"
    history: tuple[StatusChange, ...] = field(default_factory=tuple)
    notes: tuple[NoteEntry, ...] = field(default_factory=tuple)  # oldest first
    hidden: bool = False
    # A little of the posting, so state whose posting disappeared can still be shown.
    title: str = ""
    company: str = ""
    updated: str = ""

    @property
    def note(self) -> str:
        return notes_text(self.notes)

    @property
    def is_empty(self) -> bool:
        return (not self.bookmarked and self.status == "none" and not self.notes
                and not self.history and not self.hidden)

    def last_change(self) -> str:
        """The date of the latest status change ("" when none)."""
        return max((change.date for change in self.history), default="")

    def applied_on(self) -> str:
        """The date of the latest "applied" in the history ("" when never applied)."""
        return max((c.date for c in self.history if c.status == "applied"), default="")

    def history_text(self) -> str:
        return " · ".join(f"{change.status} {change.date}" for change in self.history)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A postings file that could not be loaded, and why, in words for the user."""

    source: str
    reason: str
