"""Every action of the main view, declared once: its keys, its word in the footer, its
name in the command palette and its line in the help screen. The main screen's
bindings, the posting keys of the list and the detail pane, the palette and the
help are all built from these tuples (and the README is checked against them).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from tui.catalog import SORTS


@dataclass(frozen=True, slots=True)
class Action:
    action: str  # as Textual runs it on the main screen: "focus_facet('loc')"
    keys: str = ""  # Textual key names, comma-separated; "" for the palette only
    label: str = ""  # the footer's word
    title: str = ""  # the palette's name; "" keeps the action out of the palette
    help: str = ""  # the palette's line
    tooltip: str = ""
    show: bool = True  # in the footer
    priority: bool = False
    # The help screen's row: (keys as the docs write them, what they do); None when
    # another action's row already covers it (l / t).
    doc: tuple[str, str] | None = None

    @property
    def id(self) -> str:
        return self.action.split("(")[0]

    def binding(self, namespace: str = "") -> Binding:
        return Binding(self.keys, f"{namespace}{self.action}", self.label, show=self.show,
                       priority=self.priority, tooltip=self.tooltip, id=self.id)


# Anywhere on the main screen.
SCREEN_ACTIONS: tuple[Action, ...] = (
    # Priority: the focus moves before the keys typed right after it are routed.
    Action("focus_search", "slash", "Search", "Search postings",
           "Type words and qualifiers: loc: stack: is:remote",
           tooltip="Search words and qualifiers", priority=True,
           doc=("/", "search (loc: stack: company: status: is: -x)")),
    # Priority as well: keys that arrive together (Enter, then a) are queued on the
    # focused widget, so the box would get the "a" if it moved the focus itself.
    # Shown in the footer only while the search box has the focus (check_action).
    Action("leave_search", "enter", "To the list", priority=True),
    Action("focus_facet('loc')", "l", "Location", "Filter by location",
           "Jump to the Location facet", doc=("l / t", "jump to the Location / Stack filters")),
    Action("focus_facet('stack')", "t", "Stack", "Filter by stack", "Jump to the Stack facet"),
    Action("reset_filters", "r", "Reset", "Reset all filters", "Show every posting",
           doc=("r", "reset every filter")),
    Action("cycle_sort", "S", "Sort", "Change sort order",
           "Date added, title, company, status, last change",
           doc=("S", "next sort order (palette: Sort by …)")),
    Action("toggle_sidebar", "backslash", "Sidebar", "Show or hide filters",
           "The sidebar on the left", show=False,
           doc=("\\", "show or hide the filter sidebar")),
    Action("show_skipped", "exclamation_mark", "Skipped files", "Show skipped files",
           "Files that could not be loaded, and why", show=False,
           doc=("!", "list files that could not be loaded")),
    # The folder is watched: this is for a folder whose changes go unheard (some
    # network mounts) and for the user who wants to be sure.
    Action("reload", "R", "Reload", "Reload postings",
           "Read the postings folder again (it is watched: changes show by themselves)",
           show=False, doc=("R", "reload the postings folder (watched anyway)")),
    Action("add_link", "A", "Add link", "Add posting from link",
           "Download a job page into the postings folder and show it", show=False,
           doc=("A", "add a posting from a link (a web page)")),
    Action("help", "question_mark,f1", "Help", "Keys", "Every key binding",
           doc=("? / F1", "this help")),
    # Its own action (not "quit") so that it can leave the footer while a facet has
    # the focus, where q is typed into the narrowing; ctrl+q quits from anywhere.
    Action("quit_key", "q", "Quit", doc=("q", "quit; filter, sort and selection come back")),
    Action("reverse_sort", "minus", "Reverse", "Reverse sort order",
           "The list in the opposite order (oldest first, Z to A, …)", show=False,
           doc=("-", "reverse the sort order")),
)

# On the highlighted posting: bound on the list and on the detail pane.
POSTING_ACTIONS: tuple[Action, ...] = (
    Action("bookmark", "b", "Bookmark", "Bookmark posting",
           "Toggle the bookmark on the highlighted posting", doc=("b", "bookmark or un-bookmark")),
    Action("mark_applied", "a", "Applied", "Mark applied", "Record today's application",
           tooltip="Mark applied, dated today",
           doc=("a", "mark applied (today's date is recorded)")),
    Action("pick_status", "s", "Status", "Set status…",
           "none, applied, interviewing, offer, rejected, withdrawn",
           doc=("s", "status picker: applied, interviewing, offer, …")),
    Action("edit_note", "n", "Note", "Add a note…",
           "A dated entry in the highlighted posting's note log",
           doc=("n", "edit the note: add a dated entry")),
    Action("open_url", "o", "Open link", "Open apply link",
           "In your browser, after showing the URL",
           doc=("o", "open the apply link (shown first; http/https)")),
    Action("copy_url", "c", "Copy link", "Copy apply link", "To the clipboard",
           doc=("c", "copy the apply link")),
    # z as in zoom: the detail pane alone on the screen, for reading; z or escape again
    # brings the list back.
    Action("read_full_screen", "z", "Full screen", "Read full screen",
           "The highlighted posting alone on the screen; z or escape comes back",
           show=False, doc=("z", "read the posting full-screen (z / escape: back)")),
)

# Issue 12: the job seeker's week. Anywhere on the main screen.
WEEK_SCREEN_ACTIONS: tuple[Action, ...] = (
    Action("undo", "u", "Undo", "Undo last change",
           "Put back the last status, bookmark, note or hide you changed (again: the one before)",
           show=False, doc=("u", "undo a tracking change; again: the one before")),
    Action("pipeline", "P", "Pipeline", "Pipeline",
           "Tracked postings by status, oldest waiting first; follow-ups due stand out",
           show=False, doc=("P", "pipeline: by status, follow-ups due")),
)
# On the highlighted posting, like POSTING_ACTIONS.
WEEK_POSTING_ACTIONS: tuple[Action, ...] = (
    Action("hide_posting", "h", "Hide", "Hide posting",
           "Hide the highlighted posting from every view (u undoes)", show=False,
           doc=("h", "hide the posting (is:hidden lists it)")),
    Action("hide_company", "H", "Hide company", "Hide company",
           "Hide every posting of the highlighted posting's company", show=False,
           doc=("H", "hide every posting of its company")),
)
# In the palette only.
WEEK_PALETTE_ACTIONS: tuple[Action, ...] = (
    Action("toggle_hidden", title="Show hidden postings",
           help="Toggle: hidden postings and companies back in the list, or out again"),
    Action("toggle_follow_up", title="Follow-up columns",
           help="Toggle the list's 'applied on' and 'days since the last change' columns"),
    Action("edit_history", title="Edit status history…",
           help="Change the date or status of an entry of the highlighted posting, or remove it"),
)

# In the palette only.
SORT_ACTIONS: tuple[Action, ...] = tuple(
    Action(f"sort_by('{name}')", title=f"Sort by {label}", help="The order of the posting list")
    for name, label in SORTS.items()
)

# Single-character keys that a focused facet takes as typing: not in its footer.
TYPED_IN_FACETS = {"focus_facet", "reset_filters", "cycle_sort", "toggle_sidebar",
                   "show_skipped", "quit_key", "undo", "pipeline", "reload", "add_link",
                   "reverse_sort"}

# The palette's order: finding, then the posting, then the view.
_PALETTE_ORDER = ("focus_search", "focus_facet('loc')", "focus_facet('stack')", "reset_filters",
                  "cycle_sort", *(a.action for a in POSTING_ACTIONS), "toggle_sidebar",
                  "show_skipped", "reload", "help", "add_link", "reverse_sort",
                  "read_full_screen")
_BY_ACTION = {a.action: a for a in (*SCREEN_ACTIONS, *POSTING_ACTIONS)}
PALETTE: tuple[Action, ...] = (*(_BY_ACTION[name] for name in _PALETTE_ORDER),
                               *WEEK_SCREEN_ACTIONS, *WEEK_POSTING_ACTIONS,
                               *WEEK_PALETTE_ACTIONS, *SORT_ACTIONS)

SCREEN_BINDINGS: list[Binding] = [
    action.binding() for action in (*SCREEN_ACTIONS, *WEEK_SCREEN_ACTIONS)]
# The list and the detail pane run these on their screen.
POSTING_BINDINGS: tuple[Binding, ...] = tuple(
    action.binding("screen.") for action in (*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS))
POSTING_ACTION_IDS = {action.id for action in (*POSTING_ACTIONS, *WEEK_POSTING_ACTIONS)}
POSTING_ACTION_IDS.add("edit_history")


def help_rows(actions: tuple[Action, ...]) -> tuple[tuple[str, str], ...]:
    return tuple(action.doc for action in actions if action.doc is not None)
