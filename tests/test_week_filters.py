"""Issue 12 #5-7: salary and level filters, duplicate groups, application traps.

Pure logic first (parsers, catalog), then the CLI on a small written folder. The
examples are the project's own, in several languages."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from tests.week_fixtures import write_week_folder
from tui.catalog import Catalog
from tui.cli import main
from tui.model import Posting, Tracking, pay_line
from tui.parsing.duplicates import company_key, group_duplicates, title_key
from tui.parsing.fingerprint import fingerprint, similarity
from tui.parsing.level import find_level, level_of
from tui.parsing.salary import Pay, parse_salary, parse_salary_bound, yearly
from tui.parsing.traps import find_traps
from tui.query import parse_query


@pytest.mark.parametrize(("text", "pay"), [
    ("$150k–$180k", Pay(150_000, 180_000, "USD", "year")),
    ("от 200 000 ₽", Pay(200_000, 0, "RUB", "month")),
    ("€70,000 - €85,000 per year", Pay(70_000, 85_000, "EUR", "year")),
    ("60–80k EUR", Pay(60_000, 80_000, "EUR", "year")),
    ("$45/hour", Pay(45, 45, "USD", "hour")),
    ("R$ 8.000,00 a R$ 12.000,00 por mês", Pay(8_000, 12_000, "BRL", "month")),
    ("bis zu 75.000 € brutto/Jahr", Pay(0, 75_000, "EUR", "year")),
    ("£400 per day", Pay(400, 400, "GBP", "day")),
    ("200-250 тыс. руб.", Pay(200_000, 250_000, "RUB", "month")),
    ("10% bonus on top of $100k", Pay(100_000, 100_000, "USD", "year")),
])
def test_stated_pay_becomes_figures(text: str, pay: Pay) -> None:
    assert parse_salary(text) == pay


def test_pay_without_figures_is_unknown_and_periods_compare_per_year() -> None:
    assert parse_salary("Competitive, plus equity") is None
    assert parse_salary("$15") is None  # a lone small figure is rarely pay
    assert parse_salary("$60-80") == Pay(60, 80, "USD", "hour")  # a range of them is a rate
    assert yearly(Pay(50, 60, "USD", "hour")) == (104_000, 124_800)
    assert yearly(Pay(200_000, 0, "RUB", "month")) == (2_400_000, math.inf)


def test_the_pay_line_says_the_figures_once_when_they_read_as_stated() -> None:
    stated = Posting(id="a", title="t", salary="EUR 70,000–85,000 a year", salary_min=70_000,
                     salary_max=85_000, salary_currency="EUR", salary_period="year")
    assert pay_line(stated) == "EUR 70,000–85,000 a year"  # a web page's JSON-LD
    loose = Posting(id="b", title="t", salary="60-80k EUR", salary_min=60_000,
                    salary_max=80_000, salary_currency="EUR", salary_period="year")
    assert pay_line(loose) == "60-80k EUR · EUR 60,000–80,000 a year"


def test_salary_query_values() -> None:
    bound = parse_salary_bound(">=€90k")
    assert (bound.low, bound.currency) == (90_000, "EUR")
    assert parse_salary_bound(">=90keur") == bound
    assert parse_salary_bound("<120k").high == 120_000 and parse_salary_bound("<120k").strict
    assert (parse_salary_bound("90k-120k").low, parse_salary_bound("90k-120k").high) == (
        90_000, 120_000)
    assert parse_salary_bound(">=90kxyz") is None and parse_salary_bound("lots") is None


@pytest.mark.parametrize(("title", "level"), [
    ("Senior Staff Engineer", "staff"), ("Senior Engineering Manager", "manager"),
    ("Product Manager", ""), ("Desenvolvedora Java Pleno", "mid"),
    ("Estagiário de Dados", "intern"), ("Старший аналитик", "senior"),
    ("Internal Tools Engineer", ""), ("Jr. Frontend Developer", "junior"),
    ("Werkstudent Softwareentwicklung", "intern"),
])
def test_level_from_the_title(title: str, level: str) -> None:
    assert level_of(title) == level


def test_level_from_a_label_or_a_cue_but_not_from_prose() -> None:
    assert find_level("Backend Engineer", "", ["Intro", "Seniority: Senior"]) == "senior"
    assert find_level("Backend Engineer", "", ["Estamos buscando un desarrollador junior"]) == (
        "junior")
    assert find_level("Backend Engineer", "", ["You will pair with senior engineers"]) == ""
    assert find_level("Lead Developer", "junior", []) == "lead"  # the title decides


def test_a_hiring_cue_is_read_on_the_first_line_that_holds_one_whatever_its_case() -> None:
    lines = ["About us: we are hiring a lot", "", "Perks: many",
             "ESTAMOS BUSCANDO UN DESARROLLADOR JUNIOR", "Looking for a senior engineer?"]
    assert find_level("Backend Engineer", "", lines) == "junior"
    assert find_level("Backend Engineer", "", lines[:3] + lines[4:]) == "senior"


@pytest.mark.parametrize(("text", "trap"), [
    ("Great team.\nWhen you apply, mention the word OTTER. Thanks!",
     "When you apply, mention the word OTTER."),
    ("Nice perks. Please start your cover letter with a haiku about queues.",
     "Please start your cover letter with a haiku about queues."),
    ("Envie o CV com a palavra ABACATE no assunto do e-mail.",
     "Envie o CV com a palavra ABACATE no assunto do e-mail."),
    ("Bitte schreibe das Wort Zebra in den Betreff.",
     "Bitte schreibe das Wort Zebra in den Betreff."),
    ("Menciona la palabra TUCÁN en tu solicitud.", "Menciona la palabra TUCÁN en tu solicitud."),
    ("Откликайтесь! В теме письма укажите слово ЕНОТ.", "В теме письма укажите слово ЕНОТ."),
])
def test_traps_are_found_in_several_languages(text: str, trap: str) -> None:
    assert find_traps(text) == (trap,)


def test_ordinary_text_has_no_traps() -> None:
    assert find_traps("We mention our values often. Start date: January. Apply below.") == ()


def test_a_repost_shares_a_fingerprint_another_role_does_not() -> None:
    base = "you will own the ledger service design storage review pull requests " * 3
    assert similarity(fingerprint(base), fingerprint(base + " apply by friday")) >= 0.6
    other = "run the warehouse with python and dbt models schedules and dashboards " * 3
    assert similarity(fingerprint(base), fingerprint(other)) < 0.6
    assert company_key("Quillfeather Ltd.") == company_key("QUILLFEATHER") == "quillfeather"
    assert title_key("Backend Entwickler (m/w/d)") == title_key("Backend Entwickler - Remote")


def _postings() -> list[Posting]:
    ledger = "we build ledgers for bakeries in rust and postgres and write things down " * 3
    return [
        Posting(id="old", title="Senior Backend Engineer", company="Quillfeather Ltd",
                added="2026-01-01", sketch=fingerprint(ledger), seniority="senior",
                salary_min=150_000, salary_max=180_000, salary_currency="USD",
                salary_period="year"),
        Posting(id="new", title="Senior Backend Engineer (Remote)", company="Quillfeather",
                added="2026-02-01", sketch=fingerprint(ledger + " apply soon"),
                seniority="senior", salary_min=150_000, salary_max=180_000,
                salary_currency="USD", salary_period="year"),
        Posting(id="data", title="Senior Backend Engineer", company="Quillfeather",
                added="2026-01-15", sketch=fingerprint("python dbt warehouse dashboards " * 9)),
        Posting(id="eur", title="Platform Engineer", company="Kranich", seniority="staff",
                salary_min=60_000, salary_max=80_000, salary_currency="EUR",
                salary_period="year"),
        Posting(id="hourly", title="Go Contractor", company="Tidewater", salary_min=60,
                salary_max=80, salary_currency="USD", salary_period="hour"),
    ]


def test_duplicates_are_listed_once_and_share_their_tracking() -> None:
    postings = _postings()
    assert [sorted(postings[m].id for m in g) for g in group_duplicates(postings)] == [
        ["new", "old"]]
    catalog = Catalog(postings, {"old": Tracking("old", status="applied",
                                                 updated="2026-03-01T10:00:00+00:00")})
    listed = list(catalog.filter(parse_query("")))
    assert "new" in listed and "old" not in listed and "data" in listed
    assert catalog.seen("new") == 2 and [p.id for p in catalog.duplicates("new")] == [
        "new", "old"]
    assert catalog.tracking("new").status == "applied"  # marked on the older save
    assert list(catalog.filter(parse_query("status:applied"))) == ["new"]
    catalog.update_tracking(Tracking("new", status="interviewing",
                                     updated="2026-03-02T10:00:00+00:00"))
    assert catalog.tracking("old").status == "interviewing"  # the newest change wins
    assert len(catalog.filter(parse_query(""), grouped=False)) == 5  # nothing dropped


def test_a_role_found_by_its_older_save_is_listed_as_its_newest_in_place() -> None:
    """The repost states lower pay: salary:>=160k (which most postings pass) still lists
    the role, as its newest save where that one sorts, unless that save is hidden."""
    postings = [replace(p, salary_min=100_000, salary_max=120_000) if p.id == "new" else p
                for p in _postings()]
    catalog = Catalog(postings, {})
    query = parse_query("salary:>=160k")
    assert list(catalog.filter(query)) == ["new", "data", "hourly", "eur"]
    assert list(catalog.filter(query, reverse=True)) == ["eur", "hourly", "data", "new"]
    assert "new" not in catalog.filter(query, grouped=False)  # its own pay fails
    catalog.update_tracking(Tracking("new", hidden=True))
    assert list(catalog.filter(query)) == ["data", "hourly", "eur"]


def test_salary_filters_compare_within_one_currency() -> None:
    catalog = Catalog(_postings(), {})
    assert catalog.usual_currency == "USD"

    def ids(text: str) -> set[str]:
        return set(catalog.filter(parse_query(text)))

    # $60-80/hr is $124,800-166,400 a year; unstated and EUR pay stay unless asked.
    assert ids("salary:>=160k") == {"new", "data", "eur", "hourly"}
    assert ids("salary:>=160k -salary:unknown") == {"new", "hourly"}
    assert ids("salary:>170k -salary:unknown") == {"new"}
    assert ids("salary:<=130k -salary:unknown") == {"hourly"}
    assert ids("salary:>=70keur -salary:unknown") == {"eur"}
    assert ids("salary:>=€90k -salary:unknown") == set()
    assert ids("salary:unknown") == {"data"}
    assert ids("level:staff") == {"eur"} and ids("seniority:senior") == {"new"}


def test_cli_lists_groups_salary_known_and_shows_traps(tmp_path: Path, capsys,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBTUI_POSTINGS", str(write_week_folder(tmp_path / "postings")))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    assert main(["list", "--json"]) == 0
    records = {r["source"]: r for r in json.loads(capsys.readouterr().out)}
    assert "ledger-old.md" not in records  # listed as its newer repost
    repost = records["ledger-repost.md"]
    assert repost["seen"] == 2
    assert [item["source"] for item in repost["group"]] == ["ledger-repost.md", "ledger-old.md"]
    assert (repost["salary_min"], repost["salary_currency"]) == (150_000, "USD")
    assert records["moscow.md"]["seniority"] == "junior"
    assert main(["list", "--json", "--salary-known", "--search", "salary:>=100k"]) == 0
    known = {r["source"] for r in json.loads(capsys.readouterr().out)}
    assert known == {"ledger-repost.md", "contract.md"}
    assert main(["export", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6  # an export keeps every file
    berlin = records["berlin.md"]["id"]
    assert main(["show", berlin]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("⚠ the posting asks: When applying, mention the word PELICAN")
    assert "EUR 60,000–80,000 a year" in shown
    assert main(["mark", records["ledger-repost.md"]["id"], "applied"]) == 0
    capsys.readouterr()
    old_id = repost["group"][1]["id"]
    assert main(["bookmark", old_id]) == 0  # on the other save: the role keeps "applied"
    capsys.readouterr()
    assert main(["list", "--json", "--status", "applied"]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert [(r["source"], r["bookmarked"]) for r in applied] == [("ledger-repost.md", True)]
    state = json.loads((tmp_path / "data" / "state.json").read_text())
    assert old_id not in json.dumps(state)  # written once, to the posting holding the role's


def test_a_wide_result_counts_and_reads_as_the_rows_it_lists() -> None:
    """Most postings pass salary:>=100k: the result is read out of the sort order only as
    rows are drawn. Its count, its last row, where a posting sits and whether one is
    listed agree with the whole list, and stay so after a tracking change."""
    postings = [Posting(id=f"p{i:03}", title=f"Role {i:03}", added=f"2026-01-01T00:00:{i:03}",
                        salary_min=(40_000 + 1_000 * (i % 100)) if i % 3 else 0,
                        salary_max=(40_000 + 1_000 * (i % 100)) if i % 3 else 0,
                        salary_currency="USD" if i % 3 else "",
                        salary_period="year" if i % 3 else "") for i in range(400)]
    catalog = Catalog(postings, {"p399": Tracking("p399", hidden=True)})
    for text in ("salary:>=100k", "salary:>=100k -salary:unknown", "salary:90k-150k"):
        shown = catalog.filter(parse_query(text))
        listed = list(catalog.filter(parse_query(text)))
        assert 100 < len(listed) < 400 and "p399" not in listed  # hidden
        assert len(shown) == len(listed) and shown[-1] == listed[-1]
        assert shown.index(listed[-1]) == len(listed) - 1
        assert "p399" not in shown and "p001" not in shown  # $41k fails every one
        catalog.update_tracking(Tracking(listed[0], hidden=True))
        assert list(shown) == listed  # what the screen shows until it filters again
        catalog.update_tracking(Tracking(listed[0]))
