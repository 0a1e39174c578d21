"""The header readers (front matter, HTML, pipe headers, ATS pastes, decorated titles, prose)
on small postings of our own, in shapes the fixture folder does not already cover."""

from __future__ import annotations

import pytest

from tui.parsing import parse_posting
from tui.parsing.front_matter import meta_text, split_front_matter
from tui.parsing.html_text import has_html, html_to_markdown


def parse(text: str, name: str = "posting.txt"):
    return parse_posting(text.encode(), name).posting


# -- HTML ------------------------------------------------------------------------------

def test_html_comment_becomes_paragraphs_with_entities_decoded_and_bare_links() -> None:
    text = html_to_markdown(
        "Lumenfold | Backend Engineer<p>We ship &amp; we test.<p>"
        '<a href="https:&#x2F;&#x2F;lumenfold.example&#x2F;jobs&#x2F;2" rel="nofollow">'
        "https:&#x2F;&#x2F;lumenfold.example&#x2F;jobs&#x2F;2</a>"
    )
    assert text.split("\n\n") == [
        "Lumenfold | Backend Engineer", "We ship & we test.", "https://lumenfold.example/jobs/2\n",
    ]


def test_scripts_styles_and_non_http_links_never_survive() -> None:
    text = html_to_markdown(
        '<p>Hi<script>alert("x")</script><style>p{}</style> '
        '<a href="javascript:alert(1)">click</a> <a href="https://ok.example/a">apply</a></p>'
    )
    assert "alert" not in text and "p{}" not in text and "javascript" not in text
    assert "click" in text and "[apply](https://ok.example/a)" in text


def test_markdown_around_inline_html_is_kept_and_stray_angle_brackets_stay_text() -> None:
    text = html_to_markdown("# Rust Engineer\n\n- uses Vec<T> daily<br/>\n- <https://a.example/x>\n")
    assert text.startswith("# Rust Engineer\n\n- uses Vec<T> daily\n")
    assert "<https://a.example/x>" in text


def test_plain_text_is_not_sent_through_the_html_reader() -> None:
    assert not has_html("Salary <100k, C++ templates like Map<K, V>, a -> b")
    assert has_html("Intro<p>More") and has_html("Senior&#x2F;Staff Engineer")


def test_deeply_nested_html_does_not_overflow() -> None:
    assert "deep" in html_to_markdown("<div>" * 5000 + "deep" + "</div>" * 5000)


def test_html_posting_gives_fields_not_tags() -> None:
    posting = parse(
        "<p><strong>Embedded Firmware Engineer (m/w/d)<br></strong></p><br />"
        "<p>Kessler Antriebe GmbH entwickelt Motorsteuerungen.</p>"
    )
    assert posting.title == "Embedded Firmware Engineer (m/w/d)"
    assert "<" not in posting.company and "<" not in posting.body


# -- front matter ----------------------------------------------------------------------

def test_toml_front_matter_with_nested_tables() -> None:
    posting = parse(
        '+++\ntitle = "Backend Engineer (Elixir)"\n[hiringOrganization]\n'
        'name = "Mossgiel Analytics"\n[links]\napply = "https://mossgiel.example/jobs/7"\n+++\n'
        "We build forecasting tools.\n", "x.md")
    assert (posting.title, posting.company, posting.url) == (
        "Backend Engineer (Elixir)", "Mossgiel Analytics", "https://mossgiel.example/jobs/7")
    assert "+++" not in posting.body


def test_toml_written_between_dashes_is_read_as_toml() -> None:
    meta, body, warning = split_front_matter('---\ntitle = "QA Lead"\nemployer = "Orvo"\n---\nHi')
    assert warning is None and body == "Hi"
    assert (meta_text(meta, "title"), meta_text(meta, "company")) == ("QA Lead", "Orvo")


@pytest.mark.parametrize("key", ["companyName", "company_name", "organization", "employer",
                                 "Hiring-Company"])
def test_company_keys_in_any_spelling(key: str) -> None:
    posting = parse(f"---\ntitle: Data Analyst\n{key}: Pellucid Maps\n---\nWe map things.\n")
    assert posting.company == "Pellucid Maps"


def test_apply_link_key_beats_the_posting_link_key_and_a_generic_heading() -> None:
    posting = parse("---\njob_title: Site Reliability Engineer\ncompanyName: Tarnwick\n"
                    "url: https://tarnwick.example/jobs/sre\n"
                    "applyUrl: https://tarnwick.example/apply/sre\n---\n## Careers\n\nHello.")
    assert posting.title == "Site Reliability Engineer"
    assert posting.url == "https://tarnwick.example/apply/sre"


