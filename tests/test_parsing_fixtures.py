"""The parser on postings it was not written for: hand-labelled fixtures, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fixture_accuracy import FIELDS, FIXTURES, FOLDERS, measure, measure_all
from tui.parsing import parse_posting

EXPECTED = json.loads((FIXTURES / "expected.json").read_text("utf-8"))


def test_fixture_folder_is_varied_enough() -> None:
    files = list((FIXTURES / "postings").iterdir())
    assert len(files) >= 25
    assert {path.suffix for path in files} >= {".md", ".txt"}


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_is_right_on_nearly_every_fixture(field: str) -> None:
    scores, misses = measure(FIXTURES)
    assert scores[field] >= 0.9, "\n".join(m for m in misses if f" {field}:" in m)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_and_stack_of_each_fixture(name: str) -> None:
    posting = parse_posting((FIXTURES / "postings" / name).read_bytes(), name).posting
    expected = EXPECTED[name]
    assert posting.title
    assert set(expected.get("stack_includes", ())) <= set(posting.stack)
    assert not set(expected.get("stack_excludes", ())) & set(posting.stack)


def test_mojibake_is_repaired_and_body_keeps_no_front_matter() -> None:
    for name in EXPECTED:
        posting = parse_posting((FIXTURES / "postings" / name).read_bytes(), name).posting
        text = posting.title + posting.company + " ".join(posting.locations) + posting.body
        assert "Ã" not in text and "ðŸ" not in text, name
        assert not posting.body.lstrip().startswith("---"), name


@pytest.mark.parametrize("name", ["holdout", "holdout2", "holdout3"])
def test_holdout_sets_are_mostly_right(name: str) -> None:
    holdout = FIXTURES / name
    if not (holdout / "expected.json").exists():
        pytest.skip("no held-out fixtures")
    scores, misses = measure(holdout)
    assert sum(scores.values()) / len(scores) >= 0.85, "\n".join(misses)
    assert min(scores.values()) >= 0.75, "\n".join(misses)


def test_board_chrome_is_gone_and_the_posting_stays_on_every_labelled_fixture() -> None:
    for folder in FOLDERS:
        counts, misses = measure_all(folder)
        hit, total = counts["body"]
        assert hit == total, "\n".join(m for m in misses if " body:" in m)
        hit, total = counts["salary"]
        assert hit >= 0.9 * total, "\n".join(m for m in misses if " salary:" in m)


def test_repeated_paragraphs_appear_once(tmp_path: Path) -> None:
    paragraph = "We build tools that help nurses plan their shifts across many hospitals."
    raw = f"# Nurse Tools Engineer\n\n{paragraph}\n\n  \n\n{paragraph}\n\nRust and Python.\n"
    posting = parse_posting(raw.encode(), "x.md").posting
    assert posting.body.count(paragraph) == 1
    assert {"rust", "python"} <= set(posting.stack)
