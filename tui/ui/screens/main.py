"""The main view: filter sidebar, posting list, rendered detail.

The screen owns the catalog (the index), the query and the sort; widgets post
what happened and the screen decides what it means. Everything that touches the
disk (building the cache, reading a body, saving tracking data) runs in a thread
worker of the :class:`~tui.library.Library` and posts a message
(:mod:`tui.ui.messages`) back to the screen.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui.catalog import SORTS, Catalog, FacetValue
from tui.followup import FOLLOW_UP_DAYS
from tui.library import Library, StateUnreadable, UIState
from tui.model import Posting, SkippedFile, Tracking
from tui.query import Query, parse_query
from tui.sanitize import safe_url, visible
from tui.text import fold, plural
from tui.ui.actions import POSTING_ACTION_IDS, SCREEN_BINDINGS, TYPED_IN_FACETS
from tui.ui.messages import (
    BuildDone,
    BuildProgress,
    CatalogReady,
    DetailLoaded,
    FacetsIndexed,
    HiddenCompaniesSaved,
    LoadFailed,
    PostingAdded,
    ThemeRestored,
    TrackingChanged,
    TrackingSaved,
    WordsIndexed,
)
from tui.ui.screens.tracking_keys import TrackingKeys, UndoStep
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.filter_sidebar import SHOW_VALUES, FacetList, FilterSidebar
from tui.ui.widgets.folder_sync import FolderSync
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.posting_list import ListHeader, PostingList
from tui.ui.widgets.search_box import SearchBox

DEBOUNCE_ABOVE = 20_000  # postings; below this every keystroke filters at once
DEBOUNCE_SECONDS = 0.06
DETAIL_DELAY = 0.04  # holding j/k repaints the list at once and the detail when it settles
FACET_FIELDS = ("is", "loc", "stack", "status", "level", "company")
PROGRESS_FROM = 200  # files; a smaller build is over before a bar could be read
FIRST_FRAME_WAIT = 5.0  # seconds the slow read of the records waits for the first frame, at most
TRACKING_POLL_SECONDS = 1.5  # another jobtui's change shows within this; one stat a poll


class _Quitting(Exception):
    """The screen's load worker was cancelled (the app is quitting) while a build ran."""


