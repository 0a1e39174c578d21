"""Hostile postings in the running TUI: what reaches the screen, what a click does, what a
huge posting costs, and how bad files are reported. Driven with Pilot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from tests.tui_helpers import SIZE, detail_text, list_rows, make_app, seeds_copy, settle
from tui.cli import main as cli_main
from tui.model import NoteEntry, Tracking
from tui.parsing import parse_posting
from tui.paths import state_path
from tui.preview import BLOCK_LIMIT
from tui.sanitize import clean_line
from tui.store.state import TrackingStore
from tui.ui.app import JobTuiApp
from tui.ui.screens.dialogs import Confirm
from tui.ui.screens.info import FullTextScreen, SkippedScreen
from tui.ui.widgets.detail_pane import PostingMarkdown, header_content
from tui.ui.widgets.posting_list import PostingList

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_posting(tmp_path: Path, name: str, text: str | bytes) -> Path:
    postings = tmp_path / "postings"
    postings.mkdir(exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (postings / name).write_bytes(data)
    return postings


def rendered_blocks(app: JobTuiApp) -> list[str]:
    """The text of every block the detail pane's Markdown is showing."""
    markdown = app.query_one("#detail-body", Markdown)
    return [
        block._content.plain for block in markdown.query(MarkdownBlock)
        if isinstance(getattr(block, "_content", None), Content)
    ]


def notifications(app: JobTuiApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_hovering_a_table_cell_with_markup_lookalikes_neither_crashes_nor_runs_it(
    tmp_path: Path,
) -> None:
    # Textual gives table cells their text as a tooltip *string*, parsed as markup on
    # hover: "[/opt]" raised MarkupError inside a timer and ended the app.
    postings = one_posting(tmp_path, "table.md", (
        "# Build Engineer\n\n| Tool | Where |\n|---|---|\n"
        "| C++ [/opt] | [@click=app.quit]here[/] |\n"
    ))
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE, tooltips=True) as pilot:
        await settle(app, pilot)
        cells = list(app.query_one(PostingMarkdown).query(".cell"))
        assert [str(cell.render()) for cell in cells] == ["C++ [/opt]", "[@click=app.quit]here[/]"]
        for cell in cells:
            assert isinstance(cell.tooltip, Content)
            await pilot.hover(cell)
            app.screen._handle_tooltip_timer(cell)  # what the hover's tooltip timer runs
            await pilot.pause()
            await pilot.click(cell)
            await pilot.pause()
        assert app.is_running
        tooltip = app.screen.query_one("#textual-tooltip")
        assert str(tooltip.render()) == "[@click=app.quit]here[/]"


async def test_the_escape_bypass_title_is_shown_literally_and_clicking_it_runs_nothing(
    tmp_path: Path,
) -> None:
    # rich/textual markup.escape() can be bypassed by this title; it is never markup here.
    title = "[@click=app.bell('[')]x[/] Engineer"
    postings = one_posting(tmp_path, "bell.md", f"# {title}\n\nCompany: [b]Bold[/b] Inc\n")
    app = make_app(tmp_path, postings)
    rang: list[bool] = []
    app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        row = list_rows(app)[0]  # the title column is cut with "…" at 30 cells
        assert "[@click=app.bell('[')]x[/] En" in row and "[b]Bold[/b] I" in row
        assert "[b]Bold[/b] Inc" in detail_text(app)
        assert title in detail_text(app)
        for offset in ((5, 0), (8, 0)):
            await pilot.click(PostingList, offset=offset)
        await pilot.click("#detail-header", offset=(3, 0))
        await pilot.pause()
        assert rang == [] and app.is_running


