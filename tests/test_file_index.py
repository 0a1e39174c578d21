"""files.json, patched a few rows at a time (a folder watcher's updates), says what
one written from every row says."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson

from tui.store.entries import CacheEntry
from tui.store.file_index import FileIndex, load_index, save_index, stamps_digest

KEY = ["key"]


def _entry(source: str, posting_id: str, size: int = 10) -> CacheEntry:
    if not posting_id:
        return {"source": source, "size": size, "mtime_ns": 5, "skipped": "empty"}
    return {"source": source, "size": size, "mtime_ns": 5, "content_hash": f"h{size}",
            "identity_key": f"k-{posting_id}", "posting": {"id": posting_id, "added": "x"}}


def test_an_index_patched_row_by_row_is_saved_as_one_written_whole(tmp_path: Path) -> None:
    entries = {s: _entry(s, i) for s, i in
               (("a.md", "aa1"), ("b.md", "ab2"), ("c.md", "ff3"), ("d.md", ""))}
    save_index(tmp_path / "files.json", KEY, FileIndex.from_entries(entries))
    index = load_index(tmp_path / "files.json", KEY)
    assert index is not None
    index.key_count(""), index.holds_hash(""), index.skipped_files()  # kept from now on
    for changed, removed in (
            ({"b.md": _entry("b.md", "ab2", size=11)}, []),  # edited: new size
            ({"e.md": _entry("e.md", "0c4")}, ["c.md"]),  # shard ff emptied, 0c new
            ({"a.md": _entry("a.md", "")}, ["d.md"]),  # a posting now skipped
            ({"a.md": {**_entry("a.md", "aa5"), "warnings": ["no title"]}}, [])):
        index.apply(changed, removed)
        save_index(tmp_path / "files.json", KEY, index)
        entries.update(changed)
        for source in removed:
            del entries[source]
        save_index(tmp_path / "whole.json", KEY, FileIndex.from_entries(entries))
        assert (tmp_path / "files.json").read_bytes() == (tmp_path / "whole.json").read_bytes()
        whole = FileIndex.from_entries(entries)
        # What a build compares with the folder, and the columns as one orjson dict.
        head, _, columns = (tmp_path / "files.json").read_bytes().partition(b"\n")
        assert orjson.loads(head)["digest"] == stamps_digest(whole.stamps())
        assert columns == orjson.dumps({name: getattr(whole, name) for name in whole.COLUMNS})
        assert index.ids_held() == Counter(whole.ids)
        assert [index.key_count(key) for key in ("k-aa1", "k-0c4", "")] == [
            whole.keys.count(key) for key in ("k-aa1", "k-0c4", "")]
        assert [index.holds_hash(h) for h in ("h10", "h11")] == [
            h in whole.hashes for h in ("h10", "h11")]
        assert (index.skipped_files(), index.warning_files()) == (
            whole.skipped_files(), whole.warning_files())
    assert index.shards() == ["0c", "aa", "ab"]
