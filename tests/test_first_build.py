"""A first build of a large folder fills the list as it goes, in steps."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.library
from tests.tui_helpers import SIZE, count_text, make_app, settle
from tui.catalog import Catalog
from tui.library import Library
from tui.model import Posting
from tui.store import parse_worker


async def test_the_list_shows_the_first_postings_before_the_build_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.library, "FIRST_BUILD_STEP", 2)
    app = make_app(tmp_path)
    shown: list[int] = []
    listed = Library.listed

    def record(library: Library, postings: list[Posting] | None = None) -> Catalog:
        catalog = listed(library, postings)
        shown.append(len(catalog))
        return catalog

    monkeypatch.setattr(Library, "listed", record)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert shown == [2, 5]  # two postings listed while the other three were parsed
        assert count_text(app) == "5 / 5"



async def test_a_first_build_on_both_cores_inside_the_app_loads_every_posting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual captures stderr while it runs; the process pool must start all the same.
    monkeypatch.setattr(parse_worker, "POOL_THRESHOLD", 1)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert count_text(app) == "5 / 5"
        assert app.main.skipped == []


async def test_a_view_save_due_as_the_app_closes_is_skipped_quietly(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await app.query_one("#search").remove()  # as when the app tears its widgets down
        app.main._save_view()  # the save timer of a change made a moment before
        await pilot.pause()
        assert app.is_running
