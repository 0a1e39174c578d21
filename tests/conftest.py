"""Every test runs with its own home, data folder and postings: never the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.paths import bundled_seeds


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("JOBTUI_POSTINGS", raising=False)
    # No test's app reloads behind its back when it writes into its postings folder;
    # tests/test_folder_watch.py turns watching on where it is what is tested.
    monkeypatch.setenv("JOBTUI_WATCH", "off")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """For command-line tests: a copy of the seeds and an empty data dir, both temporary,
    named by the environment."""
    postings = tmp_path / "postings"
    shutil.copytree(bundled_seeds(), postings, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setenv("JOBTUI_POSTINGS", str(postings))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    return postings
