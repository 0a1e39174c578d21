"""The posting list: one row per posting, drawn only where it is visible.

A Line API widget (``ScrollView`` + ``render_line``): it holds a list of ids
and asks the catalog for a row's data when the row is painted, so showing,
filtering or sorting 100,000 postings costs one screenful of work. Row text
comes from posting data and is only ever put into ``Segment``s, never parsed
as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.catalog import Catalog
from tui.followup import days_since
from tui.text import fold
from tui.ui.actions import POSTING_BINDINGS
from tui.ui.widgets.row_layout import column_widths, fit, fit_items

STATUS_MARKS = {
    "none": "", "applied": "applied", "interviewing": "interview", "offer": "offer",
    "rejected": "rejected", "withdrawn": "withdrawn",
}


class PostingList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "open", "Read", tooltip="Move to the detail pane"),
        *POSTING_BINDINGS,
    ]
    COMPONENT_CLASSES = {
        "posting-list--cursor", "posting-list--status", "posting-list--company",
        "posting-list--places", "posting-list--stack", "posting-list--bookmark",
        "posting-list--empty", "posting-list--dates", "posting-list--seen",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another posting (or to none)."""

        posting_id: str | None

    @dataclass
    class Opened(Message):
        posting_id: str

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.catalog: Catalog | None = None
        self.ids: Sequence[str] = []
        self.empty_text = "Loading postings…"
        self._place_needles: tuple[str, ...] = ()
        self.follow_up = False  # the "applied on" and "days since the last change" columns

    # -- data ------------------------------------------------------------------
    def show(self, catalog: Catalog, ids: Sequence[str], keep: str | None = None) -> None:
        """Show ``ids``; keep the cursor on ``keep`` (or the current posting) if still shown."""
        current = keep if keep is not None else self.highlighted
        self.catalog = catalog
        self.ids = ids
        self.virtual_size = Size(self.size.width, len(ids))
        position = 0
        if current is not None:
            try:
                position = ids.index(current)
            except ValueError:
                position = 0
        self.cursor = position
        self.refresh()

    @property
    def highlighted(self) -> str | None:
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    def refresh_posting(self, posting_id: str) -> None:
        self.refresh()

    # -- cursor ----------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.ids) - 1)) if self.ids else cursor

    def watch_cursor(self, cursor: int) -> None:
        if self.ids:
            self.scroll_to_region(Region(0, cursor, 1, 1), animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self.highlighted))

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.ids) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor = min(len(self.ids) - 1, self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.ids) - 1)

    def action_open(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Opened(self.highlighted))

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.ids):
            self.cursor = row

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.ids))

    # -- painting --------------------------------------------------------------
    def prefer_places(self, needles: Sequence[str]) -> None:
        """Show first the places that match ``needles`` (the ``loc:`` filter), so that a
        row found by "new york" says New York even when it lists nine other cities."""
        self._place_needles = tuple(fold(needle) for needle in needles if fold(needle))
        self.refresh()

    def _places(self, locations: Sequence[str], remote: bool) -> list[str]:
        places = [*(["Remote"] if remote else []), *(p for p in locations if p != "Remote")]
        if self._place_needles:
            places.sort(key=lambda place: not any(n in fold(place) for n in self._place_needles))
        return places

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = self.scroll_offset.y + y
        base = self.rich_style
        if not self.ids or self.catalog is None:
            if y == 0:
                style = self.get_component_rich_style("posting-list--empty")
                return Strip([Segment(set_cell_size(f" {self.empty_text}", width), style)], width)
            return Strip.blank(width, base)
        if row >= len(self.ids):
            return Strip.blank(width, base)
        posting_id = self.ids[row]
        posting = self.catalog.posting(posting_id)
        tracking = self.catalog.tracking(posting_id)
        columns = column_widths(width, with_status=self.catalog.has_statuses,
                                with_dates=self.follow_up)
        cells: list[tuple[str, str | None]] = [
            # ✎: the posting has notes.
            (f" {'★' if tracking.bookmarked else ' '}{'✎' if tracking.notes else ' '}",
             "posting-list--bookmark"),
        ]
        if columns.status:
            cells += [(fit(STATUS_MARKS.get(tracking.status, tracking.status), columns.status),
                       "posting-list--status"), (" ", None)]
        if columns.dates:
            days = days_since(tracking.last_change(), date.today())
            cells += [(fit(f"{tracking.applied_on():<10} {'' if days is None else f'{days}d':>4}",
                           columns.dates), "posting-list--dates"), (" ", None)]
        seen = self.catalog.seen(posting_id)
        badge = f" seen {seen}×" if seen > 1 else ""  # a repost or the role on two boards
        if badge and columns.title > len(badge) + 8:
            cells += [(fit(posting.title, columns.title - len(badge)), None),
                      (badge, "posting-list--seen")]
        else:
            cells.append((fit(posting.title, columns.title), None))
        if columns.company:
            cells += [(" ", None), (fit(posting.company, columns.company),
                                    "posting-list--company")]
        if columns.places:
            cells += [(" ", None), (fit_items(self._places(posting.locations, posting.remote),
                                              columns.places), "posting-list--places")]
        if columns.stack:
            cells += [(" ", None), (fit_items(posting.stack, columns.stack),
                                    "posting-list--stack")]
        cursor = row == self.cursor
        cursor_style = self.get_component_rich_style(
            "posting-list--cursor", partial=not self.has_focus) if cursor else Style()
        segments = [
            Segment(text, base + (self.get_component_rich_style(component) if component
                                  else Style()) + cursor_style)
            for text, component in cells
        ]
        used = sum(cell_len(text) for text, _ in cells)
        if used < width:
            segments.append(Segment(" " * (width - used), base + cursor_style))
        return Strip(segments, width).crop(0, width)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

