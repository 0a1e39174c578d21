"""jobtui's Textual app: the styles, the command palette and quitting. The main view
is :class:`~tui.ui.screens.main.MainScreen`; the data comes through one
:class:`~tui.library.Library`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from tui.library import Library
from tui.paths import bundled_seeds, screenshot_dirs
from tui.ui.palette import JobCommands
from tui.ui.screens.main import MainScreen


def folder_label(folder: Path) -> str:
    """The postings folder as the header shows it: ``~/jobs``, or "bundled seeds"."""
    with contextlib.suppress(OSError):
        if folder.resolve() == bundled_seeds().resolve():
            return "bundled seeds"
    home = Path.home()
    return f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)


class JobTuiApp(App[str | None]):
    CSS_PATH = "app.tcss"
    TITLE = "jobtui"
    COMMANDS = App.COMMANDS | {JobCommands}

    # Below 140 cells the list and the detail pane cannot both be readable side by
    # side: the detail goes under the list, and below 100 the sidebar narrows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-stacked"), (140, "-wide")]

    def __init__(self, postings_dir: Path, data_dir: Path) -> None:
        super().__init__()
        self.library = Library(postings_dir, data_dir)
        self._main: MainScreen | None = None

    def get_default_screen(self) -> Screen:
        self._main = MainScreen(self.library)
        return self._main

    @property
    def main(self) -> MainScreen:
        """The main view (the bottom of the screen stack)."""
        if self._main is None:
            raise RuntimeError("the app is not running")
        return self._main

    def on_mount(self) -> None:
        self.sub_title = folder_label(self.library.postings_dir)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands, but "Screenshot" saves where it can and says where:
        Textual's saves into ~/Downloads only, and fails where that does not exist."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                # After a moment, as Textual's: the palette has closed by then.
                yield SystemCommand(
                    "Screenshot", "Save an SVG screenshot (Downloads, else the data folder)",
                    lambda: self.set_timer(0.1, self.action_save_screenshot))
            else:
                yield command

    def action_save_screenshot(self) -> None:
        self.write_screenshot(self.export_screenshot(), self.library.data_dir)

    @work(thread=True, group="screenshot")
    def write_screenshot(self, svg: str, data_dir: Path) -> None:
        stamp = f"jobtui_{datetime.now():%Y-%m-%dT%H_%M_%S}"
        errors = []
        for folder in screenshot_dirs(data_dir):
            # "x": two screenshots in one second get -2, -3… rather than one overwriting
            for path in (folder / f"{stamp}{f'-{n}' if n > 1 else ''}.svg" for n in range(1, 100)):
                try:
                    with path.open("x", encoding="utf-8") as file:
                        file.write(svg)
                except FileExistsError:
                    continue
                except OSError as error:
                    errors.append(f"{folder}: {error.strerror or error}")
                    break
                self.notify(f"Screenshot saved to {path}", title="Screenshot", markup=False,
                            timeout=8)
                return
        self.notify("Screenshot not saved: " + "; ".join(errors), title="Screenshot",
                    severity="error", markup=False, timeout=10)

    def _fatal_error(self) -> None:
        """As Textual's, but the traceback shows no local variables: Textual 8 prints them
        (``show_locals=True``), and here they hold posting text and notes, which must not
        reach the terminal, a log or a bug report."""
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None)
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options)))
        self._close_messages_no_wait()

    async def action_quit(self) -> None:
        self.quit_saving_view()

    def quit_saving_view(self) -> None:
        """Quit as q does: the view is saved first (also when the terminal goes away)."""
        if self._main is not None:
            self._main.save_view_now()
        self.exit()
