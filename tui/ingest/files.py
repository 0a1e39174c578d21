"""New files in the postings folder: readable names, never an existing file overwritten.

A file is created with ``open(..., "x")``, which fails when the name is taken, so two
jobtui processes (or the user saving at the same moment) cannot overwrite each other:
the next free name (``-2``, ``-3``…) is taken instead.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from tui.sanitize import clean_line

MAX_STEM = 60
NOT_NAME = re.compile(r"[^\w]+")


def slug(text: str, fallback: str = "posting") -> str:
    """"Senior Engineer (Berlin) — Acme" as ``senior-engineer-berlin-acme``; letters of
    any script are kept, so a Russian title stays readable."""
    text = unicodedata.normalize("NFKC", clean_line(text)).casefold()
    words = NOT_NAME.sub("-", text).replace("_", "-").strip("-")
    words = re.sub(r"-{2,}", "-", words)[:MAX_STEM].rstrip("-")
    return words or fallback


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/stem+suffix``, or ``stem-2+suffix``… when taken."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, 1000):
        path = folder / f"{stem}{'' if number == 1 else f'-{number}'}{suffix}"
        try:
            with open(path, "xb") as handle:
                handle.write(data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free file name for {stem}{suffix} in {folder}")


def front_matter(fields: dict[str, Any]) -> str:
    """YAML front matter holding ``fields`` (empty values left out). Each value is written
    as JSON, which YAML reads as the same string, list or boolean: no quoting rules to
    get wrong, whatever the text holds."""
    lines = ["---"]
    for key, value in fields.items():
        if value in (None, "", [], {}):
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write_json_atomically(path: Path, data: Any) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
