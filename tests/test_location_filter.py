"""``loc:`` at every level: the CLI's --location, the search box and the Location facet
find a place by its city, region, country or continent, in any spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tui_helpers import SIZE, count_text, make_app, search_text, settle, type_text
from tui.catalog import AREA
from tui.cli import main
from tui.ui.widgets.filter_sidebar import FacetList

POSTINGS = {
    "berlin.md": "# Platform Engineer\n\nLocation: Berlin, Germany\n\nWe run trains on time.\n",
    "remote-eu.txt": "Data Engineer\nLocation: Remote (EU)\n\nWe measure rivers.\n",
    "moscow.txt": "Go-разработчик\nГород: Москва\n\nМы делаем карты для курьеров.\n",
    "bay.txt": "iOS Engineer\nLocation: San Francisco, CA\n\nWe build apps for bakeries.\n",
    "junk.md": "---\ntitle: QA Engineer\nlocation: \"{{ page.location }}\"\n---\nWe test.\n",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    postings = tmp_path / "postings"
    postings.mkdir()
    for name, text in POSTINGS.items():
        (postings / name).write_text(text, "utf-8")
    monkeypatch.setenv("JOBTUI_POSTINGS", str(postings))
    monkeypatch.setenv("JOBTUI_DATA_DIR", str(tmp_path / "data"))
    return postings


def sources(capsys: pytest.CaptureFixture[str], *places: str) -> set[str]:
    capsys.readouterr()
    argv = ["list", "--json"] + [arg for place in places for arg in ("--location", place)]
    assert main(argv) == 0
    return {record["source"] for record in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(("place", "found"), [
    ("berlin", {"berlin.md"}),
    ("germany", {"berlin.md"}),
    ("europe", {"berlin.md", "remote-eu.txt", "moscow.txt"}),
    ("EU", {"berlin.md", "remote-eu.txt", "moscow.txt"}),
    ("moscow", {"moscow.txt"}),
    ("Москва", {"moscow.txt"}),
    ("california", {"bay.txt"}),
    ("united states", {"bay.txt"}),
    ("usa", {"bay.txt"}),
    ("north america", {"bay.txt"}),
    ("asia", set()),
    ("us", {"bay.txt"}),  # a whole name: not the "us" inside "Russia"
])
def test_cli_location_matches_at_every_level(folder, capsys, place: str, found: set) -> None:
    assert sources(capsys, place) == found


def test_export_stores_canonical_places_and_drops_template_junk(folder, capsys) -> None:
    capsys.readouterr()
    assert main(["export", "--format", "json"]) == 0
    records = {r["source"]: r for r in json.loads(capsys.readouterr().out)}
    assert records["moscow.txt"]["locations"] == ["Moscow"]
    assert records["bay.txt"]["locations"] == ["San Francisco", "California"]
    assert records["remote-eu.txt"]["locations"] == ["Europe", "Remote"]
    assert records["junk.md"]["locations"] == []


async def test_sidebar_offers_countries_and_continents_and_filters_by_them(folder) -> None:
    app = make_app(folder.parent, folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        facet = app.query_one("#facet-loc", FacetList)
        kinds = {value.value: value.kind for value in facet.values}
        assert kinds["Berlin"] == "" and kinds["Moscow"] == ""  # places, canonical names
        assert kinds["North America"] == AREA and kinds["Russia"] == AREA  # what they lie in
        assert "Москва" not in kinds and "{{ page.location }}" not in kinds
        await pilot.press("l")
        await type_text(pilot, "europe")
        await pilot.press("space")
        await settle(app, pilot)
        assert search_text(app) == "loc:Europe"
        assert count_text(app) == "3 / 5"
        app.main.search_box.value = "loc:california"
        await settle(app, pilot)
        assert count_text(app) == "1 / 5"
