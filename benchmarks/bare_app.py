"""The smallest sensible Textual app: the baseline that jobtui's first frame is compared with.

    python -m benchmarks.bare_app
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "bare app ready"


class BareApp(App[None]):
    """A header, one line of text and a footer; nothing loaded, nothing styled."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
