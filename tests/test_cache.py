"""The cache re-parses only what changed and never moves a posting's id."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.store import cache as cache_module
from tui.store import parse_worker
from tui.store.cache import PostingCache

NO_URL = (
    "# Backend Engineer\n\nCompany: Acme Robotics\nLocation: Berlin, Germany\n\nWe use Python.\n"
)
WITH_URL = (
    "# [Data Engineer](https://jobs.example.com/data-engineer)\n### Globex\n\n"
    "Remote (EU). Our stack: Scala, Spark, Kafka.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    postings = tmp_path / "postings"
    (postings / "2026").mkdir(parents=True)
    (postings / "backend.md").write_text(NO_URL, encoding="utf-8")
    (postings / "2026" / "data.txt").write_text(WITH_URL, encoding="utf-8")
    (postings / "empty.md").write_bytes(b"")
    (postings / "notes.pdf").write_bytes(b"%PDF-1.4 not a posting")
    return postings


def make_cache(tmp_path: Path, folder: Path) -> PostingCache:
    return PostingCache(tmp_path / "data", folder)


def ids_by_source(cache: PostingCache) -> dict[str, str]:
    return {posting.source: posting.id for posting in cache.postings()}


def test_first_build_parses_every_posting_file_and_names_the_skipped(tmp_path, folder) -> None:
    report = make_cache(tmp_path, folder).build()
    assert (report.total, report.parsed, report.unchanged) == (3, 3, 0)
    assert [skipped.source for skipped in report.skipped] == ["empty.md"]
    assert report.skipped[0].reason
    sources = {posting.source for posting in make_cache(tmp_path, folder).postings()}
    assert sources == {"backend.md", "2026/data.txt"}


def test_a_rebuild_with_nothing_changed_parses_nothing(tmp_path, folder) -> None:
    make_cache(tmp_path, folder).build()
    report = make_cache(tmp_path, folder).build()
    assert (report.parsed, report.unchanged, report.removed) == (0, 3, 0)


def test_only_the_changed_file_is_parsed_again(tmp_path, folder) -> None:
    make_cache(tmp_path, folder).build()
    target = folder / "backend.md"
    target.write_text(NO_URL.replace("Python", "Rust"), encoding="utf-8")
    (folder / "2026" / "data.txt").touch()  # touched, same bytes
    os.utime(folder / "2026" / "data.txt", ns=(1, 1))
    cache = make_cache(tmp_path, folder)
    report = cache.build()
    assert report.parsed == 1
    assert report.unchanged == 2
    backend = next(p for p in cache.postings() if p.source == "backend.md")
    assert "rust" in backend.stack


def test_a_deleted_file_leaves_the_cache(tmp_path, folder) -> None:
    make_cache(tmp_path, folder).build()
    (folder / "backend.md").unlink()
    cache = make_cache(tmp_path, folder)
    assert cache.build().removed == 1
    assert [p.source for p in cache.postings()] == ["2026/data.txt"]


def test_ids_survive_deleting_the_cache(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    before = ids_by_source(cache)
    (tmp_path / "data" / "cache.json").unlink()
    again = make_cache(tmp_path, folder)
    again.build()
    assert ids_by_source(again) == before


def test_a_corrupt_cache_is_rebuilt_not_trusted(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    before = ids_by_source(cache)
    (tmp_path / "data" / "cache.json").write_bytes(b'{"postings": {"1": ')
    again = make_cache(tmp_path, folder)
    assert again.build().parsed == 3
    assert ids_by_source(again) == before


def test_a_parser_upgrade_reparses_everything_and_keeps_ids(tmp_path, folder, monkeypatch) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    before = ids_by_source(cache)
    monkeypatch.setattr(cache_module, "parser_version", lambda: "a-newer-parser")
    again = make_cache(tmp_path, folder)
    assert again.build().parsed == 3
    assert ids_by_source(again) == before


def test_a_renamed_file_keeps_its_id(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    old_id = ids_by_source(cache)["backend.md"]
    (folder / "backend.md").rename(folder / "2026" / "acme-backend.md")
    again = make_cache(tmp_path, folder)
    again.build()
    assert ids_by_source(again)["2026/acme-backend.md"] == old_id


def test_an_edited_title_keeps_its_id_even_after_the_cache_is_deleted(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    old_id = ids_by_source(cache)["backend.md"]
    (folder / "backend.md").write_text(NO_URL.replace("Backend", "Platform"), encoding="utf-8")
    edited = make_cache(tmp_path, folder)
    edited.build()
    assert ids_by_source(edited)["backend.md"] == old_id
    (tmp_path / "data" / "cache.json").unlink()
    rebuilt = make_cache(tmp_path, folder)
    rebuilt.build()
    assert ids_by_source(rebuilt)["backend.md"] == old_id


def test_get_returns_the_cleaned_body_also_when_its_shard_is_lost(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    posting_id = ids_by_source(cache)["2026/data.txt"]
    assert "Spark" in cache.get(posting_id).body
    for shard in (tmp_path / "data" / "bodies").glob("*.json"):
        shard.unlink()
    assert "Spark" in make_cache(tmp_path, folder).body(posting_id)
    assert cache.get("no-such-id") is None


def test_search_texts_hold_folded_words_of_each_posting(tmp_path, folder) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    texts = dict(cache.search_texts())
    data_id = ids_by_source(cache)["2026/data.txt"]
    assert "kafka" in texts[data_id].split()


def test_search_words_fold_accents_and_case_and_keep_each_word_once() -> None:
    # ASCII words are lowered, the others folded (accents off, ß spelt out): a search
    # for "munchen" or "strasse" finds what was written "München", "STRASSE".
    words = parse_worker.search_words("Café München", "ACME", "acme Straße, café: Øl-bar")
    assert words.split() == ["cafe", "munchen", "acme", "strasse", "øl", "bar"]
    assert parse_worker.search_words("Rust RUST rust_lang") == "rust rust_lang"
    # Words are cut at any character that is not a letter, digit or "_", inside or
    # outside ASCII: a no-break space, a dash, an accent written apart.
    assert parse_worker.search_words("Zürich\u00a0HQ–Köln/Bonn, Cafe\u0301 ①") == (
        "zurich hq koln bonn cafe 1")


def test_the_process_pool_gives_the_same_records_as_in_process(
    tmp_path, folder, monkeypatch
) -> None:
    for number in range(30):
        text = f"# Engineer {number}\n\nCompany: Firm {number}\n\nGo and Postgres.\n"
        (folder / f"extra-{number}.md").write_text(text, encoding="utf-8")
    serial = PostingCache(tmp_path / "serial", folder)
    serial.build(workers=1)
    monkeypatch.setattr(parse_worker, "POOL_THRESHOLD", 1)
    pools = []
    pool_class = parse_worker.ProcessPoolExecutor

    def counted_pool(*args, **kwargs):
        pools.append(pool_class(*args, **kwargs))
        return pools[-1]

    monkeypatch.setattr(parse_worker, "ProcessPoolExecutor", counted_pool)
    pooled = PostingCache(tmp_path / "pooled", folder)
    progress: list[tuple[int, int]] = []
    with parse_worker.kept_pool():  # as a first build in steps: one pool for both
        pooled.build(workers=2, limit=20,
                     progress=lambda done, total: progress.append((done, total)))
        pooled.build(workers=2, progress=lambda done, total: progress.append((done, total)))
    assert [p.to_dict() for p in pooled.postings()] == [p.to_dict() for p in serial.postings()]
    assert (20, 33) in progress and progress[-1] == (13, 13)
    assert len(pools) == 1


def test_no_change_rebuild_skips_reading_the_cache_but_still_names_skipped_files(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_cache(tmp_path, folder).build()
    cache = make_cache(tmp_path, folder)
    monkeypatch.setattr(cache, "_read", lambda: pytest.fail("read the whole cache"))
    report = cache.build()
    assert (report.total, report.unchanged, report.parsed) == (3, 3, 0)
    assert [item.source for item in report.skipped] == ["empty.md"]


def test_a_change_or_a_lost_cache_file_leaves_the_fast_path(tmp_path: Path, folder: Path) -> None:
    make_cache(tmp_path, folder).build()
    (folder / "backend.md").write_text(NO_URL.replace("Python", "Go"), encoding="utf-8")
    report = make_cache(tmp_path, folder).build()
    assert report.parsed == 1
    (tmp_path / "data" / "cache.json").unlink()
    report = make_cache(tmp_path, folder).build()
    assert report.parsed == 3  # every file read again, the empty one included
    assert {p.source for p in make_cache(tmp_path, folder).postings()} == {
        "backend.md", "2026/data.txt"}


def test_date_added_is_the_file_date(tmp_path: Path, folder: Path) -> None:
    os.utime(folder / "backend.md", ns=(1_700_000_000_000_000_000,) * 2)  # 2023-11-14
    cache = make_cache(tmp_path, folder)
    cache.build()
    added = {p.source: p.added for p in cache.postings()}
    assert added["backend.md"] == "2023-11-14T22:13:20Z"  # to the second: issue 14 #6


def _snapshot(cache: PostingCache) -> tuple[list[dict], list[str], dict[str, str]]:
    postings = sorted((p.to_dict() for p in cache.postings()), key=lambda d: d["source"])
    bodies = {d["source"]: cache.body(d["id"]) for d in postings}
    return postings, [item.source for item in cache.skipped()], bodies


def test_a_few_changed_files_are_written_as_a_delta_that_reads_like_a_full_build(
    tmp_path: Path, folder: Path
) -> None:
    make_cache(tmp_path, folder).build()
    base = tmp_path / "data" / "cache.json"
    base_before = base.read_bytes()
    (folder / "backend.md").write_text(NO_URL.replace("Python", "Rust"), encoding="utf-8")
    (folder / "2026" / "data.txt").unlink()
    (folder / "new.txt").write_text("# SRE\n\nCompany: Initech\nLocation: Lisbon\n\nKubernetes.\n",
                                    encoding="utf-8")
    (folder / "empty.md").write_text("# QA Engineer\n\nCompany: Hooli\n\nSelenium.\n",
                                     encoding="utf-8")
    report = make_cache(tmp_path, folder).build()
    assert (report.parsed, report.removed, report.total) == (3, 1, 3)
    assert report.skipped == []
    assert base.read_bytes() == base_before  # only the delta was written
    assert (tmp_path / "data" / "cache.delta.json").exists()

    incremental = _snapshot(make_cache(tmp_path, folder))
    scratch = PostingCache(tmp_path / "scratch", folder)
    scratch.build()
    assert incremental == _snapshot(scratch)
    assert "rust" in next(p for p in incremental[0] if p["source"] == "backend.md")["stack"]
    assert make_cache(tmp_path, folder).build().unchanged == 3  # and the fast path holds


def test_a_renamed_file_keeps_its_id_through_a_delta_and_after_it_is_folded_in(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = make_cache(tmp_path, folder)
    cache.build()
    old_id = ids_by_source(cache)["backend.md"]
    (folder / "backend.md").rename(folder / "acme.md")
    again = make_cache(tmp_path, folder)
    again.build()
    assert ids_by_source(again)["acme.md"] == old_id
    monkeypatch.setattr(cache_module, "DELTA_LIMIT", 0)  # the next change rewrites the cache
    (folder / "2026" / "data.txt").write_text(WITH_URL + "\nAlso Go.\n", encoding="utf-8")
    folded = make_cache(tmp_path, folder)
    assert folded.build().parsed == 1
    assert not (tmp_path / "data" / "cache.delta.json").exists()
    assert ids_by_source(folded)["acme.md"] == old_id
    (tmp_path / "data" / "cache.json").unlink()
    rebuilt = make_cache(tmp_path, folder)
    rebuilt.build()
    assert ids_by_source(rebuilt)["acme.md"] == old_id


def test_a_delta_that_does_not_belong_to_the_cache_is_not_trusted(
    tmp_path: Path, folder: Path
) -> None:
    make_cache(tmp_path, folder).build()
    (folder / "backend.md").write_text(NO_URL.replace("Python", "Rust"), encoding="utf-8")
    make_cache(tmp_path, folder).build()
    delta = tmp_path / "data" / "cache.delta.json"
    delta.write_bytes(b'{"base": [1, 2], "entries": {"backend.md": null}}')
    cache = make_cache(tmp_path, folder)
    assert cache.build().parsed == 1  # the stale delta is ignored, the file parsed again
    assert {p.source for p in cache.postings()} == {"backend.md", "2026/data.txt"}


def test_a_first_build_in_steps_lists_a_part_then_everything_with_the_same_ids(
    tmp_path: Path, folder: Path
) -> None:
    whole = PostingCache(tmp_path / "whole", folder)
    whole.build()
    first = make_cache(tmp_path, folder)
    report = first.build(limit=1)
    assert (report.total, report.pending) == (3, 2)
    assert [p.source for p in first.postings()] == ["2026/data.txt"]
    rest = make_cache(tmp_path, folder).build(limit=2)
    assert rest.pending == 0
    assert [item.source for item in rest.skipped] == ["empty.md"]
    assert ids_by_source(make_cache(tmp_path, folder)) == ids_by_source(whole)


def test_a_step_never_takes_the_id_a_held_back_file_keeps_in_the_ledger(
    tmp_path: Path, folder: Path
) -> None:
    (folder / "2026" / "data.txt").unlink()
    cache = make_cache(tmp_path, folder)
    cache.build()
    kept = ids_by_source(cache)["backend.md"]
    (folder / "backend.md").write_text(NO_URL.replace("Backend", "Platform"), encoding="utf-8")
    make_cache(tmp_path, folder).build()  # an edit: the id is inherited, so in the ledger
    (tmp_path / "data" / "cache.json").unlink()
    # A new file whose key derives the very id backend.md inherited, sorted before it.
    (folder / "aaa.md").write_text(NO_URL, encoding="utf-8")
    assert make_cache(tmp_path, folder).build(limit=1).pending == 2
    make_cache(tmp_path, folder).build()
    ids = ids_by_source(make_cache(tmp_path, folder))
    assert ids["backend.md"] == kept
    assert ids["aaa.md"] != kept


def test_a_spool_whose_disk_fills_keeps_the_rest_in_memory_and_reads_back_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.store import bodies

    spool = bodies.BodySpool(tmp_path)
    spool.add("a.md", "Body A", "body a")
    real_pwrite = os.pwrite

    def full_disk(fd: int, data: bytes, offset: int) -> int:
        return real_pwrite(fd, data[:3], offset)  # a short write: the disk is full

    monkeypatch.setattr(bodies.os, "pwrite", full_disk)
    spool.add("b.md", "Body B", "body b")
    spool.add("c.md", "Body C", "body c")
    try:
        assert [spool.entry(key) for key in ("a.md", "b.md", "c.md")] == [
            {"body": "Body A", "words": "body a"}, {"body": "Body B", "words": "body b"},
            {"body": "Body C", "words": "body c"}]
    finally:
        spool.close()
