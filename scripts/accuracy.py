"""`make accuracy`: score the parser on the hand-labelled real postings of ../shared/corpus.

Runs the real export (`jobtui --postings CORPUS export --format json`, into a
throw-away data folder) and the corpus's own scorer on each label file and on all
of them together. Skips with a message where the corpus is not beside the checkout
(set JOBTUI_CORPUS to point elsewhere). Extra arguments go to the scorer
(e.g. `--verbose`, `--field locations`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    chosen = os.environ.get("JOBTUI_CORPUS")
    path = Path(chosen) if chosen else ROOT.parent / "shared" / "corpus"
    return path if (path / "score.py").is_file() and (path / "postings").is_dir() else None


def main(argv: list[str]) -> int:
    corpus = corpus_dir()
    if corpus is None:
        print("make accuracy: no labelled corpus at ../shared/corpus (or $JOBTUI_CORPUS); skipped")
        return 0
    labels = sorted(corpus.glob("labels-*.json"))
    with tempfile.TemporaryDirectory(prefix="jobtui-accuracy-") as scratch:
        export = Path(scratch) / "export.json"
        with export.open("wb") as out:
            subprocess.run(
                [sys.executable, "-m", "tui.cli", "--postings", str(corpus / "postings"),
                 "--data-dir", str(Path(scratch) / "data"), "export", "--format", "json"],
                stdout=out, check=True,
            )
        score = [sys.executable, str(corpus / "score.py"), str(export)]
        for label in labels:
            print(f"== {label.name}")
            subprocess.run([*score, str(label)], check=True)
        print("== all")
        return subprocess.run([*score, *map(str, labels), *argv]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
