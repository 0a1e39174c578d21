"""The TUI, driven by its keys under Pilot: what the user sees and what gets stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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
    stored,
    type_text,
)
from tui.paths import state_path
from tui.ui.screens.dialogs import Confirm, NoteEditor, StatusPicker
from tui.ui.screens.info import FullTextScreen, HelpScreen, SkippedScreen
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.posting_list import PostingList


async def test_opens_on_every_seed_with_count_and_detail(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert count_text(app) == "5 / 5"
        rows = "\n".join(list_rows(app))
        for title in ("Rust Developer", "Senior ZK Rust Engineer", "Decentralised Messaging"):
            assert title in rows
        highlighted = app.query_one(PostingList).highlighted or ""
        assert app.main.catalog.posting(highlighted).title in detail_text(app)


async def test_rows_show_title_company_places_and_stack_beside_sidebar_and_detail(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail, listing = app.query_one(DetailPane).region, app.query_one(PostingList).region
        assert detail.x >= listing.right  # side by side at 160 columns
        row = next(row for row in list_rows(app) if "Serotonin" in row)
        for shown in ("Senior ZK Rust", "Serotonin", "Remote", "bitcoin"):
            assert shown in row
        # New York City is the second place: shown, or counted when the column is too narrow
        assert "Remote, New York City" in row or "Remote +1" in row
        app.main.search_box.value = "loc:berlin"  # the place searched for comes first
        await settle(app, pilot)
        assert "Berlin" in list_rows(app)[0] and "Chainlink" in list_rows(app)[0]


async def test_a_narrow_terminal_puts_the_detail_under_the_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        detail, listing = app.query_one(DetailPane).region, app.query_one(PostingList).region
        assert detail.y >= listing.bottom and detail.width >= listing.width
        assert "Rust Developer" in "\n".join(list_rows(app))
        facets = app.query(FacetList)
        assert all(facet.region.bottom <= 23 and facet.region.height >= 3 for facet in facets)


async def test_search_stack_python_then_mark_applied_records_today(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "stack:python")
        assert count_text(app) == "1 / 5"
        await pilot.press("enter")
        assert isinstance(app.focused, PostingList)
        await pilot.press("a")
        await settle(app, pilot)
        assert row_status(list_rows(app)[0]) == "applied"
        assert f"applied {date.today().isoformat()}" in detail_text(app)
    posting_id = app.main.catalog.filter(app.main.query_model)[0]
    tracking = stored(tmp_path).get(posting_id)
    assert tracking.status == "applied"
    assert [(c.status, c.date) for c in tracking.history] == [("applied", date.today().isoformat())]


async def test_keyboard_only_location_and_stack_facets_filter_and_fill_the_search_box(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        assert isinstance(app.focused, FacetList) and app.focused.field == "loc"
        await type_text(pilot, "new yo")
        await pilot.press("space")
        await settle(app, pilot)
        assert count_text(app) == "1 / 5"
        assert highlighted_source(app) == SEROTONIN_SEED
        assert search_text(app) == 'loc:"New York"'
        await pilot.press("escape", "escape")  # clear the typing, then back to the list
        assert isinstance(app.focused, PostingList)
        await pilot.press("t")
        await type_text(pilot, "rust")
        await pilot.press("space")
        await settle(app, pilot)
        assert search_text(app) == 'loc:"New York" stack:rust'
        assert count_text(app) == "1 / 5"
        await pilot.press("space")  # toggling again removes it
        assert search_text(app) == 'loc:"New York"'
        await pilot.press("escape", "escape", "r")
        await settle(app, pilot)
        assert count_text(app) == "5 / 5" and search_text(app) == ""


QUERY_COUNTS = (
    ("stack:rust", 5),
    ("-stack:go", 3),
    ('loc:"new york"', 1),
    ("loc:mexico", 1),
    ("company:chain", 1),
    ("is:remote", 5),
    ("stack:golang", 2),
    ("bitlayer", 1),
    ("stack:rust -company:status", 4),
    ("status:applied", 0),
)


async def test_query_syntax(tmp_path: Path) -> None:
    # One app for every query (an app start per query cost the suite ~20 s).
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for query, count in QUERY_COUNTS:
            await pilot.press("slash")
            app.main.search_box.value = query  # the same path as typing, without a press per letter
            await settle(app, pilot)
            assert count_text(app) == f"{count} / 5", query
            await pilot.press("escape")
            assert search_text(app) == "" and count_text(app) == "5 / 5", query
            await pilot.press("escape")  # back to the list, as a user between searches


async def test_search_box_fills_the_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "stack:python")
        await settle(app, pilot)
        stack = app.query_one("#facet-stack", FacetList)
        assert "python" in stack.active
        company = app.query_one("#facet-company", FacetList)
        assert [value.value for value in company.values] == ["Status"]


async def test_bookmark_toggles_and_filters(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("b")
        await settle(app, pilot)
        assert "★" in list_rows(app)[0]
        assert stored(tmp_path).get(posting_id).bookmarked
        await pilot.press("slash")
        await type_text(pilot, "is:bookmarked")
        await settle(app, pilot)
        assert count_text(app) == "1 / 5"
        await pilot.press("enter", "b")
        await settle(app, pilot)
        assert not stored(tmp_path).get(posting_id).bookmarked
        assert count_text(app) == "0 / 5"


async def test_status_picker_keeps_a_dated_history(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusPicker)
        await pilot.press("down", "enter")  # applied -> interviewing
        await settle(app, pilot)
        today = date.today().isoformat()
        assert f"applied {today} · interviewing {today}" in detail_text(app)
        assert stored(tmp_path).get(posting_id).status == "interviewing"
        await pilot.press("s", "escape")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).status == "interviewing"


async def test_note_is_saved_and_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, "ask about [bold]visa[/]")
        await pilot.press("enter")  # the editor is multi-line: a second line
        await type_text(pilot, "then call")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).note == "ask about [bold]visa[/]\nthen call"
        assert "ask about [bold]visa[/]" in detail_text(app)


async def test_open_link_shows_url_first_and_only_opens_http(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "company:serotonin")
        await pilot.press("enter", "o")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "https://www.remotewlb.com/apply/senior-zk-rust-engineer-external" in str(
            app.screen.question)
        await pilot.press("n")
        assert opened == []
        await pilot.press("o", "y")
        assert opened == ["https://www.remotewlb.com/apply/senior-zk-rust-engineer-external"]
        for href in ("smb://evil/share", "--help", "file:///etc/passwd", "/tmp/x"):
            app.query_one(DetailPane).post_message(DetailPane.LinkRequested(href))
            await pilot.pause()
            assert not isinstance(app.screen, Confirm)
        assert len(opened) == 1
        await pilot.press("c")
        assert app.clipboard == opened[0]


async def test_help_lists_every_posting_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        for phrase in ("mark applied", "bookmark", "status picker", "edit the note",
                       "open the apply link", "copy the apply link", "loc:", "reset"):
            assert phrase in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_sort_cycles_and_title_order_is_alphabetical(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        assert app.main.sort == "title"
        titles = [app.main.catalog.posting(i).title for i in app.query_one(PostingList).ids]
        assert titles == sorted(titles, key=str.casefold)


async def test_filter_sort_and_selection_come_back_next_time(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "stack:rust")
        await pilot.press("enter", "S", "j")
        selected = app.query_one(PostingList).highlighted
        await pilot.press("q")
    again = make_app(tmp_path, postings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert search_text(again) == "stack:rust"
        assert again.main.sort == "title"
        assert again.query_one(PostingList).highlighted == selected


async def test_tracking_survives_a_cache_rebuild_and_a_rename(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "company:status")
        await pilot.press("enter", "a", "b")
        await settle(app, pilot)
        await pilot.press("q")
    (tmp_path / "data" / "cache.json").unlink()
    (postings / STATUS_SEED).rename(postings / "renamed-status.txt")
    again = make_app(tmp_path, postings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        await pilot.press("slash")
        await type_text(pilot, "status:applied")
        await settle(again, pilot)
        assert count_text(again) == "1 / 5"
        assert highlighted_source(again) == "renamed-status.txt"
        assert "★" in list_rows(again)[0]


async def test_sidebar_hides_and_shows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("backslash")
        assert not app.query_one("#sidebar").display
        await pilot.press("l")
        assert app.query_one("#sidebar").display


async def test_long_posting_is_capped_with_a_way_to_read_all(tmp_path: Path) -> None:
    postings = tmp_path / "postings"
    postings.mkdir()
    body = "\n".join(f"| row {i} | value {i} |" for i in range(5000))
    (postings / "table.md").write_text("# Table Engineer\n\n| a | b |\n|---|---|\n" + body)
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.query_one("#detail-notice").display
        await pilot.press("enter", "f")
        await pilot.pause()
        assert isinstance(app.screen, FullTextScreen)
        assert "row 4999" in app.screen.text


async def test_hostile_postings_show_literally_and_bad_files_are_named(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    (postings / "click.md").write_text("# [@click=app.quit]Dev[/]\n\n### [red]Evil[/] Corp\n")
    (postings / "tag.md").write_text("# C++ [/opt] Engineer\x1b[2J\n\nBody [/bold]\n")
    (postings / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (postings / "empty.txt").write_bytes(b"")
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert count_text(app) == "7 / 7"
        rows = "\n".join(list_rows(app))
        assert "[@click=app.quit]D" in rows and "[red]Evil[/]" in rows
        assert "C++ [/opt] Engineer" in rows and "\x1b" not in rows
        await pilot.press("slash")
        await type_text(pilot, "click")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "[@click=app.quit]Dev[/]" in detail_text(app)
        await pilot.click(PostingList, offset=(20, 0))  # clicking the title runs nothing
        assert app.is_running
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, SkippedScreen)
        assert {item.source for item in app.screen.skipped} == {"image.md", "empty.txt"}


async def test_unreadable_state_exits_with_a_message_and_leaves_the_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    broken = b'{"tracking": {"1": {"posting_id": "abc", "status": "appl'
    state_path(data).write_bytes(broken)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
    assert app.return_value and str(state_path(data)) in app.return_value
    assert state_path(data).read_bytes() == broken


async def test_tracked_posting_whose_file_is_gone_is_still_listed(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.main.search_box.value = "company:serotonin"
        await settle(app, pilot)
        await pilot.press("enter", "a")
        await settle(app, pilot)
        await pilot.press("q")
    (postings / SEROTONIN_SEED).unlink()
    again = make_app(tmp_path, postings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        again.main.search_box.value = "status:applied"
        await settle(again, pilot)
        assert count_text(again) == "1 / 5"
        assert "Senior ZK Rust Engineer (External) (file gone)" in detail_text(again)
        assert row_status(list_rows(again)[0]) == "applied"
