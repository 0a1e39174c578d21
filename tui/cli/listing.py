"""``jobtui list`` on a terminal (a table, one line a posting) and piped (TSV)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.library import FILE_GONE
from tui.sanitize import clean_line
from tui.text import plural

TSV_COLUMNS = ("id", "status", "bookmarked", "title", "company", "locations", "stack")
TABLE_STACK_ITEMS = 5  # the table's stack column shows this many; TSV all of them


def tsv_cell(value: str) -> str:
    """One TSV cell: no tab, newline or control character inside (each run of whitespace
    is one space; escape sequences are dropped), so every record stays one line that
    ``cut -f`` and ``awk -F'\\t'`` split right."""
    return clean_line(value)


def places(item: dict[str, Any]) -> list[str]:
    """The places as listed, "Remote" last (it is also a place a slot may name)."""
    return [p for p in item["locations"] if p != "Remote"] + (["Remote"] if item["remote"] else [])


def tsv_row(item: dict[str, Any]) -> str:
    title = item["title"] + (FILE_GONE if item["missing"] else "")
    cells = (item["id"], item["status"], "yes" if item["bookmarked"] else "no", title,
             item["company"], "; ".join(places(item)), "; ".join(item["stack"]))
    return "\t".join(tsv_cell(str(cell)) for cell in cells)


def write_tsv(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for item in records:
        out.write(tsv_row(item) + "\n")


def ellipsize(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, "…" right after the cut. Rich's own ellipsis
    leaves a space where a wide (CJK) character straddled the cut ("漢字 …")."""
    if cell_len(text) <= width:
        return text
    cut = set_cell_size(text, width - 1)
    return (cut[:-1] if not text.startswith(cut) else cut) + "…"


def fair_widths(natural: list[int], weights: list[int], room: int) -> list[int]:
    """Column widths in ``room`` cells: each column its natural width when all fit, else
    the widest are cut down first, each to the same cap times its weight (a long title
    gives way before a short company name, and keeps twice the room of the others)."""
    if sum(natural) <= room:
        return natural
    cap = max(natural)
    while cap > 1 and sum(min(w, cap * k) for w, k in zip(natural, weights, strict=True)) > room:
        cap -= 1
    return [min(w, cap * k) for w, k in zip(natural, weights, strict=True)]


def print_table(records: list[dict[str, Any]], total: int, console: Console) -> None:
    """One line a posting, whatever the width: cells are cut with "…", never wrapped (a
    wrapped title split words mid-word at 80 columns). The bookmark and status columns
    appear once some posting has one."""
    columns: list[tuple[str, int, Callable[[dict[str, Any]], str]]] = [
        ("id", 0, lambda item: item["id"]),
        ("", 0, lambda item: "★" if item["bookmarked"] else ""),
        ("status", 0, lambda item: item["status"] if item["status"] != "none" else ""),
        ("title", 2, lambda item: item["title"] + (FILE_GONE if item["missing"] else "")
         + (f"  (seen {item['seen']}×)" if item.get("seen", 1) > 1 else "")),
        ("company", 1, lambda item: item["company"]),
        ("locations", 1, lambda item: ", ".join(places(item))),
        ("stack", 1, lambda item: ", ".join(item["stack"][:TABLE_STACK_ITEMS])),
    ]
    rows = [[Text(cell(item)) for _, _, cell in columns] for item in records]
    shown = [i for i, (name, weight, _) in enumerate(columns)
             if weight or name == "id" or any(row[i].plain for row in rows)]
    natural = [max([cell_len(columns[i][0]), *(row[i].cell_len for row in rows)]) for i in shown]
    weights = [columns[i][1] for i in shown]
    fixed = sum(w for w, k in zip(natural, weights, strict=True) if not k)  # never cut
    gaps = 2 * (len(shown) - 1)  # one cell of padding either side of every inner edge
    cut = [i for i, k in enumerate(weights) if k]
    room = max(len(cut), console.width - gaps - fixed)
    fitted = fair_widths([natural[i] for i in cut], [weights[i] for i in cut], room)
    for i, width in zip(cut, fitted, strict=True):
        natural[i] = width
    table = Table(box=None, header_style="bold", pad_edge=False)
    for i, width in zip(shown, natural, strict=True):
        table.add_column(columns[i][0], width=width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(ellipsize(row[i].plain, width))
                        for i, width in zip(shown, natural, strict=True)))
    console.print(table)
    console.print(Text(f"{len(records):,} of {plural(total, 'posting')}", style="dim"))
