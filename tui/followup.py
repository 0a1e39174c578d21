"""Follow-ups: how long each tracked posting has waited, and the pipeline of them.

Pure functions over plain records, shared by the Pipeline view, the list's follow-up
columns and ``jobtui list --stale``: a posting "waits" from its last status change,
and one still open (applied, interviewing) that has waited ``follow_up_days`` or
more is due a follow-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from tui.model import OPEN_STATUSES, Posting, Tracking

FOLLOW_UP_DAYS = 7  # the default: a week after applying, ask
# The pipeline's groups, furthest along first; closed ones last.
PIPELINE_ORDER = ("offer", "interviewing", "applied", "rejected", "withdrawn")


def days_since(iso: str, today: date) -> int | None:
    """Whole days from ``iso`` to ``today``; None when ``iso`` is not a date."""
    try:
        return (today - date.fromisoformat(iso)).days if iso else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Waiting:
    posting: Posting
    tracking: Tracking
    days: int | None  # since the last status change
    due: bool  # open, and waited follow_up_days or more


@dataclass(frozen=True, slots=True)
class Group:
    status: str
    rows: tuple[Waiting, ...]

    @property
    def due(self) -> int:
        return sum(row.due for row in self.rows)


def waiting(posting: Posting, tracking: Tracking, today: date, follow_up_days: int) -> Waiting:
    days = days_since(tracking.last_change(), today)
    due = tracking.status in OPEN_STATUSES and days is not None and days >= follow_up_days
    return Waiting(posting, tracking, days, due)


def pipeline(
    tracked: Iterable[Tracking], posting: Callable[[str], Posting | None], today: date,
    follow_up_days: int = FOLLOW_UP_DAYS,
) -> list[Group]:
    """Tracked postings with a status, grouped by status (PIPELINE_ORDER), each group
    oldest-waiting first; ``posting`` gives a posting by id (None: not shown)."""
    rows: dict[str, list[Waiting]] = {status: [] for status in PIPELINE_ORDER}
    for item in tracked:
        if item.status not in rows:
            continue
        found = posting(item.posting_id)
        if found is not None:
            rows[item.status].append(waiting(found, item, today, follow_up_days))
    for group in rows.values():
        # Oldest waiting first; undated changes after the dated ones, then by title.
        group.sort(key=lambda row: (row.days is None, -(row.days or 0), row.posting.title))
    return [Group(status, tuple(group)) for status, group in rows.items() if group]
