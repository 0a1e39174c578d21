"""Export SVG screenshots of the TUI into ``screenshots/`` (a development-time tool only).

Runs the real app headless on the bundled seeds (read only), with a fresh
temporary data dir (never the user's), drives it with keys as a user would and saves
one SVG per view: ``python -m scripts.export_screenshots``.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.paths import bundled_seeds
from tui.ui.app import JobTuiApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (160, 45)

Scene = Callable[[JobTuiApp, Pilot], Awaitable[None]]


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
    """Type ``text`` one key at a time."""
    for character in text:
        await pilot.press(character if character != " " else "space")


async def press(app: JobTuiApp, pilot: Pilot, *keys: str) -> None:
    """Press ``keys`` and wait for the app to settle."""
    await pilot.press(*keys)
    await settle(app, pilot)


async def main_view(app: JobTuiApp, pilot: Pilot) -> None:
    """All seeds, the first posting highlighted."""


async def filter_stack(app: JobTuiApp, pilot: Pilot) -> None:
    """Search ``stack:python`` and mark the one match applied."""
    await press(app, pilot, "slash")
    await type_text(pilot, "stack:python")
    await press(app, pilot, "enter")
    await press(app, pilot, "a")


async def filter_location(app: JobTuiApp, pilot: Pilot) -> None:
    """Pick New York in the Location facet by typing, then return to the list."""
    await press(app, pilot, "r")
    await press(app, pilot, "l")
    await type_text(pilot, "new y")
    await press(app, pilot, "space")
    await press(app, pilot, "escape", "escape")


async def filter_region(app: JobTuiApp, pilot: Pilot) -> None:
    """Narrow the Location facet to the Americas: countries and continents are values too,
    marked "(region)"; tick the first, so loc: matches every place that lies in it."""
    await press(app, pilot, "l")
    await type_text(pilot, "americ")
    await press(app, pilot, "space")


async def status_picker(app: JobTuiApp, pilot: Pilot) -> None:
    """The status picker open on the first posting."""
    await press(app, pilot, "s")


async def help_screen(app: JobTuiApp, pilot: Pilot) -> None:
    """The help screen."""
    await press(app, pilot, "question_mark")


async def narrow(app: JobTuiApp, pilot: Pilot) -> None:
    """A 100x32 terminal: the detail pane under the list, on a Rust search."""
    await press(app, pilot, "slash")
    await type_text(pilot, "stack:rust -company:status")
    await press(app, pilot, "enter", "j")


async def pipeline_view(app: JobTuiApp, pilot: Pilot) -> None:
    """A week of applications (dated days before today), then the Pipeline (P): grouped by
    status, oldest waiting first, the ones due a follow-up marked."""
    from datetime import date, timedelta

    from tui.ui.widgets.posting_list import PostingList

    ids = list(app.query_one(PostingList).ids)
    today = date.today()
    store = app.library.store
    for posting_id, status, days in ((ids[0], "applied", 12), (ids[1], "applied", 3),
                                     (ids[2], "interviewing", 9), (ids[3], "rejected", 20)):
        store.set_status(posting_id, "applied", on=today - timedelta(days=days + 1))
        if status != "applied":
            store.set_status(posting_id, status, on=today - timedelta(days=days))
    from tui.ui.messages import TrackingChanged

    app.main.post_message(TrackingChanged(*app.library.read_tracking()))
    await settle(app, pilot)
    await press(app, pilot, "P")


async def trap_callout(app: JobTuiApp, pilot: Pilot) -> None:
    """The posting that hides "mention the word …" at its end: the callout on top."""
    await press(app, pilot, "slash")
    await type_text(pilot, "cross chain")
    await press(app, pilot, "enter")


SCENES: list[tuple[str, Scene, tuple[int, int]]] = [
    ("main.svg", main_view, SIZE),
    ("filter-stack.svg", filter_stack, SIZE),
    ("filter-location.svg", filter_location, SIZE),
    ("filter-region.svg", filter_region, SIZE),
    ("status-picker.svg", status_picker, SIZE),
    ("help.svg", help_screen, SIZE),
    ("narrow.svg", narrow, (100, 32)),
    ("pipeline.svg", pipeline_view, SIZE),
    ("trap-callout.svg", trap_callout, SIZE),
]


async def shoot(name: str, scene: Scene, out: Path, size: tuple[int, int] = SIZE) -> Path:
    """Run the app once on fresh seeds and data, play ``scene`` and save ``name``."""
    with tempfile.TemporaryDirectory(prefix="jobtui-shots-") as tmp:
        # The seeds are only read; the header then says "bundled seeds", not a temp path.
        app = JobTuiApp(postings_dir=bundled_seeds(), data_dir=Path(tmp) / "data")
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            await scene(app, pilot)
            await settle(app, pilot)
            app.save_screenshot(filename=name, path=str(out))
    return out / name


async def export(out: Path = OUT) -> list[Path]:
    """Write every screenshot into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    return [await shoot(name, scene, out, size) for name, scene, size in SCENES]


def main() -> None:
    """Export the screenshots and print where they went."""
    for path in asyncio.run(export()):
        print(path)


if __name__ == "__main__":
    main()
