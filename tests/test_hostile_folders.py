"""Hostile postings folders, hostile data folders and two writers at once (issue 16).

Each test names what a user would see go wrong without the fix.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tui.cli import main


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
    import os

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
    from tui.widgets.posting_list import PostingList

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        posting_id = app.query_one(PostingList).highlighted
        await pilot.press("n")
        await pilot.pause()
        TrackingStore(tmp_path / "data" / "state.json").set_note(posting_id, "from the CLI")
        await type_text(pilot, "from the app")
        await pilot.press("enter")
        await settle(app, pilot)
    note = TrackingStore(tmp_path / "data" / "state.json").get(posting_id).note
    assert "from the CLI" in note and "from the app" in note
