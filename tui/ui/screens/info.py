"""Read-only screens: every key binding, the files that were skipped, a posting's full text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Log, OptionList
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
_ANYWHERE = help_rows((*SCREEN_ACTIONS[:-2], *WEEK_SCREEN_ACTIONS, *SCREEN_ACTIONS[-2:]))
KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    # The palette's key is Textual's own; it goes just before the help's.
    ("Anywhere", (*_ANYWHERE[:-2], PALETTE_ROW, *_ANYWHERE[-2:])),
    ("Posting list", (
        ("j / k, ↓ / ↑", "move"),
        ("PgUp / PgDn", "move a page"),
        ("g / G, Home / End", "first / last posting"),
        ("enter", "read the posting in the detail pane"),
        *help_rows((*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS)),
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
        (" ".join(action.keys for action in (*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS)),
         "as in the list"),
        ("f", "full text of a long posting"),
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
    """A long posting as plain text in a ``Log``: a Line API view, so a 2 MB posting opens
    at once. The text is written as plain lines; nothing in it is parsed as markup."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.posting_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog full"):
            yield Label(Content.styled(self.posting_title, "bold"))
            yield Log(highlight=False, auto_scroll=False, id="full-text")

    def on_mount(self) -> None:
        log = self.query_one(Log)
        log.write_lines(self.text.split("\n"))
        log.scroll_home(animate=False)
        log.focus()
