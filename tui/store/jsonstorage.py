"""Crash-safe JSON files: atomic replacement, an orjson TinyDB storage, and a file lock.

TinyDB's own ``JSONStorage`` truncates and rewrites its file in place, so a
crash or a full disk mid-write leaves invalid JSON. Here every write
serialises first, writes a temporary file in the same folder, flushes it to
disk, and only then renames it over the old file (an atomic step on POSIX),
then syncs the folder so the rename itself survives a power cut. A reader
therefore sees the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step.

    ``durable`` also forces the bytes and the rename to disk before returning:
    required for the user's own data, skipped for the rebuildable cache.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _fsync_directory(path.parent)


def dumps(data: Any) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that reads with orjson and writes atomically.

    ``read`` returns None for a missing or empty file (TinyDB then starts
    empty) and raises ``ValueError`` for a file that is not a JSON object:
    callers decide whether that is rebuildable (the cache) or precious (state).
    """

    def __init__(self, path: str | os.PathLike[str], *, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        data = orjson.loads(raw)  # orjson.JSONDecodeError is a ValueError
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_bytes(self.path, dumps(data), durable=self.durable)

    def close(self) -> None:
        pass


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (created if missing) for the block.

    Every read-modify-write of shared data happens under it, so the TUI and a
    ``jobtui mark`` run from another shell never lose each other's changes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
