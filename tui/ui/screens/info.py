"""Read-only screens: every key binding, the files that were skipped, a posting's full text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, TextArea
from textual.widgets.option_list import Option

from tui.model import SkippedFile
from tui.sanitize import visible
from tui.text import plural
from tui.ui.actions import (
    POSTING_ACTIONS,
    SCREEN_ACTIONS,
    WEEK_POSTING_ACTIONS,
    WEEK_SCREEN_ACTIONS,
    help_rows,
)

KEY_WIDTH = 19
PALETTE_ROW = ("ctrl+p", "command palette: every action by name")


def _anywhere() -> tuple[tuple[str, str], ...]:
    """The screen's rows: the reverse key right after the sort key, then help and quit
    last, with the palette's key (Textual's own) just before help's."""
    rows = list(help_rows((*SCREEN_ACTIONS, *WEEK_SCREEN_ACTIONS)))
    keys = [key for key, _ in rows]
    if "-" in keys and "S" in keys:
        rows.insert(keys.index("S") + 1, rows.pop(keys.index("-")))
    last = [row for row in rows if row[0] in ("? / F1", "q")]
    rows = [row for row in rows if row not in last]
    return (*rows, PALETTE_ROW, *last)


KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Anywhere", _anywhere()),
    ("Posting list", (
        ("j / k, ↓ / ↑", "move"),
        ("PgUp / PgDn", "move a page"),
        ("g / G, Home / End", "first / last posting"),
        ("enter", "read the posting in the detail pane"),
        *help_rows((*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS)),
        ("★ ✎", "in a row: bookmarked, has notes"),
        ("seen 2×", "in a row: the role saved twice"),
        ("A I O R W", "applied, interviewing, offer, rejected, withdrawn"),
    )),
    ("Filters sidebar", (
        ("space / enter", "toggle the highlighted value"),
        ("x", "exclude the highlighted value (-company:…)"),
        ("type", "narrow the list; backspace and escape undo"),
        ("escape", "when nothing is typed: back to the list"),
    )),
    ("Search box", (
        ("enter", "back to the list, keeping the filter"),
        ("escape", "clear; when empty, back to the list"),
        ("salary:>=90k", "pay a year, in the most common currency"),
        ("salary:>=90keur", "in euros: other currencies are not compared"),
    )),
    ("Detail pane", (
        ("j / k, g / G", "scroll the posting (space: a page down)"),
        (" ".join(action.keys for action in (*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS)),
         "as in the list"),
        ("f", "full text of a long posting, wrapped"),
        ("escape", "back to the list"),
    )),
)


HELP_COLUMNS = (("Anywhere", "Search box", "Detail pane"), ("Posting list", "Filters sidebar"))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        # Two columns so that every key fits a 45-row screen; on a smaller one the
        # columns stack (app.tcss) and scroll.
        with Vertical(classes="dialog wide", id="help"):
            yield Label(Content.assemble(("jobtui keys", "bold"), "  ",
                                         ("escape closes", "dim")))
            with VerticalScroll(id="help-scroll"), Horizontal(id="help-keys"):
                for column in HELP_COLUMNS:
                    parts: list[Content | str | tuple[str, str]] = []
                    for section, keys in KEYS:
                        if section not in column:
                            continue
                        parts += ["\n", (section, "bold underline"), "\n"]
                        for key, text in keys:
                            parts += [(f"{key:<{KEY_WIDTH}}", "bold"), text, "\n"]
                    yield Label(Content.assemble(*parts), classes="help-column")

    def text(self) -> str:
        """Everything the help shows, as plain text."""
        return "\n".join(str(label.render()) for label in self.query(".help-column"))


class SkippedScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, skipped: list[SkippedFile]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Content.styled(
                f"{plural(len(self.skipped), 'file')} could not be loaded", "bold"))
            yield OptionList(*[
                Option(Content.assemble((visible(item.source), "bold"),
                                        ("  " + item.reason, "dim")))
                for item in self.skipped
            ] or [Option(Content("Every file loaded."))])


class FullTextScreen(ModalScreen[None]):
    """A long posting as plain text in a read-only ``TextArea``: soft-wrapped to the
    screen (a ``Log`` ran each paragraph off the right edge), selectable, and nothing in
    it parsed as markup. Wrapping a 2 MB posting costs about 0.7 s of CPU, once, when
    ``f`` is pressed (measured on this 2-core box, Textual 8.2)."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        # Reading keys as in the list and the detail pane; priority, or the text area
        # would take them as (refused) typing.
        Binding("j", "scroll('down')", "Down", show=False, priority=True),
        Binding("k", "scroll('up')", "Up", show=False, priority=True),
        Binding("g", "scroll('home')", "Top", show=False, priority=True),
        Binding("G", "scroll('end')", "Bottom", show=False, priority=True),
        Binding("space", "scroll('page_down')", "Page down", show=False, priority=True),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.posting_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog full"):
            yield Label(Content.styled(self.posting_title, "bold"))
            yield TextArea(self.text, read_only=True, soft_wrap=True, show_line_numbers=False,
                           highlight_cursor_line=False, id="full-text")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_scroll(self, where: str) -> None:
        text = self.query_one(TextArea)
        {"down": text.scroll_down, "up": text.scroll_up, "home": text.scroll_home,
         "end": text.scroll_end, "page_down": text.scroll_page_down}[where](animate=False)
