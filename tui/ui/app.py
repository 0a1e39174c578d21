"""jobtui's Textual app: filter sidebar, posting list, rendered detail.

The app owns the catalog (the index), the query and the sort; widgets post
what happened and the app decides what it means. Everything that touches the
disk (building the cache, reading a body, saving tracking data) runs in a
thread worker and comes back with ``call_from_thread``.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import replace
from pathlib import Path

from textual import on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar, Static, TextArea
from textual.worker import get_current_worker

from tui.catalog import SORTS, Catalog, FacetValue
from tui.model import SkippedFile
from tui.paths import bundled_seeds, state_path
from tui.preview import markdown_preview
from tui.query import Query, fold, parse_query
from tui.store.cache import PostingCache
from tui.store.state import TrackingStore
from tui.store.ui_state import UIState, save_ui_state
from tui.ui.loading import PostingLoading
from tui.ui.palette import JobCommands
from tui.ui.screens.info import FullTextScreen, HelpScreen, SkippedScreen
from tui.ui.tracking_actions import POSTING_ACTIONS, TrackingActions
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.filter_sidebar import SHOW_VALUES, FacetList, FilterSidebar
from tui.ui.widgets.posting_list import PostingList
from tui.ui.widgets.search_box import SearchBox

DEBOUNCE_ABOVE = 20_000  # postings; below this every keystroke filters at once
DEBOUNCE_SECONDS = 0.06
DETAIL_DELAY = 0.04  # holding j/k repaints the list at once and the detail when it settles
FACET_FIELDS = ("is", "loc", "stack", "status", "company")
# Single-character keys that a focused facet takes as typing: not in its footer.
TYPED_IN_FACETS = {"focus_facet", "reset_filters", "cycle_sort", "toggle_sidebar",
                   "show_skipped", "quit_key"}


def folder_label(folder: Path) -> str:
    """The postings folder as the header shows it: ``~/jobs``, or "bundled seeds"."""
    with contextlib.suppress(OSError):
        if folder.resolve() == bundled_seeds().resolve():
            return "bundled seeds"
    home = Path.home()
    return f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)


class MainScreen(Screen[None]):
    # The list has the focus from the first frame. Focusing it in on_mount instead
    # moved the focus twice (first to the sidebar) and restyled the screen each
    # time: the first frame came ~0.13 s later (headless, measured in one process).
    AUTO_FOCUS = "#postings"


class JobTuiApp(PostingLoading, TrackingActions, App[str | None]):
    CSS_PATH = "app.tcss"
    TITLE = "jobtui"
    COMMANDS = App.COMMANDS | {JobCommands}
    BINDINGS = [
        # Priority: the focus moves before the keys typed right after it are routed.
        Binding("slash", "focus_search", "Search", tooltip="Search words and qualifiers",
                priority=True),
        # Priority as well: keys that arrive together (Enter, then a) are queued on the
        # focused widget, so the box would get the "a" if it moved the focus itself.
        # Shown in the footer only while the search box has the focus (check_action).
        Binding("enter", "leave_search", "To the list", priority=True),
        Binding("l", "focus_facet('loc')", "Location"),
        Binding("t", "focus_facet('stack')", "Stack"),
        Binding("r", "reset_filters", "Reset"),
        Binding("S", "cycle_sort", "Sort"),
        Binding("backslash", "toggle_sidebar", "Sidebar", show=False),
        Binding("exclamation_mark", "show_skipped", "Skipped files", show=False),
        Binding("question_mark,f1", "help", "Help"),
        # Its own action (not "quit") so that it can leave the footer while a facet has
        # the focus, where q is typed into the narrowing; ctrl+q quits from anywhere.
        Binding("q", "quit_key", "Quit"),
    ]

    # Below 140 cells the list and the detail pane cannot both be readable side by
    # side: the detail goes under the list, and below 100 the sidebar narrows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-stacked"), (140, "-wide")]

    UI_SAVE_DELAY = 1.0  # seconds of quiet before the filter and selection are saved

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
        self._ui_timer: Timer | None = None
        self._ui_lock = threading.Lock()
        self._quitting = False

    # -- layout ----------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
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
        self.sub_title = folder_label(self.postings_dir)
        self.query_one("#progress", ProgressBar).display = False
        # After the first frame: reading a large cache holds the GIL for seconds
        # (orjson), which would otherwise hold back the first paint.
        self.call_after_refresh(self.load_postings)

    # -- filtering -------------------------------------------------------------
    def apply_query(self, query: Query, *, keep: str | None = None) -> None:
        self.query_model = query
        ids = self.catalog.filter(query, self.sort)
        self.posting_list.prefer_places(query.values("loc"))
        self.posting_list.show(self.catalog, ids, keep=keep)
        self._set_count(Content(f"{len(ids):,} / {len(self.catalog):,}"))
        self._remember()
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
        self._remember()
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

    # -- app-wide actions --------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_search":  # otherwise Enter belongs to the focused widget
            return self._on_main_screen() and self.focused is self.search_box
        if action in TYPED_IN_FACETS and isinstance(self.focused, FacetList):
            return False
        if action in POSTING_ACTIONS and self._current() is None:
            return None  # shown dimmed in the footer: nothing to act on
        return True

    def _on_main_screen(self) -> bool:
        return self.screen is self.screen_stack[0]

    def action_focus_search(self) -> None:
        if not self._on_main_screen() or isinstance(self.focused, Input | TextArea):
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

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.action_sort_by(names[(names.index(self.sort) + 1) % len(names)])

    def action_sort_by(self, sort: str) -> None:
        if sort in SORTS:
            self.sort = sort
            self.apply_query(self.query_model, keep=self.posting_list.highlighted)

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar = not self.show_sidebar
        self._remember()
        if self.show_sidebar:
            self._update_facets()

    def action_show_skipped(self) -> None:
        self.push_screen(SkippedScreen(self.skipped))

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    async def action_quit_key(self) -> None:
        await self.action_quit()

    async def action_quit(self) -> None:
        if self._ui_timer is not None:
            self._ui_timer.stop()
        if self.loaded:
            with self._ui_lock, contextlib.suppress(OSError):  # never blocks quitting
                self._quitting = True  # a save still queued must not write an older state
                save_ui_state(self.data_dir, self._ui_state())
        self.exit()

    # -- what the next start restores ----------------------------------------------
    def _ui_state(self) -> UIState:
        return UIState(query=self.search_box.value, sort=self.sort,
                       selected=self.posting_list.highlighted or "", sidebar=self.show_sidebar)

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
            state = self._ui_state()
        except NoMatches:  # the app is closing and its widgets are gone: nothing to save
            return
        self.save_ui(state)

    @work(thread=True, exclusive=True, group="ui-state")
    def save_ui(self, state: UIState) -> None:
        with self._ui_lock, contextlib.suppress(OSError):  # a convenience, never an error
            if not self._quitting:
                save_ui_state(self.data_dir, state)
