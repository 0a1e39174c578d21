"""The part of a posting's body that the detail pane renders as markdown, made safe.

Pure Python (no Textual): it runs in the worker that loads a posting.

*Size.* Textual's ``Markdown`` mounts widgets per block (a paragraph, a list
item, a table cell): a posting of 10,000 list items took 80 s to render here,
and a list mounts in one piece, so key presses wait for all of it. What counts
is the number of blocks, not the characters (30,000 characters of one-line
list items are as slow as that), so the preview stops at a budget of blocks
and lines, and says so; the full text is one key away, in a Line API view.

*Character references.* Markdown decodes ``&#x202E;``, ``&rlm;`` or ``&#8203;``
into bidi overrides and invisible characters after the parser's sanitising
ran; such references are escaped so that they show as written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from tui.sanitize import clean_text

RENDER_LIMIT = 30_000  # characters
LINE_LIMIT = 800
# Blocks: what Textual mounts widgets for (paragraph, heading, list item, table row
# and cell, code block…); deep nesting costs more. The seeds have 26 to 52; here a
# 120-block posting renders in about half a second.
BLOCK_LIMIT = 120
WIDGET_BLOCKS = {"fence": 4, "code_block": 4, "hr": 1, "html_block": 1}  # code: highlighted
FREE_DEPTH = 4  # a nested list item's paragraph sits at level 4

ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||```|>|$)")


@dataclass(frozen=True, slots=True)
class Preview:
    markdown: str
    cut: bool  # something was left out: the pane says so and offers the full text


def markdown_preview(body: str) -> Preview:
    text, cut = body, False
    if len(text) > RENDER_LIMIT:
        text, cut = text[:RENDER_LIMIT], True
        if "\n" in text:
            text = text.rsplit("\n", 1)[0]
    lines = text.split("\n")
    if len(lines) > LINE_LIMIT:
        lines, cut = lines[:LINE_LIMIT], True
    stop = first_line_over_budget("\n".join(lines))
    if stop is not None:
        lines, cut = lines[:stop], True
    return Preview(keep_line_breaks(escape_unsafe_references("\n".join(lines))), cut)


def first_line_over_budget(text: str) -> int | None:
    """The line where the block that takes ``text`` over :data:`BLOCK_LIMIT` starts."""
    blocks = line = 0
    for token in MarkdownIt("gfm-like").parse(text):  # the parser Textual's Markdown uses
        if token.map:  # table cells have none: they start on their row's line
            line = token.map[0]
        cost = 1 if token.nesting == 1 else WIDGET_BLOCKS.get(token.type, 0)
        if cost:
            blocks += cost + max(0, token.level - FREE_DEPTH)
            if blocks > BLOCK_LIMIT:
                return line
    return None


def escape_unsafe_references(text: str) -> str:
    """``&#x202E;`` becomes ``&amp;#x202E;`` (shown as written); ``&amp;`` or ``&#233;``
    stay as they are."""

    def escape(match: re.Match[str]) -> str:
        reference = match.group()
        decoded = html.unescape(reference)
        if decoded != reference and clean_text(decoded) != decoded:
            return "&amp;" + reference[1:]
        return reference

    return ENTITY.sub(escape, text) if "&" in text else text


LIST_ITEM = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s)")


def _heading_like(line: str) -> bool:
    """A short unindented line that does not read as the end of a sentence:
    "Requirements", "What you will do:" rather than "and Python daily."."""
    text = line.strip()
    return (bool(text) and line[:1] not in " \t" and len(text) <= 50
            and text[-1] not in ".,;" and not text[0].islower())


def keep_line_breaks(body: str) -> str:
    """Plain-text postings put one item per line; markdown would run those lines together.
    End a line with a hard break when the next line continues the same paragraph, and
    end a list before a heading-like line, which markdown would take into the last item."""
    lines = body.split("\n")
    out: list[str] = []
    fenced = False
    in_list = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced:
            if LIST_ITEM.match(line):
                in_list = True
            elif not line.strip():
                in_list = False
            elif in_list and _heading_like(line):
                out.append("")  # the list ends here
                in_list = False
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (following is not None and not fenced and line.strip()
                and not BLOCK_START.match(following) and not line.lstrip().startswith("|")):
            line += "  "
        out.append(line)
    return "\n".join(out)
