"""Issue 14's CLI rough edges (items 17-21): what a new user hit in a week of scripting."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from tui.cli import main
from tui.cli.ids import match_prefix
from tui.cli.listing import ellipsize, tsv_cell
from tui.errors import CommandError

# Written for these tests: 17 postings, so two ids (10 hex digits) must share a first digit.
STACKS = ("Java", "Go", "Rust", "Python")
LONG_TITLE = "Principal Distributed Systems Engineer for Very Long Titles " * 3


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    postings = tmp_path / "postings"
    postings.mkdir()
    for n in range(17):
        title = LONG_TITLE.strip() if n == 0 else f"Backend Engineer {n}"
        (postings / f"p{n:02}.md").write_text(
            f"---\ntitle: {title}\ncompany: Firm {n}\nlocation: Lisbon, Portugal\n"
            f"stack: [{STACKS[n % 4]}]\n---\nWe write {STACKS[n % 4]} all day.\n",
            encoding="utf-8")
    monkeypatch.setenv("JOBTUI_POSTINGS", str(postings))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    return postings


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0
    return json.loads(out)


def test_a_search_starting_with_minus_is_a_query_not_an_option(folder, capsys) -> None:
    found = records(capsys, "list", "--search", "-stack:java")
    assert len(found) == 12 and all("java" not in r["stack"] for r in found)
    code, out, _ = run(capsys, "export", "--search", "-stack:java", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 12


def test_piped_list_is_one_clean_record_per_line_and_table_never_wraps(folder, capsys) -> None:
    code, out, _ = run(capsys, "list")  # capsys is not a terminal: TSV
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 17
    assert all(line.count("\t") == 6 for line in lines)
    long_row = next(line for line in lines if "Principal" in line)
    assert LONG_TITLE.strip() in long_row.split("\t")
    assert tsv_cell("a\tb\nc\x1b[31md\x07 e") == "a b cd e"
    code, out, _ = run(capsys, "list", "--format", "table")
    table = [line for line in out.splitlines() if line.strip()]
    assert len(table) == 1 + 17 + 1  # header, one line a posting, the count
    assert all(len(line) <= 80 for line in table)
    assert any("Principal Distributed" in line and "…" in line for line in table)
    assert ellipsize("漢字漢字", 6) == "漢字…" and ellipsize("ab", 2) == "ab"


def test_show_has_the_dated_history_and_shows_a_posting_whose_file_is_gone(
        folder, capsys) -> None:
    posting = next(r for r in records(capsys, "list") if r["title"] == "Backend Engineer 5")
    assert main(["mark", posting["id"], "applied"]) == 0
    assert main(["mark", posting["id"], "interviewing"]) == 0
    code, out, _ = run(capsys, "show", posting["id"])
    assert code == 0
    history = next(line for line in out.splitlines() if line.startswith("history:"))
    assert "applied 20" in history and "interviewing 20" in history
    (folder / "p05.md").unlink()
    code, out, err = run(capsys, "show", posting["id"])
    assert code == 0, err
    assert "Backend Engineer 5" in out and "file gone" in out and "interviewing 20" in out
    assert run(capsys, "show", posting["id"], "--json")[1].count('"missing": true') == 1


def test_ids_by_unique_prefix_with_clear_errors(folder, capsys) -> None:
    ids = sorted(r["id"] for r in records(capsys, "list"))
    shared = next(a[0] for a, b in pairwise(ids) if a[0] == b[0])
    unique = next(i for i in ids if sum(j.startswith(i[:6]) for j in ids) == 1)
    code, out, _ = run(capsys, "show", unique[:6])
    assert code == 0 and out.strip()
    assert main(["bookmark", unique[:6]]) == 0
    assert [r["id"] for r in records(capsys, "list", "--bookmarked")] == [unique]
    code, _, err = run(capsys, "mark", shared, "applied")
    assert code == 2
    candidates = [i for i in ids if i.startswith(shared)]
    assert "ambiguous" in err and all(c in err for c in candidates)
    code, _, err = run(capsys, "show", "zz")
    assert code == 2 and "no posting with id 'zz'" in err
    with pytest.raises(CommandError, match="ambiguous"):
        match_prefix("ab", {"abc1": "One", "abd2": "Two"})


def test_export_takes_the_list_filters_and_csv_has_application_dates(
        folder, capsys, tmp_path) -> None:
    listed = records(capsys, "list")
    applied = next(r for r in listed if r["title"] == "Backend Engineer 3")
    assert main(["mark", applied["id"], "applied", "--note", "=HYPERLINK(\"x\")"]) == 0
    assert main(["mark", applied["id"], "interviewing"]) == 0
    code, out, _ = run(capsys, "export", "--format", "csv", "--status", "interviewing")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"] for row in rows] == [applied["id"]]
    assert rows[0]["applied_on"][:2] == "20" and rows[0]["last_change"][:2] == "20"
    assert rows[0]["note"].startswith("'=")
    everything = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "csv")[1])))
    assert len(everything) == 17
    assert {row["applied_on"] for row in everything if row["id"] != applied["id"]} == {""}
    rust = run(capsys, "export", "--stack", "rust", "--location", "lisbon", "--format", "json")
    assert len(json.loads(rust[1])) == 4


def test_a_reader_that_leaves_early_is_no_error(folder, capsys, monkeypatch) -> None:
    """`jobtui list | head -1`: the pipe closes under jobtui, which ends quietly."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before jobtui writes
    broken = io.TextIOWrapper(os.fdopen(write_end, "wb", buffering=0), encoding="utf-8",
                              write_through=True)
    monkeypatch.setattr(sys, "stdout", broken)
    code = main(["list", "--format", "tsv"])
    assert code == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("argv", [[], ["--postings", "p"], ["--data-dir=d", "--postings", "p"]])
def test_the_tuis_short_parser_reads_its_options_as_the_whole_one_does(argv: list[str]) -> None:
    from tui.cli.main import build_parser, opens_the_tui

    assert opens_the_tui(argv)
    short, whole = build_parser(commands=False), build_parser()
    assert vars(short.parse_args(argv)) == vars(whole.parse_args(argv))


@pytest.mark.parametrize("argv", [["list"], ["--help"], ["--version"], ["--postings"],
                                  ["--postings", "p", "build"], ["--bogus"], ["-h"]])
def test_anything_but_the_tuis_options_gets_the_whole_parser(argv: list[str]) -> None:
    from tui.cli.main import opens_the_tui

    assert not opens_the_tui(argv)
