"""Time from launching a terminal app to its first useful frame, measured through tmux.

The app runs in a detached tmux session of a fixed size, on a private tmux server (its own
socket) so the user's tmux is never touched; the pane is captured in a tight loop until a marker
string shows up. The figure includes tmux starting the process, the interpreter starting,
imports, and the first paint, which is what a person waiting at the prompt sees.
"""

from __future__ import annotations

import itertools
import os
import pathlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

PROJECT_ROOT = pathlib.Path(__file__).resolve().parent.parent
BARE_MARKER = "bare app ready"
POLL_PAUSE = 0.002  # seconds between captures: short, but leaves a core to the app
_counter = itertools.count()


def _tmux(socket: str, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run one tmux command on the private server at path ``socket``; capture its output."""
    return subprocess.run(
        ["tmux", "-S", socket, "-f", os.devnull, *args],
        capture_output=True, text=True, check=check,
    )


def _env_prefix(env: dict[str, str] | None) -> list[str]:
    """``env VAR=value ...`` arguments that set ``env`` for the command, or nothing."""
    if not env:
        return []
    return ["env", *(f"{name}={value}" for name, value in env.items())]


def _wait_for(socket: str, session: str, marker: str, start: float, timeout: float) -> float:
    """Capture the pane until ``marker`` appears; return seconds since ``start``."""
    capture = ["tmux", "-S", socket, "capture-pane", "-p", "-t", session]
    while True:
        result = subprocess.run(capture, capture_output=True, text=True)
        now = time.perf_counter()
        if marker in result.stdout:
            return now - start
        if result.returncode != 0:  # the session is gone: the command exited (or crashed)
            raise RuntimeError(f"the command exited before showing {marker!r}: "
                               f"{result.stderr.strip()}")
        if now - start > timeout:
            raise TimeoutError(f"{marker!r} did not appear within {timeout} s")
        time.sleep(POLL_PAUSE)


def time_to_first_frame(
    command: list[str],
    *,
    marker: str,
    env: dict[str, str] | None = None,
    width: int = 160,
    height: int = 45,
    timeout: float = 30.0,
    cwd: pathlib.Path | str | None = None,
) -> float:
    """Seconds from starting ``command`` in a fresh tmux session until ``marker`` is on screen.

    ``env`` adds variables for the command only; ``cwd`` is its working folder (default: the
    current one). Raises TimeoutError after ``timeout`` seconds, RuntimeError if the command
    exits first. The session is always killed afterwards.
    """
    name = f"ttff-{os.getpid()}-{next(_counter)}"
    # One throwaway server per run, so no state carries over between runs; tmux leaves its
    # socket file behind when the server exits, hence the explicit path and unlink below.
    socket = os.path.join(tempfile.gettempdir(), name)
    directory = str(cwd if cwd is not None else pathlib.Path.cwd())
    start = time.perf_counter()
    _tmux(socket, "new-session", "-d", "-x", str(width), "-y", str(height), "-s", name,
          "-c", directory, "--", *_env_prefix(env), *command, check=True)
    try:
        return _wait_for(socket, name, marker, start, timeout)
    finally:
        _tmux(socket, "kill-session", "-t", name)
        pathlib.Path(socket).unlink(missing_ok=True)


def peak_rss_mb(
    command: list[str], *, marker: str, env: dict[str, str] | None = None,
    settle: float = 20.0, cwd: pathlib.Path | str | None = None,
) -> float:
    """Peak resident memory (MB) of ``command`` running in tmux: read from
    ``/proc/PID/status`` (VmHWM) once ``marker`` shows and ``settle`` seconds more have
    passed, so the background work started after the first paint is counted too."""
    name = f"rss-{os.getpid()}-{next(_counter)}"
    socket = os.path.join(tempfile.gettempdir(), name)
    directory = str(cwd if cwd is not None else pathlib.Path.cwd())
    start = time.perf_counter()
    # exec: the pane's process is the command itself, not a shell around it
    _tmux(socket, "new-session", "-d", "-x", "160", "-y", "45", "-s", name, "-c", directory,
          "--", *_env_prefix(env), *command, check=True)
    try:
        _wait_for(socket, name, marker, start, 120.0)
        time.sleep(settle)
        pid = _tmux(socket, "display", "-p", "-t", name, "#{pane_pid}").stdout.strip()
        status = pathlib.Path(f"/proc/{pid}/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    finally:
        _tmux(socket, "kill-session", "-t", name)
        pathlib.Path(socket).unlink(missing_ok=True)


def bare_baseline(python: str, repeats: int = 5) -> list[float]:
    """Time the bare Textual app ``repeats`` times with interpreter ``python``."""
    command = [python, "-m", "benchmarks.bare_app"]
    return [
        time_to_first_frame(command, marker=BARE_MARKER, cwd=PROJECT_ROOT)
        for _ in range(repeats)
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the bare-app baseline for the interpreter running this module."""
    repeats = int(argv[0]) if argv else 5
    times = bare_baseline(sys.executable, repeats)
    print(" ".join(f"{t:.3f}" for t in times))


if __name__ == "__main__":
    main(sys.argv[1:])
