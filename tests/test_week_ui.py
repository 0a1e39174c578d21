"""Issue 12 in the TUI, keyboard only: safe tracking with undo, the status picker's
letters and date, the note log, hiding, excluding a facet value, the Pipeline view and
the follow-up columns. One app per test, several related checks each."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import OptionList

from tests.tui_helpers import (
    SIZE,
    STATUS_SEED,
    count_text,
    detail_text,
    highlighted_source,
    list_rows,
    make_app,
    search_text,
    seeds_copy,
    settle,
    stored,
    type_text,
)
from tui.model import StatusChange
from tui.ui.messages import TrackingChanged
from tui.ui.screens.dialogs import Confirm, StatusPicker
from tui.ui.screens.pipeline import PipelineScreen
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.posting_list import PostingList


async def test_safe_tracking_with_undo_letters_dates_and_notes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        # The picker's letters: i is interviewing, dated today.
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusPicker)
        await pilot.press("i")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).status == "interviewing"
        # a would move it back: asked first; "n" keeps it.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).status == "interviewing"
        # A date typed in the picker dates the change.
        await pilot.press("s", "tab")
        await type_text(pilot, "2026-10-03")
        await pilot.press("shift+tab", "o")
        await settle(app, pilot)
        assert StatusChange("offer", "2026-10-03") in stored(tmp_path).get(posting_id).history
        assert stored(tmp_path).get(posting_id).status == "offer"
        # A two-line note entry: in the detail pane, and ✎ in the list row.
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "first line")
        await pilot.press("enter")
        await type_text(pilot, "second line")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "first line" in detail_text(app) and "second line" in detail_text(app)
        assert "✎" in list_rows(app)[0]
        # u undoes, newest first: the note, then the offer, then the interview.
        await pilot.press("u")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).notes == ()
        assert "✎" not in list_rows(app)[0]
        await pilot.press("u", "u")
        await settle(app, pilot)
        assert stored(tmp_path).get(posting_id).is_empty
        assert "interview" not in list_rows(app)[0]


async def test_hide_posting_and_company_exclude_and_show_hidden(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert count_text(app).startswith("5 /")
        hidden_id = app.query_one(PostingList).highlighted
        await pilot.press("h")
        await settle(app, pilot)
        assert count_text(app).startswith("4 /")
        assert hidden_id not in app.query_one(PostingList).ids
        # H on the "Status" company's posting hides its company.
        while highlighted_source(app) != STATUS_SEED:
            await pilot.press("j")
        await pilot.press("H")
        await settle(app, pilot)
        assert count_text(app).startswith("3 /")
        assert stored(tmp_path).hidden_companies() == {"status": "Status"}
        # is:hidden lists both; the palette's toggle shows everything.
        await pilot.press("slash")
        await type_text(pilot, "is:hidden")
        await pilot.press("enter")
        await settle(app, pilot)
        assert count_text(app).startswith("2 /")
        await pilot.press("r")
        await app.run_action("toggle_hidden", app.main)
        await settle(app, pilot)
        assert count_text(app).startswith("5 /")
        await app.run_action("toggle_hidden", app.main)
        await pilot.press("u")  # the company comes back; the posting stays hidden
        await settle(app, pilot)
        assert count_text(app).startswith("4 /")
        # x on a facet value writes an exclusion into the query.
        facet = app.query_one("#facet-company", FacetList)
        facet.focus()
        await pilot.pause()
        facet.highlighted = 0
        excluded = facet.highlighted_option.id
        await pilot.press("x")
        await settle(app, pilot)
        assert search_text(app) in {f"-company:{excluded}", f'-company:"{excluded}"'}
        assert count_text(app).startswith("3 /")
    # The hide list outlives the app (and rebuilds: tests/test_week_cli.py).
    assert stored(tmp_path).get(hidden_id).hidden


async def test_pipeline_groups_by_status_and_marks_follow_ups_due(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    app = make_app(tmp_path, postings)
    store = stored(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        ids = list(app.query_one(PostingList).ids)
        store.set_status(ids[0], "applied", on=date.today() - timedelta(days=10))
        store.set_status(ids[1], "applied", on=date.today() - timedelta(days=2))
        store.set_status(ids[2], "interviewing")
        app.main.post_message(TrackingChanged(*app.library.read_tracking()))
        await settle(app, pilot)
        await app.run_action("toggle_follow_up", app.main)
        await pilot.pause()
        row = next(r for r in list_rows(app) if "10d" in r)
        assert (date.today() - timedelta(days=10)).isoformat() in row
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        options = app.screen.query_one(OptionList)
        lines = [str(options.get_option_at_index(i).prompt)
                 for i in range(options.option_count)]
        headings = [line for line in lines if "(" in line and line[0].isupper()]
        assert headings[0].startswith("Interviewing (1)")
        assert headings[1].startswith("Applied (2) · 1 due a follow-up")
        applied = [line for line in lines if "applied 2" in line and "d " in line]
        assert applied[0].startswith("follow up") and " 10d" in applied[0]  # oldest first
        assert not applied[1].startswith("follow up")
        # Enter goes to the posting in the list.
        options.highlighted = lines.index(applied[0])
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.query_one(PostingList).highlighted == ids[0]
        assert "applied" in detail_text(app)
