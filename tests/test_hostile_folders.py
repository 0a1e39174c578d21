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
