"""jobtui's Textual app: filter sidebar, posting list, rendered detail.

The app owns the catalog (the index), the query and the sort; widgets post
what happened and the app decides what it means. Everything that touches the
disk (building the cache, reading a body, saving tracking data) runs in a
thread worker and comes back with ``call_from_thread``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual import on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar, Static, TextArea
from textual.worker import get_current_worker

from tui.catalog import SORTS, Catalog, FacetValue
from tui.commands import JobCommands
from tui.model import Posting, SkippedFile, Tracking
from tui.parsing.sanitize import clean_line, safe_url, visible
from tui.parsing.stack import vocabulary
from tui.paths import state_path
from tui.preview import markdown_preview
from tui.query import Query, fold, parse_query
from tui.screens.dialogs import Confirm, NoteEditor, StatusPicker
from tui.screens.info import FullTextScreen, HelpScreen, SkippedScreen
from tui.store.cache import BuildReport, PostingCache
from tui.store.state import StateUnreadable, TrackingStore
from tui.store.ui_state import UIState, load_ui_state, save_ui_state
from tui.widgets.detail_pane import DetailPane
from tui.widgets.filter_sidebar import SHOW_VALUES, FacetList, FilterSidebar
from tui.widgets.posting_list import PostingList

DEBOUNCE_ABOVE = 20_000  # postings; below this every keystroke filters at once
DEBOUNCE_SECONDS = 0.06
DETAIL_DELAY = 0.04  # holding j/k repaints the list at once and the detail when it settles
FACET_FIELDS = ("is", "loc", "stack", "status", "company")
POSTING_ACTIONS = {"bookmark", "mark_applied", "pick_status", "edit_note", "open_url", "copy_url"}


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


class JobTuiApp(App[str | None]):
    CSS_PATH = "app.tcss"
    TITLE = "jobtui"
    COMMANDS = App.COMMANDS | {JobCommands}
    BINDINGS = [
        # Priority: the focus moves before the keys typed right after it are routed.
        Binding("slash", "focus_search", "Search", tooltip="Search words and qualifiers",
                priority=True),
        Binding("enter", "leave_search", "To the list", show=False, priority=True),
        Binding("l", "focus_facet('loc')", "Location"),
        Binding("t", "focus_facet('stack')", "Stack"),
        Binding("r", "reset_filters", "Reset"),
        Binding("S", "cycle_sort", "Sort"),
        Binding("backslash", "toggle_sidebar", "Sidebar", show=False),
        Binding("exclamation_mark", "show_skipped", "Skipped files", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    show_sidebar: var[bool] = var(True)

    def __init__(self, postings_dir: Path, data_dir: Path) -> None:
        super().__init__()
        self.postings_dir = postings_dir
        self.data_dir = data_dir
        self.cache = PostingCache(data_dir, postings_dir)
        self.store = TrackingStore(state_path(data_dir))
        self.catalog = Catalog([], {})
        self.query_model = Query()
        self.sort = "added"
        self.skipped: list[SkippedFile] = []
        self.loaded = False
        self._restore: UIState | None = None
        self._syncing_input = False
        self._filter_timer: Timer | None = None
        self._detail_timer: Timer | None = None

    # -- layout ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield FilterSidebar(id="sidebar")
            with Vertical(id="centre"):
                yield Input(placeholder="/ search: rust loc:berlin stack:go -stack:java "
                            "is:remote status:applied", id="search")
                with Horizontal(id="status-bar"):
                    yield Static(Content("loading…"), id="count")
                    yield ProgressBar(id="progress", show_eta=False)
                    yield Static(Content(""), id="sort-label")
                yield PostingList(id="postings")
            yield DetailPane(id="detail")
        yield Footer()

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
        self.query_one("#progress", ProgressBar).display = False
        self.posting_list.focus()
        # After the first frame: reading a large cache holds the GIL for seconds
        # (orjson), which would otherwise hold back the first paint.
        self.call_after_refresh(self.load_postings)

    @work(thread=True, exclusive=True, group="load")
    def load_postings(self) -> None:
        try:
            tracking = self.store.all()
        except StateUnreadable as error:
            self.call_from_thread(self.exit, f"jobtui: {error}")
            return
        restore = load_ui_state(self.data_dir)
        cached = self.cache.postings()
        if cached:  # warm start: show the cache now, refresh it after
            self.cache.release_records()
            self.call_from_thread(self._catalog_ready, with_orphans(cached, tracking), restore)
            restore = None
        report = self.cache.build(progress=self._build_progress)
        if not cached or report.parsed or report.removed:
            tracking = self.store.all()
            postings = self.cache.postings()
            self.cache.release_records()
            self.call_from_thread(self._catalog_ready, with_orphans(postings, tracking), restore)
        self.call_from_thread(self._build_done, report)
        self.call_from_thread(self.index_words)

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

    # -- filtering -------------------------------------------------------------
    def apply_query(self, query: Query, *, keep: str | None = None) -> None:
        self.query_model = query
        ids = self.catalog.filter(query, self.sort)
        self.posting_list.show(self.catalog, ids, keep=keep)
        self._set_count(Content(f"{len(ids):,} / {len(self.catalog):,}"))
        self.query_one("#sort-label", Static).update(
            Content.styled(f"sorted by {SORTS[self.sort]}  (S)", "dim"))
        self.call_after_refresh(self._update_facets)
        if not ids:
            self.detail.clear("No posting matches.")

    def _set_count(self, text: Content) -> None:
        self.query_one("#count", Static).update(text)

    def _update_facets(self) -> None:
        if not self.show_sidebar:
            return
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
        if self.search_box.value != text:
            self._syncing_input = True
            self.search_box.value = text
            self.search_box.cursor_position = len(text)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._syncing_input:
            self._syncing_input = False
            return
        if self._filter_timer is not None:
            self._filter_timer.stop()
        query = parse_query(event.value)
        if len(self.catalog) > DEBOUNCE_ABOVE:
            self._filter_timer = self.set_timer(DEBOUNCE_SECONDS,
                                                lambda: self.apply_query(query))
        else:
            self.apply_query(query)

    def on_key(self, event) -> None:
        if event.key == "escape":
            if self.focused is self.search_box:
                event.stop()
                self.search_box.value = ""
            elif self.focused is self.detail:
                event.stop()
                self.posting_list.focus()

    @on(FacetList.Toggled)
    def _facet_toggled(self, event: FacetList.Toggled) -> None:
        clause = event.clause
        existing = next((c for c in self.query_model.clauses if c.field == clause.field
                         and not c.negate and fold(c.value) == fold(clause.value)), None)
        query = self.query_model.toggled(existing or clause)
        self._set_search_text(query.to_text())
        self.apply_query(query)

    # -- the list and the detail -------------------------------------------------
    @on(PostingList.Highlighted)
    def _highlighted(self, event: PostingList.Highlighted) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        if event.posting_id is None:
            return
        posting_id = event.posting_id
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self.load_detail(posting_id))

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, posting_id: str) -> None:
        if posting_id not in self.catalog:
            return
        listed = self.catalog.posting(posting_id)
        body = self.cache.body(posting_id) or listed.body  # an orphan keeps its placeholder
        if get_current_worker().is_cancelled:
            return
        posting = replace(listed, body=body)
        preview = markdown_preview(body)  # parses the markdown: kept off the UI thread
        if get_current_worker().is_cancelled:
            return
        tracking = self.catalog.tracking(posting_id)
        self.call_from_thread(self.detail.show, posting, tracking, preview)

    @on(PostingList.Opened)
    def _opened(self) -> None:
        self.detail.focus()

    @on(DetailPane.LinkRequested)
    def _link_requested(self, event: DetailPane.LinkRequested) -> None:
        self._confirm_open(event.href)

    @on(DetailPane.FullTextRequested)
    def _full_text(self, event: DetailPane.FullTextRequested) -> None:
        self.push_screen(FullTextScreen(event.posting.title, event.posting.body))

    # -- actions on the highlighted posting ---------------------------------------
    def _current(self) -> Posting | None:
        posting_id = self.posting_list.highlighted
        return self.catalog.posting(posting_id) if posting_id in self.catalog else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in POSTING_ACTIONS and self._current() is None:
            return None  # shown dimmed in the footer: nothing to act on
        return True

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

    def action_open_url(self) -> None:
        posting = self._current()
        if posting is not None:
            self._confirm_open(posting.url)

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
        posting = self._current()
        if posting is None:
            return
        if not posting.url:
            self.notify("This posting has no apply link.", severity="warning")
            return
        self.copy_to_clipboard(posting.url)
        self.notify(f"Copied {posting.url}", markup=False, timeout=3)

    # -- app-wide actions --------------------------------------------------------
    def _on_main_screen(self) -> bool:
        return self.screen is self.screen_stack[0]

    def action_focus_search(self) -> None:
        if not self._on_main_screen() or isinstance(self.focused, Input | TextArea):
            raise SkipAction()  # a "/" typed into a text field
        self.set_focus(self.search_box)

    def action_leave_search(self) -> None:
        if not self._on_main_screen() or self.focused is not self.search_box:
            raise SkipAction()
        self.set_focus(self.posting_list)

    def action_focus_facet(self, field: str) -> None:
        self.show_sidebar = True
        self.set_focus(self.query_one(FilterSidebar).facet(field))

    def action_reset_filters(self) -> None:
        self._set_search_text("")
        self.apply_query(Query())
        self.notify("Filters reset", timeout=2)

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        self.apply_query(self.query_model, keep=self.posting_list.highlighted)

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar
        if self.show_sidebar:
            self._update_facets()

    def action_show_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.skipped))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        if self.loaded:
            with contextlib.suppress(OSError):  # losing the last filter must not block quit
                save_ui_state(self.data_dir, UIState(
                    query=self.search_box.value, sort=self.sort,
                    selected=self.posting_list.highlighted or "", sidebar=self.show_sidebar))
        self.exit()
