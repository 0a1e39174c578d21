"""Hostile postings folders, hostile data folders and two writers at once (issue 16).

Each test names what a user would see go wrong without the fix.
"""

from __future__ import annotations

import csv
import io
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty postings folder and data dir, both temporary, named by the environment."""
    postings = tmp_path / "postings"
    postings.mkdir()
    monkeypatch.setenv("JOBTUI_POSTINGS", str(postings))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    return postings


def write_posting(folder: Path, name: str | bytes, title: str = "Backend Engineer") -> None:
    body = f"# {title}\n\nCompany: Acme\nLocation: Berlin\n\nWe use Python.\n".encode()
    path = (bytes(folder) + b"/" + name) if isinstance(name, bytes) else bytes(folder / name)
    with open(path, "wb") as handle:
        handle.write(body)


def exported(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    import json

    capsys.readouterr()
    assert main(["export"]) == 0
    return json.loads(capsys.readouterr().out)


# -- 11: CSV export ------------------------------------------------------------------
def test_csv_export_never_lets_a_cell_become_a_spreadsheet_formula(folder, capsys) -> None:
    write_posting(folder, "a.md", title="=HYPERLINK(\"http://x\") Engineer")
    posting_id = exported(capsys)[0]["id"]
    assert main(["note", posting_id, "@SUM(A1:A9)"]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["note"] == "'@SUM(A1:A9)"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


# -- 5, 8, 9, 10 and the small ones: the state file and its backups --------------------
def _store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, every: int = 0):
    from tui.store import state as state_module
    from tui.store.state import TrackingStore

    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", every)
    return TrackingStore(tmp_path / "state.json")


@pytest.mark.parametrize("content", [
    b'{"tracking": {"abc": {"posting_id": "p1"}}}',
    b'{"_meta": 5}',
    b'{"tracking": {"1": {"posting_id": "p1", "history": [5]}}}',
    b'{"tracking": {"1": {"posting_id": "p1", "bookmarked": "yes"}}}',
    b'{"tracking": {"1": "p1"}}',
], ids=["document-key", "meta-not-a-table", "history-entry", "bookmarked-type", "document"])
def test_a_state_file_of_the_wrong_shape_is_refused_untouched_not_a_crash(
    tmp_path, monkeypatch, content
) -> None:
    from tui.store.state import StateUnreadable

    store = _store(tmp_path, monkeypatch)
    store.path.write_bytes(content)
    for change in (lambda: store.set_bookmark("p1", True), lambda: store.set_note("p1", "x"),
                   store.all):
        with pytest.raises(StateUnreadable, match="left untouched"):
            change()
    assert store.path.read_bytes() == content


def test_two_restores_in_the_same_second_keep_both_replaced_files_private(
    tmp_path, monkeypatch
) -> None:
    store = _store(tmp_path, monkeypatch)
    store.set_note("p1", "first")
    store.set_note("p1", "second")  # backs up "first"
    store.path.write_bytes(b"broken once")
    store.restore()
    store.path.write_bytes(b"broken twice")
    store.restore()
    kept = sorted(tmp_path.glob("state.json.replaced-*"))
    assert sorted(path.read_bytes() for path in kept) == [b"broken once", b"broken twice"]
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in kept)


def test_an_empty_state_file_is_never_read_as_no_data_nor_backed_up_nor_restored(
    tmp_path, monkeypatch
) -> None:
    from tui.store.state import StateUnreadable

    store = _store(tmp_path, monkeypatch)
    store.set_status("p1", "applied")
    store.set_note("p1", "called")  # a good backup now exists
    good = store.backups()
    store.path.write_bytes(b"")
    with pytest.raises(StateUnreadable, match="empty"):
        store.all()
    for _ in range(10):  # every change refused: nothing empty is backed up
        with pytest.raises(StateUnreadable):
            store.set_bookmark("p1", True)
    assert store.backups() == good
    # An empty backup, newest by name and number, is never the one restored.
    (store.backup_dir / "state-999999-20991231T000000000000.json").write_bytes(b"")
    assert store.restore() == good[0]
    assert store.all()["p1"].status == "applied"


def test_rotation_never_drops_the_last_good_backup(tmp_path, monkeypatch) -> None:
    from tui.store.state import KEEP_BACKUPS, is_valid_state

    store = _store(tmp_path, monkeypatch)
    store.set_status("p1", "applied")
    store.set_note("p1", "one")
    good = store.backups()[0]
    for number in range(KEEP_BACKUPS):  # broken files, dated later than the good one
        (store.backup_dir / f"state-2099123{number}T000000000000.json").write_bytes(b"")
    store.set_note("p1", "two")
    assert good.exists()
    assert all(is_valid_state(path) for path in store.backups())
    store.path.write_bytes(b"{")
    store.restore()
    assert store.all()["p1"].note == "one"


def test_a_clock_set_back_neither_stops_backups_nor_makes_restore_pick_a_stale_one(
    tmp_path, monkeypatch
) -> None:
    store = _store(tmp_path, monkeypatch, every=600)
    store.set_note("p1", "v1")
    store.set_note("p1", "v2")  # first backup: v1
    first = store.backups()[0]
    year_ahead = first.stat().st_mtime + 365 * 86400
    os.utime(first, (year_ahead, year_ahead))  # as if written before the clock went back
    store.set_note("p1", "v3")  # clamps the future date to now
    assert first.stat().st_mtime < year_ahead
    # Ten minutes later by the (set back) clock, a backup is due again.
    back = first.stat().st_mtime - 601
    os.utime(first, (back, back))
    store.set_note("p1", "v4")  # backs up v3
    assert len(store.backups()) == 2
    # The newest backup is the last one written, even though its name's date is older.
    newest = store.backups()[0]
    number = first.name.split("-", 2)[1]
    first.rename(first.with_name(f"state-{number}-29991231T000000000000.json"))
    store.path.write_bytes(b"{")
    assert store.restore() == newest
    assert store.all()["p1"].note == "v3"


def test_a_backups_path_that_is_a_file_does_not_stop_changes(folder, capsys) -> None:
    write_posting(folder, "a.md")
    posting_id = exported(capsys)[0]["id"]
    data = folder.parent / "data"
    (data / "backups").write_bytes(b"not a folder")
    assert main(["mark", posting_id, "applied"]) == 0
    assert main(["bookmark", posting_id]) == 0
    err = capsys.readouterr().err
    assert "could not back up" in err
    assert exported(capsys)[0]["status"] == "applied"


def test_backup_names_and_notes_reach_the_terminal_without_escape_codes(
    folder, capsys, monkeypatch
) -> None:
    from tui.store import state as state_module

    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", 0)
    write_posting(folder, "a.md")
    posting_id = exported(capsys)[0]["id"]
    assert main(["note", posting_id, "call \x1b]0;owned\x07 back \x1b[31mred"]) == 0
    assert main(["bookmark", posting_id]) == 0
    backups = folder.parent / "data" / "backups"
    evil = backups / "state-\x1b[2J.json"
    evil.write_bytes(b"")
    capsys.readouterr()
    assert main(["show", posting_id]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "call" in out
    assert main(["restore", "--list"]) == 0
    assert "\x1b" not in capsys.readouterr().out
    (folder.parent / "data" / "state.json").write_bytes(b"{")
    newer = backups / "state-999999-20991231T000000000000.json"
    newer.write_bytes(b"{\x1b[2J")
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "999999" not in err  # the hint names a readable backup, not the newest name


# -- 7: two writers of one note ---------------------------------------------------------
def test_a_note_changed_elsewhere_since_the_editor_opened_is_never_overwritten_silently(
    tmp_path, monkeypatch
) -> None:
    from tui.store.state import NoteConflict, TrackingStore

    store = _store(tmp_path, monkeypatch)
    other = TrackingStore(store.path)  # a second app, or `jobtui note`
    store.set_note("p1", "recruiter: Ana")
    opened_with = store.get("p1").note  # both editors open on this note
    other.set_note("p1", "recruiter: Ana, call Tuesday", base=opened_with)
    with pytest.raises(NoteConflict) as conflict:
        store.set_note("p1", "recruiter: Ana (left)", base=opened_with)
    assert conflict.value.current == "recruiter: Ana, call Tuesday"
    assert store.get("p1").note == "recruiter: Ana, call Tuesday"
    kept = store.set_note("p1", "recruiter: Ana (left)", base=opened_with,
                          on_conflict="keep_both")
    assert "call Tuesday" in kept.note and "(left)" in kept.note
    assert store.get("p1").note == kept.note
    # An edit from the note as it is now goes through as written.
    assert store.set_note("p1", "done", base=kept.note).note == "done"


def test_the_state_stamp_changes_with_every_write_from_any_process(tmp_path, monkeypatch) -> None:
    from tui.store.state import TrackingStore

    store = _store(tmp_path, monkeypatch)
    assert store.stamp() is None
    store.set_note("p1", "a")
    seen = store.stamp()
    assert store.stamp() == seen  # nothing written: the same
    TrackingStore(store.path).set_note("p1", "b")
    assert store.stamp() != seen


async def test_a_note_edited_in_the_app_while_another_jobtui_changed_it_keeps_both(
    tmp_path: Path,
) -> None:
    from tests.tui_helpers import SIZE, make_app, settle, type_text
    from tui.store.state import TrackingStore
    from tui.ui.widgets.posting_list import PostingList

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("n")
        await pilot.pause()
        TrackingStore(tmp_path / "data" / "state.json").set_note(posting_id, "from the CLI")
        await type_text(pilot, "from the app")
        await pilot.press("ctrl+s")  # adds an entry to the log: the CLI's stays
        await settle(app, pilot)
    note = TrackingStore(tmp_path / "data" / "state.json").get(posting_id).note
    assert "from the CLI" in note and "from the app" in note


# -- 1, 2, 3: what the postings folder may hold -----------------------------------------
def jobtui(postings: Path, data: Path, *argv: str, timeout: float = 60,
           memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """``jobtui`` in a child process: a hang fails the test after ``timeout`` seconds
    instead of hanging the suite; ``memory`` caps its address space."""
    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--postings", str(postings), "--data-dir", str(data),
         *argv], capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=_child_env(),
        preexec_fn=limit,
    )


def test_a_name_that_is_not_utf8_neither_stops_the_build_nor_loses_the_file(
    folder, capsys
) -> None:
    write_posting(folder, b"caf\xe9.md", title="Cafe Engineer")
    (folder / "sub").mkdir()
    write_posting(folder, b"d\xe9p.txt", title="Depot Engineer")
    os.mkdir(bytes(folder) + b"/r\xe9gion")
    write_posting(folder, b"r\xe9gion/x.md", title="Region Engineer")
    write_posting(folder, "plain.md", title="Plain Engineer")
    records = {r["title"]: r for r in exported(capsys)}
    assert set(records) == {"Cafe Engineer", "Depot Engineer", "Region Engineer",
                            "Plain Engineer"}
    assert records["Cafe Engineer"]["source"] == "caf\\xe9.md"  # escaped, shown as such
    assert records["Region Engineer"]["source"] == "r\\xe9gion/x.md"
    # A change to one of them goes through the small (delta) rebuild, and back to the file.
    write_posting(folder, b"r\xe9gion/x.md", title="Region Engineer II")
    capsys.readouterr()
    assert main(["show", records["Region Engineer"]["id"]]) == 0  # same file, same id
    titles = {r["title"] for r in exported(capsys)}
    assert "Region Engineer II" in titles
    cafe = records["Cafe Engineer"]["id"]
    assert main(["mark", cafe, "applied"]) == 0
    assert main(["show", cafe]) == 0
    assert "We use Python." in capsys.readouterr().out


def test_names_are_stored_one_to_one() -> None:
    from tui.store.scan import file_name, source_name

    names = ["plain.md", "caf\udce9.md", "a\\b.md", "a\\xe9.md", "\\\udcff\\x", "ünï.md"]
    stored = [source_name(name) for name in names]
    assert len(set(stored)) == len(names)
    assert [file_name(source) for source in stored] == names
    assert stored[0] == "plain.md" and stored[-1] == "ünï.md"
    for source in stored:
        source.encode("utf-8")  # JSON can hold it


def test_link_loops_and_links_out_of_the_folder_are_not_followed(folder, tmp_path) -> None:
    write_posting(folder, "a.md")
    (folder / "sub").mkdir()
    write_posting(folder / "sub", "b.md", title="Frontend Engineer")
    os.symlink(".", folder / "loop")
    os.symlink("..", folder / "sub" / "up")
    os.symlink("/", folder / "root")
    secret = tmp_path / "secret.md"
    secret.write_text("# Private Thing\n\nCompany: Mine\n", encoding="utf-8")
    os.symlink(secret, folder / "secret.md")
    os.symlink("sub/b.md", folder / "inside.md")  # a link within the folder is read
    result = jobtui(folder, tmp_path / "data", "export", timeout=60)
    assert result.returncode == 0, result.stderr
    import json

    sources = sorted(record["source"] for record in json.loads(result.stdout))
    assert sources == ["a.md", "inside.md", "sub/b.md"]
    skipped = jobtui(folder, tmp_path / "data", "skipped").stdout
    assert "secret.md: a link to a file outside the postings folder" in skipped
    assert "root: a link to a folder; links to folders are not followed" in skipped
    assert "sub/up: a link to a folder" in skipped


def test_a_fifo_or_a_device_is_skipped_without_being_read(folder, tmp_path) -> None:
    write_posting(folder, "a.md")
    os.mkfifo(folder / "pipe.md")
    os.symlink("/dev/zero", folder / "zero.md")
    result = jobtui(folder, tmp_path / "data", "build", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "skipped pipe.md: not a regular file" in result.stdout
    assert "skipped zero.md:" in result.stdout


def test_a_huge_sparse_file_is_skipped_by_its_size_without_reading_it(folder, tmp_path) -> None:
    write_posting(folder, "a.md")
    with open(folder / "huge.md", "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GB, no blocks on disk
    result = jobtui(folder, tmp_path / "data", "build", memory=1024**3)
    assert result.returncode == 0, result.stderr
    assert "skipped huge.md: too large (2048.0 MB" in result.stdout


def test_a_file_that_could_not_be_read_is_tried_again_without_being_touched(
    folder, capsys, monkeypatch
) -> None:
    import builtins
    write_posting(folder, "a.md")
    write_posting(folder, "locked.md", title="Locked Engineer")
    locked = {str(folder / "locked.md")}
    real_os_open, real_open = os.open, builtins.open

    def refuse(path, *args, **kwargs):  # as chmod 000 would (the tests may run as root)
        if os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_os_open(path, *args, **kwargs)

    def refuse_io(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse_io)
    monkeypatch.setattr("io.open", refuse_io)
    assert [r["title"] for r in exported(capsys)] == ["Backend Engineer"]
    locked.clear()  # chmod 644: neither size nor mtime changes
    assert sorted(r["title"] for r in exported(capsys)) == ["Backend Engineer",
                                                             "Locked Engineer"]


async def test_the_app_lists_a_posting_whose_name_is_not_utf8(tmp_path: Path) -> None:
    from tests.tui_helpers import SIZE, count_text, make_app, settle

    postings = tmp_path / "postings"
    postings.mkdir()
    write_posting(postings, b"caf\xe9.md", title="Cafe Engineer")
    write_posting(postings, "plain.md", title="Plain Engineer")
    app = make_app(tmp_path, postings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "2" in count_text(app)
        assert len(app.main.catalog) == 2


# -- the data folder's rebuildable parts ---------------------------------------------------
def test_a_garbage_id_ledger_is_set_aside_and_rebuilt_so_statuses_stay_attached(
    folder, capsys
) -> None:
    write_posting(folder, "a.md", title="Backend Engineer")
    posting_id = exported(capsys)[0]["id"]
    write_posting(folder, "a.md", title="Senior Backend Engineer")  # an edit keeps the id
    assert exported(capsys)[0]["id"] == posting_id
    assert main(["mark", posting_id, "applied"]) == 0
    data = folder.parent / "data"
    (data / "ids.json").write_bytes(b"\x00garbage")
    capsys.readouterr()
    assert main(["list"]) == 0
    assert "id ledger" in capsys.readouterr().err  # said, not silent
    assert [p.read_bytes() for p in data.glob("ids.json.unreadable-*")] == [b"\x00garbage"]
    for rebuildable in ("cache.json", "files.json", "cache.delta.json"):
        (data / rebuildable).unlink(missing_ok=True)
    shutil.rmtree(data / "bodies")
    [record] = exported(capsys)
    assert (record["id"], record["status"]) == (posting_id, "applied")


def test_a_deleted_bodies_folder_is_rebuilt_so_search_finds_every_posting(
    folder, capsys
) -> None:
    import json
    write_posting(folder, "a.md", title="Backend Engineer")
    write_posting(folder, "b.md", title="Data Engineer")
    assert main(["build"]) == 0
    shutil.rmtree(folder.parent / "data" / "bodies")
    for files_json in (True, False):  # the quick rebuild, then the full one
        if not files_json:
            shutil.rmtree(folder.parent / "data" / "bodies")
            (folder.parent / "data" / "files.json").unlink()
        capsys.readouterr()
        assert main(["list", "--search", "python", "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_terminal_that_cannot_show_a_character_gets_an_escape_not_a_traceback(
    folder, tmp_path
) -> None:
    write_posting(folder, "a.md", title="Ingénieur logiciel")
    write_posting(folder, b"caf\xe9.md", title="Café Engineer")
    env = {**_child_env(), "PYTHONIOENCODING": "ascii"}
    for argv in (["list"], ["build"], ["skipped"], ["show", "nope"]):
        result = subprocess.run(
            [sys.executable, "-m", "tui.cli", "--postings", str(folder),
             "--data-dir", str(tmp_path / "data"), *argv],
            capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in {0, 2}
    assert "Ing\\xe9nieur" in subprocess.run(
        [sys.executable, "-m", "tui.cli", "--postings", str(folder),
         "--data-dir", str(tmp_path / "data"), "list"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=env).stdout


# -- 4: a data folder that cannot be written ------------------------------------------------
def _cache_cannot_be_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of the rebuildable cache fails as on a full disk; state.json's work."""
    import errno

    from tui.store import jsonstorage

    real = jsonstorage.atomic_write_bytes

    def full(path, data, *, durable=True):
        if Path(path).name == "state.json":
            return real(path, data, durable=durable)
        raise OSError(errno.ENOSPC, "No space left on device")

    for module in ("jsonstorage", "cache", "bodies", "file_index", "identity_ledger"):
        monkeypatch.setattr(f"tui.store.{module}.atomic_write_bytes", full)


