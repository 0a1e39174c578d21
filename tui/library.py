"""The one door from the TUI and the CLI to the data: the postings folder as a cache of
parsed postings, the user's tracking data beside it, and the view the TUI restores.

Textual-free and blocking: the TUI calls it from thread workers, the CLI directly.
Callers get model objects (:class:`~tui.catalog.Catalog`, :class:`~tui.model.Posting`,
:class:`~tui.model.Tracking`), never a cache entry or a stored document.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from tui.catalog import Catalog
from tui.folder_watch import FolderWatch
from tui.model import Posting, SkippedFile, Tracking
from tui.paths import state_path
from tui.sanitize import clean_line
from tui.store.cache import BuildReport, PostingCache
from tui.store.listing import Listing
from tui.store.scan import POSTING_SUFFIXES
from tui.store.state import StateUnreadable, TrackingStore
from tui.store.ui_state import UIState, load_ui_state, save_ui_state

if TYPE_CHECKING:
    from tui.store.parse_worker import Progress

__all__ = ["FILE_GONE", "BuildReport", "Library", "PostingChanges", "Reload",
           "StateUnreadable", "UIState"]

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


def with_orphans(postings: Sequence[Posting], tracking: dict[str, Tracking],
                 hidden_companies: Iterable[str] = (), listing: Listing | None = None
                 ) -> Catalog:
    """The catalog of ``postings``, plus a placeholder for every tracked posting whose
    file has gone. ``listing``: what ``postings`` were read from (their duplicates and
    order kept: 0.5 s of a catalog at 100k postings; the postings decoded as read), if
    they were."""
    ids = listing.postings.ids if listing is not None else [p.id for p in postings]
    orphans = [orphan(item) for item in gone(tracking, set(ids))] if tracking else []
    if orphans or listing is None:
        return Catalog([*postings, *orphans], tracking, hidden_companies)
    return Catalog(postings, tracking, hidden_companies, groups=listing.groups,
                   by_added=listing.by_added)


def orphan(item: Tracking) -> Posting:
    """The placeholder listed for a tracked posting whose file has gone."""
    return Posting(id=item.posting_id, title=clean_line(item.title or item.posting_id) + FILE_GONE,
                   company=clean_line(item.company), body=ORPHAN_BODY)


def read_from(listed: Catalog, sources: list[str], held: dict[str, str]) -> list[Posting]:
    """The postings of ``listed`` read from ``sources``; ``held``: source -> the id of
    the posting the cache held for it. One lookup each, by that id; a walk over every
    posting (~0.04 s at 100k) only when ``listed`` does not hold it from that source."""
    found: list[Posting] = []
    for source in sources:
        posting_id = held.get(source)
        if posting_id is None:
            continue  # the cache had no posting from it: nor has the list made from it
        if posting_id not in listed or (posting := listed.posting(posting_id)).source != source:
            postings = listed.postings()
            names = list(map(attrgetter("source"), postings))  # then looked up in C
            return [postings[names.index(name)] for name in sources if name in names]
        found.append(posting)
    return found


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class PostingChanges:
    """How the list of postings read from files changed between two listings."""

    added: frozenset[str] = frozenset()  # ids
    changed: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    @classmethod
    def between(cls, before: dict[str, str], after: dict[str, str]) -> PostingChanges:
        """``before`` and ``after`` map each posting's id to its content hash."""
        return cls(
            added=frozenset(after.keys() - before.keys()),
            changed=frozenset(posting_id for posting_id, content in after.items()
                              if posting_id in before and before[posting_id] != content),
            removed=frozenset(before.keys() - after.keys()),
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        """In words for a toast: "3 new postings, 1 changed, 2 removed"; "" for none.
        The first part names the postings, the others count them."""
        parts: list[str] = []
        for count, named, counted in (
                (len(self.added), "new posting", "new"),
                (len(self.changed), "posting", "changed"),
                (len(self.removed), "posting", "removed")):
            if not count:
                continue
            if parts:
                parts.append(f"{count} {counted}")
            elif named == "new posting":
                parts.append(plural(count, named))
            else:
                parts.append(f"{plural(count, named)} {counted}")
        return ", ".join(parts)


@dataclass(slots=True)
class Reload:
    """What :meth:`Library.reload` found: ``catalog`` is None when the list is as it was."""

    report: BuildReport
    catalog: Catalog | None = None
    changes: PostingChanges = field(default_factory=PostingChanges)


def contents(postings: Iterable[Posting]) -> dict[str, str]:
    """Each posting's id and content hash."""
    return {posting.id: posting.content_hash for posting in postings}


class Library:
    """A postings folder and a data folder, opened."""

    def __init__(self, postings_dir: Path, data_dir: Path) -> None:
        self.postings_dir = postings_dir
        self.data_dir = data_dir
        self.cache = PostingCache(data_dir, postings_dir)
        self.store = TrackingStore(state_path(data_dir))
        # The last catalog handed out: it knows which postings are one role (issue 12 #6).
        self._groups: Catalog | None = None
        # What the last listing held (id -> content hash, see _listed) and the cache it
        # was read from: a reload says what changed since, and lists again only if
        # anything did.
        self._listed_contents: dict[str, str] | None = {}
        self._listed_postings: Sequence[Posting] = ()  # what _listed is made from, when asked
        self._listed_stamp: object = None
        self._patch_changes: PostingChanges | None = None  # what the last patch changed

    @property
    def _listed(self) -> dict[str, str]:
        """Each posting's id and content hash in the last listing: made when a reload
        first asks, not when listing (a warm start decodes few postings before the list
        is drawn)."""
        if self._listed_contents is None:
            self._listed_contents = contents(self._listed_postings)
            self._listed_postings = ()
        return self._listed_contents

    @_listed.setter
    def _listed(self, listed: dict[str, str]) -> None:
        self._listed_contents, self._listed_postings = listed, ()

    # -- loading ---------------------------------------------------------------
    def check(self) -> None:
        """Raise :class:`StateUnreadable` when the user's tracking file cannot be read."""
        self.store.check()

    def refresh(self, progress: Progress | None = None) -> BuildReport:
        """Bring the cache up to date with the folder."""
        return self.cache.build(progress=progress)

    def refresh_files(self, paths: Iterable[Path | str], listed: Catalog | None = None,
                      progress: Progress | None = None) -> tuple[BuildReport, Catalog | None]:
        """Bring the cache up to date after a folder watcher saw ``paths`` change, appear
        or go; return the report and the catalog to show (None: nothing to show anew).

        Only those files are looked at and parsed, and the new catalog is made from
        ``listed`` (the one on screen) with their postings swapped in, so neither the
        folder nor the cache is read again: what a refresh costs no longer grows with
        the folder. Falls back to a full refresh (and a catalog read from the cache)
        when the cache cannot take a targeted update, or ``listed`` is not given."""
        report = self.cache.update(paths, progress=progress)
        if report is None:
            report = self.refresh(progress)
            return report, (self.listed() if report.parsed or report.removed else None)
        if not report.changed and not report.gone:
            return report, None
        if listed is None:
            return report, self.listed()
        touched = sorted({*report.changed, *report.gone})
        new = [Posting.from_dict(entry["posting"]) for entry in report.changed.values()
               if "posting" in entry]
        return report, self._patched(listed, read_from(listed, touched, report.held), new)

    def _patched(self, listed: Catalog, before: list[Posting], new: list[Posting]) -> Catalog:
        """``listed`` with the postings ``before`` (read from the files that changed)
        replaced by ``new``: patched, not built again (3 s at 100k postings). A posting
        gone whose tracking holds something stays listed, as "(file gone)"."""
        arriving = {posting.id for posting in new}
        leaving = [p.id for p in before if p.id not in arriving]
        tracking = listed.all_tracking()
        orphans = [orphan(tracking[posting_id]) for posting_id in leaving
                   if posting_id in tracking and not tracking[posting_id].is_empty]
        catalog = self._groups = listed.patched(leaving, [*new, *orphans])
        # What changed since the last listing, from the few postings that did: diffing
        # the 100k ids of two listings cost ~0.05 s at 100k postings.
        was = self._listed
        self._patch_changes = PostingChanges(
            added=frozenset(p.id for p in new if p.id not in was),
            changed=frozenset(p.id for p in new
                              if p.id in was and was[p.id] != p.content_hash),
            removed=frozenset(posting_id for posting_id in leaving if posting_id in was))
        for posting_id in leaving:  # in place: nothing else holds it (see reload)
            was.pop(posting_id, None)
        was.update(contents(new))
        self._listed_stamp = self.cache.stamp()
        self.cache.release_records()
        return catalog

    def load(self, show: Callable[[Catalog], None], progress: Progress | None = None,
             before_records: Callable[[], object] | None = None) -> BuildReport:
        """Load the folder for a screen: ``show`` gets each catalog as it comes.

        A warm start shows the cache at once and refreshes it after; a first build
        goes in steps of doubling size, so a large folder fills the list as it goes.
        ``before_records`` is called before the cache's records are read the slow way
        (no listing.bin for them; see PostingCache.postings).
        """
        cached = self.cache.postings(before_records)
        if cached:
            show(self.listed(cached))
            report = self.refresh(progress)
            if report.parsed or report.removed:
                cached = self.cache.postings()
                show(self.listed(cached))
            # For the next start, once the list is on screen: read in a quarter of
            # the time (see tui.store.listing), with the listed catalog's duplicates
            # and order when it lists these postings alone (no "(file gone)").
            shown = self._groups
            if shown is not None and len(shown) == len(cached):
                self.cache.save_listing(cached, shown.duplicate_groups(), shown.by_added())
            else:
                self.cache.save_listing(cached)
            return report
        # One process pool for every step, here only: a warm start parses nothing or
        # a few files, and never pays for the pool's modules.
        from tui.store.parse_worker import kept_pool

        step, done_before = FIRST_BUILD_STEP, 0
        with kept_pool():
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

    def reload(self, paths: Iterable[str] = (), listed: Catalog | None = None) -> Reload:
        """After the folder changed (or the user asked): bring the cache up to date and
        list it again, saying what changed since the last listing. The cache may have
        been built by another jobtui (``jobtui add``, ``import``) in the meantime: then
        this build finds nothing to do, but the cache on disk is newer than the list.

        ``paths`` (what a folder watch saw change) with ``listed`` (the catalog on
        screen): only those files are looked at, and the list is patched, not read
        again (see :meth:`refresh_files`): a saved file shows at once at 100k postings."""
        paths = list(paths)
        if paths and listed is not None:
            before, self._patch_changes = self._listed, None
            report, catalog = self.refresh_files(paths, listed)
            if catalog is not None:
                # Patched: the changes are the patch's; else listed() read them all.
                changes = self._patch_changes
                return Reload(report, catalog, changes if changes is not None else
                              PostingChanges.between(before, self._listed))
        report = self.refresh()
        if not (report.parsed or report.removed):
            if self.cache.stamp() == self._listed_stamp:
                return Reload(report)
            self.cache.reread()
        before = self._listed
        catalog = self.listed()
        return Reload(report, catalog, PostingChanges.between(before, self._listed))

    def watch(self, on_change: Callable[[set[str]], None],
              mode: str | None = None) -> FolderWatch:
        """A watch of the postings folder (not started): ``on_change`` gets the paths
        changed, once a burst is over, from the watch's thread."""
        return FolderWatch(self.postings_dir, on_change, suffixes=POSTING_SUFFIXES,
                           ignore=[self.data_dir.resolve()], mode=mode)

    def listed(self, postings: Sequence[Posting] | None = None) -> Catalog:
        """Every posting (``postings`` when already read), as the list shows it, with
        the user's tracking and the postings whose file has gone. The cache then
        forgets its own copy of the records: the catalog holds them (100+ MB at 100k
        postings)."""
        if postings is None:
            postings = self.cache.postings()
        listing = self.cache.listing_of(postings)
        self._listed_contents, self._listed_postings = None, postings
        self._listed_stamp = self.cache.stamp()
        self.cache.release_records()
        tracking, companies = self.store.read()
        catalog = self._groups = with_orphans(postings, tracking, companies, listing)
        return catalog

    def catalog(self, *, with_text: bool = False) -> Catalog:
        """Every posting in the folder (no placeholders), for a command; ``with_text``
        adds the free-text index."""
        tracking, companies = self.store.read()
        catalog = self._groups = Catalog(self.cache.postings(), tracking, companies)
        if with_text:
            catalog.set_search_texts(self.cache.search_texts())
        return catalog

    def index_words(self, catalog: Catalog) -> None:
        """Add the free-text index to ``catalog`` (seconds at 100k postings)."""
        from tui.parsing.stack import vocabulary  # not at import: the warm start needs none

        vocabulary()  # loaded here, off the UI thread, not on the first stack: query
        catalog.set_search_texts(self.cache.search_texts())

    def posting(self, posting_id: str) -> Posting | None:
        """The posting with its body, or None when there is no such id."""
        return self.cache.get(posting_id)

    def titles(self) -> dict[str, str]:
        """Id → title of every posting in the folder and every tracked posting whose
        file has gone: what an id given on the command line may name."""
        titles = {posting.id: posting.title for posting in self.cache.postings()}
        for item in gone(self.store.all(), titles):
            titles[item.posting_id] = item.title or item.posting_id
        return titles
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

    def read_tracking(self) -> tuple[dict[str, Tracking], dict[str, str]]:
        """Every posting's tracking and the hidden companies, from one read."""
        return self.store.read()

    def _holder(self, posting: Posting) -> Posting:
        """Where a change to ``posting``'s tracking is written: for one of a group of
        duplicates, the posting holding the role's tracking (see Catalog.tracking_holder);
        the user's file keeps one record per posting, nothing merged."""
        catalog = self._groups
        if catalog is None or posting.id not in catalog:
            return posting
        holder = catalog.tracking_holder(posting.id)
        return posting if holder == posting.id else catalog.posting(holder)

    @staticmethod
    def _as_asked(tracking: Tracking, posting: Posting) -> Tracking:
        return tracking if tracking.posting_id == posting.id else replace(
            tracking, posting_id=posting.id)

    def set_bookmark(self, posting: Posting, on: bool) -> Tracking:
        target = self._holder(posting)
        return self._as_asked(self.store.set_bookmark(
            target.id, on, title=target.title, company=target.company), posting)

    def set_status(self, posting: Posting, status: str, on: date | None = None) -> Tracking:
        target = self._holder(posting)
        return self._as_asked(self.store.set_status(
            target.id, status, title=target.title, company=target.company, on=on), posting)

    def edit_history(self, posting: Posting, index: int, *, status: str | None = None,
                     on: date | None = None, remove: bool = False) -> Tracking:
        target = self._holder(posting)
        return self._as_asked(self.store.edit_history(
            target.id, index, status=status, on=on, remove=remove), posting)

    def add_note(self, posting: Posting, text: str, on: date | None = None) -> Tracking:
        target = self._holder(posting)
        return self._as_asked(self.store.add_note(
            target.id, text, title=target.title, company=target.company, on=on), posting)

    def set_hidden(self, posting: Posting, hidden: bool) -> Tracking:
        """Hides this posting only (its duplicates are other saved files)."""
        return self.store.set_hidden(posting.id, hidden, title=posting.title,
                                     company=posting.company)

    def set_company_hidden(self, company: str, hidden: bool) -> dict[str, str]:
        """Hide or show a company's postings; the hidden companies (folded → shown)."""
        return self.store.set_company_hidden(company, hidden)

    def hidden_companies(self) -> dict[str, str]:
        return self.store.hidden_companies()

    def put_tracking(self, tracking: Tracking) -> Tracking:
        """Put back ``tracking`` as it was (undo)."""
        return self.store.put(tracking)

    def set_note(self, posting: Posting, note: str, *, base: str | None = None,
                 on_conflict: str = "refuse") -> Tracking:
        """``base``: the note the edit started from (see TrackingStore.set_note)."""
        target = self._holder(posting)
        return self._as_asked(self.store.set_note(
            target.id, note, title=target.title, company=target.company, base=base,
            on_conflict=on_conflict), posting)

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
