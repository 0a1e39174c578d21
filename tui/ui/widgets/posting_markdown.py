"""The detail pane's body: Textual's ``Markdown``, with table cells whose tooltips are
``Content``. A module of its own so that the first frame never imports it: Textual's
markdown widgets bring markdown-it and Pygments (~0.05 s of imports at start), and the
first body is rendered only once the list is filled."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Markdown

# Not exported by textual.widgets.markdown; tests/test_hostile_ui.py notices if they move.
from textual.widgets._markdown import MarkdownTable, MarkdownTableContent


class _TableContent(MarkdownTableContent):
    """Textual gives each table cell its plain text as a tooltip *string*, and a tooltip
    parses strings as markup: hovering a cell reading "C++ [/opt]" raised MarkupError
    and ended the app, and "[@click=app.quit]" became live. Cells get Content instead."""

    def compose(self) -> ComposeResult:
        for cell in super().compose():
            if isinstance(cell.tooltip, str):
                cell.tooltip = Content(cell.tooltip)
            yield cell


class _Table(MarkdownTable):
    def compose(self) -> ComposeResult:
        self._headers, self._rows = self._get_headers_and_rows()
        yield _TableContent(self._headers, self._rows)


class PostingMarkdown(Markdown):
    """Textual's Markdown, with tables whose tooltips cannot be read as markup."""

    BLOCKS = {**Markdown.BLOCKS, "table_open": _Table}
