"""Issue 14, "every rough edge a new user hits": the list, the detail pane and the
empty-result hint, at the sizes the issue was found at (160×45, 100×30, 80×24).

One folder of our own postings (written below, never copied from anywhere): enough of
them that the list scrolls, long stacks, long places and a long note."""

from __future__ import annotations

import os
import re
from pathlib import Path

from textual.widgets import Footer, Log, Static, TextArea
from textual.widgets._footer import FooterKey

from tests.tui_helpers import settle, type_text
from tui.catalog import Catalog
from tui.ui.app import JobTuiApp
from tui.ui.screens.info import FullTextScreen
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.posting_list import PostingList

STACKS = (
    ["kubernetes", "python", "go", "rust", "postgres", "redis", "kafka", "terraform", "aws",
     "gcp", "docker", "linux"],
    ["typescript", "react", "node.js", "graphql", "aws"],
    ["android", "kotlin", "java"],
    ["rust", "python"],
)
PLACES = (["Berlin, Germany", "Lisbon, Portugal", "Toronto, Canada"], ["Oslo, Norway"], [])
COMPANIES = ("Hanse Assekuranz Digital", "Nordlicht Logistics", "Quarry & Lane", "Pixelwerk")
DAY = 86_400
T0 = 1_767_225_600  # 2026-01-01


def write_folder(root: Path, count: int = 40, paragraphs: int = 2) -> Path:
    postings = root / "postings"
    postings.mkdir()
    for n in range(count):
        stack = STACKS[n % len(STACKS)]
        places = PLACES[n % len(PLACES)]
        where = "".join(f"\n  - \"{place}\"" for place in places)
        body = (f"---\ntitle: \"Platform Engineer {n:02d}\"\ncompany: \"{COMPANIES[n % 4]}\"\n"
                f"locations:{where or ' []'}\nremote: {str(n % 2 == 0).lower()}\n"
                f"tags: [{', '.join(stack)}]\nurl: https://jobs.example.org/{n}\n---\n\n"
                f"# Platform Engineer {n:02d}\n\n"
                + "\n\n".join(f"Paragraph {p} about the work on the platform, the team and "
                              "the way we ship small changes." for p in range(paragraphs)))
        path = postings / f"p{n:02d}.md"
        path.write_text(body, encoding="utf-8")
        # All on one day, minutes apart: "date added" must still tell them apart.
        os.utime(path, (T0 + 60 * n, T0 + 60 * n))
    return postings


def make(tmp_path: Path, postings: Path | None = None) -> JobTuiApp:
    return JobTuiApp(postings_dir=postings or write_folder(tmp_path), data_dir=tmp_path / "data")


def screen_lines(app: JobTuiApp) -> list[str]:
    """What the terminal shows, line by line."""
    _, height = app.size
    return [strip.text for strip in app.screen._compositor.render_strips()][:height]


def posting_list(app: JobTuiApp) -> PostingList:
    return app.main.query_one(PostingList)


def cursor_visible(app: JobTuiApp) -> bool:
    listing = posting_list(app)
    top = listing.scroll_offset.y
    return top <= listing.cursor < top + listing.scrollable_content_region.height


def list_screen_rows(app: JobTuiApp) -> list[str]:
    listing = posting_list(app)
    return [listing.render_line(y).text for y in range(listing.size.height)]


