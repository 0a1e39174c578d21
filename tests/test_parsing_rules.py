"""Single parsing rules, each on a few lines no fixture was written around."""

from __future__ import annotations

import pytest

from tui.parsing import parse_posting
from tui.parsing.stack import detect_stack


def parse(text: str, name: str = "posting.txt"):
    return parse_posting(text.encode(), name).posting


# -- stack -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "wanted"), [
    ("- Python and Go for internal tooling", "go"),
    ("Escrever testes com Jest e Testing Library", "jest"),
    ("Gute Kenntnisse in PostgreSQL oder Oracle", "oracle"),
    ("Triage crash reports from Sentry every morning", "sentry"),
    ("・Go による決済 API の設計・開発", "go"),
    ("Уверенный Bash, желательно Python или Go", "go"),
])
def test_ambiguous_names_count_where_the_text_is_about_technology(text: str, wanted: str) -> None:
    assert wanted in detect_stack(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Ideally they have some GitHub projects to show", "github"),
    ("Send me a DM with your GitHub or CV", "github"),
    ("Begleitung des Go-lives neuer Releases", "go"),
    ("Our Go-to-market team sells to banks", "go"),
    ("Go Big Or Go Home With Python", "go"),
    ("| Requisition ID | R-20417 |", "r"),
])
def test_mere_mentions_of_tools_and_words_are_not_stack(text: str, unwanted: str) -> None:
    assert unwanted not in detect_stack(text)


def test_a_tool_listed_among_the_skills_asked_for_counts() -> None:
    assert "gitlab" in detect_stack("Erfahrung mit Docker und CI/CD (GitLab)")


# -- header fields -----------------------------------------------------------------------

def test_apply_link_alone_under_a_how_to_apply_label() -> None:
    posting = parse("Backend Engineer\n\n【応募方法】\nhttps://jobs.example.jp/backend\n")
    assert posting.url == "https://jobs.example.jp/backend"


@pytest.mark.parametrize(("line", "url"), [
    ("Inscríbete en https://ejemplo.es/empleo/1", "https://ejemplo.es/empleo/1"),
    ("Aplikuj: https://firma.pl/praca/2", "https://firma.pl/praca/2"),
    ("Søg stillingen her: https://firma.dk/job/3", "https://firma.dk/job/3"),
])
def test_apply_lines_in_other_languages(line: str, url: str) -> None:
    assert parse(f"Data Engineer\n\nWe build things.\n\n{line}\n").url == url


def test_company_is_hiring_a_role() -> None:
    posting = parse("Nordlicht Health is hiring a Platform Engineer (Go)\nLocation: Oslo\n\n"
                    "Nordlicht Health makes clinic software.\n")
    assert (posting.title, posting.company) == ("Platform Engineer (Go)", "Nordlicht Health")


def test_role_dash_company_when_the_company_is_named_again() -> None:
    posting = parse("Data Engineer — Quarry Labs\n\nQuarry Labs measures mines.\n")
    assert (posting.title, posting.company) == ("Data Engineer", "Quarry Labs")
    team = parse("Data Engineer — Payments Platform\n\nYou will build pipelines.\n")
    assert (team.title, team.company) == ("Data Engineer — Payments Platform", "")


@pytest.mark.parametrize("company", [
    "Brenner Maschinenbau GmbH", "ООО «Северный ветер»", "株式会社ミドリ", "Lumen Data Sp. z o.o.",
])
def test_a_line_with_a_legal_form_is_the_company(company: str) -> None:
    assert parse(f"Backend Developer\n{company}\nBerlin\n\nWe make things.\n").company == company


def test_site_header_above_the_title_names_the_company() -> None:
    posting = parse("Skip to main content\nHarbor Bank Careers\n\nSenior Java Engineer\n\n"
                    "Harbor Bank serves 2 million people.\n")
    assert posting.company == "Harbor Bank"
