"""The user's own data: bookmarks, statuses with their dated history, dated notes, and
what the user has hidden (postings, and whole companies).

It lives in ``state.json`` (a TinyDB file) beside, never inside, the
rebuildable cache, keyed by posting id. Every change is a read-modify-write
under an exclusive file lock, re-reading the file inside the lock, written
atomically (:mod:`tui.store.jsonstorage`), with rotating backups. A file that
cannot be read is never written over: :class:`StateUnreadable` says which file
and which backup can restore it; nor is an empty file, nor one whose shape
(tables of numbered documents, tracking documents of the right types) would
make a later write fail.

The format grows by adding fields, never by changing one: a reader ignores keys it
does not know, and TinyDB's update merges into the stored document, so an older
jobtui writing a posting keeps the fields it does not know. Schema 2 added ``notes``
(a list of ``{"date", "text"}``, oldest first), ``hidden``, and the
``hidden_companies`` table; ``note`` is still written, as the entries' texts newest
first, so an older jobtui shows the whole log as its single note. A document with
a ``note`` and no ``notes`` (schema 1) reads as one entry dated by its last update;
a ``note`` that no longer matches ``notes`` was edited by an older jobtui, and reads
as the single entry it wrote.

Backups are numbered: the newest is the one with the highest number, whatever
the clock said when it was written, and a backup dated in the future (the clock
was set back) is re-dated to now rather than postponing every later backup.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB, where
from tinydb.table import Document

from tui.model import STATUSES, NoteEntry, StatusChange, Tracking, notes_text
from tui.sanitize import visible
from tui.store.jsonstorage import AtomicJSONStorage, atomic_write_bytes, file_lock
from tui.text import fold

SCHEMA = 2
TABLE = "tracking"
COMPANIES_TABLE = "hidden_companies"  # {"company": folded name, "name": as shown, "date"}
KEEP_BACKUPS = 7
BACKUP_EVERY_SECONDS = 600


# state-<number>-<UTC time>.json; before numbering, state-<UTC time>.json.
BACKUP_NAME = re.compile(r"state-(?:(\d+)-)?\d{8}T\d+\.json")
# What the known fields of a tracking document must be, so that every later
# write (TinyDB rewrites every document) and every reader can rely on them.
FIELD_TYPES: dict[str, type] = {
    "posting_id": str, "bookmarked": bool, "status": str, "history": list, "note": str,
    "title": str, "company": str, "updated": str, "notes": list, "hidden": bool,
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class StateUnreadable(Exception):
    """``state.json`` exists but cannot be read; it has been left untouched."""


class NoteConflict(Exception):
    """The note changed on disk since the editor opened it (another jobtui wrote it);
    nothing was written. ``current`` is the note as it is now, ``yours`` the edit."""

    def __init__(self, posting_id: str, current: str, yours: str) -> None:
        super().__init__(f"the note of {posting_id} was changed elsewhere while it was edited")
        self.posting_id = posting_id
        self.current = current
        self.yours = yours


def keep_both(current: str, yours: str) -> str:
    """One note holding both versions of a note edited in two places at once."""
    if not current or current in yours:
        return yours
    if not yours or yours in current:
        return current
    return f"{current}\n\n(edited elsewhere at the same time; both versions kept)\n{yours}"


def validate_tables(data: Any) -> dict[str, Any]:
    """``data`` if it has the shape of a state file, else ValueError saying what is wrong.

    TinyDB takes any JSON object, then fails on the first write to a table that is not
    an object of numbered documents: found here, before anything is written.
    """
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not a JSON object")
        for doc_id, doc in table.items():
            if not (doc_id.isascii() and doc_id.isdecimal()):
                raise ValueError(f"document key {doc_id!r} in table {name!r} is not a number")
            if not isinstance(doc, dict):
                raise ValueError(f"document {doc_id} in table {name!r} is not a JSON object")
    for doc_id, doc in data.get(TABLE, {}).items():
        for key, kind in FIELD_TYPES.items():
            if (key in doc or key == "posting_id") and not isinstance(doc.get(key), kind):
                raise ValueError(f"tracking document {doc_id}: {key!r} is not a {kind.__name__}")
        for change in doc.get("history", ()):
            if not (isinstance(change, dict) and isinstance(change.get("status"), str)
                    and isinstance(change.get("date"), str)):
                raise ValueError(f"tracking document {doc_id}: a history entry is malformed")
        for entry in doc.get("notes", ()):
            if not (isinstance(entry, dict) and isinstance(entry.get("text"), str)
                    and isinstance(entry.get("date"), str)):
                raise ValueError(f"tracking document {doc_id}: a note entry is malformed")
    for doc_id, doc in data.get(COMPANIES_TABLE, {}).items():
        if not isinstance(doc.get("company"), str):
            raise ValueError(f"hidden company {doc_id}: 'company' is not a string")
    return data


def load_state_file(path: Path) -> dict[str, Any] | None:
    """The tables of a state file or backup; None when there is no file; ValueError or
    OSError when it cannot be trusted. An empty file is never valid: no write of ours
    leaves one, so it is damage (a full disk, a truncation), not "no data"."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    if not raw.strip():
        raise ValueError("the file is empty")
    return validate_tables(orjson.loads(raw))


