"""Issue 12 from the command line: dated statuses, history edits, the note log, hiding
and the follow-up filters, as a script would use them."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tui.cli import main

STATUS_SEED = "003_f17e700717397f47.txt"  # company "Status"



def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    return json.loads(run(capsys, "list", *argv, "--json"))


def test_dated_marks_history_edits_notes_and_stale(env, capsys) -> None:
    ids = {record["source"]: record["id"] for record in listed(capsys)}
    first, other = ids[STATUS_SEED], ids["001_cc81a8c63e83c984.txt"]
    old = (date.today() - timedelta(days=20)).isoformat()
    run(capsys, "mark", first, "applied", "--date", old)
    run(capsys, "mark", other, "applied")
    assert [r["id"] for r in listed(capsys, "--stale", "14d")] == [first]
    assert [r["id"] for r in listed(capsys, "--search", "changed:<7d")] == [other]
    assert [r["id"] for r in listed(capsys, "--search", "applied:>2w")] == [first]

    run(capsys, "mark", first, "interviewing", "--date", "2030-01-02")
    out = run(capsys, "history", first)
    assert f"1. {old}  applied" in out and "2. 2030-01-02  interviewing" in out
    run(capsys, "history", first, "--edit", "2", "--date", "2030-01-05")
    run(capsys, "history", first, "--remove", "1")
    record = listed(capsys, "--status", "interviewing")[0]
    assert record["history"] == [{"status": "interviewing", "date": "2030-01-05"}]
    assert main(["history", first, "--remove", "7"]) == 2  # no such entry: said, not done
    assert main(["mark", first, "offer", "--date", "01/11/2026"]) == 2

    run(capsys, "note", first, "sent CV", "--date", "2026-11-01")
    run(capsys, "note", first, "recruiter called")
    notes = json.loads(run(capsys, "show", first, "--json"))["notes"]
    assert [n["text"] for n in notes] == ["sent CV", "recruiter called"]
    shown = run(capsys, "show", first)
    assert shown.index("recruiter called") < shown.index("sent CV")  # newest first


def test_hide_and_unhide_postings_and_companies(env, capsys) -> None:
    ids = {record["source"]: record["id"] for record in listed(capsys)}
    first = ids["002_5d4689ef683718fa.txt"]
    run(capsys, "hide", first)
    assert first not in {r["id"] for r in listed(capsys)}
    assert [r["id"] for r in listed(capsys, "--search", "is:hidden")] == [first]
    run(capsys, "hide", "--company", "STATUS")  # matched folded, as the facet does
    assert len(listed(capsys)) == 3
    run(capsys, "build")  # a rebuild keeps the hide list: it lives in state.json
    assert ids[STATUS_SEED] not in {r["id"] for r in listed(capsys)}
    run(capsys, "unhide", first)
    run(capsys, "unhide", "--company", "status")
    assert len(listed(capsys)) == 5
    assert main(["hide"]) == 2
