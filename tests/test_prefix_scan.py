"""Looking for a pattern only where a match can start: the same matches as ``finditer``,
never one fewer."""

from __future__ import annotations

import re

import pytest

from tui.parsing.locations import CUE, REMOTE_PHRASES
from tui.parsing.prefix_scan import PrefixScan, opening_strings


def spans(matches: object) -> list[tuple[int, int]]:
    return [match.span() for match in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    "This role is BASED IN Denver, or remote within the US.",
    "You can work remotely from anywhere in Europe",  # cues inside a cue's span
    "Nous sommes basés à Lyon; bureaux à Paris",
    "Vaga: remoto desde o Brasil, escritório em São Paulo",
    "Офис в центре Минска, релокация",
    "Team baſed in Kraków",  # a long s: IGNORECASE takes it for "s"
    "İstanbul ofisi; based in İzmir",  # folding moves the characters: scanned whole
    "en remoto desde Madrid, en\u00a0remota en Chile",
    "no cue in this text at all",
])
def test_scan_finds_what_finditer_finds(text: str) -> None:
    scan = PrefixScan(CUE)
    assert spans(scan.finditer(text)) == spans(CUE.finditer(text))
    assert spans(PrefixScan(REMOTE_PHRASES).finditer(text)) == spans(
        REMOTE_PHRASES.finditer(text))


def test_a_cue_inside_the_last_match_is_skipped() -> None:
    text = "work remotely from Lisbon"  # "remotely from" opens inside the first cue
    assert [match.group(0) for match in PrefixScan(CUE).finditer(text)] == [
        "work remotely from "]


def test_opening_strings_spell_out_groups_and_options() -> None:
    pattern = re.compile(r"(?<!\w)(?:(?:almost\s+)?anywhere|b[üu]ro\w*|fully)", re.IGNORECASE)
    assert opening_strings(pattern) == ("almo", "anyw", "buro", "büro", "full")


@pytest.mark.parametrize("pattern", [
    re.compile(r"\w+ing", re.IGNORECASE),  # may open with any letter
    re.compile(r"(?:remote)?", re.IGNORECASE),  # may match no text
    re.compile(r"remote"),  # case-sensitive: re skips ahead by itself
])
def test_patterns_without_known_openings_are_scanned_whole(pattern: re.Pattern[str]) -> None:
    assert opening_strings(pattern) == ()
    assert spans(PrefixScan(pattern).finditer("Remote hiring remote")) == spans(
        pattern.finditer("Remote hiring remote"))
