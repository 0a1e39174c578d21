"""Start the app on a folder under Pilot and read back what it shows."""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static
from textual.worker import WorkerCancelled

from tui.paths import bundled_seeds, state_path
from tui.store.state import TrackingStore
from tui.ui.app import JobTuiApp
from tui.ui.widgets.posting_list import STATUS_MARKS, PostingList
from tui.ui.widgets.row_layout import MARKERS

SIZE = (160, 45)
STATUS_SEED = "003_f17e700717397f47.txt"
SEROTONIN_SEED = "004_742ff530aaaf5516.txt"


def seeds_copy(tmp_path: Path) -> Path:
    postings = tmp_path / "postings"
    shutil.copytree(bundled_seeds(), postings, ignore=shutil.ignore_patterns("__pycache__"))
    return postings


def stored(tmp_path: Path) -> TrackingStore:
    """The tracking a test's app saved (its data folder is ``tmp_path / "data"``)."""
    return TrackingStore(state_path(tmp_path / "data"))


def make_app(tmp_path: Path, postings: Path | None = None) -> JobTuiApp:
    return JobTuiApp(postings_dir=postings or seeds_copy(tmp_path), data_dir=tmp_path / "data")


async def settle(app: JobTuiApp, pilot: Pilot) -> None:
    """Wait until every worker (build, index, detail, save) is done and the screen is drawn."""
    for _ in range(5):
        await pilot.pause()
        # The 1.5 s tracking poll is an exclusive worker: on a loaded machine a second
        # poll can cancel the first while we wait, which is not a failure.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")


def list_rows(app: JobTuiApp) -> list[str]:
    posting_list = app.query_one(PostingList)
    return [posting_list.render_line(y).text for y in range(len(posting_list.ids))]


def row_status(row: str) -> str:
    """The status a list row's one-letter marker stands for ("applied" for "A")."""
    at = 1 + sum(width + 1 for name, width in MARKERS[:[n for n, _ in MARKERS].index("status")])
    return {mark: status for status, mark in STATUS_MARKS.items()}.get(row[at], row[at])


def count_text(app: JobTuiApp) -> str:
    return str(app.query_one("#count", Static).render())


def search_text(app: JobTuiApp) -> str:
    return app.query_one("#search", Input).value


def detail_text(app: JobTuiApp) -> str:
    """The detail header's text, a value wrapped onto indented lines joined again."""
    return re.sub(r"\n {10}(?=\S)", " ", str(app.query_one("#detail-header", Static).render()))


def highlighted_source(app: JobTuiApp) -> str:
    posting_id = app.query_one(PostingList).highlighted
    return app.main.catalog.posting(posting_id).source if posting_id else ""
