"""The right-hand pane: one posting's fields, then its cleaned body as markdown.

Field text is assembled as ``Content`` (never markup). The body goes to
Textual's ``Markdown`` with ``open_links=False``: a clicked link is posted as
:class:`DetailPane.LinkRequested` and the app decides (http/https only, after
showing it). A body over :data:`RENDER_LIMIT` characters, or with more table
rows than :data:`TABLE_ROW_LIMIT`, is cut with a notice: the full text opens
in a plain, virtualised viewer instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Markdown, Static

from tui.model import Posting, Tracking
from tui.widgets.posting_list import POSTING_BINDINGS

RENDER_LIMIT = 30_000
TABLE_ROW_LIMIT = 200


def capped_markdown(body: str) -> tuple[str, bool]:
    """The part of ``body`` that renders quickly, and whether anything was cut."""
    cut = len(body) > RENDER_LIMIT
    text = body[:RENDER_LIMIT]
    lines = text.split("\n")
    table_rows = 0
    for index, line in enumerate(lines):
        table_rows = table_rows + 1 if line.lstrip().startswith("|") else 0
        if table_rows > TABLE_ROW_LIMIT:
            return "\n".join(lines[:index]), True
    if cut and "\n" in text:
        text = text.rsplit("\n", 1)[0]
    return text, cut


BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||```|>|$)")
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


LABEL_WIDTH = 10


def elide(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut in the middle: the start and the end
    of a link say the most (``https://jobs.example.com/…/senior-engineer``)."""
    if width <= 0 or len(text) <= width:
        return text
    head = (width - 1) * 2 // 3
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def header_content(posting: Posting, tracking: Tracking, width: int = 0) -> Content:
    """The posting's fields, as styled content built from plain strings.

    With ``width``, the apply link is cut in the middle to stay on its line;
    ``o`` shows it whole before opening it and ``c`` copies it whole.
    """
    parts: list[Content | str | tuple[str, str]] = [
        (posting.title or "(untitled)", "bold"), "\n",
    ]

    def line(label: str, value: str | Content, style: str = "") -> None:
        if value:
            shown = (value, style) if isinstance(value, str) else value
            parts.extend([(f"{label:<{LABEL_WIDTH}}", "dim"), shown, "\n"])

    line("company", posting.company)
    where = list(posting.locations)
    if posting.remote:
        where.append(f"Remote ({posting.remote_scope})" if posting.remote_scope else "Remote")
    line("where", " · ".join(where))
    if posting.stack:
        tags = Content(" ").join(
            Content.styled(f" {tech} ", "$text-accent on $accent-muted")
            for tech in posting.stack[:16])
        line("stack", tags)
    line("level", posting.seniority)
    line("salary", posting.salary)
    line("apply", elide(posting.url, width - LABEL_WIDTH) if width else posting.url,
         "underline")
    history = tracking.history_text()
    if tracking.status != "none":
        line("status", history or tracking.status, "bold")
    elif history:
        line("status", f"none (was {history})")
    line("bookmark", "★ bookmarked" if tracking.bookmarked else "")
    line("note", tracking.note, "italic")
    line("file", posting.source, "dim")
    return Content.assemble(*parts)


class DetailPane(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("f", "full_text", "Full text"),
        Binding("escape", "app.focus('postings')", "List", tooltip="Back to the list"),
        *POSTING_BINDINGS,
    ]

    @dataclass
    class LinkRequested(Message):
        href: str

    @dataclass
    class FullTextRequested(Message):
        posting: Posting

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.posting: Posting | None = None
        self.tracking: Tracking | None = None
        self._rendered = False
        self._cut = False

    def compose(self) -> ComposeResult:
        yield Static(Content("Nothing selected."), id="detail-header")
        yield Static("", id="detail-notice")
        yield Markdown("", id="detail-body", open_links=False)

    async def show(self, posting: Posting, tracking: Tracking) -> None:
        same = self.posting is not None and self.posting.id == posting.id
        self.posting, self.tracking = posting, tracking
        self._show_header()
        markdown = self.query_one("#detail-body", Markdown)
        markdown.display = True
        if same and self._rendered:
            return
        body, cut = capped_markdown(posting.body)
        body = keep_line_breaks(body)
        notice = self.query_one("#detail-notice", Static)
        notice.display = cut
        self._cut = cut
        self.refresh_bindings()  # "f Full text" is in the footer only for a cut posting
        if cut:
            notice.update(Content.assemble(
                ("Long posting: showing the first part. ", "bold"),
                ("Press f for the full text.", ""),
            ))
        self.scroll_home(animate=False)
        await markdown.update(body)
        self._rendered = True

    def update_tracking(self, tracking: Tracking) -> None:
        if self.posting is not None and self.posting.id == tracking.posting_id:
            self.tracking = tracking
            self._show_header()

    def _show_header(self) -> None:
        if self.posting is not None and self.tracking is not None:
            header = self.query_one("#detail-header", Static)
            header.update(header_content(self.posting, self.tracking, header.size.width))

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_header)  # once the header has its new width

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "full_text":
            return self._cut
        return True

    def clear(self, message: str) -> None:
        """Show ``message`` instead of a posting; the rendered body is kept (hidden) so
        that the same posting coming back costs nothing."""
        self.query_one("#detail-header", Static).update(Content(message))
        self.query_one("#detail-notice", Static).display = False
        self.query_one("#detail-body", Markdown).display = False

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.post_message(self.LinkRequested(event.href))

    def action_full_text(self) -> None:
        if self.posting is not None:
            self.post_message(self.FullTextRequested(self.posting))
