"""Notice that files under the postings folder were added, changed or removed.

The open app lists what the folder holds: a posting saved from the browser, one
written by ``jobtui add`` or an importer (into a sub-folder), an edit or a delete
must show without a restart. ``watchfiles`` (Rust's ``notify``: inotify, FSEvents,
ReadDirectoryChangesW) reports the changes; where native watching cannot start
(the inotify watch limit reached, an odd file system) it polls instead, and
``JOBTUI_WATCH=poll`` forces polling (network and container mounts whose changes
inotify never hears of), ``JOBTUI_WATCH=off`` turns watching off.

A burst (500 files copied in, an importer writing a thread) is one change: the
paths gather in a :class:`Debouncer` until the folder has been quiet for a moment,
so the caller refreshes once. Free of Textual: the caller is told from this
module's thread, and decides what to do.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path

log = logging.getLogger(__name__)

ENV = "JOBTUI_WATCH"  # "poll" forces polling, "off" turns watching off
QUIET_SECONDS = 0.25  # a change is passed on once the folder has been this quiet...
LONGEST_SECONDS = 1.0  # ...or once it has waited this long, in a burst that goes on
POLL_MS = 500  # between two polls of the folder when polling: within the 2 s promised
# watchfiles groups what notify reports for `step` ms of quiet (up to `debounce`)
# before handing it over; the Debouncer does the real waiting, on its own clock.
STEP_MS = 50
GROUP_MS = 400


class Debouncer:
    """Gathers changed paths and says when to pass them on: after ``quiet`` seconds
    without a new one, or ``longest`` seconds after the first, whichever comes first.
    Pure: the time is given, so a test can replay any burst."""

    def __init__(self, quiet: float = QUIET_SECONDS, longest: float = LONGEST_SECONDS) -> None:
        self.quiet = quiet
        self.longest = longest
        self._paths: set[str] = set()
        self._first = 0.0
        self._last = 0.0

    def add(self, paths: Collection[str], now: float) -> None:
        if not paths:
            return
        if not self._paths:
            self._first = now
        self._paths.update(paths)
        self._last = now

    def deadline(self) -> float | None:
        """When the gathered paths are due; None when there are none."""
        if not self._paths:
            return None
        return min(self._last + self.quiet, self._first + self.longest)

    def take(self, now: float) -> set[str]:
        """The gathered paths if they are due (and forget them), else an empty set."""
        deadline = self.deadline()
        if deadline is None or now < deadline:
            return set()
        paths, self._paths = self._paths, set()
        return paths


def relevant(path: str, root: Path, suffixes: Collection[str],
             ignore: Collection[Path] = ()) -> bool:
    """Whether a change at ``path`` (absolute) can change the list: a posting file (by
    its suffix) or a folder (one moved in or out brings its files along, unreported),
    outside hidden folders (editor swap files, ``.git``) and outside ``ignore`` (the
    data folder, should it lie inside the postings folder)."""
    candidate = Path(path)
    try:
        parts = candidate.relative_to(root).parts
    except ValueError:
        return False
    if not parts or any(part.startswith(".") for part in parts):
        return False
    if any(candidate.is_relative_to(folder) for folder in ignore):
        return False
    if candidate.suffix.lower() in suffixes:
        return True
    # A name without a posting suffix matters only as a folder; one that is gone can
    # no longer tell: taken as a folder when its name has no suffix at all.
    return candidate.is_dir() if candidate.exists() else not candidate.suffix


class FolderWatch:
    """Calls ``on_change`` (from its own thread) with the paths, relative to ``folder``,
    that changed, once per burst. Use as a context manager, or start() and stop()."""

    def __init__(self, folder: Path, on_change: Callable[[set[str]], None], *,
                 suffixes: Collection[str], ignore: Collection[Path] = (),
                 mode: str | None = None, debouncer: Debouncer | None = None) -> None:
        self.folder = folder
        self.on_change = on_change
        self.suffixes = frozenset(suffix.lower() for suffix in suffixes)
        self.ignore = tuple(ignore)
        # "native" (polling only where native watching cannot start), "poll" or "off".
        self.mode = (mode or os.environ.get(ENV, "") or "native").strip().lower()
        self.debouncer = debouncer or Debouncer()
        self.how = ""  # how the folder is being watched, in words (for a log or a status)
        self._root = folder
        self._lock = threading.Condition()
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> FolderWatch:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self) -> None:
        if self.mode == "off":
            self.how = f"not watched ({ENV}=off)"
            return
        self._root = self.folder.resolve()
        for target, name in ((self._watch, "folder-watch"), (self._pass_on, "folder-changes")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            self._lock.notify_all()

    # -- the watching thread: what changed, into the debouncer ----------------------
    def _watch(self) -> None:
        from watchfiles import watch  # its Rust extension loads only when watching

        polling = self.mode == "poll"
        while not self._stopped.is_set():
            self.how = "polling" if polling else "native"
            try:
                for changes in watch(
                        self._root, watch_filter=self._wanted, debounce=GROUP_MS,
                        step=STEP_MS, stop_event=self._stopped, raise_interrupt=False,
                        force_polling=True if polling else None, poll_delay_ms=POLL_MS,
                        ignore_permission_denied=True):
                    self._gather({path for _change, path in changes})
                return
            except Exception as error:  # whatever notify raised: poll, or give up
                if polling or self._stopped.is_set():
                    self.how = f"not watched ({error})"
                    # Not a warning: with no handler set, Python prints warnings on
                    # stderr, over the app's screen. R still reloads.
                    log.info("jobtui: cannot watch %s: %s", self.folder, error)
                    return
                log.info("jobtui: native watching of %s failed (%s): polling", self.folder,
                         error)
                polling = True

    def _wanted(self, _change: object, path: str) -> bool:
        return relevant(path, self._root, self.suffixes, self.ignore)

    def _gather(self, paths: set[str]) -> None:
        relative = {Path(path).relative_to(self._root).as_posix() for path in paths}
        with self._lock:
            self.debouncer.add(relative, time.monotonic())
            self._lock.notify_all()

    # -- the passing-on thread: each burst, once, when it is over --------------------
    def _pass_on(self) -> None:
        while not self._stopped.is_set():
            with self._lock:
                deadline = self.debouncer.deadline()
                wait = None if deadline is None else max(0.0, deadline - time.monotonic())
                if wait is None or wait > 0:
                    self._lock.wait(wait)
                paths = self.debouncer.take(time.monotonic())
            if paths and not self._stopped.is_set():
                self.on_change(paths)
