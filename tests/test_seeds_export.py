"""The five seeds, end to end through `jobtui export --format json`, exactly as the user expects."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


@pytest.fixture
def exported(tmp_path, capsys) -> dict[str, dict]:
    assert main(["--data-dir", str(tmp_path / "data"), "export", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    return {record["source"][:3]: record for record in records}


def test_chainlink_cross_chain(exported) -> None:
    record = exported["000"]
    assert record["title"] == "Senior Software Engineer, Rust (Cross Chain)"
    assert record["company"] == "Chainlink Labs"
    assert record["remote"] is True
    # Places are canonical English names since issue 10: "Ciudad de México" is Mexico City,
    # and the chip's "Remote" is listed as a place.
    assert record["locations"] == [
        "Toronto", "Mexico City", "São Paulo", "Buenos Aires", "Berlin", "Madrid",
        "London", "Amsterdam", "Lisbon", "Remote",
    ]
    assert {"Canada", "Mexico", "Germany", "Europe", "South America"} <= set(record["areas"])
    assert {"rust", "go", "typescript", "solidity", "postgres", "terraform", "aws"} <= set(
        record["stack"]
    )
    assert record["url"] == (
        "https://www.remotewlb.com/apply/senior-software-engineer-rust-cross-chain-57396"
    )


def test_op_labs(exported) -> None:
    record = exported["001"]
    assert (record["title"], record["company"], record["remote"]) == (
        "Senior Software Engineer, Rust", "OP Labs", True)
    assert {"rust", "go"} <= set(record["stack"])
    assert record["url"] == "https://www.remotewlb.com/apply/senior-software-engineer-rust-128029"


def test_messaging_engineer_names_no_company(exported) -> None:
    record = exported["002"]
    assert record["title"] == "Decentralised Messaging Engineer (Rust)"
    assert record["company"] == ""
    assert record["remote"] is True
    assert record["remote_scope"] == "Worldwide"
    assert "rust" in record["stack"]


def test_status_rust_developer(exported) -> None:
    record = exported["003"]
    assert (record["title"], record["company"], record["remote"]) == (
        "Rust Developer", "Status", True)
    assert {"rust", "python"} <= set(record["stack"])


def test_serotonin(exported) -> None:
    record = exported["004"]
    assert (record["title"], record["company"], record["remote"]) == (
        "Senior ZK Rust Engineer (External)", "Serotonin", True)
    assert record["locations"] == ["New York City", "Remote"]
    assert {"rust", "c++"} <= set(record["stack"])


def test_every_seed_has_a_distinct_short_id(exported) -> None:
    ids = [record["id"] for record in exported.values()]
    assert len(set(ids)) == 5
    assert all(len(posting_id) <= 12 for posting_id in ids)
