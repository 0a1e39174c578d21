"""``make bench``: jobtui at 1k / 10k / 100k postings, each figure beside a same-run baseline.

For each size, in a fresh process (so peak RSS is that size's own):
cold build, no-change rebuild, one-file-changed rebuild, loading the cache
and indexing it, filter keystroke → list repainted over a scripted sequence of
typed queries and facet toggles (against a plain Python scan of the same
postings), a sort change, opening a posting in the detail pane, and peak RSS.
Then, in a real terminal (tmux): warm start until the list shows every
posting, and a cold start (no cache) until its first step of postings is listed, against
a bare Textual app's first frame.

    python -m benchmarks.run [--quick] [--sizes 1000,10000] [--out benchmarks/out]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.first_frame import bare_baseline, peak_rss_mb, time_to_first_frame
from benchmarks.generate import generate_corpus, touch_one
from tui.library import FIRST_BUILD_STEP

ROOT = Path(__file__).resolve().parent.parent
TYPED = "stack:rust loc:berlin senior"
TOGGLES = ('loc:"New York"', "stack:python", "is:remote", "-stack:java", "company:a",
           "status:applied", "")
# Issue 12: the same filters with a week's tracking in place (hidden postings and
# companies leave every result), and the follow-up qualifiers.
WEEK_QUERIES = ("", "changed:>14d", "changed:<7d", "applied:>2w status:applied", "is:hidden",
                "stack:python", "stack:rust loc:berlin", "-stack:java", "is:remote")
TRACKED_SHARE = 50  # one posting in 50 tracked: 2,000 at 100k
HIDDEN_SHARE = 100  # one in 100 hidden by hand
HIDDEN_COMPANIES = 20
# Issue 12: salary comparisons (a bare figure is in the most common currency).
SALARY_QUERIES = ("salary:>=90k", "salary:>=90k -salary:unknown", "salary:90k-120k",
                  "salary:<=150keur", "salary:>120k stack:python", "-salary:unknown", "")
# The synthetic postings state no pay in a form the parser reads; this share of them is
# given one (currency, period, range) so that salary: filters have work to do.
PAY_SHARE = 0.4
PAYS = (("USD", "year", 60_000, 220_000), ("EUR", "year", 40_000, 130_000),
        ("GBP", "year", 40_000, 120_000), ("USD", "hour", 30, 150),
        ("RUB", "month", 100_000, 600_000))
PARSE_SAMPLE = 400  # files parsed in-process to weigh the fingerprint against the parse


def _corpus(out: Path, size: int) -> Path:
    corpus = out / f"corpus-{size}"
    marker = corpus / ".complete"
    if not marker.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate_corpus(corpus, size)
        marker.write_text("ok")
    return corpus


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (a build's pool workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(function: Any, *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def _queries() -> list[str]:
    typed = [TYPED[:end] for end in range(1, len(TYPED) + 1)]
    return typed + list(TOGGLES)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure_size(corpus: Path, data: Path) -> dict[str, Any]:
    """Every in-process figure for one corpus; run in a child process."""
    from tui.catalog import Catalog
    from tui.query import fold, parse_query
    from tui.store.cache import PostingCache

    shutil.rmtree(data, ignore_errors=True)
    size = sum(1 for path in corpus.rglob("*") if path.is_file() and path.suffix in {".md", ".txt"})
    figures: dict[str, Any] = {"postings": size}
    # CPU as well as wall: on a shared box the wall time is mostly the load, while the
    # CPU per posting in the workers (against the parse alone) and the main process's
    # CPU (competing with them for the cores) say where a build's time goes.
    main_cpu, workers_cpu = time.process_time(), _children_cpu()
    cold, report = _timed(PostingCache(data, corpus).build)
    figures["cold_build_s"] = cold
    figures["cold_build_per_s"] = size / cold
    figures["cold_build_main_cpu_s"] = time.process_time() - main_cpu
    figures["cold_build_worker_ms"] = (_children_cpu() - workers_cpu) / size * 1000
    figures["skipped"] = len(report.skipped)
    figures["no_change_rebuild_s"], _ = _timed(PostingCache(data, corpus).build)
    touch_one(corpus, 0)
    figures["one_change_rebuild_s"], _ = _timed(PostingCache(data, corpus).build)
    figures.update(_watcher_refresh(corpus, data))

    cache = PostingCache(data, corpus)
    figures["load_cache_s"], postings = _timed(cache.postings)
    cache.release_records()  # as the app does
    postings = _with_pay(postings)
    figures.update(_grouping_cost(corpus, postings, cold))
    figures["build_index_s"], catalog = _timed(Catalog, postings, {})
    figures["roles"] = catalog.roles  # rows listed: duplicates are one row
    words_s, _ = _timed(lambda: catalog.set_search_texts(cache.search_texts()))
    figures["word_index_s"] = words_s

    # Baseline: the obvious implementation, a substring scan over every posting.
    haystacks = [fold(" ".join([p.title, p.company, *p.locations, *p.stack])) for p in postings]
    scan: list[float] = []
    for text in _queries():
        words = [w.split(":")[-1].strip('"') for w in text.split() if not w.startswith("-")]
        elapsed, _ = _timed(lambda ws=words: [
            i for i, hay in enumerate(haystacks) if all(fold(w) in hay for w in ws)])
        scan.append(elapsed)
    figures["scan_median_ms"] = statistics.median(scan) * 1000

    figures.update(asyncio.run(_measure_app(corpus, data, catalog)))
    sorts: list[float] = []
    for sort in ("title", "company", "added"):
        catalog._orders.pop(sort, None)  # a sort the catalog has not cached yet
        sorts.append(_timed(catalog.filter, parse_query("stack:python"), sort)[0])
    figures["sort_change_ms"] = statistics.median(sorts) * 1000
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["peak_rss_build_workers_mb"] = (
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return figures


def _watcher_refresh(corpus: Path, data: Path) -> dict[str, float]:
    """One file changed → the catalog the list shows, as a folder watcher triggers it in
    the app: Library.refresh_files (the changed path named) patching the catalog the
    screen holds, one edit after another, against the same-run baseline of a full
    refresh and a catalog read from the cache. Median of three each.

    The baseline runs first: each of its catalogs is thrown away, which the app never
    does, and freeing one (0.2-0.4 s at 100k) would otherwise land in the next timed
    patch. The watched catalog then has its facet indexes, as the app builds them
    once the list is painted. The first patch after a start also decodes files.json
    and counts its ids once (``watch_first_refresh_s``)."""
    from tui.library import Library

    library = Library(corpus, data)
    full: list[float] = []
    for index in range(11, 14):
        touch_one(corpus, index)
        elapsed, _ = _timed(lambda: (library.refresh(), library.listed()))
        full.append(elapsed)
    listed = library.listed()
    listed.index_facets()
    targeted: list[float] = []
    for index in range(1, 4):
        path = touch_one(corpus, index)
        elapsed, (_report, catalog) = _timed(library.refresh_files, [path], listed)
        targeted.append(elapsed)
        listed = catalog or listed
    return {"watch_refresh_s": statistics.median(targeted),
            "watch_first_refresh_s": targeted[0],
            "full_refresh_s": statistics.median(full)}


@contextlib.asynccontextmanager
async def _bench_app(corpus: Path, data: Path, catalog: Any) -> AsyncIterator[tuple[Any, Any]]:
    """The real app (headless, 160×45) listing ``catalog``; yields (app, pilot)."""
    from tui.ui.app import JobTuiApp
    from tui.ui.messages import CatalogReady
    from tui.ui.screens.main import MainScreen

    # The catalog is ours (this is a child process of its own): nothing is loaded.
    MainScreen.load_postings = lambda self, *_: None  # type: ignore[method-assign,assignment]
    app = JobTuiApp(postings_dir=corpus, data_dir=data)
    async with app.run_test(size=(160, 45)) as pilot:
        app.main.post_message(CatalogReady(catalog))  # the indexed catalog measured above
        for _ in range(4):
            await pilot.pause()
            await app.workers.wait_for_complete()
        yield app, pilot


async def _measure_app(corpus: Path, data: Path, catalog: Any) -> dict[str, float]:
    """Keystroke → list repainted, and opening a posting, in the real app (headless)."""
    from tui.query import parse_query
    from tui.ui.widgets.posting_list import PostingList

    async with _bench_app(corpus, data, catalog) as (app, pilot):
        posting_list = app.query_one(PostingList)
        figures = await _measure_filters(app, pilot)
        app.main.apply_query(parse_query(""))
        opens: list[float] = []
        for posting_id in posting_list.ids[:5]:
            start = time.perf_counter()
            posting = replace(app.main.catalog.posting(posting_id),
                              body=app.library.body(posting_id))
            await app.main.detail.show(posting, app.main.catalog.tracking(posting_id))
            opens.append(time.perf_counter() - start)
        figures["detail_open_median_ms"] = statistics.median(opens) * 1000
        figures.update(_measure_week(app, posting_list, posting_list.size.height))
    return figures


def _repaint(app: Any, posting_list: Any, text: str) -> float:
    """Seconds from applying ``text`` on the main screen to every visible row drawn."""
    from tui.query import parse_query

    query = parse_query(text)
    start = time.perf_counter()
    app.main.apply_query(query)
    for y in range(posting_list.size.height):
        posting_list.render_line(y)
    return time.perf_counter() - start


async def _measure_filters(app: Any, pilot: Any) -> dict[str, float]:
    """Typed queries and facet toggles, then SALARY_QUERIES: filter → list repainted."""
    from tui.ui.widgets.posting_list import PostingList

    posting_list = app.query_one(PostingList)
    repaint: list[float] = []
    facets: list[float] = []
    for text in _queries():
        repaint.append(_repaint(app, posting_list, text))
        start = time.perf_counter()
        app.main._update_facets()
        facets.append(time.perf_counter() - start)
        await pilot.pause()
    salary: list[float] = []
    for text in SALARY_QUERIES:
        salary.append(_repaint(app, posting_list, text))
        await pilot.pause()
    return {"filter_median_ms": statistics.median(repaint) * 1000,
            "filter_p95_ms": _p95(repaint) * 1000,
            "facets_median_ms": statistics.median(facets) * 1000,
            "salary_filter_median_ms": statistics.median(salary) * 1000}


def measure_filters(corpus: Path, data: Path, rounds: int = 3) -> dict[str, Any]:
    """Only the filter → repaint figures (and grouping), over the postings of a cache
    already built in ``data`` (read, never written: the app gets a folder of its own),
    ``rounds`` times each in one app, each figure the median of the rounds' medians:
    a quick look at 100k without a two-minute cold build. ``--filters CORPUS DATA``."""
    import tempfile

    from tui.catalog import Catalog
    from tui.parsing.duplicates import group_duplicates
    from tui.store.cache import PostingCache

    cache = PostingCache(data, corpus)
    postings = _with_pay(cache.postings())
    if not postings:
        raise SystemExit(f"no cache of {corpus} in {data}: build it first")
    figures: dict[str, Any] = {"postings": len(postings)}
    figures["grouping_s"], _ = _timed(group_duplicates, postings)
    figures["build_index_s"], catalog = _timed(Catalog, postings, {})
    catalog.set_search_texts(cache.search_texts())
    cache.release_records()

    async def measure() -> list[dict[str, float]]:
        from tui.ui.widgets.posting_list import PostingList

        with tempfile.TemporaryDirectory() as own:
            async with _bench_app(corpus, Path(own), catalog) as (app, pilot):
                posting_list = app.query_one(PostingList)
                runs = [await _measure_filters(app, pilot) for _ in range(rounds)]
                height = posting_list.size.height
                week = _measure_week(app, posting_list, height)  # tracking stays in place
                runs[0].update(week)
                for run in runs[1:]:
                    run.update(_week_repaints(app, posting_list))
        return runs

    runs = asyncio.run(measure())
    for key in runs[0]:
        figures[key] = statistics.median(run[key] for run in runs if key in run)
    return figures


def _measure_week(app: Any, posting_list: Any, height: int) -> dict[str, float]:
    """Filter → repaint with tracking, hidden postings and hidden companies in place,
    over WEEK_QUERIES (the changed:/applied: qualifiers among them)."""
    from datetime import date, timedelta

    from tui.model import StatusChange, Tracking
    from tui.query import parse_query

    catalog = app.main.catalog
    ids = list(catalog.filter(parse_query("")))
    today = date.today()
    for number, posting_id in enumerate(ids[::TRACKED_SHARE]):
        day = (today - timedelta(days=number % 60)).isoformat()
        catalog.update_tracking(Tracking(posting_id, status="applied",
                                         history=(StatusChange("applied", day),)))
    for posting_id in ids[1::HIDDEN_SHARE]:
        catalog.update_tracking(Tracking(posting_id, hidden=True))
    companies = sorted({catalog.posting(i).company for i in ids[:5000]} - {""})
    catalog.set_hidden_companies(companies[:HIDDEN_COMPANIES])
    return {**_week_repaints(app, posting_list), "week_hidden": len(catalog.hidden_ids())}


def _week_repaints(app: Any, posting_list: Any) -> dict[str, float]:
    repaint = [_repaint(app, posting_list, text) for text in WEEK_QUERIES]
    return {"week_filter_median_ms": statistics.median(repaint) * 1000,
            "week_filter_p95_ms": _p95(repaint) * 1000}


def _with_pay(postings: list[Any]) -> list[Any]:
    """``postings`` with a stated salary on a deterministic ``PAY_SHARE`` of them."""
    rng = random.Random(12)
    paid = []
    for posting in postings:
        if rng.random() < PAY_SHARE:
            currency, period, low, high = rng.choice(PAYS)
            bottom = rng.randint(low, high)
            posting = replace(posting, salary_min=bottom, salary_max=int(bottom * 1.2),
                              salary_currency=currency, salary_period=period)
        paid.append(posting)
    return paid


def _grouping_cost(corpus: Path, postings: list[Any], cold: float) -> dict[str, float]:
    """What finding duplicates adds to a cold build: the body fingerprint, a share of
    each parse (weighed on a sample parsed here, in one process), and grouping the
    postings when the catalog is built, against the cold build's wall time."""
    from tui.parsing.duplicates import group_duplicates
    from tui.parsing.fingerprint import fingerprint
    from tui.parsing.posting import parse_posting

    files = sorted(p for p in corpus.rglob("*") if p.suffix in {".md", ".txt"})[:PARSE_SAMPLE]
    raws = [(path.read_bytes(), path.name) for path in files]
    parse_s, parsed = _timed(lambda: [parse_posting(raw, name).posting for raw, name in raws])
    print_s, _ = _timed(lambda: [fingerprint(posting.body) for posting in parsed])
    group_s, groups = _timed(group_duplicates, postings)
    share = print_s / max(parse_s - print_s, 1e-9)  # against a parse without it
    return {"fingerprint_share": share, "grouping_s": group_s,
            "grouping_share": group_s / cold, "dedupe_vs_cold_build": share + group_s / cold,
            "duplicate_groups": len(groups)}


