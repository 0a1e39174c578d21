"""Loading the postings into the app: the cache read at once on a warm start, built in
steps on a first one, refreshed after, and the word index built last.

A mixin of :class:`tui.ui.app.JobTuiApp`: everything here runs in thread workers
and hands its results to the UI thread with ``call_from_thread``.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.content import Content
from textual.widgets import ProgressBar

from tui.catalog import SORTS, Catalog
from tui.model import Posting, SkippedFile, Tracking
from tui.parsing.sanitize import clean_line, visible
from tui.parsing.stack import vocabulary
from tui.query import Query, parse_query
from tui.store.cache import BuildReport, PostingCache
from tui.store.state import StateUnreadable, TrackingStore
from tui.store.ui_state import UIState, load_ui_state

FIRST_BUILD_STEP = 2_000  # postings listed after the first step of a first build

FILE_GONE = " (file gone)"
ORPHAN_BODY = (
    "The file of this posting is no longer in the postings folder. Your bookmark, "
    "status and note are kept: put the file back, or clear them here."
)


def with_orphans(postings: list[Posting], tracking: dict[str, Tracking]) -> Catalog:
    """The catalog of ``postings``, plus a placeholder for every tracked posting whose
    file has gone: tracking data is never hidden, let alone dropped."""
    present = {posting.id for posting in postings}
    orphans = [
        Posting(id=item.posting_id, title=clean_line(item.title or item.posting_id) + FILE_GONE,
                company=clean_line(item.company), body=ORPHAN_BODY)
        for item in tracking.values() if item.posting_id not in present and not item.is_empty
    ]
    return Catalog([*postings, *orphans], tracking)


class PostingLoading:
    """What the app's loading needs of the app."""

    postings_dir: Path
    data_dir: Path
    cache: PostingCache
    store: TrackingStore
    catalog: Catalog
    query_model: Query
    sort: str
    skipped: list[SkippedFile]
    loaded: bool
    _restore: UIState | None

    @work(thread=True, exclusive=True, group="load")
    def load_postings(self) -> None:
        try:
            self.store.check()
        except StateUnreadable as error:
            self.call_from_thread(self.exit, f"jobtui: {error}")
            return
        self._restore = load_ui_state(self.data_dir)
        cached = self.cache.postings()
        if cached:  # warm start: show the cache now, refresh it after
            self._show(cached)
            report = self.cache.build(progress=self._build_progress)
            if report.parsed or report.removed:
                self._show(self.cache.postings())
        else:
            report = self._first_build()
            self._show(self.cache.postings())
        self.call_from_thread(self._build_done, report)
        self.call_from_thread(self.index_words)

    def _first_build(self) -> BuildReport:
        """Build a cache from nothing in steps of doubling size, listing the postings
        after each step: a large folder fills the list as it goes."""
        step, done_before = FIRST_BUILD_STEP, 0
        while True:
            report = self.cache.build(limit=step, progress=lambda done, total, before=(
                done_before): self._build_progress(before + done, before + total))
            if not report.pending:
                return report
            done_before = report.total - report.pending
            self._show(self.cache.postings())
            step *= 2

    def _show(self, postings: list[Posting]) -> None:
        """From the worker: list ``postings`` (with the user's tracking) in the app."""
        self.cache.release_records()
        catalog = with_orphans(postings, self.store.all())
        restore, self._restore = self._restore, None  # the last session's view, once
        self.call_from_thread(self._catalog_ready, catalog, restore)

    def _build_progress(self, done: int, total: int) -> None:
        if total < 200:
            return

        def show() -> None:
            bar = self.query_one("#progress", ProgressBar)
            bar.display = done < total
            bar.update(total=total, progress=done)
            if not self.loaded:
                self._set_count(Content(f"parsing {done:,} / {total:,} postings…"))

        self.call_from_thread(show)

    @work(thread=True, exclusive=True, group="index")
    def index_words(self) -> None:
        vocabulary()  # loaded here, off the UI thread, not on the first stack: query
        catalog = self.catalog
        catalog.set_search_texts(self.cache.search_texts())
        if any(clause.field == "text" for clause in self.query_model.clauses):
            self.call_from_thread(self.apply_query, self.query_model)

    def _catalog_ready(self, catalog: Catalog, restore: UIState | None) -> None:
        self.catalog = catalog
        self.loaded = True
        self.posting_list.empty_text = (
            "No postings match. Press r to reset the filters." if len(catalog)
            else f"No postings found in {self.postings_dir}")
        keep = None
        if restore is not None:
            self.sort = restore.sort if restore.sort in SORTS else "added"
            self.show_sidebar = restore.sidebar
            self.query_model = parse_query(restore.query)
            self._set_search_text(restore.query)
            keep = restore.selected or None
        self.apply_query(self.query_model, keep=keep)

    def _build_done(self, report: BuildReport) -> None:
        self.skipped = report.skipped
        self.query_one("#progress", ProgressBar).display = False
        if report.skipped:
            names = ", ".join(visible(item.source) for item in report.skipped[:3])
            more = f" and {len(report.skipped) - 3} more" if len(report.skipped) > 3 else ""
            self.notify(f"{len(report.skipped)} file(s) skipped: {names}{more}. "
                        "Press ! to see why.", severity="warning", markup=False, timeout=8)
