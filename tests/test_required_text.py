"""The text a pattern's every match must contain: the cheap test that lets the parser
skip a regex must never skip a text the regex would match."""

from __future__ import annotations

import re

import pytest

from tui.parsing.fields import find_salary
from tui.parsing.required_text import (
    first_characters,
    first_folded,
    folded,
    folded_in_place,
    holds,
    next_of,
    requirements,
)
from tui.parsing.traps import find_traps


def may_match(pattern: str, text: str) -> bool:
    return holds(requirements(pattern), folded(text), {})


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bmention (the|this|a) (word|code)\b", "Please MENTION THE CODE"),
    (r"\bin (the|your) (e-?mail )?subject( line)?\b", "put it in your email subject"),
    (r"\berw[äa]hne(n sie)? das wort\b", "ERWÄHNEN SIE DAS WORT"),
    (r"(укажите|напишите) (в [а-яё]+ )?слово", "УКАЖИТЕ В ОТКЛИКЕ СЛОВО"),
    (r"\bsubject line\b", "the ſubject line"),  # long s: IGNORECASE takes it for "s"
    (r"\bmention\b", "MENTİON"),  # Turkish dotted capital I
    (r"\bmention\b", "mentıon"),  # and dotless i
    (r"straße", "STRAẞE"),  # capital sharp s
    (r"\bkeyword\b", "\u212aEYWORD"),  # Kelvin sign
    (r"a{2,}b+c?", "xaaabbb"),
    (r"(?P<verb>start|begin) with", "BEGIN WITH"),
])
def test_a_text_the_pattern_matches_is_never_ruled_out(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE)
    assert may_match(pattern, text)


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bmention (the|this|a) (word|code)\b", "We mention our values often."),
    (r"\bin (the|your) (e-?mail )?subject( line)?\b", "Send it by mail."),
    (r"(укажите|напишите) (в [а-яё]+ )?слово", "Напишите нам"),
])
def test_a_text_without_the_words_is_ruled_out(pattern: str, text: str) -> None:
    assert not may_match(pattern, text)


@pytest.mark.parametrize("pattern", [r"(?i)mention", r"\d+", r"(a|\w+)", r"x(?=y)|.*"])
def test_what_the_reader_cannot_follow_requires_nothing(pattern: str) -> None:
    assert may_match(pattern, "")


def test_a_trap_in_turkish_capitals_is_still_found() -> None:
    assert find_traps("Lütfen başvurunuzda MENTİON THE WORD KEDİ.") == (
        "Lütfen başvurunuzda MENTİON THE WORD KEDİ.",)


def test_places_in_the_folded_text_are_used_only_where_they_line_up() -> None:
    assert folded_in_place("İstanbul, ſalary in EUR") == "istanbul, salary in eur"
    assert folded_in_place("Straße") is None  # "ß" folds to "ss"
    assert folded_in_place("a\u0307b") is None  # a lone combining dot is dropped


def test_next_of_finds_each_next_word_in_order() -> None:
    found: dict[str, int] = {}
    text = "ruby, then eur, then usd"
    assert next_of(("usd", "eur"), text, 0, found) == (11, "eur")
    assert next_of(("usd", "eur"), text, 12, found) == (21, "usd")
    assert next_of(("usd", "eur"), text, 22, found) is None


@pytest.mark.parametrize("before", ["", "Straßenbahn " * 40 + "\n"])
def test_salary_hint_in_any_case_is_read_wherever_the_text_folds_longer(before: str) -> None:
    lines = (before + "Great team\nPaying 60.000 - 70.000 Eur a year\nApply").split("\n")
    assert find_salary(lines, {}) == "60.000 - 70.000 Eur"


@pytest.mark.parametrize(("pattern", "firsts"), [
    (r"(click|tap) (here )?to apply", {"c", "t"}),
    (r"(jetzt )?bewerben[.!]?", {"j", "b"}),
    (r"(?<!x)[ÉE]cri", {"é", "e"}),
    (r"Straße|İş", {"s", "i"}),
    (r"\d+ days ago", None),
    (r".{0,80}all rights reserved", None),
    (r"(apply)?", None),  # may match no text
])
def test_first_characters_of_a_pattern(pattern: str, firsts: set[str] | None) -> None:
    assert first_characters(pattern) == (None if firsts is None else frozenset(firsts))


@pytest.mark.parametrize("line", ["CLICK HERE TO APPLY", "ſign in", "Tap to apply"])
def test_a_line_is_tried_by_the_patterns_its_first_character_may_start(line: str) -> None:
    pattern = r"(click|tap) (here )?to apply|(sign|log) (up|in)"
    assert re.fullmatch(pattern, line, re.IGNORECASE)
    assert first_folded(line[0]) in (first_characters(pattern) or set())


def test_alternatives_sharing_a_start_are_read_as_written() -> None:
    # re's parser moves the shared start out ("st(?:art|op)"); each is still required whole
    assert frozenset({"start", "stop"}) in requirements(r"\b(start|stop) here\b")
    assert may_match(r"\b(start|stop) here\b", "STOP HERE")
    assert not may_match(r"\b(start|stop) here\b", "stay here")
