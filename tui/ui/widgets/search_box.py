"""The search box: an ``Input`` whose keys say what they do in the footer.

Enter goes back to the list; Escape clears the box, and on an empty box goes
back to the list too (the same two steps as a facet's narrowing).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBox(Input):
    # Enter (back to the list) is the app's priority binding: keys sent together
    # (Enter, then a) are queued on this widget before it could move the focus.
    BINDINGS = [
        Binding("escape", "clear_or_leave", "Clear", tooltip="Clear the search"),
    ]

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.app.set_focus(self.screen.query_one("#postings"))