@pytest.mark.parametrize(("href", "opens"), [
    ("https://jobs.example.com/apply", True),
    ("smb://evil.example/share", False),
    ("--help", False),
    ("/etc/passwd", False),
    ("~/.ssh/id_rsa", False),
])
async def test_a_link_clicked_in_the_posting_opens_only_http_after_showing_it(
    tmp_path: Path, href: str, opens: bool
) -> None:
    postings = one_posting(tmp_path, "links.md",
                           f"# Link Engineer\n\nRead [the details]({href}) first.\n")
    app = make_app(tmp_path, postings)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        paragraph = app.query_one("#detail-body", Markdown).query_one("MarkdownParagraph")
        assert paragraph._content.plain == "Read the details first."
        await pilot.click(paragraph, offset=(7, 0))  # on "the details"
        await pilot.pause()
        if opens:
            assert isinstance(app.screen, Confirm)
            assert href in app.screen.question.plain
            await pilot.press("y")
            assert opened == [href]
        else:
            assert not isinstance(app.screen, Confirm)
            assert any("Not opened" in text and href in text for text in notifications(app))
            assert opened == []


async def test_character_references_cannot_smuggle_control_characters_into_the_markdown(
    tmp_path: Path,
) -> None:
    # Markdown decodes references after the parser sanitised the text.
    postings = one_posting(tmp_path, "refs.md", (
        "# Reference Engineer\n\nfile&#x202E;gnp.exe &rlm;rtl &#8203;zw &lrm; &#27;[2J "
        "&#x2066;iso &ZeroWidthSpace; caf&eacute; &amp; co\n"
    ))
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = "\n".join(rendered_blocks(app))
        assert "file&#x202E;gnp.exe" in text and "&rlm;rtl" in text and "&#8203;zw" in text
        assert "café & co" in text  # harmless references still render
        assert not UNSAFE.search(text)


async def test_a_two_megabyte_posting_renders_a_capped_part_and_f_shows_all(
    tmp_path: Path,
) -> None:
    # Every paragraph different: repeated paragraphs are collapsed by the parser.
    sections = [
        f"## Part {i}\n\nParagraph {i}: payment rails in Rust and Go for bank {i}. "
        + "More detail. " * 50 + f"\n\n- requirement {i}a\n- requirement {i}b\n\n"
        for i in range(2_600)
    ]
    body = "# Huge Posting Engineer\n\n" + "".join(sections) + "THE END\n"
    assert len(body) > 1_900_000
    postings = one_posting(tmp_path, "huge.md", body)
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Huge Posting Engineer" in detail_text(app)
        notice = app.query_one("#detail-notice")
        assert notice.display and "Press f for the full text" in str(notice.render())
        markdown = app.query_one("#detail-body", Markdown)
        assert 0 < len(markdown.query(MarkdownBlock)) <= BLOCK_LIMIT
        assert "THE END" not in "\n".join(rendered_blocks(app))
        await pilot.press("enter", "f")
        await pilot.pause()
        assert isinstance(app.screen, FullTextScreen)
        assert app.screen.text.rstrip().endswith("THE END")
        assert len(app.screen.text) > 1_900_000
        await pilot.press("escape")
        assert not isinstance(app.screen, FullTextScreen)
        await pilot.press("escape", "j", "k")  # the app still answers keys
        assert isinstance(app.focused, PostingList)


async def test_every_bad_file_is_notified_by_name_listed_with_bang_and_the_rest_loads(
    tmp_path: Path,
) -> None:
    postings = seeds_copy(tmp_path)
    (postings / "empty.md").write_bytes(b"")
    (postings / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (postings / "huge.md").write_bytes(b"# Huge\n\n" + b"x" * (5 * 1024 * 1024))
    (postings / "utf16-broken.md").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 8)
    (postings / "legacy.txt").write_bytes("# Desarrollador en Bogotá\n\nPython\n".encode("cp1252"))
    (postings / "\x1b[2Jnamed.md").write_bytes(b"\x00binary")
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.main.catalog and len(app.main.catalog) == 6  # five seeds and the cp1252 one
        shown = " ".join(notifications(app))
        assert "5 files skipped" in shown and "Press ! to see why" in shown
        assert "\x1b" not in shown and "\\x1b[2Jnamed.md" in shown
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, SkippedScreen)
        reasons = {item.source: item.reason for item in app.screen.skipped}
        assert set(reasons) == {"empty.md", "image.txt", "huge.md", "utf16-broken.md",
                                "\x1b[2Jnamed.md"}
        assert "empty" in reasons["empty.md"] and "binary" in reasons["image.txt"]
        assert "too large" in reasons["huge.md"]
        listed = "\n".join(str(option.prompt) for option in app.screen.query_one(
            "OptionList")._options)
        assert "\x1b" not in listed and "\\x1b[2Jnamed.md" in listed