def test_the_cli_lists_and_searches_when_the_cache_cannot_be_written(
    folder, capsys, monkeypatch
) -> None:
    import json

    write_posting(folder, "a.md")
    _cache_cannot_be_written(monkeypatch)
    capsys.readouterr()
    assert main(["list", "--search", "python", "--json"]) == 0
    out = capsys.readouterr()
    assert [r["title"] for r in json.loads(out.out)] == ["Backend Engineer"]
    assert "cannot write the cache" in out.err and "No space left" in out.err
    posting_id = json.loads(out.out)[0]["id"]
    assert main(["mark", posting_id, "applied"]) == 0  # the user's data still saves
    assert main(["show", posting_id]) == 0
    assert "We use Python." in capsys.readouterr().out


async def test_the_app_shows_postings_and_says_why_when_the_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui_helpers import SIZE, make_app, settle

    _cache_cannot_be_written(monkeypatch)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len(app.main.catalog) == 5
        messages = [str(n.message) for n in app._notifications]
        assert any("cannot write the cache" in m for m in messages)
        await pilot.press("b")  # bookmarking still works: state.json is writable
        await settle(app, pilot)
        assert app.return_code is None  # still running, no crash


def test_a_crashed_app_exits_non_zero(folder, monkeypatch) -> None:
    import tui.ui.app

    class Crashed:  # what Textual leaves after an unhandled exception
        return_value = None
        return_code = 1

        def __init__(self, **_: object) -> None:
            pass

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui.ui.app, "JobTuiApp", Crashed)
    assert main([]) == 1


