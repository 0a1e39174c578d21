"""Places as entities: any spelling resolves to one canonical place with its hierarchy,
text that names no place never becomes one, and remote is read in many languages."""

from __future__ import annotations

import pytest

from tui.model import Posting
from tui.parsing import gazetteer, parse_posting
from tui.parsing.places import may_be_place_line, read_place_line


def parse(text: str, name: str = "x.txt") -> Posting:
    return parse_posting(text.encode("utf-8"), name).posting


@pytest.mark.parametrize(("spelling", "name"), [
    ("Москва", "Moscow"), ("Lisboa", "Lisbon"), ("München", "Munich"), ("北京", "Beijing"),
    ("UK", "United Kingdom"), ("USA", "United States"), ("U.S.", "United States"),
    ("NYC", "New York City"), ("EU", "Europe"), ("Deutschland", "Germany"),
    ("Германия", "Germany"), ("日本", "Japan"), ("Kraków", "Kraków"), ("Krakow", "Kraków"),
    ("CDMX", "Mexico City"), ("Bay Area", "San Francisco Bay Area"), ("LATAM", "Latin America"),
])
def test_every_spelling_resolves_to_one_canonical_place(spelling: str, name: str) -> None:
    assert gazetteer.canonical(spelling) == name


@pytest.mark.parametrize("junk", ["Full-Time", "AWS", "Terraform", "{{ page.location }}", "us",
                                  "Engineering", "think pet insurance", ""])
def test_text_that_names_no_place_resolves_to_nothing(junk: str) -> None:
    assert gazetteer.canonical(junk) == ""


def test_a_place_knows_what_it_lies_in() -> None:
    assert {"Germany", "Europe"} <= set(gazetteer.ancestors(gazetteer.resolve("Berlin")))
    assert {"California", "United States", "North America"} <= set(
        gazetteer.ancestors(gazetteer.resolve("San Francisco")))


def test_a_state_code_picks_the_town_of_that_state() -> None:
    line = read_place_line("Springfield, VA")
    assert line.places == ["Springfield", "Virginia"]
    assert "Missouri" not in line.areas  # the other, bigger Springfield
    assert read_place_line("Austin, TX").places == ["Austin", "Texas"]


@pytest.mark.parametrize(("line", "places"), [
    ("Location: Berlin, Germany", ("Berlin", "Germany")),
    ("Localização: Lisboa, Portugal", ("Lisbon", "Portugal")),
    ("Город: Москва", ("Moscow",)),
    ("Standort: München oder Remote (EU)", ("Munich", "Europe", "Remote")),
    ("Location: {{ page.location }}", ()),
    ("Location: Full-Time, AWS", ()),
    ("Ubicación: Remoto - LATAM", ("Latin America", "Remote")),
    ("勤務地：大阪（リモート可）", ("Osaka", "Remote")),
])
def test_location_slots_give_canonical_places_and_drop_junk(line: str, places: tuple) -> None:
    posting = parse(f"Backend Developer\n{line}\n\nWe build route planning for barges.\n")
    assert posting.locations == places


def test_front_matter_keys_and_nested_values_are_slots() -> None:
    text = ("---\ntitle: Data Engineer\ncompanyName: Kelp Works\nlocation_list:\n"
            "  - city: Lyon\n    country: France\n  - Remote\n---\nWe grow kelp.\n")
    posting = parse(text, "x.md")
    assert set(posting.locations) == {"Lyon", "France", "Remote"}
    assert posting.remote is True
    assert {"France", "Europe"} <= set(posting.areas)


def test_a_company_headquarters_in_prose_is_not_a_job_location() -> None:
    posting = parse("Backend Developer\nLocation: Remote\n\nOur company was founded in Oslo "
                    "in 2015 and now serves farms in Kenya.\n")
    assert posting.locations == ("Remote",)


@pytest.mark.parametrize(("text", "remote"), [
    ("Frontend Developer\n\nWe are a small team.\n\n#LI-Remote\n", True),
    ("Frontend Developer\n\nWe are a small team.\n\n#LI-Hybrid\n", False),
    ("Desarrollador Frontend\n\nTrabajo remoto desde cualquier ciudad.\n", True),
    ("Développeur Frontend\n\nTélétravail complet possible.\n", True),
    ("Frontend-Entwickler\nArbeitsmodell: Hybrid\n\nWir bauen Apps.\n", False),
    ("Programista Frontend\nTryb pracy: zdalnie\n\nBudujemy aplikacje.\n", True),
    ("Фронтенд-разработчик\nФормат работы: удалённо\n\nДелаем приложения.\n", True),
    ("Frontend Developer\nRemote: no\n\nWe build apps.\n", False),
    ("Frontend Developer\n\nThis is not a remote role; the team sits together in Leeds.\n",
     False),
    ("---\ntitle: Frontend Developer\nremote: false\n---\nWork from anywhere is great.\n", False),
    ("Frontend Developer\nLocation: Leeds (hybrid)\n\nWe build apps.\n", False),
    ("Frontend Developer\n\nWe build apps for farmers.\n", False),
])
def test_remote_is_read_in_tags_slots_and_languages_with_negations(text: str, remote: bool
                                                                   ) -> None:
    assert parse(text, "x.md" if text.startswith("---") else "x.txt").remote is remote


