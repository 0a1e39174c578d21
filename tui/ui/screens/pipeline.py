"""The Pipeline view (P): tracked postings grouped by status with counts, oldest waiting
first, the ones due a follow-up marked. Enter goes to the posting in the list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.followup import Group, Waiting
from tui.sanitize import clean_line
from tui.ui.widgets.row_layout import fit

TITLE_WIDTH = 48
COMPANY_WIDTH = 22


def row_content(row: Waiting) -> Content:
    days = "   ?" if row.days is None else f"{row.days:>3}d"
    applied = row.tracking.applied_on() or "—"
    return Content.assemble(
        ("follow up " if row.due else "          ", "bold $text-warning" if row.due else ""),
        (days, "bold $text-warning" if row.due else "dim"), "  ",
        (f"applied {applied:<10}", "dim"), "  ",
        (fit(clean_line(row.posting.title), TITLE_WIDTH), "bold" if row.due else ""), "  ",
        (fit(clean_line(row.posting.company), COMPANY_WIDTH), "$text-accent"),
    )


def group_heading(group: Group) -> Content:
    due = f" · {group.due} due a follow-up" if group.due else ""
    return Content.assemble((f"{group.status.capitalize()} ({len(group.rows)})", "bold"),
                            (due, "$text-warning"))


class PipelineScreen(ModalScreen[str | None]):
    """Returns the id of the posting chosen with Enter, or None."""

    BINDINGS = [Binding("escape,P,q", "close", "Close")]
    AUTO_FOCUS = "#pipeline-rows"

    def __init__(self, groups: list[Group], follow_up_days: int) -> None:
        super().__init__()
        self.groups = groups
        self.follow_up_days = follow_up_days

    def compose(self) -> ComposeResult:
        tracked = sum(len(group.rows) for group in self.groups)
        due = sum(group.due for group in self.groups)
        with Vertical(classes="dialog wide", id="pipeline"):
            yield Label(Content.assemble(
                ("Pipeline", "bold"), f"  {tracked} tracked · ",
                (f"{due} due a follow-up", "bold $text-warning" if due else ""),
                (f" (applied or interviewing, no change for {self.follow_up_days}+ days)",
                 "dim")))
            options: list[Option | None] = []
            for group in self.groups:
                if options:
                    options.append(None)  # a separator line
                options.append(Option(group_heading(group), disabled=True))
                options += [Option(row_content(row), id=row.posting.id) for row in group.rows]
            if not options:
                options.append(Option(Content("Nothing tracked yet: a, s or b on a posting."),
                                      disabled=True))
            yield OptionList(*options, id="pipeline-rows")
            yield Label(Content("days since the last status change · Enter: go to the posting"
                                " · Escape closes"), classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
