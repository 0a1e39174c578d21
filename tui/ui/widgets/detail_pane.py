"""The right-hand pane: one posting's fields, then its cleaned body as markdown.

Field text is assembled as ``Content`` (never markup). The body goes to
Textual's ``Markdown`` with ``open_links=False``: a clicked link is posted as
:class:`DetailPane.LinkRequested` and the app decides (http/https only, after
showing it). What is rendered is a :class:`~tui.preview.Preview`: a long body
is cut with a notice, and the full text opens in a plain, virtualised viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Static

from tui.model import Posting, Tracking
from tui.sanitize import clean_text, visible
from tui.ui.actions import POSTING_BINDINGS
from tui.ui.widgets.posting_facts import salary_text, seen_text, trap_callout

if TYPE_CHECKING:
    from textual.widgets import Markdown

    from tui.preview import Preview
    from tui.ui.widgets.posting_markdown import PostingMarkdown

LABEL_WIDTH = 10


def __getattr__(name: str) -> object:
    """``PostingMarkdown`` as before, from its own module (imported only when asked for)."""
    if name == "PostingMarkdown":
        from tui.ui.widgets.posting_markdown import PostingMarkdown

        return PostingMarkdown
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def elide(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, cut in the middle: the start and the end
    of a link say the most (``https://jobs.example.com/…/senior-engineer``)."""
    if width <= 0 or len(text) <= width:
        return text
    head = (width - 1) * 2 // 3
    return text[:head] + "…" + text[len(text) - (width - 1 - head):]


def header_content(posting: Posting, tracking: Tracking, width: int = 0,
                   duplicates: list[Posting] | None = None) -> Content:
    """The posting's fields, as styled content built from plain strings.

    With ``width``, the apply link is cut in the middle to stay on its line;
    ``o`` shows it whole before opening it and ``c`` copies it whole.
    """
    parts: list[Content | str | tuple[str, str]] = [
        (posting.title or "(untitled)", "bold"), "\n",
    ]

    def line(label: str, value: str | Content, style: str = "") -> None:
        if not value:
            return
        shown = Content.styled(value, style) if isinstance(value, str) else value
        if width > LABEL_WIDTH:
            # Wrapped here rather than by the Static, so that a long value (history,
            # note, places, stack) goes on under itself, not under the labels.
            shown = Content("\n" + " " * LABEL_WIDTH).join(
                wrapped.rstrip() for wrapped in shown.wrap(width - LABEL_WIDTH))
        parts.extend([(f"{label:<{LABEL_WIDTH}}", "dim"), shown, "\n"])

    line("company", posting.company)
    where = [place for place in posting.locations if place != "Remote"]  # said once, below
    if posting.remote:
        where.append(f"Remote ({posting.remote_scope})" if posting.remote_scope else "Remote")
    line("where", " · ".join(where))
    if posting.stack:
        # No-break spaces inside a tag: a wrapped line breaks between tags, never in one.
        tags = Content(" ").join(
            Content.styled(f"\u00a0{tech}\u00a0".replace(" ", "\u00a0"),
                           "$text-accent on $accent-muted")
            for tech in posting.stack[:16])
        line("stack", tags)
    line("level", posting.seniority)
    line("salary", salary_text(posting))
    line("apply", elide(posting.url, width - LABEL_WIDTH) if width else posting.url,
         "underline")
    history = tracking.history_text()
    if tracking.status != "none":
        line("status", history or tracking.status, "bold")
    elif history:
        line("status", f"none (was {history})")
    line("bookmark", "★ bookmarked" if tracking.bookmarked else "")
    line("hidden", "yes: h shows it again" if tracking.hidden else "", "dim")
    # The note log, newest first; the user's text, but maybe pasted: cleaned.
    for index, entry in enumerate(reversed(tracking.notes)):
        text = "\n".join(" " * LABEL_WIDTH + row if number else row for number, row in
                         enumerate(clean_text(entry.text).splitlines() or [""]))
        line("notes" if index == 0 else "", Content.assemble(
            (f"{entry.date or 'undated'}  ", "dim"), (text, "italic")))
    if duplicates and len(duplicates) > 1:
        line("sources", seen_text(duplicates))
    else:
        line("file", visible(posting.source), "dim")
    return Content.assemble(*parts)