def test_remote_scope_is_a_canonical_place_and_findable() -> None:
    posting = parse("Backend Developer\nLocation: Remote (US only)\n\nWe build apps.\n")
    assert posting.remote is True
    assert posting.remote_scope == "United States"
    assert "North America" in posting.areas


@pytest.mark.parametrize(("text", "places"), [
    ("Data Engineer\n\nThis role is remote within Canada. We ship weekly.\n",
     {"Canada", "Remote"}),
    ("Data Engineer\n\nWe are hiring in Portugal and Greece for this team.\n",
     {"Portugal", "Greece"}),
    ("Data Engineer\n\nWe only consider candidates from Chile & Peru.\n", {"Chile", "Peru"}),
    ("Data Engineer\n\nPerks:\n- Full remote work from anywhere\n- A laptop\n", {"Remote"}),
    ("Ingeniero de datos\n\n- Trabajo en remoto desde cualquier lugar, con horario flexible.\n",
     {"Remote"}),
    ("Data Engineer\n\nYou can work remotely from anywhere in Mexico.\n", {"Mexico", "Remote"}),
    ("Инженер данных\n\n- Уютный офис в самом центре Казани.\n", {"Kazan"}),
    ("Engenheiro de dados\n\nTrabalho no nosso escritório em Recife, se preferir.\n",
     {"Recife"}),
    ("Datenanalyst (m/w/d)\n\n- Helle Büroräume in Leipzig mit Dachterrasse\n", {"Leipzig"}),
    ("Инженер данных\n\nПомогаем переехать: релоцируем в Сербию.\n", {"Serbia"}),
    ("Data Engineer\n\nYou will be based in our Leeds office or remote.\n",
     {"Leeds", "Remote"}),
    ("Ingénieur Data\n\nLe poste est basé à Bordeaux. Télétravail partiel.\n", {"Bordeaux"}),
    ("Data Engineer\n\nWork from our offices in Boston, MA and Denver, CO, or from home.\n",
     {"Boston", "Massachusetts", "Denver", "Colorado"}),
    ("Инженер данных\n\nРелоцируем (Сербия, Армения) и оплачиваем переезд.\n",
     {"Serbia", "Armenia"}),
])
def test_a_job_location_stated_in_a_sentence_opens_a_slot(text: str, places: set[str]) -> None:
    assert set(parse(text).locations) == places


@pytest.mark.parametrize("text", [
    "Data Engineer\nLocation: Remote\n\nOur company is based in Oslo and sells to farms.\n",
    "Data Engineer\nLocation: Remote\n\nWe are headquartered in Oslo, Norway.\n",
    "Data Engineer\nLocation: Remote\n\nOur team is based in a quiet corner of the web.\n",
    "Data Engineer\nLocation: Remote\n\nThe charity maintains offices in Oslo and Bergen.\n",
    "Data Engineer\nLocation: Remote\n\nAcme Farms is based in Tromsø, Norway.\n",
    "Data Engineer\nLocation: Remote\n\nSomos 300 colaboradores, com escritório em Natal.\n",
    "Data Engineer\nLocation: Remote\n\nThis role is not open to remote work in Mexico.\n",
    "Data Engineer\nLocation: Remote\n\nYou will work from our office in Jackson Square.\n",
])
def test_a_cue_phrase_about_the_company_or_before_prose_adds_no_place(text: str) -> None:
    assert parse(text).locations == ("Remote",)


def test_a_work_mode_after_a_dash_in_a_run_on_first_line_is_a_slot() -> None:
    posting = parse("Acme Farms is hiring data engineers - REMOTE (Canada). We grow kale.\n")
    assert set(posting.locations) == {"Remote", "Canada"}
    assert posting.remote is True


def test_anywhere_in_a_region_is_a_place_but_not_remote_work() -> None:
    posting = parse("Data Engineer\n\nThis position may be based anywhere in Ohio.\n")
    assert posting.locations == ("Ohio",)
    assert posting.remote is False


# Lines our own wording invents: each reads as a place line, and the cheap first-word test
# must let it through (a line it wrongly rules out would lose the posting's place).
PLACE_LINES = [
    "Berlin", "Rio de Janeiro / Remote", "**Lisbon** · Hybrid", "- Remote (EU)",
    "Full-time, Toronto", "Austin, TX or Remote", "EU-wide", "Deutschlandweit",
    "in the US only", "Málaga", "10115 Berlin", "Berlin 10115", "Porto and(Remote)",
    "- or Berlin", "U.S", "Kraków | Onsite", "Anywhere in Europe",
]
PROSE_LINES = ["As a key engineer you will ship things", "Senior Backend Engineer",
               "Our team builds tools", "**Who we are**", "Requirements:"]


@pytest.mark.parametrize("line", PLACE_LINES)
def test_a_place_line_is_never_ruled_out_by_its_first_word(line: str) -> None:
    assert read_place_line(line).is_location
    assert may_be_place_line(line)


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_is_ruled_out_without_reading_it(line: str) -> None:
    assert not read_place_line(line).is_location
    assert not may_be_place_line(line)
