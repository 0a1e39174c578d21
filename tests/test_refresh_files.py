"""A folder watcher's refresh: only the files it names are read, and the list it gets
back is the one a full reload would show."""

from __future__ import annotations

import os
from pathlib import Path

from tui.library import Library
from tui.store import cache as cache_module


def _write(path: Path, title: str, body: str = "We use Python.") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {title}\n\nCompany: Acme\n\n{body}\n", encoding="utf-8")


def _shown(catalog) -> list[tuple[str, str, str]]:
    return [(p.source, p.id, p.title) for p in catalog.postings()]


def _listed_folder(tmp_path: Path, names: tuple[str, ...]):
    """A folder of ``names`` (one engineer each), built and listed: (folder, library,
    the listed catalog, id by source)."""
    folder = tmp_path / "postings"
    for name in names:
        _write(folder / name, f"Engineer {name}")
    library = Library(folder, tmp_path / "data")
    library.refresh()
    listed = library.listed()
    return folder, library, listed, {p.source: p.id for p in listed.postings()}


def test_changed_added_and_removed_files_update_the_list_without_a_folder_scan(
        tmp_path: Path, monkeypatch) -> None:
    folder, library, listed, ids = _listed_folder(tmp_path, ("a.md", "b.md", "sub/c.md"))
    library.set_bookmark(listed.posting(ids["b.md"]), True)

    _write(folder / "a.md", "Staff Engineer", body="We use Rust.")
    os.utime(folder / "a.md", ns=(1, 2_000_000_000))  # a new mtime even on a coarse clock
    _write(folder / "d.md", "Designer")
    (folder / "b.md").unlink()
    _write(folder / ".hidden.md", "Never listed")

    def no_scan(*_args, **_kwargs):
        raise AssertionError("the whole folder was scanned")

    monkeypatch.setattr(cache_module, "scan_postings", no_scan)
    monkeypatch.setattr(cache_module, "scan_stamps", no_scan)
    report, catalog = library.refresh_files(
        [folder / "a.md", "d.md", folder / "b.md", folder / ".hidden.md", tmp_path / "x.md"],
        library.listed(),
    )
    monkeypatch.undo()
    assert (report.parsed, report.removed, report.total) == (2, 1, 3)
    assert catalog is not None
    after = {p.source: p for p in catalog.postings()}
    assert after["a.md"].title == "Staff Engineer" and after["a.md"].stack == ("rust",)
    assert after["a.md"].id == ids["a.md"]  # an edit keeps the posting's id
    assert "d.md" in after and ".hidden.md" not in after
    # The bookmarked posting whose file went is kept, as a placeholder
    assert any(p.id == ids["b.md"] and p.title.endswith("(file gone)") for p in after.values())
    # The same list a fresh start reads from the cache
    # (in another order: a patched list files a new posting last; the rows are sorted)
    assert sorted(_shown(catalog)) == sorted(_shown(Library(folder, tmp_path / "data").listed()))
    # Nothing changed since: nothing to show anew
    assert library.refresh_files([folder / "a.md"], catalog)[1] is None


def test_without_a_trusted_file_index_the_refresh_is_a_full_one(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    _write(folder / "a.md", "Engineer")
    library = Library(folder, tmp_path / "data")
    library.refresh()
    next((tmp_path / "data").rglob("files.json")).unlink()
    _write(folder / "e.md", "Analyst")  # not named to the refresh, found by the full one
    report, catalog = library.refresh_files([folder / "a.md"], library.listed())
    assert catalog is not None and report.parsed == 1
    assert sorted(p.title for p in catalog.postings()) == ["Analyst", "Engineer"]


def test_a_watched_reload_says_what_changed_since_the_list_was_shown(tmp_path: Path) -> None:
    folder, library, listed, ids = _listed_folder(tmp_path, ("a.md", "b.md", "c.md"))

    _write(folder / "a.md", "Engineer a.md", body="We use Rust.")  # the same role, edited
    os.utime(folder / "a.md", ns=(1, 2_000_000_000))
    os.utime(folder / "c.md", ns=(1, 3_000_000_000))  # touched, not changed
    _write(folder / "d.md", "Designer")
    (folder / "b.md").unlink()
    found = library.reload([str(folder / n) for n in ("a.md", "b.md", "c.md", "d.md")], listed)
    assert found.catalog is not None
    added = {found.catalog.posting(i).source for i in found.changes.added}
    assert (added, found.changes.changed, found.changes.removed) == (
        {"d.md"}, {ids["a.md"]}, {ids["b.md"]})
    assert found.changes.summary() == "1 new posting, 1 changed, 1 removed"
