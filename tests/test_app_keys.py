"""The TUI's keys not covered in test_app.py: moving, reading, sorting, the
facets' counts and toggles, the footer of each area, the command palette, and
the issue's whole "done when" walk, keyboard only, across a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tests.tui_helpers import (
    SEROTONIN_SEED,
    SIZE,
    STATUS_SEED,
    count_text,
    detail_text,
    highlighted_source,
    list_rows,
    make_app,
    row_status,
    search_text,
    seeds_copy,
    settle,
    type_text,
)
from tui.catalog import SORTS
from tui.model import STATUSES
from tui.paths import state_path
from tui.store.state import TrackingStore
from tui.store.ui_state import UIState, load_ui_state
from tui.ui.app import JobTuiApp
from tui.ui.palette import COMMANDS
from tui.ui.screens.dialogs import StatusPicker
from tui.ui.screens.main import MainScreen
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.posting_list import PostingList
from tui.ui.widgets.search_box import SearchBox


def titles(app: JobTuiApp) -> list[str]:
    return [app.main.catalog.posting(i).title for i in app.query_one(PostingList).ids]


def footer_keys(app: JobTuiApp) -> set[str]:
    return {key.key for key in app.screen.query_one(Footer).query(FooterKey)}


def facet_counts(app: JobTuiApp, field: str) -> dict[str, int]:
    return {value.value: value.count for value in app.query_one(f"#facet-{field}",
                                                                  FacetList).values}


async def test_j_k_and_arrows_move_and_the_detail_follows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_list = app.query_one(PostingList)
        shown = list(posting_list.ids)
        for key, expected in (("j", 1), ("down", 2), ("k", 1), ("up", 0), ("up", 0),
                              ("G", 4), ("g", 0)):
            await pilot.press(key)
            await settle(app, pilot)
            assert posting_list.highlighted == shown[expected], key
            assert app.main.catalog.posting(shown[expected]).title in detail_text(app)


async def test_enter_reads_the_posting_and_escape_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, DetailPane)
        await pilot.press("a")  # the posting keys work from the detail pane too
        await settle(app, pilot)
        assert f"applied {date.today().isoformat()}" in detail_text(app)
        await pilot.press("escape")
        assert isinstance(app.focused, PostingList)


async def test_search_box_enter_leaves_and_escape_clears_then_leaves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, 'loc:"new york" stack:rust')
        await settle(app, pilot)
        assert count_text(app) == "1 / 5" and highlighted_source(app) == SEROTONIN_SEED
        await pilot.press("enter")
        assert isinstance(app.focused, PostingList) and count_text(app) == "1 / 5"
        await pilot.press("slash", "escape")
        assert search_text(app) == "" and count_text(app) == "5 / 5"
        assert isinstance(app.focused, SearchBox)
        await pilot.press("escape")
        assert isinstance(app.focused, PostingList)


FOOTERS = (  # focused widget, keys its footer must show, keys it must not
    ("postings", {"b", "a", "s", "n", "o", "c", "slash", "l", "t", "r", "q"}, {"space"}),
    # in a facet, letters narrow it: l, t, r, q are typing there, not shortcuts
    ("facet-loc", {"space", "escape", "slash"}, {"b", "a", "l", "t", "r", "q"}),
    ("search", {"enter", "escape"}, {"b", "space"}),
    ("detail", {"escape", "b", "a", "s", "n", "o", "c"}, {"f"}),
)


async def test_footer_shows_the_keys_of_the_focused_area(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for focus, expected, absent in FOOTERS:
            app.set_focus(app.query_one(f"#{focus}"))
            await settle(app, pilot)
            keys = footer_keys(app)
            assert expected <= keys and not absent & keys, focus


async def test_facet_counts_follow_the_other_filters(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert facet_counts(app, "loc")["Remote"] == 5
        assert facet_counts(app, "stack")["go"] == 2
        await pilot.press("slash")
        await type_text(pilot, "stack:python")
        await settle(app, pilot)
        assert facet_counts(app, "loc") == {"Remote": 1}
        assert facet_counts(app, "company") == {"Status": 1}
        # the stack facet counts as if its own choice were not made: picking another adds
        assert facet_counts(app, "stack")["go"] == 2
        assert facet_counts(app, "status")["none"] == 1
        assert facet_counts(app, "is") == {"remote": 1, "bookmarked": 0}


async def test_show_and_status_facets_toggle_qualifiers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")  # bookmark the first posting
        await settle(app, pilot)
        app.set_focus(app.query_one("#facet-is"))
        await pilot.press("down", "space")  # "bookmarked"
        await settle(app, pilot)
        assert search_text(app) == "is:bookmarked" and count_text(app) == "1 / 5"
        await pilot.press("space")
        app.set_focus(app.query_one("#facet-status"))
        await pilot.press("space")  # "none"
        await settle(app, pilot)
        assert search_text(app) == "status:none" and count_text(app) == "5 / 5"
        status_facet = app.query_one("#facet-status", FacetList)
        assert status_facet.active == {"none"}


async def test_typing_narrows_a_facet_and_backspace_widens_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        facet = app.query_one("#facet-loc", FacetList)
        all_places = facet.option_count
        await type_text(pilot, "sao")  # accent-insensitive
        assert facet.option_count == 1 and facet.highlighted_option.id == "São Paulo"
        assert "sao" in str(facet.border_title)
        await pilot.press(*["backspace"] * 3)
        assert facet.option_count == all_places
        await pilot.press("t")  # typed into the facet: letters narrow it
        assert facet.narrowing == "t"
        await pilot.press("escape", "escape", "t")  # clear, back to the list, to Stack
        await type_text(pilot, "types")
        stack = app.query_one("#facet-stack", FacetList)
        assert stack.option_count == 1 and stack.highlighted_option.id == "typescript"
        assert str(stack.border_subtitle) == ""  # narrowing: the title says it
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        assert str(stack.border_subtitle) == "type to narrow"
        await pilot.press("escape")
        assert str(stack.border_subtitle) == ""  # only the focused facet says so


async def test_s_cycles_through_every_sort_and_each_orders_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.main.search_box.value = "company:status"
        await settle(app, pilot)
        await pilot.press("enter", "a")  # Status: applied today
        await settle(app, pilot)
        app.main.search_box.value = ""
        await settle(app, pilot)
        seen = []
        for _ in SORTS:
            await pilot.press("S")
            await settle(app, pilot)
            seen.append(app.main.sort)
            assert f"sorted by {SORTS[app.main.sort]}" in str(app.query_one("#sort-label").render())
            shown = [app.main.catalog.posting(i) for i in app.query_one(PostingList).ids]
            if app.main.sort == "title":
                assert titles(app) == sorted(titles(app), key=str.casefold)
            elif app.main.sort == "company":  # postings without a company last
                companies = [p.company for p in shown]
                assert companies == sorted(companies, key=lambda c: c.casefold() or "\uffff")
            elif app.main.sort in {"status", "changed"}:  # the applied posting first
                assert shown[0].source == STATUS_SEED
            else:  # newest first
                added = [p.added for p in shown]
                assert added == sorted(added, reverse=True)
        assert sorted(seen) == sorted(SORTS)


async def test_status_picker_offers_every_status_and_none_clears(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusPicker)
        options = app.screen.query_one("#status-options")
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            *STATUSES]
        await pilot.press("down", "down", "down", "enter")  # offer
        await settle(app, pilot)
        assert row_status(list_rows(app)[0]) == "offer"
        await pilot.press("s", "home", "enter")  # none
        await settle(app, pilot)
        tracking = TrackingStore(state_path(tmp_path / "data")).get(posting_id)
        assert tracking.status == "none"
        assert [change.status for change in tracking.history] == ["offer"]
        assert f"none (was offer {date.today().isoformat()})" in detail_text(app)


@pytest.mark.parametrize(("name", "action"), [(name, action) for name, action, _ in COMMANDS])
def test_every_palette_command_names_an_action_of_the_main_screen(name: str, action: str) -> None:
    method = action.split("(")[0]
    assert callable(getattr(MainScreen, f"action_{method}", None)), name


async def test_palette_runs_posting_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        for command in ("Mark applied", "Bookmark posting", "Sort by company"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await type_text(pilot, command)
            await settle(app, pilot)
            await pilot.press("enter")
            await settle(app, pilot)
        tracking = TrackingStore(state_path(tmp_path / "data")).get(posting_id)
        assert tracking.status == "applied" and tracking.bookmarked
        assert app.main.sort == "company"


async def test_filter_sort_and_selection_are_saved_without_quitting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path)
    monkeypatch.setattr(MainScreen, "UI_SAVE_DELAY", 0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "stack:rust")
        await pilot.press("enter", "S", "j", "minus", "backslash")
        await settle(app, pilot)
        saved = load_ui_state(tmp_path / "data")  # as a crash or a closed terminal leaves it
        assert saved == UIState(query="stack:rust", sort="title", reverse=True,
                                selected=app.query_one(PostingList).highlighted or "",
                                sidebar=False, theme=app.theme)


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize(("find", "source"), [
    (("l", "new york", "t", "rust"), SEROTONIN_SEED),
    (("t", "python", None, None), STATUS_SEED),
])
async def test_done_when_keyboard_only_filter_read_bookmark_apply_quit_and_come_back(
    tmp_path: Path, find: tuple[str, str, str | None, str | None], source: str,
) -> None:
    postings = seeds_copy(tmp_path)
    app = make_app(tmp_path, postings)
    first_key, first_text, second_key, second_text = find
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(first_key)
        await type_text(pilot, first_text)
        await pilot.press("space", "escape", "escape")
        if second_key and second_text:
            await pilot.press(second_key)
            await type_text(pilot, second_text)
            await pilot.press("space", "escape", "escape")
        await settle(app, pilot)
        assert count_text(app) == "1 / 5" and highlighted_source(app) == source
        await pilot.press("enter", "pagedown")  # read: the detail pane has the focus
        assert isinstance(app.focused, DetailPane)
        await pilot.press("b", "a")
        await settle(app, pilot)
        query = search_text(app)
        await pilot.press("q")
    again = make_app(tmp_path, postings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert search_text(again) == query and count_text(again) == "1 / 5"
        assert highlighted_source(again) == source
        row = list_rows(again)[0]
        assert "★" in row and row_status(row) == "applied"
        assert f"applied {date.today().isoformat()}" in detail_text(again)
        assert "bookmarked" in detail_text(again)


async def test_the_footer_dims_the_posting_keys_while_no_posting_is_listed(
        tmp_path: Path) -> None:
    """Nothing to bookmark: b is dimmed and only rings the bell; lit again with a posting.
    (The footer dims and lights its keys in place when nothing else changes.)"""
    app = make_app(tmp_path)

    def key_b() -> FooterKey:
        return next(key for key in app.screen.query_one(Footer).query(FooterKey)
                    if key.key == "b")

    def dimmed(key: FooterKey) -> bool:
        return key.has_class("-disabled") and key._disabled

    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not dimmed(key_b()) and not key_b()._disabled
        await pilot.press("slash")
        await type_text(pilot, "zzqqxx")
        await pilot.press("enter")  # back to the list, which is empty
        await settle(app, pilot)
        assert app.query_one(PostingList).highlighted is None
        assert dimmed(key_b())
        await pilot.press("r")  # every posting again
        await settle(app, pilot)
        assert not key_b().has_class("-disabled") and not key_b()._disabled