async def test_rows_keep_whole_counts_and_a_fixed_status_marker(tmp_path: Path) -> None:
    """Items 1, 2 and 4: every width, no cut "+N", no cut word without "…"."""
    app = make(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for size, sidebar in (((100, 30), False), ((80, 24), True), ((160, 45), True)):
            await pilot.resize_terminal(*size)
            app.main.show_sidebar = sidebar
            await settle(app, pilot)
            listing = posting_list(app)
            region = listing.content_region
            # What reaches the screen: the list's rows as the compositor drew them.
            lines = screen_lines(app)[region.y:region.y + listing.size.height]
            rows = [line[region.x:region.right] for line in lines]
            first = next(row for row in rows if "Platform Engineer 36" in row)  # 12 techs
            if size != (80, 24):  # where the stack column is shown (not beside the sidebar)
                assert re.search(r"\+(11|10|9)$", first.rstrip()), (size, first)
            for row in rows:  # a count cut off its number, or a list cut after a comma
                assert not re.search(r"\+(\s|$)", row), (size, row)
                assert not row.rstrip().endswith(","), (size, row)
            for row in rows:
                for company in COMPANIES:
                    if company.split()[0][:4] in row:
                        cut = any(company[:n] + "…" in row for n in range(1, len(company)))
                        assert company in row or cut, (size, row)
        # A first status change does not move any column: a fixed marker, whole words.
        before = list_screen_rows(app)[3]
        title_at = before.index("Platform Engineer")
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("down", "down", "enter")  # none → applied → interviewing
        await settle(app, pilot)
        assert app.main.catalog.tracking(posting_list(app).highlighted).status == "interviewing"
        after = list_screen_rows(app)
        assert all(row.index("Platform Engineer") == title_at for row in after if
                   "Platform Engineer" in row)
        assert not any("interview " in row or row.rstrip().endswith("interview")
                       for row in after)


async def test_footer_and_sort_hint_are_whole_at_80x24(tmp_path: Path) -> None:
    """Item 2: at 80×24 with the sidebar open, "(S)" and "? Help" are not clipped."""
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        lines = screen_lines(app)
        assert "? Help" in lines[-1], lines[-1]
        footer = app.main.query_one(Footer)
        for key in footer.query(FooterKey):
            if key.display:
                assert key.region.right <= footer.region.right, key.description
        assert any("(S)" in line for line in lines)
        # Rows still show at least title and company, and the list is more than a peephole.
        assert posting_list(app).size.height >= 6


async def test_the_highlighted_row_stays_on_screen(tmp_path: Path) -> None:
    """Item 3: G, k×15, resize; Maximize and back; filter, G, r."""
    app = make(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("G", *["k"] * 15)
        await settle(app, pilot)
        assert cursor_visible(app)
        await pilot.resize_terminal(100, 30)
        await settle(app, pilot)
        assert cursor_visible(app)
        assert app.main.maximize(posting_list(app))
        await settle(app, pilot)
        await pilot.press("G")
        await settle(app, pilot)
        app.main.minimize()
        await settle(app, pilot)
        assert cursor_visible(app)
        await pilot.press("slash")
        await type_text(pilot, "pix")  # Pixelwerk: 10 of the 40, the last near the end
        await pilot.press("enter", "G")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert posting_list(app).cursor > 10
        assert cursor_visible(app)


async def test_headers_reverse_sort_and_date_added_to_the_second(tmp_path: Path) -> None:
    """Items 5 and 6: column headers, minus reverses the sort, the newest file first."""
    postings = write_folder(tmp_path, count=12)
    app = make(tmp_path, postings)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        header = str(app.main.query_one("#list-header").render())
        for heading in ("Title", "Company", "Location", "Stack"):
            assert heading in header
        catalog: Catalog = app.main.catalog
        first = catalog.posting(posting_list(app).ids[0]).title
        assert first == "Platform Engineer 11"  # saved last, the same day as the others
        await pilot.press("minus")
        await settle(app, pilot)
        assert catalog.posting(posting_list(app).ids[0]).title == "Platform Engineer 00"
        assert "reversed" in str(app.main.query_one("#sort-label", Static).render())
        await pilot.press("S")  # by title, still reversed: Z to A, ▼
        await settle(app, pilot)
        titles = [catalog.posting(i).title for i in posting_list(app).ids]
        assert titles == sorted(titles, reverse=True)
        assert "Title ▼" in str(app.main.query_one("#list-header").render())


async def test_reading_keys_in_the_detail_pane(tmp_path: Path) -> None:
    """Items 7, 8 and 9: j/k/g/G/space scroll the detail, z reads it full-screen and back,
    the full text wraps, wrapped header values keep their indent."""
    # One posting, long enough to scroll, with 12 technologies: the stack line wraps.
    postings = write_folder(tmp_path, count=1, paragraphs=30)
    app = make(tmp_path, postings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        detail = app.main.query_one(DetailPane)
        assert app.focused is detail
        await pilot.press("j", "j")
        assert detail.scroll_y == 2
        await pilot.press("k")
        assert detail.scroll_y == 1
        await pilot.press("G")
        assert detail.scroll_y == detail.max_scroll_y > 10
        await pilot.press("g")
        assert detail.scroll_y == 0
        await pilot.press("space")
        assert detail.scroll_y > 5
        await pilot.press("z")
        await settle(app, pilot)
        assert app.main.maximized is detail and detail.size.width >= 95
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.main.maximized is None
        # The header: a value that wraps goes on under the value column, not the label.
        header = app.main.query_one("#detail-header", Static)
        lines = [strip.text for strip in header.render_lines(header.region.reset_offset)]
        stack_at = next(i for i, line in enumerate(lines) if line.startswith("stack"))
        assert lines[stack_at + 1].startswith(" " * 10) and lines[stack_at + 1].strip()
        # The full text soft-wraps: no line wider than the screen, every word still there.
        app.push_screen(FullTextScreen("Platform Engineer", "word " * 400))
        await settle(app, pilot)
        viewer = app.screen.query_one("#full-text")
        assert not isinstance(viewer, Log)
        assert isinstance(viewer, TextArea) and viewer.soft_wrap
        assert viewer.virtual_size.width <= viewer.size.width
        assert viewer.wrapped_document.height > 10


async def test_the_empty_hint_says_what_works_where_the_focus_is(tmp_path: Path) -> None:
    """Item 10: no "Press r" while r would be typed into the search box."""
    postings = write_folder(tmp_path, count=3)
    app = make(tmp_path, postings)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "zzqx")
        await settle(app, pilot)
        hint = list_screen_rows(app)[0]
        assert "Press r" not in hint and "escape" in hint.lower()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "r to reset" in list_screen_rows(app)[0]
