"""The real thing: `jobtui` in a real terminal (tmux), driven by keys, checked by the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from tui.paths import bundled_seeds

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
JOBTUI = str(Path(sys.executable).with_name("jobtui"))


class Terminal:
    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"jobtui-test-{uuid.uuid4().hex[:8]}"
        self.env = env

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], env=self.env, check=True,
            capture_output=True, text=True,
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "smoke")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until ``text`` shows: a real terminal has no event to await."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def gone(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = subprocess.run(["tmux", "-L", self.socket, "has-session", "-t", "smoke"],
                                    env=self.env, capture_output=True)
            if result.returncode != 0:
                return True
            time.sleep(0.05)
        return False


def test_filter_to_python_mark_applied_quit_and_read_it_back(tmp_path: Path) -> None:
    postings = tmp_path / "postings"
    shutil.copytree(bundled_seeds(), postings, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "JOBTUI_DATA_DIR": str(tmp_path / "data"),
           "JOBTUI_POSTINGS": str(postings), "TERM": "xterm-256color"}
    terminal = Terminal(env)
    terminal.tmux("new-session", "-d", "-s", "smoke", "-x", "160", "-y", "45", JOBTUI)
    try:
        terminal.wait_for("5 / 5")
        terminal.tmux("send-keys", "-t", "smoke", "/")
        terminal.tmux("send-keys", "-t", "smoke", "-l", "stack:python")
        terminal.wait_for("1 / 5")
        terminal.tmux("send-keys", "-t", "smoke", "Enter")
        terminal.tmux("send-keys", "-t", "smoke", "a")
        # The detail pane's dated status: "applied" alone is on screen from the start
        # (the search box's placeholder, the Status facet).
        terminal.wait_for(f"applied {date.today().isoformat()}")
        terminal.tmux("send-keys", "-t", "smoke", "q")
        assert terminal.gone(), "jobtui did not quit on q"
    finally:
        subprocess.run(["tmux", "-L", terminal.socket, "kill-server"], env=env,
                       capture_output=True)
    listed = subprocess.run([JOBTUI, "list", "--status", "applied", "--json"], env=env,
                            check=True, capture_output=True, text=True).stdout
    records = json.loads(listed)
    assert [record["source"] for record in records] == ["003_f17e700717397f47.txt"]
    assert records[0]["title"] == "Rust Developer"
