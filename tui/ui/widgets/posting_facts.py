"""What the detail pane says about a posting beyond its own fields: the application
traps it hides (a callout above everything), its pay as figures, and the other saved
postings of the same role. Plain strings in, ``Content`` out: never markup."""

from __future__ import annotations

from textual.content import Content

from tui.model import Posting, pay_figures
from tui.sanitize import visible


def trap_callout(posting: Posting) -> Content:
    """The posting's instructions to the applicant, or empty content when it has none."""
    if not posting.traps:
        return Content("")
    lines = [Content.styled("⚠ The posting asks something of your application:", "bold")]
    lines += [Content.assemble("  “", (trap, "italic"), "”") for trap in posting.traps]
    return Content("\n").join(lines)


def salary_text(posting: Posting) -> Content:
    """The pay as stated, then as the salary: filter reads it (dim)."""
    figures = pay_figures(posting)
    if not posting.salary:
        return Content("")
    if figures in ("", posting.salary):
        return Content(posting.salary)
    return Content.assemble(posting.salary, ("  ·  " + figures, "dim"))


def seen_text(duplicates: list[Posting]) -> Content:
    """"seen 3×" and where: every saved file of the role, the shown one first."""
    if len(duplicates) < 2:
        return Content("")
    parts = [Content.styled(f"seen {len(duplicates)}×", "bold")]
    for other in duplicates:
        where = visible(other.source)
        parts.append(Content.assemble("\n  ", (where, "dim"),
                                      (f"  {other.added}" if other.added else "", "dim")))
    return Content.assemble(*parts)
