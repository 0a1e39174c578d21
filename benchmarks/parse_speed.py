"""``make bench-parse``: parse cost per posting, this parser beside an older one, same run.

The baseline is the ``tui`` package of a git revision (``--base``, default: the last
commit before the extraction rewrite), unpacked into a temporary folder and run by the
same Python. Each side parses the same files in its own process, rounds interleaved
(base, head, base, head, …) so that machine noise hits both; the figure per side is the
best round's median per posting (CPU time of the parsing thread, so that a box shared
with other work measures the parser, not the queue for a core), and the ratio
head / base is what to read.

    python -m benchmarks.parse_speed [--base REV] [--rounds 3] [--files N] [--stages]

``--stages`` adds where this checkout's parse time goes: CPU time per posting in each
step ``parse_posting`` calls (each wrapped with a timer where ``tui.parsing.posting``
looks it up), best of the rounds, and its share of the whole.
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


STAGES = r"""
import collections, json, sys, time
from pathlib import Path
import tui.parsing.posting as steps
from tui.parsing import parse_posting
files = [Path(p) for p in json.loads(sys.argv[1])]
raws = [(f.read_bytes(), f.name) for f in files]
spent = collections.Counter()
clock = time.thread_time

def timed(name, step):
    def run(*args, **kwargs):
        start = clock()
        try:
            return step(*args, **kwargs)
        finally:
            spent[name] += clock() - start
    return run

for name, value in list(vars(steps).items()):  # the steps parse_posting calls by name
    if callable(value) and not isinstance(value, type) and name != "parse_posting" and (
            getattr(value, "__module__", "") or "").startswith(("tui.parsing", "tui.sanitize")):
        setattr(steps, name, timed(name, value))
for raw, name in raws[:20]:
    parse_posting(raw, name)
spent.clear()
start = clock()
for raw, name in raws:
    try:
        parse_posting(raw, name)
    except Exception:
        pass
whole = clock() - start
spent["(parse_posting itself)"] = whole - sum(spent.values())
print(json.dumps({"whole": whole / len(raws), **{k: v / len(raws) for k, v in spent.items()}}))
"""


def _unpack(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "tui", "seeds"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _round(code_root: Path, files: list[Path], script: str = TIMER) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", script, json.dumps([str(f) for f in files])],
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
    parser.add_argument("--stages", action="store_true",
                        help="also print where this checkout's parse time goes, step by step")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jobtui-parse-speed-") as tmp:
        scratch = Path(tmp)
        base_root = _unpack(args.base, scratch / "base")
        print(f"parse cost per posting: {args.base} (base) against this checkout (head), "
              f"best of {args.rounds} interleaved rounds")
        print(f"{'set':<22} {'base ms':>9} {'head ms':>9} {'head/base':>10}")
        sets = _sets(scratch, args.files)
        for name, files in sets.items():
            base, head = [], []
            for _ in range(args.rounds):
                base.append(_round(base_root, files)["median"])
                head.append(_round(ROOT, files)["median"])
            b, h = min(base) * 1000, min(head) * 1000
            print(f"{name:<22} {b:>9.2f} {h:>9.2f} {h / b:>9.2f}x")
        if args.stages:
            _print_stages(sets, args.rounds)


def _print_stages(sets: dict[str, list[Path]], rounds: int) -> None:
    """Each step's CPU ms per posting (mean over the files, best round) and its share."""
    best: dict[str, dict[str, float]] = {}
    for name, files in sets.items():
        for _ in range(rounds):
            for step, cost in _round(ROOT, files, STAGES).items():
                kept = best.setdefault(name, {})
                kept[step] = min(cost, kept.get(step, cost))
    names = list(best)
    print("\nwhere this checkout's parse time goes: CPU ms per posting (mean), share")
    print(f"{'step':<26}" + "".join(f" {name[:18]:>22}" for name in names))
    steps = {step for costs in best.values() for step in costs}  # (a step some set never runs)
    for step in sorted(steps, key=lambda key: -max(costs.get(key, 0.0) for costs in best.values())):
        cells = []
        for name in names:
            cost, whole = best[name].get(step, 0.0), best[name]["whole"]
            cells.append(f" {cost * 1000:>13.3f} {cost / whole:>7.0%}")
        print(f"{step:<26}" + "".join(cells))


if __name__ == "__main__":
    main()