class DetailPane(VerticalScroll, can_focus=True):
    ALLOW_MAXIMIZE = True  # z, or the palette's Maximize: the posting alone on the screen
    BINDINGS = [
        Binding("f", "full_text", "Full text"),
        Binding("escape", "app.focus('postings')", "List", tooltip="Back to the list"),
        # Reading keys, as in the list (the arrows, PgUp/PgDn, Home/End are the scroll
        # view's own).
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
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
        self.duplicates: list[Posting] = []
        self._rendered = False
        self._cut = False

    def compose(self) -> ComposeResult:
        trap = Static("", id="detail-trap")
        trap.display = False  # shown only for a posting with instructions to the applicant
        yield trap
        yield Static(Content("Nothing selected."), id="detail-header")
        yield Static("", id="detail-notice")
        # The body's Markdown is mounted with the first posting shown (_body): not
        # needed for the first frame, where it was empty.

    async def show(
        self, posting: Posting, tracking: Tracking, preview: Preview | None = None,
        duplicates: list[Posting] | None = None,
    ) -> None:
        """Show ``posting``; ``preview`` is its body prepared off the UI thread (or here);
        ``duplicates``: every saved posting of the same role, this one first."""
        same = self.posting is not None and self.posting.id == posting.id
        self.posting, self.tracking = posting, tracking
        self.duplicates = duplicates or []
        trap = self.query_one("#detail-trap", Static)
        trap.update(trap_callout(posting))
        trap.display = bool(posting.traps)
        self._show_header()
        markdown = await self._body()
        markdown.display = True
        if same and self._rendered:
            return
        if preview is None:
            from tui.preview import markdown_preview

            preview = markdown_preview(posting.body)
        notice = self.query_one("#detail-notice", Static)
        notice.display = preview.cut
        self._cut = preview.cut
        self.refresh_bindings()  # "f Full text" is in the footer only for a cut posting
        if preview.cut:
            notice.update(Content.assemble(
                ("Long posting: showing the first part. ", "bold"),
                ("Press f for the full text.", ""),
            ))
        self.scroll_home(animate=False)
        await markdown.update(preview.markdown)
        self._rendered = True

    async def _body(self) -> PostingMarkdown:
        """The body's Markdown, mounted (last in the pane) the first time it is needed."""
        from tui.ui.widgets.posting_markdown import PostingMarkdown

        try:
            return self.query_one("#detail-body", PostingMarkdown)
        except NoMatches:
            markdown = PostingMarkdown("", id="detail-body", open_links=False)
            await self.mount(markdown)
            return markdown

    def update_tracking(self, tracking: Tracking) -> None:
        if self.posting is not None and self.posting.id == tracking.posting_id:
            self.tracking = tracking
            self._show_header()

    def _show_header(self) -> None:
        if self.posting is not None and self.tracking is not None:
            header = self.query_one("#detail-header", Static)
            header.update(header_content(self.posting, self.tracking, header.size.width,
                                         self.duplicates))

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_header)  # once the header has its new width

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "full_text":
            return self._cut
        return True

    def clear(self, message: str) -> None:
        """Show ``message`` instead of a posting; the rendered body is kept (hidden) so
        that the same posting coming back costs nothing."""
        self.query_one("#detail-trap", Static).display = False
        self.query_one("#detail-header", Static).update(Content(message))
        self.query_one("#detail-notice", Static).display = False
        for body in self.query("#detail-body"):  # none before the first posting shown
            body.display = False

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.post_message(self.LinkRequested(event.href))

    def action_full_text(self) -> None:
        if self.posting is not None:
            self.post_message(self.FullTextRequested(self.posting))
