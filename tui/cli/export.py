"""One posting plus what the user tracks about it, as the CLI and exports show it."""

from __future__ import annotations

from typing import Any

from tui.catalog import Catalog
from tui.model import OPTIONAL_FIELDS, Posting, Tracking
from tui.sanitize import clean_line


def record(posting: Posting, tracking: Tracking) -> dict[str, Any]:
    data = posting.to_dict()
    data.pop("sketch", None)  # the duplicate finder's, not the user's
    for name in OPTIONAL_FIELDS:  # every record has every field, even when empty
        value = getattr(posting, name)
        data.setdefault(name, list(value) if isinstance(value, tuple) else value)
    data.update(
        status=tracking.status,
        bookmarked=tracking.bookmarked,
        note=tracking.note,
        notes=[{"date": entry.date, "text": entry.text} for entry in tracking.notes],
        hidden=tracking.hidden,
        history=[{"status": change.status, "date": change.date} for change in tracking.history],
        applied_on=applied_on(tracking),
        last_change=tracking.history[-1].date if tracking.history else "",
        missing=False,
    )
    return data


def applied_on(tracking: Tracking) -> str:
    """The date the user first marked the posting applied ("" when never): the day they
    applied, which a later status (interviewing, offer) does not move."""
    return next((change.date for change in tracking.history if change.status == "applied"), "")
def with_group(data: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """``data`` with its group of duplicates: how many saved postings are this role, and
    each one's id and file (the listed one first); a posting alone has ``seen`` 1."""
    members = catalog.duplicates(data["id"])
    data["seen"] = max(1, len(members))
    data["group"] = [{"id": other.id, "source": other.source, "url": other.url,
                      "added": other.added} for other in members]
    return data


def orphan_record(tracking: Tracking) -> dict[str, Any]:
    """Tracking whose posting is no longer in the folder: kept, and shown as missing."""
    # Title and company come from state.json, which a hand-edit may have filled with
    # escape codes: cleaned like a parsed posting's.
    placeholder = Posting(id=tracking.posting_id, title=clean_line(tracking.title),
                          company=clean_line(tracking.company))
    return {**record(placeholder, tracking), "missing": True}


CSV_FIELDS = (
    "id", "title", "company", "locations", "remote", "remote_scope", "stack", "url", "seniority",
    "salary", "salary_min", "salary_max", "salary_currency", "salary_period", "traps",
    "source", "added", "status", "bookmarked", "note", "history", "missing", "hidden",
    "applied_on", "last_change",
)


# A spreadsheet reads a cell starting with one of these as a formula (or, for tab and
# CR, shifts it into one): OWASP's "CSV injection" list. Titles, companies, places
# and notes come from postings and users, so every cell is neutralised.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as text a spreadsheet shows and never evaluates: OWASP's rule, a
    leading ``'`` before a formula character."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_row(data: dict[str, Any]) -> dict[str, str]:
    """One export row: every value as text, none of it a spreadsheet formula."""
    row: dict[str, str] = {}
    for name in CSV_FIELDS:
        value = data.get(name, "")
        if name == "history":
            value = " · ".join(f"{item['status']} {item['date']}" for item in value)
        elif isinstance(value, list):
            value = "; ".join(value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        row[name] = spreadsheet_safe(str(value))
    return row
