"""The tracking commands of issue 12: dated statuses, the status history, the note log
and the hide list (``jobtui mark --date``, ``history``, ``note``, ``hide``, ``unhide``)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from tui.errors import CommandError
from tui.model import STATUSES, Tracking
from tui.query import parse_age
from tui.sanitize import clean_line, clean_text
from tui.store.state import parse_day

if TYPE_CHECKING:  # the parser is built on every start, the TUI's too: no Rich here
    from tui.cli.commands import Context


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """The subcommands this module runs, added to ``jobtui``'s parser."""
    history = commands.add_parser(
        "history", help="show a posting's status history; edit or remove an entry")
    history.add_argument("id")
    history.add_argument("--edit", type=int, metavar="N", help="change entry N (1: the oldest)")
    history.add_argument("--remove", type=int, metavar="N", help="remove entry N")
    history.add_argument("--status", choices=STATUSES[1:], help="with --edit: the new status")
    history.add_argument("--date", metavar="YYYY-MM-DD", help="with --edit: the new date")

    for name, text in (("hide", "hide a posting, or every posting of a company, from every view"),
                       ("unhide", "show a hidden posting or company again")):
        parser = commands.add_parser(name, help=text)
        parser.add_argument("id", nargs="?", help="posting id")
        parser.add_argument("--company", metavar="NAME",
                            help="the company (matched as the Company filter matches it)")


def day_argument(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise CommandError(str(error)) from error


def stale_clauses(text: str) -> str:
    """``--stale 14d`` as a query: still waiting (applied or interviewing) and unchanged
    for at least that long."""
    age = parse_age(text)
    if age is None:
        raise CommandError(f"--stale: not an age: {text!r} (e.g. 14d, 2w, 1m)")
    value = text.strip() if text.strip()[0] in "<>=" else f">={age.days}d"
    return f"status:applied status:interviewing changed:{value}"


def history_lines(tracking: Tracking) -> list[str]:
    if not tracking.history:
        return ["(no status history)"]
    return [f"{number}. {change.date}  {change.status}"
            for number, change in enumerate(tracking.history, start=1)]


def warn_backup(context: Context) -> None:
    if context.library.store.backup_error:
        print(f"jobtui: warning: {context.library.store.backup_error}", file=sys.stderr)


def cmd_history(context: Context, args: argparse.Namespace) -> int:
    posting = context.posting_or_fail(args.id)
    library = context.library
    if args.edit is not None and args.remove is not None:
        raise CommandError("give --edit or --remove, not both")
    chosen = args.edit if args.edit is not None else args.remove
    tracking = library.tracking(posting.id)
    if chosen is not None:
        if args.edit is not None and args.status is None and args.date is None:
            raise CommandError("--edit needs --status and/or --date")
        try:
            tracking = library.edit_history(posting, chosen - 1, status=args.status,
                                            on=day_argument(args.date),
                                            remove=args.remove is not None)
        except (IndexError, ValueError) as error:
            raise CommandError(str(error)) from error
        warn_backup(context)
    print(f"{posting.id}  {clean_line(posting.title)}: "
          f"{tracking.status if tracking.status != 'none' else 'no status'}")
    for line in history_lines(tracking):
        print(f"  {line}")
    return 0


def _hide(context: Context, args: argparse.Namespace, hidden: bool) -> int:
    if (args.id is None) == (args.company is None):
        raise CommandError("give a posting id or --company NAME")
    verb = "hidden" if hidden else "shown"
    if args.company is not None:
        try:
            companies = context.library.set_company_hidden(args.company, hidden)
        except ValueError as error:
            raise CommandError(str(error)) from error
        warn_backup(context)
        print(f"company {clean_line(args.company)}: {verb}"
              f" ({len(companies)} hidden compan{'y' if len(companies) == 1 else 'ies'})")
        return 0
    posting = context.posting_or_fail(args.id)
    context.library.set_hidden(posting, hidden)
    warn_backup(context)
    print(f"{posting.id}  {clean_line(posting.title)}: {verb}")
    return 0


def cmd_hide(context: Context, args: argparse.Namespace) -> int:
    return _hide(context, args, True)


def cmd_unhide(context: Context, args: argparse.Namespace) -> int:
    return _hide(context, args, False)


def notes_lines(tracking: Tracking) -> list[str]:
    """The note log, newest first, each entry under its date."""
    return [f"{entry.date or 'undated'}  " + clean_text(entry.text).replace("\n", "\n" + " " * 14)
            for entry in reversed(tracking.notes)]


COMMANDS = {"history": cmd_history, "hide": cmd_hide, "unhide": cmd_unhide}
