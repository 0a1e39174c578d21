"""The ``jobtui`` command line: argument parsing (:mod:`tui.cli.main`), the scripted
commands (:mod:`tui.cli.commands`) and the records they print or export
(:mod:`tui.cli.export`). Textual-free: only running the TUI imports it."""

from tui.cli.main import main

__all__ = ["main"]
