"""What the detail pane hands to Markdown: bounded in blocks, and safe after markdown's own
decoding. Pure: checked with the parser Textual's Markdown uses, no app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.parsing import SkipFile, parse_posting
from tui.preview import BLOCK_LIMIT, LINE_LIMIT, first_line_over_budget, markdown_preview

ROOT = Path(__file__).resolve().parents[1]
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\u2028\u2029\ufeff]"
)


def shown_text(markdown: str) -> str:
    """Every piece of text Markdown would put on screen (inline text, code, link targets)."""
    parts: list[str] = []
    for token in MarkdownIt("gfm-like").parse(markdown):
        parts.append(token.content)
        for child in token.children or ():
            parts.append(child.content)
            parts.extend(str(value) for value in (child.attrs or {}).values())
    return "\n".join(parts)


def blocks(markdown: str) -> int:
    return sum(1 for token in MarkdownIt("gfm-like").parse(markdown) if token.nesting == 1)


@pytest.mark.parametrize("reference", [
    "&#x202E;", "&#8238;", "&rlm;", "&lrm;", "&#x200B;", "&ZeroWidthSpace;", "&#27;",
    "&#x1b;", "&#155;", "&#x2028;", "&#x2066;", "&#xFEFF;", "&#7;",
])
def test_references_to_unsafe_characters_are_shown_as_written(reference: str) -> None:
    preview = markdown_preview(f"Read file{reference}gnp.exe today\n")
    text = shown_text(preview.markdown)
    assert not UNSAFE.search(text)
    assert f"file{reference}gnp.exe" in text


def test_harmless_references_still_render() -> None:
    text = shown_text(markdown_preview("caf&eacute; &amp; cr&#232;me &lt;b&gt;\n").markdown)
    assert "café & crème <b>" in text


@pytest.mark.parametrize(("name", "body"), [
    ("10,000 list items", "- a\n" * 10_000),
    ("5,000-row table", "| a | b | c |\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * 5_000),
    ("8,000 headings", "# h\n" * 8_000),
    ("10,000 paragraphs", "a\n\n" * 10_000),
    ("10,000 lines", "ab\n" * 10_000),
    ("3,000 code blocks", "```\ncode\n```\n" * 3_000),
    ("quotes 50 deep", ("> " * 50 + "a\n\n") * 300),
    ("lists 200 deep", "".join("  " * i + "- a\n" for i in range(200))),
    ("2 MB of prose", ("A sentence of a posting. " * 40 + "\n\n- item\n- item\n\n") * 1_800),
])
def test_bodies_that_would_freeze_markdown_are_cut(name: str, body: str) -> None:
    preview = markdown_preview(body)
    assert preview.cut
    assert blocks(preview.markdown) <= BLOCK_LIMIT
    assert preview.markdown.count("\n") < LINE_LIMIT
    assert len(preview.markdown) <= 30_000


def test_every_seed_and_fixture_renders_whole() -> None:
    folders = [ROOT / "seeds", ROOT / "tests/fixtures/postings",
               ROOT / "tests/fixtures/holdout/postings"]
    files = [path for folder in folders for path in sorted(folder.iterdir())]
    assert len(files) >= 45
    for path in files:
        body = parse_posting(path.read_bytes(), path.name).posting.body
        preview = markdown_preview(body)
        assert not preview.cut, path.name
        # Whole: the same lines, give or take hard breaks and a blank line ending a list.
        assert _lines(preview.markdown.replace("  \n", "\n")) == _lines(body), path.name


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_the_cut_falls_on_the_line_where_the_budget_runs_out() -> None:
    items = "".join(f"- item {i}\n" for i in range(BLOCK_LIMIT))
    stop = first_line_over_budget("Intro\n\n" + items)
    assert stop is not None
    kept = ("Intro\n\n" + items).split("\n")[:stop]
    assert blocks("\n".join(kept)) <= BLOCK_LIMIT < blocks("\n".join(kept) + "\n- one more\n")


@settings(max_examples=150, deadline=None)
@given(st.lists(
    st.sampled_from(["&#x202E;", "&#27;", "&rlm;", "&#8203;", "&amp;", "&#", "&#x", ";", "&",
                     "[a](b)", "`", "\x1b[31m", "\u202e", "\x9b", "| x |", "\n", " ", "<b>",
                     "&lt;", "text", "#", "- ", "> ", "é"])
    | st.text(max_size=5),
    max_size=60,
).map("".join))
def test_fuzz_nothing_unsafe_reaches_markdown_output(text: str) -> None:
    """The parser's body, then the preview, then markdown's decoding: nothing unsafe left."""
    try:
        body = parse_posting(text.encode("utf-8", "surrogatepass"), "fuzz.md").posting.body
    except (SkipFile, UnicodeEncodeError):
        return
    assert not UNSAFE.search(shown_text(markdown_preview(body).markdown))
