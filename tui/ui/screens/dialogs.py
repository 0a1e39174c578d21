"""Small modal screens: pick a status, edit a note, confirm an action."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.model import STATUSES


class StatusPicker(ModalScreen[str | None]):
    """Choose an application status; Enter picks, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, current: str) -> None:
        super().__init__()
        self.posting_title = title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.assemble(("Status for ", "dim"), (self.posting_title, "bold")))
            # Radio marks, not leading spaces: an option's leading blanks are not drawn.
            options = [
                Option(Content.assemble(("● ", "bold") if s == self.current else ("○ ", "dim"),
                                        s), id=s)
                for s in STATUSES
            ]
            yield OptionList(*options, id="status-options")
            yield Label(Content("Enter picks · Escape cancels · each change is dated"),
                        classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteEditor(ModalScreen[str | None]):
    """Edit the free-text note; Enter saves, Escape cancels, an empty note clears it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.posting_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.assemble(("Note for ", "dim"), (self.posting_title, "bold")))
            yield Input(self.note, placeholder="e.g. referred by Ana; follow up Friday",
                        id="note-input")
            yield Label(Content("Enter saves · Escape cancels · empty clears"), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

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
