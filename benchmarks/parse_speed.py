"""``make bench-parse``: parse cost per posting, this parser beside an older one, same run.

The baseline is the ``tui`` package of a git revision (``--base``, default: the last
commit before the extraction rewrite), unpacked into a temporary folder and run by the
same Python. Each side parses the same files in its own process, rounds interleaved
(base, head, base, head, …) so that machine noise hits both; the figure per side is the
best round's median per posting (CPU time of the parsing thread, so that a box shared
with other work measures the parser, not the queue for a core), and the ratio
head / base is what to read.

    python -m benchmarks.parse_speed [--base REV] [--rounds 3] [--files N]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks.generate import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
BASE = "de12188"  # main before issue 10 (the extraction rewrite)
CORPUS = ROOT.parent / "shared" / "corpus"

TIMER = r"""
import json, statistics, sys, time
from pathlib import Path
from tui.parsing import parse_posting
files = [Path(p) for p in json.loads(sys.argv[1])]
raws = [(f.read_bytes(), f.name) for f in files]
for raw, name in raws[:20]:  # tables and patterns load once per process, not per posting
    parse_posting(raw, name)
costs = []
clock = time.thread_time  # CPU time: on a shared box, waiting for a core is not parse cost
for raw, name in raws:
    start = clock()
    try:
        parse_posting(raw, name)
    except Exception:
        pass
    costs.append(clock() - start)
print(json.dumps({"median": statistics.median(costs), "mean": statistics.fmean(costs)}))
"""


def _unpack(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "tui", "seeds"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _round(code_root: Path, files: list[Path]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", TIMER, json.dumps([str(f) for f in files])],
                         cwd=code_root, env={"PYTHONPATH": str(code_root)},
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def _sets(scratch: Path, count: int) -> dict[str, list[Path]]:
    generated = scratch / "generated"
    generate_corpus(generated, count)
    sets = {"generated": sorted(p for p in generated.rglob("*") if p.is_file())[:count]}
    if (CORPUS / "postings").is_dir():
        sets["labelled real (60)"] = sorted((CORPUS / "postings").iterdir())
        bulk = sorted((CORPUS / "bulk").iterdir()) if (CORPUS / "bulk").is_dir() else []
        if bulk:
            sets[f"bulk real ({min(count, len(bulk))})"] = bulk[::max(1, len(bulk) // count)][
                :count]
    return sets


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jobtui-parse-speed-") as tmp:
        scratch = Path(tmp)
        base_root = _unpack(args.base, scratch / "base")
        print(f"parse cost per posting: {args.base} (base) against this checkout (head), "
              f"best of {args.rounds} interleaved rounds")
        print(f"{'set':<22} {'base ms':>9} {'head ms':>9} {'head/base':>10}")
        for name, files in _sets(scratch, args.files).items():
            base, head = [], []
            for _ in range(args.rounds):
                base.append(_round(base_root, files)["median"])
                head.append(_round(ROOT, files)["median"])
            b, h = min(base) * 1000, min(head) * 1000
            print(f"{name:<22} {b:>9.2f} {h:>9.2f} {h / b:>9.2f}x")


if __name__ == "__main__":
    main()
