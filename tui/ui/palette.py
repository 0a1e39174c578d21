"""jobtui's actions in the command palette (ctrl+p), next to Textual's own."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.catalog import SORTS

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Search postings", "focus_search", "Type words and qualifiers: loc: stack: is:remote"),
    ("Filter by location", "focus_facet('loc')", "Jump to the Location facet"),
    ("Filter by stack", "focus_facet('stack')", "Jump to the Stack facet"),
    ("Reset all filters", "reset_filters", "Show every posting"),
    ("Change sort order", "cycle_sort", "Date added, title, company, status, last change"),
    ("Bookmark posting", "bookmark", "Toggle the bookmark on the highlighted posting"),
    ("Mark applied", "mark_applied", "Record today's application"),
    ("Set status…", "pick_status", "none, applied, interviewing, offer, rejected, withdrawn"),
    ("Edit note…", "edit_note", "A free-text note on the highlighted posting"),
    ("Open apply link", "open_url", "In your browser, after showing the URL"),
    ("Copy apply link", "copy_url", "To the clipboard"),
    ("Show or hide filters", "toggle_sidebar", "The sidebar on the left"),
    ("Show skipped files", "show_skipped", "Files that could not be loaded, and why"),
    ("Keys", "help", "Every key binding"),
    *((f"Sort by {label}", f"sort_by('{name}')", "The order of the posting list")
      for name, label in SORTS.items()),
)


class JobCommands(Provider):
    async def discover(self) -> Hits:
        for name, action, help_text in COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action),
                          help=help_text)
