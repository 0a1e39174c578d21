"""Edit a posting's status history: change an entry's status or date, or remove it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.model import STATUSES, StatusChange


@dataclass(frozen=True, slots=True)
class HistoryEdit:
    index: int  # 0: the oldest entry
    status: str | None = None
    on: date | None = None
    remove: bool = False


def parse_entry(text: str) -> tuple[str, date]:
    """``"applied 2026-11-01"`` (either order) as a status and a date; ValueError else."""
    words = text.split()
    statuses = [w.lower() for w in words if w.lower() in STATUSES[1:]]
    dates = [w for w in words if w.lower() not in STATUSES[1:]]
    if len(statuses) != 1 or len(dates) != 1:
        raise ValueError("write a status and a date: applied 2026-11-01")
    return statuses[0], date.fromisoformat(dates[0])


class HistoryEditor(ModalScreen[HistoryEdit | None]):
    """Enter on an entry puts it in the field below to edit; Enter there saves it;
    delete removes the highlighted entry; Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("delete,d", "remove", "Remove entry"),
    ]
    AUTO_FOCUS = "#history-entries"

    def __init__(self, title: str, history: tuple[StatusChange, ...]) -> None:
        super().__init__()
        self.posting_title = title
        self.history = history
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.assemble(("Status history of ", "dim"),
                                         (self.posting_title, "bold")))
            yield OptionList(*(Option(Content(f"{change.date}  {change.status}"), id=str(i))
                               for i, change in enumerate(self.history)),
                             id="history-entries")
            yield Input(placeholder="status and date, e.g. applied 2026-11-01",
                        id="history-entry")
            yield Label(Content("Enter edits the entry · d / delete removes it · "
                                "Escape cancels · u undoes"), classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.editing = int(event.option.id or 0)
        change = self.history[self.editing]
        field = self.query_one("#history-entry", Input)
        field.value = f"{change.status} {change.date}"
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.editing is None:
            return
        try:
            status, on = parse_entry(event.value)
        except ValueError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.dismiss(HistoryEdit(self.editing, status=status, on=on))

    def action_remove(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(HistoryEdit(int(option.id), remove=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
