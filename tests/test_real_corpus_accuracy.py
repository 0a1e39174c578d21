"""The parser's accuracy on real postings labelled by others never regresses.

The corpus lives outside the project (../shared/corpus: texts for measuring only,
never copied here); where it is absent the test skips. Scoring uses the corpus's
own scorer, on records parsed exactly as the export writes them.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from scripts.accuracy import corpus_dir
from tui.parsing import parse_posting

# The bar of the extraction issue: every field at least 0.90, the mean at least 0.95
# (measured on the final parser: title 0.967, company 0.950, remote 0.933, url 0.983,
# locations 0.966, stack 0.930, mean 0.955).
FLOORS = {"title": 0.90, "company": 0.90, "remote": 0.90, "url": 0.90,
          "locations": 0.90, "stack": 0.90}
MEAN_FLOOR = 0.95


def _scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def field_scores(corpus: Path) -> dict[str, float]:
    score = _scorer(corpus)
    labels = [lab for path in sorted(corpus.glob("labels-*.json"))
              for lab in json.loads(path.read_text(encoding="utf-8"))]
    per_field: dict[str, list[float]] = {name: [] for name in score.CORE}
    for lab in labels:
        path = corpus / "postings" / lab["file"]
        rec = parse_posting(path.read_bytes(), lab["file"]).posting.to_dict()
        want_c = lab.get("company")
        per_field["title"].append(float(score.same_name(lab["title"], rec["title"])))
        per_field["company"].append(float(
            not score.norm(rec["company"]) if want_c is None
            else score.same_name(want_c, rec["company"])))
        per_field["remote"].append(float(bool(rec["remote"]) == bool(lab.get("remote"))))
        per_field["url"].append(float(score.url_key(rec["url"]) == score.url_key(lab.get("url"))))
        per_field["locations"].append(
            score.score_locations(lab.get("locations") or [], rec["locations"])[0])
        per_field["stack"].append(score.score_stack(lab.get("stack") or [], rec["stack"])[0])
    return {name: sum(values) / len(values) for name, values in per_field.items()}


def test_real_postings_keep_their_accuracy() -> None:
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("no labelled corpus beside the checkout (../shared/corpus)")
    scores = field_scores(corpus)
    mean = sum(scores.values()) / len(scores)
    below = {name: round(value, 3) for name, value in scores.items() if value < FLOORS[name]}
    assert below == {}, f"fields under their floor: {below} (all: {scores})"
    assert mean >= MEAN_FLOOR, f"mean {mean:.3f} < {MEAN_FLOOR} ({scores})"
