"""Notice that the terminal has gone away, whatever started jobtui.

Closing a terminal hangs it up: the kernel sends SIGHUP to the session leader
only. When that is jobtui, it gets the signal; under ``make run`` it is make,
which waits for its child, and jobtui never hears of it: its input then reads
end-of-file forever (Textual's input thread spun at ~85 % CPU, for good). So
jobtui watches for both: SIGHUP, and a hung-up terminal (its ioctls fail with
EIO), checked twice a second from a thread of its own. Free of Textual: the
caller says what to do (save the view and quit).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading
from collections.abc import Callable

CHECK_EVERY_SECONDS = 0.5
# Once the terminal has gone, the app has this long to save the view and end; then the
# process ends anyway. A dead terminal can wedge Textual's shutdown: its output thread
# stops on the failed writes, and the closing app waits on it for good (seen: jobtui
# processes left for an hour after their tmux sessions were killed). Tracking data is
# written atomically as it changes, so ending here loses nothing of the user's.
GRACE_SECONDS = 5.0
# What asking a hung-up or vanished terminal for its foreground group fails with.
GONE_ERRORS = frozenset({errno.EIO, errno.ENXIO, errno.EBADF})


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on ``fd`` has been hung up (closed). A descriptor that is
    not a terminal at all (ENOTTY) is not a terminal gone."""
    try:
        os.tcgetpgrp(fd)
    except OSError as error:
        return error.errno in GONE_ERRORS
    return False


class TerminalWatch:
    """Calls ``on_gone`` once, from its own thread, when the terminal on ``fd`` goes away
    (SIGHUP, or hung up). Use as a context manager around the app's run."""

    def __init__(self, on_gone: Callable[[], None], fd: int = 0,
                 interval: float = CHECK_EVERY_SECONDS, grace: float = GRACE_SECONDS,
                 hard_exit: Callable[[int], object] = os._exit) -> None:
        self.on_gone = on_gone
        self.fd = fd
        self.interval = interval
        self.grace = grace
        self._hard_exit = hard_exit
        self._deadline: threading.Timer | None = None
        self._hung_up = threading.Event()
        self._stopped = threading.Event()
        self._previous: Callable[..., object] | int | None = None
        self._thread = threading.Thread(target=self._watch, name="terminal-watch", daemon=True)

    def __enter__(self) -> TerminalWatch:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGHUP, lambda *_: self._hung_up.set())
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopped.set()
        if self._deadline is not None:  # the app ended in time
            self._deadline.cancel()
        if self._previous is not None:
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signal.SIGHUP, self._previous)

    def _watch(self) -> None:
        while not self._stopped.is_set():
            if self._hung_up.wait(self.interval) or terminal_gone(self.fd):
                if not self._stopped.is_set():
                    self._deadline = threading.Timer(self.grace, self._hard_exit, args=(0,))
                    self._deadline.daemon = True
                    self._deadline.start()
                    self.on_gone()
                return
