"""An open jobtui sees the postings folder change: files added (also in sub-folders,
where importers write), edited and deleted show without a restart, a burst of files
is one reload, and R reloads on demand. The list keeps its filter and highlighted
posting, and a toast says what changed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

import tui.folder_watch as folder_watch
from tests.tui_helpers import SIZE, list_rows, make_app, search_text, seeds_copy, settle, type_text
from tui.folder_watch import Debouncer, FolderWatch, relevant
from tui.library import Library, PostingChanges
from tui.ui.app import JobTuiApp

RUST_POSTING = "# Rust Engineer, Storage\n\nKelpie Labs is hiring in Lisbon.\n\nWe write Rust.\n"


def posting_file(number: int) -> str:
    return f"# Engineer {number}\n\nCompany {number} is hiring. Stack: Python.\n"


# -- the debouncer: pure, on a given clock -------------------------------------------
def test_a_burst_of_500_files_is_passed_on_once_when_the_folder_is_quiet() -> None:
    debouncer = Debouncer(quiet=0.25, longest=5.0)
    batches: list[set[str]] = []
    now = 100.0
    for number in range(500):  # 500 files copied in, 2 ms apart
        debouncer.add({f"import/{number}.md"}, now)
        batches += [batch for batch in [debouncer.take(now)] if batch]
        now += 0.002
    assert batches == []  # nothing while the copy goes on
    assert debouncer.take(now + 0.1) == set()  # not quiet long enough yet
    batch = debouncer.take(now + 0.3)
    assert len(batch) == 500
    assert debouncer.take(now + 10) == set() and debouncer.deadline() is None


def test_changes_that_never_stop_are_still_passed_on_every_second() -> None:
    debouncer = Debouncer(quiet=0.25, longest=1.0)
    taken_at: list[float] = []
    now = 0.0
    while now < 3.0:  # a file every 0.1 s for 3 s: never quiet
        debouncer.add({f"{now:.1f}.md"}, now)
        if debouncer.take(now):
            taken_at.append(now)
        now = round(now + 0.1, 1)
    assert taken_at == [1.0, 2.1]  # at most a second late, however long it goes on


def test_which_changes_can_change_the_list(tmp_path: Path) -> None:
    root = tmp_path / "postings"
    (root / "hn").mkdir(parents=True)
    (root / "notes.pdf").write_bytes(b"%PDF")
    data = root / "cache-here"
    suffixes = {".md", ".txt"}

    def seen(name: str) -> bool:
        return relevant(str(root / name), root, suffixes, [data])

    assert seen("hn/123.md") and seen("a.TXT") and seen("hn") and seen("gone-folder")
    assert not seen(".git/a.md") and not seen("hn/.a.md.swp") and not seen(".a.md")
    assert not seen("notes.pdf") and not seen("cache-here/bodies/0.md")
    assert not relevant(str(tmp_path / "elsewhere.md"), root, suffixes)


@pytest.mark.parametrize(("added", "changed", "removed", "said"), [
    (3, 0, 0, "3 new postings"),
    (1, 0, 0, "1 new posting"),
    (0, 1, 0, "1 posting changed"),
    (0, 0, 2, "2 postings removed"),
    (1, 2, 1, "1 new posting, 2 changed, 1 removed"),
    (0, 3, 1, "3 postings changed, 1 removed"),
    (0, 0, 0, ""),
])
def test_the_toast_says_what_changed(added: int, changed: int, removed: int,
                                     said: str) -> None:
    before = {f"c{n}": "old" for n in range(changed)} | {f"r{n}": "x" for n in range(removed)}
    before |= {"same": "s"}
    after = {f"c{n}": "new" for n in range(changed)} | {f"a{n}": "x" for n in range(added)}
    after |= {"same": "s"}
    changes = PostingChanges.between(before, after)
    assert changes.summary() == said
    assert bool(changes) == bool(said)


# -- the watch: a real folder ---------------------------------------------------------
@pytest.fixture(autouse=True)
def watching_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBTUI_WATCH", "native")  # conftest turns it off for other tests


def collect(folder: Path, **options: object) -> tuple[FolderWatch, list[set[str]], threading.Event]:
    heard: list[set[str]] = []
    arrived = threading.Event()

    def on_change(paths: set[str]) -> None:
        heard.append(paths)
        arrived.set()

    watch = FolderWatch(folder, on_change, suffixes={".md"},
                        debouncer=Debouncer(quiet=0.1, longest=1.0), **options)  # type: ignore[arg-type]
    return watch, heard, arrived


@pytest.mark.parametrize(("env", "tried"), [
    ("", [None, True]),  # native first (watchfiles' own choice), then polling
    ("poll", [True]),  # JOBTUI_WATCH=poll: polling from the start
])
def test_where_native_watching_cannot_start_the_folder_is_polled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str, tried: list) -> None:
    import watchfiles

    real_watch = watchfiles.watch
    asked: list[bool | None] = []

    def watch(*paths: object, force_polling: bool | None = None, **options: object) -> object:
        asked.append(force_polling)
        if not force_polling:
            raise OSError("OS file watch limit reached")
        return real_watch(*paths, force_polling=force_polling, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(watchfiles, "watch", watch)
    monkeypatch.setattr(folder_watch, "POLL_MS", 50)
    monkeypatch.setenv("JOBTUI_WATCH", env)
    watch_, heard, arrived = collect(tmp_path)
    with watch_:
        # The watch polls once it has started: a file written before that is not news.
        deadline = time.monotonic() + 10
        while watch_.how != "polling" and time.monotonic() < deadline:
            arrived.wait(0.01)
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "saved.md").write_text(posting_file(1), encoding="utf-8")
        assert arrived.wait(10)
    assert asked == tried
    assert set().union(*heard) >= {"sub/saved.md"}


def test_watching_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBTUI_WATCH", "off")
    watch, _, _ = collect(tmp_path)
    with watch:
        assert watch.how.startswith("not watched")
        assert not any(thread.is_alive() for thread in watch._threads)


# -- the library: what a reload finds -----------------------------------------------
def test_a_cache_built_by_another_jobtui_is_still_shown_as_new(tmp_path: Path) -> None:
    """`jobtui add` parses what it saved: the open app's own build then finds the folder
    and the cache agree, yet its list is older than both."""
    postings = seeds_copy(tmp_path)
    data = tmp_path / "data"
    app_side = Library(postings, data)
    app_side.load(lambda catalog: None)
    assert not app_side.reload().changes  # nothing changed: nothing to show

    (postings / "added.md").write_text(RUST_POSTING, encoding="utf-8")
    Library(postings, data).refresh()  # the CLI's build, in another process
    found = app_side.reload()
    assert found.catalog is not None
    assert found.changes.summary() == "1 new posting"
    assert any(found.catalog.posting(i).title == "Rust Engineer, Storage"
               for i in found.changes.added)


# -- the open app ---------------------------------------------------------------------
async def until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until ``condition`` holds (the watch and the reload worker are
    threads of their own); fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app did not show the change"
        await pilot.pause(0.02)


def toasts(app: JobTuiApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_the_open_app_shows_files_added_changed_and_deleted(tmp_path: Path) -> None:
    postings = seeds_copy(tmp_path)
    (postings / "first.md").write_text(RUST_POSTING.replace("Storage", "Compilers"),
                                       encoding="utf-8")
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await type_text(pilot, "rust")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        kept = app.main.posting_list.highlighted
        shown = list(app.main.posting_list.ids)
        assert kept is not None and len(shown) >= 2
        app.clear_notifications()

        # An importer writes into a sub-folder.
        (postings / "hn").mkdir()
        (postings / "hn" / "42.md").write_text(RUST_POSTING, encoding="utf-8")
        await until(pilot, lambda: len(app.main.posting_list.ids) == len(shown) + 1)
        assert any("Rust Engineer, Storage" in row for row in list_rows(app))
        assert search_text(app) == "rust"  # the filter stays
        assert app.main.posting_list.highlighted == kept  # and so does the highlight
        assert "1 new posting" in toasts(app)

        # An edit: the list says so; a delete: the posting leaves.
        app.clear_notifications()
        (postings / "first.md").write_text(RUST_POSTING.replace("Storage", "Linkers"),
                                           encoding="utf-8")
        await until(pilot, lambda: any("Linkers" in row for row in list_rows(app)))
        assert not any("Compilers" in row for row in list_rows(app))
        assert "1 posting changed" in toasts(app)
        app.clear_notifications()
        (postings / "hn" / "42.md").unlink()
        await until(pilot, lambda: "1 posting removed" in toasts(app))
        assert not any("Rust Engineer, Storage" in row for row in list_rows(app))
        assert app.main.posting_list.highlighted == kept
        assert search_text(app) == "rust"

        # R with nothing changed says so.
        app.clear_notifications()
        await pilot.press("R")
        await until(pilot, lambda: "No changes in the postings folder" in toasts(app))
