"""Copying text where the user can paste it, and saying honestly how it went.

A terminal app has two ways to a clipboard: the OSC 52 escape sequence, which the
terminal may or may not honour (and which tmux drops when its ``set-clipboard``
option is ``off``; GNU screen drops it always), and the desktop's clipboard tool
(``wl-copy``, ``xclip``, ``xsel``, ``pbcopy``, ``clip.exe``). Neither can confirm
that the text arrived, so the message says which way was taken: "Copied" only
when a clipboard tool took the text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass

TOOL_TIMEOUT = 2.0  # seconds; a clipboard tool that hangs (no X server) must not hold us

# (the command, when it can work): the desktop clipboard tools, most specific first.
TOOLS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("pbcopy",), "darwin"),
    (("wl-copy",), "WAYLAND_DISPLAY"),
    (("xclip", "-selection", "clipboard"), "DISPLAY"),
    (("xsel", "--clipboard", "--input"), "DISPLAY"),
    (("clip.exe",), "WSL_DISTRO_NAME"),
)


@dataclass(frozen=True, slots=True)
class CopyReport:
    tool: str = ""  # the clipboard tool that took the text
    osc52: bool = False  # the OSC 52 sequence reaches the terminal (not held back by tmux)
    tmux_buffer: bool = False  # put in tmux's paste buffer instead
    why_not: str = ""  # what held OSC 52 back

    def message(self, text: str) -> tuple[str, bool]:
        """What to tell the user, and whether it is a warning."""
        if self.tool:
            return f"Copied with {self.tool}: {text}", False
        if self.osc52:
            return (f"Sent to the terminal's clipboard (OSC 52); if it is not there, the "
                    f"terminal does not accept OSC 52. Link: {text}", False)
        if self.tmux_buffer:
            return (f"Not in the system clipboard: {self.why_not}. Put in tmux's paste "
                    f"buffer instead (paste with prefix ]): {text}", True)
        return (f"Not copied: {self.why_not}, and no clipboard tool (wl-copy, xclip, xsel, "
                f"pbcopy) was found. Link: {text}", True)


def _run(command: list[str], text: str | None = None) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(command, input=text, capture_output=True, text=True,
                              timeout=TOOL_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def osc52_held_back(env: Mapping[str, str]) -> str:
    """Why OSC 52 cannot reach the terminal ("" when nothing between holds it back)."""
    if env.get("TMUX"):
        answer = _run(["tmux", "show-options", "-gv", "set-clipboard"])
        if answer is None or answer.returncode != 0:
            return "tmux could not be asked whether it passes OSC 52 to the terminal"
        if answer.stdout.strip() == "off":
            return "tmux's set-clipboard is off, so OSC 52 stops at tmux"
        return ""
    if env.get("STY"):
        return "GNU screen does not pass OSC 52 to the terminal"
    return ""


def copy_with_tool(text: str, env: Mapping[str, str]) -> str:
    """The name of the clipboard tool that took ``text``, or ""."""
    for command, needs in TOOLS:
        if needs == sys.platform or env.get(needs):
            if shutil.which(command[0]) is None:
                continue
            done = _run(list(command), text)
            if done is not None and done.returncode == 0:
                return command[0]
    return ""


def copy(text: str, env: Mapping[str, str] | None = None) -> CopyReport:
    """Copy ``text`` by a clipboard tool and say whether OSC 52 (which the app sends
    itself) can arrive; inside tmux with neither, into tmux's paste buffer."""
    env = os.environ if env is None else env
    why_not = osc52_held_back(env)
    tool = copy_with_tool(text, env)
    if tool or not why_not:
        return CopyReport(tool=tool, osc52=not why_not)
    if env.get("TMUX"):
        loaded = _run(["tmux", "load-buffer", "-"], text)
        if loaded is not None and loaded.returncode == 0:
            return CopyReport(tmux_buffer=True, why_not=why_not)
    return CopyReport(why_not=why_not)
