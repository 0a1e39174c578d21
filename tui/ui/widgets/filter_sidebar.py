"""The filter sidebar: facet lists with live counts, each narrowed by typing.

Each :class:`FacetList` shows the values of one field (Location, Stack,
Status, Level, Company, and "Show" for remote/bookmarked-only) with how many postings
each would give alongside the other filters. Space toggles the highlighted
value; typing narrows the list (the title shows what was typed, and the focused
list says so in its subtitle); Backspace and Escape undo the narrowing.
Prompts are ``Content`` built from plain strings: place names and companies
come from postings and are never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.catalog import AREA, FacetValue, stack_names_like
from tui.query import Clause, fold
from tui.ui.widgets.row_layout import fit

SCROLLBAR_ROOM = 1  # FacetList's scrollbar-size-vertical in app.tcss
# A region, country or continent in the Location facet: ticking it selects every place in it.
AREA_MARK = " (region)"
VISIBLE_VALUES = 200  # a facet list shows this many values; narrowing finds the rest


class FacetList(OptionList):
    BINDINGS = [
        Binding("space", "toggle_value", "Toggle", tooltip="Filter by the highlighted value"),
        # x is typed into the narrowing once typing has begun (on_key).
        Binding("x", "exclude_value", "Exclude",
                tooltip="Leave out the highlighted value (-company:…)"),
        Binding("escape", "clear_narrowing", "Back",
                tooltip="Clear the typing, then back to the list"),
    ]

    @dataclass
    class Toggled(Message):
        clause: Clause

    def __init__(self, field: str, title: str, *, id: str) -> None:
        super().__init__(id=id)
        self.field = field
        self.title = title
        self.narrowing = ""
        self.values: list[FacetValue] = []
        self.active: set[str] = set()
        self.border_title = Content(title)  # a plain string would be read as markup

    def set_values(self, values: list[FacetValue], active: set[str]) -> None:
        folded = {fold(value) for value in active}
        if values == self.values and folded == self.active:
            return  # unchanged: rebuilding options would cost a layout pass for nothing
        self.values, self.active = values, folded
        self._rebuild()

    def _rebuild(self) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        needle = fold(self.narrowing)
        if needle:
            # Stack values are canonical names: an alias typed ("golang", "k8s") finds
            # the name it stands for, as stack:golang does in the search box.
            also = stack_names_like(needle) if self.field == "stack" else frozenset()
            shown = [v for v in self.values
                     if needle in (key := fold(v.value)) or key in also]
        else:
            shown = self.values
        # Counts line up on the right edge; the value is cut to make room for them. The
        # width leaves room for the scrollbar whether or not it is shown yet.
        width = max(8, self.size.width - SCROLLBAR_ROOM)
        options = []
        for value in shown[:VISIBLE_VALUES]:
            on = fold(value.value) in self.active
            count = str(value.count)
            mark = AREA_MARK if value.kind == AREA else ""
            prompt = Content.assemble(
                ("■ " if on else "□ ", "bold $text-accent" if on else "dim"),
                (fit(value.value, width - 3 - len(count) - len(mark)), "bold" if on else ""),
                (mark, "dim"),
                " ",
                (count, "dim"),
            )
            options.append(Option(prompt, id=value.value))
        self.clear_options()
        self.add_options(options)
        if highlighted is not None:
            try:
                self.highlighted = self.get_option_index(highlighted)
            except Exception:
                self.highlighted = 0 if options else None
        self._update_titles(len(shown))

    def _update_titles(self, matching: int | None = None, *, focused: bool | None = None
                       ) -> None:
        if self.narrowing:
            self.border_title = Content.assemble(self.name_only, (" › ", "dim"),
                                                 (self.narrowing, "bold"))
        else:
            self.border_title = Content(self.title)
        more = (matching if matching is not None else len(self.values)) - VISIBLE_VALUES
        if more > 0:
            self.border_subtitle = f"+{more} more: type to narrow"
        elif (self.has_focus if focused is None else focused) and not self.narrowing:
            self.border_subtitle = "type to narrow"
        else:
            self.border_subtitle = ""

    @property
    def name_only(self) -> str:
        """The title without its key hint: "Location" of "Location [l]"."""
        return self.title.split(" [")[0]

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0  # so that l then space ticks the first value
        self._update_titles(focused=True)

    def on_blur(self) -> None:
        self._update_titles(focused=False)  # has_focus is still true while blurring

    def on_resize(self) -> None:
        if self.values:
            self._rebuild()

    def on_key(self, event: events.Key) -> None:
        if event.character == "x" and not self.narrowing:
            return  # the exclude binding
        if event.character and event.character.isprintable() and event.character != " " and (
                event.is_printable):
            self.narrowing += event.character
        elif event.key == "backspace" and self.narrowing:
            self.narrowing = self.narrowing[:-1]
        else:
            return
        event.stop()
        event.prevent_default()
        self._rebuild()
        if self.option_count:
            self.highlighted = 0

    def action_clear_narrowing(self) -> None:
        if self.narrowing:
            self.narrowing = ""
            self._rebuild()
        else:
            self.screen.query_one("#postings").focus()

    def action_toggle_value(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Toggled(Clause(self.field, option.id)))

    def action_exclude_value(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Toggled(Clause(self.field, option.id, negate=True)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_toggle_value()


SHOW_VALUES = ("remote", "bookmarked")


class FilterSidebar(Vertical):
    """The facets, top to bottom; the app feeds them values and active clauses."""

    def compose(self) -> ComposeResult:
        yield FacetList("is", "Show", id="facet-is")
        yield FacetList("loc", "Location [l]", id="facet-loc")
        yield FacetList("stack", "Stack [t]", id="facet-stack")
        yield FacetList("status", "Status", id="facet-status")
        yield FacetList("level", "Level", id="facet-level")
        yield FacetList("company", "Company", id="facet-company")

    def facet(self, field: str) -> FacetList:
        return self.query_one(f"#facet-{field}", FacetList)
