"""How a posting row shares its width: pure functions, tested without a screen.

A row is ``mark status [applied-on days] title company places stack``; the follow-up
columns (applied on, days since the last status change) have a fixed width, shown
or not for every row alike, so the list does not shift from row to row. The title matters most,
so it keeps a readable minimum; company, places and stack join in that order
while they fit at their minimum widths, then the room left grows the title to
a comfortable width, then the other columns, then the title again. A narrow
list therefore drops stack first, then places, then company, and never cuts
the title to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len, set_cell_size

MARK_WIDTH = 3  # " ★ "
STATUS_WIDTH = 9  # "interview", "withdrawn"
DATES_WIDTH = 15  # "2026-11-01 999d"
TITLE_MIN = 20
TITLE_COMFORTABLE = 30
TITLE_WIDE = 44
# name, minimum, comfortable, most (cells): in the order they join and grow. "Remote, New York"
# is 16 cells: a common place line fits at the comfortable width.
OPTIONAL = (("company", 12, 14, 22), ("places", 12, 16, 28), ("stack", 10, 12, 26))


class Columns(NamedTuple):
    status: int
    title: int
    company: int
    places: int
    stack: int
    dates: int = 0


@lru_cache(maxsize=64)  # asked once per painted row; the answer depends on two values
def column_widths(width: int, *, with_status: bool, with_dates: bool = False) -> Columns:
    """The cell width of each column of a ``width``-cell row (0: not shown).

    Each shown column after the title is preceded by one space; the widths
    returned plus those spaces and the mark add up to ``width``.
    """
    status = STATUS_WIDTH if with_status and width >= 40 else 0
    dates = DATES_WIDTH if with_dates and width >= 60 else 0
    free = width - MARK_WIDTH - (status + 1 if status else 0) - (dates + 1 if dates else 0)
    widths = {name: 0 for name, *_ in OPTIONAL}
    title = free
    for name, minimum, _, _ in OPTIONAL:
        if title - (minimum + 1) < TITLE_MIN:
            break
        widths[name] = minimum
        title -= minimum + 1
    extra = title - TITLE_MIN
    if extra <= 0:
        return Columns(status, max(0, title), widths["company"], widths["places"],
                       widths["stack"], dates)
    title = TITLE_MIN

    def grow_title(target: int) -> None:
        nonlocal title, extra
        grow = min(extra, max(0, target - title))
        title, extra = title + grow, extra - grow

    def grow_others(index: int) -> None:  # 1: to comfortable, 2: to the most
        nonlocal extra
        for name, *targets in OPTIONAL:
            if widths[name]:
                grow = min(extra, max(0, targets[index] - widths[name]))
                widths[name], extra = widths[name] + grow, extra - grow

    # Room left over goes in turns: the title to comfortable, the others to
    # comfortable, the title to wide, the others to the most they use, the title.
    grow_title(TITLE_COMFORTABLE)
    grow_others(1)
    grow_title(TITLE_WIDE)
    grow_others(2)
    title += extra
    return Columns(status, title, widths["company"], widths["places"], widths["stack"], dates)


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut or padded to exactly ``width`` cells (… when cut)."""
    if width <= 0:
        return ""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    cut = set_cell_size(text, width - 1)
    if not text.startswith(cut):
        # A wide (CJK) character straddled the cut: set_cell_size dropped it and padded
        # its place with a space. The "…" goes right after the text, the padding after
        # it (was "漢字 …").
        cut = cut[:-1]
    return set_cell_size(cut + "…", width)


def fit_items(items: Sequence[str], width: int, separator: str = ", ") -> str:
    """As many whole ``items`` as fit in ``width`` cells, then ``+N`` for the rest.

    ``["Toronto", "Berlin", "Lisbon"]`` in 16 cells is ``Toronto, Berlin +1``
    rather than ``Toronto, Berlin, …``: the count says how much is hidden. A
    first item too long for the column is cut with an ellipsis.
    """
    items = [" ".join(item.split()) for item in items if item.strip()]
    if width <= 0 or not items:
        return fit("", width)
    shown = ""
    for index, item in enumerate(items):
        candidate = f"{shown}{separator}{item}" if shown else item
        rest = len(items) - index - 1
        more = f" +{rest}" if rest else ""
        if cell_len(candidate + more) <= width:
            shown = candidate
            continue
        if not shown:  # the first item alone does not fit
            tail = f" +{len(items) - 1}" if len(items) > 1 else ""
            return fit(fit(item, max(1, width - len(tail))).rstrip() + tail, width)
        return fit(f"{shown} +{len(items) - index}", width)
    return fit(shown, width)
