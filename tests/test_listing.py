"""The listing a warm start reads (listing.bin) lists exactly what the cache holds:
it is used only while the cache files are as they were when it was saved."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from tui.library import Library
from tui.paths import listing_path
from tui.query import Query
from tui.store.cache import PostingCache
from tui.store.listing import MAGIC

BACKEND = "# Backend Engineer\n\nCompany: Acme Robotics\nLocation: Berlin, Germany\n\nPython.\n"
DATA = "# Data Engineer\n### Globex\n\nRemote (EU). Our stack: Scala, Spark, Kafka.\n"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "backend.md").write_text(BACKEND, encoding="utf-8")
    (postings / "data.md").write_text(DATA, encoding="utf-8")
    (postings / "data-again.md").write_text(DATA, encoding="utf-8")  # one role, saved twice
    for name, day in (("backend.md", 1), ("data.md", 2), ("data-again.md", 3)):
        os.utime(postings / name, (day * 86400, day * 86400))  # the data role is newer
    library = Library(postings, tmp_path / "data")
    library.refresh()
    return library


def load(library: Library) -> tuple[list[str], int]:
    """A warm start's load (a new process's): the titles of the rows the list shows,
    newest first (duplicates are one row), and how many postings there are."""
    shown: list[tuple[list[str], int]] = []
    Library(library.postings_dir, library.data_dir).load(lambda catalog: shown.append(
        ([catalog.posting(i).title for i in catalog.filter(Query(), "added")],
         len(catalog))))
    return shown[-1]


def fresh_postings(library: Library) -> list[object]:
    return PostingCache(library.data_dir, library.postings_dir).postings()


def test_a_warm_start_saves_the_listing_and_the_next_lists_the_same(library) -> None:
    records = fresh_postings(library)
    rows = ["Data Engineer", "Backend Engineer"]  # newest first, the copy folded
    assert load(library) == (rows, 3)
    assert listing_path(library.data_dir).is_file()
    listed = fresh_postings(library)
    assert listed == records  # every field, in the same order
    assert load(library) == (rows, 3)  # the duplicates and order read with them


def test_a_listing_is_not_used_once_the_cache_has_changed(library) -> None:
    load(library)  # saves the listing
    (library.postings_dir / "backend.md").write_text(
        BACKEND.replace("Backend", "Platform"), encoding="utf-8")
    os.utime(library.postings_dir / "backend.md", ns=(1, 1))  # surely not the same mtime
    Library(library.postings_dir, library.data_dir).refresh()  # the cache written anew
    assert [p.title for p in fresh_postings(library)] == [
        "Platform Engineer", "Data Engineer", "Data Engineer"]


@pytest.mark.parametrize("damage", [b"", b"not a listing", "cut"])
def test_a_damaged_listing_is_ignored(library, damage) -> None:
    load(library)
    path = listing_path(library.data_dir)
    records = fresh_postings(library)
    path.write_bytes(path.read_bytes()[:-40] if damage == "cut" else damage)
    assert fresh_postings(library) == records


def test_a_block_found_damaged_when_read_gives_the_postings_of_the_records(library) -> None:
    load(library)
    path = listing_path(library.data_dir)
    records = list(fresh_postings(library))
    data = bytearray(path.read_bytes())
    (key_length,) = struct.unpack_from("<Q", data, len(MAGIC))
    data[len(MAGIC) + 8 + key_length] = 0  # the first block's first byte: not marshal
    path.write_bytes(bytes(data))
    listed = fresh_postings(library)  # the header is sound: the listing is used
    assert [listed[i] for i in range(len(listed))] == records


def test_a_listing_lists_each_group_by_its_newest_posting(library) -> None:
    load(library)  # saves the listing
    shown: list[list[str]] = []
    Library(library.postings_dir, library.data_dir).load(lambda catalog: shown.append(
        [catalog.posting(i).source for i in catalog.filter(Query(), "added")]))
    assert shown[0] == ["data-again.md", "backend.md"]  # data-again.md is the newer copy


def test_a_hidden_company_stays_hidden_before_the_listing_is_decoded(library) -> None:
    library.set_company_hidden("ACME Robotics", True)
    load(library)  # saves the listing
    shown: list[tuple[bool, list[str]]] = []
    Library(library.postings_dir, library.data_dir).load(lambda catalog: shown.append(
        (catalog.facets_indexed,
         [catalog.posting(i).title for i in catalog.filter(Query(), "added")])))
    assert shown[0] == (False, ["Data Engineer"])  # found without the company index


def test_only_the_slow_read_of_the_records_waits_for_the_first_frame(library) -> None:
    """The screen starts its load before the first frame and holds back only a read of
    the records (seconds at 100k postings): with the listing saved it never waits."""
    load(library)  # saves the listing
    waited: list[int] = []
    cache = PostingCache(library.data_dir, library.postings_dir)
    assert len(cache.postings(lambda: waited.append(1))) == 3
    assert waited == []
    listing_path(library.data_dir).unlink()
    cache = PostingCache(library.data_dir, library.postings_dir)
    assert len(cache.postings(lambda: waited.append(1))) == 3
    assert waited == [1]
