"""Field-by-field accuracy of the parser on the hand-labelled fixtures folder.

``python -m tests.fixture_accuracy`` prints the table; the test asserts floors.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.model import Posting
from tui.parsing import parse_posting
from tui.query import fold

FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = ("title", "company", "locations", "remote", "remote_scope", "stack", "url")


def _check(name: str, posting: Posting, expected: dict) -> bool:
    if name == "locations":
        return [fold(p) for p in posting.locations] == [fold(p) for p in expected["locations"]]
    if name == "stack":
        found = set(posting.stack)
        return set(expected.get("stack_includes", ())) <= found and not (
            set(expected.get("stack_excludes", ())) & found)
    if name in {"title", "company"}:
        return fold(getattr(posting, name)) == fold(expected[name])
    return getattr(posting, name) == expected.get(name, "" if name != "remote" else False)


def measure(folder: Path = FIXTURES) -> tuple[dict[str, float], list[str]]:
    """Per-field share of right answers over ``folder``'s ``expected.json``, and the misses."""
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    hits = dict.fromkeys(FIELDS, 0)
    misses: list[str] = []
    for file_name, fields in sorted(expected.items()):
        raw = (folder / "postings" / file_name).read_bytes()
        posting = parse_posting(raw, file_name).posting
        for name in FIELDS:
            if _check(name, posting, fields):
                hits[name] += 1
            else:
                wanted = fields.get(name, fields.get("stack_includes"))
                misses.append(f"{file_name} {name}: got {getattr(posting, name)!r}, "
                              f"want {wanted!r}")
    return {name: hits[name] / len(expected) for name in FIELDS}, misses


if __name__ == "__main__":
    for folder in (FIXTURES, FIXTURES / "holdout"):
        if not (folder / "expected.json").exists():
            continue
        scores, missed = measure(folder)
        print(f"== {folder.relative_to(FIXTURES.parent)}")
        for name, score in scores.items():
            print(f"{name:14} {score:6.1%}")
        print(f"{'all fields':14} {sum(scores.values()) / len(scores):6.1%}")
        print("\n".join(missed))
