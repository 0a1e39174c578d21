"""Small modal screens: pick a status, add a note, confirm an action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.model import STATUSES, NoteEntry
from tui.sanitize import clean_text

# The status picker's letter keys: each status's first letter.
STATUS_KEYS: dict[str, str] = {status[0]: status for status in STATUSES}


@dataclass(frozen=True, slots=True)
class StatusChoice:
    status: str
    on: date | None  # None: today (the date field was left as it was)


class StatusPicker(ModalScreen[StatusChoice | None]):
    """Choose an application status, by its letter or Enter, dated today or on the date
    typed in the date field (tab moves to it); Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        *(Binding(letter, f"pick('{status}')", status, show=False)
          for letter, status in STATUS_KEYS.items()),
    ]
    AUTO_FOCUS = "#status-options"

    def __init__(self, title: str, current: str, today: date | None = None) -> None:
        super().__init__()
        self.posting_title = title
        self.current = current
        self.today = (today or date.today()).isoformat()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.assemble(("Status for ", "dim"), (self.posting_title, "bold")))
            # Radio marks, not leading spaces: an option's leading blanks are not drawn.
            options = [
                Option(Content.assemble(("● ", "bold") if s == self.current else ("○ ", "dim"),
                                        (f"{s[0]} ", "bold $text-accent"), s), id=s)
                for s in STATUSES
            ]
            yield OptionList(*options, id="status-options")
            with Horizontal(classes="date-row"):
                yield Label(Content("dated"), classes="hint")
                yield Input(id="status-date", max_length=10, restrict=r"[0-9-]*",
                            placeholder="today, or YYYY-MM-DD")
            yield Label(Content("a letter or Enter picks · tab: the date · Escape cancels"),
                        classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.action_pick(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.action_pick(option.id)

    def action_pick(self, status: str) -> None:
        typed = self.query_one("#status-date", Input).value.strip()
        if typed in {"", self.today}:
            self.dismiss(StatusChoice(status, None))
            return
        try:
            on = date.fromisoformat(typed)
        except ValueError:
            self.notify(f"Not a date: {typed!r}. Write it as YYYY-MM-DD.", severity="error",
                        markup=False)
            self.query_one("#status-date", Input).focus()
            return
        self.dismiss(StatusChoice(status, on))

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteEditor(ModalScreen[str | None]):
    """Add a dated entry to the note log: the earlier entries, newest first, above a
    multi-line editor. ctrl+s adds the entry, Escape cancels; an empty entry adds nothing."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Add entry", priority=True),
    ]
    AUTO_FOCUS = "#note-input"
    SHOWN_ENTRIES = 5

    def __init__(self, title: str, notes: tuple[NoteEntry, ...] = ()) -> None:
        super().__init__()
        self.posting_title = title
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Content.assemble(("Notes on ", "dim"), (self.posting_title, "bold")))
            if self.notes:
                newest = list(reversed(self.notes))
                parts: list[Content | str | tuple[str, str]] = []
                for entry in newest[:self.SHOWN_ENTRIES]:
                    parts += [(f"{entry.date or 'undated'}  ", "dim"), clean_text(entry.text),
                              "\n"]
                if len(newest) > self.SHOWN_ENTRIES:
                    parts.append((f"+{len(newest) - self.SHOWN_ENTRIES} older", "dim"))
                yield Static(Content.assemble(*parts), id="note-log")
            yield TextArea(id="note-input", soft_wrap=True, show_line_numbers=False)
            yield Label(Content("ctrl+s adds the entry, dated today · Escape cancels · "
                                "u undoes"), classes="hint")

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note-input", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """Ask before doing something outside jobtui (opening a browser)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: Content, yes: str = "Open") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button("Cancel", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
