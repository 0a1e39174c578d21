"""What each ``jobtui`` command does, on top of the library (:mod:`tui.library`)."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from tui.catalog import Catalog
from tui.cli.export import CSV_FIELDS, csv_row, orphan_record, record
from tui.cli.ingest_commands import cmd_add, cmd_import
from tui.errors import CommandError
from tui.library import FILE_GONE, BuildReport, Library, gone
from tui.model import Posting, Tracking
from tui.paths import state_path
from tui.query import Clause, Query, parse_query
from tui.sanitize import clean_text, visible
from tui.store.state import is_valid_state


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

    def posting_or_fail(self, posting_id: str) -> Posting:
        self.refresh()
        posting = self.library.posting(posting_id)
        if posting is None:
            raise CommandError(f"no posting with id {posting_id!r} (see `jobtui list`)")
        return posting


def _print_json(data: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def cmd_build(context: Context, _args: argparse.Namespace) -> int:
    report = context.refresh(show_progress=True)
    out = Console(highlight=False)
    out.print(Text(
        f"{report.total} files: {report.parsed} parsed, {report.unchanged} unchanged, "
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
    if args.status:
        clauses.append(Clause("status", args.status))
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


def cmd_list(context: Context, args: argparse.Namespace) -> int:
    query = _query_from(args)
    catalog, tracking = _catalog(context, with_text=any(c.field == "text" for c in query.clauses))
    records = [record(catalog.posting(pid), catalog.tracking(pid)) for pid in catalog.filter(query)]
    records += _orphans(catalog, tracking, query)
    if args.json:
        _print_json(records)
        return 0
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("id", "", "status", "title", "company", "locations", "stack"):
        table.add_column(name, overflow="fold" if name == "title" else "ellipsis")
    for item in records:
        locations = [p for p in item["locations"] if p != "Remote"] + (
            ["Remote"] if item["remote"] else [])  # "Remote" is also a place a slot names
        table.add_row(
            Text(item["id"]), Text("★" if item["bookmarked"] else ""),
            Text(item["status"] if item["status"] != "none" else ""),
            Text(item["title"] + (FILE_GONE if item["missing"] else "")),
            Text(item["company"]), Text(", ".join(locations)), Text(", ".join(item["stack"][:5])),
        )
    console = Console(highlight=False)
    console.print(table)
    console.print(Text(f"{len(records)} of {len(catalog)} postings", style="dim"))
    return 0


def cmd_show(context: Context, args: argparse.Namespace) -> int:
    posting = context.posting_or_fail(args.id)
    data = record(posting, context.library.tracking(posting.id))
    data["body"] = posting.body
    if args.json:
        _print_json(data)
        return 0
    console = Console(highlight=False)
    console.print(Text(posting.title, style="bold"))
    facts = [
        ("company", posting.company),
        ("locations", ", ".join(posting.locations)),
        ("remote", (posting.remote_scope or "yes") if posting.remote else "no"),
        ("stack", ", ".join(posting.stack)), ("url", posting.url),
        ("status", data["status"]), ("bookmarked", "yes" if data["bookmarked"] else "no"),
        # The note is the user's, but may hold pasted escape codes (or a hand-edited
        # state.json may): shown cleaned, kept as written.
        ("note", clean_text(data["note"])), ("source", visible(posting.source)),
    ]
    for name, value in facts:
        if value:
            console.print(Text.assemble((f"{name}: ", "dim"), value))
    console.print()
    console.print(Text(posting.body))
    return 0


def cmd_export(context: Context, args: argparse.Namespace) -> int:
    catalog, tracking = _catalog(context, with_text=False)
    everything = catalog.filter(Query())
    records = [record(catalog.posting(pid), catalog.tracking(pid)) for pid in everything]
    records += _orphans(catalog, tracking, None)
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
        tracking = change(library, posting)
        if library.store.backup_error:
            print(f"jobtui: warning: {library.store.backup_error}", file=sys.stderr)
        summary = tracking.status if tracking.status != "none" else "no status"
        if tracking.bookmarked:
            summary += ", bookmarked"
        print(f"{posting.id}  {posting.title}: {summary}")
        return 0

    return command


def _mark(args_status: str, note: str | None) -> Callable[[Library, Posting], Tracking]:
    def change(library: Library, posting: Posting) -> Tracking:
        tracking = library.set_status(posting, args_status)
        if note is not None:
            tracking = library.set_note(posting, note)
        return tracking

    return change


def cmd_mark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(_mark(args.status, args.note))(context, args)


def cmd_bookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda library, p: library.set_bookmark(p, True))(context, args)


def cmd_unbookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda library, p: library.set_bookmark(p, False))(context, args)


def cmd_note(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda library, p: library.set_note(p, args.text))(context, args)


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
