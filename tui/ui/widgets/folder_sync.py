"""Keeps an open screen's postings in step with the folder: a file saved, edited or
deleted (by hand, ``jobtui add``, an importer) shows within ~2 s, and ``R`` reloads
at once. A widget with nothing to draw: it owns the folder watch (a thread of the
data side, :mod:`tui.folder_watch`) and the reload worker, and posts
:class:`FolderSync.Reloaded` for the screen to show.

One reload runs at a time: changes that arrive meanwhile make one more, after it,
however many there were (a folder being filled by an importer).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.widget import Widget

from tui.catalog import Catalog
from tui.folder_watch import FolderWatch
from tui.library import Library, Reload, StateUnreadable


class FolderSync(Widget):
    DEFAULT_CSS = "FolderSync { display: none; }"

    @dataclass
    class Changed(Message):
        """Files under the postings folder changed (sent from the watch's thread)."""

        paths: set[str]

    @dataclass
    class Reloaded(Message):
        """The folder was read again. ``asked``: the user pressed R, so even "nothing
        changed" is worth saying."""

        reload: Reload | None  # None: it failed, and ``error`` says why
        asked: bool
        error: str = ""

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.folder_watch: FolderWatch | None = None
        self._first_load_done = False  # the first load is done: until then, reloads wait
        self._reloading = False
        self._reload_pending = False  # a change came during a reload: one more after it
        self._reload_asked = False
        self._paths: set[str] = set()  # what the watch saw change since the last reload
        self._everything = False  # R, or a change of unknown files: read the whole folder

    def start_watching(self) -> None:
        """Start the folder watch, once. The screen asks when its first list is painted,
        before the loader goes on to scan the folder, so a change after that scan is
        heard; not at mount, where starting it (watchfiles' import, inotify over the
        folder) cost 0.08-0.12 s CPU before the first paint at 10k postings."""
        if self.folder_watch is None and self.is_attached:
            self.folder_watch = self.library.watch(self._heard)
            self.folder_watch.start()

    def _heard(self, paths: set[str]) -> None:
        """From the watch's thread: post_message is safe from any thread."""
        self.post_message(self.Changed(paths))

    def on_unmount(self) -> None:
        if self.folder_watch is not None:
            self.folder_watch.stop()

    def ready(self) -> None:
        """The screen's first load is done (its own build of the folder): reloads may run."""
        self.start_watching()  # when no list was shown first (an empty folder)
        if not self._first_load_done:
            self._first_load_done = True
            if self._reload_pending:
                self._start()

    def reload(self, *, asked: bool = False, paths: set[str] | None = None) -> None:
        """Read the folder again (only ``paths``, when the watch named them), now or
        after the reload that is running."""
        self._reload_asked = self._reload_asked or asked
        if paths:
            self._paths |= paths
        else:
            self._everything = True
        if self._reloading or not self._first_load_done:
            self._reload_pending = True
        else:
            self._start()

    def _start(self) -> None:
        self._reloading, self._reload_pending = True, False
        asked, self._reload_asked = self._reload_asked, False
        paths = set() if self._everything else self._paths
        self._paths, self._everything = set(), False
        self._reload(asked, paths, getattr(self.screen, "catalog", None))

    @on(Changed)
    def _changed(self, message: Changed) -> None:
        self.reload(paths=message.paths)

    # Not exclusive: a build cannot be stopped half-way, and two at once on one cache
    # would race; the flags above keep it to one, and this worker is it.
    @work(thread=True, group="reload")
    def _reload(self, asked: bool, paths: set[str], listed: Catalog | None) -> None:
        # The screen indexes the new list's words after showing it (seconds at 100k).
        try:
            found = self.library.reload(paths, listed)
        except (OSError, StateUnreadable) as error:  # the next change or R tries again
            self.post_message(self.Reloaded(None, asked, f"Could not reload the postings: "
                                                         f"{error}"))
            return
        self.post_message(self.Reloaded(found, asked))

    @on(Reloaded)
    def _reloaded(self) -> None:
        # Then on to the screen (the message bubbles).
        self._reloading = False
        if self._reload_pending:
            self._start()
