"""A first build of a large folder fills the list as it goes, in steps."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

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


async def test_quitting_during_a_first_build_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The process waits for the build's thread at exit: a build that went on after `q`
    # held the terminal until the last file of a large folder was parsed.
    building, ended = threading.Event(), threading.Event()
    give_up = threading.Event()  # ends the stand-in build if nothing else does
    how: list[str] = []

    def endless_build(library: Library, show: object, progress: Any = None,
                      before_records: object = None) -> object:
        try:
            done = 0
            while not give_up.wait(0.005):  # files parsed, a hundred at a time
                done += 100
                progress(done, 1_000_000)
                building.set()
            how.append("parsed to the end")
        except Exception as error:
            how.append(type(error).__name__)
            raise
        finally:
            ended.set()
        return None

    monkeypatch.setattr(Library, "load", endless_build)
    app = make_app(tmp_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert await asyncio.to_thread(building.wait, 5)
            await pilot.press("q")
        assert await asyncio.to_thread(ended.wait, 5)
        assert how == ["_Quitting"]
    finally:
        give_up.set()
