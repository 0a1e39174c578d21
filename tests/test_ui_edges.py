"""Issue 14's behaviour rough edges (items 11-16), as a new user meets them in the app."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui_helpers import settle, type_text
from tui.cli import main
from tui.ui.app import JobTuiApp
from tui.ui.widgets.filter_sidebar import FacetList
from tui.ui.widgets.posting_list import PostingList
from tui.ui.widgets.row_layout import fit

# Written for these tests. The places are only in the front matter, one of them in
# the city's own spelling (the parser names it "Munich").
POSTINGS = {
    "platform.md": "---\ntitle: Platform Engineer\ncompany: Northwind\n"
                   "location: München, Germany\nurl: https://jobs.example.org/platform\n"
                   "stack: [Go, Kubernetes]\n---\nYou keep our services healthy.\n",
    "data.md": "---\ntitle: Data Engineer\ncompany: Southwind\nlocation: Lisbon, Portugal\n"
               "stack: [Python]\n---\nPipelines all day.\n",
    "wide.md": "---\ntitle: 高级后端工程师负责分布式系统与数据平台建设以及更多的工作内容和职责\n"
               "company: 东风\nlocation: Tokyo, Japan\nstack: [Java]\n---\n分布式系统。\n",
    "one.md": "",  # two files that cannot be loaded: "2 files skipped"
    "two.md": "",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    postings = tmp_path / "postings"
    postings.mkdir()
    for name, text in POSTINGS.items():
        (postings / name).write_text(text, encoding="utf-8")
    return postings


def notifications(app: JobTuiApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def fake_tmux(bin_dir: Path, buffer: Path) -> None:
    """A tmux that answers "off" for set-clipboard and keeps load-buffer's input."""
    bin_dir.mkdir()
    script = bin_dir / "tmux"
    script.write_text(f'#!/bin/sh\ncase "$1" in\n  show-options) echo off ;;\n'
                      f'  load-buffer) cat > "{buffer}" ;;\nesac\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_free_text_search_finds_parsed_places(folder, tmp_path, capsys) -> None:
    capsys.readouterr()
    data = str(tmp_path / "cli-data")
    for words in ("munich", "germany munich", "lisbon"):
        assert main(["--postings", str(folder), "--data-dir", data, "list", "--search", words,
                     "--format", "tsv"]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 1, words


def test_fit_puts_the_ellipsis_right_after_cut_wide_text() -> None:
    assert fit("漢字漢字", 6) == "漢字… "
    assert fit("漢字漢字", 5) == "漢字…"
    assert fit("Senior Software Engineer", 17) == "Senior Software… "  # no gap before it


async def test_a_week_of_small_things_in_the_app(folder, tmp_path, monkeypatch) -> None:
    buffer = tmp_path / "tmux-buffer"
    fake_tmux(tmp_path / "bin", buffer)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "STY"):
        monkeypatch.delenv(name, raising=False)
    data = tmp_path / "data"
    app = JobTuiApp(postings_dir=folder, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        # 16: plurals, and no gap before "…" where wide text is cut.
        assert any(text.startswith("2 files skipped:") for text in notifications(app))
        rows = [app.query_one(PostingList).render_line(y).text for y in range(3)]
        wide = next(row for row in rows if "高级" in row)
        assert "…" in wide and " …" not in wide
        # 11: an alias typed in the Stack facet finds the technology it names.
        await pilot.press("t")
        stack = app.query_one("#facet-stack", FacetList)
        await type_text(pilot, "golang")
        assert [stack.get_option_at_index(i).id for i in range(stack.option_count)] == ["go"]
        await pilot.press(*["backspace"] * 6)
        await type_text(pilot, "k8s")
        assert stack.option_count == 1 and stack.highlighted_option.id == "kubernetes"
        await pilot.press("escape", "escape")
        # 12: free words find a place named only in the front matter, by its canonical name.
        app.query_one("#search", Input).value = "munich"
        await settle(app, pilot)
        assert [app.main.catalog.posting(i).title for i in app.query_one(PostingList).ids] == [
            "Platform Engineer"]
        # 15: tmux with set-clipboard off and no clipboard tool: never "Copied".
        app.clear_notifications()
        await pilot.press("escape", "enter", "c")  # the search box, then the list
        await settle(app, pilot)
        [said] = notifications(app)
        assert "Copied" not in said and "tmux's paste buffer" in said
        assert buffer.read_text() == "https://jobs.example.org/platform"
        # 14: Screenshot from the palette, with no ~/Downloads: into the data folder.
        assert not (Path.home() / "Downloads").exists()
        [command] = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        app.clear_notifications()
        command.callback()
        await pilot.pause(0.2)
        await settle(app, pilot)
        [shot] = data.glob("*.svg")
        assert any(str(shot) in text for text in notifications(app))
        # 13: the theme, as the palette's Theme command sets it.
        app.theme = "nord"
        await pilot.press("q")
    app = JobTuiApp(postings_dir=folder, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"


def test_copy_says_copied_only_when_a_clipboard_tool_took_the_text(tmp_path, monkeypatch) -> None:
    from tui.ui import clipboard

    taken = tmp_path / "taken"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tool = bin_dir / "xclip"
    tool.write_text(f'#!/bin/sh\ncat > "{taken}"\n')
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    text, warn = clipboard.copy("https://a.example/1", {"DISPLAY": ":0"}).message("u")
    assert text.startswith("Copied with xclip") and not warn
    assert taken.read_text() == "https://a.example/1"
    text, warn = clipboard.copy("x", {"STY": "1.pts-0"}).message("u")  # GNU screen, no tool
    assert text.startswith("Not copied") and "screen" in text and warn
    text, warn = clipboard.copy("x", {}).message("u")  # a plain terminal: OSC 52, unconfirmed
    assert "Copied" not in text and "OSC 52" in text and not warn
