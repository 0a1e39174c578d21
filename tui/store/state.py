"""The user's own data: bookmarks, statuses with their dated history, and notes.

It lives in ``state.json`` (a TinyDB file) beside, never inside, the
rebuildable cache, keyed by posting id. Every change is a read-modify-write
under an exclusive file lock, re-reading the file inside the lock, written
atomically (:mod:`tui.store.jsonstorage`), with rotating backups. A file that
cannot be read is never written over: :class:`StateUnreadable` says which file
and which backup can restore it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where
from tinydb.table import Document

from tui.model import STATUSES, StatusChange, Tracking
from tui.store.jsonstorage import AtomicJSONStorage, atomic_write_bytes, file_lock

SCHEMA = 1
TABLE = "tracking"
KEEP_BACKUPS = 7
BACKUP_EVERY_SECONDS = 600


class StateUnreadable(Exception):
    """``state.json`` exists but cannot be read; it has been left untouched."""


def tracking_from_doc(doc: dict[str, Any]) -> Tracking:
    """A stored document as a :class:`Tracking`; unknown keys (a newer version) are ignored."""
    history = tuple(
        StatusChange(str(item["status"]), str(item["date"])) for item in doc.get("history", ())
    )
    status = str(doc.get("status", "none"))
    return Tracking(
        posting_id=str(doc["posting_id"]),
        bookmarked=bool(doc.get("bookmarked", False)),
        status=status if status in STATUSES else "none",
        history=history,
        note=str(doc.get("note", "")),
        title=str(doc.get("title", "")),
        company=str(doc.get("company", "")),
        updated=str(doc.get("updated", "")),
    )


def tracking_to_doc(tracking: Tracking) -> dict[str, Any]:
    return {
        "posting_id": tracking.posting_id,
        "bookmarked": tracking.bookmarked,
        "status": tracking.status,
        "history": [{"status": c.status, "date": c.date} for c in tracking.history],
        "note": tracking.note,
        "title": tracking.title,
        "company": tracking.company,
        "updated": tracking.updated,
    }


class TrackingStore:
    def __init__(self, path: Path, *, today: Callable[[], date] = date.today) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_dir = self.path.parent / "backups"
        self._today = today

    # -- reading ---------------------------------------------------------------
    def _read_raw(self) -> dict[str, Any]:
        """The file's tables, or raise StateUnreadable; {} when there is no file yet."""
        try:
            data = AtomicJSONStorage(self.path).read() or {}
            for doc in data.get(TABLE, {}).values():
                tracking_from_doc(doc)
        except Exception as error:
            raise StateUnreadable(self._unreadable_message(error)) from error
        return data

    def _unreadable_message(self, error: Exception) -> str:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        backups = self.backups()
        hint = (
            f"restore the newest backup ({backups[0]}) with `jobtui restore`"
            if backups else "no backup exists yet; repair the file or move it aside"
        )
        return (
            f"cannot read your tracking data {self.path} ({reason}); "
            f"it was left untouched: {hint}"
        )

    def all(self) -> dict[str, Tracking]:
        tables = self._read_raw()
        return {
            tracking.posting_id: tracking
            for tracking in map(tracking_from_doc, tables.get(TABLE, {}).values())
        }

    def get(self, posting_id: str) -> Tracking:
        return self.all().get(posting_id) or Tracking(posting_id)

    def check(self) -> None:
        """Raise StateUnreadable now if the file cannot be read."""
        self._read_raw()

    # -- changing --------------------------------------------------------------
    def _change(
        self, posting_id: str, title: str, company: str, edit: Callable[[Tracking], Tracking]
    ) -> Tracking:
        with file_lock(self.lock_path):
            self._read_raw()  # inside the lock: another process may just have written
            self._remove_stale_temporaries()
            self._backup_if_due()
            database = TinyDB(self.path, storage=AtomicJSONStorage)
            table = database.table(TABLE)
            found = table.get(where("posting_id") == posting_id)
            current = tracking_from_doc(found) if isinstance(found, dict) else Tracking(posting_id)
            changed = edit(current)
            changed = replace(
                changed,
                title=title or current.title,
                company=company or current.company,
                updated=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            # One write per change: TinyDB's upsert of a new document writes twice.
            if changed.is_empty:
                table.remove(where("posting_id") == posting_id)
            elif isinstance(found, Document):
                table.update(tracking_to_doc(changed), doc_ids=[found.doc_id])
            else:
                table.insert(tracking_to_doc(changed))
            if not database.table("_meta").all():
                database.table("_meta").insert({"schema": SCHEMA})
            return changed

    def set_status(
        self, posting_id: str, status: str, *, title: str = "", company: str = ""
    ) -> Tracking:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")

        def edit(current: Tracking) -> Tracking:
            if current.status == status:
                return current
            history = current.history
            if status != "none":
                history = (*history, StatusChange(status, self._today().isoformat()))
            return replace(current, status=status, history=history)

        return self._change(posting_id, title, company, edit)

    def set_bookmark(
        self, posting_id: str, bookmarked: bool, *, title: str = "", company: str = ""
    ) -> Tracking:
        return self._change(posting_id, title, company,
                            lambda current: replace(current, bookmarked=bookmarked))

    def set_note(
        self, posting_id: str, note: str, *, title: str = "", company: str = ""
    ) -> Tracking:
        return self._change(posting_id, title, company,
                            lambda current: replace(current, note=note.strip()))

    def _remove_stale_temporaries(self) -> None:
        """Temporary files a killed writer left behind. Only called under the lock, and
        every writer of these files holds it, so none of them is still being written."""
        for folder, pattern in ((self.path.parent, f".{self.path.name}.*.tmp"),
                                (self.backup_dir, ".state-*.json.*.tmp")):
            if folder.is_dir():
                for stale in folder.glob(pattern):
                    stale.unlink(missing_ok=True)

    # -- backups ---------------------------------------------------------------
    def backups(self) -> list[Path]:
        """Backup files, newest first."""
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob("state-*.json"), reverse=True)

    def _backup_if_due(self) -> None:
        if not self.path.exists():
            return
        existing = self.backups()
        now = datetime.now(UTC)
        if existing:
            newest = datetime.fromtimestamp(existing[0].stat().st_mtime, tz=UTC)
            if (now - newest).total_seconds() < BACKUP_EVERY_SECONDS:
                return
        name = f"state-{now.strftime('%Y%m%dT%H%M%S%f')}.json"
        atomic_write_bytes(self.backup_dir / name, self.path.read_bytes())
        for old in existing[KEEP_BACKUPS - 1:]:
            old.unlink(missing_ok=True)

    def restore(self, backup: Path | None = None) -> Path:
        """Put a backup back as ``state.json``; the file it replaces is kept beside it."""
        with file_lock(self.lock_path):
            chosen = backup or next(
                (path for path in self.backups() if _is_valid(path)), None
            )
            if chosen is None:
                raise FileNotFoundError(f"no readable backup in {self.backup_dir}")
            if not _is_valid(chosen):
                raise ValueError(f"{chosen} is not a readable backup")
            if self.path.exists():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
                shutil.copy2(self.path, self.path.with_name(f"{self.path.name}.replaced-{stamp}"))
            atomic_write_bytes(self.path, Path(chosen).read_bytes())
            return Path(chosen)


def _is_valid(path: Path) -> bool:
    try:
        data = AtomicJSONStorage(path).read() or {}
        for doc in data.get(TABLE, {}).values():
            tracking_from_doc(doc)
    except Exception:
        return False
    return True
