"""Add a posting from a link (``A``): paste a URL, the page is downloaded in a worker and
saved into the postings folder as ``jobtui add`` would save it; the dialog closes with the
new file's name, and the main screen then loads and selects it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar

from tui.sanitize import visible

HINT = "Enter downloads the page into the postings folder · Escape cancels"


class AddLinkDialog(ModalScreen[str | None]):
    """Dismissed with the saved file's source (its path in the folder), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    @dataclass
    class Saved(Message):
        source: str

    @dataclass
    class Failed(Message):
        reason: str

    def __init__(self, postings_dir: Path) -> None:
        super().__init__()
        self.postings_dir = postings_dir

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Content.styled("Add a posting from a link", "bold"))
            yield Input(placeholder="https://…", id="link-input")
            yield ProgressBar(total=None, show_eta=False, show_percentage=False,
                              id="link-progress")
            yield Label(Content(""), id="link-error")
            yield Label(Content(HINT), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#link-progress").display = False
        self.query_one("#link-error").display = False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        if not url.lower().startswith(("http://", "https://")):
            self._show_error("Only http:// and https:// links can be added.")
            return
        event.input.disabled = True
        self.query_one("#link-progress").display = True
        self.query_one("#link-error").display = False
        self.download(url)

    @work(thread=True, exclusive=True, group="add-link")
    def download(self, url: str) -> None:
        # Here, not at import: it brings in the whole parser (~0.3 s of every start).
        from tui.ingest.add import add_url
        from tui.ingest.http import FetchError  # (urllib, http.client: ~0.03 s of a start)

        try:
            added = add_url(self.postings_dir, url)
        except (FetchError, OSError) as error:
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Saved(added.source))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        self.dismiss(message.source)

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#link-progress").display = False
        box = self.query_one(Input)
        box.disabled = False
        box.focus()
        self._show_error(message.reason)

    def _show_error(self, reason: str) -> None:
        error = self.query_one("#link-error", Label)
        error.update(Content.styled(visible(reason), "$text-error"))
        error.display = True

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "add-link")
        self.dismiss(None)
