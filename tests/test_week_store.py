"""Issue 12's data side, without the UI: the note log and its migration, dated statuses
and history edits, the hide list, changed:/applied: and the pipeline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson

from tui.catalog import Catalog
from tui.followup import pipeline
from tui.model import Posting, StatusChange, Tracking
from tui.query import Age, parse_age, parse_query
from tui.store.state import TrackingStore, tracking_from_doc

TODAY = date.today()


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# A state.json as jobtui wrote it before the note log (schema 1): one note string.
OLD_FORMAT = {
    "_meta": {"1": {"schema": 1}},
    "tracking": {
        "1": {"posting_id": "p1", "bookmarked": True, "status": "applied",
              "history": [{"status": "applied", "date": "2026-10-01"}],
              "note": "recruiter: Ana\nsalary band asked", "title": "Engineer",
              "company": "Acme", "updated": "2026-10-02T09:00:00+00:00"},
    },
}


def test_a_single_note_migrates_to_a_dated_log_and_an_old_jobtui_still_reads_it(
        tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(orjson.dumps(OLD_FORMAT))
    store = TrackingStore(path, today=lambda: date(2026, 11, 20))
    migrated = store.get("p1")
    assert [(e.date, e.text) for e in migrated.notes] == [
        ("2026-10-02", "recruiter: Ana\nsalary band asked")]
    assert migrated.bookmarked and migrated.status == "applied"

    store.add_note("p1", "called back, interview Monday", on=date(2026, 11, 18))
    store.add_note("p1", "sent portfolio", on=date(2026, 11, 5))  # in date order
    on_disk = orjson.loads(path.read_bytes())
    doc = next(iter(on_disk["tracking"].values()))
    assert [entry["date"] for entry in doc["notes"]] == ["2026-10-02", "2026-11-05",
                                                         "2026-11-18"]
    assert list(on_disk["_meta"].values()) == [{"schema": 2}]
    # What an older jobtui reads as its single note: every entry, newest first.
    assert doc["note"] == ("called back, interview Monday\n\nsent portfolio\n\n"
                           "recruiter: Ana\nsalary band asked")
    # An older jobtui edits that note (TinyDB's update merges: "notes" stays): its
    # text wins, nothing it kept is lost.
    doc["note"] = doc["note"] + "\n\nedited by the old version"
    assert tracking_from_doc(doc).note.endswith("edited by the old version")
    assert "recruiter: Ana" in tracking_from_doc(doc).note


def test_dated_statuses_and_history_edits_keep_the_status_in_step(tmp_path: Path) -> None:
    store = TrackingStore(tmp_path / "state.json")
    store.set_status("p1", "applied", on=date(2026, 11, 1))
    store.set_status("p1", "interviewing", on=date(2026, 11, 9))
    store.set_status("p1", "applied", on=date(2026, 10, 30))  # back-dated: in date order
    assert [c.date for c in store.get("p1").history] == ["2026-10-30", "2026-11-01",
                                                         "2026-11-09"]
    assert store.get("p1").status == "applied"
    tracking = store.edit_history("p1", 2, remove=True)  # the interview: removed
    assert tracking.status == "applied" and len(tracking.history) == 2
    tracking = store.edit_history("p1", 0, status="applied", on=date(2026, 10, 28))
    assert tracking.history[0] == StatusChange("applied", "2026-10-28")
    tracking = store.edit_history("p1", 1, status="offer", on=date(2026, 11, 12))
    assert tracking.status == "offer"  # the latest entry changed: the status follows
    store.edit_history("p1", 1, remove=True)
    store.edit_history("p1", 0, remove=True)
    assert store.get("p1").status == "none" and not store.get("p1").history


def postings() -> list[Posting]:
    return [Posting("a", "Rust dev", "Acme Corp"), Posting("b", "Go dev", "ACME corp"),
            Posting("c", "Python dev", "Initech"), Posting("d", "Java dev", "Globex")]


def test_hidden_postings_and_companies_leave_every_view_and_survive_a_rebuild(
        tmp_path: Path) -> None:
    store = TrackingStore(tmp_path / "state.json")
    store.set_hidden("c", True)
    store.set_company_hidden("acme corp", True)  # folded, as the company facet matches
    tracking, companies = store.read()
    catalog = Catalog(postings(), tracking, companies)  # a rebuild reads the store again
    assert list(catalog.filter(parse_query(""))) == ["d"]
    assert list(catalog.filter(parse_query("dev"))) == ["d"]
    assert list(catalog.filter(parse_query("company:globex"))) == ["d"]
    assert sorted(catalog.filter(parse_query("is:hidden"))) == ["a", "b", "c"]
    assert [v.value for v in catalog.facet("company", parse_query("")) if v.count] == ["Globex"]
    catalog.show_hidden = True
    assert len(catalog.filter(parse_query(""))) == 4
    store.set_company_hidden("ACME CORP", False)
    catalog.set_hidden_companies(store.hidden_companies())
    catalog.show_hidden = False
    assert sorted(catalog.filter(parse_query(""))) == ["a", "b", "d"]


def test_changed_and_applied_qualifiers_compare_days(tmp_path: Path) -> None:
    assert parse_age(">14d") == Age(">", 14)
    assert parse_age("<2w") == Age("<", 14) and parse_age("1m") == Age(">=", 30)
    assert parse_query("changed:soon").clauses[0].field == "text"
    tracking = {
        "a": Tracking("a", status="applied", history=(StatusChange("applied", ago(20)),)),
        "b": Tracking("b", status="interviewing", history=(
            StatusChange("applied", ago(30)), StatusChange("interviewing", ago(3)))),
        "c": Tracking("c", bookmarked=True),
    }
    catalog = Catalog(postings(), tracking)
    assert list(catalog.filter(parse_query("changed:>14d"))) == ["a"]
    assert sorted(catalog.filter(parse_query("changed:<7d"))) == ["b"]
    assert sorted(catalog.filter(parse_query("applied:>2w"))) == ["a", "b"]
    assert sorted(catalog.filter(parse_query("-changed:>14d"))) == ["b", "c", "d"]

    groups = pipeline(tracking.values(), catalog.posting, TODAY, follow_up_days=7)
    assert [(g.status, [r.posting.id for r in g.rows], g.due) for g in groups] == [
        ("interviewing", ["b"], 0), ("applied", ["a"], 1)]
    assert [row.days for group in groups for row in group.rows] == [3, 20]
