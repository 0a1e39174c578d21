"""Read-only screens: every key binding, the files that were skipped, a posting's full text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Log, OptionList
from textual.widgets.option_list import Option

from tui.model import SkippedFile
from tui.parsing.sanitize import visible

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Anywhere", (
        ("/", "search: words and qualifiers (loc: stack: company: status: is: -exclude)"),
        ("l / t", "jump to the Location / Stack filters"),
        ("r", "reset every filter"),
        ("S", "change the sort order"),
        ("\\", "show or hide the filter sidebar"),
        ("!", "list files that could not be loaded"),
        ("ctrl+p", "command palette: every action by name"),
        ("? / F1", "this help"),
        ("q", "quit (filters, sort and selection are restored next time)"),
    )),
    ("Posting list", (
        ("j / k, ↓ / ↑", "move"),
        ("enter", "read the posting in the detail pane"),
        ("b", "bookmark or un-bookmark"),
        ("a", "mark applied (today's date is recorded)"),
        ("s", "pick a status: none, applied, interviewing, offer, rejected, withdrawn"),
        ("n", "edit the note"),
        ("o", "open the apply link in your browser (http/https only, after showing it)"),
        ("c", "copy the apply link"),
    )),
    ("Filters sidebar", (
        ("space / enter", "toggle the highlighted value"),
        ("type", "narrow the list; backspace and escape undo"),
    )),
    ("Search box", (
        ("enter", "back to the list"),
        ("escape", "clear the search"),
    )),
    ("Detail pane", (
        ("f", "full text of a long posting"),
        ("escape", "back to the list"),
    )),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="help"):
            yield Label(Content.styled("jobtui keys", "bold"))
            parts: list[Content | str | tuple[str, str]] = []
            for section, keys in KEYS:
                parts += ["\n", (section, "bold underline"), "\n"]
                for key, text in keys:
                    parts += [(f"  {key:<14}", "bold"), text, "\n"]
            yield Label(Content.assemble(*parts), id="help-keys")


class SkippedScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, skipped: list[SkippedFile]) -> None:
        super().__init__()
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            count = len(self.skipped)
            yield Label(Content.styled(
                f"{count} file{'s' if count != 1 else ''} could not be loaded", "bold"))
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
