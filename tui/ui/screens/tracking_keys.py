"""The main screen's tracking keys of issue 12, kept out of main.py: safe status changes
(a never goes backwards unasked), dated statuses, the note log, the status history,
hiding postings and companies, undo (u) and the Pipeline view (P).

:class:`TrackingKeys` is mixed into :class:`~tui.ui.screens.main.MainScreen`; it
uses the screen's catalog, list and save worker. Every change is one atomic write
of the tracking store, made in a worker; undo puts back what the user's own change
replaced, newest first, for as long as the app runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import work
from textual.content import Content
from textual.screen import Screen

from tui.followup import pipeline
from tui.library import Library, StateUnreadable
from tui.model import STATUS_PROGRESS, Posting, Tracking
from tui.ui.messages import HiddenCompaniesSaved

# The dialogs are imported where they open: none is in the first frame, and together
# with the main screen's they were ~0.03-0.05 s of imports before it (TextArea, Button).
if TYPE_CHECKING:
    from tui.catalog import Catalog
    from tui.query import Query
    from tui.ui.screens.dialogs import StatusChoice
    from tui.ui.screens.history_dialog import HistoryEdit
    from tui.ui.widgets.posting_list import PostingList

UNDO_LIMIT = 200  # changes remembered; far more than a session's worth


@dataclass(frozen=True, slots=True)
class UndoStep:
    """What one change replaced: a posting's whole tracking, or a company's hiding."""

    label: str
    before: Tracking | None = None
    company: str = ""
    company_was_hidden: bool = False


class TrackingKeys(Screen[None]):
    """The base of MainScreen: these keys, on the screen's members declared here."""

    if TYPE_CHECKING:  # MainScreen's, used here
        catalog: Catalog
        library: Library
        query_model: Query
        undo_steps: list[UndoStep]
        follow_up_days: int

        @property
        def posting_list(self) -> PostingList: ...
        def _current(self) -> Posting | None: ...
        def save_tracking(self, change: Callable[[Library], Tracking], done: str) -> Any: ...
        def apply_query(self, query: Query, *, keep: str | None = None) -> None: ...
        def _set_search_text(self, text: str) -> None: ...
        def _remember(self) -> None: ...

    def _track(self, posting: Posting, change: Callable[[Library], Tracking],
               done: str) -> None:
        """Save a change to ``posting``'s tracking, remembering what it replaces."""
        self.undo_steps.append(UndoStep(done, before=self.catalog.tracking(posting.id)))
        del self.undo_steps[:-UNDO_LIMIT]
        self.save_tracking(change, done)

    # -- statuses ----------------------------------------------------------------
    def _set_status(self, posting: Posting, status: str,
                    on: date | None = None) -> None:
        dated = f" on {on.isoformat()}" if on else ""
        self._track(posting, lambda library: library.set_status(posting, status, on),
                    f"{posting.title}: {status}{dated}")

    def action_mark_applied(self) -> None:
        posting = self._current()
        if posting is None:
            return
        tracking = self.catalog.tracking(posting.id)
        if tracking.status == "applied":
            self.notify(f"Already applied on {tracking.applied_on() or 'an unknown date'}.",
                        markup=False, timeout=3)
            return
        if STATUS_PROGRESS[tracking.status] <= STATUS_PROGRESS["applied"]:
            self._set_status(posting, "applied")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_status(posting, "applied")

        question = Content.assemble(
            (posting.title, "bold"), f" is {tracking.status}.\n\n",
            "Move it back to applied? (The history keeps every change; u undoes.)")
        from tui.ui.screens.dialogs import Confirm

        self.app.push_screen(Confirm(question, yes="Mark applied"), answered)

    def action_pick_status(self) -> None:
        posting = self._current()
        if posting is None:
            return

        def picked(choice: StatusChoice | None) -> None:
            if choice is not None:
                self._set_status(posting, choice.status, choice.on)

        current = self.catalog.tracking(posting.id).status
        from tui.ui.screens.dialogs import StatusPicker

        self.app.push_screen(StatusPicker(posting.title, current), picked)

    def action_edit_history(self) -> None:
        posting = self._current()
        if posting is None:
            return
        history = self.catalog.tracking(posting.id).history
        if not history:
            self.notify("No status history yet: a or s sets a status.", timeout=3)
            return

        def edited(edit: HistoryEdit | None) -> None:
            if edit is None:
                return
            done = ("History entry removed" if edit.remove
                    else f"History entry changed: {edit.status} {edit.on}")
            self._track(posting, lambda library: library.edit_history(
                posting, edit.index, status=edit.status, on=edit.on, remove=edit.remove), done)

        from tui.ui.screens.history_dialog import HistoryEditor

        self.app.push_screen(HistoryEditor(posting.title, history), edited)

    # -- notes -------------------------------------------------------------------
    def action_edit_note(self) -> None:
        posting = self._current()
        if posting is None:
            return

        def written(text: str | None) -> None:
            if text is not None and text.strip():
                self._track(posting, lambda library: library.add_note(posting, text),
                            "Note added")

        notes = self.catalog.tracking(posting.id).notes
        from tui.ui.screens.dialogs import NoteEditor

        self.app.push_screen(NoteEditor(posting.title, notes), written)

    # -- hiding --------------------------------------------------------------------
    def action_hide_posting(self) -> None:
        posting = self._current()
        if posting is None:
            return
        hide = not self.catalog.tracking(posting.id).hidden
        done = (f"Hidden: {posting.title} (u undoes; is:hidden lists hidden postings)" if hide
                else f"Shown again: {posting.title}")
        self._track(posting, lambda library: library.set_hidden(posting, hide), done)

    def action_hide_company(self) -> None:
        posting = self._current()
        if posting is None:
            return
        if not posting.company:
            self.notify("This posting names no company.", severity="warning", timeout=3)
            return
        was = self.catalog.company_hidden(posting.company)
        done = (f"Shown again: every posting of {posting.company}" if was else
                f"Hidden: every posting of {posting.company} (u undoes)")
        self.undo_steps.append(UndoStep(done, company=posting.company, company_was_hidden=was))
        self.save_company(posting.company, not was, done)

    @work(thread=True, group="save")
    def save_company(self, company: str, hidden: bool, done: str) -> None:
        try:
            companies = self.library.set_company_hidden(company, hidden)
        except (StateUnreadable, OSError, ValueError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False, timeout=15)
            return
        self.post_message(HiddenCompaniesSaved(companies, done))

    def _companies_saved(self, message: HiddenCompaniesSaved) -> None:
        self.catalog.set_hidden_companies(message.companies)
        self.refilter_after_hiding()
        if message.done:
            self.notify(message.done, markup=False, timeout=3)

    def refilter_after_hiding(self) -> None:
        """Hidden postings leave the list: the cursor moves to the nearest one still shown."""
        ids, cursor = self.posting_list.ids, self.posting_list.cursor
        keep = None
        for index in (*range(cursor, len(ids)), *range(cursor - 1, -1, -1)):
            if self.catalog.show_hidden or not self.catalog.is_hidden(ids[index]):
                keep = ids[index]
                break
        self.apply_query(self.query_model, keep=keep)

    def action_toggle_hidden(self) -> None:
        self.catalog.show_hidden = not self.catalog.show_hidden
        self.apply_query(self.query_model, keep=self.posting_list.highlighted)
        self.notify("Hidden postings shown" if self.catalog.show_hidden
                    else "Hidden postings hidden again", timeout=2)

    # -- undo ----------------------------------------------------------------------
    def action_undo(self) -> None:
        if not self.undo_steps:
            self.notify("Nothing to undo.", timeout=2)
            return
        step = self.undo_steps.pop()
        if step.before is None:
            self.save_company(step.company, step.company_was_hidden, f"Undone: {step.label}")
            return
        before = step.before
        self.save_tracking(lambda library: library.put_tracking(before),
                           f"Undone: {step.label}")

    # -- follow-ups ------------------------------------------------------------------
    def action_toggle_follow_up(self) -> None:
        self.posting_list.follow_up = not self.posting_list.follow_up
        self.posting_list.refresh()
        self.posting_list.refresh_header()  # the headings follow the columns
        self._remember()

    def action_pipeline(self) -> None:
        catalog = self.catalog

        def shown(posting_id: str) -> Posting | None:
            if posting_id not in catalog or (
                    catalog.is_hidden(posting_id) and not catalog.show_hidden):
                return None
            return catalog.posting(posting_id)

        groups = pipeline(catalog.tracked().values(), shown, date.today(),
                          self.follow_up_days)

        def chosen(posting_id: str | None) -> None:
            if posting_id is None:
                return
            if posting_id not in self.posting_list.ids:  # filtered out: show everything
                self._set_search_text("")
                self.apply_query(type(self.query_model)(), keep=posting_id)
            else:
                self.apply_query(self.query_model, keep=posting_id)
            self.set_focus(self.posting_list)

        from tui.ui.screens.pipeline import PipelineScreen

        self.app.push_screen(PipelineScreen(groups, self.follow_up_days), chosen)
