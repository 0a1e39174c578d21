"""The README's screenshot scenes as snapshot tests (pytest-textual-snapshot): a change
to what the user sees fails here until the new picture is accepted with
``pytest tests/test_snapshots.py --snapshot-update`` (and looked at).

The scenes are the ones ``make screenshots`` plays (scripts/export_screenshots.py).
What could make a picture differ from run to run is pinned: the seeds get fixed
modification dates (the "date added" order), the header's folder label is fixed,
the search box does not blink, and toasts are cleared before the picture is taken
(a slow run could otherwise catch one before or after its timeout).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import tui.ui.app as app_module
from scripts.export_screenshots import SCENES, settle
from tui.paths import bundled_seeds
from tui.ui.app import JobTuiApp

DAY_NS = 86_400 * 10**9
FIRST_DAY_NS = 1_767_225_600 * 10**9  # 2026-01-01, then a day apart per file
# filter-stack marks a posting applied today, pipeline counts days back from today: their
# pictures would change every day.
STABLE_SCENES = [scene for scene in SCENES if scene[0] not in {"filter-stack.svg",
                                                                "pipeline.svg"}]


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "seeds"
    shutil.copytree(bundled_seeds(), copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for day, path in enumerate(sorted(copy.iterdir())):
        os.utime(path, ns=(FIRST_DAY_NS + day * DAY_NS,) * 2)
    monkeypatch.setattr(app_module, "bundled_seeds", lambda: copy)  # "bundled seeds"
    return copy


@pytest.mark.parametrize(("name", "scene", "size"), STABLE_SCENES,
                         ids=[name.removesuffix(".svg") for name, _, _ in STABLE_SCENES])
def test_scene(snap_compare: Any, seeds: Path, tmp_path: Path, name: str, scene: Any,
               size: tuple[int, int]) -> None:
    app = JobTuiApp(postings_dir=seeds, data_dir=tmp_path / "data")

    async def play(pilot: Pilot) -> None:
        await settle(app, pilot)
        app.main.query_one(Input).cursor_blink = False
        await scene(app, pilot)
        await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=play)
