"""Write an import's postings into a sub-folder: one file each, idempotent.

Each source names its postings by a stable id (the HN comment, the board's job id).
The sub-folder's ledger (``.jobtui-import.json``: hidden, so the scan skips it) lists the
ids already written; an id found there, or in a file name (``ID--title.md``, when the ledger
was lost), is "already there" and nothing is written: a file the user edited or deleted
is never touched again. Files are written as they arrive, so a run that fails halfway
keeps what it fetched, and the ledger is saved even then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tui.ingest.files import front_matter, slug, write_json_atomically, write_new
from tui.ingest.http import FetchError

LEDGER = ".jobtui-import.json"
ID_IN_NAME = re.compile(r"^(.+?)--")  # a slug holds no "--": the id is what comes before


@dataclass(frozen=True, slots=True)
class Item:
    """One posting of a source, as it will be written."""

    key: str  # the source's own id, stable across runs
    name: str  # the readable part of the file name
    fields: dict[str, Any]  # front matter: only what the source states
    body: str  # markdown


@dataclass
class ImportReport:
    folder: Path
    added: list[Path] = field(default_factory=list)
    already: int = 0
    failed: list[str] = field(default_factory=list)  # one line each: what, and why
    error: str = ""  # the fetch that stopped the run ("" when it ran to the end)

    @property
    def ok(self) -> bool:
        return not self.error and not self.failed


# progress(done, total): total is None until the source has said how many there are
Progress = Callable[[int, int | None], None]


def run_import(folder: Path, items: Iterator[Item | str], total: Callable[[], int | None],
               progress: Progress | None = None) -> ImportReport:
    """Write ``items`` into ``folder``. A str among them is a posting the source sent
    but that could not be read (counted as failed); a FetchError ends the run."""
    report = ImportReport(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ledger = _read_ledger(folder)
    done = 0
    try:
        for item in items:
            done += 1
            if isinstance(item, str):
                report.failed.append(item)
            elif (key := slug(item.key)) in ledger:
                report.already += 1
            else:
                try:
                    path = write_new(folder, f"{key}--{slug(item.name)}", ".md",
                                     (front_matter(item.fields) + item.body).encode("utf-8"))
                except OSError as error:
                    report.failed.append(f"{item.key}: {error}")
                else:
                    ledger[key] = path.name
                    report.added.append(path)
            if progress is not None:
                progress(done, total())
    except FetchError as error:
        report.error = str(error)
    finally:
        if report.added or not (folder / LEDGER).exists():
            write_json_atomically(folder / LEDGER, ledger)
    return report


def _read_ledger(folder: Path) -> dict[str, str]:
    ledger: dict[str, str] = {}
    try:
        stored = orjson.loads((folder / LEDGER).read_bytes())
        if isinstance(stored, dict):
            ledger.update({str(k): str(v) for k, v in stored.items()})
    except (OSError, orjson.JSONDecodeError):
        pass  # no ledger yet, or unreadable: the file names still tell what is there
    for path in folder.glob("*.md"):
        match = ID_IN_NAME.search(path.name)
        if match:
            ledger.setdefault(match.group(1), path.name)
    return ledger