class MainScreen(TrackingKeys):
    # The list has the focus from the first frame. Focusing it in on_mount instead
    # moved the focus twice (first to the sidebar) and restyled the screen each
    # time: the first frame came ~0.13 s later (headless, measured in one process).
    AUTO_FOCUS = "#postings"
    BINDINGS: ClassVar[list[BindingType]] = [*SCREEN_BINDINGS]

    UI_SAVE_DELAY = 1.0  # seconds of quiet before the filter and selection are saved

    show_sidebar: var[bool] = var(True)

    def __init__(self, library: Library) -> None:
        super().__init__(id="_default")
        self.library = library
        self.catalog = Catalog([], {})
        self._tracking_stamp: object = None  # state.json as last read by check_tracking
        self.query_model = Query()
        self.sort = "added"
        self.reverse = False  # the mirror image of the sort order (minus)
        self.skipped: list[SkippedFile] = []
        self.loaded = False
        self._filter_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        self._ui_timer: Timer | None = None
        self._ui_lock = threading.Lock()
        self._quitting = False
        self.undo_steps: list[UndoStep] = []  # the user's own tracking changes, newest last
        self.follow_up_days = FOLLOW_UP_DAYS
        # The catalog whose facet indexes the loader builds once its list is painted
        # (see _update_facets); None when the sidebar's counts are worked out at once.
        self._facets_coming: Catalog | None = None
        self._facets_shown = False  # the sidebar has shown counts
        self._resumed = False  # the screen has been shown once
        self._none_highlighted = True  # the list highlights no posting (the footer knows)

    # -- layout ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # The layout class of the size the app starts at (HORIZONTAL_BREAKPOINTS), before
        # anything is styled: Textual adds it on the screen's first Resize, which comes
        # after the first frame, and every widget was then styled a second time.
        width = self.app.size.width
        self.set_classes(
            [*self.classes, *[name for edge, name in sorted(
                self.app.HORIZONTAL_BREAKPOINTS or [], reverse=True) if width >= edge][:1]])
        yield Header()
        with Horizontal(id="main"):
            yield FilterSidebar(id="sidebar")
            # Side by side on a wide screen, the detail under the list on a narrow one
            # (the HORIZONTAL_BREAKPOINTS classes switch the layout in app.tcss).
            with Container(id="panes"):
                with Vertical(id="centre"):
                    yield SearchBox(placeholder="/ search: rust loc:berlin stack:go "
                                    "-stack:java is:remote", id="search")
                    with Horizontal(id="status-bar"):
                        yield Static(Content("loading…"), id="count")
                        # The build's progress bar is mounted here by the first
                        # BuildProgress (_progress_bar): a warm start never shows it.
                        yield Static(Content(""), id="sort-label")
                    yield ListHeader(id="list-header")
                    yield PostingList(id="postings")
                yield DetailPane(id="detail")
        yield KeyFooter()
        yield FolderSync(self.library)  # the folder is watched: changes show by themselves

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Called before Textual's own handler (handlers run down the class tree): the
        # first resume comes right after every widget was styled as it mounted, and its
        # restyle of the whole screen (~34 widgets and 70 component styles: ~1/3 of the
        # styling before the first frame) changed nothing. Later resumes (a dialog
        # closed) restyle as Textual decides.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @property
    def posting_list(self) -> PostingList:
        return self.query_one(PostingList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def search_box(self) -> Input:
        return self.query_one("#search", Input)

    def watch_show_sidebar(self, show: bool) -> None:
        self.query_one(FilterSidebar).display = show

    # -- loading ---------------------------------------------------------------
    def on_mount(self) -> None:
        # Another jobtui or `jobtui mark` may change state.json while this one is open.
        self.set_interval(TRACKING_POLL_SECONDS, self.check_tracking)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._remember())
        # At once: a warm start's listing.bin costs the worker ~0.02 s of CPU at 10k
        # postings, and the list is then filled ~0.17 s sooner than when the load waited
        # for the first frame (the UI settles over several frames first). Reading the
        # cache's records instead holds the GIL for seconds at 100k (orjson): that
        # waits for the first frame (see load_postings).
        first_frame = threading.Event()
        self.call_after_refresh(first_frame.set)
        self.load_postings(first_frame)

    @work(thread=True, exclusive=True, group="load")
    def load_postings(self, first_frame: threading.Event) -> None:
        try:
            self.library.check()
        except StateUnreadable as error:
            self.post_message(LoadFailed(f"jobtui: {error}"))
            return
        restore: list[UIState] = [self.library.load_view()]  # the last session's, once
        if restore[0].theme:
            self.post_message(ThemeRestored(restore[0].theme))
        worker = get_current_worker()

        def show(catalog: Catalog) -> None:
            taken = threading.Event()
            self.post_message(CatalogReady(catalog, restore.pop() if restore else None, taken))
            # Wait until the screen has taken the catalog, as call_from_thread did: the
            # build that follows holds the GIL, and a first build of a large folder
            # must not queue catalog after catalog (100+ MB each at 100k postings)
            # faster than the screen can take them.
            while not taken.wait(0.05) and not worker.is_cancelled:
                pass
            # The list is painted: now the facet indexes, which it does not need
            # (~0.13 s CPU at 10k postings), then the sidebar's counts.
            catalog.index_facets()
            self.post_message(FacetsIndexed(catalog))

        def progress(done: int, total: int) -> None:
            # Quitting stops the build at its next hundred files: the process waits for
            # this thread at exit, and a first build of a large folder held `q` until
            # the last file was parsed. What was built stays (each step of a first build
            # is a complete cache); the next start parses the rest.
            if worker.is_cancelled:
                raise _Quitting
            if total >= PROGRESS_FROM:
                self.post_message(BuildProgress(done, total))

        try:
            report = self.library.load(show, progress,
                                       lambda: first_frame.wait(FIRST_FRAME_WAIT))
        except _Quitting:
            return
        self.post_message(BuildDone(report))

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.app.exit(message.reason)

    @on(ThemeRestored)
    def _theme_restored(self, message: ThemeRestored) -> None:
        if message.theme in self.app.available_themes:  # a theme since removed: the default
            self.app.theme = message.theme

    @on(CatalogReady)
    def _catalog_ready(self, message: CatalogReady) -> None:
        try:
            self._take_catalog(message.catalog, message.restore,
                               facets_later=message.taken is not None)
        finally:
            if message.taken is not None:
                # Once the list is painted: the loader's next steps (the facet indexes,
                # the folder scan of a warm start, seconds at 100k) would otherwise
                # share the GIL with it. Twice: a callback asked for while the list's
                # refresh is still on its way to the screen ran before the paint.
                taken, folder_sync = message.taken, self.query_one(FolderSync)

                def go_on() -> None:
                    folder_sync.start_watching()  # before the loader's scan of the folder
                    taken.set()

                self.call_after_refresh(lambda: self.call_after_refresh(go_on))

    @on(FacetsIndexed)
    def _facets_indexed(self, message: FacetsIndexed) -> None:
        if message.catalog is self._facets_coming:
            self._facets_coming = None
            if message.catalog is self.catalog:
                self._update_facets()

    def _take_catalog(self, catalog: Catalog, restore: UIState | None,
                      facets_later: bool = False) -> None:
        # The sidebar shows no counts until the loader has indexed the facets (none is
        # better than the last catalog's); once it has shown some, they are worked out
        # at once, as for any other new catalog.
        self._facets_coming = catalog if (
            facets_later and not self._facets_shown and not catalog.facets_indexed) else None
        catalog.show_hidden = self.catalog.show_hidden
        self.catalog = catalog
        self.loaded = True
        # (When some are loaded but none match, the list's hint says what to do.)
        self.posting_list.empty_text = f"No postings found in {self.library.postings_dir}"
        keep = None
        if restore is not None:
            self.sort = restore.sort if restore.sort in SORTS else "added"
            self.reverse = restore.reverse
            self.show_sidebar = restore.sidebar
            self.posting_list.follow_up = restore.follow_up_columns
            self.follow_up_days = max(1, restore.follow_up_days)
            self.query_model = parse_query(restore.query)
            self._set_search_text(restore.query)
            keep = restore.selected or None
        self.apply_query(self.query_model, keep=keep)

    @on(BuildProgress)
    def _build_progress(self, message: BuildProgress) -> None:
        done, total = message.done, message.total
        bar = self._progress_bar()
        bar.display = done < total
        bar.update(total=total, progress=done)
        if not self.loaded:
            self._set_count(Content(f"parsing {done:,} / {total:,} postings…"))

    def _progress_bar(self) -> ProgressBar:
        """The build's progress bar, mounted after the count the first time it is needed
        (it was mounted hidden for the first frame: three widgets styled for nothing)."""
        try:
            return self.query_one("#progress", ProgressBar)
        except NoMatches:
            bar = ProgressBar(id="progress", show_eta=False)
            self.query_one("#status-bar").mount(bar, after="#count")
            return bar

    @on(BuildDone)
    def _build_done(self, message: BuildDone) -> None:
        report = message.report
        self.skipped = report.skipped
        for bar in self.query("#progress"):
            bar.display = False
        for problem in report.problems:  # the data folder's: the postings are still shown
            self.notify(problem, title="Not saved", severity="error", markup=False, timeout=15)
        self._say_skipped(report.skipped)
        self.index_words(self.catalog)
        self.query_one(FolderSync).ready()

    def _say_skipped(self, skipped: list[SkippedFile]) -> None:
        if skipped:
            names = ", ".join(visible(item.source) for item in skipped[:3])
            more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
            self.notify(f"{plural(len(skipped), 'file')} skipped: {names}{more}. "
                        "Press ! to see why.", severity="warning", markup=False, timeout=8)

    @on(FolderSync.Reloaded)
    def _reloaded(self, message: FolderSync.Reloaded) -> None:
        """The folder was read again: the new list, with the same filter, sort and
        highlighted posting (if it is still there), and a toast saying what changed."""
        found = message.reload
        if found is None:
            self.notify(message.error, severity="error", markup=False, timeout=8)
            return
        for problem in found.report.problems:  # the data folder's: the list is still shown
            self.notify(problem, title="Not saved", severity="error", markup=False)
        known = {item.source for item in self.skipped}
        self._say_skipped([item for item in found.report.skipped if item.source not in known])
        self.skipped = found.report.skipped
        if found.catalog is not None:
            was = self.posting_list.highlighted
            self._take_catalog(found.catalog, None)  # keeps the highlighted one if listed
            self.index_words(found.catalog)  # word searches then see the new files
            now = self.posting_list.highlighted
            if now is not None and (now != was or now in found.changes.changed
                                    or now in found.changes.removed):  # "(file gone)"
                self.load_detail(now)  # the cursor did not move: no Highlighted to say so
        if found.changes:
            self.notify(found.changes.summary(), timeout=4)
        elif message.asked:
            self.notify("No changes in the postings folder", timeout=3)

    def action_reload(self) -> None:
        self.query_one(FolderSync).reload(asked=True)

    @work(thread=True, exclusive=True, group="index")
    def index_words(self, catalog: Catalog) -> None:
        self.library.index_words(catalog)
        self.post_message(WordsIndexed(catalog))

    @on(WordsIndexed)
    def _words_indexed(self, message: WordsIndexed) -> None:
        if message.catalog is self.catalog and any(
                clause.field == "text" for clause in self.query_model.clauses):
            self.apply_query(self.query_model)

    # -- filtering -------------------------------------------------------------
    def apply_query(self, query: Query, *, keep: str | None = None) -> None:
        self.query_model = query
        ids = self.catalog.filter(query, self.sort, reverse=self.reverse)
        self.posting_list.set_sort(self.sort, self.reverse)
        self.posting_list.prefer_places(query.values("loc"))
        self.posting_list.show(self.catalog, ids, keep=keep)
        self._set_count(Content(f"{len(ids):,} / {self.catalog.roles:,}"))
        self._remember()
        reversed_ = ", reversed" if self.reverse else ""
        self.query_one("#sort-label", Static).update(
            Content.styled(f"sorted by {SORTS[self.sort]}{reversed_}  (S)", "dim"))
        self.call_after_refresh(self._update_facets)
        if not ids:
            self.detail.clear("No posting matches.")

    def _set_count(self, text: Content) -> None:
        self.query_one("#count", Static).update(text)

    def _update_facets(self) -> None:
        if not self.show_sidebar or self.catalog is self._facets_coming:
            return  # (FacetsIndexed shows them)
        self._facets_shown = True
        sidebar = self.query_one(FilterSidebar)
        query = self.query_model
        for field in FACET_FIELDS:
            if field == "is":
                scope = self.catalog.matching(query.without_field("is"))
                counts = self.catalog.facet_is_counts(scope)
                values = [FacetValue(name, counts[name]) for name in SHOW_VALUES]
            else:
                values = self.catalog.facet(field, query)
            sidebar.facet(field).set_values(values, set(query.values(field)))

    def _set_search_text(self, text: str) -> None:
        """Show ``text`` in the search box without filtering again: the caller has."""
        box = self.search_box
        if box.value != text:
            with box.prevent(Input.Changed):
                box.value = text
            box.cursor_position = len(text)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        query = parse_query(event.value)
        if len(self.catalog) > DEBOUNCE_ABOVE:
            self._filter_timer = self.set_timer(DEBOUNCE_SECONDS,
                                                lambda: self.apply_query(query))
        else:
            self.apply_query(query)

    @on(FacetList.Toggled)
    def _facet_toggled(self, event: FacetList.Toggled) -> None:
        clause = event.clause
        # x (a negated clause) also takes back a selection of the same value.
        existing = next((c for c in self.query_model.clauses if c.field == clause.field
                         and (clause.negate or not c.negate)
                         and fold(c.value) == fold(clause.value)), None)
        query = self.query_model.toggled(existing or clause)
        self._set_search_text(query.to_text())
        self.apply_query(query)

    # -- the list and the detail -------------------------------------------------
    @on(PostingList.Highlighted)
    def _highlighted(self, event: PostingList.Highlighted) -> None:
        self._remember()
        if self._detail_timer is not None:
            self._detail_timer.stop()
        if (event.posting_id is None) != self._none_highlighted:
            # The posting keys are dimmed in the footer while no posting is highlighted
            # (check_action): a filter emptying the list, or r filling it again, changes
            # no focus, and the footer kept the keys as they were.
            self._none_highlighted = event.posting_id is None
            self.refresh_bindings()
        if event.posting_id is None:
            return
        posting_id = event.posting_id
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self.load_detail(posting_id))

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, posting_id: str) -> None:
        catalog = self.catalog
        if posting_id not in catalog:
            return
        listed = catalog.posting(posting_id)
        body = self.library.body(posting_id) or listed.body  # an orphan keeps its placeholder
        if get_current_worker().is_cancelled:
            return
        posting = replace(listed, body=body)
        # Imported here, off the UI thread and after the first frame: markdown-it and
        # Textual's markdown widgets (the pane mounts one for the first posting shown).
        import tui.ui.widgets.posting_markdown  # noqa: F401
        from tui.preview import markdown_preview

        preview = markdown_preview(body)  # parses the markdown: kept off the UI thread
        if get_current_worker().is_cancelled:
            return
        self.post_message(DetailLoaded(posting, preview))

    @on(DetailLoaded)
    async def _detail_loaded(self, message: DetailLoaded) -> None:
        # The tracking as it is now, not as the worker read it: a key pressed while the
        # body loaded (Enter then a at once) has changed it since.
        posting_id = message.posting.id
        await self.detail.show(message.posting, self.catalog.tracking(posting_id),
                               message.preview, self.catalog.duplicates(posting_id))

    @on(PostingList.Opened)
    def _opened(self) -> None:
        self.detail.focus()

    @on(DetailPane.LinkRequested)
    def _link_requested(self, event: DetailPane.LinkRequested) -> None:
        self._confirm_open(event.href)

    @on(DetailPane.FullTextRequested)
    def _full_text(self, event: DetailPane.FullTextRequested) -> None:
        from tui.ui.screens.info import FullTextScreen

        self.app.push_screen(FullTextScreen(event.posting.title, event.posting.body))

    # -- keys anywhere on the screen ---------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.focused
        if action == "leave_search":  # otherwise Enter belongs to the focused widget
            return isinstance(focused, SearchBox)
        if action in TYPED_IN_FACETS and isinstance(focused, FacetList):
            return False
        if action in POSTING_ACTION_IDS and self._current() is None:
            return None  # shown dimmed in the footer: nothing to act on
        return True

    def action_focus_search(self) -> None:
        from textual.widgets import TextArea

        if isinstance(self.focused, Input | TextArea):
            raise SkipAction()  # a "/" typed into a text field
        self.set_focus(self.search_box)

    def action_leave_search(self) -> None:
        self.set_focus(self.posting_list)

    def action_focus_facet(self, field: str) -> None:
        self.show_sidebar = True
        self.set_focus(self.query_one(FilterSidebar).facet(field))

    def action_reset_filters(self) -> None:
        self._set_search_text("")
        self.apply_query(Query())
        self.notify("Filters reset", timeout=2)

    # -- a posting from a link (issue 11) ------------------------------------------
    def action_add_link(self) -> None:
        def saved(source: str | None) -> None:
            if source:
                self.load_added(source)

        from tui.ui.screens.add_link import AddLinkDialog

        self.app.push_screen(AddLinkDialog(self.library.postings_dir), saved)

    @work(thread=True, exclusive=True, group="load")
    def load_added(self, source: str) -> None:
        self.library.refresh()
        posting_id = self.library.posting_id_of(source)
        self.post_message(PostingAdded(self.library.listed(), posting_id, source))

    @on(PostingAdded)
    def _posting_added(self, message: PostingAdded) -> None:
        self._take_catalog(message.catalog, None)
        added = message.posting_id
        if added is not None and added not in self.catalog.filter(self.query_model, self.sort):
            self._set_search_text("")  # the filter hides it: shown all the same
            self.apply_query(Query(), keep=added)
        elif added is not None:
            self.apply_query(self.query_model, keep=added)
        self.notify(f"Added {visible(message.source)}", markup=False, timeout=4)

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.action_sort_by(names[(names.index(self.sort) + 1) % len(names)])

    def action_sort_by(self, sort: str) -> None:
        if sort in SORTS:
            self.sort = sort
            self.apply_query(self.query_model, keep=self.posting_list.highlighted)

    def action_reverse_sort(self) -> None:
        self.reverse = not self.reverse
        self.apply_query(self.query_model, keep=self.posting_list.highlighted)

    def action_read_full_screen(self) -> None:
        """The detail pane alone on the screen for reading (Textual's Maximize), and back."""
        if self.maximized is self.detail:
            self.minimize()
            self.set_focus(self.posting_list)
        else:
            self.set_focus(self.detail)
            self.maximize(self.detail, container=False)

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar
        self._remember()
        if self.show_sidebar:
            self._update_facets()

    def action_show_skipped(self) -> None:
        from tui.ui.screens.info import SkippedScreen

        self.app.push_screen(SkippedScreen(self.skipped))

    def action_help(self) -> None:
        from tui.ui.screens.info import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit_key(self) -> None:
        await self.app.action_quit()

    # -- the keys on the highlighted posting ---------------------------------------
    def _current(self) -> Posting | None:
        try:
            posting_id = self.posting_list.highlighted
        except NoMatches:  # not composed yet, or gone
            return None
        if posting_id is None or posting_id not in self.catalog:
            return None
        return self.catalog.posting(posting_id)

    @work(thread=True, exclusive=True, group="tracking-watch")
    def check_tracking(self) -> None:
        """One stat of state.json; when someone else wrote it, read it and show it."""
        stamp = self.library.tracking_stamp()
        if stamp == self._tracking_stamp:
            return
        self._tracking_stamp = stamp
        try:
            everything, companies = self.library.read_tracking()
        except (StateUnreadable, OSError):
            return  # said when the user next changes something; nothing to show now
        self.post_message(TrackingChanged(everything, companies))

    @on(TrackingChanged)
    def _tracking_changed(self, message: TrackingChanged) -> None:
        held = self.catalog.tracked()
        changed = [tracking for posting_id, tracking in message.tracking.items()
                   if posting_id in self.catalog and held.get(posting_id) != tracking]
        changed += [Tracking(posting_id) for posting_id in held
                    if posting_id not in message.tracking and posting_id in self.catalog]
        companies = message.hidden_companies
        companies_changed = (companies is not None
                             and set(companies) != self.catalog.hidden_companies())
        if not changed and not companies_changed:
            return
        hidden = self.catalog.hidden_ids()
        for tracking in changed:
            self.catalog.update_tracking(tracking)
        if companies is not None and companies_changed:
            self.catalog.set_hidden_companies(companies)
        current = self._current()
        if current is not None and any(t.posting_id == current.id for t in changed):
            self.detail.update_tracking(self.catalog.tracking(current.id))
        self._tracking_shown(hidden != self.catalog.hidden_ids())

    def _tracking_shown(self, hidden_changed: bool = False) -> None:
        """Tracking changed: filters on tracking re-run, the rest repaint."""
        if hidden_changed:
            self.refilter_after_hiding()
        elif any(c.field in {"status", "is", "changed", "applied"}
                 for c in self.query_model.clauses):
            self.apply_query(self.query_model, keep=self.posting_list.highlighted)
        else:
            self.posting_list.refresh()
            self.call_after_refresh(self._update_facets)

    @work(thread=True, group="save")
    def save_tracking(self, change: Callable[[Library], Tracking], done: str) -> None:
        try:
            tracking = change(self.library)
        except StateUnreadable as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False,
                        timeout=15)
            return
        except OSError as error:
            self.notify(f"Could not save: {error}", severity="error", markup=False, timeout=15)
            return
        if self.library.backup_error:
            self.notify(self.library.backup_error, title="Not backed up", severity="warning",
                        markup=False, timeout=10)
        self.post_message(TrackingSaved(tracking, done))

    @on(HiddenCompaniesSaved)
    def _hidden_companies_saved(self, message: HiddenCompaniesSaved) -> None:
        self._companies_saved(message)

    @on(TrackingSaved)
    def _tracking_saved(self, message: TrackingSaved) -> None:
        tracking = message.tracking
        was_hidden = self.catalog.is_hidden(tracking.posting_id)
        self.catalog.update_tracking(tracking)
        self.detail.update_tracking(tracking)
        self._tracking_shown(was_hidden != self.catalog.is_hidden(tracking.posting_id))
        if message.done:
            self.notify(message.done, markup=False, timeout=3)

    def action_bookmark(self) -> None:
        posting = self._current()
        if posting is None:
            return
        on = not self.catalog.tracking(posting.id).bookmarked
        self._track(posting, lambda library: library.set_bookmark(posting, on),
                    f"{'Bookmarked' if on else 'Bookmark removed'}: {posting.title}")

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
                self.app.open_url(url)

        question = Content.assemble("Open this link in your browser?\n\n", (url, "underline"))
        from tui.ui.screens.dialogs import Confirm

        self.app.push_screen(Confirm(question), answered)

    def action_copy_url(self) -> None:
        if url := self._apply_link():
            self.app.copy_to_clipboard(url)  # OSC 52: the terminal may or may not take it
            self.copy_by_tool(url)

    @work(thread=True, exclusive=True, group="copy")
    def copy_by_tool(self, url: str) -> None:
        """The desktop's clipboard tool (a process: off the UI thread), then say how the
        link was copied, or that it could not be (never "Copied" when it was not)."""
        from tui.ui import clipboard

        text, warn = clipboard.copy(url).message(url)
        self.notify(text, markup=False, severity="warning" if warn else "information",
                    timeout=8 if warn else 4)

    # -- what the next start restores ----------------------------------------------
    def view_state(self) -> UIState:
        return UIState(query=self.search_box.value, sort=self.sort, reverse=self.reverse,
                       selected=self.posting_list.highlighted or "", sidebar=self.show_sidebar,
                       theme=self.app.theme,
                       follow_up_columns=self.posting_list.follow_up,
                       follow_up_days=self.follow_up_days)

    def _remember(self) -> None:
        """Save the filter, sort, selection and sidebar a moment after they change, not
        only on q: a closed terminal or a crash still brings them back next time."""
        if not self.loaded:
            return  # the restored state is not applied yet: nothing of the user's to save
        if self._ui_timer is not None:
            self._ui_timer.stop()
        if self.UI_SAVE_DELAY <= 0:  # at once (a timer cannot have a zero interval)
            self.call_after_refresh(self._save_view)
            return
        self._ui_timer = self.set_timer(self.UI_SAVE_DELAY, self._save_view)

    def _save_view(self) -> None:
        try:
            state = self.view_state()
        except NoMatches:  # the app is closing and its widgets are gone: nothing to save
            return
        self.save_ui(state)

    @work(thread=True, exclusive=True, group="ui-state")
    def save_ui(self, state: UIState) -> None:
        with self._ui_lock, contextlib.suppress(OSError):  # a convenience, never an error
            if not self._quitting:
                self.library.save_view(state)

    def save_view_now(self) -> None:
        """On quitting: the view as it is, written before the app exits."""
        if self._ui_timer is not None:
            self._ui_timer.stop()
        if self.loaded:
            with self._ui_lock, contextlib.suppress(OSError):  # never blocks quitting
                self._quitting = True  # a save still queued must not write an older state
                self.library.save_view(self.view_state())
