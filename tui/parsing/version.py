"""The parser's version: a hash of the code and data that decide what it produces.

A cache records the version it was built with and is re-parsed when it differs,
so any change to the parser's code or its data tables invalidates cached records
without anyone remembering to bump a number. The hash is worked out on first
use (about a millisecond for the few hundred kilobytes involved), never at import.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

# Bump only to force a re-parse when nothing hashed below changed (e.g. a new
# dependency version known to change the output).
EPOCH = "5"

PACKAGE = Path(__file__).resolve().parent.parent


def parser_files() -> list[Path]:
    """Every file whose content can change a parsed record: the parsing package, its
    data tables, the record type, and the shared text helpers the parser imports."""
    files = [*PACKAGE.joinpath("parsing").rglob("*.py"), *PACKAGE.joinpath("data").rglob("*")]
    files += [PACKAGE / name for name in ("model.py", "query.py", "sanitize.py", "text.py")]
    # It writes what the record keeps beside the parse (the date added, the search words).
    files.append(PACKAGE / "store" / "parse_worker.py")
    return sorted(path for path in files if path.is_file() and "__pycache__" not in path.parts)


@cache
def parser_version() -> str:
    digest = hashlib.sha256(EPOCH.encode())
    for path in parser_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return f"{EPOCH}-{digest.hexdigest()[:16]}"