# -- 6: the terminal goes away ----------------------------------------------------------------
WAITING_PARENT = r"""
import signal, subprocess, sys
from pathlib import Path
signal.signal(signal.SIGHUP, lambda *_: None)  # like make: hears the hang-up, waits
child = subprocess.Popen([sys.argv[1]])
Path(sys.argv[2]).write_text(str(child.pid))
child.wait()
"""


@pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
def test_jobtui_quits_when_its_terminal_closes_even_under_a_parent_that_only_waits(
    tmp_path: Path,
) -> None:
    import time
    import uuid

    from tui.paths import bundled_seeds

    postings = tmp_path / "postings"
    shutil.copytree(bundled_seeds(), postings, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "JOBTUI_DATA_DIR": str(tmp_path / "data"),
           "JOBTUI_POSTINGS": str(postings), "TERM": "xterm-256color"}
    socket = f"jobtui-hup-{uuid.uuid4().hex[:8]}"
    pidfile = tmp_path / "jobtui.pid"
    jobtui_bin = str(Path(sys.executable).with_name("jobtui"))

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", socket, *args], env=env, check=True,
                              capture_output=True, text=True).stdout

    tmux("new-session", "-d", "-s", "hup", "-x", "160", "-y", "45",
         sys.executable, "-c", WAITING_PARENT, jobtui_bin, str(pidfile))
    pid = 0
    try:
        deadline = time.monotonic() + 30
        while "5 / 5" not in tmux("capture-pane", "-p", "-t", "hup"):
            assert time.monotonic() < deadline, tmux("capture-pane", "-p", "-t", "hup")
            time.sleep(0.05)
        pid = int(pidfile.read_text())
        tmux("kill-server")  # the terminal closes
        deadline = time.monotonic() + 15
        while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
            assert time.monotonic() < deadline, "jobtui kept running on a closed terminal"
            time.sleep(0.05)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], env=env, capture_output=True)
        if pid and Path(f"/proc/{pid}").exists():
            os.kill(pid, 9)  # only the process this test started


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"

