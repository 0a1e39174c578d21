"""The posting list: one row per posting, drawn only where it is visible.

A Line API widget (``ScrollView`` + ``render_line``): it holds a list of ids
and asks the catalog for a row's data when the row is painted, so showing,
filtering or sorting 100,000 postings costs one screenful of work. Row text
comes from posting data and is only ever put into ``Segment``s, never parsed
as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Self

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input

from tui.catalog import Catalog
from tui.followup import days_since
from tui.model import Posting, Tracking
from tui.text import fold
from tui.ui.actions import POSTING_BINDINGS
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.row_layout import HEADINGS, column_widths, fit, fit_items

# One cell each, always there: the list does not shift when the first posting gets a
# status, and a word cut to fit ("interview") cannot be misread. The help and README
# give the legend; the detail pane says the status in full.
STATUS_MARKS = {
    "none": " ", "applied": "A", "interviewing": "I", "offer": "O", "rejected": "R",
    "withdrawn": "W",
}
COMPONENTS = {"bookmark": "posting-list--bookmark", "status": "posting-list--status",
              "dates": "posting-list--dates", "company": "posting-list--company",
              "places": "posting-list--places", "stack": "posting-list--stack"}


class PostingList(ScrollView, can_focus=True):
    ALLOW_MAXIMIZE = True  # the palette's Maximize (scroll views are not, by default)
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
        # (cursor row?, focused?) -> style by part of a row; see _row_styles_for.
        self._row_styles: dict[tuple[bool, bool], dict[str, Style]] = {}
        self._keeping_styles = False  # see _same_styles
        super().__init__(name=name, id=id)
        self.catalog: Catalog | None = None
        self.ids: Sequence[str] = []
        self.empty_text = "Loading postings…"
        self.sort = ""
        self.reverse = False
        self._place_needles: tuple[str, ...] = ()
        self.follow_up = False  # the "applied on" and "days since the last change" columns

    # -- data ------------------------------------------------------------------
    def show(self, catalog: Catalog, ids: Sequence[str], keep: str | None = None) -> None:
        """Show ``ids``; keep the cursor on ``keep`` (or the current posting) if still shown."""
        current = keep if keep is not None else self.highlighted
        self.catalog = catalog
        self.ids = ids
        position = 0
        if current is not None:
            try:
                position = ids.index(current)
            except ValueError:
                position = 0
        with self._same_styles():
            self.virtual_size = Size(self.size.width, len(ids))
            self.cursor = position
            self.refresh()
        # Once the new virtual size is laid out: scrolling at once was clamped to the
        # old (filtered, shorter) list, and filter, G, r left the cursor below the view.
        self.call_after_refresh(self.scroll_to_cursor)
        self.refresh_header()

    def set_sort(self, sort: str, reverse: bool) -> None:
        """The order shown, for the column headers' arrow."""
        self.sort, self.reverse = sort, reverse
        self.refresh_header()

    @property
    def highlighted(self) -> str | None:
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None

    def refresh_posting(self, posting_id: str) -> None:
        with self._same_styles():
            self.refresh()

    # -- cursor ----------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.ids) - 1)) if self.ids else cursor

    def watch_cursor(self, cursor: int) -> None:
        with self._same_styles():
            self.scroll_to_cursor()
            self.refresh()
        self.post_message(self.Highlighted(self.highlighted))

    def scroll_to_cursor(self) -> None:
        if self.ids:
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)

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

    def on_mount(self) -> None:
        # The empty list's hint names the keys that work where the focus is.
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self) -> None:
        if not self.ids:
            self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.ids))
        # A smaller list (a resize, or leaving Maximize) keeps the cursor in view.
        self.call_after_refresh(self.scroll_to_cursor)
        self.refresh_header()

    # -- column headers ----------------------------------------------------------
    def header_text(self) -> str:
        """The headings of the columns shown, aligned with the rows, the sorted one with
        its direction: ▲ A to Z, ▼ Z to A."""
        width = self.row_width()
        parts = [" "]
        for index, (name, cells) in enumerate(column_widths(width, with_dates=self.follow_up)):
            heading = HEADINGS.get(name, "")
            if name == self.sort:
                heading += " ▼" if self.reverse else " ▲"
            parts.append((" " if index else "") + fit(heading, cells))
        return set_cell_size("".join(parts), width)

    def refresh_header(self) -> None:
        if self.parent is not None:
            for header in self.parent.query_children(ListHeader):
                header.refresh()

    # -- painting --------------------------------------------------------------
    def prefer_places(self, needles: Sequence[str]) -> None:
        """Show first the places that match ``needles`` (the ``loc:`` filter), so that a
        row found by "new york" says New York even when it lists nine other cities."""
        self._place_needles = tuple(fold(needle) for needle in needles if fold(needle))
        with self._same_styles():
            self.refresh()

    def _places(self, locations: Sequence[str], remote: bool) -> list[str]:
        places = [*(["Remote"] if remote else []), *(p for p in locations if p != "Remote")]
        if self._place_needles:
            places.sort(key=lambda place: not any(n in fold(place) for n in self._place_needles))
        return places

    def row_width(self) -> int:
        """The cells a row has: the list's width less its scrollbar (a row as wide as
        the list lost its last cell under the scrollbar: "kuberne… +1" for +11)."""
        return self.scrollable_content_region.width

    def _cell(self, name: str, width: int, posting: Posting, tracking: Tracking) -> str:
        if name == "bookmark":
            return ("★" if tracking.bookmarked else " ") + ("✎" if tracking.notes else " ")
        if name == "status":
            return STATUS_MARKS.get(tracking.status, "?")
        if name == "dates":
            days = days_since(tracking.last_change(), date.today())
            return fit(f"{tracking.applied_on():<10} {'' if days is None else f'{days}d':>4}",
                       width)
        if name == "title":
            return fit(posting.title, width)
        if name == "company":
            return fit(posting.company, width)
        if name == "places":
            return fit_items(self._places(posting.locations, posting.remote), width)
        if name == "stack":
            return fit_items(posting.stack, width)
        return fit("", width)

    def _seen_badge(self, posting_id: str) -> str:
        seen = self.catalog.seen(posting_id) if self.catalog is not None else 1
        return f" seen {seen}×" if seen > 1 else ""

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if not self._keeping_styles:
            self._row_styles.clear()  # when Textual drops its own cached styles
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @contextmanager
    def _same_styles(self) -> Iterator[None]:
        """Refreshes asked for inside (new ids, the cursor moved, the view scrolled to it,
        other places preferred) change no CSS, so the row styles worked out for it are
        kept: working them out again walks every ancestor's CSS, ~1.5 ms of a filter
        keystroke's repaint. Textual's own refreshes (a style, focus or theme change)
        still drop them."""
        keeping, self._keeping_styles = self._keeping_styles, True
        try:
            yield
        finally:
            self._keeping_styles = keeping

    def notify_style_update(self) -> None:
        self._row_styles.clear()
        super().notify_style_update()

    def _row_styles_for(self, cursor: bool) -> dict[str, Style]:
        """Each part of a row's style ("gap" between columns, "seen", and one per column),
        worked out once until the next refresh or style change, not per row: the widget's
        style walks every ancestor's CSS, ~40 % of drawing a row (cProfile, 100k list)."""
        key = (cursor, self.has_focus)
        styles = self._row_styles.get(key)
        if styles is None:
            base = self.rich_style
            cursor_style = self.get_component_rich_style(
                "posting-list--cursor", partial=not self.has_focus) if cursor else Style()
            styles = {name: base + self.get_component_rich_style(component) + cursor_style
                      for name, component in COMPONENTS.items()}
            styles["gap"] = styles["title"] = base + cursor_style
            styles["seen"] = (base + self.get_component_rich_style("posting-list--seen")
                              + cursor_style)
            self._row_styles[key] = styles
        return styles

    def render_line(self, y: int) -> Strip:
        width = self.row_width()
        row = self.scroll_offset.y + y
        if not self.ids or self.catalog is None:
            base = self.rich_style
            if y == 0:
                style = self.get_component_rich_style("posting-list--empty")
                return Strip([Segment(" " + fit(self.empty_hint(), width - 1), style)], width)
            return Strip.blank(width, base)
        if row >= len(self.ids):  # a short list: blank rows below it
            return Strip.blank(width, self._row_styles_for(False)["gap"])
        posting_id = self.ids[row]
        posting = self.catalog.posting(posting_id)
        tracking = self.catalog.tracking(posting_id)
        styles = self._row_styles_for(row == self.cursor)
        gap = styles["gap"]
        segments = [Segment(" ", gap)]
        used = 1
        for index, (name, cells) in enumerate(column_widths(width, with_dates=self.follow_up)):
            if index:
                segments.append(Segment(" ", gap))
            style = styles.get(name, gap)
            badge = self._seen_badge(posting_id) if name == "title" else ""
            if badge and cells > len(badge) + 8:  # a repost, or the role on two boards
                segments += [Segment(fit(posting.title, cells - len(badge)), style),
                             Segment(badge, styles["seen"])]
            else:
                text = set_cell_size(self._cell(name, cells, posting, tracking), cells)
                segments.append(Segment(text, style))
            used += cells + (1 if index else 0)
        if used < width:
            segments.append(Segment(" " * (width - used), gap))
        return Strip(segments, width).crop(0, width)

    def empty_hint(self) -> str:
        """What to do about an empty list, in the keys that work where the focus is: "r"
        resets from the list, but typed into the search box it is a letter."""
        if self.catalog is None or not len(self.catalog):
            return self.empty_text
        focused = self.screen.focused if self.is_attached else None
        if isinstance(focused, Input):
            return "No match: edit the search, or escape to clear it."
        if isinstance(focused, FacetList):
            return "No match: untick a value (space), or escape, then r."
        return "No postings match. Press r to reset the filters."

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()



class ListHeader(Widget):
    """The posting list's column headings: a line of its own above the list (in the
    list it would scroll away), drawn from the list's own layout so that they line up."""

    DEFAULT_CSS = "ListHeader { height: 1; }"

    def render(self) -> Content:
        listing = self.parent.query_children(PostingList).first() if self.parent else None
        return Content(listing.header_text() if listing is not None else "")
