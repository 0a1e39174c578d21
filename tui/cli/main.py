"""The ``jobtui`` command: the TUI with no command, scriptable commands otherwise.

Every command brings the cache up to date first. Errors are one line on
stderr and a non-zero exit; JSON output is a list of records.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__, paths
from tui.errors import CommandError
from tui.model import STATUSES
from tui.store.state import StateUnreadable


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands``, only the options that open the TUI
    (see :func:`opens_the_tui`)."""
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    subparsers.add_parser("build", help="(re)build the cache and report what was parsed or skipped")

    listing = subparsers.add_parser(
        "list", help="list postings, filtered",
        description="List postings, filtered. On a terminal: a table, one line a posting. "
        "Piped or redirected: tab-separated, one posting a line, no header, columns "
        "id, status, bookmarked (yes/no), title, company, locations, stack "
        "(lists joined with '; '; no tab, newline or control character inside a cell).",
    )
    add_filter_options(listing)
    listing.add_argument("--format", choices=LIST_FORMATS, default=None,
                         help="table (default on a terminal), tsv (default when piped) or json")
    listing.add_argument("--json", action="store_const", const="json", dest="format",
                         help="same as --format json")

    show = subparsers.add_parser(
        "show", help="show one posting, with your status history",
        description="Show one posting: its facts, your status history and note, its text. "
        "A tracked posting whose file has gone is shown with what is known.")
    show.add_argument("id", help=ID_HELP)
    show.add_argument("--json", action="store_true", help="print a JSON record (with the body)")

    export = subparsers.add_parser(
        "export", help="export postings with their tracking data (filters as for list)",
        description="Export postings with your tracking data: every posting, or those the "
        "filters select (the same filters as list). CSV adds applied_on (the first date "
        "marked applied) and last_change (the date of the last status change); no cell "
        "can become a spreadsheet formula.")
    add_filter_options(export)
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    mark = subparsers.add_parser("mark", help="set a posting's application status")
    mark.add_argument("id", help=ID_HELP)
    mark.add_argument("status", choices=STATUSES)
    mark.add_argument("--note", metavar="TEXT", help="also add a note entry")
    mark.add_argument("--date", metavar="YYYY-MM-DD",
                      help="when it happened (default: today); the same status re-dates it")

    for name, text in (("bookmark", "bookmark a posting"), ("unbookmark", "remove a bookmark")):
        subparsers.add_parser(name, help=text).add_argument("id", help=ID_HELP)

    note = subparsers.add_parser("note", help="add a dated entry to a posting's note log")
    note.add_argument("id", help=ID_HELP)
    note.add_argument("text")
    note.add_argument("--date", metavar="YYYY-MM-DD", help="the entry's date (default: today)")
    note.add_argument("--clear", action="store_true",
                      help="replace the whole log by TEXT ('' clears it)")

    subparsers.add_parser("skipped", help="list the files the last build skipped, and why")

    restore = subparsers.add_parser(
        "restore", help="restore your tracking data (state.json) from a backup"
    )
    restore.add_argument("backup", nargs="?", help="backup file (default: the newest valid one)")
    restore.add_argument("--list", action="store_true", help="list the backups instead")
    from tui.cli.ingest_commands import add_parsers as add_ingest_parsers  # issue 11
    from tui.cli.tracking_commands import add_parsers

    add_ingest_parsers(subparsers)

    add_parsers(subparsers)
    return parser


LIST_FORMATS = ("table", "tsv", "json")
ID_HELP = "a posting's id, or enough of its start to be unique (as `jobtui list` shows it)"


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The filters of ``list``, shared by every command that selects postings (``export``):
    a filter added here works in all of them (read back by ``commands._query_from``)."""
    parser.add_argument("--location", action="append", default=[], metavar="TEXT",
                        help="place (substring, accent-insensitive); repeat to allow several")
    parser.add_argument("--stack", action="append", default=[], metavar="NAME",
                        help="technology (aliases work: golang, postgresql); repeat for several")
    parser.add_argument("--remote", action="store_true", help="remote postings only")
    parser.add_argument("--status", choices=STATUSES, help="postings with this status")
    parser.add_argument("--bookmarked", action="store_true", help="bookmarked postings only")
    parser.add_argument("--search", metavar="TEXT",
                        help="words or a query, as in the TUI search box "
                        "(e.g. 'rust -stack:java loc:\"new york\"'; may start with -)")
    parser.add_argument("--salary-known", action="store_true",
                        help="only postings that state a salary (same as -salary:unknown)")
    parser.add_argument("--stale", metavar="AGE",
                        help="applied or interviewing, with no status change for AGE "
                        "(14d, 2w, 1m)")


TUI_OPTIONS = ("--postings", "--data-dir")


def opens_the_tui(argv: list[str]) -> bool:
    """Whether ``argv`` holds nothing but the options of the TUI (``--postings DIR``,
    ``--data-dir=DIR``): then the parser is built without its commands, which took
    ~0.015-0.025 s of CPU before the TUI's first frame (two dozen subparsers and their
    help). Anything else (a command, --help, --version, a typo) gets the whole parser."""
    words = iter(argv)
    for word in words:
        if word in TUI_OPTIONS:
            if next(words, None) is None:
                return False  # "expected one argument": said by the whole parser
        elif not word.startswith(tuple(f"{option}=" for option in TUI_OPTIONS)):
            return False
    return True


def values_may_start_with_dash(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--search -stack:java`` as ``--search=-stack:java``: argparse takes a value that
    starts with "-" for an option and fails ("expected one argument"). Done for every
    option that takes a value, unless the next word is itself one of the options."""
    takes_value: set[str] = set()
    options: set[str] = set()
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            options.update(action.option_strings)
            if action.option_strings and action.nargs is None and action.const is None:
                takes_value.update(o for o in action.option_strings if o.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    joined: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":
            joined += [word, *words]
            break
        if word in takes_value:
            value = next(words, None)
            if value is not None and value.startswith("-") and value.split("=")[0] not in options:
                joined.append(f"{word}={value}")
                continue
            joined += [word] if value is None else [word, value]
            continue
        joined.append(word)
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_to_print()
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not opens_the_tui(words))
    args = parser.parse_args(values_may_start_with_dash(parser, words))
    try:
        postings_dir = paths.postings_dir(args.postings)
        data_dir = paths.data_dir(args.data_dir)
        if not postings_dir.is_dir():
            raise CommandError(f"postings folder not found: {postings_dir}")
        if args.command is None:
            return run_tui(postings_dir, data_dir)
        # Imported here: the TUI's start does not pay for Rich tables and progress bars.
        from tui.cli.commands import COMMANDS, Context
        from tui.cli.tracking_commands import COMMANDS as TRACKING_COMMANDS

        command = {**COMMANDS, **TRACKING_COMMANDS}[args.command]
        return command(Context(postings_dir, data_dir), args)
    except (CommandError, StateUnreadable) as error:
        print(f"jobtui: {error}".replace("jobtui: jobtui: ", "jobtui: "), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader left (`jobtui list | head`): nothing is wrong, and nothing more is
        # written; stdout goes to /dev/null so that Python's exit flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
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


