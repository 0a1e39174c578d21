"""How a posting row shares its width: pure functions, tested without a screen.

A row is one leading space, then its columns, one space apart: first the fixed
markers (bookmark, status), always shown at the same width so that the list
never shifts when the first posting gets a status, then the title, company,
places and stack. The title matters most, so it keeps a readable minimum;
company, places and stack join in that order while they fit at their minimum
widths, then the room left grows the title to a comfortable width, then the
other columns, then the title again. A narrow list therefore drops stack first,
then places, then company, and never cuts the title to nothing.

Adding a column is adding a row to ``MARKERS`` (a narrow fixed-width cell, such as a
badge) or to ``FLEXIBLE``, with its heading in ``HEADINGS``, and a cell for it in
:mod:`tui.ui.widgets.posting_list`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len, set_cell_size

# name, width (cells): always shown, in this order, before the title. The first holds
# two marks side by side: ★ a bookmark, ✎ notes.
MARKERS: tuple[tuple[str, int], ...] = (("bookmark", 2), ("status", 1))
# The follow-up columns (issue 12), one fixed-width cell, shown for every row or none:
# "2026-11-01  12d", the day applied and the days since the last status change.
DATES: tuple[str, int] = ("dates", 15)
DATES_MIN_WIDTH = 60  # a narrower row keeps its title instead
TITLE_MIN = 20
TITLE_COMFORTABLE = 30
TITLE_WIDE = 44
# name, minimum, comfortable, most (cells): in the order they join and grow. "Remote, New York"
# is 16 cells: a common place line fits at the comfortable width.
FLEXIBLE: tuple[tuple[str, int, int, int], ...] = (
    ("company", 12, 14, 22), ("places", 12, 16, 28), ("stack", 10, 12, 26))
HEADINGS = {"bookmark": "", "status": "", "dates": "Applied     Wait",
            "title": "Title", "company": "Company", "places": "Location", "stack": "Stack"}

Layout = tuple[tuple[str, int], ...]  # (column, width) in row order, shown columns only


@lru_cache(maxsize=64)  # asked once per painted row; the answer depends on two values
def column_widths(width: int, *, with_dates: bool = False) -> Layout:
    """The columns a ``width``-cell row shows, in order, with their widths.

    The leading space, the one space before each column after the first, and
    the widths add up to ``width`` (when ``width`` holds the markers and a title).
    ``with_dates``: the follow-up columns too, where the row is wide enough.
    """
    fixed = (*MARKERS, DATES) if with_dates and width >= DATES_MIN_WIDTH else MARKERS
    free = width - 1 - sum(w + 1 for _, w in fixed)
    widths: dict[str, int] = {}
    title = free
    for name, minimum, _, _ in FLEXIBLE:
        if title - (minimum + 1) < TITLE_MIN:
            break
        widths[name] = minimum
        title -= minimum + 1
    extra = title - TITLE_MIN
    if extra > 0:
        title = TITLE_MIN

        def grow_title(target: int) -> None:
            nonlocal title, extra
            grow = min(extra, max(0, target - title))
            title, extra = title + grow, extra - grow

        def grow_others(index: int) -> None:  # 1: to comfortable, 2: to the most
            nonlocal extra
            for name, *targets in FLEXIBLE:
                if name in widths:
                    grow = min(extra, max(0, targets[index] - widths[name]))
                    widths[name], extra = widths[name] + grow, extra - grow

        # Room left over goes in turns: the title to comfortable, the others to
        # comfortable, the title to wide, the others to the most they use, the title.
        grow_title(TITLE_COMFORTABLE)
        grow_others(1)
        grow_title(TITLE_WIDE)
        grow_others(2)
        title += extra
    return (*fixed, ("title", max(0, title)), *widths.items())


def fit(text: str, width: int) -> str:
    """``text`` on one line, cut or padded to exactly ``width`` cells (… when cut)."""
    if width <= 0:
        return ""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    # No gap before the "…": a cut after a space ("after …"), or a wide character that
    # does not fit the last cell (set_cell_size pads with a space), is closed up.
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)


def fit_items(items: Sequence[str], width: int, separator: str = ", ") -> str:
    """As many whole ``items`` as fit in ``width`` cells, then ``+N`` for the rest.

    ``["Toronto", "Berlin", "Lisbon"]`` in 16 cells is ``Toronto, Berlin +1``
    rather than ``Toronto, Berlin, …``: the count says how much is hidden, and is
    never cut. A first item too long for the column is cut with an ellipsis; when
    not even one cell of it fits beside the count, the count alone is shown.
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
            room = width - cell_len(tail)
            if room < 2:  # "k… +11" at least; otherwise just how many there are
                return fit(f"{len(items)}", width) if cell_len(str(len(items))) <= width \
                    else fit("", width)
            return fit(fit(item, room).rstrip() + tail, width)
        return fit(f"{shown} +{len(items) - index}", width)
    return fit(shown, width)
