"""Places as entities: any spelling resolves to one canonical place with its hierarchy,
text that names no place never becomes one, and remote is read in many languages."""

from __future__ import annotations

import pytest

from tui.model import Posting
from tui.parsing import gazetteer, parse_posting
from tui.parsing.places import read_place_line


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