def is_valid_state(path: Path) -> bool:
    try:
        return load_state_file(path) is not None
    except (OSError, ValueError):
        return False


def _backup_number(path: Path) -> int:
    match = BACKUP_NAME.fullmatch(path.name)
    return int(match.group(1)) if match and match.group(1) else 0


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
        notes=notes_from_doc(doc),
        hidden=bool(doc.get("hidden", False)),
        title=str(doc.get("title", "")),
        company=str(doc.get("company", "")),
        updated=str(doc.get("updated", "")),
    )


def notes_from_doc(doc: dict[str, Any]) -> tuple[NoteEntry, ...]:
    """The note log of a stored document, from any schema: nothing the user wrote is lost.

    ``note`` alone (schema 1) is one entry, dated by the document's last update. A
    ``note`` that differs from the log's text was written by an older jobtui after the
    log: what it wrote is what the user last saw and kept, so it is the one entry.
    """
    notes = tuple(NoteEntry(str(entry["date"]), str(entry["text"]))
                  for entry in doc.get("notes", ()))
    single = str(doc.get("note", "")).strip()
    if single and single != notes_text(notes):
        updated = str(doc.get("updated", ""))[:10]
        return (NoteEntry(updated if ISO_DATE.fullmatch(updated) else "", single),)
    if not single and "notes" in doc and "note" in doc and notes:
        return ()  # an older jobtui cleared the note
    return notes


def tracking_to_doc(tracking: Tracking) -> dict[str, Any]:
    return {
        "posting_id": tracking.posting_id,
        "bookmarked": tracking.bookmarked,
        "status": tracking.status,
        "history": [{"status": c.status, "date": c.date} for c in tracking.history],
        "note": tracking.note,  # for an older jobtui: the log's texts, newest first
        "notes": [{"date": entry.date, "text": entry.text} for entry in tracking.notes],
        "hidden": tracking.hidden,
        "title": tracking.title,
        "company": tracking.company,
        "updated": tracking.updated,
    }


