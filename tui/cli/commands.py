"""What each ``jobtui`` command does, on top of the library (:mod:`tui.library`)."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from tui.catalog import Catalog
from tui.cli.export import CSV_FIELDS, csv_row, orphan_record, record, with_group
from tui.cli.ids import match_prefix
from tui.cli.ingest_commands import cmd_add, cmd_import
from tui.cli.listing import print_table, write_tsv
from tui.cli.tracking_commands import day_argument, notes_lines, stale_clauses
from tui.errors import CommandError
from tui.library import FILE_GONE, ORPHAN_BODY, BuildReport, Library, gone
from tui.model import Posting, Tracking, pay_line
from tui.parsing.salary import UNKNOWN
from tui.paths import state_path
from tui.query import Clause, Query, parse_query
from tui.sanitize import visible
from tui.store.state import is_valid_state
from tui.text import plural


@dataclass
class Context:
    postings_dir: Path
    data_dir: Path
    _library: Library | None = field(default=None, repr=False)

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library(self.postings_dir, self.data_dir)
        return self._library

    def refresh(self, *, show_progress: bool = False) -> BuildReport:
        report = self._build(show_progress)
        for problem in report.problems:
            print(f"jobtui: warning: {problem}", file=sys.stderr)
        return report

    def _build(self, show_progress: bool) -> BuildReport:
        console = Console(stderr=True)
        if not (show_progress and console.is_terminal):
            return self.library.refresh()
        with Progress(
            TextColumn("Parsing postings"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), console=console, transient=True,
        ) as bar:
            task = bar.add_task("parse", total=None)
            return self.library.refresh(lambda done, total: bar.update(
                task, completed=done, total=total))

    def resolve_id(self, given: str) -> str:
        """The id ``given`` names: a whole id, or the start of exactly one posting's (of
        the folder, or tracked with its file gone, as `jobtui list` shows them)."""
        if self.library.posting(given) is not None:
            return given
        return match_prefix(given, self.library.titles())

    def posting_or_fail(self, posting_id: str) -> Posting:
        self.refresh()
        posting_id = self.resolve_id(posting_id)
        posting = self.library.posting(posting_id)
        if posting is None:
            raise CommandError(f"the file of posting {posting_id} is gone; its tracking is "
                               "kept (see `jobtui show`)")
        return posting


def _print_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def cmd_build(context: Context, _args: argparse.Namespace) -> int:
    report = context.refresh(show_progress=True)
    out = Console(highlight=False)
    out.print(Text(
        f"{plural(report.total, 'file')}: {report.parsed} parsed, {report.unchanged} unchanged, "
        f"{len(report.skipped)} skipped, {report.removed} removed"
    ))
    for skipped in report.skipped:
        out.print(Text(f"skipped {visible(skipped.source)}: {skipped.reason}"))
    for warning in report.warnings:
        out.print(Text(f"warning {visible(warning.source)}: {warning.reason}"))
    return 0


def _query_from(args: argparse.Namespace) -> Query:
    clauses = list(parse_query(args.search or "").clauses)
    clauses += [Clause("loc", value) for value in args.location]
    clauses += [Clause("stack", value) for value in args.stack]
    if args.remote:
        clauses.append(Clause("is", "remote"))
    if args.bookmarked:
        clauses.append(Clause("is", "bookmarked"))
    if args.salary_known:
        clauses.append(Clause("salary", UNKNOWN, negate=True))
    if args.status:
        clauses.append(Clause("status", args.status))
    if args.stale:
        clauses += parse_query(stale_clauses(args.stale)).clauses
    return Query(tuple(clauses))


def _catalog(context: Context, *, with_text: bool) -> tuple[Catalog, dict[str, Tracking]]:
    context.refresh()
    catalog = context.library.catalog(with_text=with_text)
    return catalog, catalog.all_tracking()


def _orphans(
    catalog: Catalog, tracking: dict[str, Tracking], query: Query | None
) -> list[dict[str, Any]]:
    """Tracked postings that left the folder: kept, and listed when the query is about
    tracking (status or bookmarks), or always when ``query`` is None (an export)."""
    statuses = query.values("status") if query else []
    bookmarked = "bookmarked" in query.values("is") if query else False
    if query is not None and not statuses and not bookmarked:
        return []
    return [
        orphan_record(item)
        for item in gone(tracking, catalog)
        if (not statuses or item.status in statuses) and (not bookmarked or item.bookmarked)
    ]


def _selected(context: Context, args: argparse.Namespace) -> tuple[list[dict[str, Any]], int]:
    """The records the filters of ``args`` select, in list order, then the tracked postings
    whose file has gone (for a query about tracking, or for an export with no filter);
    and how many postings the folder holds."""
    query = _query_from(args)
    catalog, tracking = _catalog(context, with_text=any(c.field == "text" for c in query.clauses))
    grouped = args.command != "export"  # an export has every file, duplicates too
    records = [with_group(record(catalog.posting(pid), catalog.tracking(pid)), catalog)
               for pid in catalog.filter(query, grouped=grouped)]
    exporting_all = args.command == "export" and not query
    records += _orphans(catalog, tracking, None if exporting_all else query)
    return records, catalog.roles if grouped else len(catalog)


def cmd_list(context: Context, args: argparse.Namespace) -> int:
    records, total = _selected(context, args)
    output = args.format or ("table" if sys.stdout.isatty() else "tsv")
    if output == "json":
        _print_json(records)
    elif output == "tsv":
        write_tsv(records, sys.stdout)
    else:
        print_table(records, total, Console(highlight=False))
    return 0


def cmd_show(context: Context, args: argparse.Namespace) -> int:
    context.refresh()
    posting_id = context.resolve_id(args.id)
    catalog = context.library.catalog()
    posting = context.library.posting(posting_id)
    if posting is None:  # tracked, file gone: shown with what the tracking keeps
        tracking = context.library.tracking(posting_id)
        data = orphan_record(tracking)
        shown = Posting(id=posting_id, title=data["title"] or posting_id,
                        company=data["company"], body=ORPHAN_BODY)
    else:
        tracking = catalog.tracking(posting_id)  # a group of duplicates shares one
        data = record(posting, tracking)
        shown = posting
    data = with_group(data, catalog)
    data["body"] = posting.body if posting is not None else ""
    if args.json:
        _print_json(data)
        return 0
    console = Console(highlight=False)
    for trap in shown.traps:  # first, so that no one applies without reading them
        console.print(Text.assemble(("⚠ the posting asks: ", "bold yellow"), (trap, "yellow")))
    console.print(Text(shown.title + (FILE_GONE if posting is None else ""), style="bold"))
    facts = [
        ("id", shown.id), ("company", shown.company),
        ("locations", ", ".join(shown.locations)),
        ("remote", ((shown.remote_scope or "yes") if shown.remote else "no")
         if posting is not None else ""),
        ("stack", ", ".join(shown.stack)), ("url", shown.url),
        ("level", shown.seniority),
        ("salary", pay_line(shown)),
        ("seen", f"{data['seen']}× (" + ", ".join(visible(item["source"])
                                                  for item in data["group"]) + ")"
         if data["seen"] > 1 else ""),
        ("status", data["status"]), ("bookmarked", "yes" if data["bookmarked"] else "no"),
        ("history", tracking.history_text()),
        ("hidden", "yes" if data["hidden"] else ""),
        # The notes are the user's, but may hold pasted escape codes (or a hand-edited
        # state.json may): shown cleaned, kept as written; newest first.
        ("notes", "\n  ".join(["", *notes_lines(tracking)]) if data["notes"] else ""),
        ("source", visible(shown.source)),
    ]
    for name, value in facts:
        if value:
            console.print(Text.assemble((f"{name}: ", "dim"), value))
    console.print()
    console.print(Text(shown.body))
    return 0


def cmd_export(context: Context, args: argparse.Namespace) -> int:
    records, _total = _selected(context, args)
    if args.format == "json":
        payload = orjson.dumps(records, option=orjson.OPT_INDENT_2) + b"\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(csv_row(item) for item in records)
        payload = buffer.getvalue().encode("utf-8")
    if args.output:
        Path(args.output).write_bytes(payload)
    else:
        sys.stdout.buffer.write(payload)
    return 0


def _tracked(
    change: Callable[[Library, Posting], Tracking],
) -> Callable[[Context, argparse.Namespace], int]:
    def command(context: Context, args: argparse.Namespace) -> int:
        posting = context.posting_or_fail(args.id)
        library = context.library
        library.catalog()  # so that a change to one of a group of duplicates is the role's
        tracking = change(library, posting)
        if library.store.backup_error:
            print(f"jobtui: warning: {library.store.backup_error}", file=sys.stderr)
        summary = tracking.status if tracking.status != "none" else "no status"
        if tracking.bookmarked:
            summary += ", bookmarked"
        print(f"{posting.id}  {posting.title}: {summary}")
        return 0

    return command


def _mark(args_status: str, note: str | None, on: date | None
          ) -> Callable[[Library, Posting], Tracking]:
    def change(library: Library, posting: Posting) -> Tracking:
        tracking = library.set_status(posting, args_status, on)
        if note is not None:
            tracking = library.add_note(posting, note, on)
        return tracking

    return change


def cmd_mark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(_mark(args.status, args.note, day_argument(args.date)))(context, args)


def cmd_bookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda library, p: library.set_bookmark(p, True))(context, args)


def cmd_unbookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda library, p: library.set_bookmark(p, False))(context, args)


def cmd_note(context: Context, args: argparse.Namespace) -> int:
    """Add a dated entry to the note log (``--clear``: replace the log by the text)."""
    on = day_argument(args.date)
    if args.clear:
        return _tracked(lambda library, p: library.set_note(p, args.text))(context, args)
    return _tracked(lambda library, p: library.add_note(p, args.text, on))(context, args)


def cmd_skipped(context: Context, _args: argparse.Namespace) -> int:
    context.refresh()
    for skipped in context.library.skipped():
        print(f"{visible(skipped.source)}: {skipped.reason}")
    return 0


def cmd_restore(context: Context, args: argparse.Namespace) -> int:
    library = context.library
    if args.list:
        for backup in library.backups():  # newest first, named safely for the terminal
            print(visible(str(backup)) + ("" if is_valid_state(backup) else "  (unreadable)"))
        return 0
    try:
        used = library.restore(Path(args.backup) if args.backup else None)
    except (FileNotFoundError, ValueError) as error:
        raise CommandError(str(error)) from error
    print(f"restored {state_path(context.data_dir)} from {used}")
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "build": cmd_build, "list": cmd_list, "show": cmd_show, "export": cmd_export,
    "mark": cmd_mark, "bookmark": cmd_bookmark, "unbookmark": cmd_unbookmark,
    "note": cmd_note, "skipped": cmd_skipped, "restore": cmd_restore,
    "add": cmd_add, "import": cmd_import,
}
