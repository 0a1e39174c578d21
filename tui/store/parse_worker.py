"""Parse one posting file: the unit of work the build hands to its process pool.

Top-level functions only, so they pickle into worker processes. The result is a
plain dict (cheap to send back) describing either a parsed posting or a skip.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.parsing.sanitize import clean_line
from tui.query import fold

WORD = re.compile(r"\w+")


def search_words(*parts: str) -> str:
    """Folded words of the text, each once, in order: what free-text search matches."""
    return " ".join(dict.fromkeys(WORD.findall(fold(" ".join(parts)))))


def added_date(mtime_ns: int) -> str:
    """When a posting was saved, as the file's modification date: stable across rebuilds."""
    return datetime.fromtimestamp(mtime_ns / 1e9, tz=UTC).date().isoformat()


def parse_file(task: tuple[str, str, int, int]) -> dict[str, Any]:
    root, source, size, mtime_ns = task
    try:
        raw = (Path(root) / source).read_bytes()
    except OSError as error:
        reason = clean_line(f"cannot be read ({error.strerror or error})")
        return {"source": source, "size": size, "mtime_ns": mtime_ns, "skipped": reason}
    return parse_bytes(raw, source, size, mtime_ns)


def parse_bytes(raw: bytes, source: str, size: int, mtime_ns: int) -> dict[str, Any]:
    from tui.parsing import SkipFile, identity_key, parse_posting  # loaded on first parse

    result: dict[str, Any] = {"source": source, "size": size, "mtime_ns": mtime_ns}
    try:
        parsed = parse_posting(raw, source)
    except SkipFile as skip:
        result["content_hash"] = hashlib.sha256(raw).hexdigest()
        result["skipped"] = clean_line(skip.reason)
        return result
    posting = parsed.posting
    result["content_hash"] = posting.content_hash
    result["identity_key"] = identity_key(posting)
    result["warnings"] = [clean_line(warning) for warning in parsed.warnings]
    result["posting"] = {**posting.to_dict(), "added": added_date(mtime_ns)}
    result["body"] = posting.body
    result["words"] = search_words(posting.title, posting.company, posting.body)
    return result
