"""The ``jobtui`` command: the TUI with no command, scriptable commands otherwise.

Every command brings the cache up to date first. Errors are one line on
stderr and a non-zero exit; JSON output is a list of records.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__, paths
from tui.errors import CommandError
from tui.model import STATUSES
from tui.store.state import StateUnreadable


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobtui",
        description="Filter, read and track saved job postings. With no command, opens the TUI.",
    )
    parser.add_argument("--version", action="version", version=f"jobtui {__version__}")
    parser.add_argument(
        "--postings", metavar="DIR",
        help=f"folder of saved postings (default: ${paths.POSTINGS_ENV}, else the bundled seeds)",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help=f"where cache and tracking data live (default: ${paths.DATA_DIR_ENV}, "
        "else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("build", help="(re)build the cache and report what was parsed or skipped")

    listing = commands.add_parser("list", help="list postings, filtered")
    listing.add_argument("--location", action="append", default=[], metavar="TEXT",
                         help="place (substring, accent-insensitive); repeat to allow several")
    listing.add_argument("--stack", action="append", default=[], metavar="NAME",
                         help="technology (aliases work: golang, postgresql); repeat for several")
    listing.add_argument("--remote", action="store_true", help="remote postings only")
    listing.add_argument("--status", choices=STATUSES, help="postings with this status")
    listing.add_argument("--bookmarked", action="store_true", help="bookmarked postings only")
    listing.add_argument("--search", metavar="TEXT",
                         help="words or a query, as in the TUI search box "
                         "(e.g. 'rust -stack:java loc:\"new york\"')")
    listing.add_argument("--json", action="store_true", help="print JSON records")

    show = commands.add_parser("show", help="show one posting")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print a JSON record (with the body)")

    export = commands.add_parser("export", help="export every posting with its tracking data")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    mark = commands.add_parser("mark", help="set a posting's application status")
    mark.add_argument("id")
    mark.add_argument("status", choices=STATUSES)
    mark.add_argument("--note", metavar="TEXT", help="also set the note")

    for name, text in (("bookmark", "bookmark a posting"), ("unbookmark", "remove a bookmark")):
        commands.add_parser(name, help=text).add_argument("id")

    note = commands.add_parser("note", help="set a posting's note ('' clears it)")
    note.add_argument("id")
    note.add_argument("text")

    commands.add_parser("skipped", help="list the files the last build skipped, and why")

    restore = commands.add_parser(
        "restore", help="restore your tracking data (state.json) from a backup"
    )
    restore.add_argument("backup", nargs="?", help="backup file (default: the newest valid one)")
    restore.add_argument("--list", action="store_true", help="list the backups instead")

    from tui.cli.ingest_commands import add_parsers  # issue 11: add, import

    add_parsers(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_to_print()
    args = build_parser().parse_args(argv)
    try:
        postings_dir = paths.postings_dir(args.postings)
        data_dir = paths.data_dir(args.data_dir)
        if not postings_dir.is_dir():
            raise CommandError(f"postings folder not found: {postings_dir}")
        if args.command is None:
            return run_tui(postings_dir, data_dir)
        # Imported here: the TUI's start does not pay for Rich tables and progress bars.
        from tui.cli.commands import COMMANDS, Context

        return COMMANDS[args.command](Context(postings_dir, data_dir), args)
    except (CommandError, StateUnreadable) as error:
        print(f"jobtui: {error}".replace("jobtui: jobtui: ", "jobtui: "), file=sys.stderr)
        return 2
    except OSError as error:
        print(f"jobtui: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _never_fail_to_print() -> None:
    """A character the terminal's encoding lacks (PYTHONIOENCODING=ascii, a C locale)
    or a file name that is not UTF-8 is printed as an escape, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def run_tui(postings_dir: Path, data_dir: Path) -> int:
    from tui.terminal_watch import TerminalWatch
    from tui.ui.app import JobTuiApp  # imported here so scripted commands never load Textual

    app = JobTuiApp(postings_dir=postings_dir, data_dir=data_dir)

    def terminal_gone() -> None:  # from the watch's thread: quit as q does, view saved
        with contextlib.suppress(RuntimeError):  # the app is closing already
            app.call_from_thread(app.quit_saving_view)

    with TerminalWatch(terminal_gone):
        app.run()
    if isinstance(app.return_value, str) and app.return_value:
        print(app.return_value, file=sys.stderr)
        return 2
    return app.return_code or 0  # 1 after a crash: a script must not read it as success


if __name__ == "__main__":
    raise SystemExit(main())