def parse_day(text: str) -> date:
    """An ISO date the user typed (2026-11-01), or ValueError saying what is expected."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"not a date: {text!r} (write it as YYYY-MM-DD)") from None


def with_change(history: tuple[StatusChange, ...], change: StatusChange
                ) -> tuple[StatusChange, ...]:
    """``history`` with ``change`` added in date order (after changes of the same day)."""
    index = len(history)
    while index and history[index - 1].date > change.date:
        index -= 1
    return (*history[:index], change, *history[index:])


class TrackingStore:
    def __init__(self, path: Path, *, today: Callable[[], date] = date.today) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.backup_dir = self.path.parent / "backups"
        self._today = today
        self.backup_error: str | None = None  # why the last change could not back up

    # -- reading ---------------------------------------------------------------
    def _read_raw(self) -> dict[str, Any]:
        """The file's tables, or raise StateUnreadable; {} when there is no file yet."""
        try:
            return load_state_file(self.path) or {}
        except Exception as error:
            raise StateUnreadable(self._unreadable_message(error)) from error

    def _unreadable_message(self, error: Exception) -> str:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        usable = next((path for path in self.backups() if is_valid_state(path)), None)
        hint = (
            f"restore the newest readable backup ({visible(str(usable))}) with `jobtui restore`"
            if usable else "no readable backup exists; repair the file or move it aside"
        )
        return (
            f"cannot read your tracking data {visible(str(self.path))} ({visible(reason)}); "
            f"it was left untouched: {hint}"
        )

    def stamp(self) -> tuple[int, int, int] | None:
        """A token that changes whenever ``state.json`` is written, by this process or
        another: one ``stat``, cheap enough to poll. Every write replaces the file, so
        the inode changes even when the size and the clock do not. None: no file."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def all(self) -> dict[str, Tracking]:
        tables = self._read_raw()
        return {
            tracking.posting_id: tracking
            for tracking in map(tracking_from_doc, tables.get(TABLE, {}).values())
        }

    def get(self, posting_id: str) -> Tracking:
        return self.all().get(posting_id) or Tracking(posting_id)

    def read(self) -> tuple[dict[str, Tracking], dict[str, str]]:
        """Every posting's tracking and the hidden companies (folded name → as shown),
        from one read of the file."""
        tables = self._read_raw()
        tracking = {item.posting_id: item
                    for item in map(tracking_from_doc, tables.get(TABLE, {}).values())}
        companies = {str(doc["company"]): str(doc.get("name") or doc["company"])
                     for doc in tables.get(COMPANIES_TABLE, {}).values()}
        return tracking, companies

    def hidden_companies(self) -> dict[str, str]:
        return self.read()[1]

    def check(self) -> None:
        """Raise StateUnreadable now if the file cannot be read."""
        self._read_raw()

    # -- changing --------------------------------------------------------------
    def _open_for_change(self) -> TinyDB:
        """The database, under the caller's lock, after the checks every change makes."""
        self._read_raw()  # inside the lock: another process may just have written
        self._remove_stale_temporaries()
        self._backup_if_due()
        return TinyDB(self.path, storage=AtomicJSONStorage)

    def _change(
        self, posting_id: str, title: str, company: str, edit: Callable[[Tracking], Tracking]
    ) -> Tracking:
        with file_lock(self.lock_path):
            database = self._open_for_change()
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
            self._stamp_schema(database)
            return changed

    @staticmethod
    def _stamp_schema(database: TinyDB) -> None:
        meta = database.table("_meta")
        found = meta.all()
        if not found:
            meta.insert({"schema": SCHEMA})
        elif any(isinstance(doc.get("schema"), int) and doc["schema"] < SCHEMA
                 for doc in found):
            meta.update({"schema": SCHEMA})

    def set_status(
        self, posting_id: str, status: str, *, title: str = "", company: str = "",
        on: date | None = None,
    ) -> Tracking:
        """Set the status, recorded in the history as of ``on`` (default: today). The
        same status again with a date re-dates its latest entry."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; choose one of {', '.join(STATUSES)}")
        day = (on or self._today()).isoformat()

        def edit(current: Tracking) -> Tracking:
            if current.status == status:
                if on is None or status == "none" or not current.history:
                    return current
                last = max(range(len(current.history)),
                           key=lambda i: (current.history[i].status == status, i))
                rest = current.history[:last] + current.history[last + 1:]
                return replace(current, history=with_change(rest, StatusChange(status, day)))
            history = current.history
            if status != "none":
                change = StatusChange(status, day)
                # A given date goes in date order; today's change goes last, as ever
                # (a history a clock set wrong dated in the future keeps its order).
                history = with_change(history, change) if on else (*history, change)
            return replace(current, status=status, history=history)

        return self._change(posting_id, title, company, edit)

    def edit_history(
        self, posting_id: str, index: int, *, status: str | None = None,
        on: date | None = None, remove: bool = False,
    ) -> Tracking:
        """Change or remove entry ``index`` (0: the oldest) of the status history. When
        the latest entry changes, the status follows it (none when no entry is left)."""
        if status is not None and status not in STATUSES[1:]:
            raise ValueError(f"unknown status {status!r}; choose one of "
                             f"{', '.join(STATUSES[1:])}")

        def edit(current: Tracking) -> Tracking:
            history = current.history
            if not 0 <= index < len(history):
                raise IndexError(f"{posting_id} has no history entry {index + 1} "
                                 f"(it has {len(history)})")
            old = history[index]
            rest = history[:index] + history[index + 1:]
            if not remove:
                new = StatusChange(status or old.status,
                                   on.isoformat() if on is not None else old.date)
                rest = with_change(rest, new)
            follows = current.status == history[-1].status
            new_status = current.status
            if follows:
                new_status = rest[-1].status if rest else "none"
            return replace(current, history=rest, status=new_status)

        return self._change(posting_id, "", "", edit)

    def set_hidden(
        self, posting_id: str, hidden: bool, *, title: str = "", company: str = ""
    ) -> Tracking:
        return self._change(posting_id, title, company,
                            lambda current: replace(current, hidden=hidden))

    def add_note(
        self, posting_id: str, text: str, *, title: str = "", company: str = "",
        on: date | None = None,
    ) -> Tracking:
        """Append a dated entry to the note log (read and written under the lock, so two
        writers adding at once both keep theirs). Empty text changes nothing."""
        entry = NoteEntry((on or self._today()).isoformat(), text.strip())

        def edit(current: Tracking) -> Tracking:
            if not entry.text:
                return current
            notes = current.notes
            index = len(notes)  # in date order, after the entries of the same day
            while index and notes[index - 1].date > entry.date:
                index -= 1
            return replace(current, notes=(*notes[:index], entry, *notes[index:]))

        return self._change(posting_id, title, company, edit)

    def put(self, tracking: Tracking) -> Tracking:
        """Store ``tracking`` as it is (undo puts back what a change replaced)."""
        return self._change(tracking.posting_id, tracking.title, tracking.company,
                            lambda current: replace(
                                tracking, title=current.title, company=current.company))

    def set_company_hidden(self, name: str, hidden: bool) -> dict[str, str]:
        """Hide or show every posting of company ``name`` (matched folded, as the company
        facet matches it); the hidden companies after the change."""
        key = fold(name)
        if not key:
            raise ValueError("no company name given")
        with file_lock(self.lock_path):
            database = self._open_for_change()
            table = database.table(COMPANIES_TABLE)
            found = table.get(where("company") == key)
            if hidden and found is None:
                table.insert({"company": key, "name": name.strip(),
                              "date": self._today().isoformat()})
            elif not hidden and found is not None:
                table.remove(where("company") == key)
            else:
                return self.read()[1]
            self._stamp_schema(database)
        return self.read()[1]

    def set_bookmark(
        self, posting_id: str, bookmarked: bool, *, title: str = "", company: str = ""
    ) -> Tracking:
        return self._change(posting_id, title, company,
                            lambda current: replace(current, bookmarked=bookmarked))

    def set_note(
        self, posting_id: str, note: str, *, title: str = "", company: str = "",
        base: str | None = None, on_conflict: str = "refuse",
    ) -> Tracking:
        """Replace the whole note log by ``note`` (one entry dated today; empty clears
        it). ``base`` is the note the edit started from: when the note on disk
        is no longer ``base`` (another jobtui changed it meanwhile), the edit does not
        silently replace it: ``on_conflict="refuse"`` raises :class:`NoteConflict`,
        ``"keep_both"`` stores both versions (:func:`keep_both`). Without ``base``
        the note is set whatever it was. :meth:`add_note` appends instead."""
        if on_conflict not in {"refuse", "keep_both"}:
            raise ValueError(f"unknown on_conflict {on_conflict!r}")
        yours = note.strip()
        today = self._today().isoformat()

        def as_log(text: str) -> tuple[NoteEntry, ...]:
            return (NoteEntry(today, text),) if text else ()

        def edit(current: Tracking) -> Tracking:
            if current.note == yours:
                return current
            if base is None or current.note == base.strip():
                return replace(current, notes=as_log(yours))
            if on_conflict == "refuse":
                raise NoteConflict(posting_id, current.note, yours)
            return replace(current, notes=as_log(keep_both(current.note, yours)))

        return self._change(posting_id, title, company, edit)

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
        """Backup files, newest (highest number) first."""
        if not self.backup_dir.is_dir():
            return []
        found = [path for path in self.backup_dir.glob("state-*.json")
                 if BACKUP_NAME.fullmatch(path.name)]
        return sorted(found, key=lambda path: (_backup_number(path), path.name), reverse=True)

    def _backup_if_due(self) -> None:
        """Back up the file (valid: just read inside the lock) if the last backup is old.

        A backups folder that cannot hold files (a plain file in its place, no
        permission) does not stop the change, which is itself atomic:
        ``backup_error`` says why, for the caller to show. A failing disk (full, I/O
        errors) does stop it: the state write would fail the same way.
        """
        self.backup_error = None
        if not self.path.exists():
            return
        try:
            self._backup()
        except (FileExistsError, NotADirectoryError, IsADirectoryError,
                PermissionError) as error:
            self.backup_error = (f"could not back up your tracking data to "
                                 f"{visible(str(self.backup_dir))}: {error.strerror or error}")

    def _backup(self) -> None:
        existing = self.backups()
        now = datetime.now(UTC)
        if existing:
            newest = existing[0]
            written = datetime.fromtimestamp(newest.stat().st_mtime, tz=UTC)
            if written > now:
                # The clock was set back: a date in the future would hold off every
                # backup until the clock caught up. Count from now instead.
                os.utime(newest)
                return
            if (now - written).total_seconds() < BACKUP_EVERY_SECONDS:
                return
        number = _backup_number(existing[0]) + 1 if existing else 1
        name = f"state-{number:06d}-{now.strftime('%Y%m%dT%H%M%S%f')}.json"
        atomic_write_bytes(self.backup_dir / name, self.path.read_bytes())
        # Keep the newest KEEP_BACKUPS readable ones (the one just written is one);
        # a broken file never takes the place of a good one.
        kept = 1
        for old in existing:
            if kept < KEEP_BACKUPS and is_valid_state(old):
                kept += 1
            else:
                old.unlink(missing_ok=True)

    def restore(self, backup: Path | None = None) -> Path:
        """Put a backup back as ``state.json``; the file it replaces is kept beside it."""
        with file_lock(self.lock_path):
            chosen = backup or next(
                (path for path in self.backups() if is_valid_state(path)), None
            )
            if chosen is None:
                raise FileNotFoundError(
                    f"no readable backup in {visible(str(self.backup_dir))}")
            if not is_valid_state(chosen):
                raise ValueError(f"{visible(str(chosen))} is not a readable backup")
            if self.path.exists():
                self._keep_replaced(self.path.read_bytes())
            atomic_write_bytes(self.path, Path(chosen).read_bytes())
            return Path(chosen)

    def _keep_replaced(self, data: bytes) -> Path:
        """Keep the file a restore replaces as ``state.json.replaced-<time>``: a new name
        every time (two restores in one second keep both), readable by the user only."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        for attempt in range(1000):
            suffix = f"-{attempt}" if attempt else ""
            target = self.path.with_name(f"{self.path.name}.replaced-{stamp}{suffix}")
            try:
                descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            return target
        raise FileExistsError(f"too many replaced copies of {visible(str(self.path))}")
