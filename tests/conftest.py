"""Every test runs with its own home, data folder and postings: never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


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