def test_a_generic_front_matter_title_gives_way_to_the_role_in_the_text() -> None:
    posting = parse("+++\ntitle = \"Nous recrutons !\"\n+++\n\n"
                    "Nous recherchons un(e) Ingénieur(e) Logiciel Embarqué pour notre équipe.\n")
    assert posting.title == "Ingénieur(e) Logiciel Embarqué"


# -- Hacker News pipe headers ----------------------------------------------------------

def test_pipe_header_fields_in_any_order() -> None:
    posting = parse(
        "Remote (EU) | Fernhill Robotics | Full-time | Perception Engineer | €90k-110k | "
        "https://fernhill.example/jobs/perception<p>We build weeding robots &amp; software.")
    assert (posting.title, posting.company, posting.url) == (
        "Perception Engineer", "Fernhill Robotics", "https://fernhill.example/jobs/perception")


def test_pipe_header_with_an_exclamation_before_the_name() -> None:
    posting = parse("<p>We&#x27;re hiring! <b>Quartzline</b> | ONSITE | Zurich<p>"
                    "Looking for a Compiler Engineer to work on our JIT.")
    assert (posting.company, posting.title) == ("Quartzline", "Compiler Engineer")


def test_pipe_header_homepage_is_not_the_posting_link_when_applying_is_by_email() -> None:
    posting = parse('Brakewell | Data Engineer | Leeds | <a href="https://brakewell.example/">'
                    "https://brakewell.example/</a><p>Email cv@brakewell.example to apply.")
    assert posting.company == "Brakewell" and posting.url == ""


def test_pipe_header_without_a_role_field_takes_the_role_from_the_text() -> None:
    posting = parse("Tidewright | Bergen, Norway | ONSITE | Full-time<p>"
                    "We are hiring experienced backend engineers with Go experience.")
    assert posting.company == "Tidewright"
    assert posting.title.lower() == "backend engineers"


# -- ATS pastes, job boards, label lines ------------------------------------------------

def test_greenhouse_style_byline_loses_its_board_chrome() -> None:
    posting = parse("Staff Data Engineer\nat Quillfeather Labs (View all jobs)\n"
                    "Lisbon, Portugal\n\nApply\n\nQuillfeather Labs builds ledgers for farms.")
    assert (posting.title, posting.company) == ("Staff Data Engineer", "Quillfeather Labs")


def test_workday_style_paste_with_a_generic_first_heading() -> None:
    posting = parse("**About The Team**\n\nThe team runs payments for shops.\n\n"
                    "**About the Role**\n\nWe are seeking a highly skilled Senior Payments "
                    "Engineer, Card Issuing for our team. Loomstack is growing fast.\n")
    assert posting.title == "Senior Payments Engineer, Card Issuing"


def test_copy_paste_that_opens_with_prose_about_the_company() -> None:
    posting = parse("Harrowgate's mission is to make freight paperwork disappear for good.\n\n"
                    "Harrowgate is looking for a Senior Frontend Engineer to own our web app.\n")
    assert (posting.title, posting.company) == ("Senior Frontend Engineer", "Harrowgate")


@pytest.mark.parametrize(("text", "title", "company"), [
    ("Vaga: Engenheira de Dados Pleno\nEmpresa: Caju Verde Tecnologia\n\nSomos agrotech.",
     "Engenheira de Dados Pleno", "Caju Verde Tecnologia"),
    ("# [Remoto] Desenvolvedora Backend Kotlin @ Lontra Pagamentos - Vaga de Emprego\n\nOi.",
     "Desenvolvedora Backend Kotlin", "Lontra Pagamentos"),
    ("# Job Description - Mobile Coach @ Pintail (iOS, 100% remote)\n\nHola.",
     "Mobile Coach", "Pintail"),
    ("Quorvex: Principal Software Engineer\n\nQuorvex builds planning tools for hospitals.",
     "Principal Software Engineer", "Quorvex"),
    ("# Analista de Dados na Maré Alta\n\nA Maré Alta é uma empresa de logística.",
     "Analista de Dados", "Maré Alta"),
    ("# Back-end Developer @Quintal\n\nOi.", "Back-end Developer", "Quintal"),
    ("# Search Engineer (Solr) // Remote\n\nHallo.", "Search Engineer (Solr)", ""),
    ("# Mobile Engineer (Flutter), Remote\n\nHello.", "Mobile Engineer (Flutter)", ""),
])
def test_decorated_titles_are_taken_apart(text: str, title: str, company: str) -> None:
    posting = parse(text)
    assert (posting.title, posting.company) == (title, company)


@pytest.mark.parametrize("heading", ["JOBS", "Careers", "Who We Are", "We are hiring!",
                                     "Вакансии", "Trabalhe conosco", "募集中"])