async def test_a_posting_named_with_escape_codes_shows_its_name_escaped(tmp_path: Path) -> None:
    postings = one_posting(tmp_path, "\x1b]52;c;aGk=\x07job\u202e.txt", "no heading here\n\nRust\n")
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        header = detail_text(app)
        assert not UNSAFE.search(header)
        assert "\\x1b]52;c;aGk=\\x07job\\u202e.txt" in header
        highlighted = app.query_one(PostingList).highlighted or ""
        assert not UNSAFE.search(app.main.catalog.posting(highlighted).title)


async def test_the_tui_and_a_command_in_another_shell_never_lose_each_others_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    postings = seeds_copy(tmp_path)
    monkeypatch.setenv("JOBTUI_POSTINGS", str(postings))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        mine = app.query_one(PostingList).highlighted
        theirs = next(pid for pid in app.query_one(PostingList).ids if pid != mine)
        assert cli_main(["mark", theirs, "offer", "--note", "from the shell"]) == 0
        await pilot.press("b", "a")  # the TUI's writes come after, from its stale view
        await settle(app, pilot)
        assert cli_main(["bookmark", theirs]) == 0
        await pilot.press("n")
        await pilot.press("o", "k", "ctrl+s")  # the note editor is multi-line
        await settle(app, pilot)
    tracked = TrackingStore(state_path(tmp_path / "data")).all()
    assert (tracked[theirs].status, tracked[theirs].note, tracked[theirs].bookmarked) == (
        "offer", "from the shell", True)
    assert (tracked[mine].status, tracked[mine].note, tracked[mine].bookmarked) == (
        "applied", "ok", True)


async def test_state_broken_while_running_is_not_overwritten_and_the_user_is_told(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
        path = state_path(tmp_path / "data")
        path.write_bytes(b'{"tracking": ')  # another program broke it
        await pilot.press("a")
        await settle(app, pilot)
        assert path.read_bytes() == b'{"tracking": '
        shown = " ".join(notifications(app))
        assert str(path) in shown and "left untouched" in shown
        assert app.is_running


MARKUPISH = st.lists(st.sampled_from([
    *"[]/@=:'\"()ab .\\", "[@click=app.quit]", "[/]", "[b]", "[link=file:///etc/passwd]",
    "[/opt]", "\x1b[2J", "\u202e",
]), max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(title=MARKUPISH, company=MARKUPISH, note=MARKUPISH, place=MARKUPISH)
def test_fuzz_the_detail_header_shows_posting_text_literally_and_never_live(
    title: str, company: str, note: str, place: str
) -> None:
    posting = parse_posting(
        f"# {title}\n\nCompany: {company}\n\nLocation: {place}\n".encode(), "f.md").posting
    header = header_content(posting, Tracking(posting.id, notes=(NoteEntry("", note),)))
    plain = header.plain
    assert posting.title in plain and posting.company in plain
    assert clean_line(note) in " ".join(plain.split())
    assert not UNSAFE.search(plain)
    for span in header.spans:  # only the styles jobtui itself chose: no actions, no links
        style = span.style if isinstance(span.style, str) else str(span.style)
        assert "@click" not in style and "link" not in style
