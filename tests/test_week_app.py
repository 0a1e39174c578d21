"""Issue 12 #5-7 in the TUI: one app on a small written folder — the trap callout, the
"seen N×" badge with the sources in the detail pane, the Level facet, a salary filter."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui_helpers import (
    SIZE,
    count_text,
    detail_text,
    highlighted_source,
    list_rows,
    make_app,
    settle,
)
from tests.week_fixtures import write_week_folder
from tui.ui.widgets.filter_sidebar import FilterSidebar
from tui.ui.widgets.posting_list import PostingList


async def test_trap_callout_seen_badge_level_facet_and_salary_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path, write_week_folder(tmp_path / "postings"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Six files, five roles: the repost is one row, badged, its sources in the detail.
        assert count_text(app) == "5 / 5"
        rows = list_rows(app)
        assert sum("seen 2×" in row for row in rows) == 1
        assert highlighted_source(app) == "ledger-repost.md"
        assert "seen 2×" in detail_text(app)
        assert "ledger-old.md" in detail_text(app)
        assert "USD 150,000–180,000 a year" in detail_text(app)
        trap = app.query_one("#detail-trap", Static)
        assert not trap.display  # this posting asks nothing

        level = app.query_one(FilterSidebar).facet("level")
        assert [value.value for value in level.values] == ["junior", "senior", "staff"]

        await pilot.press("slash")
        app.main.search_box.value = "level:staff"  # the same path as typing
        await settle(app, pilot)
        assert highlighted_source(app) == "berlin.md"
        assert trap.display
        assert "mention the word PELICAN" in str(trap.render())

        app.main.search_box.value = "salary:>=100k -salary:unknown"
        await settle(app, pilot)
        shown = {app.main.catalog.posting(pid).source for pid in app.query_one(PostingList).ids}
        assert shown == {"ledger-repost.md", "contract.md"}
