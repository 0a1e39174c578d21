"""Durability of the user's own data (state.json): crashes, races, corruption, upgrades."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tui.store import state as state_module
from tui.store.state import KEEP_BACKUPS, StateUnreadable, TrackingStore

ROOT = Path(__file__).resolve().parents[1]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def _temp_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob(".state.json.*.tmp"))


def _disk_tracking(path: Path) -> dict:
    return orjson.loads(path.read_bytes())["tracking"]


# -- 1. interrupted writes ----------------------------------------------------------


def _fail_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(src, dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tui.store.jsonstorage.os.replace", replace)


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("tui.store.jsonstorage.os.fsync", fsync)


def _fail_directory_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file's fsync and the rename succeed; syncing the folder afterwards fails."""
    real_fsync = os.fsync
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) >= 2:
            raise OSError(errno.EIO, "Input/output error")
        return real_fsync(fd)

    monkeypatch.setattr("tui.store.jsonstorage.os.fsync", fsync)


def _fail_half_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle):
            self._handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self._handle.close()
            return False

        def write(self, data):
            self._handle.write(data[: len(data) // 2])
            self._handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            self._handle.flush()

        def fileno(self):
            return self._handle.fileno()

    def fdopen(fd, *args, **kwargs):
        return HalfWriter(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr("tui.store.jsonstorage.os.fdopen", fdopen)


@pytest.mark.parametrize(
    "break_write",
    [_fail_replace, _fail_fsync, _fail_half_write, _fail_directory_fsync],
    ids=["replace-enospc", "fsync-eio", "half-write-enospc", "directory-fsync-eio"],
)
def test_interrupted_write_leaves_previous_state_valid(tmp_path, monkeypatch, break_write):
    path = tmp_path / "state.json"
    store = TrackingStore(path)
    store.set_status("first", "applied", title="First job", company="Acme")
    # A second change makes the (10-minutely) backup now, so the failing write
    # below is the one to state.json itself, not to a backup.
    store.set_bookmark("first", True)
    assert store.backups()
    before = path.read_bytes()

    break_write(monkeypatch)
    with pytest.raises(OSError):
        store.set_note("second", "a note that may not make it")
    monkeypatch.undo()

    tracking = _disk_tracking(path)  # still parses
    first = next(doc for doc in tracking.values() if doc["posting_id"] == "first")
    assert first["status"] == "applied"
    assert store.get("first").status == "applied"
    assert store.get("first").bookmarked is True
    if break_write is not _fail_directory_fsync:
        # The rename never happened: the old file is untouched, byte for byte.
        assert path.read_bytes() == before
        assert store.get("second").note == ""
    assert _temp_files(tmp_path) == []
    # And the store keeps working afterwards.
    store.set_note("second", "retry")
    assert store.get("second").note == "retry"


STEPS_PER_CHANGE = 16


class StepFaults:
    """Count every step of a write that touches the disk (temp file created, opened,
    written, flushed, fsynced, renamed, folder opened to fsync) and fail or crash at
    step ``fail_at``. A write fails half-way through its bytes, as on a full disk."""

    def __init__(self, fail_at: int, crash=None) -> None:
        self.fail_at, self.crash, self.steps = fail_at, crash, []

    def hit(self, name: str) -> bool:
        self.steps.append(name)
        if len(self.steps) - 1 != self.fail_at:
            return False
        if self.crash is not None:
            self.crash()
        return True

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import tempfile

        from tui.store import jsonstorage

        real = {name: getattr(os, name) for name in ("fdopen", "fsync", "replace", "open")}
        real_mkstemp = tempfile.mkstemp
        faults = self

        def failing(name, function):
            def wrapper(*args, **kwargs):
                if faults.hit(name):
                    raise OSError(errno.EIO, f"injected failure at {name}")
                return function(*args, **kwargs)
            return wrapper

        class Handle:
            def __init__(self, handle):
                self._handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc_info):
                self._handle.close()
                return False

            def write(self, data):
                if faults.hit("write"):
                    self._handle.write(data[: len(data) // 2])
                    self._handle.flush()
                    raise OSError(errno.ENOSPC, "injected: no space left on device")
                return self._handle.write(data)

            def flush(self):
                if faults.hit("flush"):
                    raise OSError(errno.EIO, "injected failure at flush")
                self._handle.flush()

            def fileno(self):
                return self._handle.fileno()

        def fdopen(fd, *args, **kwargs):
            if faults.hit("fdopen"):
                os.close(fd)
                raise OSError(errno.EMFILE, "injected failure at fdopen")
            return Handle(real["fdopen"](fd, *args, **kwargs))

        def directory_open(path, flags, *args, **kwargs):
            if flags == os.O_RDONLY and Path(path).is_dir() and faults.hit("open-folder"):
                raise OSError(errno.EIO, "injected failure at open-folder")
            return real["open"](path, flags, *args, **kwargs)

        monkeypatch.setattr(jsonstorage.tempfile, "mkstemp", failing("mkstemp", real_mkstemp))
        monkeypatch.setattr(jsonstorage.os, "fdopen", fdopen)
        def fsync(fd):
            import stat
            name = "fsync-folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync"
            if faults.hit(name):
                raise OSError(errno.EIO, f"injected failure at {name}")
            return real["fsync"](fd)

        monkeypatch.setattr(jsonstorage.os, "fsync", fsync)
        monkeypatch.setattr(jsonstorage.os, "replace", failing("replace", real["replace"]))
        monkeypatch.setattr(jsonstorage.os, "open", directory_open)


def _baseline(directory: Path) -> tuple[TrackingStore, bytes, dict]:
    store = TrackingStore(directory / "state.json")
    store.set_status("first", "applied", title="First job", company="Acme")
    store.set_bookmark("first", True)
    return store, (directory / "state.json").read_bytes(), _disk_tracking(directory / "state.json")


def test_a_write_failing_at_every_single_step_keeps_state_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", 0)  # the backup's steps too
    failed_at: set[str] = set()
    for fail_at in range(200):
        directory = tmp_path / f"run{fail_at}"
        store, before_bytes, before = _baseline(directory)
        faults = StepFaults(fail_at)
        with monkeypatch.context() as patch:
            faults.install(patch)
            try:
                store.set_note("second", "a note")
            except OSError:
                failed = True
            else:
                failed = False
        path = directory / "state.json"
        after = _disk_tracking(path)  # always parses
        notes = {doc["posting_id"]: doc["note"] for doc in after.values()}
        if not failed:
            assert notes == {"first": "", "second": "a note"}
            break
        failed_at.add(faults.steps[-1])
        if faults.steps[-1] not in {"open-folder", "fsync-folder"}:  # else the rename is done
            assert path.read_bytes() == before_bytes, " ".join(faults.steps)
            assert after == before
        assert sorted(directory.rglob("*.tmp")) == []
        store.set_note("second", "retried")  # and the store still works
        assert store.get("second").note == "retried" and store.get("first").bookmarked
    else:
        pytest.fail("the write never succeeded")
    # Every kind of step was made to fail, in the backup's write and in the state's.
    assert failed_at == {"mkstemp", "fdopen", "write", "flush", "fsync", "replace",
                         "open-folder", "fsync-folder"}
    assert fail_at == STEPS_PER_CHANGE  # backup: 8 steps, state: 8 steps


CRASHER = r"""
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import pytest
from tests.test_state_durability import StepFaults
from tui.store import state
from tui.store.state import TrackingStore

state.BACKUP_EVERY_SECONDS = 0
patch = pytest.MonkeyPatch()
StepFaults(int(sys.argv[2]), crash=lambda: os._exit(70)).install(patch)
TrackingStore(Path(sys.argv[1])).set_note("second", "a note")
"""


@pytest.mark.parametrize("crash_at", range(STEPS_PER_CHANGE + 1))  # the last: no crash
def test_a_crash_at_every_step_of_a_write_leaves_the_old_or_the_new_state(
    tmp_path: Path, crash_at: int
) -> None:
    path = tmp_path / "state.json"
    store, before_bytes, before = _baseline(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", CRASHER, str(path), str(crash_at), str(ROOT)],
        env=_child_env(), cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode in {0, 70}, result.stderr
    after = _disk_tracking(path)
    notes = {doc["posting_id"]: doc["note"] for doc in after.values()}
    if result.returncode == 0:
        assert notes == {"first": "", "second": "a note"}
    else:
        assert path.read_bytes() == before_bytes or notes == {"first": "", "second": "a note"}
        assert after == before or notes == {"first": "", "second": "a note"}
    # Whatever the crash left behind, the next change works and tidies it up.
    store.set_note("third", "after the crash")
    assert store.get("third").note == "after the crash"
    assert store.get("first").status == "applied"
    assert sorted(tmp_path.rglob("*.tmp")) == []


# -- 2. two writers ------------------------------------------------------------------

WRITER = r"""
import sys
from pathlib import Path
from tui.store.state import TrackingStore

store = TrackingStore(Path(sys.argv[1]))
prefix = sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
for i in range(50):
    if i % 2:
        store.set_bookmark(f"{prefix}-{i}", True, title=f"t{i}")
    else:
        store.set_status(f"{prefix}-{i}", "applied", title=f"t{i}")
print("done", flush=True)
"""


def test_two_processes_writing_concurrently_lose_nothing(tmp_path):
    path = tmp_path / "state.json"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), prefix],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=_child_env(), cwd=ROOT,
        )
        for prefix in ("p1", "p2")
    ]
    try:
        for process in processes:  # both imported and waiting: start them together
            assert process.stdout.readline().strip() == "ready", process.stderr.read()
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            assert out.strip() == "done"
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    tracked = TrackingStore(path).all()
    expected = {f"{prefix}-{i}" for prefix in ("p1", "p2") for i in range(50)}
    assert set(tracked) == expected
    for posting_id, tracking in tracked.items():
        i = int(posting_id.split("-")[1])
        if i % 2:
            assert tracking.bookmarked is True
        else:
            assert tracking.status == "applied"
    assert _temp_files(tmp_path) == []


# -- 3. hard kill --------------------------------------------------------------------

LOOPER = r"""
import sys
from pathlib import Path
from tui.store.state import TrackingStore

store = TrackingStore(Path(sys.argv[1]))
for i in range(100000):
    store.set_note(f"k{i}", f"note number {i}")
    print(i, flush=True)
"""


def test_hard_kill_keeps_every_acknowledged_change(tmp_path):
    path = tmp_path / "state.json"
    process = subprocess.Popen(
        [sys.executable, "-c", LOOPER, str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_child_env(), cwd=ROOT,
    )
    acknowledged: list[int] = []
    try:
        while len(acknowledged) < 30:
            line = process.stdout.readline()
            assert line, f"writer stopped early: {process.stderr.read()}"
            acknowledged.append(int(line))
        process.send_signal(signal.SIGKILL)
        rest = process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL
    # Anything the writer printed before dying was acknowledged too.
    acknowledged += [int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")]

    orjson.loads(path.read_bytes())  # parses
    tracked = TrackingStore(path).all()
    for i in acknowledged:
        assert tracked[f"k{i}"].note == f"note number {i}"


# -- 4. unreadable state ---------------------------------------------------------------

GARBAGE = b'{"tracking": {"1": '


def test_unreadable_state_is_never_overwritten(tmp_path):
    path = tmp_path / "state.json"
    path.write_bytes(GARBAGE)
    store = TrackingStore(path)

    with pytest.raises(StateUnreadable) as read_error:
        store.all()
    assert str(path) in str(read_error.value)
    with pytest.raises(StateUnreadable) as write_error:
        store.set_status("p1", "applied")
    assert str(path) in str(write_error.value)
    with pytest.raises(StateUnreadable):
        store.set_note("p1", "note")

    assert path.read_bytes() == GARBAGE
    assert store.backups() == []  # the garbage was not backed up over anything either
    assert _temp_files(tmp_path) == []


def test_unreadable_state_names_backup_and_restore_brings_data_back(tmp_path, monkeypatch):
    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", 0)
    path = tmp_path / "state.json"
    store = TrackingStore(path)
    store.set_status("p1", "applied", title="Dev", company="Acme")
    store.set_note("p1", "called them")  # backs up the file as it was after set_status
    backups = store.backups()
    assert backups

    path.write_bytes(GARBAGE)
    with pytest.raises(StateUnreadable) as error:
        store.all()
    message = str(error.value)
    assert str(path) in message
    assert str(backups[0]) in message
    with pytest.raises(StateUnreadable):
        store.set_bookmark("p1", True)
    assert path.read_bytes() == GARBAGE

    restored = store.restore()
    assert restored == backups[0]
    tracked = store.all()
    assert tracked["p1"].status == "applied"
    assert tracked["p1"].title == "Dev"
    kept = list(tmp_path.glob("state.json.replaced-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == GARBAGE
    # Changes work again after the restore.
    store.set_bookmark("p1", True)
    assert store.get("p1").bookmarked is True


# -- 5. backup rotation ------------------------------------------------------------------


def test_backups_rotate_and_each_parses(tmp_path, monkeypatch):
    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", 0)
    path = tmp_path / "state.json"
    store = TrackingStore(path)
    for i in range(12):
        store.set_status(f"p{i}", "applied")

    backups = store.backups()
    assert 0 < len(backups) <= KEEP_BACKUPS
    assert len(list((tmp_path / "backups").iterdir())) == len(backups)
    for backup in backups:
        orjson.loads(backup.read_bytes())
        TrackingStore(backup).all()
    # The newest backup is the file as it was just before the last change.
    assert set(TrackingStore(backups[0]).all()) == {f"p{i}" for i in range(11)}
    assert set(store.all()) == {f"p{i}" for i in range(12)}


# -- 6. upgrades ------------------------------------------------------------------------

NEWER_STATE = {
    "_meta": {"1": {"schema": 2, "writer": "jobtui 9.0"}},
    "tracking": {
        "1": {
            "posting_id": "old",
            "bookmarked": True,
            "status": "applied",
            "history": [{"status": "applied", "date": "2030-01-01"}],
            "note": "from the future",
            "title": "Engineer",
            "company": "Acme",
            "updated": "2030-01-01T00:00:00+00:00",
            "reminder_at": "2030-02-01",
            "labels": ["remote", "senior"],
        }
    },
    "reminders": {"1": {"posting_id": "old", "when": "2030-02-01"}},
}


def test_state_from_a_newer_version_loads_and_survives_changes(tmp_path):
    path = tmp_path / "state.json"
    path.write_bytes(orjson.dumps(NEWER_STATE))
    store = TrackingStore(path)

    old = store.all()["old"]
    assert old.status == "applied"
    assert old.bookmarked is True
    assert old.note == "from the future"

    store.set_note("new", "written by this version")
    store.set_status("old", "interviewing")

    on_disk = orjson.loads(path.read_bytes())
    # TinyDB rewrites every table it read, so the unknown table is kept as is.
    assert on_disk["reminders"] == NEWER_STATE["reminders"]
    # The newer schema marker is not downgraded.
    assert list(on_disk["_meta"].values()) == [NEWER_STATE["_meta"]["1"]]
    docs = {doc["posting_id"]: doc for doc in on_disk["tracking"].values()}
    # Upsert updates the stored document, so its unknown keys stay.
    assert docs["old"]["reminder_at"] == "2030-02-01"
    assert docs["old"]["labels"] == ["remote", "senior"]
    assert docs["old"]["status"] == "interviewing"
    assert docs["old"]["note"] == "from the future"
    assert docs["new"]["note"] == "written by this version"

    tracked = store.all()
    assert set(tracked) == {"old", "new"}
    assert [change.status for change in tracked["old"].history] == ["applied", "interviewing"]
