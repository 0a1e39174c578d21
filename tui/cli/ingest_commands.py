"""``jobtui add`` and ``jobtui import``: new postings into the folder, then parsed.

Its imports are light: :func:`add_parsers` runs on every start, the TUI's included; the
network and Rich progress modules load only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.errors import CommandError
from tui.sanitize import visible

if TYPE_CHECKING:
    from tui.cli.commands import Context
    from tui.ingest.importer import ImportReport

IMPORT_SOURCES = ("ashby", "greenhouse", "hn", "lever")


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add = commands.add_parser(
        "add", help="save a posting from a link (or '-' for text pasted on stdin) and show it")
    add.add_argument("url", metavar="URL|-", help="an http(s) link, or - to read stdin")

    importing = commands.add_parser(
        "import", help="import every posting of a Hacker News thread or a job board")
    importing.add_argument("source", choices=IMPORT_SOURCES,
                           help="hn (a 'Who is hiring?' thread), greenhouse, lever or ashby")
    importing.add_argument("name", metavar="ID|BOARD",
                           help="the HN item id or link; the board or company name")


def cmd_add(context: Context, args: argparse.Namespace) -> int:
    from rich.console import Console

    from tui.cli.commands import cmd_show
    from tui.ingest.add import add_text, add_url
    from tui.ingest.http import FetchError

    try:
        if args.url == "-":
            added = add_text(context.postings_dir, sys.stdin.read())
        else:
            with Console(stderr=True).status(f"Downloading {visible(args.url)}"):
                added = add_url(context.postings_dir, args.url)
    except (FetchError, ValueError) as error:
        raise CommandError(visible(str(error))) from None
    print(f"saved {visible(str(added.path))}", file=sys.stderr)
    context.refresh()
    posting = next((p for p in context.library.cache.postings() if p.source == added.source),
                   None)
    if posting is None:
        reason = next((s.reason for s in context.library.skipped()
                       if s.source == added.source), "not loaded")
        raise CommandError(f"saved {visible(str(added.path))}, but it did not load: {reason}")
    return cmd_show(context, argparse.Namespace(id=posting.id, json=False))


def cmd_import(context: Context, args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from tui.ingest.boards import SOURCES
    from tui.ingest.importer import run_import

    try:
        source = SOURCES[args.source](args.name)
    except ValueError as error:
        raise CommandError(str(error)) from None
    with Progress(SpinnerColumn(), TextColumn(f"Importing {args.source} {visible(args.name)}"),
                  BarColumn(), MofNCompleteColumn(), console=Console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task("import", total=None)
        report = run_import(context.postings_dir / source.folder, source.items(),
                            lambda: source.total,
                            lambda done, total: bar.update(task, completed=done, total=total))
    _print_report(report, context)
    if report.added:
        context.refresh()
    if report.error:
        print(f"jobtui: {visible(report.error)}", file=sys.stderr)
    return 1 if report.error or report.failed else 0


def _print_report(report: ImportReport, context: Context) -> None:
    from rich.console import Console
    from rich.text import Text

    out = Console(highlight=False)
    where = visible(report.folder.relative_to(context.postings_dir).as_posix())
    out.print(Text(f"{where}: {len(report.added)} added, {report.already} already there, "
                   f"{len(report.failed)} failed"))
    for problem in report.failed:
        out.print(Text(f"failed: {visible(problem)}"))