def _child(corpus: Path, data: Path) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", str(corpus), str(data)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


FIRST_FRAME_MARKER = "/ search"  # the search box's placeholder: drawn in the first frame


def _start_times(corpus: Path, data: Path, marker: str, repeats: int) -> list[float]:
    jobtui = str(Path(sys.executable).with_name("jobtui"))
    env = {"JOBTUI_DATA_DIR": str(data), "JOBTUI_POSTINGS": str(corpus)}
    # A shared box can be many times slower than a quiet one: wait long rather than fail.
    return [time_to_first_frame([jobtui], marker=marker, env=env, cwd=ROOT, timeout=300.0)
            for _ in range(repeats)]


def _compile_sources() -> None:
    """Byte-compile the project's modules before timing starts, as an installed jobtui
    (pip compiles it) or any second start (Python writes __pycache__) has them. Under
    PYTHONDONTWRITEBYTECODE no start writes them, and every start compiled the ~50
    modules it imports from source, which Textual's (compiled by pip) never are: ~0.16
    to 0.21 s more CPU to the first frame (10k, 10 interleaved in-process starts)."""
    import compileall

    for package in ("tui", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def _warm_starts(corpus: Path, data: Path, repeats: int) -> dict[str, Any]:
    """Warm start → first frame and → every posting listed, each against a bare app's
    first frame. A warm start opens a cache the app has opened before: the cache was
    built in-process, so it is opened once first, untimed, as the app opens it (the
    first start after a build reads the records and saves listing.bin for the next)."""
    from tui.library import Library

    _compile_sources()
    listed: list[int] = []
    Library(corpus, data).load(lambda catalog: listed.append(catalog.roles))
    figures: dict[str, Any] = {}
    # Each start is paired with a bare app's start right before it, and the ratio
    # is taken per pair: on a shared box the load changes within a run, and a
    # baseline measured minutes earlier would credit or blame jobtui for it.
    first, filled, bares = [], [], []
    filled_marker = f"{listed[-1]:,} / {listed[-1]:,}"
    for _ in range(repeats):
        bares.append(bare_baseline(sys.executable, 1)[0])
        first.append(_start_times(corpus, data, FIRST_FRAME_MARKER, 1)[0])
        filled.append(_start_times(corpus, data, filled_marker, 1)[0])
    figures["first_frame_s"] = statistics.median(first)
    figures["list_filled_s"] = statistics.median(filled)
    figures["paired_bare_s"] = statistics.median(bares)
    figures["first_frame_ratio"] = statistics.median(
        f / b for f, b in zip(first, bares, strict=True))
    figures["list_filled_ratio"] = statistics.median(
        f / b for f, b in zip(filled, bares, strict=True))
    return figures


TABLE = (
    ("cold build", "cold_build_per_s", "{:,.0f} postings/s", "≥ 2,000/s"),
    ("  workers' CPU per posting", "cold_build_worker_ms", "{:.2f} ms", ""),
    ("  main process CPU", "cold_build_main_cpu_s", "{:.2f} s", ""),
    ("no-change rebuild", "no_change_rebuild_s", "{:.2f} s", "< 0.5 s"),
    ("one file changed", "one_change_rebuild_s", "{:.2f} s", "< 0.5 s"),
    ("one file changed → list (watcher)", "watch_refresh_s", "{:.2f} s", "≤ 0.3 s"),
    ("  first change after the list is read", "watch_first_refresh_s", "{:.2f} s", ""),
    ("  baseline: full refresh + reload", "full_refresh_s", "{:.2f} s", ""),
    ("  watcher ÷ full", "watch_vs_full", "{:.2f}×", ""),
    ("load cache + index", "load_and_index_s", "{:.2f} s", ""),
    ("word index (worker)", "word_index_s", "{:.2f} s", ""),
    ("filter → list repaint, median", "filter_median_ms", "{:.1f} ms", "< 16 ms"),
    ("filter → list repaint, p95", "filter_p95_ms", "{:.1f} ms", "< 33 ms"),
    ("  baseline: plain scan, median", "scan_median_ms", "{:.1f} ms", ""),
    ("  filter ÷ scan", "filter_vs_scan", "{:.2f}×", ""),
    ("filter → repaint, tracked + hidden", "week_filter_median_ms", "{:.1f} ms", "< 16 ms"),
    ("  p95", "week_filter_p95_ms", "{:.1f} ms", ""),
    ("  ÷ plain filter median", "week_vs_filter", "{:.2f}×", ""),
    ("facet counts (after repaint)", "facets_median_ms", "{:.1f} ms", ""),
    ("salary: filter → repaint, median", "salary_filter_median_ms", "{:.1f} ms", "< 16 ms"),
    ("duplicates: fingerprint ÷ parse", "fingerprint_share", "{:.1%}", ""),
    ("duplicates: grouping", "grouping_s", "{:.2f} s", ""),
    ("duplicates ÷ cold build", "dedupe_vs_cold_build", "{:.1%}", "< 10 %"),
    ("sort change", "sort_change_ms", "{:.1f} ms", ""),
    ("open a posting (detail)", "detail_open_median_ms", "{:.0f} ms", ""),
    ("warm start → first frame", "first_frame_s", "{:.2f} s", ""),
    ("warm start → list filled", "list_filled_s", "{:.2f} s", ""),
    ("cold start → first postings listed", "cold_first_listed_s", "{:.2f} s", ""),
    ("  baseline: bare Textual app", "bare_frame_s", "{:.2f} s", ""),
    ("  first frame ÷ bare", "first_frame_ratio", "{:.2f}×", "≤ 1.3×"),
    ("  list filled ÷ bare", "list_filled_ratio", "{:.2f}×", "≤ 1.5× (10k)"),
    ("peak RSS: jobtui in tmux", "app_peak_rss_mb", "{:.0f} MB", "< 1 GB"),
    ("peak RSS: bench process", "peak_rss_mb", "{:.0f} MB", ""),
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 postings only (< 1 min)")
    parser.add_argument("--sizes", default="", help="comma-separated sizes")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--filters", nargs=2, metavar=("CORPUS", "DATA"),
                        help="filter → repaint only, over a cache already built in DATA")
    parser.add_argument("--warm", nargs=2, metavar=("CORPUS", "DATA"),
                        help="warm start figures only (--repeats), over a cache already "
                        "built in DATA (opened, so written to: copy it first)")
    parser.add_argument("--repeats", type=int, default=5, help="starts for --warm")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_size(Path(args.child[0]), Path(args.child[1]))))
        return
    if args.filters:
        print(json.dumps(measure_filters(Path(args.filters[0]), Path(args.filters[1]))))
        return
    if args.warm:
        print(json.dumps(_warm_starts(Path(args.warm[0]), Path(args.warm[1]), args.repeats)))
        return
    sizes = ([1000] if args.quick else [1000, 10_000, 100_000]) if not args.sizes else [
        int(size) for size in args.sizes.split(",")]
    repeats = 2 if args.quick else 3
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for size in sizes:
        print(f"measuring {size:,} postings…", file=sys.stderr, flush=True)
        corpus = _corpus(out, size)
        data = out / f"data-{size}"
        figures = _child(corpus, data)
        figures["load_and_index_s"] = figures["load_cache_s"] + figures["build_index_s"]
        figures["watch_vs_full"] = figures["watch_refresh_s"] / max(figures["full_refresh_s"],
                                                                   1e-6)
        figures["filter_vs_scan"] = figures["filter_median_ms"] / max(
            figures["scan_median_ms"], 1e-6)
        figures["week_vs_filter"] = figures["week_filter_median_ms"] / max(
            figures["filter_median_ms"], 1e-6)
        figures.update(_warm_starts(corpus, data, repeats))
        first_step = min(size, FIRST_BUILD_STEP)
        cold_data = out / f"cold-data-{size}"
        shutil.rmtree(cold_data, ignore_errors=True)
        figures["cold_first_listed_s"] = _start_times(  # a first build lists its first step
            corpus, cold_data, f"{first_step:,} / {first_step:,}", 1)[0]
        shutil.rmtree(cold_data, ignore_errors=True)
        figures["bare_frame_s"] = figures["paired_bare_s"]
        jobtui = str(Path(sys.executable).with_name("jobtui"))
        figures["app_peak_rss_mb"] = peak_rss_mb(
            [jobtui], marker=f"{figures['roles']:,} / {figures['roles']:,}", cwd=ROOT,
            env={"JOBTUI_DATA_DIR": str(data), "JOBTUI_POSTINGS": str(corpus)},
            settle=max(5.0, size / 10_000))
        results[str(size)] = figures
        print(json.dumps({str(size): figures}), file=sys.stderr, flush=True)  # kept if a
        # later size fails
    _print_table(results)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = out / f"bench-{stamp}.json"
    path.write_text(json.dumps({"machine": os.uname().nodename, "cpus": os.cpu_count(),
                                "results": results}, indent=2))
    print(f"\nJSON: {path}")


def _print_table(results: dict[str, dict[str, Any]]) -> None:
    sizes = list(results)
    header = f"{'':34}" + "".join(f"{int(s):>18,}" for s in sizes) + f"{'target':>14}"
    print(header)
    for label, key, fmt, target in TABLE:
        cells = "".join(f"{fmt.format(results[s][key]):>18}" for s in sizes)
        print(f"{label:34}{cells}{target:>14}")


if __name__ == "__main__":
    main()
