"""One posting plus what the user tracks about it, as the CLI and exports show it."""

from __future__ import annotations

from typing import Any

from tui.model import Posting, Tracking


def record(posting: Posting, tracking: Tracking) -> dict[str, Any]:
    data = posting.to_dict()
    data.update(
        status=tracking.status,
        bookmarked=tracking.bookmarked,
        note=tracking.note,
        history=[{"status": change.status, "date": change.date} for change in tracking.history],
        missing=False,
    )
    return data


def orphan_record(tracking: Tracking) -> dict[str, Any]:
    """Tracking whose posting is no longer in the folder: kept, and shown as missing."""
    placeholder = Posting(id=tracking.posting_id, title=tracking.title, company=tracking.company)
    return {**record(placeholder, tracking), "missing": True}


CSV_FIELDS = (
    "id", "title", "company", "locations", "remote", "remote_scope", "stack", "url", "seniority",
    "salary", "source", "added", "status", "bookmarked", "note", "history", "missing",
)


def csv_row(data: dict[str, Any]) -> dict[str, str]:
    row: dict[str, str] = {}
    for name in CSV_FIELDS:
        value = data.get(name, "")
        if name == "history":
            value = " · ".join(f"{item['status']} {item['date']}" for item in value)
        elif isinstance(value, list):
            value = "; ".join(value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        row[name] = str(value)
    return row
