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


def test_a_code_host_named_as_the_ci_counts_as_its_ci() -> None:
    assert "gitlab ci" in detect_stack("Erfahrung mit Docker und CI/CD (GitLab)")


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


# -- the cleaned body --------------------------------------------------------------------

def test_opening_lines_repeating_title_or_company_go_from_the_body() -> None:
    body = parse("# Role: Data Engineer\nat Quarry Labs\n\nQuarry Labs measures mines from the "
                 "air, and we need someone to own the pipelines behind it.\n", "q.md").body
    assert body.startswith("Quarry Labs measures mines")
    dashed = parse("Data Engineer — Quarry Labs\n\nQuarry Labs measures mines.\n").body
    assert "Data Engineer" not in dashed


def test_a_line_about_the_title_in_the_text_stays() -> None:
    text = ("Data Engineer\n\nWe are a small team measuring mines from the air with drones and "
            "satellites.\n\nData Engineer\n")
    assert parse(text).body.endswith("Data Engineer")


def test_plain_text_labels_become_headings_and_bullets_list_items() -> None:
    text = ("Backend Engineer\nCompany: Quarry Labs\n\nWe measure mines from the air with drones "
            "and need help with the pipelines.\n\nWhat you will do\n• Build ingestion in Go\n"
            "• Run Postgres\n\nОбязанности:\n— писать код;\n\nAbout us\nQuarry Labs was founded "
            "in 2019 by two geologists who got tired of walking.\n")
    body = parse(text).body
    assert "### What you will do\n- Build ingestion in Go\n- Run Postgres" in body
    assert "### Обязанности\n- писать код;" in body
    assert "### About us" in body
    assert "### Company" not in body and "### Backend Engineer" not in body


@pytest.mark.parametrize("line", [
    "Ищем разработчика в команду. Вам предстоит:",  # a sentence, not a label
    "Berlin, Germany",  # a place line
    "Acme · Berlin · Full-time",
    "See https://acme.dev/jobs",
])
def test_lines_that_are_not_labels_stay_as_written(line: str) -> None:
    body = parse(f"Backend Engineer\n\n{line}\n- one\n- two\n").body
    assert f"### {line.rstrip(':')}" not in body


def test_markdown_postings_keep_their_own_structure() -> None:
    text = "# Backend Engineer\n\n**What you will do**\n\nRequirements\n- Go\n"
    assert "### Requirements" not in parse(text, "x.md").body


@pytest.mark.parametrize("nag", [
    "Upgrade to Premium to see how you compare to other applicants",
    "Для мэтча с этой вакансией нужен Plus",
    "Войдите, чтобы увидеть зарплатную вилку",
    "Regístrate para ver el salario",
    "Cadastre-se para ver o salário",
    "Zaloguj się, aby zobaczyć wynagrodzenie",
    "Будьте внимательны: работодатель не должен просить у вас деньги или коды из СМС.",
    "First Name *",
    "3.8 out of 5 stars",
    "Ferrylane Oy. All rights reserved.",
    "Beware: we will never ask you for money. Report any scam to us.",
])
def test_board_nags_and_forms_are_stripped(nag: str) -> None:
    text = f"Backend Engineer\n{nag}\n\nWe build booking software for ferries in the Baltic sea.\n"
    assert nag not in parse(text).body


def test_a_board_line_goes_wherever_it_stands_and_its_neighbours_stay() -> None:
    nag = "Beware of scammers: we never ask for fees."
    text = (f"Backend Engineer\nÉquipe plateforme\n\nWe build booking software for ferries.\n\n"
            f"Пишем на Go.\n{nag}\nWe never ask twice.\n")
    body = parse(text).body
    assert nag not in body
    assert "Пишем на Go." in body and "We never ask twice." in body


def test_board_labels_go_only_from_the_opening_block() -> None:
    text = ("Backend Engineer\nJob description\n\nWe build booking software for ferries in the "
            "Baltic sea, and our team is small.\n\nDescription\nMore words here.\n")
    body = parse(text).body
    assert body.count("Description") == 1 and "Job description" not in body


