"""The command line is a contract other tools rely on: exercise it as a script would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

STATUS_SEED = "003_f17e700717397f47.txt"
SEROTONIN_SEED = "004_742ff530aaaf5516.txt"



def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main([*argv, "--json"] if argv[0] in {"list", "show"} else list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def by_source(records: list[dict]) -> dict[str, dict]:
    return {record["source"]: record for record in records}


def test_export_json_has_every_field_the_contract_names(env, capsys) -> None:
    records = run_json(capsys, "export", "--format", "json")
    assert len(records) == 5
    required = {"id", "title", "company", "locations", "remote", "stack", "url", "source",
                "status", "bookmarked", "note"}
    for record in records:
        assert required <= record.keys()
        assert record["status"] == "none"
        assert record["bookmarked"] is False


def test_list_filters_by_stack_alias_and_location_without_accents(env, capsys) -> None:
    python = run_json(capsys, "list", "--stack", "python")
    assert [record["source"] for record in python] == [STATUS_SEED]
    mexico = run_json(capsys, "list", "--location", "mexico")
    assert "000_a386b529ca056b26.txt" in [record["source"] for record in mexico]
    golang = {record["source"] for record in run_json(capsys, "list", "--stack", "golang")}
    assert "000_a386b529ca056b26.txt" in golang


def test_location_and_stack_combine(env, capsys) -> None:
    records = run_json(capsys, "list", "--location", "new york", "--stack", "rust")
    assert [record["source"] for record in records] == [SEROTONIN_SEED]


def test_mark_then_list_by_status_reads_it_back(env, capsys) -> None:
    status_id = by_source(run_json(capsys, "list"))[STATUS_SEED]["id"]
    assert main(["mark", status_id, "applied", "--note", "sent CV"]) == 0
    applied = run_json(capsys, "list", "--status", "applied")
    assert [record["id"] for record in applied] == [status_id]
    assert applied[0]["note"] == "sent CV"
    assert applied[0]["history"][0]["status"] == "applied"


def test_bookmark_unbookmark_and_note(env, capsys) -> None:
    posting_id = run_json(capsys, "list")[0]["id"]
    assert main(["bookmark", posting_id]) == 0
    assert [r["id"] for r in run_json(capsys, "list", "--bookmarked")] == [posting_id]
    assert main(["note", posting_id, "ask about visa"]) == 0
    assert run_json(capsys, "show", posting_id)["note"] == "ask about visa"
    assert main(["unbookmark", posting_id]) == 0
    assert run_json(capsys, "list", "--bookmarked") == []


def test_show_json_includes_the_cleaned_body(env, capsys) -> None:
    status_id = by_source(run_json(capsys, "list"))[STATUS_SEED]["id"]
    record = run_json(capsys, "show", status_id)
    assert record["title"] == "Rust Developer"
    assert "About Status" in record["body"]
    assert "tags:" not in record["body"]  # front matter is not part of the body


def test_unknown_id_is_one_clear_line_and_a_nonzero_exit(env, capsys) -> None:
    assert main(["show", "nope"]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "nope" in err[0]


def test_a_missing_postings_folder_is_an_error(env, capsys, tmp_path) -> None:
    assert main(["--postings", str(tmp_path / "absent"), "list"]) != 0
    assert "not found" in capsys.readouterr().err


def test_build_reports_skipped_files_by_name_and_still_exits_zero(env, capsys) -> None:
    (env / "broken.md").write_bytes(b"\x00\x01\x02binary")
    (env / "empty.txt").write_bytes(b"")
    (env / "huge.md").write_bytes(b"# Huge\n\n" + b"x" * (5 * 1024 * 1024))
    (env / "utf16.md").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 8)  # lone surrogates
    (env / "bad-yaml.md").write_text("---\ntitle: [unclosed\n---\n# Still Loaded\n\nRust\n")
    capsys.readouterr()
    assert main(["build"]) == 0
    out = capsys.readouterr().out
    assert "10 files: 10 parsed, 0 unchanged, 4 skipped" in out
    assert "skipped broken.md: binary data" in out
    assert "skipped empty.txt: empty file" in out
    assert "skipped huge.md: too large" in out
    assert "skipped utf16.md: not readable as UTF-16" in out
    assert "warning bad-yaml.md: front matter ignored" in out
    assert len(run_json(capsys, "list")) == 6


def test_tracking_of_a_vanished_posting_is_kept_and_shown_missing(env, capsys) -> None:
    status_id = by_source(run_json(capsys, "list"))[STATUS_SEED]["id"]
    assert main(["mark", status_id, "interviewing"]) == 0
    (env / STATUS_SEED).unlink()
    records = run_json(capsys, "list", "--status", "interviewing")
    assert [(r["id"], r["missing"], r["title"]) for r in records] == [
        (status_id, True, "Rust Developer")
    ]
    exported = run_json(capsys, "export")
    assert status_id in [record["id"] for record in exported]


def test_export_csv_writes_a_file(env, capsys, tmp_path) -> None:
    target = tmp_path / "out.csv"
    assert main(["export", "--format", "csv", "-o", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,title,company")
    assert len(lines) == 6


def test_table_output_shows_hostile_titles_literally(env, capsys) -> None:
    (env / "evil.md").write_text("# [bold red]Evil[/] [/opt] Dev\n\nCompany: X\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["list", "--search", "evil"]) == 0
    assert "[bold red]Evil[/] [/opt] Dev" in capsys.readouterr().out


def test_unreadable_state_stops_every_command_with_one_line_and_restore_brings_it_back(
    env, capsys, monkeypatch
) -> None:
    from tui.store import state as state_module

    monkeypatch.setattr(state_module, "BACKUP_EVERY_SECONDS", 0)
    status_id = by_source(run_json(capsys, "list"))[STATUS_SEED]["id"]
    assert main(["mark", status_id, "applied"]) == 0
    assert main(["bookmark", status_id]) == 0  # backs up the state with the status in it
    state = Path(env.parent / "data" / "state.json")
    broken = state.read_bytes()[:40]
    state.write_bytes(broken)
    capsys.readouterr()
    for argv in (["list"], ["mark", status_id, "offer"], ["note", status_id, "x"], ["export"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1
        assert str(state) in err and "jobtui restore" in err and "backups" in err
        assert state.read_bytes() == broken
    assert main(["restore", "--list"]) == 0
    assert "backups" in capsys.readouterr().out
    assert main(["restore"]) == 0
    assert "restored" in capsys.readouterr().out
    records = run_json(capsys, "list", "--status", "applied")
    assert [record["id"] for record in records] == [status_id]
    [replaced] = state.parent.glob("state.json.replaced-*")
    assert replaced.read_bytes() == broken


def test_build_names_a_file_with_escape_codes_without_sending_them(env, capsys) -> None:
    (env / "\x1b]0;pwned\x07.md").write_bytes(b"")
    capsys.readouterr()
    assert main(["build"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07.md: empty file" in out
    assert main(["skipped"]) == 0
    assert "\\x1b]0;pwned\\x07.md: empty file" in capsys.readouterr().out
