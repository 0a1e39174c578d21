"""The keys that act on the highlighted posting: bookmark, status, note, open and copy
its link. Every change is saved in a thread worker by the tracking store; the
app shows it once the store has it.

A mixin of :class:`tui.ui.app.JobTuiApp`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.content import Content

from tui.catalog import Catalog
from tui.model import Posting, Tracking
from tui.parsing.sanitize import safe_url
from tui.query import Query
from tui.store.state import StateUnreadable, TrackingStore
from tui.ui.screens.dialogs import Confirm, NoteEditor, StatusPicker

POSTING_ACTIONS = {"bookmark", "mark_applied", "pick_status", "edit_note", "open_url", "copy_url"}


class TrackingActions:
    """What the posting keys need of the app."""

    catalog: Catalog
    store: TrackingStore
    query_model: Query

    def _current(self) -> Posting | None:
        posting_id = self.posting_list.highlighted
        return self.catalog.posting(posting_id) if posting_id in self.catalog else None

    @work(thread=True, group="save")
    def save_tracking(self, change: Callable[[TrackingStore], Tracking], done: str) -> None:
        try:
            tracking = change(self.store)
        except StateUnreadable as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False,
                        timeout=15)
            return
        except OSError as error:
            self.notify(f"Could not save: {error}", severity="error", markup=False, timeout=15)
            return
        self.call_from_thread(self._tracking_saved, tracking, done)

    def _tracking_saved(self, tracking: Tracking, done: str) -> None:
        self.catalog.update_tracking(tracking)
        self.detail.update_tracking(tracking)
        if any(c.field in {"status", "is"} for c in self.query_model.clauses):
            self.apply_query(self.query_model, keep=self.posting_list.highlighted)
        else:
            self.posting_list.refresh()
            self.call_after_refresh(self._update_facets)
        if done:
            self.notify(done, markup=False, timeout=3)

    def action_bookmark(self) -> None:
        posting = self._current()
        if posting is None:
            return
        on = not self.catalog.tracking(posting.id).bookmarked
        self.save_tracking(lambda store: store.set_bookmark(
            posting.id, on, title=posting.title, company=posting.company),
            f"{'Bookmarked' if on else 'Bookmark removed'}: {posting.title}")

    def _set_status(self, posting: Posting, status: str) -> None:
        self.save_tracking(lambda store: store.set_status(
            posting.id, status, title=posting.title, company=posting.company),
            f"{posting.title}: {status}")

    def action_mark_applied(self) -> None:
        posting = self._current()
        if posting is not None:
            self._set_status(posting, "applied")

    def action_pick_status(self) -> None:
        posting = self._current()
        if posting is None:
            return

        def picked(status: str | None) -> None:
            if status is not None:
                self._set_status(posting, status)

        current = self.catalog.tracking(posting.id).status
        self.push_screen(StatusPicker(posting.title, current), picked)

    def action_edit_note(self) -> None:
        posting = self._current()
        if posting is None:
            return

        def edited(note: str | None) -> None:
            if note is not None:
                self.save_tracking(lambda store: store.set_note(
                    posting.id, note, title=posting.title, company=posting.company),
                    "Note saved" if note.strip() else "Note cleared")

        self.push_screen(NoteEditor(posting.title, self.catalog.tracking(posting.id).note),
                         edited)

    def _apply_link(self) -> str:
        """The highlighted posting's apply link; "" (and the user told) when it has none."""
        posting = self._current()
        if posting is not None and not posting.url:
            self.notify("This posting has no apply link.", severity="warning")
        return posting.url if posting is not None else ""

    def action_open_url(self) -> None:
        if url := self._apply_link():
            self._confirm_open(url)

    def _confirm_open(self, href: str) -> None:
        url = safe_url(href)
        if not url:
            shown = href if href else "(none)"
            self.notify(f"Not opened: only http(s) links are opened. Link: {shown}",
                        severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.open_url(url)

        question = Content.assemble("Open this link in your browser?\n\n", (url, "underline"))
        self.push_screen(Confirm(question), answered)

    def action_copy_url(self) -> None:
        if url := self._apply_link():
            self.copy_to_clipboard(url)
            self.notify(f"Copied {url}", markup=False, timeout=3)