def test_section_names_are_never_titles(heading: str) -> None:
    posting = parse(f"# {heading}\n\n## Compiler Engineer\n\nWork on our optimiser.\n")
    assert posting.title == "Compiler Engineer"


def test_title_tags_go_to_the_places() -> None:
    posting = parse("# [Porto ou Remoto] Engenheiro de Software - Home Office\n\nOlá.\n")
    assert posting.title == "Engenheiro de Software"
    assert posting.remote


def test_nested_bracket_tags_go_whole_and_markup_lookalikes_stay() -> None:
    assert parse("# [Recife (Híbrido)] Analista de Dados\n\nOi.\n").title == "Analista de Dados"
    assert parse("# [bold red]Evil[/] Dev\n\nHi.\n").title == "[bold red]Evil[/] Dev"


# -- companies that are not named --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "# Senior Backend Engineer\n\nOur client, a fintech in Lisbon, is looking for a Senior "
    "Backend Engineer.\n\nSend your CV to jobs@talentbridge.example\n",
    "# [Remoto] Desenvolvedora Backend @ Nossa empresa - Vaga de Emprego\n\n## Nossa empresa\n\n"
    "Somos uma fintech de crédito.\n",
    "# Backend Developer @ Uma nova startup\n\nUma nova startup de saúde.\n",
    "# Go Developer\n\nWe are hiring a Go developer for our platform team.\n",
])
def test_pronouns_and_unnamed_clients_give_no_company(text: str) -> None:
    assert parse(text).company == ""


def test_an_email_domain_names_the_company_only_when_the_text_spells_it() -> None:
    named = parse("# Data Engineer\n\nThe Pelorus data team works on search. We ship weekly "
                  "and we test everything we ship.\n\nWrite to hiring@pelorus.example\n")
    assert named.company == "Pelorus"
    unnamed = parse("# Data Engineer\n\nWe ship weekly and we test everything that we ship to "
                    "users.\n\nWrite to hiring@zqxv.example or jane@gmail.com\n")
    assert unnamed.company == ""


# -- links -----------------------------------------------------------------------------

def test_link_under_a_how_to_apply_heading_is_the_apply_link() -> None:
    posting = parse("# QA Engineer\n\nSome text.\n\n## Como se candidatar\n\n"
                    "Cadastre seu currículo: https://forms.example/qa-7\n\n"
                    "Fonte: https://github.com/example/vagas/issues/9\n")
    assert posting.url == "https://forms.example/qa-7"


def test_a_source_line_is_the_posting_link_when_nothing_says_apply() -> None:
    posting = parse("# QA Engineer\n\nSome text about the role.\n\n"
                    "Source: https://board.example/postings/qa-engineer-41\n")
    assert posting.url == "https://board.example/postings/qa-engineer-41"


def test_careers_pages_in_a_long_copy_paste_are_not_the_posting_link() -> None:
    prose = "We build tools for farmers and we care about their time. " * 60
    posting = parse(f"# Agronomy Data Scientist\n\n{prose}\n\n"
                    "Read about our benefits at https://acre.example/careers/benefits\n")
    assert posting.url == ""


def test_cjk_heading_joins_company_and_role_with_hyphens() -> None:
    posting = parse("## 云杉数据-前端开发工程师-上海\n\n职责\n1、负责前端开发。\n")
    assert posting.company == "云杉数据"
    assert posting.title.startswith("前端开发工程师")


def test_an_exclamation_heading_gives_way_to_the_roles_listed() -> None:
    posting = parse("# HEADS UP!\n\nWe are also hiring interns every summer.\n\n"
                    "Open roles:\n\n  * Kotlin developer\n  * Swift developer\n")
    assert posting.title == "Kotlin developer"


@pytest.mark.parametrize("closing", [
    "Pellmoor is an equal opportunity employer.",
    "Thanks,\n\n— The Pellmoor Team",
    "## Why join Pellmoor?\n\nGood pay.",
])
def test_company_named_only_at_the_end_or_in_a_why_join_heading(closing: str) -> None:
    posting = parse("# Data Engineer\n\nWe make maps and we ship them to the cities that "
                    f"need them.\n\n{closing}\n")
    assert posting.company == "Pellmoor"


def test_pipe_header_with_a_labelled_company_field_and_an_anonymous_one() -> None:
    labelled = parse("Platform Lead | Company: Orrin Labs | Lyon | Hybrid<p>We build things.")
    assert (labelled.title, labelled.company) == ("Platform Lead", "Orrin Labs")
    anonymous = parse("Stealth | Robotics Engineer | Remote<p>We build things quietly.")
    assert (anonymous.title, anonymous.company) == ("Robotics Engineer", "")
