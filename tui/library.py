"""The one door from the TUI and the CLI to the data: the postings folder as a cache of
parsed postings, the user's tracking data beside it, and the view the TUI restores.

Textual-free and blocking: the TUI calls it from thread workers, the CLI directly.
Callers get model objects (:class:`~tui.catalog.Catalog`, :class:`~tui.model.Posting`,
:class:`~tui.model.Tracking`), never a cache entry or a stored document.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from pathlib import Path

from tui.catalog import Catalog
from tui.model import Posting, SkippedFile, Tracking
from tui.parsing.stack import vocabulary
from tui.paths import state_path
from tui.sanitize import clean_line
from tui.store.cache import BuildReport, PostingCache
from tui.store.parse_worker import Progress
from tui.store.state import StateUnreadable, TrackingStore
from tui.store.ui_state import UIState, load_ui_state, save_ui_state

__all__ = ["FILE_GONE", "BuildReport", "Library", "Progress", "StateUnreadable", "UIState"]

FIRST_BUILD_STEP = 2_000  # postings listed after the first step of a first build

# A tracked posting whose file has left the folder: its tracking is kept and shown.
FILE_GONE = " (file gone)"
ORPHAN_BODY = (
    "The file of this posting is no longer in the postings folder. Your bookmark, "
    "status and note are kept: put the file back, or clear them here."
)


def gone(tracking: dict[str, Tracking], present: Container[str]) -> list[Tracking]:
    """The tracking of postings no longer in the folder (``present`` holds the ids that
    are), in id order: kept, never hidden, let alone dropped."""
    return [item for posting_id, item in sorted(tracking.items())
            if posting_id not in present and not item.is_empty]


def with_orphans(postings: list[Posting], tracking: dict[str, Tracking]) -> Catalog:
    """The catalog of ``postings``, plus a placeholder for every tracked posting whose
    file has gone."""
    orphans = [
        Posting(id=item.posting_id, title=clean_line(item.title or item.posting_id) + FILE_GONE,
                company=clean_line(item.company), body=ORPHAN_BODY)
        for item in gone(tracking, {posting.id for posting in postings})
    ]
    return Catalog([*postings, *orphans], tracking)


class Library:
    """A postings folder and a data folder, opened."""

    def __init__(self, postings_dir: Path, data_dir: Path) -> None:
        self.postings_dir = postings_dir
        self.data_dir = data_dir
        self.cache = PostingCache(data_dir, postings_dir)
        self.store = TrackingStore(state_path(data_dir))

    # -- loading ---------------------------------------------------------------
    def check(self) -> None:
        """Raise :class:`StateUnreadable` when the user's tracking file cannot be read."""
        self.store.check()

    def refresh(self, progress: Progress | None = None) -> BuildReport:
        """Bring the cache up to date with the folder."""
        return self.cache.build(progress=progress)

    def load(self, show: Callable[[Catalog], None],
             progress: Progress | None = None) -> BuildReport:
        """Load the folder for a screen: ``show`` gets each catalog as it comes.

        A warm start shows the cache at once and refreshes it after; a first build
        goes in steps of doubling size, so a large folder fills the list as it goes.
        """
        cached = self.cache.postings()
        if cached:
            show(self.listed(cached))
            report = self.refresh(progress)
            if report.parsed or report.removed:
                show(self.listed())
            return report
        step, done_before = FIRST_BUILD_STEP, 0
        while True:
            def counted(done: int, total: int, before: int = done_before) -> None:
                if progress is not None:  # counted against every file of the folder
                    progress(before + done, before + total)

            report = self.cache.build(limit=step, progress=counted)
            show(self.listed())
            if not report.pending:
                return report
            done_before = report.total - report.pending
            step *= 2

    def listed(self, postings: list[Posting] | None = None) -> Catalog:
        """Every posting (``postings`` when already read), as the list shows it, with
        the user's tracking and the postings whose file has gone. The cache then
        forgets its own copy of the records: the catalog holds them (100+ MB at 100k
        postings)."""
        if postings is None:
            postings = self.cache.postings()
        self.cache.release_records()
        return with_orphans(postings, self.store.all())

    def catalog(self, *, with_text: bool = False) -> Catalog:
        """Every posting in the folder (no placeholders), for a command; ``with_text``
        adds the free-text index."""
        catalog = Catalog(self.cache.postings(), self.store.all())
        if with_text:
            catalog.set_search_texts(self.cache.search_texts())
        return catalog

    def index_words(self, catalog: Catalog) -> None:
        """Add the free-text index to ``catalog`` (seconds at 100k postings)."""
        vocabulary()  # loaded here, off the UI thread, not on the first stack: query
        catalog.set_search_texts(self.cache.search_texts())

    def posting(self, posting_id: str) -> Posting | None:
        """The posting with its body, or None when there is no such id."""
        return self.cache.get(posting_id)

    def posting_id_of(self, source: str) -> str | None:
        """The id of the posting read from ``source`` (a path in the folder), if it loaded."""
        return next((p.id for p in self.cache.postings() if p.source == source), None)

    def body(self, posting_id: str) -> str:
        return self.cache.body(posting_id)

    def skipped(self) -> list[SkippedFile]:
        return self.cache.skipped()

    # -- the user's tracking -------------------------------------------------------
    def tracking(self, posting_id: str) -> Tracking:
        return self.store.get(posting_id)

    def all_tracking(self) -> dict[str, Tracking]:
        return self.store.all()

    def set_bookmark(self, posting: Posting, on: bool) -> Tracking:
        return self.store.set_bookmark(posting.id, on, title=posting.title,
                                       company=posting.company)

    def set_status(self, posting: Posting, status: str) -> Tracking:
        return self.store.set_status(posting.id, status, title=posting.title,
                                     company=posting.company)

    def set_note(self, posting: Posting, note: str, *, base: str | None = None,
                 on_conflict: str = "refuse") -> Tracking:
        """``base``: the note the edit started from (see TrackingStore.set_note)."""
        return self.store.set_note(posting.id, note, title=posting.title,
                                   company=posting.company, base=base, on_conflict=on_conflict)

    def tracking_stamp(self) -> object:
        """Changes whenever the tracking file is written, by this process or another."""
        return self.store.stamp()

    @property
    def backup_error(self) -> str:
        """Why the last change could not be backed up ("" when it was)."""
        return self.store.backup_error or ""

    def backups(self) -> list[Path]:
        return self.store.backups()

    def restore(self, backup: Path | None = None) -> Path:
        return self.store.restore(backup)

    # -- the view the TUI restores ---------------------------------------------------
    def load_view(self) -> UIState:
        return load_ui_state(self.data_dir)

    def save_view(self, state: UIState) -> None:
        save_ui_state(self.data_dir, state)
