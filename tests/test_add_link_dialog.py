"""``A`` in the app: a link is downloaded in a worker, the dialog says what failed, and the
new posting is loaded and selected, even when the current filter would hide it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Label

from tests.local_http import LocalServer, running_server
from tests.test_web_pages import JOB, jsonld, page
from tests.tui_helpers import (
    SIZE,
    detail_text,
    highlighted_source,
    make_app,
    search_text,
    settle,
)
from tui.ui.screens.add_link import AddLinkDialog


@pytest.fixture
def server() -> Iterator[LocalServer]:
    yield from running_server()


async def test_add_link_downloads_saves_and_selects_the_new_posting(
        tmp_path: Path, server: LocalServer) -> None:
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "one.md").write_text("# Python Developer\n\nCompany: Ferrow\n\nDjango work.\n")
    (postings / "two.md").write_text("# Go Developer\n\nCompany: Lintel\n\nGo services.\n")
    url = server.serve("/jobs/41", page(jsonld(JOB)))
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.main.search_box.value = "django"  # a filter the new posting does not match
        await settle(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddLinkDialog)
        box = dialog.query_one(Input)
        box.value = server.url + "/missing"
        await pilot.press("enter")
        await settle(app, pilot)
        error = dialog.query_one("#link-error", Label)
        assert app.screen is dialog and error.display
        assert f"{server.url}/missing: HTTP 404" in str(error.render())
        assert not box.disabled and sorted(p.name for p in postings.iterdir()) == [
            "one.md", "two.md"]
        box.value = url
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddLinkDialog)
        saved = "quillmere-labs-staff-reliability-engineer.html"
        assert (postings / saved).is_file()
        assert highlighted_source(app) == saved
        assert search_text(app) == ""
        assert "Staff Reliability Engineer" in detail_text(app)
