"""Field-by-field accuracy of the parser on the hand-labelled fixtures folders.

``python -m tests.fixture_accuracy`` prints the table for every folder; the
tests assert floors. Each folder holds ``postings/`` and ``expected.json``.

Besides the seven core fields, an entry may state ``salary_includes`` (text the
salary must contain) and ``body_excludes`` / ``body_includes`` (lines of site
chrome that must be gone from the cleaned body, and text that must stay):
those two checks are scored only over the entries that state them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from tui.model import Posting
from tui.parsing import parse_posting
from tui.text import fold

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("title", "company", "locations", "remote", "remote_scope", "stack", "url")
OPTIONAL = ("salary", "body")
FOLDERS = (FIXTURES, FIXTURES / "holdout", FIXTURES / "holdout2", FIXTURES / "holdout3")


@cache
def _parsed(path: Path) -> Posting:
    return parse_posting(path.read_bytes(), path.name).posting


def _check(name: str, posting: Posting, expected: dict) -> bool:
    if name == "locations":
        return [fold(p) for p in posting.locations] == [fold(p) for p in expected["locations"]]
    if name == "stack":
        found = set(posting.stack)
        return set(expected.get("stack_includes", ())) <= found and not (
            set(expected.get("stack_excludes", ())) & found)
    if name in {"title", "company"}:
        return fold(getattr(posting, name)) == fold(expected[name])
    if name == "salary":
        return expected["salary_includes"] in posting.salary
    if name == "body":
        return all(text not in posting.body for text in expected.get("body_excludes", ())) and all(
            text in posting.body for text in expected.get("body_includes", ()))
    return getattr(posting, name) == expected.get(name, "" if name != "remote" else False)


def _states(name: str, expected: dict) -> bool:
    if name == "salary":
        return "salary_includes" in expected
    if name == "body":
        return "body_excludes" in expected or "body_includes" in expected
    return True


def _wanted(name: str, expected: dict) -> object:
    if name == "stack":
        return {"includes": expected.get("stack_includes"),
                "excludes": expected.get("stack_excludes")}
    if name == "salary":
        return expected["salary_includes"]
    if name == "body":
        return {"excludes": expected.get("body_excludes"),
                "includes": expected.get("body_includes")}
    return expected.get(name)


def measure_all(folder: Path = FIXTURES) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Right answers and entries scored per field over ``folder``, and the misses."""
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    counts = {name: [0, 0] for name in FIELDS + OPTIONAL}
    misses: list[str] = []
    for file_name, fields in sorted(expected.items()):
        posting = _parsed(folder / "postings" / file_name)
        for name in FIELDS + OPTIONAL:
            if not _states(name, fields):
                continue
            counts[name][1] += 1
            if _check(name, posting, fields):
                counts[name][0] += 1
            else:
                got = posting.body if name == "body" else getattr(posting, name)
                misses.append(f"{file_name} {name}: got {got!r}, want {_wanted(name, fields)!r}")
    return {name: (hit, total) for name, (hit, total) in counts.items()}, misses


def measure(folder: Path = FIXTURES) -> tuple[dict[str, float], list[str]]:
    """Per-field share of right answers over ``folder``'s core fields, and every miss."""
    counts, misses = measure_all(folder)
    return {name: counts[name][0] / counts[name][1] for name in FIELDS}, misses


if __name__ == "__main__":
    for folder in FOLDERS:
        if not (folder / "expected.json").exists():
            continue
        counts, missed = measure_all(folder)
        print(f"== {folder.relative_to(FIXTURES.parent)}")
        for name, (hit, total) in counts.items():
            if total:
                print(f"{name:14} {hit / total:6.1%}  ({hit}/{total})")
        core = [counts[name][0] / counts[name][1] for name in FIELDS]
        print(f"{'core fields':14} {sum(core) / len(core):6.1%}")
        print("\n".join(missed))
        print()
