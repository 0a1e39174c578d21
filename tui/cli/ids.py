"""A posting named on the command line: its whole id, or enough of its start to be unique."""

from __future__ import annotations

from collections.abc import Mapping

from tui.errors import CommandError
from tui.sanitize import clean_line, visible

SHOWN_CANDIDATES = 10  # an ambiguous prefix lists this many postings, then "and N more"


def match_prefix(given: str, known: Mapping[str, str]) -> str:
    """The id in ``known`` (id → title) that ``given`` names: itself, or the one id that
    starts with it (case-insensitive, as ids are shown in lower case). Raises a
    :class:`CommandError` that lists the candidates when several ids start with it."""
    if given in known:
        return given
    start = given.strip().lower()
    found = sorted(posting_id for posting_id in known
                   if start and posting_id.lower().startswith(start))
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(f"no posting with id {visible(given)!r} (see `jobtui list`)")
    lines = [f"  {posting_id}  {clean_line(known[posting_id])}"
             for posting_id in found[:SHOWN_CANDIDATES]]
    if len(found) > SHOWN_CANDIDATES:
        lines.append(f"  and {len(found) - SHOWN_CANDIDATES} more")
    raise CommandError(f"id {visible(given)!r} is ambiguous: {len(found)} postings start with "
                       "it; give more of the id:\n" + "\n".join(lines))