# -- more languages and layouts ----------------------------------------------------------

def test_ukrainian_remote_line() -> None:
    posting = parse("PHP Developer\nСмерічка Софт\nЛьвів · Віддалена робота\n\nМи робимо CRM.\n")
    assert posting.remote is True
    assert posting.locations == ("Lviv", "Remote")


def test_italian_labels() -> None:
    posting = parse("Sviluppatore Backend\nAzienda: Faro Dati S.p.A.\nSede: Torino\n"
                    "Modalità di lavoro: Ibrida\n\nFaro Dati analizza i consumi.\n")
    assert (posting.company, posting.locations, posting.remote) == (
        "Faro Dati S.p.A.", ("Turin",), False)


def test_a_lesser_known_city_next_to_a_work_mode_line() -> None:
    posting = parse("Développeur Python\nCDI\nAngers\nTélétravail total\n\nNous assurons des "
                    "vélos et des trottinettes dans tout l'ouest de la France.\n")
    assert posting.locations == ("Angers", "Remote")
    assert posting.remote is True


def test_a_lone_word_that_is_also_a_city_is_not_a_place_without_a_mode_nearby() -> None:
    posting = parse("Backend Developer\n\nWe build Rust tools for farmers.\n\nAngers\n")
    assert posting.locations == ()


def test_the_subject_of_the_first_sentence_names_the_company() -> None:
    posting = parse("Security Engineer\nSydney, Australia\n\nWattle Pay is building "
                    "account-to-account payments for Australian merchants.\n")
    assert posting.company == "Wattle Pay"


@pytest.mark.parametrize("sentence", [
    "Python is the language we use for everything here, from data to web apps.",
    "Berlin is a great place to live, and our office is right in the middle of it.",
    "Our platform is used by 3 million people every day across the whole world.",
])
def test_a_first_sentence_about_something_else_names_no_company(sentence: str) -> None:
    assert parse(f"Backend Developer\n\n{sentence}\n").company == ""


def test_a_framework_brings_its_language() -> None:
    assert {"rails", "ruby"} <= set(detect_stack("Experience with Ruby on Rails and Sidekiq"))
    assert "python" in detect_stack("Our API runs on Django and Postgres")


def test_linkedin_chrome_in_spanish_is_stripped() -> None:
    text = ("Ingeniero de Datos\nMistral · Madrid, España (Híbrido)\nhace 1 semana · Más de 100 "
            "solicitudes\nSolicitud sencilla\nGuardar\n\nMistral fabrica bicicletas eléctricas "
            "y gestiona una flota de alquiler.\n")
    body = parse(text).body
    assert "Solicitud sencilla" not in body and "Guardar" not in body and "hace 1" not in body


# -- locations ---------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "places", "remote"), [
    ("Location: Columbus, OH 43215", ("Columbus", "Ohio"), False),
    ("Standort: 10115 Berlin", ("Berlin",), False),
    ("Ubicación: Bogotá, D.C.", ("Bogotá",), False),
    ("Modalidad: Presencial y remoto", (), False),
    ("Location: Toronto or Remote", ("Toronto", "Remote"), True),
    ("Lokalizacja: Gdańsk\nTryb pracy: Praca zdalna", ("Gdańsk", "Remote"), True),
    ("勤務地：東京都渋谷区", ("Tokyo", "Shibuya"), False),
])
def test_location_lines(line: str, places: tuple[str, ...], remote: bool) -> None:
    posting = parse(f"Backend Developer\n{line}\n\nWe build software for ferries and ports.\n")
    assert (posting.locations, posting.remote) == (places, remote)


def test_an_employment_type_beside_the_company_is_not_a_place() -> None:
    posting = parse("# Engenheira de Dados\n\n**Mercado Azul** · Vaga efetiva\n\n"
                    "Curitiba, PR · Híbrido\n\nSomos um supermercado digital.\n", "x.md")
    assert posting.locations == ("Curitiba", "Paraná")
