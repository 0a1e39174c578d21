"""What each ``jobtui`` command does, on top of the cache, the tracking store and the catalog."""

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
from tui.errors import CommandError
from tui.model import Posting, Tracking
from tui.parsing.sanitize import visible
from tui.paths import state_path
from tui.query import Clause, Query, parse_query
from tui.records import CSV_FIELDS, csv_row, orphan_record, record
from tui.store.cache import BuildReport, PostingCache
from tui.store.state import TrackingStore


@dataclass
class Context:
    postings_dir: Path
    data_dir: Path
    _cache: PostingCache | None = field(default=None, repr=False)

    @property
    def cache(self) -> PostingCache:
        if self._cache is None:
            self._cache = PostingCache(self.data_dir, self.postings_dir)
        return self._cache

    @property
    def store(self) -> TrackingStore:
        return TrackingStore(state_path(self.data_dir))

    def refresh(self, *, show_progress: bool = False) -> BuildReport:
        console = Console(stderr=True)
        if not (show_progress and console.is_terminal):
            return self.cache.build()
        with Progress(
            TextColumn("Parsing postings"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), console=console, transient=True,
        ) as bar:
            task = bar.add_task("parse", total=None)
            return self.cache.build(progress=lambda done, total: bar.update(
                task, completed=done, total=total))

    def posting_or_fail(self, posting_id: str) -> Posting:
        self.refresh()
        posting = self.cache.get(posting_id)
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
    tracking = context.store.all()
    catalog = Catalog(context.cache.postings(), tracking)
    if with_text:
        catalog.set_search_texts(context.cache.search_texts())
    return catalog, tracking


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
        for posting_id, item in sorted(tracking.items())
        if posting_id not in catalog
        and not item.is_empty
        and (not statuses or item.status in statuses)
        and (not bookmarked or item.bookmarked)
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
            Text(item["title"] + (" (file gone)" if item["missing"] else "")),
            Text(item["company"]), Text(", ".join(locations)), Text(", ".join(item["stack"][:5])),
        )
    console = Console(highlight=False)
    console.print(table)
    console.print(Text(f"{len(records)} of {len(catalog)} postings", style="dim"))
    return 0


def cmd_show(context: Context, args: argparse.Namespace) -> int:
    posting = context.posting_or_fail(args.id)
    data = record(posting, context.store.get(posting.id))
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
        ("note", data["note"]), ("source", visible(posting.source)),
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
    change: Callable[[TrackingStore, Posting], Tracking],
) -> Callable[[Context, argparse.Namespace], int]:
    def command(context: Context, args: argparse.Namespace) -> int:
        posting = context.posting_or_fail(args.id)
        tracking = change(context.store, posting)
        summary = tracking.status if tracking.status != "none" else "no status"
        if tracking.bookmarked:
            summary += ", bookmarked"
        print(f"{posting.id}  {posting.title}: {summary}")
        return 0

    return command


def _mark(args_status: str, note: str | None) -> Callable[[TrackingStore, Posting], Tracking]:
    def change(store: TrackingStore, posting: Posting) -> Tracking:
        tracking = store.set_status(posting.id, args_status, title=posting.title,
                                    company=posting.company)
        if note is not None:
            tracking = store.set_note(posting.id, note, title=posting.title,
                                      company=posting.company)
        return tracking

    return change


def cmd_mark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(_mark(args.status, args.note))(context, args)


def cmd_bookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda store, p: store.set_bookmark(
        p.id, True, title=p.title, company=p.company))(context, args)


def cmd_unbookmark(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda store, p: store.set_bookmark(
        p.id, False, title=p.title, company=p.company))(context, args)


def cmd_note(context: Context, args: argparse.Namespace) -> int:
    return _tracked(lambda store, p: store.set_note(
        p.id, args.text, title=p.title, company=p.company))(context, args)


def cmd_skipped(context: Context, _args: argparse.Namespace) -> int:
    context.refresh()
    for skipped in context.cache.skipped():
        print(f"{visible(skipped.source)}: {skipped.reason}")
    return 0


def cmd_restore(context: Context, args: argparse.Namespace) -> int:
    store = context.store
    if args.list:
        for backup in store.backups():
            print(backup)
        return 0
    try:
        used = store.restore(Path(args.backup) if args.backup else None)
    except (FileNotFoundError, ValueError) as error:
        raise CommandError(str(error)) from error
    print(f"restored {state_path(context.data_dir)} from {used}")
    return 0


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "build": cmd_build, "list": cmd_list, "show": cmd_show, "export": cmd_export,
    "mark": cmd_mark, "bookmark": cmd_bookmark, "unbookmark": cmd_unbookmark,
    "note": cmd_note, "skipped": cmd_skipped, "restore": cmd_restore,
}
